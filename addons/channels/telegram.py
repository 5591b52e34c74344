"""Rasa's Telegram channel (rasa 3.6.21, aiogram 2.15) with the fixes this bot needs.

Use it in credentials.yml as `addons.channels.telegram.TelegramInput:` (its webhook stays at
`/webhooks/telegram/webhook` and its output channel is still called "telegram"). Changes:

- `api_url` (optional): the Bot API base, default https://api.telegram.org. Every call, including
  the setWebhook made when the server starts, goes there (a local Bot API server, or a test double).
- Proactive messages work. Stock `get_output_channel` runs `asyncio.run(set_webhook())`, which
  raises inside Sanic's running loop, so `POST /conversations/<id>/trigger_intent?output_channel=
  latest|telegram` (reminders, external events) failed (rasa PR 13040). Here `get_output_channel`
  does no I/O and returns one shared output channel; the webhook is set once, by a
  `before_server_start` listener, inside the server's loop. A failing setWebhook still stops the
  server from starting, as before.
- `button_type` (optional, default `reply`): buttons go out as a Telegram reply keyboard
  (`reply_markup.keyboard`, one button a row, hidden after use). Pressing one sends its title as
  text; the channel turns a title it offered to that chat back into the button's payload, so
  "Yes, show me the steps" reaches Rasa as `/affirm` (the NLU model does not know the titles).
  `inline` / `vertical` give the stock inline keyboards (payload sent as callback data).
- Telegram's `/start` command (also `/start@<bot>` and deep links `/start <param>`) is passed on
  as `/greet`: the domain has no `start` intent.
- The sender's Telegram `language_code` ("pt-br") goes into the message's metadata as
  `language_code`: the conversation's language until the buyer's own words say otherwise.
- `secret_token` (optional): sent with setWebhook; Telegram then puts it in the
  `X-Telegram-Bot-Api-Secret-Token` header of every update, and updates without it are refused
  with 403. Without it anyone who knows the webhook URL can post updates in any chat's name.

`verify` (the bot's username) keeps its stock meaning: every update is checked against getMe and
refused ("failed", nothing sent) if the token belongs to another bot.
"""

import hmac
import logging
import re
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import Methods, TelegramAPIServer
from aiogram.types import KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput as RasaTelegramOutput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_COMMAND = re.compile(r"/start(@\w+)?(\s.*)?", re.DOTALL)
# How many chats' last keyboards are remembered (title -> payload) in this process.
MAX_REMEMBERED_KEYBOARDS = 10_000


class TelegramOutput(RasaTelegramOutput):
    """Stock output channel on a configurable Bot API base, with reply keyboards."""

    def __init__(
        self,
        access_token: Optional[Text],
        api_url: Text = DEFAULT_API_URL,
        button_type: Text = "reply",
        secret_token: Optional[Text] = None,
    ) -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_url))
        self.button_type = button_type
        self.secret_token = secret_token
        self._keyboards: "OrderedDict[Text, Dict[Text, Text]]" = OrderedDict()

    async def set_webhook(self, url: Text, **kwargs: Any) -> bool:  # type: ignore[override]
        """setWebhook, with `secret_token` when one is configured (aiogram 2.15 lacks it)."""
        if not self.secret_token:
            return await super().set_webhook(url, **kwargs)
        payload = {k: v for k, v in kwargs.items() if v is not None}
        payload.update(url=url, secret_token=self.secret_token)
        return await self.request(Methods.SET_WEBHOOK, payload)

    async def send_text_with_buttons(
        self,
        recipient_id: Text,
        text: Text,
        buttons: List[Dict[Text, Any]],
        button_type: Optional[Text] = None,
        **kwargs: Any,
    ) -> None:
        button_type = button_type or self.button_type
        if button_type != "reply":
            await super().send_text_with_buttons(recipient_id, text, buttons, button_type, **kwargs)
            return
        markup = ReplyKeyboardMarkup(resize_keyboard=True, one_time_keyboard=True)
        for button in buttons:
            markup.add(KeyboardButton(button["title"]))
        self._remember_keyboard(recipient_id, buttons)
        await self.send_message(recipient_id, text, reply_markup=markup)

    def _remember_keyboard(self, chat_id: Text, buttons: List[Dict[Text, Any]]) -> None:
        chat_id = str(chat_id)
        self._keyboards.pop(chat_id, None)
        self._keyboards[chat_id] = {
            b["title"]: b["payload"] for b in buttons if b.get("title") and b.get("payload")
        }
        while len(self._keyboards) > MAX_REMEMBERED_KEYBOARDS:
            self._keyboards.popitem(last=False)

    def payload_for(self, chat_id: Text, text: Text) -> Optional[Text]:
        """The payload of the button titled `text` in the last keyboard sent to this chat."""
        return self._keyboards.get(str(chat_id), {}).get(text.strip())


