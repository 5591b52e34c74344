"""addons/channels/telegram.py against a local double of the Bot API.

The `servers` tests run one `python -m addons run --enable-api` with the channel pointed
(`api_url`) at doubles.py's FakeTelegramBotApi on a free loopback port, and the action server.
Updates are POSTed to /webhooks/telegram/webhook the way Telegram delivers them; what the bot
sends is read from the calls the double recorded. The credentials file uses the same `${VAR}`
substitution as the real credentials.yml, with the variables set for the Rasa process.

The secret-token check is middleware: it is tested in-process, with the channel mounted on a
Sanic app as `rasa run` mounts it and called through Sanic's ASGI test client.
"""

import itertools
import time
import uuid
from types import SimpleNamespace
from typing import Any, Dict, Iterator, List

import pytest
import requests
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from addons.channels.telegram import SECRET_HEADER, TelegramInput
from refund_rules.languages import read_translations
from tests.addons.channels.doubles import Call, FakeTelegramBotApi
from tests.servers import CREDENTIALS as DEPLOYED_CREDENTIALS
from tests.servers import Servers

TOKEN = "123456789:AAF-test-token_for-the-double"
BOT_NAME = "refund_helper_test_bot"
WEBHOOK_URL = "https://refund-bot.example.test/webhooks/telegram/webhook"
SECRET = "s3cret-Only-telegram_knows"
API_TOKEN = "api-test-token"

# As deployed: credentials.yml with the Telegram block uncommented.
CREDENTIALS = (
    DEPLOYED_CREDENTIALS
    + """
addons.channels.telegram.TelegramInput:
  access_token: ${TELEGRAM_TOKEN}
  verify: ${TELEGRAM_BOT_NAME}
  webhook_url: ${TELEGRAM_WEBHOOK_URL}
  secret_token: ${TELEGRAM_SECRET_TOKEN}
  api_url: ${TELEGRAM_API_URL}
"""
)

_update_ids = itertools.count(1000)

# Sanic's warning about start/stop listeners of a blueprint served over ASGI (in-process tests).
pytestmark = pytest.mark.filterwarnings("ignore:You have set a listener:UserWarning")


class TelegramStack:
    def __init__(self, rasa_url: str, double: FakeTelegramBotApi) -> None:
        self.rasa_url = rasa_url
        self.double = double

    def post_update(self, update: Dict[str, Any], secret: str = SECRET) -> requests.Response:
        headers = {SECRET_HEADER: secret} if secret else {}
        return requests.post(
            f"{self.rasa_url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=60
        )

    def say(self, chat_id: int, text: str, language_code: str = "en") -> List[Call]:
        """Send `text` from `chat_id`; the sendMessage calls it caused (the webhook awaits them)."""
        before = len(self.sent_to(chat_id))
        reply = self.post_update(message_update(chat_id, text, language_code))
        assert reply.status_code == 200, reply.text
        assert reply.text == "success"
        return self.sent_to(chat_id)[before:]

    def sent_to(self, chat_id: int) -> List[Call]:
        return self.double.calls_to("sendMessage", lambda c: c.params["chat_id"] == str(chat_id))

    def user_texts(self, conversation_id: int) -> List[str]:
        tracker = requests.get(
            f"{self.rasa_url}/conversations/{conversation_id}/tracker",
            params={"token": API_TOKEN},
            timeout=30,
        ).json()
        return [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def message_update(chat_id: int, text: str, language_code: str = "en") -> Dict[str, Any]:
    update_id = next(_update_ids)
    message: Dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Ana"},
        "from": {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Ana",
            "language_code": language_code,
        },
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def callback_update(chat_id: int, data: str) -> Dict[str, Any]:
    """A press on an inline keyboard button (stock button_type inline/vertical)."""
    update_id = next(_update_ids)
    user = {"id": chat_id, "is_bot": False, "first_name": "Ana"}
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "from": user,
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "text": "an earlier message with inline buttons",
            },
        },
    }


def keyboard_titles(call: Call) -> List[str]:
    return [button["text"] for row in call.params["reply_markup"]["keyboard"] for button in row]


@pytest.fixture(scope="module")
def telegram(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TelegramStack]:
    double = FakeTelegramBotApi(TOKEN, BOT_NAME).start()
    env = {
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_BOT_NAME": BOT_NAME,
        "TELEGRAM_WEBHOOK_URL": WEBHOOK_URL,
        "TELEGRAM_SECRET_TOKEN": SECRET,
        "TELEGRAM_API_URL": double.url,
    }
    try:
        with Servers(
            tmp_path_factory.mktemp("telegram"),
            credentials=CREDENTIALS,
            env=env,
            enable_api=True,
            rasa_args=["--auth-token", API_TOKEN],
        ) as servers:
            yield TelegramStack(servers.url, double)
    finally:
        double.stop()


@pytest.mark.servers
def test_webhook_is_set_at_start_through_the_configured_api_url(telegram):
    calls = telegram.double.calls_to("setWebhook")
    assert len(calls) == 1
    assert calls[0].params["url"] == WEBHOOK_URL
    assert calls[0].params["secret_token"] == SECRET


@pytest.mark.servers
def test_start_gets_the_greeting_with_a_reply_keyboard(telegram):
    sent = telegram.say(5550001, "/start")
    assert len(sent) == 1
    assert sent[0].params["chat_id"] == "5550001"
    assert sent[0].params["text"].startswith("Hi! I help AliExpress buyers get their money back")
    markup = sent[0].params["reply_markup"]
    assert markup["one_time_keyboard"] is True
    assert keyboard_titles(sent[0]) == [
        "My parcel never arrived",
        "Not as described",
        "Broken or damaged",
        "Wrong size",
    ]
    # Rasa saw Telegram's /start as the greeting.
    assert telegram.user_texts(5550001) == ["/greet"]


