"""Stop `rasa run` with a clear error when the tracker store can't be used.

Stock Rasa 3.6.21 logs "Could not create tables: ..." when the database can't be reached at
start, comes up anyway and keeps every conversation in memory only (`FailSafeTrackerStore`),
losing them on restart. This start-up hook reads the store once after start-up; when that fails,
`rasa run` exits with status 1 and ``ConnectionException: Cannot use the tracker store (<type>,
<database>): <error>``.
"""

import logging
import os
from typing import Any, List, Text

from rasa.core.channels.channel import InputChannel
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.exceptions import ConnectionException

from addons.stores.retrying import RetryingTrackerStore

logger = logging.getLogger(__name__)

_CHECK_SENDER_ID = "__tracker_store_check__"


def primary_store(store: TrackerStore) -> TrackerStore:
    """The tracker store behind Rasa's fail-safe (in-memory fallback) or our retrying wrapper."""
    while isinstance(store, (FailSafeTrackerStore, RetryingTrackerStore)):
        if isinstance(store, RetryingTrackerStore):
            store = store.store
        else:
            store = store._tracker_store  # no public accessor in Rasa 3.6
    return store


def describe_tracker_store(store: TrackerStore) -> Text:
    """Which store and database, without credentials."""
    store = primary_store(store)
    name = type(store).__name__
    if isinstance(store, SQLTrackerStore):
        url = store.engine.url
        if url.get_backend_name() == "sqlite":
            return f"{name}, sqlite database {os.path.abspath(url.database or '')}"
        where = f"{url.host}:{url.port}" if url.port else f"{url.host}"
        return f"{name}, {url.get_backend_name()} database '{url.database}' on {where}"
    return name


async def check_tracker_store(store: TrackerStore) -> None:
    """Read one conversation; raise `ConnectionException` naming the store if that fails."""
    try:
        await primary_store(store).retrieve(_CHECK_SENDER_ID)
    except Exception as error:
        raise ConnectionException(
            f"Cannot use the tracker store ({describe_tracker_store(store)}): "
            f"{' '.join(str(error).split())} -- check `tracker_store` in the endpoints file. "
            f"Rasa would otherwise keep conversations in memory only."
        ) from error


async def on_start(agent: Any, input_channels: List[InputChannel]) -> None:
    try:
        await check_tracker_store(agent.tracker_store)
    except ConnectionException as error:
        logger.critical(str(error))
        # `rasa run` prints it and exits with status 1 (no database driver traceback).
        raise ConnectionException(str(error)) from None
    logger.info(f"Tracker store OK: {describe_tracker_store(agent.tracker_store)}.")
