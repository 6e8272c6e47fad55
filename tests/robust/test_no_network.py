"""Opening a document never touches the network and never runs what it contains (issue 12):
an HTML page with remote <img>, <script>, <link>, <iframe> (and the rest of the corpus) is
opened through the CLI and the window's loader with sockets made to fail loudly and an audit
hook that records any connection, name lookup or process start."""

from __future__ import annotations

import socket
import sys

import pytest
from bad_files import make_corpus
from child import run
from PySide6.QtWidgets import QMessageBox

FORBIDDEN = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
             "urllib.Request", "http.client.connect", "subprocess.Popen", "os.system",
             "os.exec", "os.posix_spawn", "os.spawn", "webbrowser.open", "exec")

GUARD = "FORBIDDEN = " + repr(FORBIDDEN) + r"""
import socket, sys
def _hook(event, args):
    if event in FORBIDDEN and not (event == "exec" and _started):
        sys.stderr.write(f"FORBIDDEN {event}\n"); sys.stderr.flush()
        raise RuntimeError(f"forbidden: {event}")
_started = False
class _NoSocket(socket.socket):
    def __init__(self, *a, **k):
        sys.stderr.write("FORBIDDEN socket\n"); raise RuntimeError("no sockets here")
socket.socket = _NoSocket
socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no network"))
sys.addaudithook(_hook)
_started = True
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return {c.name: c for c in make_corpus(tmp_path_factory.mktemp("corpus"), big=False)}


@pytest.mark.parametrize("name", ["remote_resources.html", "no_article.html", "encrypted.pdf",
                                  "truncated.docx", "name with spaces.txt"])
def test_the_cli_opens_documents_without_network_or_processes(corpus, name):
    got = run(["extract", corpus[name].path], GUARD, deadline_s=120)
    assert got.code in (0, 1), got.stderr
    assert "FORBIDDEN" not in got.stderr and "Traceback" not in got.stderr, got.stderr


_ACTIVE: list[str] = []  # events seen while the guard is on (audit hooks cannot be removed)
_ON = [False]


def _record(event: str, args) -> None:
    if _ON[0] and event in FORBIDDEN and event != "exec":
        _ACTIVE.append(event)


sys.addaudithook(_record)


def test_the_windows_loader_opens_documents_without_network(qtbot, monkeypatch, corpus,
                                                            sample_path):
    from window_helpers import open_window

    import reader.runtime.prefetch as prefetch

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    w = open_window(qtbot, sample_path)
    # analysed in this process, where the guard is (the fork server's children would not be)
    monkeypatch.setattr(prefetch, "start_later", lambda path: None)
    monkeypatch.setattr(prefetch, "warm_later", lambda: None)

    def no_socket(*a, **k):
        raise AssertionError("a socket was opened while opening a document")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    _ON[0] = True
    try:
        for name in ("remote_resources.html", "no_article.html", "encrypted.pdf"):
            events: list[str] = []
            w.document_shown.connect(lambda _d, e=events: e.append("shown"))
            w.open_failed.connect(lambda _m, e=events: e.append("failed"))
            w.open_file(corpus[name].path)
            qtbot.waitUntil(lambda e=events: bool(e), timeout=60_000)
            qtbot.wait(200)
    finally:
        _ON[0] = False
    assert _ACTIVE == []
    w.loader.close()
