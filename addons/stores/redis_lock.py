"""Rasa's Redis lock store with every change of a lock made atomically.

Rasa 3.6's `RedisLockStore` changes a conversation's ticket lock by reading it, changing it in
Python and writing it back. Two replicas that get a message of one conversation at the same
moment can both read the lock before either writes it: both take the same ticket, both handle
their message at once, and the SQL tracker store keeps the events of only one of them (the other
buyer got an answer that is then missing from the conversation). A replica finishing a message can
likewise write back a lock without the ticket another replica just took.

This store keeps Rasa's tickets, lifetimes and order, but makes each read-change-write one Redis
transaction (WATCH/MULTI, retried when another client changed the lock in between). Use it as the
`type` of `lock_store` in the endpoints file, with the same keys as Rasa's `type: redis`.
"""

import json
from typing import Any, Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

Result = TypeVar("Result")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {**endpoint_config.kwargs, **kwargs}
            if endpoint_config.url:
                kwargs.setdefault("host", endpoint_config.url)
        super().__init__(**kwargs)

    def _change(
        self,
        conversation_id: Text,
        change: Callable[[TicketLock], Result],
        create: bool = False,
    ) -> Optional[Result]:
        """Apply `change` to the stored lock in one transaction; delete the lock once empty.

        Without `create`, a conversation with no lock stored is left alone (returns None).
        """
        key = self.key_prefix + conversation_id
        outcome: list = []

        def attempt(pipe: Any) -> None:
            outcome.clear()
            stored = pipe.get(key)
            if stored is None and not create:
                return
            lock = (
                TicketLock.from_dict(json.loads(stored))
                if stored is not None
                else self.create_lock(conversation_id)
            )
            outcome.append(change(lock))
            pipe.multi()
            if lock.tickets:
                pipe.set(key, lock.dumps())
            else:
                pipe.delete(key)

        self.red.transaction(attempt, key)
        return outcome[0] if outcome else None

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            ticket = self._change(
                conversation_id, lambda lock: lock.issue_ticket(lock_lifetime), create=True
            )
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        assert ticket is not None
        return ticket

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, TicketLock.remove_expired_tickets)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Give the ticket back; the lock goes with its last ticket, in the same transaction."""
        self.finish_serving(conversation_id, ticket_number)
