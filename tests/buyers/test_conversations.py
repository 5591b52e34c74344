"""The buyer conversation suite: conversations written blind, held through the REST channel.

The share that passes must stay at or above PASS_RATE_FLOOR; every failure is printed with its
transcript, and the whole report is written to a temporary folder.
"""

import re
import uuid
from pathlib import Path
from typing import Iterator, List

import pytest

from tests.buyers.script import TAGS, Conversation, Outcome, expand, load, patterns
from tests.servers import RestClient, Servers

# 157 of 165 pass now (14 before issue 10 began); a data change moves one or two; the aim is 0.95
PASS_RATE_FLOOR = 0.90

CONVERSATIONS = load()


def test_the_scripts_are_well_formed():
    assert len(CONVERSATIONS) >= 150
    ids = [c.id for c in CONVERSATIONS]
    assert len(ids) == len(set(ids)), "conversation ids must be unique"
    for pattern in patterns(CONVERSATIONS):
        for tag in re.findall(r"@([a-z_0-9]+)", pattern):
            assert tag in TAGS, f"unknown tag @{tag} in {pattern!r}"
        re.compile(expand(pattern))
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


def hold(bot: RestClient, conversation: Conversation) -> Outcome:
    outcome = Outcome(conversation)
    sender = f"{conversation.id}-{uuid.uuid4().hex[:8]}"
    for number, turn in enumerate(conversation.turns, start=1):
        reply = reply_text(bot.say(sender, turn.user))
        outcome.transcript += [f"buyer: {turn.user}"]
        outcome.transcript += [f"  bot: {line}" for line in reply.splitlines()]
        problems = turn.problems(reply)
        if problems:
            outcome.failed_turn, outcome.problems = number, problems
            break
    return outcome


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestClient]:
    with Servers(tmp_path_factory.mktemp("buyers")) as servers:
        yield RestClient(servers.url)


@pytest.mark.servers
def test_buyer_conversations(bot: RestClient, tmp_path: Path):
    outcomes = [hold(bot, conversation) for conversation in CONVERSATIONS]
    failed = [o for o in outcomes if not o.passed]
    rate = 1 - len(failed) / len(outcomes)
    by_class = {}
    for outcome in outcomes:
        for number in outcome.conversation.classes:
            passed, total = by_class.get(number, (0, 0))
            by_class[number] = (passed + outcome.passed, total + 1)
    summary = [f"{len(outcomes) - len(failed)}/{len(outcomes)} conversations passed ({rate:.0%})"]
    summary += [f"  class {n}: {p}/{t}" for n, (p, t) in sorted(by_class.items())]
    report = "\n".join(summary + ["", *(o.report() + "\n" for o in failed)])
    (tmp_path / "buyer-conversations.txt").write_text(report)
    print(f"\n{report}\nReport: {tmp_path / 'buyer-conversations.txt'}")
    assert rate >= PASS_RATE_FLOOR, "\n".join(summary)
