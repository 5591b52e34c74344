"""Unit tests for the failure add-ons (apology, tracker store check, strict REST): no model, no
Rasa server (a few seconds)."""

import asyncio
import logging
import socket
import time
from types import SimpleNamespace
from typing import AsyncIterator

import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    FollowupAction,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import ConnectionException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from addons.action_apology import (
    APOLOGY_RESPONSE,
    APOLOGY_TEXT,
    ApologisingActionEndpoint,
    install_apology,
)
from addons.strict_rest import BadRestRequest, check_rest_body
from addons.tracker_store_check import check_tracker_store, describe_tracker_store

DOMAIN_WITHOUT = Domain.from_yaml(
    """
    version: "3.1"
    slots:
      dispute_date:
        type: text
        mappings: [{type: custom}]
    actions: [action_explain_complaint]
    """
)
DOMAIN_WITH = Domain.from_yaml(
    f"""
    version: "3.1"
    actions: [action_explain_complaint]
    responses:
      {APOLOGY_RESPONSE}:
        - text: "Sorry, from the domain."
    """
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CLOSED = f"http://127.0.0.1:{closed_port()}/webhook"  # nothing listens there


@pytest.fixture
async def action_server() -> AsyncIterator[str]:
    """A stand-in action server: /ok answers normally, /status/<n> answers with status n."""

    async def ok(_: web.Request) -> web.Response:
        return web.json_response({"events": [], "responses": [{"text": "real answer"}]})

    async def status(request: web.Request) -> web.Response:
        code = int(request.match_info["code"])
        return web.json_response(
            {"action_name": "action_explain_complaint", "error": "no"}, status=code
        )

    async def hang(_: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response({"events": [], "responses": [{"text": "too late"}]})

    app = web.Application()
    app.router.add_post("/hang", hang)
    app.router.add_post("/ok", ok)
    app.router.add_post("/status/{code}", status)
    runner = web.AppRunner(app)
    await runner.setup()
    port = closed_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def run_remote_action(
    url: str, domain: Domain, tracker: DialogueStateTracker, name: str = "action_explain_complaint"
) -> list:
    action = RemoteAction(name, ApologisingActionEndpoint(url))
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    return await action.run(CollectingOutputChannel(), nlg, tracker, domain)


def tracker_after_user_message() -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "t",
        [
            SlotSet("dispute_date", "2026-11-20"),  # from an earlier turn: kept
            ActionExecuted("action_listen"),
            UserUttered("I opened it 2 days ago", {"name": "inform", "confidence": 1.0}),
            SlotSet("requested_slot", "dispute_date"),
            SlotSet("dispute_date", "2 days ago"),  # extracted, not validated yet
            SlotSet("order_date", "3 weeks ago"),
        ],
    )


# --- the action server is down ----------------------------------------------------------


async def test_unreachable_action_server_gives_apology_and_listen(caplog):
    tracker = tracker_after_user_message()
    with caplog.at_level(logging.ERROR, logger="addons.action_apology"):
        events = await run_remote_action(CLOSED, DOMAIN_WITHOUT, tracker)
    assert [type(e) for e in events] == [BotUttered, FollowupAction]
    assert events[0].text == APOLOGY_TEXT  # the trained domain has no response yet
    assert events[1].action_name == "action_listen"
    assert "Custom action 'action_explain_complaint' could not run" in caplog.text
    assert "ClientConnectorError" in caplog.text


async def test_a_failed_form_validation_rejects_the_new_values():
    tracker = tracker_after_user_message()
    events = await run_remote_action(CLOSED, DOMAIN_WITHOUT, tracker, "validate_deadline_form")
    assert events[0].text == APOLOGY_TEXT
    assert events[1:] == [SlotSet("order_date", None), SlotSet("dispute_date", None)]


async def test_the_domain_response_is_used_once_it_exists():
    events = await run_remote_action(CLOSED, DOMAIN_WITH, tracker_after_user_message())
    assert events[0].text == "Sorry, from the domain."
    assert events[0].metadata.get("utter_action") == APOLOGY_RESPONSE


@pytest.mark.parametrize("code", [401, 404, 500, 503])
async def test_error_statuses_give_the_apology(action_server, code):
    events = await run_remote_action(
        f"{action_server}/status/{code}", DOMAIN_WITHOUT, tracker_after_user_message()
    )
    assert [type(e) for e in events] == [BotUttered, FollowupAction]
    assert events[0].text == APOLOGY_TEXT


async def test_a_hung_action_server_gets_the_apology_after_the_timeout(action_server, monkeypatch):
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "0.5")
    started = time.monotonic()
    events = await run_remote_action(
        f"{action_server}/hang", DOMAIN_WITH, tracker_after_user_message()
    )
    assert time.monotonic() - started < 3
    assert [e.text for e in events if isinstance(e, BotUttered)] == ["Sorry, from the domain."]


