"""Two replicas, one PostgreSQL tracker store, one Redis lock store: no conversation gets mixed up.

Forty buyers talk at the same time; each buyer's messages go to replica A and B in turn, so every
message is answered by a replica that did not see the one before and must read the conversation
back from PostgreSQL. Afterwards every tracker (read through Rasa's HTTP API, and the raw rows in
PostgreSQL) must hold exactly that buyer's messages in order, with that buyer's dispute date.
A second group sends two messages of one conversation to both replicas at once: the Redis lock
store must make one wait for the other. "Today" is pinned to Saturday 28 November 2026.
"""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import requests

from tests.e2e.test_reminders import SocketChat
from tests.servers import TODAY, RestClient, Servers

BUYERS = 40
RACING_BUYERS = 20

pytestmark = [pytest.mark.services, pytest.mark.servers]
OPENINGS = ("the seller ignores my dispute", "the seller hasn't answered my dispute")

# What the bot must say to each message (a piece of it), whichever replica answers.
REPLY_TO = {
    "the seller ignores my dispute": "When did you open the dispute?",
    "the seller hasn't answered my dispute": "When did you open the dispute?",
    "yes": "Done: I'll message you here",
    "how do returns work?": "Return Merchandise Authorization",
    "thanks": "You're welcome!",
    "bye": "Good luck with your refund!",
}


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def days_back(i: int) -> int:
    return 2 + i % 13  # 2 to 14 days: the seller's window open, on its last day, or closed


def tracker(replica: Servers, token: str, sender: str) -> dict:
    reply = requests.get(
        f"{replica.url}/conversations/{sender}/tracker",
        params={"token": token, "include_events": "ALL"},
        timeout=30,
    )
    reply.raise_for_status()
    return reply.json()


def db_connection(settings: Dict[str, str], name: str):  # type: ignore[no-untyped-def]
    import psycopg2

    return psycopg2.connect(
        host=settings["TRACKER_DB_HOST"],
        port=int(settings["TRACKER_DB_PORT"]),
        user=settings["TRACKER_DB_USER"],
        password=settings["TRACKER_DB_PASSWORD"],
        dbname=name,
    )


def redis_client(settings: Dict[str, str]):  # type: ignore[no-untyped-def]
    import redis

    return redis.Redis(
        host=settings["REDIS_HOST"],
        port=int(settings["REDIS_PORT"]),
        db=int(settings["REDIS_DB"]),
        password=settings["REDIS_PASSWORD"] or None,
    )


def replica_logs(replicas: Tuple[Servers, ...]) -> str:
    return "\n".join(
        f"--- {path} ---\n{path.read_text()[-2000:]}"
        for replica in replicas
        for path in sorted(Path(replica.workdir).glob("*.log"))
    )


def user_texts(events: List[dict]) -> List[str]:
    return [e["text"] for e in events if e["event"] == "user"]


def replies_by_message(events: List[dict]) -> List[Tuple[str, str]]:
    """(user message, every bot text until the next user message), in tracker order."""
    turns: List[Tuple[str, List[str]]] = []
    for event in events:
        if event["event"] == "user":
            turns.append((event["text"], []))
        elif event["event"] == "bot" and turns:
            turns[-1][1].append(event.get("text") or "")
    return [(text, "\n".join(bot)) for text, bot in turns]


def check_structure(sender: str, events: List[dict]) -> None:
    """One session start, one listen per user message (plus the first): nothing doubled."""
    names = [e.get("name") for e in events if e["event"] == "action"]
    assert names.count("action_session_start") == 1, (sender, names)
    assert names.count("action_listen") == len(user_texts(events)) + 1, (sender, names)
    for event in events:
        if event["event"] == "reminder":
            assert event["name"].endswith(f":{sender}"), (sender, event)


def stored_user_texts(settings: Dict[str, str], db: str) -> Dict[str, List[str]]:
    """The raw rows: each buyer's messages in the order they were stored."""
    connection = db_connection(settings, db)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sender_id, data::json->>'text' FROM events"
                " WHERE type_name = 'user' ORDER BY id"
            )
            rows = cursor.fetchall()
    finally:
        connection.close()
    stored: Dict[str, List[str]] = {}
    for sender, text in rows:
        stored.setdefault(sender, []).append(text)
    return stored


def check_database(settings: Dict[str, str], db: str, expected: Dict[str, List[str]]) -> None:
    """The same buyers, each with its own messages, none lost or doubled."""
    stored = stored_user_texts(settings, db)
    assert stored.keys() == expected.keys()
    for sender, texts in expected.items():
        assert stored[sender] == texts, (sender, stored[sender], texts)


def lock_store_calls(settings: Dict[str, str]) -> int:
    """How many SET commands Redis has run (Rasa's lock store saves each lock with SET)."""
    stats = redis_client(settings).info("commandstats")
    return int(stats.get("cmdstat_set", {}).get("calls", 0))


