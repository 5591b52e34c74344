"""Retention and erasure of stored conversations, in Rasa's SQL `events` table (SQLite, PostgreSQL).

    python -m addons.stores.retention purge [--days N] [--endpoints FILE]
    python -m addons.stores.retention erase SENDER_ID [--endpoints FILE]

`purge` deletes every conversation whose latest event is older than N days (`RETENTION_DAYS`,
180 by default): run it on a schedule (cron, a systemd timer, a Kubernetes CronJob). `erase`
deletes one conversation, whatever its age. Both print what they deleted and work on the tracker
store of the endpoints file (`make purge`, `make erase SENDER=...` pick the profile's). `purge`
first adds the index it needs, `events (sender_id, timestamp)`, so finding each conversation's
latest event reads the index, not the table.

A running bot keeps the reminders it scheduled in memory: a reminder of a conversation erased
here still fires once, into a new, empty conversation. (A buyer's own request cancels their
reminders first: actions/privacy.py.)
"""

import argparse
import os
import sys
import time
from typing import Any, NamedTuple, Optional, Sequence, Text

import sqlalchemy as sa

DEFAULT_RETENTION_DAYS = 180
INDEX_NAME = "events_sender_id_timestamp"
SECONDS_PER_DAY = 24 * 60 * 60


class Deleted(NamedTuple):
    conversations: int
    events: int


def add_purge_index(engine: sa.engine.Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            sa.text(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON events (sender_id, timestamp)")
        )


def purge(engine: sa.engine.Engine, days: float, now: Optional[float] = None) -> Deleted:
    """Delete the conversations whose latest event is more than `days` days before `now`."""
    add_purge_index(engine)
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    stale = "SELECT sender_id FROM events GROUP BY sender_id HAVING max(timestamp) < :cutoff"
    with engine.begin() as connection:
        senders = connection.execute(
            sa.text(f"SELECT count(*) FROM ({stale}) AS stale"), {"cutoff": cutoff}
        ).scalar()
        events = connection.execute(
            sa.text(f"DELETE FROM events WHERE sender_id IN ({stale})"), {"cutoff": cutoff}
        ).rowcount
    return Deleted(int(senders or 0), int(events))


def erase(engine: sa.engine.Engine, sender_id: Text) -> Deleted:
    """Delete one conversation (through Rasa's own index on `sender_id`)."""
    with engine.begin() as connection:
        events = connection.execute(
            sa.text("DELETE FROM events WHERE sender_id = :sender_id"), {"sender_id": sender_id}
        ).rowcount
    return Deleted(1 if events else 0, int(events))


async def erase_stored(store: Any, sender_id: Text) -> Deleted:
    """Delete one conversation from a SQL or an in-memory tracker store."""
    engine = getattr(store, "engine", None)
    if engine is not None:
        return erase(engine, sender_id)
    if isinstance(getattr(store, "store", None), dict):  # Rasa's InMemoryTrackerStore
        return Deleted(1 if store.store.pop(sender_id, None) else 0, 0)
    raise TypeError(f"{type(store).__name__} can't erase a conversation")


def tracker_store_engine(endpoints_file: Text) -> sa.engine.Engine:
    """The engine of the SQL tracker store in the endpoints file (its tables created if new)."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.core.utils import read_endpoints_from_path

    store = TrackerStore.create(read_endpoints_from_path(endpoints_file).tracker_store)
    engine = getattr(store, "engine", None)
    if engine is None:
        raise SystemExit(f"{endpoints_file}: the tracker store is not an SQL store")
    return engine


def main(argv: Optional[Sequence[Text]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m addons.stores.retention")
    parser.add_argument("--endpoints", default="endpoints.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    purging = commands.add_parser("purge", help="delete conversations older than --days")
    purging.add_argument(
        "--days",
        type=float,
        default=float(os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS),
    )
    erasing = commands.add_parser("erase", help="delete one conversation")
    erasing.add_argument("sender_id")
    args = parser.parse_args(argv)

    engine = tracker_store_engine(args.endpoints)
    if args.command == "purge":
        deleted = purge(engine, args.days)
        print(
            f"Deleted {deleted.conversations} conversation(s) with no event in the last "
            f"{args.days:g} days ({deleted.events} events)."
        )
    else:
        deleted = erase(engine, args.sender_id)
        print(f"Deleted conversation '{args.sender_id}' ({deleted.events} events).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
