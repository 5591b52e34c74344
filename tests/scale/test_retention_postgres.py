"""addons/stores/retention.py on PostgreSQL (the scale profile): the same checks as on SQLite."""

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from addons.stores.retention import INDEX_NAME
from tests.addons.stores.test_retention import check_erase, check_purge, store_all

pytestmark = pytest.mark.services


async def test_purge_and_erase_on_postgresql(settings, tracker_db):
    store = SQLTrackerStore(
        Domain.empty(),
        dialect="postgresql",
        host=settings["TRACKER_DB_HOST"],
        port=int(settings["TRACKER_DB_PORT"]),
        db=tracker_db,
        username=settings["TRACKER_DB_USER"],
        password=settings["TRACKER_DB_PASSWORD"],
    )
    try:
        await store_all(store)
        check_purge(store.engine)
        with store.engine.connect() as connection:
            indexes = connection.execute(
                sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")
            )
            assert INDEX_NAME in {name for (name,) in indexes}
        check_erase(store.engine)
    finally:
        store.engine.dispose()  # the database is dropped after the module
