"""Turn what a buyer says ("3 days ago", "on November 20", "last Monday") into a date.

Uses dateparser relative to `today`, preferring past dates. Vague answers ("a few days
ago") are not guessed: they return None so the assistant asks again.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

import dateparser
from dateparser.search import search_dates

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_UNITS = r"(?:days?|weeks?|months?)"
_FUTURE = re.compile(r"\b(next|tomorrow)\b|^in\s+\w+\s+(days?|weeks?|months?)\b")
_VAGUE = re.compile(r"\b(few|several|some|couple of weeks|ages|while|recently)\b")
_REWRITES = [
    (re.compile(r"\b\d{8,}\b"), " "),  # order numbers are not dates
    (re.compile(rf"\b(?:last|past|this|on)\s+({_WEEKDAYS})\b"), r"\1"),
    (re.compile(r"\b(?:a )?couple of days\b"), "2 days"),
    (re.compile(rf"\b(?:for|since)\s+((?:a|an|one|\d+|\w+)\s+{_UNITS})\b(?!\s+ago)"), r"\1 ago"),
    (re.compile(r"\bsince\s+"), ""),
]


def _settings(today: date, phrase: str) -> dict:
    return {
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
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