@pytest.mark.servers
def test_a_brazilian_telegram_user_is_answered_in_portuguese(telegram):
    chat = 5550004
    portuguese = read_translations()["pt"]["responses"]
    sent = telegram.say(chat, "/start", language_code="pt-br")
    assert sent[0].params["text"] == portuguese["utter_greet"][0]["text"]
    assert keyboard_titles(sent[0]) == [b["title"] for b in portuguese["utter_greet"][0]["buttons"]]
    # A short "ok" keeps the language; so does an order number.
    for text in ("ok", "8123456789012345"):
        sent = telegram.say(chat, text, language_code="pt-br")
        assert not any("AliExpress buyers" in c.params["text"] for c in sent)
    sent = telegram.say(chat, "meu pacote nunca chegou", language_code="pt-br")
    assert "Sorry your order" not in sent[0].params["text"]
    assert sent[0].params["text"] == portuguese["utter_complaint_not_received"][0]["text"]


@pytest.mark.servers
def test_complaint_then_pressing_a_keyboard_button(telegram):
    chat = 5550002
    sent = telegram.say(chat, "my package never arrived")
    texts = [c.params["text"] for c in sent]
    assert "Sorry your order hasn't turned up" in texts[0]
    assert any("'Contact now'" in t for t in texts)
    assert texts[-1].startswith("If that doesn't work, shall I walk you through")
    assert keyboard_titles(sent[-1]) == ["Yes, show me the steps", "Not now"]
    assert all("reply_markup" not in c.params for c in sent[:-1])

    # A reply-keyboard press arrives as the button's title; the channel hands Rasa the payload.
    sent = telegram.say(chat, "Yes, show me the steps")
    assert any(c.params["text"].startswith("Step 1 of 5") for c in sent)
    assert telegram.user_texts(chat)[-1] == "/affirm"

    # Inline keyboards (button_type inline) send the payload as callback data: still handled.
    before = len(telegram.sent_to(chat))
    reply = telegram.post_update(callback_update(chat, "/next_step"))
    assert reply.text == "success"
    assert telegram.sent_to(chat)[before].params["text"].startswith("Step 2 of 5")


@pytest.mark.servers
def test_update_when_the_token_belongs_to_another_bot_is_refused(telegram):
    chat = 5550003
    telegram.double.username = "some_other_bot"  # getMe now names a bot other than `verify`
    try:
        reply = telegram.post_update(message_update(chat, "my package never arrived"))
    finally:
        telegram.double.username = BOT_NAME
    assert reply.status_code == 200
    assert reply.text == "failed"
    assert telegram.sent_to(chat) == []
    assert "my package never arrived" not in telegram.user_texts(chat)


@pytest.mark.servers
@pytest.mark.parametrize("output_channel", ["latest", "telegram"])
def test_proactive_message_through_trigger_intent_reaches_telegram(telegram, output_channel):
    chat = 5550010 if output_channel == "latest" else 5550011
    telegram.say(chat, "/start")
    before = len(telegram.sent_to(chat))
    reply = requests.post(
        f"{telegram.rasa_url}/conversations/{chat}/trigger_intent",
        params={"output_channel": output_channel, "token": API_TOKEN},
        json={"name": "ask_help"},
        timeout=60,
    )
    assert reply.status_code == 200, reply.text
    assert "messages" not in reply.json()  # not collected: sent to Telegram
    sent = telegram.sent_to(chat)[before:]
    assert len(sent) == 1
    assert sent[0].params["text"].startswith("Here's what I can do")
    assert keyboard_titles(sent[0])[0] == "Open a dispute"


# --- the secret token, in-process --------------------------------------------------------


@pytest.fixture
def double() -> Iterator[FakeTelegramBotApi]:
    with FakeTelegramBotApi(TOKEN, BOT_NAME) as running:
        yield running


@pytest.fixture
def received() -> List[UserMessage]:
    return []


@pytest.fixture
def app(double: FakeTelegramBotApi, received: List[UserMessage]) -> Sanic:
    """The channel mounted as `rasa run` mounts it; the agent only records messages."""

    async def handle_message(message: UserMessage) -> None:
        received.append(message)

    app = Sanic(f"telegram-{uuid.uuid4().hex[:8]}")
    app.ctx.agent = SimpleNamespace(handle_message=handle_message)
    channel = TelegramInput(TOKEN, BOT_NAME, None, api_url=double.url, secret_token=SECRET)
    register([channel], app, "/webhooks/")
    return app


async def post_update(app: Sanic, update: Dict[str, Any], secret: str):  # type: ignore[no-untyped-def]
    headers = {SECRET_HEADER: secret} if secret else {}
    _, reply = await app.asgi_client.post(
        "/webhooks/telegram/webhook", json=update, headers=headers
    )
    return reply


@pytest.mark.parametrize("secret", ["", "a-guess"], ids=["no-secret-header", "wrong-secret"])
async def test_update_without_the_secret_token_is_refused(app, double, received, secret):
    reply = await post_update(app, message_update(5550004, "my package never arrived"), secret)
    assert reply.status_code == 403
    assert received == []  # never reached the assistant
    assert double.calls == []  # nothing asked of or sent to Telegram


async def test_update_with_the_secret_token_reaches_the_assistant(app, double, received):
    reply = await post_update(app, message_update(5550005, "my package never arrived"), SECRET)
    assert reply.status_code == 200 and reply.text == "success"
    assert [(m.sender_id, m.text) for m in received] == [("5550005", "my package never arrived")]
