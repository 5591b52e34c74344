"""Where the dates are in a buyer's message, in the assistant's other languages: a time ago
("hace 3 días", "3 dni temu"), a named day ("ayer", "вчера"), a weekday, a day of the month
("el 14", "dia 20 de novembro", "14-го"), a numeric date (20/11). A number of days alone ("5 días"
in a question about the rules) is not a date, nor is the day after "until" ("até hj nada"). Used
by the NLU (addons/nlu/foreign_dates.py) and by refund_rules/dates.py for an answer that says
more than the date ("abri no dia 26").
"""

import re
from typing import Any, Dict, Iterable, Iterator, Pattern, Text, Tuple

from babel.dates import get_day_names, get_month_names

from refund_rules.languages import locale_of

_NUMBER = (
    r"\d{1,2}|un[aoe]?|uma|dos|duas|dois|tres|tr[eê]s|cuatro|quatro|cinco|seis|siete|sete|ocho"
    r"|oito|diez|dez|quince|quinze|deux|trois|quatre|cinq|six|sept|huit|dix|quinze|один|одну|два"
    r"|две|три|четыре|пять|шесть|семь|десять|jeden|jedn[aą]|dwa|dwie|trzy|cztery|pi[eę][cć]"
    r"|sze[sś][cć]|siedem|dziesi[eę][cć]"
)
_FEW = r"(?:unos|unas|uns|umas|alguns|algumas|quelques|несколько|kilka|par[eę])"
# Per language: a time ago, a named day, a day of the month; {units}, {number}, {few}, {day},
# {months} and {weekdays} are filled in.
_PATTERNS = {
    "es": [
        r"hace\s+(?:{few}\s+|{number}\s+)?{units}",
        r"(?:{number})\s+{units}\s+atr[aá]s",
        r"\b(?:hoy|ayer|anteayer|antier|anoche|esta\s+(?:misma\s+)?(?:mañana|manana|tarde)"
        r"|ahora\s+mismo)\b",
        r"(?:el\s+)?(?:d[ií]a\s+)?\d{1,2}\s+de\s+(?:{months})",
        r"\b(?:el|del)\s+(?:d[ií]a\s+)?{day}\b(?![/.:]\d)",
        r"(?:el\s+)?(?:{weekdays})(?:\s+pasado)?",
        r"(?:\bla\s+)?\bsemana\s+pasada|(?:\bel\s+)?\bmes\s+pasado",
    ],
    "pt": [
        r"(?:h[aá]|faz)\s+(?:{few}\s+|{number}\s+)?{units}",
        r"(?:{number})\s+{units}\s+atr[aá]s",
        r"\b(?:hoje|hj|ontem|onti|anteontem|agora\s+mesmo|agorinha)\b",
        r"(?:(?:n?o\s+)?dia\s+)?\d{1,2}\s+de\s+(?:{months})",
        r"\b(?:n?o\s+)?dia\s+\d{1,2}\b(?![/.:]\d)",
        r"(?:n[ao]\s+)?(?:{weekdays}|\b(?:segunda|ter[çc]a|quarta|quinta|sexta)\b)"
        r"(?:-feira)?(?:\s+passad[ao])?",
        r"(?:\bn?a\s+)?\bsemana\s+passada|(?:\bn?o\s+)?\bm[eê]s\s+passado",
    ],
    "fr": [
        r"(?:il\s+y\s+a|[cç]a\s+fait|voil[aà]|depuis)\s+(?:{few}\s+|{number}\s+)?{units}",
        r"\b(?:aujourd'hui|hier(?:\s+soir)?|avant-hier|ce\s+matin|[àa]\s+l'instant)\b",
        r"(?:le\s+)?\d{1,2}(?:er)?\s+(?:{months})",
        r"\b(?:le|du)\s+{day}(?:er)?\b(?![/.:]\d)",
        r"(?:{weekdays})(?:\s+dernier)?",
        r"la\s+semaine\s+derni[eè]re|le\s+mois\s+dernier",
    ],
    "ru": [
        r"(?:(?:{few}|{number})\s+)?{units}\s+назад",
        r"(?:сегодня|вчера|позавчера|только\s+что)",
        r"\d{1,2}(?:-?го)?\s+(?:{months})",
        r"\d{1,2}(?:-?го|\s+числа)",
        r"(?:в\s+прошл\w+\s+|во?\s+)?(?:{weekdays})",
        r"(?:на\s+)?прошлой\s+неделе|в\s+прошлом\s+месяце",
    ],
    "pl": [
        r"(?:(?:{few}|{number})\s+)?{units}\s+temu",
        r"\bod\s+(?:{few}\s+|{number}\s+)?{units}",
        r"\b(?:dzisiaj|dzi[sś]|wczoraj|przedwczoraj|przed\s+chwil[aą])\b",
        r"\d{1,2}(?:-?go)?\s+(?:{months})",
        r"\b\d{1,2}-?go\b",
        r"(?:w(?:e)?\s+)?(?:(?:zesz[lł][yaą]|ubieg[lł][yaą])\s+)?(?:{weekdays})",
        r"(?:w\s+)?(?:zesz[lł]ym|ubieg[lł]ym)\s+(?:tygodniu|miesi[aą]cu)",
    ],
}
_UNITS = {
    "es": r"d[ií]as?|semanas?|mes(?:es)?",
    "pt": r"dias?|semanas?|m[eê]s(?:es)?",
    "fr": r"jours?|semaines?|mois",
    "ru": r"дн(?:я|ей|ь)|день|недел[июь]|неделю|месяц(?:а|ев)?",
    "pl": r"dni|dzie[nń]|tydzie[nń]|tygodni(?:e|a)?|miesi[aą]c(?:e|y|a)?",
}
_NUMERIC = r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"