async def test_a_rejection_still_reaches_rasa(action_server):
    endpoint = ApologisingActionEndpoint(f"{action_server}/status/400")
    with pytest.raises(ClientResponseError) as raised:
        await endpoint.request(json={"next_action": "action_explain_complaint"}, method="post")
    assert raised.value.status == 400


async def test_a_working_action_server_is_untouched(action_server):
    events = await run_remote_action(
        f"{action_server}/ok", DOMAIN_WITHOUT, tracker_after_user_message()
    )
    assert [e.text for e in events] == ["real answer"]


def test_install_keeps_the_endpoint_settings_and_is_idempotent():
    original = EndpointConfig(
        "http://127.0.0.1:5055/webhook", params={"a": "1"}, headers={"X": "y"}, token="t0k"
    )
    agent = SimpleNamespace(action_endpoint=original, processor=SimpleNamespace())
    agent.processor.action_endpoint = original
    assert install_apology(agent)
    endpoint = agent.action_endpoint
    assert isinstance(endpoint, ApologisingActionEndpoint)
    assert agent.processor.action_endpoint is endpoint
    assert (endpoint.url, endpoint.params, endpoint.headers, endpoint.token) == (
        original.url, original.params, original.headers, original.token,
    )  # fmt: skip
    assert install_apology(agent) and agent.action_endpoint is endpoint
    assert not install_apology(SimpleNamespace(action_endpoint=None, processor=None))


# --- the tracker store is unreachable ---------------------------------------------------


async def test_unwritable_sqlite_path_is_named():
    store = FailSafeTrackerStore(
        SQLTrackerStore(dialect="sqlite", db="/nonexistent-dir/sub/conversations.db")
    )
    with pytest.raises(ConnectionException) as raised:
        await check_tracker_store(store)
    message = str(raised.value)
    assert "SQLTrackerStore" in message and "/nonexistent-dir/sub/conversations.db" in message
    assert "unable to open database file" in message


async def test_closed_postgres_port_is_named_without_the_password():
    port = closed_port()
    store = FailSafeTrackerStore(
        SQLTrackerStore(
            dialect="postgresql",
            host="127.0.0.1",
            port=port,
            db="x",
            username="rasa",
            password="s3cret",
        )  # fmt: skip
    )
    with pytest.raises(ConnectionException) as raised:
        await check_tracker_store(store)
    message = str(raised.value)
    assert f"postgresql database 'x' on 127.0.0.1:{port}" in message
    assert "s3cret" not in message


async def test_a_working_store_passes(tmp_path):
    store = FailSafeTrackerStore(SQLTrackerStore(dialect="sqlite", db=str(tmp_path / "c.db")))
    await check_tracker_store(store)
    assert describe_tracker_store(store) == f"SQLTrackerStore, sqlite database {tmp_path / 'c.db'}"


# --- malformed REST requests ------------------------------------------------------------


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
