"""addons/stores/retention.py on SQLite: old conversations purged, one erased, the rest untouched.

tests/scale/test_retention_postgres.py runs the same checks on PostgreSQL.
"""

import subprocess
import time
from typing import Dict, List

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.retention import INDEX_NAME, erase, purge
from addons.stores.sqlite import SQLiteTrackerStore
from tests.servers import PYTHON, ROOT, tracker_store_on

NOW = time.time()
DAY = 24 * 60 * 60
# Each conversation: the days ago of its events (first to latest).
CONVERSATIONS = {
    "quiet-for-200-days": [250, 200],
    "quiet-for-181-days": [181],
    "started-long-ago-active-yesterday": [400, 1],
    "active-today": [0],
    "other-buyer": [30, 29],
}
PURGED = {"quiet-for-200-days", "quiet-for-181-days"}


def conversation(sender: str, days_ago: List[float]) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, [])
    tracker.update(SessionStarted(timestamp=NOW - days_ago[0] * DAY))
    for n, days in enumerate(days_ago):
        at = NOW - days * DAY
        tracker.update(UserUttered(f"message {n}", timestamp=at))
        tracker.update(ActionExecuted("utter_greet", timestamp=at))
        tracker.update(BotUttered(f"answer {n}", timestamp=at))
    return tracker


async def store_all(store) -> None:  # type: ignore[no-untyped-def]
    for sender, days in CONVERSATIONS.items():
        await store.save(conversation(sender, days))


def events_by_sender(engine: sa.engine.Engine) -> Dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT sender_id, count(*) FROM events GROUP BY sender_id")
        )
        return {sender: count for sender, count in rows}


def check_purge(engine: sa.engine.Engine) -> None:
    before = events_by_sender(engine)
    deleted = purge(engine, days=180, now=NOW)
    after = events_by_sender(engine)
    assert set(after) == set(CONVERSATIONS) - PURGED
    assert deleted.conversations == 2
    assert deleted.events == sum(before[s] for s in PURGED)
    assert all(after[s] == before[s] for s in after)  # the others untouched
    assert purge(engine, days=180, now=NOW).conversations == 0  # nothing left to purge


def check_erase(engine: sa.engine.Engine) -> None:
    before = events_by_sender(engine)
    assert erase(engine, "other-buyer").events == before["other-buyer"]
    after = events_by_sender(engine)
    assert "other-buyer" not in after
    assert after == {s: n for s, n in before.items() if s != "other-buyer"}
    assert erase(engine, "nobody").conversations == 0


async def test_purge_and_erase_on_sqlite(tmp_path):
    store = SQLiteTrackerStore(Domain.empty(), db=str(tmp_path / "conversations.db"))
    await store_all(store)
    check_purge(store.engine)
    with store.engine.connect() as connection:
        indexes = connection.execute(sa.text("SELECT name FROM sqlite_master WHERE type='index'"))
        assert INDEX_NAME in {name for (name,) in indexes}
    check_erase(store.engine)
    assert (await store.retrieve("active-today")).latest_message.text == "message 0"


async def test_the_commands_on_the_endpoints_store(tmp_path):
    db = tmp_path / "conversations.db"
    await store_all(SQLiteTrackerStore(Domain.empty(), db=str(db)))
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(tracker_store_on(db))

    def run(*args: str) -> str:
        command = [PYTHON, "-m", "addons.stores.retention", "--endpoints", str(endpoints), *args]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    purged = run("purge", "--days", "180")
    assert purged.startswith("Deleted 2 conversation(s) with no event in the last 180 days (")
    assert run("erase", "other-buyer").startswith("Deleted conversation 'other-buyer' (")
    engine = sa.create_engine(f"sqlite:///{db}")
    assert set(events_by_sender(engine)) == {"started-long-ago-active-yesterday", "active-today"}
