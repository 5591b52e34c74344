"""The buyer conversation suite: conversations written blind, held through the REST channel.

In each language the share that passes must stay at or above its floor (PASS_RATE_FLOOR);
every failure is printed with its transcript, and the whole report is written to a temporary
folder. In other languages than English each reply must also be in the conversation's language.
"""

import functools
import re
import uuid
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest
from lingua import Language, LanguageDetectorBuilder

from refund_rules.languages import ENGLISH
from tests.buyers.script import Conversation, Outcome, expand, load, patterns, tags
from tests.servers import RestClient, Servers

# Measured now: en 189/195, es 55/57, fr 54/56, pl 57/59, pt 59/61, ru 59/60; a data change moves
# one or two. Each floor is at least two conversations below. The aim is 0.95 in every language.
PASS_RATE_FLOOR: Dict[str, float] = {
    "en": 0.95,
    "es": 0.92,
    "fr": 0.92,
    "pl": 0.93,
    "pt": 0.93,
    "ru": 0.95,
}
OTHER_LANGUAGE_FLOOR = 0.5
MINIMUM_CONVERSATIONS = {"en": 150}
OTHER_LANGUAGE_MINIMUM = 30

CONVERSATIONS = load()
LANGUAGES = sorted({c.language for c in CONVERSATIONS})
# Quoted words (AliExpress's English button names) say nothing of a reply's language.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|«[^»]*»|“[^”]*”|\([^)]*\)")


def test_the_scripts_are_well_formed():
    for language in LANGUAGES:
        count = sum(c.language == language for c in CONVERSATIONS)
        assert count >= MINIMUM_CONVERSATIONS.get(language, OTHER_LANGUAGE_MINIMUM), language
    ids = [c.id for c in CONVERSATIONS]
    assert len(ids) == len(set(ids)), "conversation ids must be unique"
    for pattern, language in patterns(CONVERSATIONS):
        for tag in re.findall(r"@([a-z_0-9]+)", pattern):
            assert tag in tags(language), f"unknown tag @{tag} in {pattern!r} ({language})"
        re.compile(expand(pattern, language))
    for conversation in CONVERSATIONS:
        checks = sum(len(t.expect) + len(t.expect_any) + len(t.forbid) for t in conversation.turns)
        assert checks, f"{conversation.id} checks nothing"


def reply_text(messages: List[dict]) -> str:
    """What the buyer sees: every text, and every button's title in brackets."""
    lines = []
    for message in messages:
        if message.get("text"):
            lines.append(message["text"])
        lines += [f"[{button.get('title', '')}]" for button in message.get("buttons") or []]
    return "\n".join(lines)


@functools.lru_cache(maxsize=None)
def _detector():
    languages = [getattr(Language, name.upper()) for name in _LINGUA_NAMES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


_LINGUA_NAMES = ["english", "spanish", "portuguese", "french", "russian", "polish"]


def language_of(reply: str) -> Optional[str]:
    """The language a reply is written in (None when it has too few words to tell)."""
    text = _QUOTED.sub(" ", reply)
    if sum(character.isalpha() for character in text) < 20:
        return None
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else None


def hold(bot: RestClient, conversation: Conversation) -> Outcome:
    outcome = Outcome(conversation)
    sender = f"{conversation.id}-{uuid.uuid4().hex[:8]}"
    expected_language = conversation.language
    for number, turn in enumerate(conversation.turns, start=1):
        reply = reply_text(bot.say(sender, turn.user))
        outcome.transcript += [f"buyer: {turn.user}"]
        outcome.transcript += [f"  bot: {line}" for line in reply.splitlines()]
        expected_language = turn.reply_language or expected_language
        problems = turn.problems(reply, expected_language)
        checks_language = conversation.language != ENGLISH or expected_language != ENGLISH
        written_in = language_of(reply) if checks_language else None
        # The line for a language not spoken lists the languages in their own names.
        languages_line = any("@languages_line" in p for p in turn.expect + turn.expect_any)
        if written_in not in (None, expected_language) and not languages_line:
            problems.append(f"reply in {written_in}, not {expected_language}")
        if problems:
            outcome.failed_turn, outcome.problems = number, problems
            break
    return outcome


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestClient]:
    with Servers(tmp_path_factory.mktemp("buyers")) as servers:
        yield RestClient(servers.url)


@pytest.mark.servers
@pytest.mark.parametrize("language", LANGUAGES)
def test_buyer_conversations(bot: RestClient, tmp_path: Path, language: str):
    conversations = [c for c in CONVERSATIONS if c.language == language]
    outcomes = [hold(bot, conversation) for conversation in conversations]
    failed = [o for o in outcomes if not o.passed]
    rate = 1 - len(failed) / len(outcomes)
    by_class = {}
    for outcome in outcomes:
        for number in outcome.conversation.classes:
            passed, total = by_class.get(number, (0, 0))
            by_class[number] = (passed + outcome.passed, total + 1)
    summary = [
        f"{language}: {len(outcomes) - len(failed)}/{len(outcomes)} conversations passed "
        f"({rate:.0%})"
    ]
    summary += [f"  class {n}: {p}/{t}" for n, (p, t) in sorted(by_class.items())]
    report = "\n".join(summary + ["", *(o.report() + "\n" for o in failed)])
    (tmp_path / "buyer-conversations.txt").write_text(report)
    print(f"\n{report}\nReport: {tmp_path / 'buyer-conversations.txt'}")
    assert rate >= PASS_RATE_FLOOR.get(language, OTHER_LANGUAGE_FLOOR), "\n".join(summary)
