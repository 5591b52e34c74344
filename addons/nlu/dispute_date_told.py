"""`DisputeDateTold`: a buyer who tells the day their dispute was opened wants to know where it
stands.

"I opened a dispute on Wednesday 25 November, where do things stand?", "there's already a
dispute on this order, opened 26/11": DIET reads such messages as a question about the status
page or the steps to open a dispute. With a date in the role `dispute_opened`
(addons/nlu/entity_meaning.py) the dispute exists and its day is known, so the intent becomes
`check_deadlines`: the standing from that day, or the question which day when it is vague ("last
month"). Runs after NoDisputeYet.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent

DEADLINES_INTENT = "check_deadlines"
# What DIET takes these messages for.
READ_AS_DEADLINES = {"ask_dispute_status", "ask_dispute_steps"}


def read_dispute_date(message: Message) -> None:
    if (message.get(INTENT) or {}).get("name") not in READ_AS_DEADLINES:
        return
    entities = message.get(ENTITIES) or []
    if any(e.get("entity") == "date" and e.get("role") == "dispute_opened" for e in entities):
        choose_intent(message, DEADLINES_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DisputeDateTold(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_dispute_date(message)
