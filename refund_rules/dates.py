"""Turn what a buyer says ("3 days ago", "on November 20", "last Monday") into a date.

Uses dateparser relative to `today`, preferring past dates. `read_buyer_date` also says why a
phrase gives no usable date, so the assistant can ask the right question: vague answers ("the
other day", "last month") are not guessed; a day of a month without a year that is still to come
this year ("December 10" on 28 November) is asked about rather than taken as last year; a numeric
date that reads both ways ("03/11") takes the reading in the recent past and asks when both are.
The same rules hold in every language the assistant speaks (`language`, ISO 639-1): dateparser
reads the language, and `_LOCAL` holds what it needs help with ("hace tres días", "14-го").
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, List, Optional, Pattern, Tuple, Union

from babel.dates import get_month_names
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from refund_rules.date_phrases import date_phrases
from refund_rules.languages import locale_of

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_UNITS = r"(?:days?|weeks?|months?)"
_FUTURE = re.compile(r"\b(next|tomorrow|from now|later)\b|^in\s+\w+\s+(days?|weeks?|months?)\b")
_VAGUE = re.compile(
    r"\b(a few|few|several|some) (days|weeks)\b|\b(a while|ages|recently)\b"
    r"|\bthe other day\b|\b(sometime|some time|earlier) (this|last) (week|month)\b"
)
# "last month", "early last month", "last week i think": a week or a month, unless a weekday or a
# number names the day in it ("monday last week", "the 10th of last month").
_WEEK_OR_MONTH = re.compile(r"\b(last|this|past) (week|month)\b")
_DAY_IN_IT = re.compile(r"\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
}
_SHORT_WEEKDAYS = {
    "mon": "monday",
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "sat": "saturday",
    "sun": "sunday",
}
_Rewrite = Tuple[Pattern[str], Union[str, Callable[[re.Match], str]]]
_REWRITES: List[_Rewrite] = [
    (re.compile(r"\b\d{8,}\b"), " "),  # order numbers are not dates
    (re.compile(r"\b(this morning|tonight|this afternoon|this evening)\b"), "today"),
    (re.compile(r"\b(last night|yday)\b"), "yesterday"),
    (re.compile(r"\bwks?\b"), "weeks"),
    (re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b"), lambda m: str(_NUMBER_WORDS[m[1]])),
    (
        re.compile(rf"\b(on|last|since|this|past) ({'|'.join(_SHORT_WEEKDAYS)})\b"),
        lambda m: _SHORT_WEEKDAYS[m[2]],
    ),
    # "20.11" is a date here, not the time 20:11
    (
        re.compile(r"\b(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?\b"),
        lambda m: "/".join(part for part in m.groups() if part),
    ),
    (re.compile(rf"\b(?:last|past|this|on)\s+({_WEEKDAYS})\b"), r"\1"),
    (re.compile(r"\b(?:a )?couple(?: of)? (days|weeks)\b"), r"2 \1"),
    (re.compile(r"\b(?:a )?fortnight\b"), "2 weeks"),
    (re.compile(r"\b(\d+ (?:days?|weeks?|months?)) back\b"), r"\1 ago"),
    (re.compile(r"\b(?:around|about|roughly|approximately|approx\.?|circa)\s+"), ""),
    (re.compile(rf"\b(?:for|since)\s+((?:a|an|\d+)\s+{_UNITS})\b(?!\s+ago)"), r"\1 ago"),
    (re.compile(r"\bsince\s+"), ""),
]


_NUMBERS_ES_PT = {
    "un": 1, "una": 1, "uma": 1, "dos": 2, "duas": 2, "tres": 3, "três": 3, "cuatro": 4,
    "quatro": 4, "cinco": 5, "seis": 6, "siete": 7, "sete": 7, "ocho": 8, "oito": 8,
    "nueve": 9, "nove": 9, "diez": 10, "dez": 10, "quince": 15, "quinze": 15,
}  # fmt: skip
_NUMBERS_PL = {
    "jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "piec": 5,
    "sześć": 6, "szesc": 6, "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10,
}  # fmt: skip


def _number_words(numbers: dict) -> _Rewrite:
    return re.compile(rf"\b({'|'.join(numbers)})\b"), lambda m: str(numbers[m[1]])


@dataclass(frozen=True)
class _Local:
    """What dateparser needs help with in one language."""

    vague: Pattern[str]
    bare_day: Pattern[str]  # a day of the month alone: "el 14", "14-го"
    rewrites: List[_Rewrite]


_LOCAL = {
    "es": _Local(
        re.compile(
            r"\b(unos|unas|algunos|algunas|varios|varias) (d[ií]as|semanas)\b"
            r"|\bel otro d[ií]a\b|\bhace poco\b"
            r"|^(el |la |este |esta )?(mes|semana) pasad[oa]$|^(este mes|esta semana)$"
        ),
        re.compile(r"^(?:el |del )?(?:d[ií]a )?(\d{1,2})$"),
        [
            _number_words(_NUMBERS_ES_PT),
            (re.compile(r"^(?:el )?d[ií]a (\d{1,2} de)"), r"\1"),
            (re.compile(r"^el (\w+) pasado$"), r"\1"),
            (re.compile(r"\bantier\b"), "anteayer"),
            (re.compile(r"\b(esta (misma )?(mañana|manana|tarde|noche)|hoy mismo)\b"), "hoy"),
            (re.compile(r"\banoche\b"), "ayer"),
            (re.compile(r"\bahora mismo\b"), "hoy"),
        ],
    ),
    "pt": _Local(
        re.compile(
            r"\b(uns|umas|alguns|algumas|v[aá]rios|v[aá]rias) (dias|semanas)\b"
            r"|\boutro dia\b|\bfaz pouco\b"
            r"|^(o |a |no |na )?(m[eê]s|semana) passad[oa]$|^(este m[eê]s|esta semana)$"
        ),
        re.compile(r"^(?:n?o )?(?:dia )?(\d{1,2})$"),
        [
            _number_words(_NUMBERS_ES_PT),
            (re.compile(r"\bfaz (\d+)"), r"há \1"),
            (re.compile(r"^(?:no )?dia (\d{1,2} de)"), r"\1"),
            (re.compile(r"^(?:na |no )?(\w+)(?:-feira)? passad[oa]$"), r"\1"),
            (re.compile(r"\bonti\b"), "ontem"),
            (re.compile(r"\bhj\b"), "hoje"),
            (re.compile(r"\bagora mesmo\b|\bagorinha\b"), "hoje"),
            (re.compile(r"^(?:n[ao] )?(\w+)(?:-feira)?$"), r"\1"),
            (re.compile(r"\bhoje (cedo|de manhã|de manha|à tarde|a tarde|à noite)\b"), "hoje"),
            (re.compile(r"\bontem à noite|ontem a noite\b"), "ontem"),
        ],
    ),
    "fr": _Local(
        re.compile(
            r"\bquelques (jours|semaines)\b|\bl'autre jour\b|\br[ée]cemment\b"
            r"|^(le mois|la semaine) derni[eè]re?$|^(ce mois-ci|cette semaine)$"
        ),
        re.compile(r"^(?:le |du )?(\d{1,2})(?:er)?$"),
        [
            (re.compile(r"^(\w+) dernier$"), r"\1"),
            (re.compile(r"^(?:[cç]a fait|voil[aà]|depuis) "), "il y a "),
            (re.compile(r"\b(ce matin|cet après-midi|cet apres-midi|ce soir)\b"), "aujourd'hui"),
            (re.compile(r"\bhier soir\b"), "hier"),
            (re.compile(r"\b[àa] l'instant\b"), "aujourd'hui"),
        ],
    ),
    "ru": _Local(
        re.compile(
            r"\bнесколько (дней|недель)\b|\bна днях\b|\bнедавно\b"
            r"|^(в |на )?прошл(ом|ой) (месяце|неделе)$|^(в этом месяце|на этой неделе)$"
            r"|\bв (январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре"
            r"|декабре)\b"
        ),
        re.compile(r"^(\d{1,2})(?:-?г?о| числа)?$"),
        [
            (re.compile(r"\bв прошл\w+ "), ""),
            (re.compile(r"\b(\d{1,2})-?го\b"), r"\1"),
            (re.compile(r"\bсегодня (утром|днём|днем|вечером)\b|\bутром\b"), "сегодня"),
            (re.compile(r"\bвчера (утром|днём|днем|вечером)\b"), "вчера"),
            (re.compile(r"\bтолько что\b"), "сегодня"),
        ],
    ),
    "pl": _Local(
        re.compile(
            r"\b(kilka|par[eę]) (dni|tygodni)\b|\bniedawno\b|\bostatnio\b"
            r"|^(w )?(zesz[lł]ym|ubieg[lł]ym) (miesi[aą]cu|tygodniu)$"
            r"|^(w tym miesi[aą]cu|w tym tygodniu)$"
        ),
        re.compile(r"^(\d{1,2})(?:-?go|\.)?$"),
        [
            _number_words(_NUMBERS_PL),
            (re.compile(r"^tydzie[nń] temu$"), "1 tydzień temu"),
            (re.compile(r"^miesi[aą]c temu$"), "1 miesiąc temu"),
            (re.compile(r"\b(\d{1,2})-?go\b"), r"\1"),
            (re.compile(r"^od tygodnia$"), "1 tydzień temu"),
            (re.compile(r"^od miesi[aą]ca$"), "1 miesiąc temu"),
            (re.compile(r"^od (.+)$"), r"\1 temu"),
            (re.compile(r"\b(?:w|we) (?:zesz[lł]y|zesz[lł]ą|ubieg[lł]y|ubieg[lł]ą) "), ""),
            (re.compile(r"^(?:w|we) "), ""),
            (re.compile(r"\b(dzi[sś](iaj)? (rano|po po[lł]udniu|wieczorem)|dzi[sś]\b)"), "dzisiaj"),
            (re.compile(r"\bwczoraj (rano|wieczorem)\b"), "wczoraj"),
            (re.compile(r"\bprzed chwil[aą]\b"), "dzisiaj"),
        ],
    ),
}
# Rewrites for every language: order numbers are not dates; "20.11" is a date, not 20:11.
_ANY_LANGUAGE: List[_Rewrite] = [_REWRITES[0], _REWRITES[6]]


def _settings(today: date, phrase: str) -> dict:
    return {
        # The end of the day: "2 hours ago" is still today.
        "RELATIVE_BASE": datetime(today.year, today.month, today.day, 23, 59),
        "PREFER_DATES_FROM": "future" if _FUTURE.search(phrase) else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


class DateDoubt(enum.Enum):
    UNREADABLE = "unreadable"  # no date in it
    VAGUE = "vague"  # "the other day", "last month": ask for the day
    UPCOMING = "upcoming"  # a day still to come this year, said without a year
    AMBIGUOUS = "ambiguous"  # "03/11": 3 November or 11 March, both plausible


@dataclass(frozen=True)
class DateReading:
    day: Optional[date]
    doubt: Optional[DateDoubt] = None


_MONTH_NAME = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b(?!\s*,?\s*\d{4})"
)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_BARE_DAY = re.compile(r"^(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: of (?:the|this) month)?$")
_DAY_MONTH = re.compile(r"^(?:on )?(\d{1,2})[/.-](\d{1,2})$")
# "the day 20 of this month", as buyers whose language says "dia 20" write it
_DAY_N_OF_A_MONTH = re.compile(r"\b(?:the )?day (\d{1,2}) (of (?:this|last) month)\b")
_OF_LAST_MONTH = re.compile(r"\bof last month\b")
# How far back a date counts as "the recent past" when two readings compete.
RECENT_DAYS = 120
# A date without a year still to come within this many days is asked about.
UPCOMING_DAYS = 90


def _last_month_name(today: date) -> str:
    return f"of {(today.replace(day=1) - timedelta(days=1)):%B}".lower()


def _recent_day_of_month(day_number: int, today: date) -> Optional[date]:
    """The most recent day numbered `day_number` that is not in the future."""
    year, month = today.year, today.month
    for _ in range(3):
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= today:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _recent(day: date, today: date) -> bool:
    return 0 <= (today - day).days <= RECENT_DAYS


def _both_ways(first: int, second: int, today: date) -> Optional[DateReading]:
    """A numeric date without a year, read day-first and month-first."""
    readings = []
    for day_number, month in ((first, second), (second, first)):
        try:
            candidate = date(today.year, month, day_number)
        except ValueError:
            continue
        if candidate > today:
            candidate = candidate.replace(year=today.year - 1)
        readings.append(candidate)
    if not readings:
        return None
    recent = sorted({d for d in readings if _recent(d, today)}, reverse=True)
    if len(recent) > 1:
        return DateReading(recent[0], DateDoubt.AMBIGUOUS)
    return DateReading(recent[0] if recent else readings[0])


def read_buyer_date(text: str, today: date, language: Optional[str] = None) -> DateReading:
    """The calendar date a buyer's phrase refers to, or why it gives none."""
    phrase = " ".join(str(text).lower().split()).strip(" .,!?")
    if not phrase:
        return DateReading(None, DateDoubt.UNREADABLE)
    if language in _LOCAL:
        return _read_local_date(phrase, today, language)
    phrase = _DAY_N_OF_A_MONTH.sub(r"the \1th \2", phrase)
    phrase = _OF_LAST_MONTH.sub(_last_month_name(today), phrase)
    if _VAGUE.search(phrase) or (_WEEK_OR_MONTH.search(phrase) and not _DAY_IN_IT.search(phrase)):
        return DateReading(None, DateDoubt.VAGUE)
    for pattern, replacement in _REWRITES:
        phrase = pattern.sub(replacement, phrase)
    phrase = phrase.strip(" .,!?")
    bare_day = _BARE_DAY.match(phrase)
    if bare_day:
        day = _recent_day_of_month(int(bare_day[1]), today)
        return DateReading(day, None if day else DateDoubt.UNREADABLE)
    numeric = _DAY_MONTH.match(phrase)
    if numeric and int(numeric[1]) <= 12 and int(numeric[2]) <= 12 and numeric[1] != numeric[2]:
        reading = _both_ways(int(numeric[1]), int(numeric[2]), today)
        if reading is not None:
            return reading
    day, period = _parse(phrase, today)
    return _checked(phrase, day, period, today, bool(_MONTH_NAME.search(phrase)))


