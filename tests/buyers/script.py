"""Buyer conversations as data: load them, expand their date and tag shorthands, judge replies.

A conversation file (tests/buyers/conversations/*.yml) lists conversations written blind, from
the refund guide and a list of personas only (tests/buyers/README.md says how). Each turn has
what the buyer types and regexes on the assistant's reply: `expect` (all must match),
`expect_any` (one must), `forbid` (none may). Inside a regex, `{date:2026-11-30}` matches the
usual ways of writing that day, and `@tag` names a behaviour whose wording is ours (TAGS).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import yaml

CONVERSATIONS = Path(__file__).parent / "conversations"

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
    "reminders_set": r"i'll message you here on",
    "reminders_cancelled": r"cancelled your reminders",
    "english_only": r"\benglish\b",
    "no_live_agent": r"no live agents?",
    "case_summary": r"problem:.*\n.*order number:",
    "not_given": r"not given",
    "guide_silent": r"(guide|i) (doesn't|does not|don't|do not) (cover|say|know)|aliexpress's own",
}
_DATE = re.compile(r"\{date:(\d{4}-\d{2}-\d{2})\}")
_TAG = re.compile(r"@([a-z_0-9]+)")


def date_pattern(day: date) -> str:
    """The usual English ways of writing `day`: 30 November, Nov 30th, 30/11, 2026-11-30."""
    month = f"(?:{day:%B}|{day:%b})"
    number = rf"0?{day.day}(?:st|nd|rd|th)?"
    return (
        rf"(?:\b{number}\s+(?:of\s+)?{month}\b|\b{month}\.?\s+{number}\b"
        rf"|\b0?{day.day}[/.]0?{day.month}\b|{day.isoformat()})"
    )


def expand(pattern: str) -> str:
    pattern = _DATE.sub(lambda m: date_pattern(date.fromisoformat(m[1])), pattern)
    return _TAG.sub(lambda m: f"(?:{TAGS[m[1]]})", pattern)


@dataclass
class Turn:
    user: str
    expect: List[str] = field(default_factory=list)
    expect_any: List[str] = field(default_factory=list)
    forbid: List[str] = field(default_factory=list)

    def problems(self, reply: str) -> List[str]:
        """What is wrong with `reply` for this turn (empty: the turn passes)."""
        found = []
        for pattern in self.expect:
            if not re.search(expand(pattern), reply, re.IGNORECASE):
                found.append(f"missing {pattern!r}")
        if self.expect_any and not any(
            re.search(expand(p), reply, re.IGNORECASE) for p in self.expect_any
        ):
            found.append(f"none of {self.expect_any!r}")
        for pattern in self.forbid:
            if re.search(expand(pattern), reply, re.IGNORECASE):
                found.append(f"forbidden {pattern!r}")
        return found


@dataclass
class Conversation:
    id: str
    persona: str
    classes: List[int]
    turns: List[Turn]
    source: str


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
    conversations = []
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text())["conversations"]:
            turns = [Turn(**turn) for turn in item["turns"]]
            conversations.append(
                Conversation(item["id"], item["persona"], item["classes"], turns, path.name)
            )
    return conversations


def patterns(conversations: List[Conversation]) -> Iterator[str]:
    for conversation in conversations:
        for turn in conversation.turns:
            yield from turn.expect + turn.expect_any + turn.forbid
