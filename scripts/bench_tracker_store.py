"""Milliseconds per message spent in the tracker store: Rasa's SQL store on SQLite, ours, in memory.

Each store reads and saves 40 conversations of 10 turns the way the Rasa server does (retrieve,
add the turn's events, save) on a fresh file; prints the median per call.
Run: `.venv/bin/python scripts/bench_tracker_store.py` from the project root.
"""

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

from addons.stores.sqlite import SQLiteTrackerStore  # noqa: E402

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def turn() -> list:
    intent = {"name": "greet", "confidence": 0.9}
    parse_data = {"text": "hello there", "intent": intent, "entities": []}
    return [
        UserUttered("hello there", intent, parse_data=parse_data),
        ActionExecuted("utter_greet"),
        BotUttered("Hi! How can I help with your order?"),
        ActionExecuted("action_listen"),
    ]


async def measure(store, conversations: int = 40, turns: int = 10) -> tuple:
    reads, saves = [], []
    for number in range(conversations):
        sender = f"buyer-{number}"
        for _ in range(turns):
            start = time.perf_counter()
            tracker = await store.retrieve(sender)
            reads.append(time.perf_counter() - start)
            tracker = tracker or DialogueStateTracker(sender, DOMAIN.slots)
            for event in turn():
                tracker.update(event)
            start = time.perf_counter()
            await store.save(tracker)
            saves.append(time.perf_counter() - start)
    return statistics.median(reads) * 1000, statistics.median(saves) * 1000


def main() -> None:
    work = Path(tempfile.mkdtemp())
    stores = {
        "Rasa's SQL store on SQLite": SQLTrackerStore(
            DOMAIN, dialect="sqlite", db=str(work / "a.db")
        ),
        "addons.stores.sqlite (ours)": SQLiteTrackerStore(DOMAIN, db=str(work / "b.db")),
        "in memory (stock rasa init)": InMemoryTrackerStore(DOMAIN),
    }
    print(f"{'store':30} {'retrieve':>9} {'save':>7} {'total':>7}  (ms, median)")
    for name, store in stores.items():
        read, save = asyncio.run(measure(store))
        print(f"{name:30} {read:9.2f} {save:7.2f} {read + save:7.2f}")


if __name__ == "__main__":
    main()
