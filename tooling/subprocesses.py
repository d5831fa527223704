"""Ending a child process this program started: politely first, then for certain."""

import subprocess
import sys
from pathlib import Path

# The `wvp` command of the running interpreter's environment.
WVP = str(Path(sys.executable).with_name("wvp"))


def wait_or_kill(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """Wait for a process that was asked to stop; kill it when it has not stopped in time."""
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def end(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after `timeout` seconds."""
    process.terminate()
    wait_or_kill(process, timeout)
