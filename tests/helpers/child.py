"""Running the reader in a child process with a deadline, measuring its peak memory.

`run(args)` starts `python -c PRELUDE+CLI args…`, polls `os.wait4` (which gives the rusage
of that child alone, unlike RUSAGE_CHILDREN's running maximum), kills it at the deadline,
and returns what happened: exit code (None: killed for hanging), seconds, peak RSS in MB,
stdout bytes and stderr text.
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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", prelude + "\n" + CLI, *args],
                                stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=cwd or ROOT, env=full_env)
        code, usage = None, None
        while True:
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
    return Outcome(code, seconds, usage.ru_maxrss / 1024 if usage else 0.0, stdout, stderr)
