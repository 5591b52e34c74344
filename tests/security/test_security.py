"""Security defaults: the action server's host and token, the HTTP API, masked order numbers,
nothing secret in git.

The action server's token check (`actions/__main__.py::build_app`) is tested in-process with
Sanic's ASGI test client; the `servers` tests check what only the running processes show.
"""

import re
import subprocess
import uuid

import pytest
import requests
import sanic_testing  # noqa: F401 - Sanic's test clients; also lets rasa-sdk's app name repeat
import yaml
from sanic import Sanic

from actions.__main__ import build_app
from log_masking import mask_order_numbers
from tests.servers import ROOT, RestClient, Servers

ORDER = "8123456789012345"


def listening_addresses(port: int) -> list:
    """The local addresses of the sockets listening on `port`."""
    lines = subprocess.run(
        ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [line.split()[3] for line in lines]


def test_mask_keeps_the_last_four_digits():
    assert mask_order_numbers(f"order {ORDER}.") == "order ************2345."
    assert mask_order_numbers("#3012345678901234") == "#************1234"
    assert mask_order_numbers("12345 and 20261128") == "12345 and 20261128"  # not orders


@pytest.mark.servers
def test_defaults_action_server_on_loopback_api_off_order_numbers_masked(tmp_path):
    with Servers(tmp_path, rasa_args=["--debug", "--logging-config-file", "logging.yml"]) as bot:
        assert listening_addresses(bot.action_port) == [f"127.0.0.1:{bot.action_port}"]
        sender = f"sec-{uuid.uuid4().hex[:8]}"
        answer = RestClient(bot.url).texts(sender, f"my order {ORDER} never arrived")
        assert "Contact now" in answer
        # The HTTP API is off unless asked for.
        assert (
            requests.get(f"{bot.url}/conversations/{sender}/tracker", timeout=5).status_code == 404
        )
        bot.stop()
        logs = bot.log_path("rasa").read_text() + bot.log_path("actions").read_text()
    assert "************2345" in logs  # the message was logged (debug), masked
    assert ORDER not in logs


@pytest.fixture
def action_server() -> Sanic:
    return build_app("action-secret")


@pytest.mark.parametrize(
    "path, headers, status",
    [
        ("/health", {}, 200),
        ("/actions", {}, 401),
        ("/actions?token=wrong", {}, 401),
        ("/actions?token=action-secret", {}, 200),
        ("/actions", {"Authorization": "Bearer action-secret"}, 200),
        ("/actions", {"Authorization": "Bearer wrong"}, 401),
        ("/actions", {"Authorization": "action-secret"}, 401),
        ("/webhook", {}, 401),
    ],
)
async def test_the_token_protects_the_action_server_but_its_health(
    action_server, path, headers, status
):
    method = action_server.asgi_client.post if path == "/webhook" else action_server.asgi_client.get
    _, reply = await method(path, headers=headers)
    assert reply.status_code == status, reply.text
    if status == 401:
        assert reply.json == {"error": "missing or wrong token"}


async def test_without_a_token_the_action_server_is_open():
    _, reply = await build_app(None).asgi_client.get("/actions")
    assert reply.status_code == 200 and "action_explain_complaint" in reply.text


@pytest.mark.servers
def test_token_protects_the_action_server_and_the_api(tmp_path):
    servers = Servers(
        tmp_path,
        endpoints_extra="",
        env={"ACTION_SERVER_TOKEN": "action-secret"},
        enable_api=True,
        rasa_args=["--auth-token", "api-secret"],
    )
    # Rasa sends the token as `token:` of the action endpoint.
    endpoints = yaml.safe_load(servers.endpoints_file.read_text())
    assert endpoints["action_endpoint"]["url"].endswith(f":{servers.action_port}/webhook")
    endpoints["action_endpoint"]["token"] = "action-secret"
    servers.endpoints_file.write_text(yaml.safe_dump(endpoints))
    with servers as bot:
        actions = f"http://127.0.0.1:{bot.action_port}"
        # `python -m actions` reads ACTION_SERVER_TOKEN (the check itself is tested above).
        assert requests.get(f"{actions}/health", timeout=5).status_code == 200
        assert requests.get(f"{actions}/actions", timeout=5).status_code == 401
        # Rasa's own calls carry the token, so custom actions still run.
        sender = f"sec-{uuid.uuid4().hex[:8]}"
        assert "Contact now" in RestClient(bot.url).texts(sender, "my parcel never came")
        tracker = f"{bot.url}/conversations/{sender}/tracker"
        assert requests.get(tracker, timeout=5).status_code == 401
        assert requests.get(f"{tracker}?token=api-secret", timeout=5).ok


SECRET_PATTERNS = {
    "Telegram bot token": re.compile(r"\b\d{8,10}:[A-Za-z0-9_-]{35}\b"),
    "Slack token": re.compile(r"\bxox[abposr]-\d+-\d+-[A-Za-z0-9]+"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
}
NEVER_TRACKED = re.compile(
    r"(^|/)(models|results|node_modules|\.rasa|\.venv)/|\.(db|sqlite3?|tar\.gz)$"
)


def tracked_files() -> list:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in listing.stdout.split("\0") if name]


def test_no_secrets_models_or_databases_in_git():
    files = tracked_files()
    assert "credentials.yml" in files  # the listing works
    assert [name for name in files if NEVER_TRACKED.search(name)] == []
    found = []
    for name in files:
        path = ROOT / name
        if not path.is_file() or path.suffix in (".png", ".lock", ".json"):
            continue
        text = path.read_text(errors="ignore")
        found += [(name, kind) for kind, pattern in SECRET_PATTERNS.items() if pattern.search(text)]
    assert found == []


def test_channel_secrets_in_credentials_come_from_the_environment():
    credentials = (ROOT / "credentials.yml").read_text()
    for key in ("access_token", "slack_token", "slack_signing_secret", "secret_token"):
        for line in credentials.splitlines():
            if f"{key}:" in line:
                assert re.search(rf"{key}: \$\{{[A-Z_]+\}}\s*$", line), line
