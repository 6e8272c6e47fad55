"""The bad-input corpus through the command line (issue 12): for every file, `extract` and
`export` finish in a bounded time and memory, and either read it (valid, strict UTF-8
JSON; an export written) or say in one line on stderr what is wrong, exit 1, with no
traceback and nothing written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from bad_files import FAULT_PRELUDE, Case, case_names, fault_env, make_corpus
from child import run

SMALL_S, BIG_S = 60.0, 240.0  # deadlines (the machine is shared: generous, still a bound)
SMALL_MB, BIG_MB = 400.0, 1500.0  # peak RSS of the CLI process


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Case]:
    return {c.name: c for c in make_corpus(tmp_path_factory.mktemp("corpus"))}


def _listing(folder: Path) -> dict[str, tuple]:
    out = {}
    for name in os.listdir(folder):
        st = os.lstat(folder / name)
        out[name] = (st.st_size, st.st_mtime_ns, st.st_mode)
    return out


def _check_failure(case: Case, stderr: str) -> None:
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), (case.name, stderr)
    assert len(lines[0]) < 400


CASES = case_names()


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 35


@pytest.mark.parametrize("name", CASES)
def test_cli_extract_and_export(corpus, name, tmp_path):
    case = corpus[name]
    folder = case.path.parent
    before = _listing(folder)
    deadline, memory = (BIG_S, BIG_MB) if case.big else (SMALL_S, SMALL_MB)
    env = fault_env(case)
    path = os.fsencode(case.path)

    got = run(["extract", path], FAULT_PRELUDE, env, deadline)
    assert got.code is not None, f"{name}: extract still running after {deadline:.0f} s"
    assert got.peak_mb < memory, f"{name}: extract peaked at {got.peak_mb:.0f} MB"
    if got.code == 0:
        assert case.expect in ("ok", "either"), f"{name} was read: {got.stdout[:200]!r}"
        data = json.loads(got.stdout.decode("utf-8"))  # strict UTF-8, strict JSON
        assert data["text_length"] > 0 and data["source"]["sha256"]
        assert "Traceback" not in got.stderr
    else:
        assert got.code == 1 and case.expect in ("error", "either"), (name, got.stderr)
        _check_failure(case, got.stderr)
        assert got.stdout == b""

    if got.code == 0 and case.expect == "ok" and name.isascii() and " " not in name \
            and "\\" not in name:
        return  # read: the export of a readable report is tested elsewhere (time: jieba again)
    out = tmp_path / "out.csv"
    exported = run(["export", path, "--format", "csv", "-o", out], FAULT_PRELUDE, env,
                   deadline)
    assert exported.code is not None, f"{name}: export still running after {deadline:.0f} s"
    if exported.code == 0:
        assert out.read_bytes().startswith(b"\xef\xbb\xbftitle,"), name
    else:
        assert exported.code == 1, (name, exported.stderr)
        _check_failure(case, exported.stderr)
        assert not out.exists() and list(tmp_path.iterdir()) == []
    assert (exported.code == 0) == (got.code == 0), (name, got.stderr, exported.stderr)

    after = _listing(folder)
    if case.fault == "vanish":
        before.pop(case.path.name)  # the fault deletes it: put back for the next run
        after.pop(case.path.name, None)
        case.path.write_text("restored", encoding="utf-8")
    assert after == before, f"{name}: the corpus folder changed"
