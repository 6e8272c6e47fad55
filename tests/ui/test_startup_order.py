"""What the first paint does not wait for: the highlights (store, panel) are built after it,
and at once when the reader uses them before."""

from __future__ import annotations

from reader.ui.panels.highlights_panel import HighlightsPanel


def _window(qtbot):
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    create_app([])
    w = MainWindow()
    qtbot.addWidget(w)
    return w


def test_highlights_built_after_first_paint(qtbot, sample_doc):
    w = _window(qtbot)
    w.show_document(sample_doc)
    assert w._highlighting is None  # not on the first paint's path
    with qtbot.waitSignal(w.view.first_painted, timeout=10_000):
        w.show()
    qtbot.waitUntil(lambda: w._highlighting is not None, timeout=5_000)
    assert isinstance(w.docks["highlights"].widget(), HighlightsPanel)
    assert w.highlighting.panel.doc is w.original  # attached to the report already shown


def test_highlight_action_before_first_paint_builds_them(qtbot, sample_doc):
    w = _window(qtbot)
    w.show_document(sample_doc)
    w.view.selectAll()
    w.actions_.highlight.trigger()  # the window has not painted yet
    assert w._highlighting is not None
    assert w.view.user_highlight_count() == 1
    assert len(w.highlighting.panel.highlights()) == 1


def test_long_text_goes_in_piece_by_piece(qtbot, monkeypatch, sample_doc):
    from reader.ui.text_view import text_feeder
    from reader.ui.text_view.document_view import DocumentView

    monkeypatch.setattr(text_feeder, "PIECE_CHARS", 2_000)
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    with qtbot.waitSignal(view.text_loaded, timeout=10_000):
        view.set_document(sample_doc)
        assert not view.is_loaded()
        assert view.document().characterCount() - 1 < len(sample_doc.text)
    assert view.is_loaded()
    assert view.toPlainText() == sample_doc.text
    view.apply_all_formats()  # every figure formatted, the pieces' seams included
    ranges = view.format_ranges("figure")
    assert {fid for _s, _e, fid in ranges} == {f.id for f in sample_doc.figures}


def test_new_document_while_pieces_go_in(qtbot, monkeypatch, sample_doc, small_doc):
    from reader.ui.text_view import text_feeder
    from reader.ui.text_view.document_view import DocumentView

    monkeypatch.setattr(text_feeder, "PIECE_CHARS", 2_000)
    fed = []  # pieces that came due (the first text's next one, dropped)
    feed = text_feeder.TextFeeder._feed
    monkeypatch.setattr(text_feeder.TextFeeder, "_feed",
                        lambda self, *args: (fed.append(args[2]), feed(self, *args)))
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(sample_doc)
    view.set_document(small_doc)  # the first one's remaining pieces are dropped
    qtbot.waitUntil(lambda: bool(fed))
    assert view.is_loaded() and view.toPlainText() == small_doc.text


def test_a_file_opened_later_is_analysed_in_another_process(qtbot, sample_path):
    import os

    w = _window(qtbot)
    w.show()
    with qtbot.waitSignal(w.document_shown, timeout=30_000):
        w.open_file(sample_path)  # no start-up prefetch: the Open dialog's way
    analysis = w.loader.prefetched
    assert analysis is not None and analysis._pid != os.getpid()  # a fork server's process
    with qtbot.waitSignal(w.document_linked, timeout=30_000) as linked:
        pass
    assert linked.args[0].indicators
    # it ran in this test's environment (the server started in another test's)
    home = os.environ["REPORT_LENS_HOME"]
    assert os.listdir(os.path.join(home, "cache", "analyses"))
    w.runner.shutdown()
