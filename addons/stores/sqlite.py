"""Rasa's SQL tracker store on one SQLite file, without most of its per-message costs.

For each message Rasa 3.6's SQL store reads the conversation and later counts what is stored
before adding the new events, each time building an ORM query anew; on a SQLite file it also
opens a new database connection for every query (SQLAlchemy's `NullPool`) and makes every commit
wait for the disk (`synchronous=FULL`): 5.2 ms a message here, 1.0 ms in memory. This store runs
the same two queries as plain SQL statements, keeps its connections open and writes through
SQLite's write-ahead log with `synchronous=NORMAL`: 2.0 ms (scripts/bench_tracker_store.py).
A committed message survives the server being killed; only a power cut or an OS crash can lose
the last few messages, never the file. Tables, the rest of the queries and the events are
Rasa's own. Use it as the `type` of `tracker_store` in the endpoints file.
"""

import itertools
import json
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

# Rasa's `_event_query(..., fetch_events_from_all_sessions=False)`: the sender's events since
# their latest session start (all of them if there is none), in the order they were stored.
_LATEST_SESSION = """
    FROM events
    WHERE sender_id = :sender_id
      AND (timestamp >= (SELECT max(timestamp) FROM events
                         WHERE sender_id = :sender_id AND type_name = :session_started)
           OR (SELECT max(timestamp) FROM events
               WHERE sender_id = :sender_id AND type_name = :session_started) IS NULL)
"""
_LATEST_SESSION_EVENTS = sa.text(f"SELECT data {_LATEST_SESSION} ORDER BY id")
_LATEST_SESSION_COUNT = sa.text(f"SELECT count(*) {_LATEST_SESSION}")


class SQLiteTrackerStore(SQLTrackerStore):
    engine: sa.engine.Engine

    def __init__(
        self,
        domain: Optional[Domain] = None,
        db: Text = "rasa.db",
        event_broker: Optional[EventBroker] = None,
        dialect: Text = "sqlite",
        **kwargs: Any,
    ) -> None:
        if dialect != "sqlite":
            raise ValueError(f"SQLiteTrackerStore is for SQLite only, not '{dialect}'.")
        super().__init__(domain, dialect="sqlite", db=db, event_broker=event_broker, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url,
            poolclass=sa.pool.QueuePool,
            # Rasa runs on one event loop; a pooled connection may still be handed to
            # another thread, which sqlite3 refuses unless told it is fine.
            connect_args={"check_same_thread": False},
        )
        sa.event.listen(self.engine, "connect", _use_write_ahead_log)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The conversation's latest session, as Rasa's `retrieve`."""
        with self.session_scope() as session:
            rows = session.execute(_LATEST_SESSION_EVENTS, _parameters(sender_id)).scalars()
            events = [json.loads(data) for data in rows]
        if not self.domain or not events:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events not stored yet, as Rasa's `_additional_events`."""
        stored = session.execute(_LATEST_SESSION_COUNT, _parameters(tracker.sender_id)).scalar()
        return itertools.islice(tracker.events, stored, len(tracker.events))


def _parameters(sender_id: Text) -> dict:
    return {"sender_id": sender_id, "session_started": SessionStarted.type_name}


def _use_write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
