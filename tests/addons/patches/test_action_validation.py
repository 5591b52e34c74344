"""addons/patches/action_validation.py: the cached validator accepts and refuses what Rasa's
own does."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from addons.patches.action_validation import validate_action_result

GOOD = [
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "dispute_date", "value": "2026-11-25"},
            {"event": "followup", "name": "action_listen"},
            {"event": "reminder", "intent": "EXTERNAL_x", "date_time": "2026-12-01T10:00:00"},
        ],
        "responses": [{"response": "utter_deadline_status", "days_left": 2}],
    },
]
BAD = [
    {"events": [{"event": "no_such_event"}]},
    {"events": "not a list"},
    {"responses": [1, 2]},
]


def stock(result: dict) -> bool:
    return RemoteAction("action_x", None)._validate_action_result(result)


@pytest.mark.parametrize("result", GOOD)
def test_valid_results_pass_as_in_rasa(result):
    assert stock(result) is True
    assert validate_action_result(RemoteAction("action_x", None), result) is True


@pytest.mark.parametrize("result", BAD)
def test_invalid_results_fail_with_rasas_message(result):
    with pytest.raises(ValidationError) as stock_error:
        stock(result)
    with pytest.raises(ValidationError) as ours:
        validate_action_result(RemoteAction("action_x", None), result)
    assert ours.value.message == stock_error.value.message
    assert "Failed to validate Action server response" in ours.value.message
