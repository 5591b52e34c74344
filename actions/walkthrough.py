"""The dispute steps, one at a time: start, next, back, repeat, where was I."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from refund_rules.walkthrough import Command, Outcome, navigate

_COMMANDS = {
    "ask_dispute_steps": Command.START,
    "next_step": Command.NEXT,
    "previous_step": Command.BACK,
    "repeat_step": Command.REPEAT,
    "resume_walkthrough": Command.RESUME,
}
_NOTES = {
    Outcome.STARTED: "utter_walkthrough_intro",
    Outcome.ALREADY_FIRST: "utter_walkthrough_first_step",
    Outcome.RESUMED: "utter_walkthrough_resume",
    Outcome.FINISHED: "utter_walkthrough_done",
    Outcome.NOT_STARTED: "utter_no_walkthrough",
}


def _walkthrough_was_offered(tracker: Tracker) -> bool:
    """Did the bot just offer the steps (after a complaint, or "shall I start them?")."""
    last_action = tracker.get_last_event_for("action", exclude=["action_listen"]) or {}
    last_message = tracker.get_last_event_for("bot") or {}
    return (
        last_action.get("name") == "action_explain_complaint"
        or (last_message.get("metadata") or {}).get("utter_action") == "utter_no_walkthrough"
    )


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
        command = _command(tracker, current)
        if command is None:  # e.g. "ok great" after the last step
            dispatcher.utter_message(response="utter_ask_what_happened")
            return []
        move = navigate(command, current)
        if move.outcome in _NOTES:
            dispatcher.utter_message(response=_NOTES[move.outcome], step=current)
        if move.step is not None:
            dispatcher.utter_message(response=f"utter_dispute_step_{move.step}")
        return [SlotSet("dispute_step", move.step)]
