"""No policy number or AliExpress label is written into domain.yml: responses take them from
policy.yml as template variables (addons.nlg.PolicyResponses), and every one is filled."""

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import yaml
from rasa.shared.core.domain import Domain

from addons.nlg import PolicyResponses, policy_values
from refund_rules.policy import DisputePolicy, default_policy

PROJECT = Path(__file__).resolve().parents[2]
# Values actions pass with a response (`utter_message(response=..., **values)`).
ACTION_VALUES = {
    "opened", "opened_ago", "days_left", "seller_deadline", "escalation_from", "days_until",
    "seller_last_day", "escalation_reminder_on", "date", "order_date", "step",
    "order_number", "complaint", "product", "dispute_opened", "words",
}  # fmt: skip
# What a buyer may type, quoted as an example: not a policy number.
BUYER_EXAMPLES = ["'3 days ago'"]


def texts(responses: Dict[str, List[Dict[str, Any]]]) -> Iterator[Tuple[str, str]]:
    """(response name, text) for every variation's text and button title and payload."""
    for name, variations in responses.items():
        for variation in variations:
            yield name, variation.get("text") or ""
            for button in variation.get("buttons") or []:
                yield name, button.get("title", "")
                yield name, button.get("payload", "")


def literal_policy(text: str, policy: DisputePolicy) -> List[str]:
    """Policy numbers in a policy context ("5 days", "15-day", "of 5", "five steps") and
    labels written out in `text`."""
    text = " ".join(text.split())
    for example in BUYER_EXAMPLES:
        text = text.replace(example, "")
    found = []
    values = policy_values(policy)
    for name, number in policy.numbers().items():
        for written in (str(number), values[f"{name}_in_words"]):
            pattern = rf"\b{written}(?:[ -](?:days?|steps?)\b)|\bof {written}\b"
            found += re.findall(pattern, text, flags=re.IGNORECASE)
    found += [label for label in vars(policy.labels).values() if label in text]
    return found


def unfilled(text: str) -> List[str]:
    """Placeholders left after rendering that no action fills."""
    return [name for name in re.findall(r"{(\w+)}", text) if name not in ACTION_VALUES]


def problems(domain: Domain, policy: DisputePolicy) -> List[str]:
    found = [
        f"{name}: {literal!r} written out in {text!r}"
        for name, text in texts(domain.responses)
        for literal in literal_policy(text, policy)
    ]
    nlg = PolicyResponses(domain=domain, policy=policy)
    slots = {slot.name: None for slot in domain.slots}
    # A placeholder nothing fills leaves the whole text unfilled (Rasa's interpolator).
    action_values = {name: f"<{name}>" for name in ACTION_VALUES}
    for name in domain.responses:
        rendered = nlg.generate_from_slots(name, slots, "collector", **action_values)
        assert rendered is not None, name
        found += [
            f"{name}: {{{left}}} not filled in {text!r}"
            for _, text in texts({name: [rendered]})
            for left in unfilled(text)
        ]
    return found


def test_domain_yml_takes_every_policy_value_from_the_policy(domain_obj):
    assert problems(domain_obj, default_policy()) == []


def test_every_dispute_step_has_its_response(domain_obj):
    steps = default_policy().dispute_steps
    assert {f"utter_dispute_step_{n}" for n in range(1, steps + 1)} <= set(domain_obj.responses)
    assert f"utter_dispute_step_{steps + 1}" not in domain_obj.responses


def inline_domain(text: str) -> Domain:
    return Domain.from_dict({"responses": {"utter_check": [{"text": text}]}})


@pytest.mark.parametrize(
    "text",
    [
        "The seller has 5 days to respond.",
        "The seller has up to five days.",
        "Escalation opens after 15 days.",
        "It doesn't fit the 15-day rule.",
        "Step 2 of 5: log in.",
        "Opening a dispute takes five steps.",
        "The button is there for three days.",
        "Use 'Contact now' on the seller's page.",
        "Look for 'Dispute in Progress'.",
        "The seller has {seller_response_days} days; use '{label_escalate}'.",  # a typo
    ],
)
def test_a_literal_policy_value_or_a_typo_is_caught(text):
    assert problems(inline_domain(text), default_policy()) != []


@pytest.mark.parametrize(
    "text",
    [
        "The seller has {seller_response_days} days to respond.",
        "Step 2 of {dispute_steps}: go to '{label_my_orders}'.",
        "Opening a dispute takes {dispute_steps_in_words} steps.",
        "When did you open it? For example '3 days ago'.",
        "You opened it on {opened} ({opened_ago}).",
        "1. The seller checks the reason.",
    ],
)
def test_policy_variables_and_other_numbers_pass(text):
    assert problems(inline_domain(text), default_policy()) == []


def test_another_policy_reaches_the_responses(domain_obj, tmp_path):
    content = yaml.safe_load((PROJECT / "policy.yml").read_text())
    content.update(seller_response_days=7, escalation_after_days=20)
    content["labels"]["contact_now"] = "Chat now"
    (tmp_path / "policy.yml").write_text(yaml.safe_dump(content))
    from refund_rules.policy import load_policy

    nlg = PolicyResponses(domain=domain_obj, policy=load_policy(tmp_path / "policy.yml"))

    def render(name: str, **values: Any) -> str:
        rendered = nlg.generate_from_slots(name, {}, "collector", **values)
        assert rendered is not None
        return rendered["text"]

    assert "the seller's 7 days to respond are over" in render(
        "utter_reminder_seller_window_closed"
    )
    assert "it's been 20 days since you opened it" in render("utter_reminder_escalation_available")
    assert "use 'Chat now'" in render("utter_contact_seller")
    # a value the action passes wins over the policy's
    assert "Step 1 of 9" in render("utter_dispute_step_1", dispute_steps="9")
