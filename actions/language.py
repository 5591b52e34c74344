"""A request for another language ("can you write in English? it's for my husband"): said in
that language, with the previous answer again in it, unless that answer held values an action
wrote for the old language (the buyer's dates)."""

import string
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from addons.nlg import policy_values
from refund_rules.policy import default_policy

# Values every response can use: the policy's and the slots' (filled by Rasa's NLG).
_SHARED_VALUES = set(policy_values(default_policy()))


def previous_answer(tracker: Tracker) -> List[Text]:
    """The responses of the bot's turn before the buyer's latest message."""
    answer: List[Text] = []
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                break
        elif event.get("event") == "bot" and users_seen == 1:
            answer.insert(0, (event.get("metadata") or {}).get("utter_action") or "")
    return answer


def said_again_as_is(response: Text, domain: DomainDict) -> bool:
    """Can `response` be said again in another language: a response of the domain whose values
    are all the policy's or the slots'?"""
    variations = (domain.get("responses") or {}).get(response)
    if not variations:
        return False
    known = _SHARED_VALUES | set(domain.get("slots") or {})
    for variation in variations:
        fields = {f for _, f, _, _ in string.Formatter().parse(variation.get("text") or "") if f}
        if not fields <= known:
            return False
    return True


class ActionChangeLanguage(Action):
    def name(self) -> Text:
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        answer = previous_answer(tracker)
        if answer and all(said_again_as_is(response, domain) for response in answer):
            dispatcher.utter_message(response="utter_language_changed_repeat")
            for response in answer:
                dispatcher.utter_message(response=response)
        else:
            dispatcher.utter_message(response="utter_language_changed")
        return []
