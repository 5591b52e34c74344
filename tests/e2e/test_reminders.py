"""Reminders, with time sped up: delivered over socketio, and cancelled.

A "day" lasts SECONDS_PER_DAY seconds here (REFUND_ASSISTANT_SECONDS_PER_DAY), so for a
dispute opened 4 days ago the seller reminder fires 2 "days" later and the escalation
reminder 11 "days" later. Reminders kept across a restart:
tests/addons/hooks/test_reminder_restore.py.
"""

import asyncio
import time
import uuid
from pathlib import Path
from typing import Iterator, List, Optional

import pytest
import socketio

from tests.servers import Servers, tracker_store_on

SECONDS_PER_DAY = "1"
SELLER_REMINDER = "the seller's 5 days to respond are over"
ESCALATION_REMINDER = "you can now use 'Escalate Dispute'"


def servers(workdir: Path) -> Servers:
    return Servers(
        workdir,
        endpoints_extra=tracker_store_on(workdir / "conversations.db"),
        env={"REFUND_ASSISTANT_SECONDS_PER_DAY": SECONDS_PER_DAY},
        enable_api=True,
    )


class SocketChat:
    """A web-widget-like socketio client: one session, every bot message collected."""

    def __init__(self, url: str, session_id: Optional[str] = None) -> None:
        self.url = url
        self.session_id = session_id or uuid.uuid4().hex
        self.received: List[str] = []
        self.sio = socketio.AsyncClient()
        self.sio.on("bot_uttered", lambda data: self.received.append(data.get("text", "")))

    async def __aenter__(self) -> "SocketChat":
        confirmed = asyncio.Event()
        self.sio.on("session_confirm", lambda _: confirmed.set())
        # websocket needs a newer aiohttp than Rasa 3.6 pins; long-polling is socketio too
        await self.sio.connect(self.url, transports=["polling"])
        await self.sio.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(confirmed.wait(), 10)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.sio.disconnect()

    async def say(self, message: str, expect: str, timeout: float = 20) -> None:
        await self.sio.emit("user_uttered", {"message": message, "session_id": self.session_id})
        await self.wait_for(expect, timeout)

    async def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in message for message in self.received):
            assert time.monotonic() < deadline, f"no {text!r} in {self.received}"
            await asyncio.sleep(0.1)

    def count(self, text: str) -> int:
        return sum(text in message for message in self.received)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    with servers(tmp_path_factory.mktemp("reminders")) as running:
        yield running


async def test_reminders_arrive_over_socketio(bot):
    async with SocketChat(bot.url) as chat:
        await chat.say("the seller hasn't answered my dispute", "When did you open")
        await chat.say("4 days ago", "Shall I remind you?")
        await chat.say("yes", "I'll message you here the morning after the seller's last day")
        await chat.wait_for("last day (Sunday 29 November) and on Wednesday 9 December", timeout=1)
        await chat.wait_for(SELLER_REMINDER, timeout=10)
        await chat.wait_for(ESCALATION_REMINDER, timeout=20)
        await asyncio.sleep(2)
        assert chat.count(SELLER_REMINDER) == 1 and chat.count(ESCALATION_REMINDER) == 1


async def test_cancelled_reminders_never_arrive(bot):
    async with SocketChat(bot.url) as chat:
        await chat.say(
            "how long does the seller have to reply?", "open"
        )  # the rule or the question
        await chat.say("4 days ago", "Shall I remind you?")
        await chat.say("yes please", "I'll message you here")
        await chat.say("cancel my reminders", "cancelled your reminders")
        await asyncio.sleep(13)  # past both reminder times
        assert chat.count(SELLER_REMINDER) == 0 and chat.count(ESCALATION_REMINDER) == 0


async def test_a_reminder_fires_in_the_conversations_language(bot):
    async with SocketChat(bot.url) as chat:
        await chat.say("hola", "¡Hola!")
        await chat.say("el vendedor no ha contestado a mi disputa", "¿Cuándo abriste")
        await chat.say("la abrí hace 4 días", "recuerde")
        await chat.say("sí, recuérdamelo", "Hecho: te escribiré aquí la mañana siguiente")
        await chat.wait_for("Recordatorio sobre tu disputa de AliExpress", timeout=10)
        assert chat.count(SELLER_REMINDER) == 0  # not the English one
