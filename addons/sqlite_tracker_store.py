"""Rasa's SQL tracker store on one SQLite file, without its per-query costs.

For a SQLite file Rasa 3.6 opens a new database connection for every query (SQLAlchemy's
`NullPool`) and makes every commit wait for the disk (`synchronous=FULL`), 1.7 ms a message
here. This store keeps its connections open and writes through SQLite's write-ahead log with
`synchronous=NORMAL`: a committed message survives the server being killed; only a power cut or
an OS crash can lose the last few messages, never the file. Tables, queries and everything else
are Rasa's own. Use it as the `type` of `tracker_store` in the endpoints file.
"""

from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain


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


def _use_write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
