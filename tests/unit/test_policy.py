"""refund_rules.policy: policy.yml is read and checked; REFUND_ASSISTANT_POLICY picks another."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from refund_rules.deadlines import dispute_standing
from refund_rules.policy import (
    DEFAULT_PATH,
    DisputePolicy,
    Labels,
    PolicyError,
    load_policy,
    policy_path,
)
from refund_rules.reminders import reminders_to_offer
from refund_rules.walkthrough import Command, Move, Outcome, navigate

GUIDE = DisputePolicy(
    seller_response_days=5,
    escalation_after_days=15,
    dispute_steps=5,
    escalation_button_note_days=3,
    labels=Labels(
        contact_now="Contact now",
        my_orders="My Orders",
        open_dispute="Open Dispute",
        dispute_in_progress="Dispute in Progress",
        dispute_finished="Dispute Finished",
        escalate_dispute="Escalate Dispute",
    ),
)


def write_policy(folder: Path, **changes) -> Path:
    """policy.yml with `changes` applied (None removes a key); `labels__x` changes a label."""
    content = yaml.safe_load(DEFAULT_PATH.read_text())
    for key, value in changes.items():
        section, key = (
            (content["labels"], key[8:]) if key.startswith("labels__") else (content, key)
        )
        if value is None:
            section.pop(key)
        else:
            section[key] = value
    path = folder / "policy.yml"
    path.write_text(yaml.safe_dump(content))
    return path


def test_the_project_file_holds_the_guides_values():
    assert load_policy(DEFAULT_PATH) == GUIDE
    assert GUIDE.numbers() == {
        "seller_response_days": 5,
        "escalation_after_days": 15,
        "dispute_steps": 5,
        "escalation_button_note_days": 3,
    }


def test_the_policy_is_frozen():
    with pytest.raises(AttributeError):
        GUIDE.seller_response_days = 7  # type: ignore[misc]


def test_the_environment_names_another_file(tmp_path, monkeypatch):
    other = write_policy(tmp_path, seller_response_days=7, escalation_after_days=20)
    monkeypatch.delenv("REFUND_ASSISTANT_POLICY", raising=False)
    assert policy_path() == DEFAULT_PATH

    monkeypatch.setenv("REFUND_ASSISTANT_POLICY", str(other))

    assert policy_path() == other
    policy = load_policy()
    assert (policy.seller_response_days, policy.escalation_after_days) == (7, 20)
    assert policy.labels == GUIDE.labels


def test_the_rules_follow_another_policy(tmp_path):
    policy = load_policy(write_policy(tmp_path, seller_response_days=7, escalation_after_days=20))
    today = date(2026, 11, 28)

    standing = dispute_standing(date(2026, 11, 25), today, policy)

    assert standing.seller_deadline == date(2026, 12, 2)
    assert standing.seller_days_left == 4
    assert standing.escalation_from == date(2026, 12, 15)
    assert standing.days_until_escalation == 17
    assert [r.on for r in reminders_to_offer(standing)] == [date(2026, 12, 3), date(2026, 12, 15)]


def test_the_walkthrough_follows_the_number_of_steps(tmp_path):
    policy = load_policy(write_policy(tmp_path, dispute_steps=6))
    assert navigate(Command.NEXT, 5, policy) == Move(6, Outcome.MOVED)
    assert navigate(Command.NEXT, 6, policy) == Move(None, Outcome.FINISHED)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"seller_response_days": 0}, "seller_response_days must be a positive whole number"),
        ({"escalation_after_days": -15}, "escalation_after_days must be a positive whole number"),
        ({"dispute_steps": "five"}, "dispute_steps must be a positive whole number, got 'five'"),
        ({"dispute_steps": 5.5}, "dispute_steps must be a positive whole number, got 5.5"),
        ({"escalation_button_note_days": True}, "escalation_button_note_days must be a positive"),
        ({"seller_response_days": None}, "seller_response_days is missing"),
        (
            {"seller_response_days": 15},
            "escalation_after_days (15) must be after the seller's window, "
            "seller_response_days (15)",
        ),
        ({"seller_respons_days": 5}, "unknown key(s) in the file: seller_respons_days"),
        ({"labels__contact_now": "  "}, "labels.contact_now must be a non-empty text"),
        ({"labels__my_orders": None}, "labels.my_orders is missing"),
        ({"labels__dispute_finished": 3}, "labels.dispute_finished must be a non-empty text"),
        ({"labels__escalate": "Escalate"}, "unknown key(s) in labels: escalate"),
    ],
)
def test_a_wrong_value_names_the_file_and_the_key(tmp_path, changes, message):
    path = write_policy(tmp_path, **changes)

    with pytest.raises(PolicyError) as error:
        load_policy(path)

    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("- 5\n- 15\n", "the file must be a mapping"),
        ("seller_response_days: [5\n", "cannot read the policy file"),
        ("", "the file must be a mapping"),
    ],
)
def test_a_broken_file_names_the_file(tmp_path, text, message):
    path = tmp_path / "policy.yml"
    path.write_text(text)

    with pytest.raises(PolicyError, match=message) as error:
        load_policy(path)
    assert str(path) in str(error.value)


def test_a_missing_file_names_the_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read the policy file") as error:
        load_policy(tmp_path / "nowhere.yml")
    assert "nowhere.yml" in str(error.value)
