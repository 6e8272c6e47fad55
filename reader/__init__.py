"""Report Lens: a reader for Chinese government work reports.

The core is Qt-free; one pipeline (`reader.pipeline`) serves the window, the command line and
the tests. Each stage is a subpackage exporting its one step, and imports only the stages
below it in the layers of the import-linter contracts in pyproject.toml (ui → cli → runtime →
series → pipeline → export → store → indicators → figures → outline → load → text). In the
order the data flows:

    load        file → RawText                       load_file (one module per format)
    text        RawText → cleaned text + offset map   clean, script conversion, offsets
    outline     text → meta, front matter, sections   detect_meta, outline
    figures     text → figures                        find_figures
    indicators  figures → indicator/role/year, table  link_indicators, build_table, key_rows
    pipeline    the stages in order → Document        read_file, link_document, analyze_file

Above the pipeline, `series` compares reports (targets against the next report's results,
places beside each other) as pure functions on library entries.
Beside them: `store` (highlights and the library in SQLite, reading places, recent files),
`export` (excerpts and any table in their formats), `runtime` (analysis cache, analysis
process, background jobs, the corpus runner), `cli` (extract, export, compare, corpus), and
`ui` (widgets only). At the bottom, imported by all: `document` (the immutable model), the
vocabularies (`vocab`, `data/`) and small shared pieces (`chars`, `paths`, `atomic`,
`progress`, `lazy`, `highlight_colours`).
"""

from pathlib import Path

__version__ = "0.1.0"

# The embedded sample the window opens when given no file: package data, so an installed
# `report-lens` has it too.
SAMPLE_PATH = Path(__file__).resolve().parent / "data" / "sample" / "tancheng_2023.txt"
