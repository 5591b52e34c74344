"""The Slack channel (addons.slack_channel) with signed Events API requests and a local Web API.

One `rasa run --enable-api` with the channel's replies pointed (`api_url`) at
tests/channels/doubles.py's FakeSlackWebApi on a free loopback port, and the action server.
Events are signed here the way Slack signs them (v0 HMAC-SHA256 of `v0:{timestamp}:{body}` with
the signing secret). Replies are read from the chat.postMessage calls the double recorded; what
reached the assistant is read from the tracker (HTTP API).
"""

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import requests
from doubles import Call, FakeSlackWebApi

from tests.servers import MODEL, RASA, ROOT, TODAY, free_port, wait_until_up

SLACK_TOKEN = "xoxb-0000-test-token"
SLACK_CHANNEL = "C0REFUNDS"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
API_TOKEN = "api-test-token"

CREDENTIALS = """\
addons.slack_channel.SlackInput:
  slack_token: ${SLACK_TOKEN}
  slack_channel: ${SLACK_CHANNEL}
  slack_signing_secret: ${SLACK_SIGNING_SECRET}
  api_url: ${SLACK_API_URL}
"""


class SlackStack:
    def __init__(self, rasa_url: str, double: FakeSlackWebApi) -> None:
        self.rasa_url = rasa_url
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
    assert MODEL.exists(), "no trained model: run `make install` (or `make train`)"
    workdir = tmp_path_factory.mktemp("slack")
    double = FakeSlackWebApi(SLACK_TOKEN).start()
    action_port, rasa_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    credentials = workdir / "credentials.yml"
    credentials.write_text(CREDENTIALS)
    env = {
        # slack_sdk reads HTTP(S)_PROXY when no proxy is configured: keep loopback direct.
        **{k: v for k, v in os.environ.items() if "proxy" not in k.lower()},
        "PYTHONPATH": str(ROOT),
        "REFUND_ASSISTANT_TODAY": TODAY,
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_CHANNEL": SLACK_CHANNEL,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": f"{double.url}/api/",
    }
    logs = [open(workdir / name, "w") for name in ("actions.log", "rasa.log")]
    actions = subprocess.Popen(
        [RASA, "run", "actions", "--port", str(action_port), "--actions", "actions"],
        cwd=ROOT,
        env=env,
        stdout=logs[0],
        stderr=subprocess.STDOUT,
    )
    rasa = subprocess.Popen(
        [
            RASA,
            "run",
            "--model",
            str(MODEL),
            "--interface",
            "127.0.0.1",
            "--port",
            str(rasa_port),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(credentials),
            "--enable-api",
            "--auth-token",
            API_TOKEN,
        ],
        cwd=ROOT,
        env=env,
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/webhooks/slack/", rasa)
        yield SlackStack(f"http://127.0.0.1:{rasa_port}", double)
    except RuntimeError:
        for log in logs:
            log.flush()
            sys.stderr.write(Path(log.name).read_text()[-3000:])
        raise
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
        double.stop()


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


@pytest.mark.parametrize(
    "timestamp_offset, secret",
    [(0, "not-the-signing-secret"), (-6 * 60, SIGNING_SECRET)],
    ids=["bad-signature", "stale-timestamp"],
)
def test_unauthentic_request_is_refused_and_reaches_nobody(slack, timestamp_offset, secret):
    user, channel = ids()
    body = dm_event(user, channel, "my package never arrived")
    reply = slack.post_event(body, timestamp=int(time.time()) + timestamp_offset, secret=secret)
    assert reply.status_code == 401
    time.sleep(2)  # the stock channel answers in a background task: give one a chance to show up
    assert slack.posts_to(channel) == []
    assert slack.user_texts(user) == []


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
