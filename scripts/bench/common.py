"""What the benchmark's steps share: the time budget, the log, the environment, timed commands."""

import subprocess
import time
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

from tests.servers import server_env

# The same settings for both bots, on top of the tests' server environment (no proxies, the
# project importable, today pinned).
QUIET = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def bench_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    return server_env({**QUIET, **(extra or {})})


class Budget:
    """The whole run is bounded: every step gets at most what is left."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self, cap: float) -> float:
        return max(1.0, min(cap, self.end - time.monotonic()))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def tail(path: Path, chars: int = 1500) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def run_timed(
    args: Sequence[str], cwd: Path, env: Dict[str, str], log_path: Path, timeout: float
) -> Dict[str, Any]:
    """Run a command to the end; wall time, return code (None on timeout), output in log_path."""
    start = time.perf_counter()
    with open(log_path, "w") as out:
        try:
            code: Optional[int] = subprocess.run(
                list(args),
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            ).returncode
        except subprocess.TimeoutExpired:
            code = None
    return {"seconds": time.perf_counter() - start, "returncode": code, "log": str(log_path)}
