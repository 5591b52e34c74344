"""addons/channels/slack.py with signed Events API requests and a local Web API.

The `servers` tests run one `python -m addons run --enable-api` with the channel's replies
pointed (`api_url`) at doubles.py's FakeSlackWebApi on a free loopback port, and the action
server. Events are signed here the way Slack signs them (v0 HMAC-SHA256 of
`v0:{timestamp}:{body}` with the signing secret). Replies are read from the chat.postMessage
calls the double recorded; what reached the assistant is read from the tracker (HTTP API).
Conversations are kept in SQLite as deployed, so the last test can restart the server and see
the reminders restored.

The signature check is middleware: it is tested in-process, with the channel mounted on a Sanic
app as `rasa run` mounts it and called through Sanic's ASGI test client.
"""

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from types import SimpleNamespace
from typing import Any, Dict, Iterator, List, Optional

import pytest
import requests
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from addons.channels.slack import SlackInput
from tests.addons.channels.doubles import Call, FakeSlackWebApi
from tests.servers import CREDENTIALS as DEPLOYED_CREDENTIALS
from tests.servers import Servers, tracker_store_on

SLACK_TOKEN = "xoxb-0000-test-token"
SLACK_CHANNEL = "C0REFUNDS"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
API_TOKEN = "api-test-token"
SELLER_REMINDER = "the seller's 5 days to respond are over"
ESCALATION_REMINDER = "you can now use 'Escalate Dispute'"

# As deployed: credentials.yml with the Slack block uncommented.
CREDENTIALS = (
    DEPLOYED_CREDENTIALS
    + """
addons.channels.slack.SlackInput:
  slack_token: ${SLACK_TOKEN}
  slack_channel: ${SLACK_CHANNEL}
  slack_signing_secret: ${SLACK_SIGNING_SECRET}
  api_url: ${SLACK_API_URL}
"""
)


class SlackStack:
    def __init__(self, servers: Servers, double: FakeSlackWebApi) -> None:
        self.servers = servers
        self.rasa_url = servers.url
        self.double = double

    def post_event(
        self,
        body: bytes,
        timestamp: Optional[int] = None,
        secret: str = SIGNING_SECRET,
        headers: Optional[Dict[str, str]] = None,
    ) -> requests.Response:
        timestamp = int(time.time()) if timestamp is None else timestamp
        return requests.post(
            f"{self.rasa_url}/webhooks/slack/webhook",
            data=body,
            headers={
                "Content-Type": "application/json",
                "X-Slack-Request-Timestamp": str(timestamp),
                "X-Slack-Signature": sign(body, timestamp, secret),
                **(headers or {}),
            },
            timeout=30,
        )

    def say_and_wait(
        self, user: str, channel: str, text: str, expect: str, seconds: float = 30
    ) -> None:
        """Sends `text` (unless empty) and waits for a reply containing `expect` in `channel`."""
        if text:
            assert self.post_event(dm_event(user, channel, text)).status_code == 200
        found = self.double.wait_for(
            "chat.postMessage",
            lambda c: c.params["channel"] == channel and expect in c.params["text"],
            seconds=seconds,
        )
        assert found, f"no {expect!r} in {[c.params['text'] for c in self.posts_to(channel)]}"

    def posts_to(self, channel: str) -> List[Call]:
        return self.double.calls_to("chat.postMessage", lambda c: c.params["channel"] == channel)

    def user_texts(self, conversation_id: str) -> List[str]:
        tracker = requests.get(
            f"{self.rasa_url}/conversations/{conversation_id}/tracker",
            params={"token": API_TOKEN},
            timeout=30,
        ).json()
        return [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def sign(body: bytes, timestamp: int, secret: str) -> str:
    basestring = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), basestring, hashlib.sha256).hexdigest()


def dm_event(user: str, channel: str, text: str) -> bytes:
    """An Events API `message.im` callback, as Slack posts it."""
    now = time.time()
    event: Dict[str, Any] = {
        "token": "legacy-verification-token",
        "team_id": "T0TEST",
        "api_app_id": "A0TEST",
        "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(now),
        "authorizations": [{"team_id": "T0TEST", "user_id": "UBOT", "is_bot": True}],
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{now:.6f}",
            "event_ts": f"{now:.6f}",
        },
    }
    return json.dumps(event).encode()


def ids() -> tuple:
    suffix = uuid.uuid4().hex[:8].upper()
    return f"U{suffix}", f"D{suffix}"


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlackStack]:
    double = FakeSlackWebApi(SLACK_TOKEN).start()
    env = {
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_CHANNEL": SLACK_CHANNEL,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": f"{double.url}/api/",
        "REFUND_ASSISTANT_SECONDS_PER_DAY": "1",  # a reminder "day" lasts a second
    }
    workdir = tmp_path_factory.mktemp("slack")
    try:
        with Servers(
            workdir,
            credentials=CREDENTIALS,
            endpoints_extra=tracker_store_on(workdir / "conversations.db"),
            env=env,
            enable_api=True,
            rasa_args=["--auth-token", API_TOKEN],
        ) as servers:
            yield SlackStack(servers, double)
    finally:
        double.stop()


