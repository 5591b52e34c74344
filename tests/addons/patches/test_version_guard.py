"""addons/patches/__init__.py: a patch runs only on the Rasa version it was written for.

`rasa.__version__` is monkeypatched to another version: the speed-ups (action validation, kept
sessions) disable themselves with a warning and Rasa's own code stays in place; what Rasa needs
(the start-up hooks, the socketio fix) stops with `StalePatchError` and a clear message.
"""

import logging
from typing import Any, Dict, List

import pytest
import rasa
import rasa.core.run
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import addons
from addons.channels.socketio import SocketIOInput
from addons.hooks import run_hooks
from addons.patches import (
    WRITTEN_FOR_RASA,
    StalePatchError,
    action_validation,
    applies_to_installed_rasa,
    kept_session,
)

ANOTHER_RASA = "3.7.0"


@pytest.fixture
def rasa_as_found(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Whatever a test installs into Rasa is taken out again afterwards."""
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.__dict__["session"])
    monkeypatch.setattr(EndpointConfig, "request", EndpointConfig.__dict__["request"])
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction.__dict__["_validate_action_result"]
    )
    monkeypatch.setattr(rasa.core.run, "serve_application", rasa.core.run.serve_application)
    return monkeypatch


@pytest.fixture
def another_rasa(rasa_as_found: pytest.MonkeyPatch) -> None:
    rasa_as_found.setattr(rasa, "__version__", ANOTHER_RASA)


def rasas_own_code_is_in_place() -> None:
    assert EndpointConfig.__dict__["session"] is not kept_session.session
    assert RemoteAction.__dict__["_validate_action_result"] is not (
        action_validation.validate_action_result
    )


def test_the_patches_were_written_for_the_installed_rasa():
    assert rasa.__version__ == WRITTEN_FOR_RASA
    assert applies_to_installed_rasa("any patch", required=True)


def test_on_the_installed_rasa_the_speed_ups_are_installed(rasa_as_found):
    action_validation.install()
    kept_session.install()
    assert EndpointConfig.__dict__["session"] is kept_session.session
    assert RemoteAction._validate_action_result is action_validation.validate_action_result


def test_a_speed_up_on_another_rasa_disables_itself_with_a_warning(another_rasa, caplog):
    rasas_own_code_is_in_place()
    with caplog.at_level(logging.WARNING, logger="addons.patches"):
        action_validation.install()
        kept_session.install()
    rasas_own_code_is_in_place()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2, warnings
    for patch, warning in zip(["action_validation", "kept_session"], warnings, strict=True):
        assert warning.startswith(
            f"{patch} patches Rasa {WRITTEN_FOR_RASA} internals, but Rasa {ANOTHER_RASA} is "
            "installed."
        )
        assert warning.endswith("It is disabled: Rasa's own code runs instead.")


def test_a_required_patch_on_another_rasa_stops_with_a_clear_message(another_rasa):
    with pytest.raises(StalePatchError) as raised:
        applies_to_installed_rasa("the socketio fix", required=True)
    assert str(raised.value) == (
        f"the socketio fix patches Rasa {WRITTEN_FOR_RASA} internals, but Rasa {ANOTHER_RASA} "
        f"is installed. Check the patch against Rasa {ANOTHER_RASA}'s code, then update it and "
        "its WRITTEN_FOR_RASA."
    )


def test_the_socketio_channel_refuses_another_rasa(another_rasa):
    channel = SocketIOInput.from_credentials({"session_persistence": True})

    async def on_new_message(_: Any) -> None:
        raise AssertionError("no message expected")

    with pytest.raises(StalePatchError, match="socketio's session_request handler"):
        channel.blueprint(on_new_message)


def test_activate_on_another_rasa_stops_before_the_hooks_are_registered(another_rasa):
    stock_serve = rasa.core.run.serve_application
    with pytest.raises(StalePatchError, match="start-up hooks"):
        addons.activate()
    assert rasa.core.run.serve_application is stock_serve
    rasas_own_code_is_in_place()


def test_activate_on_the_installed_rasa_registers_the_hooks_once(rasa_as_found):
    calls: List[Dict[str, Any]] = []

    def serve_application(*args: Any, **kwargs: Any) -> None:  # stands in for Rasa's
        calls.append(kwargs)

    rasa_as_found.setattr(rasa.core.run, "serve_application", serve_application)
    addons.activate()
    addons.activate()  # idempotent: the hooks are added once

    def theirs(*_: Any) -> None: ...

    rasa.core.run.serve_application(
        "model.tar.gz", server_listeners=[(theirs, "before_server_start")]
    )
    assert calls == [
        {
            "server_listeners": [
                (theirs, "before_server_start"),
                (run_hooks, "after_server_start"),
            ]
        }
    ]