def _checked(
    phrase: str, day: Optional[date], period: str, today: date, month_named: bool
) -> DateReading:
    """`day` read from `phrase`, or why it is not a usable date."""
    if day is None:
        return DateReading(None, DateDoubt.UNREADABLE)
    if month_named and period == "month":  # "in November", "grudzień": which day?
        return DateReading(None, DateDoubt.VAGUE)
    if month_named and not _YEAR.search(phrase) and day < today:
        this_year = _same_day_this_year(day, today)
        if this_year is not None and 0 < (this_year - today).days <= UPCOMING_DAYS:
            return DateReading(this_year, DateDoubt.UPCOMING)
    return DateReading(day)


def _read_local_date(phrase: str, today: date, language: str, nested: bool = True) -> DateReading:
    """`read_buyer_date` in another language than English."""
    local = _LOCAL[language]
    if local.vague.search(phrase):
        return DateReading(None, DateDoubt.VAGUE)
    for pattern, replacement in [*_ANY_LANGUAGE, *local.rewrites]:
        phrase = pattern.sub(replacement, phrase)
    phrase = phrase.strip(" .,!?")
    bare_day = local.bare_day.match(phrase)
    if bare_day:
        day = _recent_day_of_month(int(bare_day[1]), today)
        return DateReading(day, None if day else DateDoubt.UNREADABLE)
    numeric = _DAY_MONTH.match(phrase)
    if numeric and int(numeric[1]) <= 12 and int(numeric[2]) <= 12 and numeric[1] != numeric[2]:
        reading = _both_ways(int(numeric[1]), int(numeric[2]), today)
        if reading is not None:
            return reading
    if nested:
        # An answer that says more than the date ("abri no dia 26"): its date phrase.
        for found, _, _ in date_phrases(phrase, language):
            if found == phrase:
                break
            reading = _read_local_date(found, today, language, nested=False)
            if reading.day is not None or reading.doubt is not DateDoubt.UNREADABLE:
                return reading
    day, period = _parse(phrase, today, language)
    return _checked(phrase, day, period, today, _month_named(phrase, language))


