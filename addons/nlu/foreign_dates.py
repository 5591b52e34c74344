"""`ForeignDates`: the dates in a message written in one of the assistant's other languages
("abrí la disputa hace 3 días", "спор открыт 20 ноября"), as `date` entities with a role.

The spaCy rules (nlp_pipeline/) read English. For a message LanguageIdentifier found to be in
another spoken language, dateparser's search finds the date phrases; a phrase counts only when
it has a sign of being a day (a relative word, a weekday, a month, a numeric date), so "5 días"
in a question about the rules is not a date. The role comes from the nearest word of a kind
(the dispute, the order or payment, the delivery); with none, the date has no role and the
assistant asks what it is. Runs after LanguageIdentifier; a short message is read in the language it guesses.
"""

import re
from typing import Any, Dict, Iterator, List, Optional, Pattern, Text, Tuple

from babel.dates import get_day_names, get_month_names
from dateparser.search import search_dates
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LANGUAGE, LANGUAGE_GUESS
from addons.nlu.per_message import PerMessageComponent
from refund_rules.languages import locale_of

# Words that make a phrase a day, beside the weekday and month names (Babel's).
_RELATIVE = {
    "es": r"hace|atr[aá]s|ayer|anteayer|anoche|hoy",
    "pt": r"h[aá]|atr[aá]s|faz|ontem|anteontem|hoje",
    "fr": r"il y a|hier|avant-hier|aujourd'hui",
    "ru": r"назад|вчера|позавчера|сегодня",
    "pl": r"temu|wczoraj|przedwczoraj|dzisiaj|dziś|dzis",
}
# The words whose nearness gives a date its role (stems, lower case).
_ROLE_WORDS = {
    "dispute_opened": {
        "es": r"disputa|reclam",
        "pt": r"disputa|reclama",
        "fr": r"litige|r[ée]clamation",
        "ru": r"спор",
        "pl": r"sp[oó]r|reklamacj",
    },
    "ordered": {
        "es": r"ped[ií]|compr[eé]|pagu[eé]|pedido",
        "pt": r"comprei|paguei|pedi\b|pedido",
        "fr": r"command|achet|pay[ée]",
        "ru": r"заказ|оплат|купил",
        "pl": r"zam[oó]wi|kupi|zap[lł]aci",
    },
    "delivered": {
        "es": r"lleg[oó]|recib[ií]|entreg",
        "pt": r"chegou|recebi|entreg",
        "fr": r"re[çc]u|arriv|livr",
        "ru": r"пришл|пришёл|пришел|получил|доставл",
        "pl": r"dosz[lł]|dosta[lł]|przysz[lł]|dostarcz",
    },
}
_NUMERIC = r"\d{1,2}[/.]\d{1,2}"
# A word dateparser takes into the phrase after it ("hace 3 días y"), and French "il y a 3
# jours", of which it finds "a 3 jours".
_TRAILING_WORD = re.compile(r"\s+(?:y|e|i|et|и|a|o|ou|lub)$", re.IGNORECASE)
_IL_Y = "il y "
SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def _names(language: Text) -> Text:
    locale = locale_of(language)
    names = {
        name.lower().rstrip(".")
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for table in (get_month_names(width, context, locale), get_day_names(width, context, locale))
        for name in table.values()
        if len(name.rstrip(".")) > 2
    }
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


def _day_sign(language: Text) -> Pattern[Text]:
    return re.compile(
        rf"(?<!\w)(?:{_RELATIVE[language]}|{_names(language)})(?!\w)|{_NUMERIC}", re.IGNORECASE
    )


_DAY_SIGNS = {language: _day_sign(language) for language in _RELATIVE}
_ROLES = {
    role: {language: re.compile(words, re.IGNORECASE) for language, words in by_language.items()}
    for role, by_language in _ROLE_WORDS.items()
}


def date_phrases(text: Text, language: Text) -> Iterator[Tuple[Text, int, int]]:
    """(phrase, start, end) of each date phrase of `text`."""
    found = search_dates(text, languages=[language], settings=SETTINGS) or []
    position = 0
    for phrase, _ in found:
        start = text.find(phrase, position)
        if start < 0:
            continue
        if not _DAY_SIGNS[language].search(phrase) and not (
            language == "fr" and text[:start].lower().endswith(_IL_Y)
        ):
            continue
        position = start + len(phrase)
        if language == "fr" and text[:start].lower().endswith(_IL_Y):
            start -= len(_IL_Y)
        phrase = _TRAILING_WORD.sub("", text[start:position].strip())
        yield phrase, start, start + len(phrase)


def role_near(text: Text, start: int, end: int, language: Text) -> Optional[Text]:
    """The role of the date at `start`-`end`: that of the nearest word of a kind."""
    distances = [
        (min(abs(match.start() - start), abs(match.end() - end)), role)
        for role, patterns in _ROLES.items()
        for match in patterns[language].finditer(text)
    ]
    return min(distances)[1] if distances else None


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
        if language not in _RELATIVE:
            return
        text = message.get(TEXT) or ""
        found = foreign_dates(text, language)
        if not found:
            return
        kept = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "date"]
        message.set(ENTITIES, [*kept, *found], add_to_output=True)

