"""Start-up hooks: code that runs once the server is up and the model is loaded.

Rasa 3.6 has no plugin hook there. Its `rasa.core.run.serve_application`, which `rasa run`
and `rasa shell` both call, takes `server_listeners`; `register()` makes every call pass ours.
The hooks run in this order: the tracker store is checked first, so a broken database stops
the start before anything else happens.
"""

import functools
import logging
from typing import Any, Awaitable, Callable, List

import rasa.core.run
from rasa.core.channels.channel import InputChannel

from addons.hooks import (
    action_apology,
    reminder_restore,
    stored_before_answered,
    tracker_store_check,
)
from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

Hook = Callable[[Any, List[InputChannel]], Awaitable[None]]
HOOKS: List[Hook] = [
    tracker_store_check.on_start,
    stored_before_answered.on_start,
    action_apology.on_start,
    reminder_restore.on_start,
]


async def run_hooks(app: Any, _loop: Any) -> None:
    """Sanic `after_server_start` listener: each hook with the loaded agent."""
    agent = getattr(app.ctx, "agent", None)
    if agent is None:
        logger.warning("No agent loaded: the start-up hooks did not run.")
        return
    for hook in HOOKS:
        await hook(agent, getattr(app.ctx, "input_channels", []))


def register() -> None:
    """Make `rasa.core.run.serve_application` add `run_hooks` to the server's listeners."""
    serve = rasa.core.run.serve_application
    if getattr(serve, "runs_hooks", False):
        return
    applies_to_installed_rasa(
        "start-up hooks (serve_application's server_listeners)", required=True
    )

    @functools.wraps(serve)
    def serve_with_hooks(*args: Any, **kwargs: Any) -> None:
        listeners = list(kwargs.pop("server_listeners", None) or [])
        listeners.append((run_hooks, "after_server_start"))
        serve(*args, server_listeners=listeners, **kwargs)

    serve_with_hooks.runs_hooks = True  # type: ignore[attr-defined]
    rasa.core.run.serve_application = serve_with_hooks
