"""Local doubles of the Telegram Bot API and the Slack Web API, for the channel tests.

Each double is a real aiohttp server on 127.0.0.1 (a free port), run in a background thread with its
own event loop, so the bot (a separate `rasa run` process) talks to it over HTTP exactly as it would
talk to api.telegram.org or slack.com. Every call is recorded as a `Call` (API method, parameters,
headers) for the tests to inspect; `wait_for` polls until the calls a test expects have arrived.

Only what the channels use is implemented: getMe, setWebhook, sendMessage (+ a generic `true` for
anything else) for Telegram; chat.postMessage and auth.test for Slack. Wrong tokens get the
services' own "unauthorized" answers.
"""

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, TypeVar

from aiohttp import web

Server = TypeVar("Server", bound="LocalApiServer")


@dataclass
class Call:
    method: str
    params: Dict[str, Any]
    headers: Dict[str, str] = field(default_factory=dict)


class LocalApiServer:
    """An aiohttp app on 127.0.0.1 in a background thread, recording the calls it gets."""

    def __init__(self) -> None:
        self.calls: List[Call] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: Optional[web.AppRunner] = None
        self.port = 0

    # --- to be provided by the doubles -------------------------------------------------------
    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    # --- lifecycle ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self: Server) -> Server:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self: Server) -> Server:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # --- recording ----------------------------------------------------------------------------
    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def calls_to(self, method: str, where: Optional[Callable[[Call], bool]] = None) -> List[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

    def wait_for(
        self,
        method: str,
        where: Optional[Callable[[Call], bool]] = None,
        count: int = 1,
        seconds: float = 30,
    ) -> List[Call]:
        """The calls to `method` matching `where`, once there are at least `count` of them."""
        deadline = time.monotonic() + seconds
        while True:
            found = self.calls_to(method, where)
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.1)

    @staticmethod
    async def read_params(request: web.Request) -> Dict[str, Any]:
        """Query string, then a form or JSON body, as one dict."""
        params: Dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            body = await request.json() if request.can_read_body else None
            params.update(body or {})
        elif request.can_read_body:
            params.update(dict(await request.post()))
        return params


class FakeTelegramBotApi(LocalApiServer):
    """`{base}/bot<token>/<method>` like https://api.telegram.org.

    Parameters arrive as form fields (aiogram sends them so); JSON-encoded ones (`reply_markup`)
    are decoded before recording. `username` is what getMe answers: change it to act as another bot.
    """

    def __init__(self, token: str, username: str) -> None:
        super().__init__()
        self.token = token
        self.username = username
        self._message_id = 0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/bot{token}/{method}", self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self.read_params(request)
        for key in ("reply_markup", "allowed_updates", "entities"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        self.record(Call(method, params, dict(request.headers)))

        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        bot_id = int(self.token.split(":")[0])
        if method == "getMe":
            result: Any = {
                "id": bot_id,
                "is_bot": True,
                "first_name": "Refund assistant",
                "username": self.username,
            }
        elif method == "sendMessage":
            self._message_id += 1
            result = {
                "message_id": self._message_id,
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "from": {"id": bot_id, "is_bot": True, "first_name": "Refund assistant"},
                "text": params.get("text", ""),
            }
        else:  # setWebhook, deleteWebhook, answerCallbackQuery, ...
            result = True
        return web.json_response({"ok": True, "result": result})


class FakeSlackWebApi(LocalApiServer):
    """`{base}/api/<method>` like https://slack.com/api/, with Bearer-token auth."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token
        self._ts = 0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/api/{method}", self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self.read_params(request)
        for key in ("blocks", "attachments"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        self.record(Call(method, params, dict(request.headers)))

        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method == "chat.postMessage":
            self._ts += 1
            ts = f"{int(time.time())}.{self._ts:06d}"
            message = {k: v for k, v in params.items() if k in ("text", "blocks", "thread_ts")}
            return web.json_response(
                {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
            )
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBOT", "team_id": "T0TEST"})
        return web.json_response({"ok": True})
