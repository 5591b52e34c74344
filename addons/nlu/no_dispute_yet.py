"""`NoDisputeYet`: a buyer who says there is no dispute yet wants the steps to open one.

"I haven't opened a dispute, I only messaged the seller", "no dispute yet, just the messages", "I
not open dispute": said after being asked for the dispute's date, the intent classifier can read
such answers as a "no", a date or a seller complaint, and the buyer is asked for a date that
doesn't exist. The words are unambiguous, so when they are there (and no dispute date is given) the
intent becomes `ask_dispute_steps`, unless the message asks a question the ResponseSelector can
answer (`faq` chosen, or close behind with an answer found: "no dispute yet. how many days do they
get once I open one"), which is answered. Runs after the FallbackClassifier.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import ANSWER_FOUND, CLOSE_BEHIND, faq_close_behind
from addons.nlu.faq_gate import RETRIEVAL_INTENT as FAQ_INTENT
from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_a_question, says_no_dispute_yet, tells_dispute_date

STEPS_INTENT = "ask_dispute_steps"
# A question asked with "no dispute yet" is answered when `faq` is close behind the intent chosen
# (requests for the steps leave it near 0) with an answer the selector is sure of (faq_gate's
# thresholds). 0.4 and 0.5 give the same held-out results; with 0.4 one more buyer-suite turn is
# answered.


def read_no_dispute(message: Message) -> None:
    text = message.get(TEXT) or ""
    if not says_no_dispute_yet(text) or tells_dispute_date(message.get(ENTITIES) or []):
        return
    if asks_a_question(text) and faq_close_behind(message, CLOSE_BEHIND, ANSWER_FOUND):
        # "no dispute yet. how many days do they get once I open one?": answered first
        choose_intent(message, FAQ_INTENT)
    else:
        choose_intent(message, STEPS_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NoDisputeYet(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_no_dispute(message)
