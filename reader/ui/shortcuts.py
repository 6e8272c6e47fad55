"""Every keyboard shortcut of the window, defined once.

The menus take their keys from here, the Help ▸ Keyboard Shortcuts dialog lists this table,
and a test checks that the README's shortcut table says the same. Keys are written in Qt's
portable form (`QKeySequence("Ctrl+O")`: Ctrl is ⌘ on macOS), each key sequence held by one
action only (two actions, or one action twice, holding a key make Qt print "Ambiguous
shortcut overload" and do nothing). The keys are those desktop readers use (calibre,
Okular, browsers): F3 for the next match, Alt+Left for back, F11 for full screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shortcut:
    name: str  # the window's action (window.actions_.<name>)
    label: str  # what it does, for the Help dialog and the README
    keys: tuple[str, ...]  # QKeySequence strings, the first one shown in menus
    also: str = ""  # another way to do it that is not a key (mouse buttons, wheel)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("open", "Open a report", ("Ctrl+O",)),
    Shortcut("export", "Export excerpts and figures", ("Ctrl+E",)),
    Shortcut("quit", "Quit", ("Ctrl+Q",)),
    Shortcut("find", "Find in the text", ("Ctrl+F",)),
    Shortcut("find_next", "Next match", ("F3", "Ctrl+G")),
    Shortcut("find_prev", "Previous match", ("Shift+F3", "Ctrl+Shift+G")),
    Shortcut("highlight", "Highlight the selection (last colour used)", ("Ctrl+H",)),
    Shortcut("highlight_note", "Highlight the selection with a note", ("Ctrl+Shift+H",)),
    Shortcut("copy_excerpt", "Copy the selection as an excerpt with its section path",
             ("Ctrl+Shift+C",)),
    Shortcut("undo", "Undo a highlight change", ("Ctrl+Z",)),
    Shortcut("redo", "Redo a highlight change", ("Ctrl+Shift+Z", "Ctrl+Y")),
    Shortcut("back", "Back to where you were before a jump", ("Alt+Left",),
             "mouse back button"),
    Shortcut("forward", "Forward again", ("Alt+Right",), "mouse forward button"),
    Shortcut("prev_section", "Previous section", ("Ctrl+PgUp",)),
    Shortcut("next_section", "Next section", ("Ctrl+PgDown",)),
    Shortcut("go_start", "Start of the report", ("Ctrl+Home",)),
    Shortcut("go_end", "End of the report", ("Ctrl+End",)),
    Shortcut("contents", "Show or hide the contents (section tree)", ("Ctrl+T",)),
    Shortcut("zoom_in", "Zoom in", ("Ctrl++", "Ctrl+="), "Ctrl+wheel up"),
    Shortcut("zoom_out", "Zoom out", ("Ctrl+-",), "Ctrl+wheel down"),
    Shortcut("zoom_reset", "Actual size", ("Ctrl+0",)),
    Shortcut("full_screen", "Full screen", ("F11",)),
    Shortcut("panel_contents", "Show or hide the Contents panel", ("Ctrl+Shift+1",)),
    Shortcut("panel_indicators", "Show or hide the Key indicators panel", ("Ctrl+Shift+2",)),
    Shortcut("panel_highlights", "Show or hide the Highlights panel", ("Ctrl+Shift+3",)),
    Shortcut("panel_library", "Show or hide the Library panel", ("Ctrl+Shift+4",)),
    Shortcut("shortcuts", "This list of keyboard shortcuts", ("F1",)),
)

BY_NAME = {s.name: s for s in SHORTCUTS}


def keys_of(name: str) -> tuple[str, ...]:
    """The key sequences of action `name` (KeyError for an unknown one)."""
    return BY_NAME[name].keys


def shown_keys(shortcut: Shortcut) -> str:
    """The keys as a reader reads them: "F3 or Ctrl+G"; "Ctrl++ or Ctrl+= (or Ctrl+wheel up)"."""
    text = " or ".join(shortcut.keys)
    return f"{text} (or {shortcut.also})" if shortcut.also else text


def markdown_table() -> str:
    """The README's table (a test compares the two)."""
    lines = ["| keys | action |", "| --- | --- |"]
    lines += [f"| {shown_keys(s)} | {s.label} |" for s in SHORTCUTS]
    return "\n".join(lines)
