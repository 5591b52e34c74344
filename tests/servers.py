"""Start the action server and `rasa run` on free ports for tests, and stop them again."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MODEL = ROOT / "models" / "refund-assistant.tar.gz"
CREDENTIALS = (ROOT / "credentials.yml").read_text()  # the channels and add-ons as deployed
TODAY = "2026-11-28"  # "today" for the actions in tests: Saturday 28 November 2026


def tracker_store_on(db: Path) -> str:
    """The tracker store of endpoints.yml, as YAML, on the SQLite file `db`."""
    store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
    return yaml.safe_dump({"tracker_store": dict(store, db=str(db))})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


def _stop(process: Optional[subprocess.Popen], kill: bool = False) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Servers:
    """The action server and the Rasa server, with the given extra config and environment.

    `credentials` and `endpoints_extra` are YAML text; the action endpoint is added.
    """

    def __init__(
        self,
        workdir: Path,
        credentials: str = CREDENTIALS,
        endpoints_extra: str = "",
        env: Optional[Dict[str, str]] = None,
        enable_api: bool = False,
        rasa_args: Sequence[str] = (),
    ) -> None:
        self.workdir = workdir
        self.action_port, self.rasa_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        # No proxies: slack_sdk and aiohttp would send loopback traffic through them.
        self.env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        self.env.update(PYTHONPATH=str(ROOT), REFUND_ASSISTANT_TODAY=TODAY)
        self.env.update(env or {})
        self.enable_api = enable_api
        self.rasa_args = list(rasa_args)
        (workdir / "credentials.yml").write_text(credentials)
        (workdir / "endpoints.yml").write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{self.action_port}/webhook"\n'
            + endpoints_extra
        )
        self.actions: Optional[subprocess.Popen] = None
        self.rasa: Optional[subprocess.Popen] = None
        self._logs: List = []

    def _spawn(self, name: str, args: List[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "a")  # noqa: SIM115 - closed in stop()
        self._logs.append(log)
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def start_actions(self) -> None:
        self.actions = self._spawn(
            "actions",
            [PYTHON, "-m", "addons.action_server", "--port", str(self.action_port)],
        )
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.actions)

    def start_rasa(self) -> None:
        args = [
            RASA, "run", "--model", str(MODEL),
            "--interface", "127.0.0.1", "--port", str(self.rasa_port),
            "--endpoints", str(self.workdir / "endpoints.yml"),
            "--credentials", str(self.workdir / "credentials.yml"),
        ]  # fmt: skip
        if self.enable_api:
            args.append("--enable-api")
        args += self.rasa_args
        self.rasa = self._spawn("rasa", args)
        wait_until_up(f"{self.url}/", self.rasa)  # "Hello from Rasa", whatever the channels

    def kill_rasa(self) -> None:
        _stop(self.rasa, kill=True)

    def __enter__(self) -> "Servers":
        assert MODEL.exists(), "no trained model: run `make install` (or `make train`)"
        try:
            self.start_actions()
            self.start_rasa()
        except RuntimeError:
            self.print_logs()
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is not None:
            self.print_logs()
        self.stop()

    def stop(self) -> None:
        _stop(self.rasa)
        _stop(self.actions)
        for log in self._logs:
            log.close()

    def print_logs(self) -> None:
        for name in ("actions", "rasa"):
            path = self.workdir / f"{name}.log"
            if path.exists():
                sys.stderr.write(f"--- {name}.log ---\n{path.read_text()[-3000:]}\n")


class RestClient:
    def __init__(self, url: str) -> None:
        self.url = url

    def say(self, sender: str, message: str) -> List[dict]:
        reply = requests.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=30,
        )
        reply.raise_for_status()
        return reply.json()

    def texts(self, sender: str, message: str) -> str:
        """All the text the bot answered, joined into one string."""
        return "\n".join(m.get("text", "") for m in self.say(sender, message))
