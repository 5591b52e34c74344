"""addons/hooks/action_apology.py: an apology instead of silence when the action server fails.

The unit tests run Rasa's `RemoteAction` through `ApologisingActionEndpoint` against a closed
port and a stand-in action server (a few seconds). The `servers` test stops the real action
server under a running bot and starts it again (about 40 s).
"""

import asyncio
import logging
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import AsyncIterator, Iterator, Tuple

import pytest
import requests
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    FollowupAction,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from addons.hooks.action_apology import (
    APOLOGY_RESPONSE,
    ApologisingActionEndpoint,
    install_apology,
)
from tests.servers import ROOT, RestClient, Servers, closed_port, free_port, stop

DOMAIN = Domain.load(str(ROOT / "domain.yml"))
APOLOGY = DOMAIN.responses[APOLOGY_RESPONSE][0]["text"]
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
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def run_remote_action(
    url: str, tracker: DialogueStateTracker, name: str = "action_explain_complaint"
) -> list:
    action = RemoteAction(name, ApologisingActionEndpoint(url))
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    return await action.run(CollectingOutputChannel(), nlg, tracker, DOMAIN)


def tracker_after_user_message() -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "t",
        [
            SlotSet("dispute_date", "2026-11-20"),  # from an earlier turn: kept
            ActionExecuted("action_listen"),
            UserUttered("I opened it 2 days ago", {"name": "inform", "confidence": 1.0}),
            SlotSet("requested_slot", "dispute_date"),
            SlotSet("dispute_date", "2026-11-26"),  # extracted, not validated yet
            SlotSet("order_date", "2026-11-07"),
        ],
    )


async def test_unreachable_action_server_gives_the_domains_apology_and_listen(caplog):
    tracker = tracker_after_user_message()
    with caplog.at_level(logging.ERROR, logger="addons.hooks.action_apology"):
        events = await run_remote_action(CLOSED, tracker)
    assert [type(e) for e in events] == [BotUttered, FollowupAction]
    assert events[0].text == APOLOGY
    assert events[0].metadata.get("utter_action") == APOLOGY_RESPONSE
    assert events[1].action_name == "action_listen"
    assert "Custom action 'action_explain_complaint' could not run" in caplog.text
    assert "ClientConnectorError" in caplog.text


async def test_a_failed_form_validation_rejects_the_new_values():
    tracker = tracker_after_user_message()
    events = await run_remote_action(CLOSED, tracker, "validate_deadline_form")
    assert events[0].text == APOLOGY
    assert events[1:] == [SlotSet("order_date", None), SlotSet("dispute_date", None)]


async def test_a_failed_slot_mapping_validation_rejects_the_new_values_quietly(caplog):
    tracker = tracker_after_user_message()
    with caplog.at_level(logging.ERROR, logger="addons.hooks.action_apology"):
        events = await run_remote_action(CLOSED, tracker, "action_validate_slot_mappings")
    # No apology here: the action that runs next gives it, so the buyer hears one.
    assert events == [SlotSet("order_date", None), SlotSet("dispute_date", None)]
    assert "Custom action 'action_validate_slot_mappings' could not run" in caplog.text
    assert "The user got" not in caplog.text


async def test_a_forms_failed_question_is_asked_in_its_plain_words():
    tracker = tracker_after_user_message()
    events = await run_remote_action(CLOSED, tracker, "action_ask_dispute_date")
    assert [type(e) for e in events] == [BotUttered, BotUttered]
    assert events[0].text == APOLOGY
    assert events[1].text == DOMAIN.responses["utter_ask_dispute_date"][0]["text"]


async def test_one_apology_per_message_however_many_actions_fail():
    tracker = tracker_after_user_message()
    failed = await run_remote_action(CLOSED, tracker, "validate_deadline_form")
    tracker.update_with_events(failed, DOMAIN)
    events = await run_remote_action(CLOSED, tracker, "action_ask_dispute_date")
    assert [e.text for e in events] == [DOMAIN.responses["utter_ask_dispute_date"][0]["text"]]


@pytest.mark.parametrize("code", [401, 404, 500, 503])
async def test_error_statuses_give_the_apology(action_server, code):
    events = await run_remote_action(f"{action_server}/status/{code}", tracker_after_user_message())
    assert [type(e) for e in events] == [BotUttered, FollowupAction]
    assert events[0].text == APOLOGY


async def test_a_hung_action_server_gets_the_apology_after_the_timeout(action_server, monkeypatch):
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "0.5")
    started = time.monotonic()
    events = await run_remote_action(f"{action_server}/hang", tracker_after_user_message())
    assert time.monotonic() - started < 3
    assert [e.text for e in events if isinstance(e, BotUttered)] == [APOLOGY]


async def test_a_rejection_still_reaches_rasa(action_server):
    endpoint = ApologisingActionEndpoint(f"{action_server}/status/400")
    with pytest.raises(ClientResponseError) as raised:
        await endpoint.request(json={"next_action": "action_explain_complaint"}, method="post")
    assert raised.value.status == 400


async def test_a_working_action_server_is_untouched(action_server):
    events = await run_remote_action(f"{action_server}/ok", tracker_after_user_message())
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


# --- the real action server goes down under a running bot ------------------------------


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[Servers]:
    with Servers(tmp_path, enable_api=True) as running:
        yield running


def texts(bot: Servers, sender: str, message: str) -> Tuple[float, str]:
    started = time.monotonic()
    answer = RestClient(bot.url).texts(sender, message)
    return time.monotonic() - started, answer


def tracker(bot: Servers, sender: str) -> dict:
    return requests.get(f"{bot.url}/conversations/{sender}/tracker", timeout=10).json()


@pytest.mark.servers
def test_action_server_down_gets_an_apology_and_the_bot_recovers(bot):
    """Stock Rasa 3.6.21 answers nothing (REST `[]`) while the action server is down."""
    dispute, complaint = (f"down-{uuid.uuid4().hex[:8]}" for _ in range(2))
    assert "When did you open" in texts(bot, dispute, "the seller hasn't answered my dispute")[1]

    stop(bot.actions)  # the action server goes down
    seconds, answer = texts(bot, complaint, "my parcel never came")  # action_explain_complaint
    assert answer == APOLOGY and seconds < 5
    # In the date form: validate_deadline_form can't run, so the date isn't taken; the
    # form stays active and asks again.
    seconds, answer = texts(bot, dispute, "I opened it 2 days ago")
    assert answer.startswith(APOLOGY) and "When did you open" in answer and seconds < 5
    state = tracker(bot, dispute)
    assert state["active_loop"].get("name") == "deadline_form"
    assert state["slots"]["dispute_date"] is None
    log = bot.log_path("rasa").read_text()
    assert "Custom action 'action_explain_complaint' could not run" in log
    assert "Custom action 'validate_deadline_form' could not run" in log

    bot.start_actions()  # back on the same port: no restart of Rasa, nothing to reset
    answer = texts(bot, dispute, "I opened it 2 days ago")[1]
    assert "Thursday 26 November" in answer and "3 days left" in answer
    assert "Contact now" in texts(bot, complaint, "my parcel never came")[1]
    assert "Step 1 of 5" in texts(bot, complaint, "yes please")[1]  # the offer made just now
