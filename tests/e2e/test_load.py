"""50 conversations at once, 10 messages each, through one bot over REST (about a minute).

Each conversation has its own dispute dates and order number, so every answer can be checked
against the conversation it belongs to: a mix-up between conversations fails the test.
Conversations are kept in SQLite, as in endpoints.yml. Prints the total time and the
p50/p95 latency of a message.
"""

import asyncio
import re
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import aiohttp
import pytest
from rasa.shared.core.domain import Domain

from addons.hooks.action_apology import APOLOGY_RESPONSE
from tests.servers import ROOT, TODAY, Servers, tracker_store_on

CONVERSATIONS = 50
TOTAL_SECONDS = 300  # the bound for the 500 messages; 35 s on the 2-core machine
ORDER_NUMBER = re.compile(r"\b\d{12,20}\b")
APOLOGY = Domain.load(str(ROOT / "domain.yml")).responses[APOLOGY_RESPONSE][0]["text"]


def day(days_ago: int) -> str:
    when = date.fromisoformat(TODAY) - timedelta(days=days_ago)
    return f"{when:%A} {when.day} {when:%B}"


def ago(days: int) -> str:
    return f"{days} day ago" if days == 1 else f"{days} days ago"


def script(i: int) -> Tuple[str, List[Tuple[str, List[str]]]]:
    """Conversation i: its order number and (message, what the answer must contain)."""
    opened = 1 + i % 14
    corrected = 1 + (opened + 2 + i // 14) % 14  # never equal to `opened`
    order = f"81{i:06d}{(i * 7919) % 10**8:08d}"
    return order, [
        ("hello", ["What happened with your order?"]),
        ("my parcel never came", ["Contact now"]),
        ("the seller hasn't answered my dispute", ["When did you open"]),
        (f"I opened it {ago(opened)}", [f"You opened the dispute on {day(opened)}"]),
        (f"sorry, it was {ago(corrected)}", [f"You opened the dispute on {day(corrected)}"]),
        ("when can I escalate?", [f"from {day(corrected - 15)}"]),
        (f"my order number is {order}", [f"noted order {order}"]),
        (
            "can I talk to a human?",
            [f"Order number: {order}", f"Dispute opened: {day(corrected)}"],
        ),
        ("how do returns work?", ["Return Merchandise Authorization"]),
        ("thanks, bye", ["You're welcome"]),
    ]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    workdir = tmp_path_factory.mktemp("load")
    store = tracker_store_on(workdir / "load.db")
    with Servers(workdir, endpoints_extra=store) as running:
        yield running


async def converse(
    session: aiohttp.ClientSession, url: str, i: int, latencies: List[float]
) -> List[str]:
    """Hold conversation i; returns what went wrong (nothing, when all is well)."""
    sender = f"load-{i:02d}"
    order, turns = script(i)
    problems = []
    for message, expected in turns:
        started = time.monotonic()
        try:
            async with session.post(url, json={"sender": sender, "message": message}) as reply:
                status, body = reply.status, await reply.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            problems.append(f"{sender} {message!r}: {type(error).__name__} {error}")
            continue
        latencies.append(time.monotonic() - started)
        if status != 200:
            problems.append(f"{sender} {message!r}: HTTP {status} {str(body)[:200]}")
            continue
        text = "\n".join(m.get("text") or "" for m in body)
        if {m.get("recipient_id") for m in body} != {sender}:
            problems.append(f"{sender} {message!r}: answer addressed to another sender: {body}")
        missing = [words for words in expected if words not in text]
        if missing:
            problems.append(f"{sender} {message!r}: no {missing} in {text!r}")
        if APOLOGY in text:
            problems.append(f"{sender} {message!r}: an action failed under load")
        strangers = set(ORDER_NUMBER.findall(text)) - {order}
        if strangers:
            problems.append(f"{sender} {message!r}: another conversation's order {strangers}")
    return problems


async def run_load(url: str) -> Tuple[float, List[float], Dict[int, List[str]]]:
    latencies: List[float] = []
    timeout = aiohttp.ClientTimeout(total=90)
    connector = aiohttp.TCPConnector(limit=CONVERSATIONS)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.monotonic()
        results = await asyncio.wait_for(
            asyncio.gather(*(converse(session, url, i, latencies) for i in range(CONVERSATIONS))),
            TOTAL_SECONDS,
        )
        total = time.monotonic() - started
    return total, latencies, {i: found for i, found in enumerate(results) if found}


def test_fifty_conversations_at_once(bot, capsys):
    total, latencies, problems = asyncio.run(run_load(f"{bot.url}/webhooks/rest/webhook"))
    messages = len(latencies)
    cuts = statistics.quantiles(latencies, n=100)
    with capsys.disabled():
        print(
            f"\n{CONVERSATIONS} conversations x 10 messages: {messages} answered in {total:.1f} s "
            f"({messages / total:.1f} messages/s); latency p50 {cuts[49]:.2f} s, "
            f"p95 {cuts[94]:.2f} s, max {max(latencies):.2f} s"
        )
    assert not problems, "\n".join(p for found in problems.values() for p in found[:3])
    assert messages == CONVERSATIONS * 10
    assert bot.rasa.poll() is None
    assert Path(bot.workdir / "load.db").stat().st_size > 0  # kept in the tracker store