@pytest.mark.servers
def test_signed_message_is_answered_with_text_and_button_blocks(slack):
    user, channel = ids()
    reply = slack.post_event(dm_event(user, channel, "my package never arrived"))
    assert reply.status_code == 200, reply.text

    posts = slack.double.wait_for(
        "chat.postMessage", lambda c: c.params["channel"] == channel and "blocks" in c.params
    )
    assert posts, "no reply with buttons reached the Slack double"
    posts = slack.posts_to(channel)
    texts = [c.params["text"] for c in posts]
    assert "Sorry your order hasn't turned up" in texts[0]
    assert any("'Contact now'" in t for t in texts)
    assert all(c.headers["Authorization"] == f"Bearer {SLACK_TOKEN}" for c in posts)

    offer = posts[-1]
    assert offer.params["text"].startswith("If that doesn't work, shall I walk you through")
    section, actions = offer.params["blocks"]
    assert section["type"] == "section"
    assert section["text"]["text"] == offer.params["text"]
    assert actions["type"] == "actions"
    assert [(b["type"], b["text"]["text"], b["value"]) for b in actions["elements"]] == [
        ("button", "Yes, show me the steps", "/affirm"),
        ("button", "Not now", "/deny"),
    ]
    assert slack.user_texts(user) == ["my package never arrived"]


@pytest.mark.servers
@pytest.mark.parametrize("reason", ["http_timeout", "http_error"])
def test_slack_retry_of_the_same_event_is_not_answered_twice(slack, reason):
    user, channel = ids()
    body = dm_event(user, channel, "my package never arrived")
    assert slack.post_event(body).status_code == 200
    first = slack.double.wait_for(
        "chat.postMessage", lambda c: c.params["channel"] == channel and "blocks" in c.params
    )
    assert first
    answered = len(slack.posts_to(channel))

    retry_headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": reason}
    retry = slack.post_event(body, headers=retry_headers)
    assert retry.status_code in (200, 201)
    assert retry.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(3)
    assert len(slack.posts_to(channel)) == answered
    assert slack.user_texts(user) == ["my package never arrived"]


def ask_for_reminders(slack: SlackStack, user: str, channel: str) -> None:
    slack.say_and_wait(user, channel, "the seller hasn't answered my dispute", "When did you open")
    slack.say_and_wait(user, channel, "4 days ago", "Shall I remind you?")
    slack.say_and_wait(user, channel, "yes", "I'll message you here the morning after")


@pytest.mark.servers
def test_reminders_reach_the_buyers_direct_messages(slack):
    user, channel = ids()
    ask_for_reminders(slack, user, channel)
    # Nobody writes now: the bot sends these on its own, to the same direct-message channel.
    slack.say_and_wait(user, channel, "", SELLER_REMINDER, seconds=10)
    slack.say_and_wait(user, channel, "", ESCALATION_REMINDER, seconds=20)


@pytest.mark.servers
def test_reminders_restored_after_a_restart_still_reach_the_buyers_direct_messages(slack):
    """Last in this module: it restarts the Rasa server."""
    user, channel = ids()
    ask_for_reminders(slack, user, channel)
    slack.servers.kill_rasa()  # before either reminder is due; both fall due while it is down
    time.sleep(3)
    slack.servers.start_rasa()  # reminder_restore schedules them again from conversations.db

    slack.say_and_wait(user, channel, "", SELLER_REMINDER, seconds=20)
    slack.say_and_wait(user, channel, "", ESCALATION_REMINDER, seconds=20)
    assert sum(SELLER_REMINDER in c.params["text"] for c in slack.posts_to(channel)) == 1
    assert sum(ESCALATION_REMINDER in c.params["text"] for c in slack.posts_to(channel)) == 1
    assert slack.posts_to(SLACK_CHANNEL) == []  # not the app's default channel


# --- the signature check, in-process -----------------------------------------------------


@pytest.fixture
def received() -> List[UserMessage]:
    return []


@pytest.fixture
def app(received: List[UserMessage]) -> Sanic:
    """The channel mounted as `rasa run` mounts it; the agent only records messages."""

    async def handle_message(message: UserMessage) -> None:
        received.append(message)

    app = Sanic(f"slack-{uuid.uuid4().hex[:8]}")
    app.ctx.agent = SimpleNamespace(handle_message=handle_message)
    channel = SlackInput.from_credentials(
        {
            "slack_token": SLACK_TOKEN,
            "slack_channel": SLACK_CHANNEL,
            "slack_signing_secret": SIGNING_SECRET,
        }
    )
    register([channel], app, "/webhooks/")
    return app


async def post_signed(app: Sanic, body: bytes, timestamp: int, secret: str):  # type: ignore[no-untyped-def]
    _, reply = await app.asgi_client.post(
        "/webhooks/slack/webhook",
        content=body,
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": sign(body, timestamp, secret),
        },
    )
    await asyncio.sleep(0.2)  # the stock channel hands messages on in a background task
    return reply


@pytest.mark.parametrize(
    "timestamp_offset, secret",
    [(0, "not-the-signing-secret"), (-6 * 60, SIGNING_SECRET)],
    ids=["bad-signature", "stale-timestamp"],
)
async def test_unauthentic_request_is_refused_and_reaches_nobody(
    app, received, timestamp_offset, secret
):
    user, channel = ids()
    body = dm_event(user, channel, "my package never arrived")
    reply = await post_signed(app, body, int(time.time()) + timestamp_offset, secret)
    assert reply.status_code == 401
    assert received == []


async def test_signed_request_reaches_the_assistant(app, received):
    user, channel = ids()
    body = dm_event(user, channel, "my package never arrived")
    reply = await post_signed(app, body, int(time.time()), SIGNING_SECRET)
    assert reply.status_code == 200
    assert [(m.sender_id, m.text, m.metadata["out_channel"]) for m in received] == [
        (user, "my package never arrived", channel)
    ]
