"""Failures around the bot: the action server goes down and comes back; the tracker store's
database is unreachable at start (about 1.5 minutes).

Stock Rasa 3.6.21, action server down: `RemoteAction` raises, the processor logs
"Bot will continue, but the actions events are lost" and the user gets nothing (REST `[]`).
Here `addons.action_apology.ActionServerApology` makes the bot apologise and listen (in a form:
apologise, reject the new value and ask again); nothing is kept about the failure, so the bot
recovers as soon as the action server answers again.

Stock Rasa 3.6.21, tracker store unreachable at start: it logs "Could not create tables: ..."
(for sqlite without the file's path), comes up anyway and keeps conversations in memory only.
Here `addons.tracker_store_check.TrackerStoreCheck` stops `rasa run` with status 1 and an error
naming the store and the database.
"""

import os
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
import requests

from addons.action_apology import APOLOGY_TEXT
from tests.servers import CREDENTIALS, MODEL, RASA, ROOT, RestClient, Servers, _stop, free_port


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[Servers]:
    with Servers(tmp_path, enable_api=True) as running:
        yield running


def texts(bot: Servers, sender: str, message: str) -> Tuple[float, str]:
    started = time.monotonic()
    answer = RestClient(bot.url).texts(sender, message)
    return time.monotonic() - started, answer


def tracker(bot: Servers, sender: str) -> dict:
    return requests.get(f"{bot.url}/conversations/{sender}/tracker", timeout=10).json()


def test_action_server_down_gets_an_apology_and_the_bot_recovers(bot):
    dispute, complaint = (f"down-{uuid.uuid4().hex[:8]}" for _ in range(2))
    assert "When did you open" in texts(bot, dispute, "the seller hasn't answered my dispute")[1]

    _stop(bot.actions)  # the action server goes down
    seconds, answer = texts(bot, complaint, "my parcel never came")  # action_explain_complaint
    assert answer == APOLOGY_TEXT and seconds < 5
    # In the date form: validate_deadline_form can't run, so the date isn't taken; the
    # form stays active and asks again.
    seconds, answer = texts(bot, dispute, "I opened it 2 days ago")
    assert answer.startswith(APOLOGY_TEXT) and "When did you open" in answer and seconds < 5
    state = tracker(bot, dispute)
    assert state["active_loop"].get("name") == "deadline_form"
    assert state["slots"]["dispute_date"] is None
    log = (bot.workdir / "rasa.log").read_text()
    assert "Custom action 'action_explain_complaint' could not run" in log
    assert "Custom action 'validate_deadline_form' could not run" in log

    bot.start_actions()  # back on the same port: no restart of Rasa, nothing to reset
    answer = texts(bot, dispute, "I opened it 2 days ago")[1]
    assert "Thursday 26 November" in answer and "3 days left" in answer
    assert "Contact now" in texts(bot, complaint, "my parcel never came")[1]
    assert "Step 1 of 5" in texts(bot, complaint, "yes please")[1]  # the offer made just now


# --- the tracker store is unreachable at start ------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def start_rasa(workdir: Path, tracker_store: str) -> Tuple[subprocess.Popen, int]:
    """`rasa run` with this tracker store and the start-up check; no action server needed."""
    workdir.mkdir()
    (workdir / "credentials.yml").write_text(CREDENTIALS)
    (workdir / "endpoints.yml").write_text(f"tracker_store:\n{tracker_store}")
    port = free_port()
    args = [
        RASA, "run", "--model", str(MODEL), "--interface", "127.0.0.1", "--port", str(port),
        "--endpoints", str(workdir / "endpoints.yml"),
        "--credentials", str(workdir / "credentials.yml"),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(ROOT))
    with open(workdir / "rasa.log", "w") as log:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT), port


def test_unreachable_tracker_store_stops_rasa_run_with_a_clear_error(tmp_path):
    pg_port = closed_port()
    cases: List[Tuple[str, str, List[str]]] = [
        (
            "postgres",
            f"  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: {pg_port}\n  db: x\n",
            ["ConnectionException: Cannot use the tracker store",
             f"SQLTrackerStore, postgresql database 'x' on 127.0.0.1:{pg_port}",
             "Connection refused"],
        ),
        (
            "sqlite",
            "  type: addons.sqlite_tracker_store.SQLiteTrackerStore\n"
            "  db: /nonexistent-dir/sub/conversations.db\n",
            ["ConnectionException: Cannot use the tracker store",
             "SQLiteTrackerStore, sqlite database /nonexistent-dir/sub/conversations.db",
             "unable to open database file"],
        ),
    ]  # fmt: skip
    started = [
        (name, *start_rasa(tmp_path / name, store), expected) for name, store, expected in cases
    ]
    try:
        for name, process, port, expected in started:
            try:
                process.wait(timeout=150)  # loading the model takes most of it
            except subprocess.TimeoutExpired:
                pytest.fail(f"{name}: rasa run is still running with an unreachable tracker store")
            log = (tmp_path / name / "rasa.log").read_text()
            assert process.returncode == 1, log[-2000:]
            for words in expected:
                assert words in log, f"{name}: no {words!r} in\n{log[-2000:]}"
            with pytest.raises(requests.ConnectionError):
                requests.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        for _, process, _, _ in started:
            _stop(process)
