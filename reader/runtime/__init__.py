"""Running the pipeline for the window and the command line: finished analyses cached by
content hash (`cache`), the analysis in another process (`prefetch`; how its start-up child
shares the cores with the window: `sharing`), and the window's
background jobs as plain functions with progress and cancel callbacks (`jobs`, and the
library's `library_jobs`); a corpus of reports on a process pool or a Dask cluster (`corpus`,
its workers' preloaded imports in `corpus_preload`)."""
