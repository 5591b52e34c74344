"""The chat page (web/) against the real bot, in Debian's headless Chromium.

Starts the action server, `python -m addons run` with the project's socketio channel
(`addons.channels.socketio.SocketIOInput`, session_persistence: true) and the static server
(scripts/serve-web.sh) on free ports, then runs tests/web/web_widget.mjs (playwright-core
from web/node_modules driving /usr/bin/chromium) once and checks its JSON report. The report
and the screenshots go to pytest's temporary folder; the test prints where.

Needs `scripts/install-web.sh` (chromium from apt, `npm ci` in web/). Without it the tests are
skipped, except under CI (CI set), where they fail.

WEB_WIDGET_CHANNEL=socketio runs the same tests against Rasa's stock channel: with
python-socketio >= 5.10 the replies never arrive (rasa issue 13027) and the conversation tests
fail.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from tests.servers import ROOT, Servers, free_port, wait_until_up

CHANNEL = os.environ.get("WEB_WIDGET_CHANNEL", "addons.channels.socketio.SocketIOInput")
CHROMIUM = "/usr/bin/chromium"
WEB = ROOT / "web"
SCRIPT = Path(__file__).with_name("web_widget.mjs")
# The first words of the Spanish greeting (responses/es.yml).
SPANISH_GREETING = " ".join(
    yaml.safe_load((ROOT / "responses" / "es.yml").read_text(encoding="utf-8"))["responses"][
        "utter_greet"
    ][0]["text"].split()[:5]
)

pytestmark = [pytest.mark.browser, pytest.mark.servers]


def _missing_prerequisites() -> list:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(CHROMIUM)
    if shutil.which("node") is None:
        missing.append("node")
    for package in ("playwright-core", "rasa-webchat", "@fontsource/inter"):
        if not (WEB / "node_modules" / package / "package.json").exists():
            missing.append(f"web/node_modules/{package}")
    return missing


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Action server, bot with the socketio channel, static server: their URLs and logs."""
    missing = _missing_prerequisites()
    if missing:
        message = f"missing {', '.join(missing)}: run scripts/install-web.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    workdir = tmp_path_factory.mktemp("web-widget")
    credentials = (
        f"{CHANNEL}:\n"
        "  user_message_evt: user_uttered\n"
        "  bot_message_evt: bot_uttered\n"
        "  session_persistence: true\n"
        "  metadata_key: customData\n"
    )
    web_port = free_port()
    with (
        open(workdir / "web.log", "w") as web_log,
        Servers(workdir, credentials=credentials, rasa_args=["--cors", "*"]) as bot,
    ):
        web = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "serve-web.sh"), str(web_port)],
            cwd=ROOT,
            env={**bot.env, "PYTHON": sys.executable},
            stdout=web_log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{web_port}/index.html", web)
            yield {
                "page": f"http://127.0.0.1:{web_port}/?socketUrl={bot.url}",
                "logs": {"rasa": workdir / "rasa.log"},
            }
        finally:
            web.terminate()
            web.wait(timeout=20)


@pytest.fixture(scope="module")
def report(stack: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the browser script once; its JSON report is what every test below checks."""
    results = tmp_path_factory.mktemp("web-widget")
    done = subprocess.run(
        [
            "node",
            str(SCRIPT),
            "--url",
            stack["page"],
            "--out",
            str(results),
            "--chromium",
            CHROMIUM,
            "--spanish-greeting",
            SPANISH_GREETING,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"web_widget.mjs printed no JSON (exit {done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    result["exit_code"] = done.returncode
    result["out"] = str(results)
    result["rasa_log_tail"] = stack["logs"]["rasa"].read_text()[-2000:]
    (results / "report.json").write_text(json.dumps(result, indent=2))
    return result


def _passed(report: dict, name: str) -> None:
    check = report["checks"].get(name)
    assert check is not None, (
        f"check {name!r} never ran; the browser run stopped earlier: {report.get('error')}\n"
        f"checks: {json.dumps(report['checks'], indent=1)[-3000:]}\n"
        f"rasa log:\n{report['rasa_log_tail']}"
    )
    assert check["ok"], (
        f"check {name!r} failed: {json.dumps(check, indent=1)[-3000:]}\n"
        f"rasa log:\n{report['rasa_log_tail']}"
    )


def test_page_says_what_the_assistant_does(report: dict) -> None:
    _passed(report, "header")
    assert "refund assistant" in report["checks"]["header"]["h1"].lower()


def test_widget_opens_and_the_bot_greets(report: dict) -> None:
    _passed(report, "greeting")


def test_typed_message_gets_the_contact_now_advice(report: dict) -> None:
    _passed(report, "contact_now")


def test_button_starts_the_dispute_walkthrough(report: dict) -> None:
    _passed(report, "walkthrough_button")


def test_reload_keeps_the_history_and_the_session(report: dict) -> None:
    _passed(report, "reload_keeps_history")
    assert report["checks"]["reload_keeps_history"]["greetings"] == 1
    # The bot itself still knows the conversation (same sender id after the reload).
    _passed(report, "session_after_reload")


def test_html_typed_by_the_buyer_is_shown_as_text(report: dict) -> None:
    _passed(report, "html_shown_as_text")
    shown = report["checks"]["html_shown_as_text"]
    assert not shown["injected"] and not shown["bold"] and shown["images"] == 0


def test_phone_viewport_has_no_horizontal_scroll(report: dict) -> None:
    _passed(report, "phone_viewport")
    phone = report["checks"]["phone_viewport"]
    assert phone["innerWidth"] == 390
    assert phone["scrollWidth"] <= phone["clientWidth"]


def test_a_spanish_browser_is_greeted_in_spanish(report: dict) -> None:
    _passed(report, "browser_language_greeting")
    spanish = report["checks"]["browser_language_greeting"]
    assert spanish["language"] == "es-ES"
    assert spanish["placeholder"] == "Cuéntame qué ha pasado..."
    assert not any("I help AliExpress buyers" in text for text in spanish["botMessages"])


def test_everything_comes_from_this_machine(report: dict) -> None:
    assert report["externalRequests"] == []
    assert report["localFonts"], "the local Inter font files were not loaded"
    assert report["pageErrors"] == []


def test_whole_run_passed_and_saved_screenshots(
    report: dict, capsys: pytest.CaptureFixture
) -> None:
    with capsys.disabled():
        print(f"\nweb widget screenshots and report.json: {report['out']}")
    assert report["ok"] and report["exit_code"] == 0, report.get("error")
    names = {Path(shot).name for shot in report["screenshots"]}
    assert {"desktop-conversation.png", "desktop-after-reload.png", "phone-390x844.png"} <= names
    for shot in report["screenshots"]:
        assert Path(shot).stat().st_size > 10_000, shot
