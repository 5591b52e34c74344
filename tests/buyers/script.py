"""Buyer conversations as data: load them, expand their date and tag shorthands, judge replies.

A conversation file (tests/buyers/conversations/*.yml) lists conversations written blind, from
the refund guide and a list of personas only (tests/buyers/WRITING.md says how). Each turn has
what the buyer types and regexes on the assistant's reply: `expect` (all must match),
`expect_any` (one must), `forbid` (none may). Inside a regex, `{date:2026-11-30}` matches the
usual ways of writing that day, and `@tag` names a behaviour whose wording is ours (TAGS).

A file in another language (`language: es` at its top, under conversations/<code>/) has its
dates in that language, its tags found from the responses of that language
(responses/<code>.yml) and every reply checked to be in the conversation's language, or in
the turn's `reply_language`.
"""

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import yaml
from babel.dates import get_month_names

from refund_rules.languages import ENGLISH, LOCALES, locale_of, translated_responses

CONVERSATIONS = Path(__file__).parent / "conversations"
PROJECT = Path(__file__).resolve().parents[2]
LANGUAGES = list(LOCALES)

# Behaviours the writers name without knowing our wording: how each shows in our replies.
TAGS: Dict[str, str] = {
    "menu": r"say it another way|didn't quite get that|lost the thread",
    "standing": (
        r"you opened the dispute on|you can escalate now|\b\d+ days? left\b"
        r"|should already have been (issued|refunded)|last day to respond"
    ),
    "asks_dispute_date": r"when did you open the dispute|is that when you opened",
    "step1": r"step 1 of \d",
    "step2": r"step 2 of \d",
    "step3": r"step 3 of \d",
    "step4": r"step 4 of \d",
    "step5": r"step 5 of \d",
    "reminders_set": r"i'll message you here",
    "reminders_cancelled": r"cancelled your reminders",
    "english_only": r"\benglish\b",
    "no_live_agent": r"no live agents?",
    "case_summary": r"problem:.*\n.*order number:",
    "not_given": r"not given",
    "guide_silent": r"(guide|i) (doesn't|does not|don't|do not) (cover|say|know)|aliexpress's own",
}
# In other languages: the responses each tag stands for (their wording is each language's own).
_TAG_RESPONSES = {
    "step1": ["utter_dispute_step_1"],
    "step2": ["utter_dispute_step_2"],
    "step3": ["utter_dispute_step_3"],
    "step4": ["utter_dispute_step_4"],
    "step5": ["utter_dispute_step_5"],
    "asks_dispute_date": ["utter_ask_dispute_date", "utter_confirm_dispute_date"],
    "languages_line": ["utter_english_only"],
}
# The other tags stand for the responses whose English wording the English tag matches.
_NOT_BY_ENGLISH_WORDING = {"english_only"}
_DATE = re.compile(r"\{date:(\d{4}-\d{2}-\d{2})\}")
_TAG = re.compile(r"@([a-z_0-9]+)")


def date_pattern(day: date, language: str = ENGLISH) -> str:
    """The usual English ways of writing `day`: 30 November, Nov 30th, 30/11, 2026-11-30; in
    another language, the day and the month's name in any of its forms ("30 de noviembre",
    "30 ноября"), 30/11 or 30.11."""
    if language != ENGLISH:
        months = "|".join(sorted(_month_forms(language, day.month), key=len, reverse=True))
        return (
            rf"(?:\b0?{day.day}(?:er|º|-?го)?\s+(?:de\s+)?(?:{months})"
            rf"|\b0?{day.day}[/.]0?{day.month}\b|{day.isoformat()})"
        )
    month = f"(?:{day:%B}|{day:%b})"
    number = rf"0?{day.day}(?:st|nd|rd|th)?"
    return (
        rf"(?:\b{number}\s+(?:of\s+)?{month}\b|\b{month}\.?\s+{number}\b"
        rf"|\b0?{day.day}[/.]0?{day.month}\b|{day.isoformat()})"
    )


@functools.lru_cache(maxsize=None)
def _month_forms(language: str, month: int) -> List[str]:
    locale = locale_of(language)
    return sorted(
        {
            re.escape(names[month].lower().rstrip("."))
            for width in ("wide", "abbreviated")
            for context in ("format", "stand-alone")
            for names in [get_month_names(width, context, locale)]
        }
    )


@functools.lru_cache(maxsize=None)
def _responses(language: str) -> Dict[str, list]:
    if language == ENGLISH:
        return yaml.safe_load((PROJECT / "domain.yml").read_text())["responses"]
    return translated_responses(language)


