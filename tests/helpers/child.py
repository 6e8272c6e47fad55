"""Running the reader in a child process with a deadline, measuring its peak memory.

`run(args)` starts `python -c PRELUDE+CLI args…`, polls it, kills it at the deadline, and
returns what happened: exit code (None: killed for hanging), seconds, peak RSS in MB, stdout
bytes and stderr text.

The peak is the child's own `VmHWM` (Linux /proc), written by the child at exit and read by
polling while it runs. Not `ru_maxrss`: subprocess starts the child with vfork, and for that
moment the child runs in this process's memory, so its rusage peak is at least the test
process's size (hundreds of MB late in a full run) whatever the reader itself uses.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys\nfrom reader.cli import main\nsys.exit(main())\n"
# Writes the child's VmHWM (kB) to the file named by $REPORT_LENS_TEST_HWM when it exits.
_HWM = ("import atexit, os\n"
        "def _hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            open(os.environ['REPORT_LENS_TEST_HWM'], 'w').write(line.split()[1])\n"
        "atexit.register(_hwm)\n")


def _polled_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class Outcome:
    code: int | None  # None: still running at the deadline (killed)
    seconds: float
    peak_mb: float
    stdout: bytes
    stderr: str


def run(args: list[str | bytes | os.PathLike], prelude: str = "", env: dict | None = None,
        deadline_s: float = 60.0, cwd: Path | None = None) -> Outcome:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    hwm_file = Path(tempfile.mkstemp(prefix="hwm")[1])
    full_env["REPORT_LENS_TEST_HWM"] = str(hwm_file)
    peak_kb = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", _HWM + prelude + "\n" + CLI, *args],
                                stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=cwd or ROOT, env=full_env)
        code, usage = None, None
        while True:
            peak_kb = max(peak_kb, _polled_hwm_kb(proc.pid))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - t0 > deadline_s:
                os.kill(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = code if code is not None else -9  # reaped here, not by Popen
        seconds = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read().decode("utf-8", "replace")
    try:
        peak_kb = max(peak_kb, int(hwm_file.read_text() or 0))
    except (OSError, ValueError):
        pass
    hwm_file.unlink(missing_ok=True)
    return Outcome(code, seconds, peak_kb / 1024, stdout, stderr)
