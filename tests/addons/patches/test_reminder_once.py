"""addons/patches/reminder_once.py: a reminder that fired (on any replica) does not fire again.

Three replicas firing the same reminder: tests/scale/test_reminders_across_replicas.py.
"""

from datetime import datetime

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ReminderCancelled, ReminderScheduled, Restarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.patches import reminder_once
from addons.patches.reminder_once import is_reminder_still_valid

SELLER = ReminderScheduled(
    "EXTERNAL_seller_window_closed",
    datetime(2026, 12, 1, 10, 0),
    name="seller_window_closed:buyer",
    kill_on_user_message=False,
)


def conversation(*events) -> DialogueStateTracker:  # type: ignore[no-untyped-def]
    return DialogueStateTracker.from_events("buyer", [SELLER, *events])


def test_a_pending_reminder_fires():
    assert is_reminder_still_valid(conversation(UserUttered("hello")), SELLER)


def test_a_reminder_delivered_by_another_replica_does_not_fire_again():
    delivered = UserUttered(intent={"name": "EXTERNAL_seller_window_closed", "confidence": 1.0})
    assert not is_reminder_still_valid(conversation(delivered), SELLER)


def test_a_restarted_conversation_or_a_cancelled_reminder_does_not_fire():
    assert not is_reminder_still_valid(conversation(Restarted()), SELLER)
    assert not is_reminder_still_valid(conversation(ReminderCancelled(name=SELLER.name)), SELLER)


def test_install_puts_it_in_place_of_rasas_check(monkeypatch):
    stock = MessageProcessor.__dict__["_is_reminder_still_valid"]
    monkeypatch.setattr(MessageProcessor, "_is_reminder_still_valid", stock)
    reminder_once.install()
    assert MessageProcessor._is_reminder_still_valid is is_reminder_still_valid
