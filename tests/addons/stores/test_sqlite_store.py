"""addons/stores/sqlite.py: Rasa's SQL store, faster, with nothing lost."""

import asyncio
import subprocess
import sys
import textwrap

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.sqlite import SQLiteTrackerStore
from tests.servers import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def conversation(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in [
        ActionExecuted("action_listen"),
        UserUttered("my parcel never came", {"name": "report_not_received", "confidence": 0.9}),
        SlotSet("complaint", "item not received"),
        ActionExecuted("utter_complaint_not_received"),
        BotUttered("Sorry to hear that."),
        ActionExecuted("action_listen"),
    ]:
        tracker.update(event)
    return tracker


def stored_events(store, sender: str) -> list:
    tracker = asyncio.run(store.retrieve(sender))
    return [event.as_dict() for event in tracker.events]


def test_what_it_saves_reads_back_the_same_here_and_in_rasas_own_store(tmp_path):
    db = str(tmp_path / "conversations.db")
    tracker = conversation("buyer-1")
    asyncio.run(SQLiteTrackerStore(DOMAIN, db=db).save(tracker))
    tracker.update(UserUttered("next", {"name": "next_step", "confidence": 0.8}))
    asyncio.run(SQLiteTrackerStore(DOMAIN, db=db).save(tracker))  # only the new event is added

    expected = [event.as_dict() for event in tracker.events]
    assert stored_events(SQLiteTrackerStore(DOMAIN, db=db), "buyer-1") == expected
    # Same tables as Rasa's store, so switching back to `type: SQL` keeps every conversation.
    assert stored_events(SQLTrackerStore(DOMAIN, dialect="sqlite", db=db), "buyer-1") == expected


def talk_over_two_sessions(store) -> None:
    """As Rasa does: save, read the latest session back, start a new one, save twice more."""
    asyncio.run(store.save(conversation("buyer-4")))
    tracker = asyncio.run(store.retrieve("buyer-4"))
    for event in [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("hello again", {"name": "greet", "confidence": 0.9}),
    ]:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    tracker = asyncio.run(store.retrieve("buyer-4"))
    tracker.update(BotUttered("Hello again!"))
    asyncio.run(store.save(tracker))


def test_reads_the_latest_session_and_adds_only_new_events_as_rasa_does(tmp_path):
    ours = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "ours.db"))
    rasa = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    for store in (ours, rasa):
        talk_over_two_sessions(store)

    latest = stored_events(ours, "buyer-4")
    assert [without_timestamp(e) for e in latest] == [
        without_timestamp(e) for e in stored_events(rasa, "buyer-4")
    ]
    assert [e.get("text") for e in latest if e["event"] in ("user", "bot")] == [
        "hello again",
        "Hello again!",
    ]
    full = [e.as_dict() for e in asyncio.run(ours.retrieve_full_tracker("buyer-4")).events]
    assert [e.get("text") for e in full if e["event"] in ("user", "bot")] == [
        "my parcel never came",
        "Sorry to hear that.",
        "hello again",
        "Hello again!",
    ]  # nothing doubled or lost
    assert asyncio.run(ours.retrieve("nobody")) is None


def test_connections_stay_open_with_the_write_ahead_log(tmp_path):
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "conversations.db"))
    asyncio.run(store.save(conversation("buyer-2")))

    def connection_id() -> int:
        with store.engine.connect() as connection:
            return id(connection.connection.dbapi_connection)

    assert connection_id() == connection_id()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_other_databases_are_refused_by_name():
    with pytest.raises(ValueError, match="SQLite only, not 'postgresql'"):
        SQLiteTrackerStore(DOMAIN, dialect="postgresql", db="rasa")


def test_a_killed_process_loses_nothing_it_saved(tmp_path):
    db = tmp_path / "conversations.db"
    writer = textwrap.dedent(
        f"""
        import asyncio, os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from addons.stores.sqlite import SQLiteTrackerStore
        from tests.addons.stores.test_sqlite_store import DOMAIN, conversation
        asyncio.run(SQLiteTrackerStore(DOMAIN, db={str(db)!r}).save(conversation("buyer-3")))
        os.kill(os.getpid(), signal.SIGKILL)  # no clean shutdown, no checkpoint
        """
    )
    run = subprocess.run([sys.executable, "-c", writer], cwd=ROOT, timeout=120)
    assert run.returncode == -9
    assert (tmp_path / "conversations.db-wal").exists()  # the message is still in the log

    expected = [event.as_dict() for event in conversation("buyer-3").events]
    saved = stored_events(SQLiteTrackerStore(DOMAIN, db=str(db)), "buyer-3")
    assert [without_timestamp(e) for e in saved] == [without_timestamp(e) for e in expected]


def without_timestamp(event: dict) -> dict:
    return {key: value for key, value in event.items() if key != "timestamp"}
