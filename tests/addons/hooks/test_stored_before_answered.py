"""addons/hooks/stored_before_answered.py: answers only once stored, otherwise "send it again".

In-process, a stand-in processor and lock store fail on cue; the `servers` test locks the real
bot's SQLite file under it (about 30 s).
"""

import sqlite3
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any, List

import pytest
import requests
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore, LockError
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from redis.exceptions import ConnectionError as RedisConnectionError

from addons.hooks.stored_before_answered import (
    REFUSAL_RESPONSE,
    Refusal,
    handle_once_stored,
    install,
    refusal,
)
from addons.stores.retrying import RetryingTrackerStore, StoreUnavailable
from tests.servers import ROOT, RestClient, Servers, closed_port, tracker_store_on

DOMAIN = Domain.load(str(ROOT / "domain.yml"))
REFUSAL = DOMAIN.responses[REFUSAL_RESPONSE][0]["text"]


class Processor:
    """Answers twice, then stores the conversation, or fails to."""

    def __init__(self, failure: Exception = None) -> None:
        self.failure = failure
        self.tracker_store = None

    async def handle_message(self, message: UserMessage) -> None:
        await message.output_channel.send_response(message.sender_id, {"text": "first"})
        await message.output_channel.send_response(message.sender_id, {"text": "second"})
        if self.failure:
            raise self.failure


class BrokenLockStore(InMemoryLockStore):
    def __init__(self, failure: Exception, on_release: bool = False) -> None:
        super().__init__()
        self.failure, self.on_release = failure, on_release

    def issue_ticket(self, *args: Any, **kwargs: Any) -> int:
        if not self.on_release:
            raise self.failure
        return super().issue_ticket(*args, **kwargs)

    def cleanup(self, *args: Any, **kwargs: Any) -> None:
        if self.on_release:
            raise self.failure


def agent(processor: Processor, lock_store: Any = None) -> SimpleNamespace:
    return SimpleNamespace(
        is_ready=lambda: True,
        processor=processor,
        lock_store=lock_store or InMemoryLockStore(),
        domain=DOMAIN,
        tracker_store=FailSafeTrackerStore(InMemoryTrackerStore(DOMAIN)),
    )


async def say(bot: SimpleNamespace) -> List[str]:
    channel = CollectingOutputChannel()
    answered = await handle_once_stored(bot, UserMessage("hi", channel, "buyer"))
    texts = [m["text"] for m in channel.messages]
    assert answered == channel.messages
    return texts


async def test_answers_are_sent_once_the_conversation_is_stored():
    sent_before_stored: List[int] = []
    channel = CollectingOutputChannel()
    processor = Processor()
    original = processor.handle_message

    async def handle(message: UserMessage) -> None:
        await original(message)
        sent_before_stored.append(len(channel.messages))

    processor.handle_message = handle
    await handle_once_stored(agent(processor), UserMessage("hi", channel, "buyer"))
    assert sent_before_stored == [0]
    assert [m["text"] for m in channel.messages] == ["first", "second"]
    assert refusal.get() is None


async def test_a_store_failure_drops_the_answers_and_asks_to_send_again():
    assert await say(agent(Processor(StoreUnavailable("db down")))) == [REFUSAL]
    assert refusal.get() == Refusal("tracker_store", REFUSAL)
    assert await say(agent(Processor())) == ["first", "second"]  # the next message: answered
    assert refusal.get() is None


@pytest.mark.parametrize("failure", [RedisConnectionError("refused"), LockError("timed out")])
async def test_a_lock_store_failure_asks_to_send_again(failure):
    assert await say(agent(Processor(), BrokenLockStore(failure))) == [REFUSAL]
    assert refusal.get() == Refusal("lock_store", REFUSAL)


async def test_a_lock_not_given_back_after_storing_still_answers():
    bot = agent(Processor(), BrokenLockStore(RedisConnectionError("gone"), on_release=True))
    assert await say(bot) == ["first", "second"]
    assert refusal.get() is None


async def test_other_errors_are_left_to_rasa():
    with pytest.raises(ValueError):
        await say(agent(Processor(ValueError("a bug"))))


async def test_install_puts_the_retrying_store_in_place_of_the_fail_safe_one():
    bot = agent(Processor())
    install(bot)
    install(bot)
    assert isinstance(bot.tracker_store, RetryingTrackerStore)
    assert isinstance(bot.tracker_store.store, InMemoryTrackerStore)  # unwrapped once
    assert bot.processor.tracker_store is bot.tracker_store
    channel = CollectingOutputChannel()
    await bot.handle_message(UserMessage("hi", channel, "buyer"))
    assert [m["text"] for m in channel.messages] == ["first", "second"]


def on_sqlite(db: Path, **env: str) -> Servers:
    """The bot on its own SQLite file `db`."""
    return Servers(db.parent, endpoints_extra=tracker_store_on(db), env=env)


