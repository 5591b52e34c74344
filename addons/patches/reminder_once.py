"""A reminder is delivered once, however many replicas schedule it.

Rasa 3.6.21 checks, when a reminder fires, only that it was not cancelled (and that the
conversation was not restarted). Every replica that schedules the same stored reminder
(addons/hooks/reminder_restore.py lets them all, so one that dies leaves the others to deliver)
would send it. Rasa handles a firing reminder under the conversation's lock and reads the
conversation first; this patch adds to its check that the reminder has not fired yet (its
intent is not in the conversation since it was scheduled): the first replica delivers, the
others find it done.
"""

import logging

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ReminderScheduled
from rasa.shared.core.trackers import DialogueStateTracker

from addons.hooks.reminder_restore import pending_reminders
from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

_STOCK_CHECK = MessageProcessor.__dict__["_is_reminder_still_valid"].__func__


def is_reminder_still_valid(tracker: DialogueStateTracker, reminder: ReminderScheduled) -> bool:
    """Rasa's check, and the reminder still pending (not fired on another replica)."""
    if not _STOCK_CHECK(tracker, reminder):
        return False
    pending = pending_reminders(list(tracker.events), tracker.sender_id)
    return any(candidate.name == reminder.name for candidate in pending)


def install() -> None:
    """Required on the scale profile: without it every replica would send each reminder."""
    applies_to_installed_rasa(
        "reminder_once (MessageProcessor._is_reminder_still_valid)", required=True
    )
    MessageProcessor._is_reminder_still_valid = staticmethod(is_reminder_still_valid)  # type: ignore[method-assign,assignment]
    logger.debug("A reminder fires once, on whichever replica gets the conversation first.")
