"""`DisputeDateTold`: a buyer who tells the day their dispute was opened wants to know where it
stands.

"I opened a dispute on Wednesday 25 November, where do things stand?", "there's already a dispute
on this order, opened 26/11", "I opened it 16 days ago if that helps", "put in a dispute about two
weeks back for a cracked mirror": the intent classifier can read such messages as a question about
the status page or the steps, a follow-up, a thank-you, or (when the message asks nothing) a
question. With a date in the role `dispute_opened` (addons/nlu/entity_meaning.py) the dispute
exists and its day is known, so the intent becomes `check_deadlines`: the standing from that day,
or the question which day when it is vague ("last month"). A question about the rules that also
tells the date ("I opened it Monday, will the money go to my card?") keeps its answer. The other
way round, a deadline question with dates that don't say whose they are becomes `inform`: the date
is confirmed first, or corrects the one given before. Runs after NoDisputeYet.
"""

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent, choose_intent
from nlp_pipeline.meaning import DISPUTE_OPENED, asks_a_question, date_roles, tells_dispute_date

DEADLINES_INTENT = "check_deadlines"
# What the intent classifier takes these messages for: intents that ask nothing of their own...
READ_AS_DEADLINES = {
    "ask_dispute_status",
    "ask_dispute_steps",
    "ask_follow_up",
    "thank",
    "affirm",
    "deny",
    "greet",
}
# ...and questions, when the message asks nothing ("I write everything and I send it. So I open
# it today"). A complaint, a request for a person, an escalation or reminders keep their intent:
# their answers use the date themselves.
READ_AS_DEADLINES_UNASKED = {
    "faq",
    "request_refund",
    "contact_seller",
    "ask_return_process",
    "ask_help",
}


def _read_as_a_date_to_confirm(message: Message) -> bool:
    """A deadline question with dates that don't say they are the dispute's ("sorry my mistake,
    it was Tuesday"): `inform`, so the date is confirmed, or corrects the one given before
    (action_note_details)."""
    if (message.get(INTENT) or {}).get("name") != DEADLINES_INTENT:
        return False
    roles = date_roles(message.get(ENTITIES) or [])
    return None in roles and DISPUTE_OPENED not in roles


def read_dispute_date(message: Message) -> None:
    if _read_as_a_date_to_confirm(message):
        choose_intent(message, "inform")
        return
    intent = (message.get(INTENT) or {}).get("name")
    told = intent in READ_AS_DEADLINES or (
        intent in READ_AS_DEADLINES_UNASKED and not asks_a_question(message.get(TEXT) or "")
    )
    if not told:
        return
    if tells_dispute_date(message.get(ENTITIES) or []):
        choose_intent(message, DEADLINES_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DisputeDateTold(PerMessageComponent):
    def process_message(self, message: Message) -> None:
        read_dispute_date(message)
