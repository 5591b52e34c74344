"""Start the action server and `rasa run` on free ports, and talk to them over REST."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator, List

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
MODEL = ROOT / "models" / "refund-assistant.tar.gz"
TODAY = "2026-11-28"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


class Bot:
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


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    assert MODEL.exists(), "no trained model: run `make install` (or `make train`)"
    workdir = tmp_path_factory.mktemp("servers")
    action_port, rasa_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    # Pin "today" so the dates in the answers are known: Saturday 28 November 2026.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REFUND_ASSISTANT_TODAY": TODAY}
    logs = [open(workdir / name, "w") for name in ("actions.log", "rasa.log")]
    actions = subprocess.Popen(
        [RASA, "run", "actions", "--port", str(action_port), "--actions", "actions"],
        cwd=ROOT,
        env=env,
        stdout=logs[0],
        stderr=subprocess.STDOUT,
    )
    rasa = subprocess.Popen(
        [
            RASA,
            "run",
            "--model",
            str(MODEL),
            "--port",
            str(rasa_port),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(ROOT / "credentials.yml"),
        ],
        cwd=ROOT,
        env=env,
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", rasa)
        yield Bot(f"http://127.0.0.1:{rasa_port}")
    except RuntimeError:
        for log in logs:
            log.flush()
            sys.stderr.write(Path(log.name).read_text()[-3000:])
        raise
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
