"""The start-up analysis child links indicators (phase 2) at a lower priority, so it does not
take the core the window paints on when the other core is busy; on a busy machine it waits for
the window's first paint first; its phase 1 runs off the window's core (reader.runtime.sharing)."""

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
        p.painted()  # as the window does after its first paint
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


def _run(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=True).stdout.split()


def test_a_busy_machines_child_links_once_the_window_has_painted(sample_path, tmp_path):
    # CONTENDED below zero: the child takes the machine for busy, whatever its load now
    out = _run(f"""
        import os, time
        os.environ["REPORT_LENS_HOME"] = {str(tmp_path / "home")!r}
        from reader.runtime import prefetch
        from reader.runtime import sharing
        sharing.CONTENDED = -1.0
        p = prefetch.start({str(sample_path)!r})
        doc, linked = p.result()
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        time.sleep(0.5)  # phase 2 would have started (niced) by now
        before = os.getpriority(os.PRIO_PROCESS, p._pid) - mine
        t = time.monotonic()
        p.painted()
        full = p.linked(doc)
        print(linked, before, len(full.indicators) > 0, time.monotonic() - t < 60)
    """)
    assert out == ["False", "0", "True", "True"]


def test_a_quiet_machines_child_links_at_once(sample_path, tmp_path):
    # CONTENDED past one: never busy; linked without the window's word (no painted())
    out = _run(f"""
        import os
        os.environ["REPORT_LENS_HOME"] = {str(tmp_path / "home")!r}
        from reader.runtime import prefetch
        from reader.runtime import sharing
        sharing.CONTENDED = 2.0
        sharing.PAINT_WAIT_S = 600.0  # (a wait would time the test out)
        p = prefetch.start({str(sample_path)!r})
        doc, linked = p.result()
        print(len(p.linked(doc).indicators) > 0)
    """)
    assert out == ["True"]


def test_phase_one_runs_off_the_windows_core_and_phase_two_anywhere():
    out = _run("""
        import os
        from reader.runtime import sharing
        cores = os.sched_getaffinity(0)
        with open("/proc/self/stat", "rb") as f:
            here = int(f.read().rsplit(b")", 1)[1].split()[36])
        sharing.off_the_windows_core(os.getpid())
        phase_1 = os.sched_getaffinity(0)
        sharing.yield_to_the_window()
        phase_2 = os.sched_getaffinity(0)
        print(phase_1 == (cores - {here} if len(cores) > 1 else cores), phase_2 == cores)
    """)
    assert out == ["True", "True"]


def test_painted_after_the_child_is_gone_is_harmless(sample_path, tmp_path):
    out = _run(f"""
        import os
        os.environ["REPORT_LENS_HOME"] = {str(tmp_path / "home")!r}
        from reader.runtime import prefetch
        p = prefetch.start({str(sample_path)!r})
        doc, linked = p.result()
        p.close()
        p.painted()
        print("ok")
    """)
    assert out == ["ok"]
