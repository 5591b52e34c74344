"""`SilenceTold`: a buyer who tells that the seller is silent reports it, whatever the intent
classifier made of the message; the assistant then asks for the dispute's date, or says where the
dispute stands.

The words (`nlp_pipeline.meaning.SELLER_SILENT_WORDS`, six languages, with no refusal among them)
become `report_seller_unresponsive` when the message was read as:
- the question about a rejected dispute ("el vendedor no responde a mi disputa de unas botas que
  nunca llegaron");
- a question the ResponseSelector doubts its answer to (below `doubtful_unasked`, FaqGate's doubt
  for a message that asks nothing), in a message that asks nothing;
- a walkthrough step ("the shop is dead silent since i opened the case, what now" started the
  steps from the login) or the fallback.
A question about the silence keeps its answer ("what happens if the seller ignores my dispute?"
is the rule). Of the 32 held-out messages that tell of silence, one changes: the walkthrough step
above, labelled as the question about the seller's days. Runs after StepTold.
"""

from typing import Any, Dict, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import RETRIEVAL_INTENT, answer_confidence, answer_key
from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import asks_a_question, says_seller_silent_not_rejecting

SILENCE_REPORTED = "report_seller_unresponsive"
ABOUT_A_REJECTION = "faq/dispute_rejected"
# Intents no message about the seller's silence means.
NEVER_SILENCE = {"next_step", "nlu_fallback"}


def _misread(message: Message, doubtful_unasked: float) -> bool:
    intent = (message.get(INTENT) or {}).get("name")
    if intent in NEVER_SILENCE:
        return True
    if intent != RETRIEVAL_INTENT:
        return False
    text = message.get(TEXT) or ""
    doubted = not asks_a_question(text) and (answer_confidence(message) or 0.0) < doubtful_unasked
    return answer_key(message) == ABOUT_A_REJECTION or doubted


def read_silence_told(message: Message, doubtful_unasked: float) -> None:
    """The report of silence, with the replaced intent's confidence, for words that tell of it
    in a message read as something it cannot be."""
    if not says_seller_silent_not_rejecting(message.get(TEXT) or ""):
        return
    if _misread(message, doubtful_unasked):
        replaced = message.get(INTENT) or {}
        choose_intent(message, SILENCE_REPORTED, float(replaced.get(PREDICTED_CONFIDENCE_KEY) or 0))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SilenceTold(PerMessageComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"doubtful_unasked": 0.7}

    def process_message(self, message: Message) -> None:
        read_silence_told(message, float(self.config["doubtful_unasked"]))
