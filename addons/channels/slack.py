"""Rasa's Slack channel (rasa 3.6.21, slack_sdk AsyncWebClient) with four small changes.

Use it in credentials.yml as `addons.channels.slack.SlackInput:` (Events API URL stays
`/webhooks/slack/webhook`, output channel name "slack"; every stock key works as before).

- `api_url` (optional): the Web API base the replies go to, default https://slack.com/api/
  (slack_sdk's `base_url`), e.g. a local double in tests.
- Requests that fail the signature check (`X-Slack-Signature` v0 HMAC over `v0:{ts}:{body}` with
  the signing secret, `X-Slack-Request-Timestamp` within 5 minutes) get 401 instead of stock's 400.
- Each Events API `event_id` is handled once: a redelivery of an event already received (Slack's
  retries carry `X-Slack-Retry-Num` and the same `event_id`) gets 200 + `X-Slack-No-Retry: 1` and
  is not passed to the assistant again. Stock only drops retries whose reason is `http_timeout`;
  a retry for `http_error`, `unknown_error`, ... was answered a second time. The ids are kept in
  memory (the last 10,000), so this holds per `rasa run` process.
- `output_channel_for(metadata)`: the conversation a stored message came from, so that reminders
  scheduled again after a restart reach the buyer's direct messages, not `slack_channel`.
"""

import logging
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot as RasaSlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
MAX_REMEMBERED_EVENTS = 10_000


class SlackBot(RasaSlackBot):
    """Stock output channel whose client talks to `api_url`."""

    def __init__(
        self,
        token: Text,
        slack_channel: Optional[Text] = None,
        thread_id: Optional[Text] = None,
        proxy: Optional[Text] = None,
        api_url: Text = DEFAULT_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url)


class SlackInput(RasaSlackInput):
    """Stock input channel; see the module docstring for what differs."""

    def __init__(self, *args: Any, api_url: Text = DEFAULT_API_URL, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = api_url
        self._seen_event_ids: "OrderedDict[Text, None]" = OrderedDict()

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        api_url = (credentials or {}).get("api_url")
        if api_url:
            channel.api_url = api_url if api_url.endswith("/") else api_url + "/"
        return channel

    def get_output_channel(
        self, channel: Optional[Text] = None, thread_id: Optional[Text] = None
    ) -> OutputChannel:
        channel = channel or self.slack_channel
        return SlackBot(self.slack_token, channel, thread_id, self.proxy, self.api_url)

    def output_channel_for(self, metadata: Dict[Text, Any]) -> OutputChannel:
        """Where stock answers a message with this metadata: its conversation (the buyer's
        direct messages), in its thread when `use_threads` is on. Used by reminder_restore."""
        thread_id = metadata.get("thread_id") if self.use_threads else None
        return self.get_output_channel(metadata.get("out_channel"), thread_id)

    def _already_received(self, request: Request) -> bool:
        """Remembers this request's event_id; True if it was seen before."""
        if request.headers.get("content-type") != "application/json":
            return False  # interactive payloads (button clicks) have no event_id
        try:
            event_id = (request.json or {}).get("event_id")
        except Exception:
            return False
        if not event_id:
            return False
        if event_id in self._seen_event_ids:
            return True
        self._seen_event_ids[event_id] = None
        while len(self._seen_event_ids) > MAX_REMEMBERED_EVENTS:
            self._seen_event_ids.popitem(last=False)
        return False

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = super().blueprint(on_new_message)

        @slack_webhook.middleware("request")
        async def authenticate_and_deduplicate(request: Request) -> Optional[HTTPResponse]:
            if not request.path.rstrip("/").endswith("/webhook"):
                return None
            if not self.is_request_from_slack_authentic(request):
                logger.warning("Slack request with a bad signature or timestamp: refused.")
                return response.text(
                    "Message is not properly signed with a valid X-Slack-Signature header",
                    status=HTTPStatus.UNAUTHORIZED,
                )
            if self._already_received(request):
                logger.info(
                    f"Slack redelivered an event already received "
                    f"(retry {request.headers.get(self.retry_num_header)}, "
                    f"{request.headers.get(self.retry_reason_header)}): not answered again."
                )
                return response.text("", headers={"X-Slack-No-Retry": "1"})
            return None

        return slack_webhook
