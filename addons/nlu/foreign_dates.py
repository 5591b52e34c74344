"""`ForeignDates`: the dates in a message written in one of the assistant's other languages
("abrí la disputa hace 3 días", "спор открыт 20 ноября"), as `date` entities with a role.

The spaCy rules (nlp_pipeline/) read English. For a message LanguageIdentifier found to be in
another spoken language, each language's patterns below find the date phrases: a time ago ("hace
3 días", "3 dni temu"), a named day ("ayer", "вчера"), a weekday, a day of the month ("el 14",
"dia 20 de novembro", "14-го"), a numeric date (20/11). A number of days alone ("5 días" in a
question about the rules) is not a date. The action reads each phrase in the language
(refund_rules/dates.py). The role comes from the nearest word of a kind (the dispute, the order
or payment, the delivery); with none, the date has no role and the assistant asks what it is.
Runs after LanguageIdentifier (a short message is read in the language it guesses) and before
the components that act on a date's role.
"""

import re
from typing import Any, Dict, Iterator, List, Optional, Pattern, Text, Tuple

from babel.dates import get_day_names, get_month_names
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.language import LANGUAGE, LANGUAGE_GUESS
from addons.nlu.per_message import PerMessageComponent
from refund_rules.languages import locale_of

_NUMBER = (
    r"\d{1,2}|un[ao]?|uma|dos|duas|dois|tres|tr[eê]s|cuatro|quatro|cinco|seis|siete|sete|ocho"
    r"|oito|diez|dez|quince|quinze|deux|trois|quatre|cinq|six|sept|huit|dix|quinze|один|одну|два"
    r"|две|три|четыре|пять|шесть|семь|десять|jeden|jedn[aą]|dwa|dwie|trzy|cztery|pi[eę][cć]"
    r"|sze[sś][cć]|siedem|dziesi[eę][cć]"
)
_FEW = r"(?:unos|unas|uns|umas|alguns|algumas|quelques|несколько|kilka|par[eę])"
# Per language: a time ago, a named day, a day of the month; {units}, {number}, {few},
# {months} and {weekdays} are filled in.
_PATTERNS = {
    "es": [
        r"hace\s+(?:{few}\s+|{number}\s+)?{units}",
        r"(?:{number})\s+{units}\s+atr[aá]s",
        r"\b(?:hoy|ayer|anteayer|antier|anoche|esta\s+(?:misma\s+)?(?:mañana|manana|tarde))\b",
        r"(?:el\s+)?(?:d[ií]a\s+)?\d{1,2}\s+de\s+(?:{months})",
        r"\bel\s+(?:d[ií]a\s+)?\d{1,2}\b(?![/.:]\d)",
        r"(?:el\s+)?(?:{weekdays})(?:\s+pasado)?",
    ],
    "pt": [
        r"(?:h[aá]|faz)\s+(?:{few}\s+|{number}\s+)?{units}",
        r"(?:{number})\s+{units}\s+atr[aá]s",
        r"\b(?:hoje|hj|ontem|onti|anteontem)\b",
        r"(?:(?:n?o\s+)?dia\s+)?\d{1,2}\s+de\s+(?:{months})",
        r"\b(?:n?o\s+)?dia\s+\d{1,2}\b(?![/.:]\d)",
        r"(?:n[ao]\s+)?(?:{weekdays}|\b(?:segunda|ter[çc]a|quarta|quinta|sexta)\b)"
        r"(?:-feira)?(?:\s+passad[ao])?",
    ],
    "fr": [
        r"il\s+y\s+a\s+(?:{few}\s+|{number}\s+)?{units}",
        r"\b(?:aujourd'hui|hier(?:\s+soir)?|avant-hier|ce\s+matin)\b",
        r"(?:le\s+)?\d{1,2}(?:er)?\s+(?:{months})",
        r"\ble\s+\d{1,2}(?:er)?\b(?![/.:]\d)",
        r"(?:{weekdays})(?:\s+dernier)?",
    ],
    "ru": [
        r"(?:(?:{few}|{number})\s+)?{units}\s+назад",
        r"(?:сегодня|вчера|позавчера)",
        r"\d{1,2}(?:-?го)?\s+(?:{months})",
        r"\d{1,2}(?:-?го|\s+числа)",
        r"(?:в\s+прошл\w+\s+|во?\s+)?(?:{weekdays})",
    ],
    "pl": [
        r"(?:(?:{few}|{number})\s+)?{units}\s+temu",
        r"\b(?:dzisiaj|dzi[sś]|wczoraj|przedwczoraj)\b",
        r"\d{1,2}(?:-?go)?\s+(?:{months})",
        r"\b\d{1,2}-?go\b",
        r"(?:w(?:e)?\s+)?(?:(?:zesz[lł][yaą]|ubieg[lł][yaą])\s+)?(?:{weekdays})",
    ],
}
_UNITS = {
    "es": r"d[ií]as?|semanas?|mes(?:es)?",
    "pt": r"dias?|semanas?|m[eê]s(?:es)?",
    "fr": r"jours?|semaines?|mois",
    "ru": r"дн(?:я|ей|ь)|день|недел[июь]|неделю|месяц(?:а|ев)?",
    "pl": r"dni|dzie[nń]|tydzie[nń]|tygodni(?:e)?|miesi[aą]c(?:e|y)?",
}
_NUMERIC = r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
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
    "other_event": {
        "es": r"envi[oó]|env[ií]o|mand[oó]|despach",
        "pt": r"envio|enviou|despach|postou|mandou",
        "fr": r"envoy|exp[ée]di",
        "ru": r"отправ",
        "pl": r"wys[lł]a|nada[lł]|wysy[lł]k",
    },
    "delivered": {
        "es": r"lleg[oó]|recib[ií]|entreg",
        "pt": r"chegou|recebi|entreg",
        "fr": r"re[çc]u|arriv|livr",
        "ru": r"пришл|пришёл|пришел|получил|доставл",
        "pl": r"dosz[lł]|dosta[lł]|przysz[lł]|dostarcz",
    },
}


