"""The scale profile's lock store on the real Redis: two replicas taking one conversation's lock
at the same moment never both hold it (Rasa 3.6's `RedisLockStore` lets them: see
addons/stores/redis_lock.py)."""

import asyncio
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import pytest

from addons.stores.redis_lock import AtomicRedisLockStore

pytestmark = pytest.mark.services

REPLICAS = 2
MESSAGES_PER_REPLICA = 6


@pytest.fixture
def replicas(settings: Dict[str, str]) -> List[AtomicRedisLockStore]:
    """One lock store per replica, on the profile's Redis, under a prefix of this test's own."""
    prefix = f"test{uuid.uuid4().hex[:12]}"
    return [
        AtomicRedisLockStore(
            host=settings["REDIS_HOST"],
            port=int(settings["REDIS_PORT"]),
            db=int(settings["REDIS_DB"]),
            password=settings["REDIS_PASSWORD"] or None,
            key_prefix=prefix,
        )
        for _ in range(REPLICAS)
    ]


def take_ticket(store: AtomicRedisLockStore, start: threading.Barrier, conversation: str) -> int:
    start.wait()
    return store.issue_ticket(conversation)


def test_tickets_taken_at_the_same_moment_are_all_different(replicas):
    for round_ in range(20):
        conversation = f"same-moment-{round_}"
        takers = [store for store in replicas for _ in range(MESSAGES_PER_REPLICA)]
        start = threading.Barrier(len(takers))

        with ThreadPoolExecutor(max_workers=len(takers)) as pool:
            tickets = list(
                pool.map(take_ticket, takers, [start] * len(takers), [conversation] * len(takers))
            )
        assert sorted(tickets) == list(range(len(takers))), tickets
        stored = replicas[0].get_lock(conversation)
        assert stored is not None and len(stored.tickets) == len(takers)


def test_one_message_of_a_conversation_at_a_time_across_replicas(replicas):
    conversation = "racing-replicas"
    holders: List[int] = []
    most_at_once = 0
    handled: List[int] = []
    guard = threading.Lock()
    start = threading.Barrier(REPLICAS * MESSAGES_PER_REPLICA)

    async def handle(store: AtomicRedisLockStore, message: int) -> None:
        nonlocal most_at_once
        start.wait()
        async with store.lock(conversation, wait_time_in_seconds=0.01):
            with guard:
                holders.append(message)
                most_at_once = max(most_at_once, len(holders))
            await asyncio.sleep(0.02)
            with guard:
                holders.remove(message)
                handled.append(message)

    def replica(index: int) -> None:
        store = replicas[index]
        messages = range(index * MESSAGES_PER_REPLICA, (index + 1) * MESSAGES_PER_REPLICA)

        def one(message: int) -> None:
            asyncio.run(handle(store, message))

        with ThreadPoolExecutor(max_workers=MESSAGES_PER_REPLICA) as pool:
            list(pool.map(one, messages))

    with ThreadPoolExecutor(max_workers=REPLICAS) as pool:
        list(pool.map(replica, range(REPLICAS)))

    assert most_at_once == 1
    assert sorted(handled) == list(range(REPLICAS * MESSAGES_PER_REPLICA))
    assert replicas[0].get_lock(conversation) is None, "the last message leaves no lock behind"


def test_the_endpoints_file_entry_builds_it(settings):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    store = LockStore.create(
        EndpointConfig(
            url=settings["REDIS_HOST"],
            type="addons.stores.redis_lock.AtomicRedisLockStore",
            port=settings["REDIS_PORT"],
            db=settings["REDIS_DB"],
        )
    )
    assert isinstance(store, AtomicRedisLockStore)
    assert store.red.ping()
