"""`ForeignDates`: the dates in a message written in one of the assistant's other languages
("abrí la disputa hace 3 días", "спор открыт 20 ноября"), as `date` entities with a role.

The spaCy rules (nlp_pipeline/) read English. For a message LanguageIdentifier found to be in
another spoken language, that language's patterns (refund_rules/date_phrases.py) find the date
phrases, which the action reads in the language (refund_rules/dates.py). The role comes from the
nearest word of a kind (the dispute, the order or payment, the shipping, the delivery); with
none, the date has no role and the assistant asks what it is.
Runs after LanguageIdentifier (a short message is read in the language it guesses) and before
the components that act on a date's role.
"""

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LANGUAGE, LANGUAGE_GUESS
from addons.nlu.per_message import PerMessageComponent
from refund_rules.date_phrases import DATES, date_phrases

# The words whose nearness gives a date its role (stems, lower case).
_ROLE_WORDS = {
    "dispute_opened": {
        "es": r"disputa|reclam",
        "pt": r"disputa|reclama",
        "fr": r"litige|r[ée]clamation",
        "ru": r"спор",
        "pl": r"sp[oó]r|reklamacj",
    },
    # Verbs, not "pedido" or "заказ": the order is named in every kind of message.
    "ordered": {
        "es": r"\bped[ií]\b|\bcompr[eé]\b|\bpagu[eé]\b",
        "pt": r"\bcomprei\b|\bpaguei\b|\bpedi\b",
        "fr": r"\bcommand[ée]|\bachet[ée]|\bpay[ée]",
        "ru": r"заказал|оплатил|купил",
        "pl": r"zam[oó]wi[lł]|kupi[lł]|zap[lł]aci[lł]",
    },
    # The shipping, a message to the seller ("позавчера я ему просто в чат писал"), or the dispute
    # closing ("le litige est clôturé depuis 10 jours").
    "other_event": {
        "es": r"envi[oó]|env[ií]o|mand[oó]|despach|escrib[ií]|mensaje|\bchat|cerrad|finalizad",
        "pt": r"envio|enviou|despach|postou|mandou|escrevi|mensagem|\bchat"
        r"|encerrad|fechad|finalizad",
        "fr": r"envoy|exp[ée]di|[ée]crit au vendeur|message|\bchat|cl[ôo]tur|ferm[ée]|termin[ée]",
        "ru": r"отправ|писал|написал|\bчат|сообщени|закрыт|завершен|завершён",
        "pl": r"wys[lł]a|nada[lł]|wysy[lł]k|pisa[lł]|napisa[lł]|wiadomo[sś]|\bczat"
        r"|zamkni[eę]t|zako[nń]czon",
    },
    "delivered": {
        "es": r"lleg[oó]|recib[ií]|entreg",
        "pt": r"chegou|recebi|entreg",
        "fr": r"re[çc]u|arriv|livr",
        "ru": r"пришл|пришёл|пришел|получил|доставл",
        "pl": r"dosz[lł]|dosta[lł]|przysz[lł]|dostarcz",
    },
}


_ROLES = {
    role: {language: re.compile(words, re.IGNORECASE) for language, words in by_language.items()}
    for role, by_language in _ROLE_WORDS.items()
}


_SENTENCE_END = re.compile(r"[.!?\n]+")


def role_near(text: Text, start: int, end: int, language: Text) -> Optional[Text]:
    """The role of the date at `start`-`end`: that of the nearest word of a kind in its sentence,
    else in the message ("спор открыл 16-го. продавец написал и пропал": the dispute's)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    following = _SENTENCE_END.search(text, end)
    first, last = (ends[-1] if ends else 0), (following.start() if following else len(text))
    found = [
        (
            not first <= match.start() < last,
            min(abs(match.start() - start), abs(match.end() - end)),
            role,
        )
        for role, patterns in _ROLES.items()
        for match in patterns[language].finditer(text)
    ]
    return min(found)[2] if found else None


def foreign_dates(text: Text, language: Text) -> List[Dict[Text, Any]]:
    entities = []
    for phrase, start, end in date_phrases(text, language):
        entity: Dict[Text, Any] = {
            "entity": "date",
            "value": phrase,
            "start": start,
            "end": end,
            "extractor": ForeignDates.__name__,
        }
        role = role_near(text, start, end, language)
        if role:
            entity["role"] = role
        entities.append(entity)
    return entities


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ForeignDates(PerMessageComponent, EntityExtractorMixin):
    def process_message(self, message: Message) -> None:
        language = message.get(LANGUAGE) or message.get(LANGUAGE_GUESS)
        if language not in DATES:
            return
        text = message.get(TEXT) or ""
        found = foreign_dates(text, language)
        if not found:
            return
        kept = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "date"]
        message.set(ENTITIES, [*kept, *found], add_to_output=True)