def test_forty_conversations_alternating_between_replicas(
    replicas, settings, tracker_db, api_token
):
    a, b = replicas
    clients = (RestClient(a.url), RestClient(b.url))
    today = date.fromisoformat(TODAY)
    buyers = {f"scale-{i:02d}-{uuid.uuid4().hex[:8]}": i for i in range(BUYERS)}

    def dialogue(i: int) -> List[str]:
        return [OPENINGS[i % 2], f"I opened it {days_back(i)} days ago", "yes",
                "how do returns work?", "thanks", "bye"]  # fmt: skip

    def converse(sender: str) -> List[Tuple[str, str, str]]:
        """Message 1 to replica A, 2 to B, 3 to A, ...; what each one answered."""
        i = buyers[sender]
        answers = []
        for turn, message in enumerate(dialogue(i)):
            answers.append(("AB"[turn % 2], message, clients[turn % 2].texts(sender, message)))
        return answers

    sets_before = lock_store_calls(settings)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        answers = dict(zip(buyers, pool.map(converse, buyers), strict=True))
    took = time.monotonic() - started
    print(f"{BUYERS} conversations, {BUYERS * 6} messages over two replicas in {took:.1f} s")

    # Each answer was right for that buyer, whichever replica gave it.
    for sender, i in buyers.items():
        opened = today - timedelta(days=days_back(i))
        for replica, message, answer in answers[sender]:
            expected = long_date(opened) if "days ago" in message else REPLY_TO[message]
            assert expected in answer, (sender, replica, message, answer, replica_logs(replicas))

    # The stored conversations, read back through each replica's HTTP API.
    for sender, i in buyers.items():
        opened = today - timedelta(days=days_back(i))
        for replica in (a, b):
            state = tracker(replica, api_token, sender)
            events = state["events"]
            assert user_texts(events) == dialogue(i), (sender, user_texts(events))
            check_structure(sender, events)
            assert state["slots"]["dispute_date"] == opened.isoformat(), (sender, state["slots"])
            assert state["slots"]["requested_slot"] is None
            assert not state["active_loop"].get("name"), (sender, state["active_loop"])
            assert state["latest_action_name"] == "action_listen"
            turns = replies_by_message(events)
            assert long_date(opened) in turns[1][1], (sender, turns[1])
            assert "Good luck with your refund!" in turns[-1][1], (sender, turns[-1])

    check_database(settings, tracker_db, {s: dialogue(i) for s, i in buyers.items()})
    # Both replicas really locked conversations in Redis: at least one SET per message.
    assert lock_store_calls(settings) - sets_before >= BUYERS * 6


def test_two_messages_of_one_conversation_at_once_on_both_replicas(replicas, api_token):
    """Both replicas get a message of the same conversation at the same moment: the Redis lock
    store serialises them, so both are kept, each with its own answer, and nothing is doubled."""
    a, b = replicas
    clients = (RestClient(a.url), RestClient(b.url))
    senders = [f"race-{i:02d}-{uuid.uuid4().hex[:8]}" for i in range(RACING_BUYERS)]
    racing = ("thanks", "how do returns work?")

    def converse(sender: str) -> None:
        clients[0].texts(sender, "the seller ignores my dispute")
        clients[1].texts(sender, "I opened it 3 days ago")
        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda c, m: c.texts(sender, m), clients, racing))
        for message, answer in zip(racing, answers, strict=True):
            assert REPLY_TO[message] in answer, (sender, message, answer)
        clients[0].texts(sender, "bye")

    with ThreadPoolExecutor(max_workers=RACING_BUYERS) as pool:
        list(pool.map(converse, senders))

    opened = (date.fromisoformat(TODAY) - timedelta(days=3)).isoformat()
    for sender in senders:
        state = tracker(b, api_token, sender)
        events = state["events"]
        texts = user_texts(events)
        assert texts[:2] == ["the seller ignores my dispute", "I opened it 3 days ago"], texts
        assert sorted(texts[2:4]) == sorted(racing) and texts[4:] == ["bye"], (sender, texts)
        check_structure(sender, events)
        for message, bot in replies_by_message(events)[2:4]:
            assert REPLY_TO[message] in bot, (sender, message, bot)
        assert state["slots"]["dispute_date"] == opened
        assert not state["active_loop"].get("name")


async def test_a_message_emitted_on_one_replica_reaches_a_socket_on_the_other(replicas):
    """The buyer's socket is on replica B; the message is handled on A (a second tab there, as a
    reminder firing on A would be): the answer reaches B's socket through Redis."""
    a, b = replicas
    async with SocketChat(b.url) as on_b, SocketChat(a.url, on_b.session_id) as on_a:
        await on_a.say("the dress is two sizes too small", "Annoying when it doesn't fit")
        await on_b.wait_for("Annoying when it doesn't fit", timeout=10)
        assert on_b.count("Annoying when it doesn't fit") == 1
