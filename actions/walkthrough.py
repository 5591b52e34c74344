"""The dispute steps, one at a time: start, next, back, repeat, where was I, and "I'm logged
in, what now?" from wherever the buyer says they are."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.case import complaint_to_acknowledge, dispute_date_given
from refund_rules.walkthrough import Command, Outcome, navigate, step_from_words

_COMMANDS = {
    "ask_dispute_steps": Command.START,
    "next_step": Command.NEXT,
    "previous_step": Command.BACK,
    "repeat_step": Command.REPEAT,
    "resume_walkthrough": Command.RESUME,
    # handed over by action_answer_follow_up: "ok, how do I open one?"
    "ask_follow_up": Command.START,
}
_NOTES = {
    Outcome.STARTED: "utter_walkthrough_intro",
    Outcome.ALREADY_FIRST: "utter_walkthrough_first_step",
    Outcome.RESUMED: "utter_walkthrough_resume",
    Outcome.FINISHED: "utter_walkthrough_done",
    Outcome.NOT_STARTED: "utter_walkthrough_not_started",
}
_DONE = "utter_walkthrough_done"


def _walkthrough_was_offered(tracker: Tracker) -> bool:
    """Did the bot just offer the steps (after a complaint)."""
    last_action = tracker.get_last_event_for("action", exclude=["action_listen"]) or {}
    return last_action.get("name") == "action_explain_complaint"


def _finished(tracker: Tracker) -> bool:
    """Was the last walkthrough message the "that's it, your dispute is open" one."""
    for event in reversed(tracker.events):
        name = (
            (event.get("metadata") or {}).get("utter_action")
            if event.get("event") == "bot"
            else None
        )
        if name == _DONE:
            return True
        if name and name.startswith("utter_dispute_step_"):
            return False
    return False


def _command(tracker: Tracker, current: Optional[int]) -> Optional[Command]:
    """The navigation the buyer asked for; None for an "ok" with nothing to continue."""
    intent = tracker.get_intent_of_latest_message()
    if intent == "affirm":
        # "yes" to an offer starts the steps; "ok" after a step moves on.
        if _walkthrough_was_offered(tracker):
            return Command.START
        return Command.NEXT if current else None
    return _COMMANDS.get(intent, Command.REPEAT)


class ActionShowDisputeStep(Action):
    def name(self) -> Text:
        return "action_show_dispute_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        current = tracker.get_slot("dispute_step")
        current = int(current) if current else None
        if dispute_date_given(tracker):
            # "I opened the dispute 3 days ago for ...": it is open; where it stands, not the steps.
            return [FollowupAction("deadline_form")]
        stated = step_from_words(tracker.latest_message.get("text") or "")
        command = _command(tracker, current)
        if command is None and stated is None:  # e.g. "ok great" after the last step
            dispatcher.utter_message(response="utter_ask_what_happened")
            return []
        move = navigate(
            command or Command.NEXT, current, stated=stated, finished=_finished(tracker)
        )
        if move.outcome is Outcome.FINISHED and stated is not None and current is not None:
            # "submitted!" while going through the steps with us: the dispute is open from today
            dispatcher.utter_message(response="utter_walkthrough_submitted")
            return [
                SlotSet("dispute_step", None),
                SlotSet("dispute_date", clock.today().isoformat()),
                FollowupAction("deadline_form"),
            ]
        note = _NOTES.get(move.outcome)
        if move.outcome is Outcome.FROM_HERE and current is None:
            note = "utter_walkthrough_from_here"
        complaint = complaint_to_acknowledge(tracker) if current is None else None
        if complaint:  # "it came cracked, how do I open a dispute?"
            dispatcher.utter_message(response=f"utter_noted_complaint_{complaint}")
        if note:
            dispatcher.utter_message(response=note, step=current)
        if move.step is not None:
            dispatcher.utter_message(response=f"utter_dispute_step_{move.step}")
        return [SlotSet("dispute_step", move.step)]
