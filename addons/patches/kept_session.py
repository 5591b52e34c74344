"""Call the action server over kept-alive connections, not a new HTTP session per call.

Rasa 3.6.21's `EndpointConfig.request` opens an aiohttp `ClientSession` (`async with
self.session()`) for every request and closes it afterwards, so every custom action call sets up
a session and a TCP connection anew. This patch makes `session()` hand out one session per
endpoint and event loop, made by Rasa's own `session()` and left open, with its connection pool;
Rasa's `request` runs unchanged on it. A request on a kept connection that the server has closed
meanwhile (an action server restarted, or reset one connection under load) is sent once more, on a
session of its own: the kept session stays open for the other calls in flight on it (closing it
failed them all with "Connector is closed"). A patch, because Rasa has no hook there.
`addons.activate()` installs it.
"""

import asyncio
import contextvars
import logging
from typing import Any, Dict, Optional

import aiohttp
from rasa.utils.endpoints import EndpointConfig

from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

_rasa_session = EndpointConfig.session
_rasa_request = EndpointConfig.request
_SESSIONS = "_kept_sessions"  # an EndpointConfig's sessions, by event loop
# A kept connection the server closed: send the request once more, on a new session.
_STALE_CONNECTION = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)
# Set while a request is sent once more: `session()` then gives Rasa's own session, closed after.
_SENT_AGAIN: contextvars.ContextVar[bool] = contextvars.ContextVar("sent_again", default=False)


def kept_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """The endpoint's session on the running event loop, made by Rasa's `session()` once."""
    sessions: Dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = endpoint.__dict__.setdefault(
        _SESSIONS, {}
    )
    loop = asyncio.get_running_loop()
    session = sessions.get(loop)
    if session is None or session.closed:
        session = sessions[loop] = _rasa_session(endpoint)
    return session


class _LeftOpen:
    """`async with` on a kept session: the session, not closed on the way out."""

    def __init__(self, endpoint: EndpointConfig) -> None:
        self.endpoint = endpoint

    async def __aenter__(self) -> aiohttp.ClientSession:
        return kept_session(self.endpoint)

    async def __aexit__(self, *exc_info: object) -> None:
        return None


def session(self: EndpointConfig) -> Any:
    """`EndpointConfig.session`, for `async with`: the endpoint's kept session, or a session of its
    own for a request sent once more."""
    return _rasa_session(self) if _SENT_AGAIN.get() else _LeftOpen(self)


async def request(self: EndpointConfig, *args: Any, **kwargs: Any) -> Optional[Any]:
    """Rasa's `EndpointConfig.request`, sent once more on a session of its own if the kept
    session's connection had been closed by the server."""
    try:
        return await _rasa_request(self, *args, **kwargs)
    except _STALE_CONNECTION:
        sending_again = _SENT_AGAIN.set(True)
        try:
            return await _rasa_request(self, *args, **kwargs)
        finally:
            _SENT_AGAIN.reset(sending_again)


def install() -> None:
    """Keep the sessions (a speed-up: on another Rasa version, Rasa's own requests)."""
    if applies_to_installed_rasa("kept_session", required=False):
        EndpointConfig.session = session  # type: ignore[method-assign,assignment]
        EndpointConfig.request = request  # type: ignore[method-assign]
        logger.info("Requests to the action server reuse kept-alive connections.")