def _names(language: Text, names: Any) -> Text:
    """Babel's full names (every case form), also without diacritics, as whole words. Not the
    abbreviations: "ter", "mar" and "set" are words too."""
    locale = locale_of(language)
    found = {
        name.lower()
        for context in ("format", "stand-alone")
        for name in names("wide", context, locale).values()
    }
    found |= {_plain(name) for name in found}
    alternatives = "|".join(sorted(map(re.escape, found), key=len, reverse=True))
    return rf"(?<!\w)(?:{alternatives})(?!\w)"


def _plain(text: Text) -> Text:
    return text.translate(str.maketrans("áàâãéêíóôõúçñąćęłńóśźżё", "aaaaeeiooouncacelnoszze"))


def _date_pattern(language: Text) -> Pattern[Text]:
    fill = {
        "units": f"(?:{_UNITS[language]})",
        "number": f"(?:{_NUMBER})",
        "few": _FEW,
        "months": f"(?:{_names(language, get_month_names)})",
        "weekdays": f"(?:{_names(language, get_day_names)})",
    }
    phrases = [_filled(pattern, fill) for pattern in _PATTERNS[language]] + [_NUMERIC]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def _filled(pattern: Text, fill: Dict[Text, Text]) -> Text:
    for name, value in fill.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


_DATES = {language: _date_pattern(language) for language in _PATTERNS}
_ROLES = {
    role: {language: re.compile(words, re.IGNORECASE) for language, words in by_language.items()}
    for role, by_language in _ROLE_WORDS.items()
}
# A weekday right before the day of the month it names ("terça, dia 24"): the day is enough.
_SAME_DAY_GAP = re.compile(r"^[\s,]*$")


def date_phrases(text: Text, language: Text) -> Iterator[Tuple[Text, int, int]]:
    """(phrase, start, end) of each date phrase of `text`."""
    found = [m for m in _DATES[language].finditer(text) if m.group().strip()]
    for index, match in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and _SAME_DAY_GAP.match(text[match.end() : following.start()])
            and re.search(r"\d", following.group())
            and not re.search(r"\d", match.group())
        ):
            continue
        yield match.group().strip(), match.start(), match.end()


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
        if language not in _DATES:
            return
        text = message.get(TEXT) or ""
        found = foreign_dates(text, language)
        if not found:
            return
        kept = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "date"]
        message.set(ENTITIES, [*kept, *found], add_to_output=True)
