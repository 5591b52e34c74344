"""`StepTold`: a buyer who says how far they got ("I'm already logged in, what do I do now?")
wants the next dispute step.

The intent classifier can read such messages as the general refund question, a follow-up, a call
for help or a thank-you ("I have found the order"), and the buyer would get the overview again.
When the words put the buyer at a step (refund_rules/walkthrough.py), the intent becomes
`next_step`: the walkthrough then shows the step after the one they reached, whether or not the
steps were started. So does a step said with what the ResponseSelector takes for a question about
the deadlines ("I found the order. What comes next?"); "submitted! by when must the seller answer?"
gives, during the steps, the buyer's dates from today. So does a complaint intent with no complaint
in the words ("submitted. it errored out on Monday, so today is the real one"), and a question
the ResponseSelector has no sure answer for that names a step ("what am I supposed to write in
the dispute form?": step 4 says what goes in it). A short message that asks to go back ("wait,
go back, I think I clicked the wrong order") is `previous_step`, whatever else it names. A
supposition is no step ("e se ele continuar mudo até lá?", "continue" read as the next step): it
is a follow-up. Runs after NoDisputeYet.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import RETRIEVAL_INTENT, answer_confidence, answer_key
from addons.nlu.no_dispute_yet import ANSWER_FOUND  # below it, the selected answer is a guess
from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import supposes
from refund_rules.walkthrough import says_go_back, step_from_words

STEP_INTENT = "next_step"
FOLLOW_UP_INTENT = "ask_follow_up"
BACK_INTENT = "previous_step"
# What the classifier takes a request to go back for when the words also name a step ("wait, go
# back, I think I clicked the wrong order"); a request among more words than the maximum is about
# something else.
READ_AS_GOING_BACK = {STEP_INTENT, "repeat_step", "inform", "ask_follow_up", "affirm"}
GO_BACK_MAX_WORDS = 15
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


COMPLAINT_INTENT_PREFIX = "report_"
SELLER_SILENT = "report_seller_unresponsive"


def _deadline_question(message: Message) -> bool:
    if (message.get(INTENT) or {}).get("name") != RETRIEVAL_INTENT:
        return False
    return answer_key(message) in DEADLINE_ANSWERS


def _unsure_answer(message: Message) -> bool:
    if (message.get(INTENT) or {}).get("name") != RETRIEVAL_INTENT:
        return False
    return (answer_confidence(message) or 0.0) < ANSWER_FOUND


def _complaint_without_its_words(message: Message) -> bool:
    intent = (message.get(INTENT) or {}).get("name") or ""
    if not intent.startswith(COMPLAINT_INTENT_PREFIX) or intent == SELLER_SILENT:
        return False
    return not any(e.get("entity") == "complaint" for e in message.get(ENTITIES) or [])


def read_step(message: Message) -> None:
    text = message.get(TEXT) or ""
    intent = (message.get(INTENT) or {}).get("name")
    if intent == STEP_INTENT and supposes(text):
        # "e se ele continuar mudo até lá?" ("continue" read as the next step): a follow-up
        choose_intent(message, FOLLOW_UP_INTENT)
        return
    read_as_a_step = intent in READ_AS_GOING_BACK or _unsure_answer(message)
    if read_as_a_step and says_go_back(text) and len(text.split()) <= GO_BACK_MAX_WORDS:
        # "espera, volta um pouquinho, acho que cliquei no pedido errado": back, whatever step
        # the rest of the words name
        choose_intent(message, BACK_INTENT)
        return
    stated = step_from_words(text)
    if stated is None:
        return
    if (
        intent in READ_AS_A_STEP
        or _deadline_question(message)
        or _unsure_answer(message)
        or _complaint_without_its_words(message)
    ):
        choose_intent(message, STEP_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StepTold(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_step(message)
