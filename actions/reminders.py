"""Reminders when the seller's days are over and when escalation opens, with Rasa's own
ReminderScheduled; the buyer can cancel them."""

from datetime import datetime
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, ReminderCancelled, ReminderScheduled
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.case import buyer_locale, current_standing, reminder_dates
from nlp_pipeline.meaning import says_not_to_cancel
from refund_rules.reminders import ReminderKind, fire_time, reminders_to_offer


def reminder_name(kind: ReminderKind, sender_id: Text) -> Text:
    # Rasa's scheduler keys jobs by this name alone, so it must be unique per buyer.
    return f"{kind.value}:{sender_id}"


def has_reminders(tracker: Tracker) -> bool:
    """Were reminders scheduled for this buyer and not cancelled since."""
    for event in reversed(tracker.events):
        if event.get("event") == "cancel_reminder":
            return False
        if event.get("event") == "reminder":
            return True
    return False


class ActionSetReminders(Action):
    def name(self) -> Text:
        return "action_set_reminders"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        today = clock.today()
        standing = current_standing(tracker, today)
        if standing is None:  # "remind me" before we know when the dispute was opened
            dispatcher.utter_message(response="utter_reminders_need_date")
            return [FollowupAction("deadline_form")]
        planned = reminders_to_offer(standing) if standing else []
        if not planned:
            dispatcher.utter_message(response="utter_no_reminders_needed")
            return []
        now = datetime.now()
        events = [
            ReminderScheduled(
                f"EXTERNAL_{reminder.kind.value}",
                fire_time(reminder.on, today, now, clock.seconds_per_day()),
                name=reminder_name(reminder.kind, tracker.sender_id),
                kill_on_user_message=False,
            )
            for reminder in planned
        ]
        seller_too = any(r.kind is ReminderKind.SELLER_WINDOW_CLOSED for r in planned)
        dispatcher.utter_message(
            response="utter_reminders_set" if seller_too else "utter_escalation_reminder_set",
            **reminder_dates(planned, today, buyer_locale(tracker)),
        )
        return events


class ActionCancelReminders(Action):
    def name(self) -> Text:
        return "action_cancel_reminders"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if not has_reminders(tracker):
            dispatcher.utter_message(response="utter_no_reminders_to_cancel")
            return []
        if says_not_to_cancel(tracker.latest_message.get("text") or ""):
            # "no, don't cancel anything, will it come here?": the reminders and their dates again
            return await ActionSetReminders().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_reminders_cancelled")
        return [
            ReminderCancelled(name=reminder_name(kind, tracker.sender_id)) for kind in ReminderKind
        ]
