"""addons/channels/rest.py: the strict REST channel, in-process (no model, no server).

`check_rest_body` directly, then the channel's blueprint mounted the way `rasa run` mounts it
(`rasa.core.channels.channel.register`) on a Sanic app, called through Sanic's ASGI test client
(sanic-testing). A stand-in for the agent records what reaches it and answers "got it".

Stock Rasa 3.6.21 (`rest:`) answered 500 to a body that is JSON but not an object (`[1, 2]`,
`"hi"`, `null`, an empty body), 200 `[]` plus a logged traceback to a `message` that is a
number, list or object, and had no length limit.
"""

import json
import uuid
from types import SimpleNamespace
from typing import List

import pytest
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from addons.channels.rest import BadRestRequest, StrictRestInput, check_rest_body

BIG = ("my parcel never came and the seller won't answer. " * 2100)[:100_000]  # 100 KB
TRACEBACK_MARKERS = ("Traceback", 'File "', "Error:", "Exception")
URL = "/webhooks/rest/webhook"


class Assistant:
    """Stands in for Rasa's message handling: records each message and answers it."""

    def __init__(self) -> None:
        self.received: List[UserMessage] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "got it")


@pytest.fixture
def assistant() -> Assistant:
    return Assistant()


@pytest.fixture
def app(assistant: Assistant) -> Sanic:
    app = Sanic(f"strict-rest-{uuid.uuid4().hex[:8]}")
    app.ctx.agent = SimpleNamespace(handle_message=assistant)  # where `register` sends messages
    register([StrictRestInput.from_credentials({"max_message_length": 5000})], app, "/webhooks/")
    return app


async def post(app: Sanic, body: bytes, query: str = ""):  # type: ignore[no-untyped-def]
    _, reply = await app.asgi_client.post(
        f"{URL}{query}", content=body, headers={"Content-Type": "application/json"}
    )
    return reply


# --- check_rest_body --------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"sender": "a", "message": "my parcel never came"},
        {"sender": "a", "message": ""},
        {"sender": "a", "message": " \t\n"},
        {"sender": "a", "message": "a\x00b\x1b[31mred\r\n"},  # control characters: text
        {"sender": 12, "message": "hi"},  # numeric ids are common; Rasa makes them strings
        {"sender": "a", "message": "hi", "metadata": {"k": 1}, "input_channel": "rest"},
        {"sender": "a", "message": "x" * 5000},
    ],
)
def test_valid_bodies_pass(body):
    check_rest_body(body)


@pytest.mark.parametrize(
    "body, status, words",
    [
        ([1, 2], 400, "JSON object"),
        ("hi", 400, "JSON object"),
        (None, 400, "JSON object"),
        ({"message": "hi"}, 400, "'sender' is missing"),
        ({"sender": None, "message": "hi"}, 400, "'sender' is missing"),
        ({"sender": ["a"], "message": "hi"}, 400, "'sender' must be"),
        ({"sender": True, "message": "hi"}, 400, "'sender' must be"),
        ({"sender": " ", "message": "hi"}, 400, "1 to 255"),
        ({"sender": "a" * 256, "message": "hi"}, 400, "1 to 255"),
        ({"sender": "a\x00", "message": "hi"}, 400, "control"),
        ({"sender": "a"}, 400, "'message' is missing"),
        ({"sender": "a", "message": 42}, 400, "'message' must be a string"),
        ({"sender": "a", "message": ["hi"]}, 400, "'message' must be a string"),
        ({"sender": "a", "message": {"text": "hi"}}, 400, "'message' must be a string"),
        ({"sender": "a", "message": "x" * 5001}, 413, "longer than 5000"),
        ({"sender": "a", "message": "hi", "metadata": "x"}, 400, "'metadata'"),
        ({"sender": "a", "message": "hi", "input_channel": 5}, 400, "'input_channel'"),
    ],
)
def test_bad_bodies_are_refused(body, status, words):
    with pytest.raises(BadRestRequest) as raised:
        check_rest_body(body)
    assert raised.value.status == status and words in str(raised.value)


# --- the channel over HTTP --------------------------------------------------------------


BAD_REQUESTS = [
    ("100 KB message", json.dumps({"sender": "h", "message": BIG}).encode(), 413),
    ("malformed JSON", b'{"sender": "h", "message": ', 400),
    ("not JSON", b"hello", 400),
    ("invalid UTF-8", b'{"sender": "h", "message": "\xff\xfe"}', 400),
    ("empty body", b"", 400),
    ("JSON null", b"null", 400),
    ("JSON array", b'[{"sender": "h", "message": "hi"}]', 400),
    ("JSON string", b'"my parcel never came"', 400),
    ("missing message", b'{"sender": "h"}', 400),
    ("missing sender", b'{"message": "my parcel never came"}', 400),
    ("message as number", b'{"sender": "h", "message": 42}', 400),
    ("message as list", b'{"sender": "h", "message": ["hi"]}', 400),
    ("message as object", b'{"sender": "h", "message": {"text": "hi"}}', 400),
    ("sender as list", b'{"sender": ["h"], "message": "hi"}', 400),
    ("metadata as string", b'{"sender": "h", "message": "hi", "metadata": "x"}', 400),
]


@pytest.mark.parametrize(
    "name, body, status", BAD_REQUESTS, ids=[name for name, _, _ in BAD_REQUESTS]
)
async def test_rest_bad_request_is_a_clear_4xx(app, assistant, name, body, status):
    reply = await post(app, body)
    assert reply.status_code == status, f"{name}: {reply.status_code} {reply.text[:300]}"
    assert reply.json["message"]  # says what is wrong
    assert not any(marker in reply.text for marker in TRACEBACK_MARKERS), reply.text[:500]
    assert assistant.received == []  # refused before Rasa's code


async def test_rest_bad_request_is_refused_when_streaming_too(app, assistant):
    reply = await post(app, b'{"sender": "h", "message": 42}', query="?stream=true")
    assert reply.status_code == 400 and "'message' must be a string" in reply.text
    assert assistant.received == []


async def test_a_valid_request_reaches_rasas_own_code(app, assistant):
    reply = await post(
        app, json.dumps({"sender": 1234, "message": "my parcel never came"}).encode()
    )
    assert reply.status_code == 200
    assert reply.json == [{"recipient_id": "1234", "text": "got it"}]
    [message] = assistant.received
    assert (message.sender_id, message.text, message.input_channel) == (
        "1234", "my parcel never came", "rest",
    )  # fmt: skip


async def test_other_routes_of_the_channel_are_untouched(app):
    _, reply = await app.asgi_client.get("/webhooks/rest/")
    assert reply.status_code == 200 and reply.json == {"status": "ok"}
