"""A pseudo-channel that runs code once `rasa run` has started.

Rasa builds every class named in credentials.yml as an input channel and registers its
blueprint, so a "channel" with an `after_server_start` listener is the supported place to
reach the loaded agent (there is no plugin hook for that in Rasa 3.6).
"""

import logging
from typing import Any, Awaitable, Callable, List

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)


class StartupHook(InputChannel):
    """Subclasses implement `name()` and `on_start(agent, input_channels)`."""

    async def on_start(self, agent: Any, input_channels: List[InputChannel]) -> None:
        raise NotImplementedError

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint(self.name(), __name__)

        @blueprint.listener("after_server_start")
        async def start(app: Any, _loop: Any) -> None:
            agent = getattr(app.ctx, "agent", None)
            if agent is None:
                logger.warning(f"{type(self).__name__}: no agent, nothing done.")
                return
            await self.on_start(agent, getattr(app.ctx, "input_channels", []))

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        return blueprint
