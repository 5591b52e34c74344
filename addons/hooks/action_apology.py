"""An apology instead of silence when the action server fails.

Stock Rasa 3.6.21: when the action server is down, `RemoteAction.run` raises, the processor
logs "Bot will continue, but the actions events are lost" and the user gets nothing (REST
answers ``[]``). This start-up hook swaps the action endpoint for
`ApologisingActionEndpoint`: when the action server can't be reached, times out or answers
with an error status (anything but 400, Rasa's "action rejected"), it answers in the action
server's own format with the response ``utter_action_server_unavailable`` and
- for a form's ``validate_<form>``: the slots it was to validate set back to None, as a
  validation action rejects values, so the form stays active and asks again;
- for ``action_validate_slot_mappings`` (run after every message): the same, without the
  response, so the buyer hears one apology, from the action that runs next;
- for a form's ``action_ask_<slot>``: the plain question ``utter_ask_<slot>`` after the apology;
- for any other action: ``FollowupAction(action_listen)``, so the bot waits for the user
  instead of carrying on as if the action had run.
One apology per user message, however many actions fail on it.
A hung action server counts as failed after ACTION_TIMEOUT_SECONDS (20 by default; Rasa's
own limit is 300 s of silence). Nothing about the failure is kept: the next call tries the
action server again, so the bot recovers by itself. (The user's message is not reverted:
inside a form Rasa's ``UserUtteranceReverted`` would also undo the form.)
"""

import asyncio
import logging
import os
from typing import Any, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel
from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    ACTION_VALIDATE_SLOT_MAPPINGS,
    REQUESTED_SLOT,
)
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

logger = logging.getLogger(__name__)

APOLOGY_RESPONSE = "utter_action_server_unavailable"
ASK_PREFIX = "action_ask_"


def slots_to_validate(tracker: Optional[Dict[Text, Any]]) -> List[Text]:
    """The slots set since the user's latest message (what a form validation action checks)."""
    names: List[Text] = []
    for event in reversed((tracker or {}).get("events") or []):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in names + [REQUESTED_SLOT]:
            names.append(event["name"])
    return names


def apologised_already(tracker: Optional[Dict[Text, Any]]) -> bool:
    """Has the bot apologised since the user's latest message?"""
    for event in reversed((tracker or {}).get("events") or []):
        if event.get("event") == "user":
            return False
        if (event.get("metadata") or {}).get("utter_action") == APOLOGY_RESPONSE:
            return True
    return False


def apology_result(body: Dict[Text, Any]) -> Dict[Text, Any]:
    """What the action server would answer to apologise for the action in `body`."""
    action = str(body.get("next_action", ""))
    tracker = body.get("tracker")
    silent = action == ACTION_VALIDATE_SLOT_MAPPINGS or apologised_already(tracker)
    responses: List[Dict[Text, Any]] = [] if silent else [{"response": APOLOGY_RESPONSE}]
    if action.startswith("validate_") or action == ACTION_VALIDATE_SLOT_MAPPINGS:
        events = [
            {"event": "slot", "name": name, "value": None} for name in slots_to_validate(tracker)
        ]
    elif action.startswith(ASK_PREFIX):  # a form's question: its plain wording
        events = []
        responses.append({"response": f"utter_{action[len('action_') :]}"})
    else:
        events = [{"event": "followup", "name": ACTION_LISTEN_NAME}]
    return {"events": events, "responses": responses}


def action_timeout_seconds() -> float:
    return float(os.environ.get("ACTION_TIMEOUT_SECONDS") or 20)


class ApologisingActionEndpoint(EndpointConfig):
    """The action endpoint, answering with an apology when the action server fails."""

    @classmethod
    def wrapping(cls, endpoint: EndpointConfig) -> "ApologisingActionEndpoint":
        wrapped = cls(
            endpoint.url,
            endpoint.params,
            endpoint.headers,
            endpoint.basic_auth,
            endpoint.token,
            endpoint.token_name,
            endpoint.cafile,
            **endpoint.kwargs,
        )
        wrapped.type = endpoint.type
        return wrapped

    async def request(self, *args: Any, **kwargs: Any) -> Optional[Any]:
        # RemoteAction asks for Rasa's 300 s; a buyer should not wait that long for an apology.
        kwargs["timeout"] = aiohttp.ClientTimeout(total=action_timeout_seconds())
        try:
            return await super().request(*args, **kwargs)
        except ClientResponseError as error:
            if error.status == 400:  # the action rejected its execution: Rasa handles that
                raise
            failure: Exception = error
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            failure = error
        body = kwargs.get("json") or {}
        result = apology_result(body)
        logger.error(
            f"Custom action '{body.get('next_action')}' could not run: the action server at "
            f"{self.url} failed ({type(failure).__name__}: {failure}). "
            + (f"The user got '{APOLOGY_RESPONSE}'." if result["responses"] else "")
        )
        return result


def install_apology(agent: Any) -> bool:
    """Make the agent (and the processor of every model it loads) use the apologising endpoint."""
    endpoint = getattr(agent, "action_endpoint", None)
    if endpoint is None:
        logger.warning("No action endpoint is configured: there is no action server to fail.")
        return False
    if not isinstance(endpoint, ApologisingActionEndpoint):
        endpoint = ApologisingActionEndpoint.wrapping(endpoint)
        agent.action_endpoint = endpoint  # Agent.load_model passes it to new processors
    if agent.processor is not None:
        agent.processor.action_endpoint = endpoint
    return True


async def on_start(agent: Any, input_channels: List[InputChannel]) -> None:
    if install_apology(agent):
        logger.info(f"Custom actions that can't run get '{APOLOGY_RESPONSE}'.")
