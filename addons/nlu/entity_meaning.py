"""`EntityMeaning`: what each entity found by the spaCy rules stands for.

- A `date` gets a Rasa entity role from the words around it (nlp_pipeline/meaning.py):
  `dispute_opened`, `ordered`, `delivered`, `seller_silent`, `other_event` or `rule`, or none
  when the words don't say; a date that corrects the one before it takes over its role; a
  weekday that only names the day of the month beside it ("the 15th, the Sunday") is dropped.
  Slots map from the role (domain.yml), so only a date the buyer gave as their dispute's
  becomes `dispute_date`.
- An order number is narrowed to its digits ("order #8034...", "заказ №8800553535"); a message
  that is only a number of 8 digits or more is one.
- A complaint phrase (label `complaint_<type>`) becomes one `complaint` entity whose value is
  the type, so the complaint is kept whatever the message's intent.
Runs after SpacyEntityExtractor.
"""

import re
from itertools import pairwise
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.per_message import PerMessageComponent
from nlp_pipeline.meaning import corrects, date_role, is_a_weekday, names_the_same_day

COMPLAINT_PREFIX = "complaint_"
_DIGITS = re.compile(r"\d+")
# A message that is only a shorter number ("8172635490", asked for the order or not): the order's.
_ORDER_NUMBER_ALONE = re.compile(r"^\s*[#№]?\s*(\d{8,20})\s*[.!]?\s*$")


def give_meaning(text: Text, entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The entities with date roles set and complaint labels turned into `complaint`. A date
    that corrects the one before it ("on monday... no wait, tuesday") takes over its role."""
    meant: List[Dict[Text, Any]] = []
    previous: Dict[Text, Any] = {}
    for entity in _without_weekdays_naming_a_date(text, entities):
        entity = dict(entity)
        if entity.get("entity") == "date":
            role = date_role(text, entity["start"], entity["end"])
            if previous.get("role") and corrects(text[previous["end"] : entity["start"]]):
                role = previous.pop("role")
            if role:
                entity["role"] = role
            previous = entity
        elif entity.get("entity") == "order_number":
            entity.update(_digits_of(text, entity))
        elif str(entity.get("entity", "")).startswith(COMPLAINT_PREFIX):
            entity["value"] = entity["entity"][len(COMPLAINT_PREFIX) :]
            entity["entity"] = "complaint"
        meant.append(entity)
    return meant


def _digits_of(text: Text, entity: Dict[Text, Any]) -> Dict[Text, Any]:
    """An order number's span and value narrowed to its digits ("заказ №8800553535")."""
    found = _DIGITS.search(text, entity["start"], entity["end"])
    if found is None:
        return {}
    return {"start": found.start(), "end": found.end(), "value": found.group()}


def _without_weekdays_naming_a_date(
    text: Text, entities: List[Dict[Text, Any]]
) -> List[Dict[Text, Any]]:
    """The entities without a weekday that only names the day of the month beside it."""
    dates = [e for e in entities if e.get("entity") == "date"]
    weekdays = set()
    for first, second in pairwise(dates):
        between = text[first["end"] : second["start"]]
        if names_the_same_day(first["value"], between, second["value"]):
            weekdays.add(id(first) if is_a_weekday(first["value"]) else id(second))
    return [e for e in entities if id(e) not in weekdays]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class EntityMeaning(PerMessageComponent, EntityExtractorMixin):
    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        alone = None if entities else _ORDER_NUMBER_ALONE.match(text)
        if alone:
            entities = [_order_number(alone)]
        if entities:
            message.set(ENTITIES, give_meaning(text, entities), add_to_output=True)


def _order_number(alone: re.Match) -> Dict[Text, Any]:
    return {
        "entity": "order_number",
        "value": alone.group(1),
        "start": alone.start(1),
        "end": alone.end(1),
        "extractor": EntityMeaning.__name__,
    }