# The weekdays as said after "в" and "w" ("в среду", "w środę"): Babel has their nominative.
_WEEKDAYS_AFTER_ON = {
    "ru": ["среду", "пятницу", "субботу"],
    "pl": ["środę", "sobotę", "niedzielę"],
}


def _names(language: Text, names: Any, more: Iterable[Text] = ()) -> Text:
    """Babel's full names (its case forms, and `more`), also without diacritics, as whole words.
    Not the abbreviations: "ter", "mar" and "set" are words too."""
    locale = locale_of(language)
    found = {
        name.lower()
        for context in ("format", "stand-alone")
        for name in names("wide", context, locale).values()
    } | set(more)
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
        # a day of the month, 1 to 31 ("du 38" is a size)
        "day": r"(?:0?[1-9]|[12]\d|3[01])",
        "months": f"(?:{_names(language, get_month_names)})",
        "weekdays": f"(?:{_names(language, get_day_names, _WEEKDAYS_AFTER_ON.get(language, []))})",
    }
    phrases = [_filled(pattern, fill) for pattern in _PATTERNS[language]] + [_NUMERIC]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def _filled(pattern: Text, fill: Dict[Text, Text]) -> Text:
    for name, value in fill.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


DATES = {language: _date_pattern(language) for language in _PATTERNS}
# "Until" right before a date ("até hj nada", "hasta hoy", "do dziś"): no event on that day.
_UNTIL = {
    "es": r"\bhasta\s+$",
    "pt": r"\bat[eé]\s+$",
    "fr": r"\bjusqu'?\s*(?:à|a|au)\s+$",
    "ru": r"\bдо\s+$",
    "pl": r"\bdo\s+$",
}
_UNTIL_BEFORE = {language: re.compile(words, re.IGNORECASE) for language, words in _UNTIL.items()}
# A weekday right before the day of the month it names ("terça, dia 24"): the day is enough.
_SAME_DAY_GAP = re.compile(r"^[\s,]*$")


def date_phrases(text: Text, language: Text) -> Iterator[Tuple[Text, int, int]]:
    """(phrase, start, end) of each date phrase of `text`."""
    until = _UNTIL_BEFORE[language]
    found = [
        m
        for m in DATES[language].finditer(text)
        if m.group().strip() and not until.search(text[max(0, m.start() - 12) : m.start()])
    ]
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
