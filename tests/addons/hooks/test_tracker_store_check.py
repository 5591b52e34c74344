"""addons/hooks/tracker_store_check.py: an unusable tracker store stops the start, named.

Stock Rasa 3.6.21, tracker store unreachable at start: it logs "Could not create tables: ..."
(for sqlite without the file's path), comes up anyway and keeps conversations in memory only.
With the hook `python -m addons run` exits with status 1 and an error naming the store and
the database. The unit tests check the store directly; the `servers` test starts Rasa twice
(about a minute).
"""

import subprocess
from pathlib import Path
from typing import List, Tuple

import pytest
import requests
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.exceptions import ConnectionException

from addons.hooks.tracker_store_check import check_tracker_store, describe_tracker_store
from tests.servers import Servers, closed_port


async def test_unwritable_sqlite_path_is_named():
    store = FailSafeTrackerStore(
        SQLTrackerStore(dialect="sqlite", db="/nonexistent-dir/sub/conversations.db")
    )
    with pytest.raises(ConnectionException) as raised:
        await check_tracker_store(store)
    message = str(raised.value)
    assert "SQLTrackerStore" in message and "/nonexistent-dir/sub/conversations.db" in message
    assert "unable to open database file" in message


async def test_closed_postgres_port_is_named_without_the_password():
    port = closed_port()
    store = FailSafeTrackerStore(
        SQLTrackerStore(
            dialect="postgresql",
            host="127.0.0.1",
            port=port,
            db="x",
            username="rasa",
            password="s3cret",
        )  # fmt: skip
    )
    with pytest.raises(ConnectionException) as raised:
        await check_tracker_store(store)
    message = str(raised.value)
    assert f"postgresql database 'x' on 127.0.0.1:{port}" in message
    assert "s3cret" not in message


async def test_a_working_store_passes(tmp_path):
    store = FailSafeTrackerStore(SQLTrackerStore(dialect="sqlite", db=str(tmp_path / "c.db")))
    await check_tracker_store(store)
    assert describe_tracker_store(store) == f"SQLTrackerStore, sqlite database {tmp_path / 'c.db'}"


@pytest.mark.servers
def test_unreachable_tracker_store_stops_rasa_run_with_a_clear_error(tmp_path: Path):
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
            "  type: addons.stores.sqlite.SQLiteTrackerStore\n"
            "  db: /nonexistent-dir/sub/conversations.db\n",
            ["ConnectionException: Cannot use the tracker store",
             "SQLiteTrackerStore, sqlite database /nonexistent-dir/sub/conversations.db",
             "unable to open database file"],
        ),
    ]  # fmt: skip
    # No action server is needed: Rasa should stop before any message.
    started = [
        (Servers(tmp_path, endpoints_extra=f"tracker_store:\n{store}", actions=False, name=name),
         expected)
        for name, store, expected in cases
    ]  # fmt: skip
    try:
        for servers, _ in started:
            servers.spawn_rasa()  # both load the model at the same time
        for servers, expected in started:
            name, process = servers.prefix, servers.rasa
            assert process is not None
            try:
                process.wait(timeout=150)  # loading the model takes most of it
            except subprocess.TimeoutExpired:
                pytest.fail(f"{name}: rasa run is still running with an unreachable tracker store")
            log = servers.log_path("rasa").read_text()
            assert process.returncode == 1, log[-2000:]
            for words in expected:
                assert words in log, f"{name}: no {words!r} in\n{log[-2000:]}"
            with pytest.raises(requests.ConnectionError):
                requests.get(f"{servers.url}/", timeout=2)
    finally:
        for servers, _ in started:
            servers.stop()
