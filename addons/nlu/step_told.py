"""`StepTold`: a buyer who says how far they got ("I'm already logged in, what do I do now?")
wants the next dispute step.

The intent classifier can read such messages as the general refund question, a follow-up, a call
for help or a thank-you ("I have found the order"), and the buyer would get the overview again.
When the words put the buyer at a step (refund_rules/walkthrough.py), the intent becomes
`next_step`: the walkthrough then shows the step after the one they reached, whether or not the
steps were started. So does a step said with what the ResponseSelector takes for a question about
the deadlines ("I found the order. What comes next?"); "submitted! by when must the seller answer?"
gives, during the steps, the buyer's dates from today. Runs after NoDisputeYet.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import RETRIEVAL_INTENT, answer_key
from addons.nlu.per_message import PerMessageComponent, choose_intent
from refund_rules.walkthrough import step_from_words

STEP_INTENT = "next_step"
# What the intent classifier takes these messages for.
READ_AS_A_STEP = {
    "request_refund",
    "ask_follow_up",
    "ask_help",
    "thank",
    "affirm",
    "goodbye",
    "inform",
}


# "I found the order and clicked on it. What comes next?", "submitted it just now! by when does
# the seller have to answer?": the next step, or during the steps the buyer's dates from today
DEADLINE_ANSWERS = {"faq/seller_response_window", "faq/escalation_rule"}


def _deadline_question(message: Message) -> bool:
    if (message.get(INTENT) or {}).get("name") != RETRIEVAL_INTENT:
        return False
    return answer_key(message) in DEADLINE_ANSWERS


def read_step(message: Message) -> None:
    stated = step_from_words(message.get(TEXT) or "")
    if stated is None:
        return
    intent = (message.get(INTENT) or {}).get("name")
    if intent in READ_AS_A_STEP or _deadline_question(message):
        choose_intent(message, STEP_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StepTold(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_step(message)
