"""Start the action server and Rasa on free ports, for the tests and the benchmark.

The one place that starts real servers: `Servers` (an action server and `python -m addons run`,
our Rasa with its patches and hooks), ports (`free_port`, `closed_port`), the environment they
run in (`server_env`) and the settings of the scale profile (`scale_profile`).
"""

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
PYTHON = str(ROOT / ".venv" / "bin" / "python")
RASA = [PYTHON, "-m", "addons"]  # Rasa's command line with our patches and start-up hooks
STOCK_RASA = [str(ROOT / ".venv" / "bin" / "rasa")]
ACTION_SERVER = [PYTHON, "-m", "actions"]
# TEST_MODEL runs the tests on another trained model (e.g. one trained into a scratch folder).
MODEL = Path(os.environ.get("TEST_MODEL") or ROOT / "models" / "refund-assistant.tar.gz")
CREDENTIALS = (ROOT / "credentials.yml").read_text()  # the channels as deployed
TODAY = "2026-11-28"  # "today" for the actions in tests: Saturday 28 November 2026
SCALE_PROFILE_DEFAULTS = ROOT / "deploy" / "scale.env"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port() -> int:
    """A port nothing listens on (it was free a moment ago)."""
    return free_port()


def server_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """This environment less proxies (slack_sdk and aiohttp would send loopback traffic through
    them), with the project importable and today pinned."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(ROOT), REFUND_ASSISTANT_TODAY=TODAY)
    env.update(extra or {})
    return env


def scale_profile() -> Dict[str, str]:
    """deploy/scale.env, with what the environment says winning (as in scripts/run.sh)."""
    settings = {}
    for line in SCALE_PROFILE_DEFAULTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            settings[key] = os.environ.get(key, value)
    return settings


def project_endpoint(key: str) -> str:
    """One top-level entry of endpoints.yml, as YAML ("" when it has none)."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text()) or {}
    return yaml.safe_dump({key: endpoints[key]}) if key in endpoints else ""


def action_endpoint(url: str) -> str:
    """The action endpoint of endpoints.yml, as YAML, at `url`."""
    endpoint = yaml.safe_load((ROOT / "endpoints.yml").read_text())["action_endpoint"]
    return yaml.safe_dump({"action_endpoint": dict(endpoint, url=url)})


def tracker_store_on(db: Path) -> str:
    """The tracker store of endpoints.yml, as YAML, on the SQLite file `db`."""
    store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
    return yaml.safe_dump({"tracker_store": dict(store, db=str(db))})


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


def stop(process: Optional[subprocess.Popen], kill: bool = False) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Servers:
    """An action server and a Rasa server on free ports, logging into `workdir`.

    `credentials` and `endpoints_extra` are YAML text. The endpoints get the action endpoint
    (unless `actions` is False) and the response generator (`nlg`) of endpoints.yml.
    `project`, `model` and `rasa` let the benchmark start another bot (a stock `rasa init`).
    """

    def __init__(
        self,
        workdir: Path,
        credentials: str = CREDENTIALS,
        endpoints_extra: str = "",
        env: Optional[Dict[str, str]] = None,
        enable_api: bool = False,
        rasa_args: Sequence[str] = (),
        *,
        project: Path = ROOT,
        model: Path = MODEL,
        rasa: Sequence[str] = tuple(RASA),
        actions: bool = True,
        name: str = "",
    ) -> None:
        self.workdir = workdir
        self.project, self.model, self.rasa_command = project, model, list(rasa)
        self.action_port, self.rasa_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.env = server_env(env)
        self.enable_api = enable_api
        self.rasa_args = list(rasa_args)
        self.prefix = f"{name}-" if name else ""
        self.credentials_file = workdir / f"{self.prefix}credentials.yml"
        self.endpoints_file = workdir / f"{self.prefix}endpoints.yml"
        self.credentials_file.write_text(credentials)
        endpoints = endpoints_extra
        if actions:
            endpoints = action_endpoint(f"http://127.0.0.1:{self.action_port}/webhook") + endpoints
        if project == ROOT and "nlg:" not in endpoints:
            endpoints += project_endpoint("nlg")
        self.endpoints_file.write_text(endpoints)
        self.with_actions = actions
        self.actions: Optional[subprocess.Popen] = None
        self.rasa: Optional[subprocess.Popen] = None
        self._logs: List = []

    def log_path(self, what: str) -> Path:
        return self.workdir / f"{self.prefix}{what}.log"

    def _spawn(self, what: str, args: List[str]) -> subprocess.Popen:
        log = open(self.log_path(what), "a")  # noqa: SIM115 - closed in stop()
        self._logs.append(log)
        return subprocess.Popen(
            args, cwd=self.project, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_actions(self) -> None:
        self.actions = self._spawn("actions", ACTION_SERVER + ["--port", str(self.action_port)])
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.actions)

    def rasa_run_args(self) -> List[str]:
        args = self.rasa_command + [
            "run", "--model", str(self.model),
            "--interface", "127.0.0.1", "--port", str(self.rasa_port),
            "--endpoints", str(self.endpoints_file),
            "--credentials", str(self.credentials_file),
        ]  # fmt: skip
        if self.enable_api:
            args.append("--enable-api")
        return args + self.rasa_args

    def spawn_rasa(self) -> subprocess.Popen:
        """Start Rasa without waiting for it."""
        self.rasa = self._spawn("rasa", self.rasa_run_args())
        return self.rasa

    def start_rasa(self) -> None:
        wait_until_up(f"{self.url}/", self.spawn_rasa())  # "Hello from Rasa", whatever the channels

    def kill_rasa(self) -> None:
        stop(self.rasa, kill=True)

    def __enter__(self) -> "Servers":
        assert self.model.exists(), "no trained model: run `make install` (or `make train`)"
        try:
            if self.with_actions:
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
        stop(self.rasa)
        stop(self.actions)
        for log in self._logs:
            log.close()
        self._logs = []

    def print_logs(self) -> None:
        for what in ("actions", "rasa"):
            path = self.log_path(what)
            if path.exists():
                sys.stderr.write(f"--- {path.name} ---\n{path.read_text()[-3000:]}\n")


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
