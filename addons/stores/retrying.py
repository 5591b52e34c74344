"""A tracker store that retries for a few seconds, then says it is unavailable.

Rasa 3.6.21 wraps every tracker store in `FailSafeTrackerStore`: a failed read continues the
conversation from an empty tracker, a failed write keeps the conversation in memory only, and
the buyer gets an answer that is then missing from their conversation. `RetryingTrackerStore`
takes its place (addons/hooks/stored_before_answered.py puts it there): each read or write is
tried again, with pauses of 0.1 s doubling up to 1 s, until `STORE_RETRY_SECONDS` (5 by default)
have passed, then it raises `StoreUnavailable`. A restarted database is usually back within that
time, and SQLAlchemy replaces the connections the restart broke. A write is one transaction in
Rasa's SQL store: a failed one stores nothing, so writing again later stores all of it once.
"""

import asyncio
import logging
import os
import time
from typing import Awaitable, Callable, Iterable, Optional, Text, TypeVar

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.retention import Deleted, erase_stored

logger = logging.getLogger(__name__)

RETRY_SECONDS_VARIABLE = "STORE_RETRY_SECONDS"
DEFAULT_RETRY_SECONDS = 5.0
FIRST_PAUSE_SECONDS = 0.1
LONGEST_PAUSE_SECONDS = 1.0

Result = TypeVar("Result")


class StoreUnavailable(RuntimeError):
    """The tracker store kept failing for the whole retry time."""


def retry_seconds() -> float:
    value = os.environ.get(RETRY_SECONDS_VARIABLE, "").strip()
    return float(value) if value else DEFAULT_RETRY_SECONDS


class RetryingTrackerStore(TrackerStore):
    def __init__(self, store: TrackerStore, seconds: Optional[float] = None) -> None:
        self.store = store
        self.seconds = retry_seconds() if seconds is None else seconds
        super().__init__(store.domain, store.event_broker)

    @property
    def domain(self) -> Domain:
        return self.store.domain

    @domain.setter
    def domain(self, domain: Domain) -> None:
        self.store.domain = domain

    async def _retried(self, what: Text, call: Callable[[], Awaitable[Result]]) -> Result:
        deadline = time.monotonic() + self.seconds
        pause = FIRST_PAUSE_SECONDS
        while True:
            try:
                return await call()
            except Exception as error:
                if time.monotonic() + pause > deadline:
                    raise StoreUnavailable(
                        f"{what} failed for {self.seconds:g} s "
                        f"({type(self.store).__name__}: {type(error).__name__}: {error})"
                    ) from error
                logger.warning(f"{what} failed, trying again in {pause:g} s: {error}")
            await asyncio.sleep(pause)
            pause = min(2 * pause, LONGEST_PAUSE_SECONDS)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._retried(
            f"Storing conversation {tracker.sender_id}", lambda: self.store.save(tracker)
        )

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._retried(
            f"Reading conversation {sender_id}", lambda: self.store.retrieve(sender_id)
        )

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._retried(
            f"Reading conversation {sender_id}",
            lambda: self.store.retrieve_full_tracker(sender_id),
        )

    async def keys(self) -> Iterable[Text]:
        return await self._retried("Listing conversations", self.store.keys)

    async def erase(self, sender_id: Text) -> Deleted:
        return await self._retried(
            f"Erasing conversation {sender_id}", lambda: erase_stored(self.store, sender_id)
        )
