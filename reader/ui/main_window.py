"""The main window: composes the widgets and connects their signals. No logic of its own:
opening and analysis are the loader's (document_loader), find the find_controller's, jumps the
navigator's, the reading place reading_places'."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.document import Document
from reader.load import SUFFIXES
from reader.outline.title import display_title
from reader.paths import printable
from reader.runtime import regex_cache
from reader.runtime.jobs import in_script
from reader.ui import app as app_setup
from reader.ui import window_state
from reader.ui.document_loader import DocumentLoader
from reader.ui.find_controller import ASYNC_CHARS, FindController
from reader.ui.menus import build_menus
from reader.ui.navigation import Navigator
from reader.ui.panels.outline_view import OutlineView
from reader.ui.panels.panel_placeholder import PanelPlaceholder
from reader.ui.reading_places import ReadingPlaces
from reader.ui.recent_files import fill_recent_menu, recent_files, remember_recent
from reader.ui.sliced import next_turn, turn_queue, when_idle
from reader.ui.status import StatusBar
from reader.ui.text_view.document_view import DocumentView
from reader.ui.text_view.legend_bar import LegendBar
from reader.ui.text_view.search_bar import SearchBar

PANEL_MIN_WIDTH = 360  # px: the key-indicator dock never narrower (numbers never elide)
BIG_TEXT = 500_000  # characters: the docks of a longer text are filled after its first paint
# Steps of a big text go one per turn of the event loop through the window's turn queue
# (reader.ui.sliced.next_turn): a 1 ms timer, not a 0 ms posted call (run before overdue
# timers and input), and one queue, not a timer per chain (Qt fires every due timer in one go).
_FORMAT_NAMES = {"text": "Text", "html": "Web pages", "docx": "Word", "pdf": "PDF"}
OPEN_FILTER = ";;".join(
    [f"Reports ({' '.join('*' + s for ss in SUFFIXES.values() for s in ss)})"]
    + [f"{_FORMAT_NAMES[k]} ({' '.join('*' + s for s in ss)})" for k, ss in SUFFIXES.items()]
    + ["All files (*)"])


def _save_patterns_elsewhere() -> None:
    threading.Thread(target=regex_cache.save, name="regex-cache", daemon=True).start()


class MainWindow(QMainWindow):
    document_shown = Signal(object)  # the Document now on screen (a new text)
    document_linked = Signal(object)  # same text, figures now linked to indicators
    open_failed = Signal(str)  # the message shown to the reader

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(app_setup.APPLICATION)
        self.resize(1400, 900)
        self.setAcceptDrops(True)
        self.original: Document | None = None  # as analysed
        self.doc: Document | None = None  # as shown (script converted)
        self._script = "original"
        self._theme = "system"
        self._warmed = False
        self._recent_pending = ""
        self.view = DocumentView()
        self.legend = LegendBar()
        # Room for reading between the docks (the legend wraps to whatever width is left).
        self.view.setMinimumWidth(360)
        self.search_bar = SearchBar()
        self.search_bar.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.search_bar)
        self.setCentralWidget(central)
        self.outline = OutlineView()
        self._panel = None  # built after the first paint (see `panel`)
        self._panel_placeholder = PanelPlaceholder()
        self._highlighting = None  # built after the first paint (see `highlighting`)
        self._library = None  # likewise (see `library`)
        self.docks = {
            "contents": self._dock("Contents", "contents_dock", self.outline,
                                   Qt.DockWidgetArea.LeftDockWidgetArea),
            "indicators": self._dock("Key indicators", "indicators_dock", self._panel_placeholder,
                                     Qt.DockWidgetArea.RightDockWidgetArea),
            "highlights": self._dock("Highlights", "highlights_dock", QWidget(),
                                     Qt.DockWidgetArea.RightDockWidgetArea),
            "library": QDockWidget("Library", self, objectName="library_dock"),
        }
        self.tabifyDockWidget(self.docks["indicators"], self.docks["highlights"])
        self.docks["library"].setWidget(QWidget())  # tabified, not added first: one tab bar
        self.tabifyDockWidget(self.docks["highlights"], self.docks["library"])
        self.docks["indicators"].raise_()
        self.outline.setMinimumWidth(200)
        self._panel_placeholder.setMinimumWidth(PANEL_MIN_WIDTH)
        self._sized = False
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.places = ReadingPlaces(self)
        self.loader = DocumentLoader(self.status, self._script_for, self)
        self.runner = self.loader.runner
        self.loader.converted.connect(self._on_loader_converted)
        self.find = FindController(self)
        self.actions_ = build_menus(self, self.docks)
        self.navigator = Navigator(self)
        self.navigator.watch(self.view.viewport(), self.outline.tree.viewport())
        self.help_dialog = None  # Help ▸ Keyboard Shortcuts / About, when opened
        self._connect()
        window_state.restore(self)

    @property
    def panel(self):
        """The key-indicator panel (reader.ui.panels.indicator_panel). Built after the first
        paint, or at first use: its imports and widgets cost ~20 ms the first paint need not
        wait for; until then its dock holds a placeholder of the same width."""
        if self._panel is None:
            from reader.ui.panels.indicator_panel import IndicatorPanel

            panel = IndicatorPanel()
            panel.setMinimumWidth(PANEL_MIN_WIDTH)
            panel.reveal_requested.connect(self._on_panel_reveal_requested)
            self.navigator.watch(panel.table.viewport())
            if app_setup.is_dark():
                panel.set_dark(True)
            if self.doc is not None:
                panel.set_document(self.doc, linking=self.loader.is_linking())
            self._panel = panel
            self.docks["indicators"].setWidget(panel)
            self._panel_placeholder.deleteLater()
        return self._panel

    @property
    def highlighting(self):
        """The reader's highlights (store, panel, export). Built after the first paint, or at
        first use: its dock starts behind "Key indicators", and its imports, database and
        reattachment cost ~25 ms the first paint need not wait for."""
        if self._highlighting is None:
            from reader.ui.highlighting import Highlighting

            self._highlighting = Highlighting(self)  # attaches to the document shown, if any
            self.docks["highlights"].setWidget(self._highlighting.widget)
            self._highlighting.connect_actions(self.actions_)
        return self._highlighting

    @property
    def library(self):
        """The library dock and the comparison view (reader.ui.series.library), built after
        the first paint like the highlights."""
        if self._library is None:
            from reader.ui.series.library import LibraryController

            self._library = LibraryController(self)
            self._library.add_actions(self.actions_.file_menu, self.actions_.export)
        return self._library

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a = self.actions_
        a.open.triggered.connect(self._on_open_triggered)
        a.export.triggered.connect(lambda: self.highlighting.open_export())
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.search_bar.open_bar)
        a.find_next.triggered.connect(lambda: self.find.step(+1))
        a.find_prev.triggered.connect(lambda: self.find.step(-1))
        a.contents.triggered.connect(self.navigator.toggle_contents)
        a.zoom_in.triggered.connect(lambda: self.view.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.view.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.view.zoom(0))
        a.full_screen.triggered.connect(self.navigator.toggle_full_screen)
        a.back.triggered.connect(self.navigator.back)
        a.forward.triggered.connect(self.navigator.forward)
        a.prev_section.triggered.connect(lambda: self.navigator.section(-1))
        a.next_section.triggered.connect(lambda: self.navigator.section(+1))
        a.go_start.triggered.connect(self.navigator.start)
        a.go_end.triggered.connect(self.navigator.end)
        a.shortcuts.triggered.connect(lambda: self._open_help("shortcuts"))
        a.about.triggered.connect(lambda: self._open_help("about"))
        a.scripts.triggered.connect(lambda act: self.set_script(act.data()))
        a.themes.triggered.connect(lambda act: self.set_theme(act.data()))
        a.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        a.encodings.triggered.connect(lambda act: self.reopen_with_encoding(act.data()))
        # through the property: the first use builds the highlights if they are not yet
        a.highlight.triggered.connect(lambda: self.highlighting.highlight_selection())
        a.highlight_note.triggered.connect(lambda: self.highlighting.highlight_selection(ask=True))
        a.colours.triggered.connect(lambda act: self.highlighting.highlight_selection(act.data()))
        a.copy_excerpt.triggered.connect(lambda: self.highlighting.copy_excerpt())
        self.view.context_menu_requested.connect(
            lambda menu, offset: self.highlighting.fill_context_menu(menu, offset))
        self.loader.opened.connect(self.show_document)
        self.loader.linked.connect(self.show_linked)
        self.loader.figures_completed.connect(self.show_all_figures)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.linking_due.connect(self._flush_recent)
        self.loader.charts_ready.connect(lambda: self.panel.load_charts_in_turns())
        self.outline.section_selected.connect(self._on_outline_section_selected)
        self.view.top_offset_changed.connect(self._on_view_top_offset_changed)
        self.view.figure_activated.connect(self._on_view_figure_activated)
        self.view.first_painted.connect(self._on_view_first_painted)
        self.legend.hidden_kinds_changed.connect(self.view.set_hidden_kinds)
        app = QApplication.instance()
        app.styleHints().colorSchemeChanged.connect(lambda _s: self.set_theme(self._theme))

    # --- opening ---------------------------------------------------------------------------------
    def open_file(self, path: str | Path, prefetched=None, encoding: str | None = None) -> None:
        """Open `path` (see DocumentLoader.open_file); the report shown stays until it is in."""
        self.loader.open_file(path, prefetched, encoding)

    def reopen_with_encoding(self, encoding: str) -> None:
        """File ▸ Reopen with Encoding: the report shown, read again in `encoding`."""
        if self.original is not None:
            self.open_file(self.original.source.path, encoding=encoding)

    def _script_for(self, doc: Document) -> str:
        """The script to show `doc` in: the one it was last read in, else the one shown now."""
        return self.places.script_for(doc, self._script)

    def show_document(self, doc: Document, shown: Document | None = None) -> None:
        """Show `doc` (as analysed) where the reader left it; `shown`: it already in the
        script to show it in (the loader's job converted it), if known."""
        self.places.save()  # the report being left
        self.navigator.forget()
        self.original = doc
        if shown is None:
            shown = in_script(doc, self._script_for(doc))
        self._set_script_checked(shown.script)
        place = self.places.get(doc)
        if place is not None:
            self.view.set_zoom(place.zoom)
        self._show(shown, at=self.places.offset_in_shown(doc, shown))
        self._recent_pending = doc.source.path  # a settings write: after the first paint
        self._show_encoding(doc)
        title = display_title(shown.meta, printable(Path(doc.source.path).name))
        self.setWindowTitle(f"{title} — {app_setup.APPLICATION}")

    def _show_encoding(self, doc: Document) -> None:
        """Reopen with Encoding: for text and HTML only, the encoding read checked."""
        a = self.actions_
        a.reopen_menu.setEnabled(doc.source.format in ("text", "html"))
        for codec, act in a.encoding.items():
            act.setChecked(codec == doc.source.encoding)

    def _show(self, doc: Document, keep_position: bool = False, at: int = 0) -> None:
        self.doc = doc
        self.find.forget()
        self.view.set_hidden_kinds(self.legend.hidden_kinds())  # before: one formatting pass
        self.view.set_document(doc, keep_position=keep_position, at=at)
        if len(doc.text) < BIG_TEXT:
            self._show_docks(doc)
        else:  # each step costs ~20-30 ms on a 5 MB report: one per turn of the event loop,
            # so the text paints between
            next_turn(self, lambda: self._show_tree(doc))

    def _show_tree(self, doc: Document) -> None:
        if self.doc is doc:
            self.outline.set_document(doc)
            next_turn(self, lambda: self._show_docks(doc, tree=False))

    def _show_docks(self, doc: Document, tree: bool = True) -> None:
        if self.doc is not doc:
            return  # another document came meanwhile
        if tree:
            self.outline.set_document(doc)
        if self._panel is not None:
            self._panel.set_document(doc, linking=self.loader.is_linking())
        else:
            self._panel_placeholder.set_linking(self.loader.is_linking())
        self.status.show_document(doc)
        self.find.refresh()
        self.document_shown.emit(doc)

    def show_linked(self, doc: Document, shown: Document | None = None) -> None:
        """Phase 2 of the analysis: the same text with figures linked to indicators. Swapped in
        place: scroll position, tree selection, search and the reader's highlights stay."""
        if self.original is None or doc.text != self.original.text:
            return  # another report was opened meanwhile
        if shown is None or shown.script != self._script:
            if len(doc.text) >= ASYNC_CHARS:  # converted on the runner, then back here
                self.loader.convert(doc, self._script)
                return
            shown = in_script(doc, self._script)
        self._swap(doc, shown)
        if len(shown.text) < BIG_TEXT:
            self._show_linked_docks(shown)
        else:  # the text's new layers first, the panel in the next turn of the event loop
            next_turn(self, lambda: self._show_linked_docks(shown))

    def _swap(self, doc: Document, shown: Document) -> None:
        """The same text's newer analysis in place (scroll position, selection, search and
        the reader's highlights stay)."""
        self.original, self.doc = doc, shown
        self.view.swap_document(shown)

    def show_all_figures(self, doc: Document, shown: Document) -> None:
        """The rest of the figures of the report shown (a start-up analysis sends the first
        lines' with phase 1): swapped in place like phase 2; the indicators follow."""
        if self.original is None or doc.text != self.original.text \
                or shown.script != self._script:
            return  # another report, or another script chosen meanwhile: phase 2 brings them
        self._swap(doc, shown)
        self.outline.set_document(shown)  # (the same tree: its figure counts)
        self.status.show_document(shown)

    def _show_linked_docks(self, shown: Document) -> None:
        if self.doc is shown:
            self.panel.set_document(shown)  # (builds it, if a paint has not yet)
            self.status.show_document(shown)
            self.document_linked.emit(shown)

    def set_script(self, script: str) -> None:
        """Show the report in `script`; a long one is converted on the runner meanwhile."""
        self._set_script_checked(script)
        if self.original is None:
            return
        if len(self.original.text) >= ASYNC_CHARS:
            self.loader.convert(self.original, script)
            return
        self._show(in_script(self.original, script), keep_position=True)
        self.places.save()

    def _set_script_checked(self, script: str) -> None:
        self._script = script
        self.actions_.script[script].setChecked(True)

    def _on_loader_converted(self, doc: Document, shown: Document) -> None:
        if self.original is None or doc.text != self.original.text or shown.script != self._script:
            return  # another report, or another script chosen meanwhile
        if doc is not self.original:  # phase 2 arrived in the script of before
            self.show_linked(doc, shown)
            return
        self._show(shown, keep_position=True)
        self.places.save()

    def set_theme(self, theme: str) -> None:
        self._theme = theme
        self.actions_.theme[theme].setChecked(True)
        dark = app_setup.apply_theme(QApplication.instance(), theme)
        self.view.set_dark(dark)
        if self._panel is not None:  # else it is built in the theme then current
            self._panel.set_dark(dark)

    # --- slots -----------------------------------------------------------------------------------------
    def _on_open_triggered(self) -> None:
        start = str(Path(self.original.source.path).parent) if self.original else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open report", start, OPEN_FILTER)
        if path:
            self.open_file(path)

    def _open_help(self, which: str) -> None:
        from reader.ui.dialogs.help_dialog import help_dialog  # when first asked

        if self.help_dialog is not None:
            self.help_dialog.close()
            self.help_dialog.deleteLater()
        self.help_dialog = help_dialog(which, self)
        self.help_dialog.open()

    def _on_recent_menu_about_to_show(self) -> None:
        fill_recent_menu(self.actions_.recent_menu, self.open_file)

    def _on_loader_failed(self, message: str) -> None:
        message = printable(message)  # a file name's undecodable bytes, shown as \xff
        self.open_failed.emit(message)
        QMessageBox.warning(self, "Cannot open report", message)

    def _on_outline_section_selected(self, section) -> None:
        self.navigator.go_to(section.start)

    def _on_view_top_offset_changed(self, offset: int) -> None:
        current = self.outline.current_section()
        line_end = offset + 1 if self.view.anchored() else self.view.top_line_span()[1]
        if current is not None and offset <= current.start < max(line_end, offset + 1):
            return  # its heading is on the top line (a lead heading in mid-paragraph)
        self.outline.select_section(self.outline.section_at(offset))

    def _on_view_figure_activated(self, figure) -> None:
        self.panel.select_figure(figure.id)
        self.view.flash(figure.start, figure.end)

    def _on_view_first_painted(self) -> None:
        # Called inside the paint: a worker started now would take the GIL from the rest of
        # this frame (every Python override the paint calls waits for it). Next turn instead.
        next_turn(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.loader.start_linking()
        if self._warmed:
            return
        self._warmed = True
        # One part per turn of the event loop (each ~50-100 ms on a slow machine: together
        # they held the window for ~200 ms): the panel (the first paint had its placeholder),
        # then the highlights and the library (their docks are behind the indicators), then
        # pyqtgraph's import, then the patterns compiled for the first time (PySide6's, the
        # window's) stored for the next start: on a thread of its own, since the write is
        # fsync'ed (reader.atomic) and nothing waits for it.
        steps = [lambda: self.panel, lambda: self.highlighting, lambda: self.library,
                 self._import_charts_when_loaded, _save_patterns_elsewhere]

        def next_step() -> None:
            steps.pop(0)()
            if steps:
                next_turn(self, next_step)  # (none once the window is gone)

        next_step()

    def _import_charts_when_loaded(self) -> None:
        # Once the text is in and the window's deferred steps are done (the tree expanding,
        # the docks): the import holds the GIL on the worker for ~0.4 s, and every Python call
        # of a turn beside it waits (the 5 MB report's longest gap at start-up).
        if self.view.is_loaded():
            when_idle(self, self.loader.import_charts)
        else:
            self.view.text_loaded.connect(lambda: when_idle(self, self.loader.import_charts))

    def _on_panel_reveal_requested(self, start: int, end: int) -> None:
        self.navigator.reveal(start, end)

    def mousePressEvent(self, event) -> None:
        if not self.navigator.mouse_pressed(event):  # the side buttons: back, forward
            super().mousePressEvent(event)

    # --- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])

    # --- settings -------------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return recent_files()

    def _flush_recent(self) -> None:
        path, self._recent_pending = self._recent_pending, ""
        remember_recent(path)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            window_state.size_docks_first_time(
                self, [self.docks["contents"], self.docks["indicators"]])

    def closeEvent(self, event) -> None:
        turn_queue().drop(self)  # (a step building a dock for a closed window could open a
        # dialog, whose modal loop would then delete the window under it)
        self.places.save()
        self._flush_recent()
        window_state.save(self)
        self.loader.close()
        if self._library is not None:  # a folder still being added says nothing more
            self._library.runner.cancel_all()
        super().closeEvent(event)

