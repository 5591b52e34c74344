"""Reminders on three replicas: each delivered once, even when the replica that took it dies.

A "day" lasts a second (REFUND_ASSISTANT_SECONDS_PER_DAY) and replicas A and C read the pending
reminders again every second (REMINDER_SYNC_SECONDS); B never does, so B only ever fires the
reminders of messages it handled itself. For a dispute opened 4 days ago the seller reminder is
due about 2 s after it is set and the escalation reminder about 11 s after. Every replica that
has a reminder fires it; addons/patches/reminder_once.py lets one deliver it. About 60 s (30 s
of it starting the replicas).
"""

import asyncio
import time
import uuid
from collections import Counter
from typing import Dict, Iterator, List

import pytest

from tests.e2e.test_reminders import ESCALATION_REMINDER, SELLER_REMINDER, SocketChat
from tests.scale.conftest import running_replicas
from tests.scale.test_replicas import db_connection
from tests.servers import RestClient, Servers

pytestmark = [pytest.mark.services, pytest.mark.servers]

BOTH_FIRED = {"EXTERNAL_seller_window_closed": 1, "EXTERNAL_escalation_available": 1}


@pytest.fixture(scope="module")
def three(settings, tracker_db, tmp_path_factory) -> Iterator[List[Servers]]:  # type: ignore[no-untyped-def]
    env = dict(settings, TRACKER_DB_NAME=tracker_db, REFUND_ASSISTANT_SECONDS_PER_DAY="1")
    syncing = {"REMINDER_SYNC_SECONDS": "1"}
    with running_replicas("abc", env, tmp_path_factory, {"a": syncing, "c": syncing}) as started:
        yield started


def fired(settings: Dict[str, str], db: str, sender: str) -> Counter:
    """The reminders delivered into the conversation (each leaves its intent there once)."""
    connection = db_connection(settings, db)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT intent_name FROM events WHERE sender_id = %s AND type_name = 'user'"
                " AND intent_name LIKE 'EXTERNAL%%'",
                (sender,),
            )
            return Counter(intent for (intent,) in cursor.fetchall())
    finally:
        connection.close()


async def test_a_web_buyer_on_b_gets_each_reminder_once_from_the_others(three):
    """The buyer's socket is on B; the conversation goes through A (a second tab there), so A
    schedules the reminders, C reads them too, and B has none: A or C fires, B's socket gets
    each reminder once, through Redis."""
    a, b, _ = three
    async with SocketChat(b.url) as on_b, SocketChat(a.url, on_b.session_id) as on_a:
        await on_a.say("the seller hasn't answered my dispute", "When did you open")
        await on_a.say("4 days ago", "Shall I remind you?")
        await on_a.say("yes", "I'll message you here")
        await on_b.wait_for(SELLER_REMINDER, timeout=15)
        await on_b.wait_for(ESCALATION_REMINDER, timeout=25)
        await asyncio.sleep(3)  # both A and C have fired both by now
        assert on_b.count(SELLER_REMINDER) == 1 and on_b.count(ESCALATION_REMINDER) == 1


def test_a_reminder_is_delivered_once_when_its_replica_dies(three, settings, tracker_db):
    a, _, _ = three
    buyer = f"reminded-{uuid.uuid4().hex[:8]}"
    client = RestClient(a.url)
    client.texts(buyer, "the seller hasn't answered my dispute")
    client.texts(buyer, "I opened it 4 days ago")
    assert "I'll message you here" in client.texts(buyer, "yes")
    a.kill_rasa()  # the replica that scheduled both reminders: C delivers them

    deadline = time.monotonic() + 30
    while fired(settings, tracker_db, buyer) != BOTH_FIRED:
        assert time.monotonic() < deadline, fired(settings, tracker_db, buyer)
        time.sleep(0.5)
    time.sleep(3)  # the other replica fires them too, and must find them done
    assert fired(settings, tracker_db, buyer) == BOTH_FIRED