@pytest.mark.servers
def test_a_locked_database_gets_503_and_the_conversation_continues(tmp_path):
    """Stock Rasa answers 200 and keeps the message in memory only (lost on restart)."""
    db = tmp_path / "conversations.db"
    with on_sqlite(db, STORE_RETRY_SECONDS="1") as bot:
        client, buyer = RestClient(bot.url), f"locked-{uuid.uuid4().hex[:8]}"
        assert "Contact now" in client.texts(buyer, "my parcel never came")

        holder = sqlite3.connect(db, timeout=0, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another writer holds the file
        reply = requests.post(
            f"{bot.url}/webhooks/rest/webhook",
            json={"sender": buyer, "message": "yes please"},
            timeout=60,
        )
        assert reply.status_code == 503, reply.text
        assert reply.headers["Retry-After"] == "5"
        assert reply.json() == {
            "description": "Service Unavailable",
            "status": 503,
            "message": REFUSAL,
            "reason": "tracker store unavailable",
        }
        holder.execute("ROLLBACK")
        holder.close()

        # Nothing of the refused message was stored: sent again, it gets the answer it would have.
        assert "Step 1 of 5" in client.texts(buyer, "yes please")
        stored = sqlite3.connect(db).execute(
            "SELECT count(*) FROM events WHERE sender_id = ? AND type_name = 'user'"
            " AND data LIKE '%yes please%'",
            (buyer,),
        )
        assert stored.fetchone()[0] == 1
        log = bot.log_path("rasa").read_text()
        assert "not handled: the tracker store failed" in log


@pytest.mark.servers
def test_an_unreachable_lock_store_gets_503_not_an_empty_answer(tmp_path):
    """Stock Rasa answers 200 with an empty list while Redis is down."""
    lock_store = (
        "lock_store:\n  type: addons.stores.redis_lock.AtomicRedisLockStore\n"
        f"  url: 127.0.0.1\n  port: {closed_port()}\n"
    )
    endpoints = tracker_store_on(tmp_path / "conversations.db") + lock_store
    with Servers(tmp_path, endpoints_extra=endpoints) as bot:
        reply = requests.post(
            f"{bot.url}/webhooks/rest/webhook",
            json={"sender": "buyer", "message": "my parcel never came"},
            timeout=60,
        )
        assert reply.status_code == 503, reply.text
        assert reply.headers["Retry-After"] == "5"
        assert reply.json()["reason"] == "lock store unavailable"
        assert reply.json()["message"] == REFUSAL


async def test_a_confirmed_erasure_deletes_the_stored_conversation_before_answering():
    store = InMemoryTrackerStore(DOMAIN)
    await store.save(DialogueStateTracker("buyer", []))
    await store.save(DialogueStateTracker("another buyer", []))
    erased = {"utter_action": "utter_conversation_erased", "text": "Done: deleted"}
    channel = CollectingOutputChannel()

    class Erasing(Processor):
        async def handle_message(self, message: UserMessage) -> None:
            assert await store.retrieve("buyer") is not None
            await message.output_channel.send_response(message.sender_id, erased)

    bot = agent(Erasing())
    bot.tracker_store = RetryingTrackerStore(store)
    await handle_once_stored(bot, UserMessage("yes", channel, "buyer"))
    assert await store.retrieve("buyer") is None
    assert await store.retrieve("another buyer") is not None
    assert [m["text"] for m in channel.messages] == ["Done: deleted"]


@pytest.mark.servers
def test_a_buyer_deletes_their_conversation(tmp_path):
    db = tmp_path / "conversations.db"
    # A day lasts a second: the reminders would fire within the test.
    with on_sqlite(db, REFUND_ASSISTANT_SECONDS_PER_DAY="1") as bot:
        client = RestClient(bot.url)
        buyer, other = (f"{who}-{uuid.uuid4().hex[:8]}" for who in ("erase", "keep"))
        for sender in (buyer, other):
            client.texts(sender, "the seller hasn't answered my dispute")
            assert "Wednesday 25 November" in client.texts(sender, "I opened it 3 days ago")
            assert "I'll message you here" in client.texts(sender, "yes please")

        assert "delete our whole conversation" in client.texts(buyer, "please delete my data")
        assert "I've deleted our conversation" in client.texts(buyer, "yes")

        def rows(sender: str) -> int:
            query = "SELECT count(*) FROM events WHERE sender_id = ?"
            return sqlite3.connect(db).execute(query, (sender,)).fetchone()[0]

        assert rows(buyer) == 0
        kept = rows(other)
        time.sleep(8)  # past both reminders: the other buyer's fire, the erased buyer's don't
        assert rows(buyer) == 0
        assert rows(other) > kept
        # Writing again starts from the beginning: the dispute date is gone.
        assert "When did you open" in client.texts(buyer, "the seller hasn't answered my dispute")
