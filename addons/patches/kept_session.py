"""Call the action server over kept-alive connections, not a new HTTP session per call.

Rasa 3.6.21's `EndpointConfig.request` opens an aiohttp `ClientSession` for every request and
closes it afterwards, so every custom action call sets up a session and a TCP connection anew.
This patch keeps one session (Rasa's own, from `EndpointConfig.session`) per endpoint and event
loop, with its connection pool; a request on a kept connection that the server has closed
meanwhile (an action server restarted) is sent once more, on a new connection. Otherwise the
request is Rasa's, line for line: the same headers, parameters, errors and JSON result. A patch,
because Rasa has no hook there. `addons.activate()` installs it.
"""

import asyncio
import logging
import os
import ssl
from typing import Any, Dict, Optional, Text

import aiohttp
from aiohttp.client_exceptions import ContentTypeError
from rasa.shared.exceptions import FileNotFoundException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

_SESSIONS = "_kept_sessions"  # an EndpointConfig's sessions, by event loop
# A kept connection the server closed: send the request once more, on a new connection.
_STALE_CONNECTION = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)


def kept_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """The endpoint's session on the running event loop, made by Rasa's `session()` once."""
    sessions: Dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = endpoint.__dict__.setdefault(
        _SESSIONS, {}
    )
    loop = asyncio.get_running_loop()
    session = sessions.get(loop)
    if session is None or session.closed:
        session = sessions[loop] = endpoint.session()
    return session


async def request(
    self: EndpointConfig,
    method: Text = "post",
    subpath: Optional[Text] = None,
    content_type: Optional[Text] = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Optional[Any]:
    """`EndpointConfig.request` on the endpoint's kept session."""
    headers = {}
    if content_type:
        headers["Content-Type"] = content_type
    if "headers" in kwargs:
        headers.update(kwargs["headers"])
        del kwargs["headers"]
    if self.headers:
        headers.update(self.headers)
    url = concat_url(self.url, subpath)
    sslcontext = None
    if self.cafile:
        try:
            sslcontext = ssl.create_default_context(cafile=self.cafile)
        except FileNotFoundError as e:
            raise FileNotFoundException(
                f"Failed to find certificate file, '{os.path.abspath(self.cafile)}' does not exist."
            ) from e
    params = self.combine_parameters(kwargs)

    async def send() -> Optional[Any]:
        async with kept_session(self).request(
            method, url, headers=headers, params=params, compress=compress, ssl=sslcontext, **kwargs
        ) as response:
            if response.status >= 400:
                raise ClientResponseError(
                    response.status, response.reason, await response.content.read()
                )
            try:
                return await response.json()
            except ContentTypeError:
                return None

    try:
        return await send()
    except _STALE_CONNECTION:
        await kept_session(self).close()
        return await send()


def install() -> None:
    """Keep the sessions (a speed-up: on another Rasa version, Rasa's own requests)."""
    if applies_to_installed_rasa("kept_session", required=False):
        EndpointConfig.request = request  # type: ignore[method-assign]
        logger.info("Requests to the action server reuse kept-alive connections.")
