"""Rasa's socket.io channel with the fix for rasa issue 13027.

With ``session_persistence: true`` the stock 3.6.21 channel calls
``sio.enter_room(sid, session_id)`` without awaiting it. In python-socketio >= 5.10
``AsyncServer.enter_room`` is a coroutine, so the socket never joins the session's room and every
reply (emitted to ``room=session_id``) is lost.

This subclass changes only the ``session_request`` handler: it re-registers it on the same
``AsyncServer`` after the stock blueprint is built, and awaits ``enter_room`` when it returns an
awaitable (it still works with the older, synchronous python-socketio). Everything else —
connect/JWT, ``user_uttered``, the output channel — is Rasa's own code.

credentials.yml::

    addons.channels.socketio.SocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

Several replicas: with ``SOCKETIO_THROUGH_REDIS=true`` (the scale profile's deploy/scale.env) the
server sends every message through python-socketio's `AsyncRedisManager`, on the Redis of
``REDIS_HOST``, ``REDIS_PORT``, ``REDIS_DB`` and ``REDIS_PASSWORD`` (the lock store's), so a message
emitted on one replica (an answer, a reminder that fires there) reaches a buyer whose socket is
connected to another.
"""

import inspect
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Text
from urllib.parse import quote

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint
from socketio import AsyncRedisManager, AsyncServer

from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

THROUGH_REDIS_VARIABLE = "SOCKETIO_THROUGH_REDIS"


def redis_url(env: Mapping[str, str]) -> str:
    password = env.get("REDIS_PASSWORD") or ""
    auth = f":{quote(password, safe='')}@" if password else ""
    host, port, db = (
        env.get("REDIS_HOST", "127.0.0.1"),
        env.get("REDIS_PORT", "6379"),
        env.get("REDIS_DB", "0"),
    )
    return f"redis://{auth}{host}:{port}/{db}"


def share_through_redis(sio: AsyncServer, url: str) -> None:
    """Make `sio` send its messages through Redis, to the sockets of every replica."""
    sio.manager = AsyncRedisManager(url)
    sio.manager.set_server(sio)
    sio.manager_initialized = False  # initialised with the first connection, as the default one


class SocketIOInput(RasaSocketIOInput):
    """``socketio`` channel whose ``session_request`` awaits ``enter_room``."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # The handler below is a copy of Rasa's, with the fix.
        applies_to_installed_rasa("socketio's session_request handler", required=True)
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio  # the AsyncServer the stock blueprint just created
        assert sio is not None
        if os.environ.get(THROUGH_REDIS_VARIABLE, "").lower() in ("true", "1", "yes"):
            share_through_redis(sio, redis_url(os.environ))
            logger.info("socket.io messages go through Redis, to the sockets of every replica.")

        # Registering the same event again replaces the stock handler.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            if data is None:
                data = {}
            if "session_id" not in data or data["session_id"] is None:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, data["session_id"])
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", data["session_id"], room=sid)
            logger.debug(f"User {sid} connected to socketIO endpoint.")

        return socketio_webhook
