"""addons/stores/retrying.py: a failing store is tried again for a bounded time, then refused."""

import time
from typing import List

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.stores.retrying import RetryingTrackerStore, StoreUnavailable, retry_seconds


class FlakyStore(InMemoryTrackerStore):
    """An in-memory store whose next `failures` calls raise, as a restarting database does."""

    def __init__(self, failures: int) -> None:
        super().__init__(Domain.empty())
        self.failures = failures
        self.calls: List[str] = []

    def _maybe_fail(self, what: str) -> None:
        self.calls.append(what)
        if self.failures:
            self.failures -= 1
            raise ConnectionError("server closed the connection unexpectedly")

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._maybe_fail("save")
        await super().save(tracker)

    async def retrieve(self, sender_id: str):
        self._maybe_fail("retrieve")
        return await super().retrieve(sender_id)


def conversation(sender: str = "buyer") -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, [])
    tracker.update(UserUttered("my parcel never came"))
    return tracker


async def test_a_store_back_within_the_retry_time_loses_nothing():
    flaky = FlakyStore(failures=2)
    store = RetryingTrackerStore(flaky, seconds=5)
    await store.save(conversation())
    flaky.failures = 2
    stored = await store.retrieve("buyer")
    assert stored is not None and stored.latest_message.text == "my parcel never came"
    assert flaky.calls == ["save"] * 3 + ["retrieve"] * 3


@pytest.mark.parametrize("call", ["save", "retrieve"])
async def test_a_store_down_for_longer_is_refused_after_the_retry_time(call):
    flaky = FlakyStore(failures=1000)
    store = RetryingTrackerStore(flaky, seconds=0.5)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="server closed the connection") as refused:
        if call == "save":
            await store.save(conversation())
        else:
            await store.retrieve("buyer")
    assert 0.3 < time.monotonic() - started < 1.5
    assert 3 <= len(flaky.calls) <= 5  # 0.1 s, 0.2 s, ... between tries
    assert "failed for 0.5 s" in str(refused.value)
    assert await InMemoryTrackerStore.retrieve(flaky, "buyer") is None  # nothing half-stored


def test_the_retry_time_is_configurable(monkeypatch):
    monkeypatch.delenv("STORE_RETRY_SECONDS", raising=False)
    assert retry_seconds() == 5.0
    monkeypatch.setenv("STORE_RETRY_SECONDS", "1.5")
    assert retry_seconds() == 1.5
    assert RetryingTrackerStore(FlakyStore(0)).seconds == 1.5
