"""addons/hooks/reminder_restore.py: reminders scheduled again after a restart.

The unit tests check which stored reminders are still pending and where they go. The `servers`
test kills `rasa run` before either reminder of a conversation is due and starts it again, with
time sped up: a "day" lasts REFUND_ASSISTANT_SECONDS_PER_DAY seconds (about 40 s).
"""

import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import List

import pytest
import requests
import sqlalchemy as sa
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ReminderCancelled, ReminderScheduled, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.channels.slack import SlackInput
from addons.hooks.reminder_restore import (
    SYNC_INDEX,
    _output_channel,
    add_sync_index,
    conversations_with_reminders,
    pending_reminders,
)
from addons.stores.sqlite import SQLiteTrackerStore
from tests.servers import RestClient, Servers, tracker_store_on

SENDER = "buyer-1"
LATER = datetime(2026, 12, 1, 10, 0)
SELLER_REMINDER = "the seller's 5 days to respond are over"
ESCALATION_REMINDER = "you can now use 'Escalate Dispute'"


def reminder(name: str, intent: str) -> ReminderScheduled:
    return ReminderScheduled(intent, LATER, name=name, kill_on_user_message=False)


def test_scheduled_reminders_are_pending():
    seller, escalation = reminder("seller", "EXTERNAL_seller"), reminder("esc", "EXTERNAL_esc")
    assert pending_reminders([seller, escalation], SENDER) == [seller, escalation]


def test_cancelled_and_fired_reminders_are_not():
    seller, escalation = reminder("seller", "EXTERNAL_seller"), reminder("esc", "EXTERNAL_esc")
    fired = UserUttered(intent={"name": "EXTERNAL_seller", "confidence": 1.0})
    assert pending_reminders([seller, escalation, fired], SENDER) == [escalation]
    assert pending_reminders([seller, escalation, ReminderCancelled(name="esc")], SENDER) == [
        seller
    ]
    assert pending_reminders([seller, escalation, ReminderCancelled()], SENDER) == []


def test_a_reminder_scheduled_again_replaces_the_earlier_one():
    first, again = reminder("seller", "EXTERNAL_seller"), reminder("seller", "EXTERNAL_seller")
    again.trigger_date_time = LATER + timedelta(days=1)
    assert pending_reminders([first, again], SENDER) == [again]


def test_slack_reminders_go_to_the_conversation_they_came_from():
    slack = SlackInput("xoxb-token", slack_channel="C0APP", slack_signing_secret="secret")
    tracker = DialogueStateTracker.from_events(
        "U1",
        [UserUttered("hi", input_channel="slack", metadata={"out_channel": "D0BUYER"})],
    )
    output = _output_channel(tracker, [slack])
    assert output.name() == "slack" and output.slack_channel == "D0BUYER"
    # A conversation from a channel that is not configured any more: collected, not lost.
    other = DialogueStateTracker.from_events("U2", [UserUttered("hi", input_channel="telegram")])
    assert isinstance(_output_channel(other, [slack]), CollectingOutputChannel)


def bot_texts(url: str, sender: str) -> List[str]:
    tracker = requests.get(f"{url}/conversations/{sender}/tracker", timeout=10).json()
    return [e.get("text") or "" for e in tracker["events"] if e["event"] == "bot"]


@pytest.mark.servers
def test_reminders_survive_a_restart(tmp_path: Path):
    sender = f"restart-{uuid.uuid4().hex[:8]}"
    with Servers(
        tmp_path,
        endpoints_extra=tracker_store_on(tmp_path / "conversations.db"),
        env={"REFUND_ASSISTANT_SECONDS_PER_DAY": "1"},
        enable_api=True,
    ) as bot:
        rest = RestClient(bot.url)
        rest.texts(sender, "when will the seller's time run out on my dispute?")
        assert "Shall I remind you?" in rest.texts(sender, "4 days ago")
        assert "I'll message you here" in rest.texts(sender, "yes")
        bot.kill_rasa()  # before either reminder is due
        time.sleep(3)  # the seller reminder falls due while the server is down
        bot.start_rasa()  # both are overdue by now when the restart is slow: any order
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            texts = bot_texts(bot.url, sender)
            if all(any(r in t for t in texts) for r in (SELLER_REMINDER, ESCALATION_REMINDER)):
                break
            time.sleep(1)
        time.sleep(2)  # time for a duplicate to show up
        texts = bot_texts(bot.url, sender)
        assert sum(SELLER_REMINDER in t for t in texts) == 1, texts
        assert sum(ESCALATION_REMINDER in t for t in texts) == 1, texts


async def test_a_sync_reads_only_the_conversations_reminded_since(tmp_path):
    store = SQLiteTrackerStore(Domain.empty(), db=str(tmp_path / "conversations.db"))
    for sender, at in (("reminded-long-ago", 1_000.0), ("reminded-lately", 2_000.0)):
        tracker = DialogueStateTracker(sender, [])
        tracker.update(UserUttered("yes please", timestamp=at))
        tracker.update(ReminderScheduled("EXTERNAL_seller", LATER, name=sender, timestamp=at))
        await store.save(tracker)
    await store.save(DialogueStateTracker("never-reminded", []))
    add_sync_index(store)
    assert sorted(await conversations_with_reminders(store)) == [
        "reminded-lately",
        "reminded-long-ago",
    ]
    assert await conversations_with_reminders(store, since=1_500.0) == ["reminded-lately"]
    with store.engine.connect() as connection:
        indexes = connection.execute(sa.text("SELECT name FROM sqlite_master WHERE type='index'"))
        assert SYNC_INDEX in {name for (name,) in indexes}
