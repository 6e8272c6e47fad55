"""The start-up analysis child links indicators (phase 2) at a lower priority, so it does not
take the core the window paints on when the other core is busy."""

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


def test_phase_two_runs_niced(sample_path, tmp_path):
    code = textwrap.dedent(f"""
        import os, sys, time
        os.environ["REPORT_LENS_HOME"] = {str(tmp_path / "home")!r}
        from reader.runtime import prefetch
        p = prefetch.start({str(sample_path)!r})
        doc, linked = p.result()
        assert not linked
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        deadline = time.monotonic() + 5
        seen = mine
        while time.monotonic() < deadline:
            seen = os.getpriority(os.PRIO_PROCESS, p._pid)
            if seen != mine:
                break
            time.sleep(0.002)
        full = p.linked(doc)
        print(seen - mine, len(full.indicators) > 0)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["10", "True"]
