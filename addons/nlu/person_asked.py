"""`PersonAsked`: a buyer who asks for a person gets the answer about people, whatever else the
message says.

"I NEVER GOT MY PARCEL. I opened a dispute a fortnight ago and I want to escalate RIGHT NOW. Get me
a manager." The intent classifier reads the story (a complaint, a dispute date) and the request for
a person is lost. Asking for a person is the request a buyer most needs honoured: with the explicit
words (`PERSON_ASKED`) the intent becomes `request_human`, whose answer says there are no live
agents and gives the case summary (complaint, order, dates) to send to AliExpress's support. Runs
after the other components that choose an intent.
"""

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent

PERSON_INTENT = "request_human"
ANSWERED_ALREADY = {PERSON_INTENT, "bot_challenge"}
_SOMEONE = (
    r"(?:a |an |the |your |some )?(?:real |actual |live |human )?"
    r"(?:person|human|agent|manager|supervisor|someone|somebody|people)"
)
_GIVE_ME = r"(?:get|give|put|transfer|connect|pass|let) me (?:through )?(?:to |talk to |speak to )?"
# Asking to be handed over: "get me a manager", "pass this on to a human", "talk to a person".
HANDOVER_ASKED = re.compile(
    rf"\b{_GIVE_ME}{_SOMEONE}\b"
    r"|\b(?:pass|hand|send|forward|transfer)(?:ing)? (?:this|it|me|my case)(?: on| over)? "
    rf"to {_SOMEONE}\b"
    rf"|(?<!am i )\b(?:talk|speak|chat)(?:ing)? (?:to|with) {_SOMEONE}\b"
)
# Asking whether there is one: "am I talking to a real person?" (the bot's own answer fits too).
PERSON_ASKED = re.compile(
    r"\bam i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:real |actual )?"
    r"(?:person|human|bot)\b"
)


def asks_for_a_person(text: str) -> bool:
    text = text.lower()
    return bool(HANDOVER_ASKED.search(text) or PERSON_ASKED.search(text))


def read_person_asked(message: Message) -> None:
    intent = (message.get(INTENT) or {}).get("name")
    text = (message.get(TEXT) or "").lower()
    if intent == PERSON_INTENT:
        return
    if HANDOVER_ASKED.search(text) or (
        intent not in ANSWERED_ALREADY and PERSON_ASKED.search(text)
    ):
        choose_intent(message, PERSON_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PersonAsked(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_person_asked(message)
