"""Turn what a buyer says ("3 days ago", "on November 20", "last Monday") into a date.

Uses dateparser relative to `today`, preferring past dates. Vague answers ("a few days
ago") are not guessed: they return None so the assistant asks again.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Callable, List, Optional, Pattern, Tuple, Union

import dateparser
from dateparser.search import search_dates

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_UNITS = r"(?:days?|weeks?|months?)"
_FUTURE = re.compile(r"\b(next|tomorrow|from now|later)\b|^in\s+\w+\s+(days?|weeks?|months?)\b")
_VAGUE = re.compile(r"\b(a few|few|several|some) (days|weeks)\b|\b(a while|ages|recently)\b")
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
    (re.compile(rf"\b(?:for|since)\s+((?:a|an|\d+)\s+{_UNITS})\b(?!\s+ago)"), r"\1 ago"),
    (re.compile(r"\bsince\s+"), ""),
]


def _settings(today: date, phrase: str) -> dict:
    return {
        # The end of the day: "2 hours ago" is still today.
        "RELATIVE_BASE": datetime(today.year, today.month, today.day, 23, 59),
        "PREFER_DATES_FROM": "future" if _FUTURE.search(phrase) else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def parse_buyer_date(text: str, today: date) -> Optional[date]:
    """Return the calendar date a buyer's phrase refers to, or None if it has none."""
    phrase = " ".join(str(text).lower().split())
    if not phrase or _VAGUE.search(phrase):
        return None
    for pattern, replacement in _REWRITES:
        phrase = pattern.sub(replacement, phrase)
    phrase = phrase.strip(" .,!?")
    if not phrase:
        return None
    try:
        return date.fromisoformat(phrase)
    except ValueError:
        pass
    settings = _settings(today, phrase)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        found = search_dates(phrase, languages=["en"], settings=settings)
        parsed = found[0][1] if found else None
    return parsed.date() if parsed else None
