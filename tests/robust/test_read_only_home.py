"""A data folder that cannot be written (issue 12: every analysis failed, jieba's cache is
written there): the analysis runs with its cache in a temporary folder; only highlights,
which live there, are unavailable, and say so in one line.

Root writes anywhere whatever the modes, so the folder is made unwritable for everyone: the
home is a regular file, and nothing can be created under it."""

from __future__ import annotations

import json

from child import run


def test_analysis_works_with_an_unwritable_home(tmp_path, sample_path):
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    env = {"REPORT_LENS_HOME": str(home)}
    got = run(["extract", sample_path], env=env, deadline_s=120)
    assert got.code == 0, got.stderr
    data = json.loads(got.stdout.decode("utf-8"))
    assert data["indicators"] and data["figures"]  # phase 2 ran: jieba found a cache folder
    out = tmp_path / "out.md"
    got = run(["export", sample_path, "--figures", "-o", out], env=env, deadline_s=120)
    assert got.code == 0 and out.exists(), got.stderr
    got = run(["export", sample_path, "--highlights", "-o", tmp_path / "h.md"], env=env,
              deadline_s=120)
    assert got.code == 1 and "Traceback" not in got.stderr
    (line,) = got.stderr.strip().splitlines()
    assert line.startswith("error: ") and "highlights database" in line
    assert home.read_text(encoding="utf-8") == "not a folder"