class TelegramInput(RasaTelegramInput):
    """Stock input channel; see the module docstring for what differs."""

    start_payload = "/greet"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials is not None  # the line above raised
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            api_url=credentials.get("api_url") or DEFAULT_API_URL,
            button_type=credentials.get("button_type") or "reply",
            secret_token=credentials.get("secret_token") or None,
        )

    def __init__(
        self,
        access_token: Optional[Text],
        verify: Optional[Text],
        webhook_url: Optional[Text],
        debug_mode: bool = True,
        api_url: Text = DEFAULT_API_URL,
        button_type: Text = "reply",
        secret_token: Optional[Text] = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode)
        self.api_url = api_url
        self.button_type = button_type
        self.secret_token = secret_token
        self._output_channel: Optional[TelegramOutput] = None

    def get_output_channel(self) -> TelegramOutput:
        """The one output channel of this input channel. No I/O: safe inside a running loop."""
        if self._output_channel is None:
            self._output_channel = TelegramOutput(
                self.access_token, self.api_url, self.button_type, self.secret_token
            )
        return self._output_channel

    async def set_webhook(self) -> None:
        if not self.webhook_url:
            logger.warning("Telegram: no webhook_url configured, setWebhook not called.")
            return
        try:
            await self.get_output_channel().set_webhook(self.webhook_url)
        except TelegramAPIError as error:
            raise RasaException("Failed to set channel webhook: " + str(error)) from error
        logger.info(f"Telegram webhook set to {self.webhook_url} via {self.api_url}")

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        """The sender's `language_code`, from a message or a button press."""
        update = request.json or {}
        for kind in ("message", "edited_message", "callback_query"):
            sender = (update.get(kind) or {}).get("from") or {}
            if sender.get("language_code"):
                return {"language_code": sender["language_code"]}
        return None

    def _text_for_rasa(self, message: UserMessage) -> Optional[Text]:
        text = message.text
        if text is None:
            return None
        if START_COMMAND.fullmatch(text.strip()):
            return self.start_payload
        return self.get_output_channel().payload_for(message.sender_id, text) or text

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> Any:
            message.text = self._text_for_rasa(message)
            return await on_new_message(message)

        telegram_webhook = super().blueprint(handle)

        @telegram_webhook.listener("before_server_start")
        async def set_webhook_on_start(*_: Any) -> None:
            await self.set_webhook()

        @telegram_webhook.listener("after_server_stop")
        async def close_session(*_: Any) -> None:
            session = getattr(self._output_channel, "_session", None)
            if session is not None and not session.closed:
                await session.close()

        secret = self.secret_token
        if secret:

            @telegram_webhook.middleware("request")
            async def check_secret_token(request: Request) -> Optional[HTTPResponse]:
                if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
                    return None
                given = request.headers.get(SECRET_HEADER, "")
                if not hmac.compare_digest(given.encode(), secret.encode()):
                    logger.warning("Telegram update without the right secret token: refused.")
                    return response.text("forbidden", status=403)
                return None

        return telegram_webhook
