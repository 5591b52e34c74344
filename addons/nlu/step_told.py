"""`StepTold`: a buyer who says how far they got ("I'm already logged in, what do I do now?")
wants the next dispute step.

DIET reads such messages as the general refund question, a follow-up or a call for help, and the
buyer would get the overview again. When the words put the buyer at a step
(refund_rules/walkthrough.py), the intent becomes `next_step`: the walkthrough then shows the step
after the one they reached, whether or not the steps were started. Runs after NoDisputeYet.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent
from refund_rules.walkthrough import step_from_words

STEP_INTENT = "next_step"
# What DIET takes these messages for.
READ_AS_A_STEP = {"request_refund", "ask_follow_up", "ask_help"}


def read_step(message: Message) -> None:
    if (message.get(INTENT) or {}).get("name") not in READ_AS_A_STEP:
        return
    if step_from_words(message.get(TEXT) or "") is not None:
        choose_intent(message, STEP_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StepTold(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_step(message)
