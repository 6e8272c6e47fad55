"""Find in the text: the search bar, the view's hits, and the search itself, which runs on
the background runner for a long report (its first query simplifies the whole text: 0.3 s on
5 MB) and at once for a short one."""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.runtime import jobs
from reader.text.search import TextSearch

FIND = "find"  # the runner's key for a search
ASYNC_CHARS = 50_000  # a longer text is searched off the GUI thread (~30 ms of work here)


class FindController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.bar, self.view, self.runner = window.search_bar, window.view, window.runner
        self._search: TextSearch | None = None  # of the text shown, made at its first search
        self._pending_step = 0  # F3 or Enter pressed while a long text's search runs
        self.bar.query_changed.connect(self.search)
        self.bar.step_requested.connect(self.step)
        self.bar.closed.connect(self._on_closed)
        self.runner.finished.connect(self._on_runner_finished)

    def forget(self) -> None:
        """Another text is shown: its search is made again at the next query."""
        self._search = None
        self.runner.cancel(FIND)

    def refresh(self) -> None:
        """Search the text now shown for the query in the bar, if the bar is open."""
        if self.bar.isVisible() and self.bar.query():
            self.search(self.bar.query())

    def search(self, query: str) -> None:
        doc = self.window.doc
        if doc is None:
            return
        if self._search is None or self._search.text is not doc.text:
            self._search = TextSearch(doc.text)
        if len(doc.text) < ASYNC_CHARS or not query.strip():
            self._show(query, self._search.find(query))
        else:
            self.bar.show_searching()
            self.runner.submit(FIND, jobs.find, self._search, query)

    def step(self, step: int) -> None:
        if not self.bar.isVisible():
            self.bar.open_bar()
            return
        if self.runner.is_busy(FIND):
            self._pending_step = step  # taken once the hits are in
            return
        index = self.view.goto_match(step)
        self.bar.show_count(index, self.view.search_match_count())

    def _show(self, query: str, spans: list[tuple[int, int]]) -> None:
        if query != self.bar.query():
            return  # typed on meanwhile: the newer query's search follows
        total = self.view.set_search_matches(spans)
        self.bar.show_count(-1, total)
        step, self._pending_step = self._pending_step, 0
        if step:
            self.step(step)

    def _on_runner_finished(self, key: str, result: object) -> None:
        if key != FIND:
            return
        searcher, query, spans = result
        if searcher is self._search:  # still the text shown
            self._show(query, spans)

    def _on_closed(self) -> None:
        self.runner.cancel(FIND)
        self.view.set_search_matches([])
        self.view.setFocus()
