"""addons/patches/kept_session.py: action calls share one session and its connections, answer as
Rasa's requests do, and survive the server restarting between two calls."""

import asyncio

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from addons.patches import kept_session
from tests.servers import free_port


@pytest.fixture
def patched():
    stock = EndpointConfig.session, EndpointConfig.request
    kept_session.install()
    yield
    EndpointConfig.session, EndpointConfig.request = stock  # type: ignore[method-assign]


async def start_server(port: int) -> web.AppRunner:
    dropped = set()

    async def webhook(request: web.Request) -> web.Response:
        if request.query.get("fail"):
            return web.Response(status=500, text="boom")
        if request.query.get("slow"):
            await asyncio.sleep(0.5)
        drop = request.query.get("drop")
        if drop and drop not in dropped and request.transport:
            dropped.add(drop)  # this connection is reset once, as a busy server may do
            request.transport.close()
            await asyncio.sleep(0.1)
        body = await request.json()
        peer = request.transport.get_extra_info("peername")[1] if request.transport else None
        return web.json_response({"echo": body, "token": request.query.get("token"), "peer": peer})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


async def test_calls_share_one_session_and_connection(patched):
    port = free_port()
    runner = await start_server(port)
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}", token="secret")
    try:
        first = await endpoint.request(json={"n": 1}, subpath="webhook")
        second = await endpoint.request(json={"n": 2}, subpath="webhook")
    finally:
        await kept_session.kept_session(endpoint).close()
        await runner.cleanup()
    assert first["echo"] == {"n": 1} and second["echo"] == {"n": 2}
    assert first["token"] == "secret"  # Rasa's parameters are sent
    assert first["peer"] == second["peer"]  # the same kept-alive connection


async def test_an_error_status_raises_rasas_error(patched):
    port = free_port()
    runner = await start_server(port)
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}")
    try:
        with pytest.raises(ClientResponseError) as raised:
            await endpoint.request(json={}, subpath="webhook", params={"fail": "1"})
    finally:
        await kept_session.kept_session(endpoint).close()
        await runner.cleanup()
    assert raised.value.status == 500


async def test_a_dropped_connection_leaves_the_calls_in_flight_alone(patched):
    # Under load one call's connection is reset while others wait on the same session; closing
    # the session to send that call again failed all of them with "Connector is closed".
    port = free_port()
    runner = await start_server(port)
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}")

    async def dropped_once():
        await asyncio.sleep(0.1)
        return await endpoint.request(json={"n": 99}, subpath="webhook", params={"drop": "a"})

    try:
        waiting = [
            endpoint.request(json={"n": n}, subpath="webhook", params={"slow": "1"})
            for n in range(5)
        ]
        answers = await asyncio.gather(*waiting, dropped_once())
    finally:
        await kept_session.kept_session(endpoint).close()
        await runner.cleanup()
    assert [answer["echo"]["n"] for answer in answers] == [0, 1, 2, 3, 4, 99]


async def test_a_server_restarted_between_calls_still_answers(patched):
    port = free_port()
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}")
    runner = await start_server(port)
    try:
        await endpoint.request(json={"n": 1}, subpath="webhook")
        await runner.cleanup()
        runner = await start_server(port)
        assert (await endpoint.request(json={"n": 2}, subpath="webhook"))["echo"] == {"n": 2}
    finally:
        await kept_session.kept_session(endpoint).close()
        await runner.cleanup()
