"""Rasa's REST channel, answering bad requests with a clear 4xx.

Stock Rasa 3.6.21's REST channel answers 500 when the body is JSON but not an object (``[]``,
``"hi"``, ``null``, an empty body), answers 200 ``[]`` with a logged traceback when
``message`` is a number, list or object or ``metadata`` isn't an object, puts every request
without ``sender`` into one shared conversation called ``default``, and has no length limit
(a 100 KB message keeps the single event loop busy for seconds). `StrictRestInput` (in
credentials.yml instead of ``rest:``) checks the body first and answers 400 (413 for a
message over ``max_message_length`` characters, 5000 by default) with a JSON error in the
shape Sanic uses for unparsable JSON. Valid requests go to Rasa's own code, same URL. A
message that could not be stored is answered 503 with ``Retry-After`` and a JSON reason
(addons/hooks/stored_before_answered.py), never 200 with an answer that is then lost.
"""

import unicodedata
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.hooks.stored_before_answered import RETRY_AFTER_SECONDS, refusal

DEFAULT_MAX_MESSAGE_LENGTH = 5000
MAX_SENDER_LENGTH = 255  # the `sender_id` column of Rasa's SQL tracker store is VARCHAR(255)


class BadRestRequest(Exception):
    def __init__(self, message: Text, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _has_control_characters(text: Text) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in text)


def check_rest_body(body: Any, max_message_length: int = DEFAULT_MAX_MESSAGE_LENGTH) -> None:
    """Raise `BadRestRequest` unless `body` is a message Rasa's REST channel can handle."""
    if not isinstance(body, dict):
        raise BadRestRequest(
            'The body must be a JSON object: {"sender": "<conversation id>", "message": "<text>"}.'
        )
    sender = body.get("sender")
    if sender is None:
        raise BadRestRequest("'sender' is missing: a string that names the conversation.")
    if isinstance(sender, bool) or not isinstance(sender, (str, int)):
        raise BadRestRequest("'sender' must be a string (or an integer).")
    if isinstance(sender, str) and (
        not sender.strip() or len(sender) > MAX_SENDER_LENGTH or _has_control_characters(sender)
    ):
        raise BadRestRequest(
            f"'sender' must be 1 to {MAX_SENDER_LENGTH} characters, without control characters."
        )
    message = body.get("message")
    if message is None:
        raise BadRestRequest("'message' is missing.")
    if not isinstance(message, str):
        raise BadRestRequest("'message' must be a string.")
    if len(message) > max_message_length:
        raise BadRestRequest(
            f"'message' is longer than {max_message_length} characters.", status=413
        )
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        raise BadRestRequest("'metadata' must be a JSON object.")
    if body.get("input_channel") is not None and not isinstance(body["input_channel"], str):
        raise BadRestRequest("'input_channel' must be a string.")


def _error(message: Text, status: int) -> HTTPResponse:
    # The shape Sanic itself uses for a body that isn't JSON.
    description = "Payload Too Large" if status == 413 else "Bad Request"
    return response.json(
        {"description": description, "status": status, "message": message}, status=status
    )


class StrictRestInput(RestInput):
    """Rasa's REST channel (`/webhooks/rest/webhook`) that answers bad requests with 4xx."""

    def __init__(self, max_message_length: int = DEFAULT_MAX_MESSAGE_LENGTH) -> None:
        self.max_message_length = max_message_length

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(int(credentials.get("max_message_length") or DEFAULT_MAX_MESSAGE_LENGTH))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)

        # Blueprint middleware runs only for this blueprint's routes.
        @blueprint.middleware("request")
        async def refuse_bad_requests(request: Request) -> Optional[HTTPResponse]:
            refusal.set(None)  # requests on one kept-alive connection share a context
            if request.method != "POST":
                return None
            try:
                body = request.json
            except InvalidUsage:
                return _error("The body is not valid JSON.", 400)
            try:
                check_rest_body(body, self.max_message_length)
            except BadRestRequest as bad:
                return _error(str(bad), bad.status)
            return None

        @blueprint.middleware("response")
        async def unavailable_unless_stored(
            request: Request, _response: HTTPResponse
        ) -> Optional[HTTPResponse]:
            refused = refusal.get()
            if refused is None:
                return None
            return response.json(
                {
                    "description": "Service Unavailable",
                    "status": 503,
                    "message": refused.text,
                    "reason": f"{refused.reason.replace('_', ' ')} unavailable",
                },
                status=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )

        return blueprint
