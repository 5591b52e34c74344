"""A message is answered only once its conversation is stored; otherwise a clear "send it again".

Stock Rasa 3.6.21 answers even when the conversation can't be stored (`FailSafeTrackerStore`
keeps it in memory, and a failed read starts it again from empty), and when the lock store
(Redis) fails the channel swallows the error: REST answers 200 with an empty list. This
start-up hook
- puts `RetryingTrackerStore` (addons/stores/retrying.py) in place of the fail-safe wrapper:
  reads and writes are retried for a few seconds, then fail with `StoreUnavailable`;
- holds back the bot's answers to each message until the processor has stored the conversation.
  When the tracker store or the lock store fails first, the held answers are dropped (nothing
  of the message was stored) and the buyer gets ``utter_store_unavailable``, asking them to send
  it again in a moment. The REST channel answers 503 with ``Retry-After`` instead
  (addons/channels/rest.py reads `refusal`);
- erases the conversation from the store, once stored and before the answer leaves, when the
  answer is ``utter_conversation_erased`` (the buyer asked for it and confirmed,
  actions/privacy.py).
Nothing is kept about the failure: the next message tries both stores again.
"""

import contextvars
import logging
from typing import Any, Dict, List, NamedTuple, Optional, Text, Tuple

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    OutputChannel,
    UserMessage,
)
from rasa.core.lock_store import LockError
from redis.exceptions import RedisError

from addons.hooks.tracker_store_check import primary_store
from addons.stores.retrying import RetryingTrackerStore, StoreUnavailable

logger = logging.getLogger(__name__)

REFUSAL_RESPONSE = "utter_store_unavailable"
ERASED_RESPONSE = "utter_conversation_erased"
RETRY_AFTER_SECONDS = 5


class Refusal(NamedTuple):
    reason: Text  # "tracker_store" or "lock_store": the store that failed
    text: Text  # what the buyer was told


# The refusal of the message being handled (None when it was answered); the REST channel reads it.
refusal: contextvars.ContextVar[Optional[Refusal]] = contextvars.ContextVar("refusal", default=None)

_LOCK_STORE_FAILURES = (LockError, RedisError)


class HeldOutput(OutputChannel):
    """Keeps a message's answers until `release`, then passes everything on at once.

    After `release` (or `drop`) it passes answers straight on: a reminder scheduled while the
    message was handled sends through this channel when it fires.
    """

    def __init__(self, channel: OutputChannel) -> None:
        self.channel = channel
        self.held: Optional[List[Tuple[Text, Dict[Text, Any]]]] = []

    def name(self) -> Text:  # type: ignore[override]
        return self.channel.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if self.held is None:
            await self.channel.send_response(recipient_id, message)
        else:
            self.held.append((recipient_id, message))

    async def release(self) -> None:
        held, self.held = self.held or [], None
        for recipient_id, message in held:
            await self.channel.send_response(recipient_id, message)

    def drop(self) -> None:
        self.held = None

    def holds(self, response: Text) -> bool:
        return any(message.get("utter_action") == response for _, message in self.held or [])


def refusal_text(agent: Any) -> Text:
    variations = agent.domain.responses.get(REFUSAL_RESPONSE) if agent.domain else None
    return variations[0]["text"] if variations else "Please send your message again in a moment."


async def handle_once_stored(agent: Any, message: UserMessage) -> Optional[List[Dict]]:
    """Rasa's `Agent.handle_message`, answering only once the conversation is stored."""
    refusal.set(None)
    if not agent.is_ready():
        logger.info("Ignoring message as there is no agent to handle it.")
        return None
    channel = message.output_channel
    held = HeldOutput(channel)
    message.output_channel = held
    stored = False
    try:
        async with agent.lock_store.lock(message.sender_id):
            await agent.processor.handle_message(message)
            if held.holds(ERASED_RESPONSE):  # done only once erased too
                deleted = await agent.tracker_store.erase(message.sender_id)
                logger.info(
                    f"Conversation erased at the buyer's request ({deleted.events} events)."
                )
            stored = True
    except (StoreUnavailable, *_LOCK_STORE_FAILURES) as error:
        if not stored:
            held.drop()
            reason = "tracker_store" if isinstance(error, StoreUnavailable) else "lock_store"
            text = refusal_text(agent)
            refusal.set(Refusal(reason, text))
            logger.error(
                f"Message of {message.sender_id} not handled: the {reason.replace('_', ' ')} "
                f"failed ({type(error).__name__}: {error}). The buyer was asked to send it again."
            )
            await channel.send_response(message.sender_id, {"text": text})
        else:  # stored; only giving the lock back failed (it expires by itself)
            logger.warning(f"Conversation {message.sender_id} stored, lock not released: {error}")
    await held.release()
    return channel.messages if isinstance(channel, CollectingOutputChannel) else None


def install(agent: Any) -> None:
    """Retrying tracker store, and answers held until stored (idempotent)."""
    if not isinstance(agent.tracker_store, RetryingTrackerStore):
        agent.tracker_store = RetryingTrackerStore(primary_store(agent.tracker_store))
    if agent.processor is not None:
        agent.processor.tracker_store = agent.tracker_store

    async def handle_message(message: UserMessage) -> Optional[List[Dict]]:
        return await handle_once_stored(agent, message)

    agent.handle_message = handle_message


async def on_start(agent: Any, input_channels: List[InputChannel]) -> None:
    install(agent)
    logger.info("Messages are answered once stored; a store failure gets 'send it again'.")