@functools.lru_cache(maxsize=None)
def _month_names(language: str) -> Pattern[str]:
    locale = locale_of(language)
    names = {
        name.lower().rstrip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, context, locale).values()
    }
    return re.compile(rf"\b({'|'.join(sorted(names, key=len, reverse=True))})")


def _month_named(phrase: str, language: str) -> bool:
    return bool(_month_names(language).search(phrase))


def _same_day_this_year(day: date, today: date) -> Optional[date]:
    try:
        return day.replace(year=today.year)
    except ValueError:  # 29 February
        return None


def parse_buyer_date(text: str, today: date, language: Optional[str] = None) -> Optional[date]:
    """The calendar date a buyer's phrase refers to, or None when it gives no usable date."""
    reading = read_buyer_date(text, today, language)
    return reading.day if reading.doubt is None else None


def _parse(phrase: str, today: date, language: str = "en") -> Tuple[Optional[date], str]:
    """The date in `phrase` and how precise the words were: "day", "week", "month" (dateparser's
    period: "in November" names a month and no day)."""
    try:
        return date.fromisoformat(phrase), "day"
    except ValueError:
        pass
    settings = _settings(today, phrase)
    parser = DateDataParser(languages=[language], settings=settings)
    data = parser.get_date_data(phrase)
    if data.date_obj is None:  # the date among other words ("bo zaraz grudzień": a month)
        found = search_dates(phrase, languages=[language], settings=settings)
        if not found:
            return None, "day"
        data = parser.get_date_data(found[0][0])
        if data.date_obj is None:
            return found[0][1].date(), "day"
    return data.date_obj.date(), data.period or "day"