def _texts(language: str, name: str) -> List[str]:
    return [variation.get("text") or "" for variation in _responses(language).get(name, [])]


def _signature(text: str) -> str:
    """A regex that finds a response in a reply: its longest fixed part (without the values
    filled in), at most 40 characters of it."""
    fixed = max(re.split(r"\{\w+\}", text), key=lambda part: len(part.strip())).strip()
    words = fixed[:40].split()
    return r"\s+".join(re.escape(word) for word in words)


@functools.lru_cache(maxsize=None)
def tag_pattern(tag: str, language: str = ENGLISH) -> str:
    if language == ENGLISH and tag in TAGS:
        return TAGS[tag]
    names = _TAG_RESPONSES.get(tag)
    if names is None:
        if tag in _NOT_BY_ENGLISH_WORDING:
            raise KeyError(tag)
        english = re.compile(TAGS[tag], re.IGNORECASE)
        names = [
            name
            for name in _responses(ENGLISH)
            if any(english.search(text) for text in _texts(ENGLISH, name))
        ]
    # The line for a language not spoken may come in any (that of the conversation so far).
    languages = LANGUAGES if tag == "languages_line" else [language]
    signatures = {
        _signature(text) for code in languages for name in names for text in _texts(code, name)
    }
    return "|".join(sorted(s for s in signatures if s))


def tags(language: str) -> List[str]:
    """The tags a conversation in `language` may use (in its English turns too); the English
    conversations written after the other languages came name the line for a language not spoken
    `@languages_line`, as those languages' do."""
    if language == ENGLISH:
        return [*TAGS, "languages_line"]
    return [tag for tag in {**TAGS, **_TAG_RESPONSES} if tag not in _NOT_BY_ENGLISH_WORDING]


def expand(pattern: str, language: str = ENGLISH) -> str:
    pattern = _DATE.sub(lambda m: date_pattern(date.fromisoformat(m[1]), language), pattern)
    return _TAG.sub(lambda m: f"(?:{tag_pattern(m[1], language)})", pattern)


@dataclass
class Turn:
    user: str
    expect: List[str] = field(default_factory=list)
    expect_any: List[str] = field(default_factory=list)
    forbid: List[str] = field(default_factory=list)
    # The language the reply must be in, from this turn on (other-language files only).
    reply_language: Optional[str] = None

    def problems(self, reply: str, language: str = ENGLISH) -> List[str]:
        """What is wrong with `reply` for this turn (empty: the turn passes)."""
        found = []
        for pattern in self.expect:
            if not re.search(expand(pattern, language), reply, re.IGNORECASE):
                found.append(f"missing {pattern!r}")
        if self.expect_any and not any(
            re.search(expand(p, language), reply, re.IGNORECASE) for p in self.expect_any
        ):
            found.append(f"none of {self.expect_any!r}")
        for pattern in self.forbid:
            if re.search(expand(pattern, language), reply, re.IGNORECASE):
                found.append(f"forbidden {pattern!r}")
        return found


@dataclass
class Conversation:
    id: str
    persona: str
    classes: List[int]
    turns: List[Turn]
    source: str
    language: str = ENGLISH


@dataclass
class Outcome:
    conversation: Conversation
    transcript: List[str] = field(default_factory=list)
    failed_turn: Optional[int] = None
    problems: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.failed_turn is None

    def report(self) -> str:
        lines = [f"{self.conversation.id} ({self.conversation.source}): turn {self.failed_turn}"]
        lines += [f"  ! {problem}" for problem in self.problems]
        lines += [f"  {line}" for line in self.transcript]
        return "\n".join(lines)


def load(folder: Path = CONVERSATIONS) -> List[Conversation]:
    """The conversations of every file in `folder` and its language folders."""
    conversations = []
    for path in sorted(folder.glob("**/*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        language = content.get("language", ENGLISH)
        for item in content["conversations"]:
            turns = [Turn(**turn) for turn in item["turns"]]
            source = str(path.relative_to(folder))
            conversations.append(
                Conversation(item["id"], item["persona"], item["classes"], turns, source, language)
            )
    return conversations


def patterns(conversations: List[Conversation]) -> Iterator[tuple]:
    """(pattern, language) of every check."""
    for conversation in conversations:
        for turn in conversation.turns:
            for pattern in turn.expect + turn.expect_any + turn.forbid:
                yield pattern, conversation.language
