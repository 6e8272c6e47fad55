"""Jumps, Back/Forward, section to section, start/end, the contents, full screen: the window's
Go menu and the View menu's moves.

Every jump the window makes (contents, indicator panel, highlights, Ctrl+Home…) goes through
`Navigator.go_to` or `Navigator.reveal`, which remember the place left (reader.text.navigation,
in offsets of the report as analysed, so a script switch does not lose them). The mouse's
back and forward buttons anywhere in the window do what Alt+Left and Alt+Right do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from reader.text.convert import carry_span
from reader.text.navigation import JumpHistory, section_step


class Navigator(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.history = JumpHistory()

    def watch(self, *widgets: QWidget) -> None:
        """Take the mouse's back/forward buttons over these widgets (others pass the press
        they ignore up to the window, which calls `mouse_pressed`)."""
        for widget in widgets:
            widget.installEventFilter(self)

    # --- offsets: kept in the report as analysed, used in the text shown -----------------------
    def _kept(self, offset: int) -> int:
        return carry_span(self.window.doc, self.window.original, offset, offset)[0]

    def _shown(self, offset: int) -> int:
        return carry_span(self.window.original, self.window.doc, offset, offset)[0]

    def _here(self) -> int:
        return self._kept(self.window.view.reading_offset())

    # --- jumps -------------------------------------------------------------------------------
    def go_to(self, offset: int) -> None:
        """Bring the line of `offset` (shown text) to the top, remembering the place left."""
        if self.window.doc is None:
            return
        self.history.jumped(self._here(), self._kept(offset))
        self.window.view.scroll_to_offset(offset, anchor=True)

    def reveal(self, start: int, end: int) -> None:
        """Centre and flash `start`–`end` (shown text), remembering the place left."""
        if self.window.doc is None:
            return
        self.history.jumped(self._here(), self._kept(start))
        view = self.window.view
        figure = view.figure_at(start)
        if figure is not None and figure.start == start:
            view.reveal_figure(figure)
        else:
            view.reveal_span(start, end)

    def back(self) -> bool:
        return self._return(self.history.back)

    def forward(self) -> bool:
        return self._return(self.history.forward)

    def _return(self, step) -> bool:
        if self.window.doc is None:
            return False
        target = step(self._here())
        if target is None:
            return False
        self.window.view.scroll_to_offset(self._shown(target))
        return True

    def section(self, step: int) -> None:
        """The next (+1) or previous (-1) section's heading to the top of the view."""
        doc = self.window.doc
        if doc is None:
            return
        section = section_step(doc.sections, self.window.view.top_line_span(), step)
        if section is not None:
            self.go_to(section.start)

    def start(self) -> None:
        self.go_to(0)

    def end(self) -> None:
        doc = self.window.doc
        if doc is not None:
            self.go_to(max(len(doc.text) - 1, 0))

    def forget(self) -> None:
        """A new report: the places were in the old one."""
        self.history.clear()

    # --- the window ------------------------------------------------------------------------
    def toggle_contents(self) -> None:
        """Ctrl+T: hide the contents, or show them with the keyboard in the tree."""
        w = self.window
        dock = w.docks["contents"]
        if dock.isVisible():
            dock.hide()
            w.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        dock.show()
        dock.raise_()
        w.outline.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_full_screen(self) -> None:
        w = self.window
        w.setWindowState(w.windowState() ^ Qt.WindowState.WindowFullScreen)
        w.actions_.full_screen.setChecked(w.isFullScreen())

    def mouse_pressed(self, event: QEvent) -> bool:
        """Back/forward for the mouse's side buttons; whether the press was one."""
        button = event.button()
        if button == Qt.MouseButton.BackButton:
            self.back()
        elif button == Qt.MouseButton.ForwardButton:
            self.forward()
        else:
            return False
        event.accept()
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.MouseButtonPress and self.mouse_pressed(event)
