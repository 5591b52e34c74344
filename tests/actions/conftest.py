"""Fixtures for the action tests: the real domain, rasa_sdk trackers, a dispatcher, a pinned today.

Trackers are built the way the Rasa server sends them to the action server: every domain
slot present (None unless given), latest_message with `intent`, `intent_ranking`
(rasa_sdk's get_intent_of_latest_message reads the ranking) and `entities`.
"""

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.slot_mappings import ValidateSlotMappings
from addons.nlg import PolicyResponses

PROJECT = Path(__file__).resolve().parents[2]
PINNED_TODAY = "2026-11-28"  # a Saturday


@pytest.fixture(scope="session")
def domain_obj() -> Domain:
    # The brief: Domain.load("domain.yml") with /work/main as cwd.
    assert Path.cwd().resolve() == PROJECT, "run pytest from the project directory"
    return Domain.load("domain.yml")


@pytest.fixture(scope="session")
def domain(domain_obj) -> dict[str, Any]:
    return domain_obj.as_dict()


@pytest.fixture(autouse=True)
def today(monkeypatch) -> str:
    """Pin actions.clock.today() for every action test."""
    monkeypatch.setenv("REFUND_ASSISTANT_TODAY", PINNED_TODAY)
    return PINNED_TODAY


@pytest.fixture
def pin_today(monkeypatch):
    def pin(iso: str) -> None:
        monkeypatch.setenv("REFUND_ASSISTANT_TODAY", iso)

    return pin


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def user_event(intent: str, entities: list[dict] | None = None, text: str = "") -> dict:
    return {
        "event": "user",
        "timestamp": None,
        "text": text,
        "parse_data": {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": [{"name": intent, "confidence": 1.0}],
            "entities": entities or [],
        },
    }


def action_event(name: str) -> dict:
    return {"event": "action", "timestamp": None, "name": name}


def slot_event(name: str, value: Any) -> dict:
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


def entity(name: str, value: str, role: str | None = None) -> dict:
    found = {
        "entity": name,
        "value": value,
        "start": 0,
        "end": len(value),
        "extractor": "SpacyEntityExtractor",
    }
    return dict(found, role=role) if role else found


@pytest.fixture
def ev() -> SimpleNamespace:
    """Event and entity builders: ev.user, ev.action, ev.slot, ev.entity."""
    return SimpleNamespace(user=user_event, action=action_event, slot=slot_event, entity=entity)


@pytest.fixture
def make_tracker(domain):
    """Build a rasa_sdk Tracker; `events` default to a listen followed by the user turn."""

    def make(
        intent: str | None = None,
        entities: list[dict] | None = None,
        slots: dict[str, Any] | None = None,
        events: list[dict] | None = None,
        text: str = "",
        active_loop: dict[str, Any] | None = None,
    ) -> Tracker:
        all_slots = {name: None for name in domain["slots"]}
        all_slots["requested_slot"] = None
        unknown = set(slots or {}) - set(all_slots)
        assert not unknown, f"slots not in domain.yml: {unknown}"
        all_slots.update(slots or {})
        latest = (
            user_event(intent, entities, text)["parse_data"]
            if intent is not None
            else {"text": text, "intent": {}, "intent_ranking": [], "entities": entities or []}
        )
        if events is None:
            events = [action_event("action_listen")]
            if intent is not None:
                events.append(user_event(intent, entities, text))
        return Tracker(
            sender_id="buyer-1",
            slots=all_slots,
            latest_message=latest,
            events=events,
            paused=False,
            followup_action=None,
            active_loop=active_loop or {},
            latest_action_name="action_listen",
        )

    return make


@pytest.fixture
def sent(domain):
    """The response names a dispatcher sent, after checking each exists in domain.yml."""

    def sent(dispatcher: CollectingDispatcher) -> list[str]:
        names = [m["response"] for m in dispatcher.messages]
        assert all(m["text"] is None for m in dispatcher.messages), "actions send responses"
        missing = [n for n in names if n not in domain["responses"]]
        assert not missing, f"responses not in domain.yml: {missing}"
        return names

    return sent


@pytest.fixture
def extracted(make_tracker, domain):
    """A tracker after action_validate_slot_mappings, as Rasa runs it after a message: `slots`
    are the candidates just extracted (the buyer's words), the tracker has the validated values.
    What the validation says goes to the dispatcher given, if any."""

    async def extract(
        intent: str | None = None,
        slots: dict[str, Any] | None = None,
        dispatcher: CollectingDispatcher | None = None,
        **kwargs: Any,
    ) -> Tracker:
        tracker = make_tracker(intent, slots=slots, **kwargs)
        tracker.events.extend(slot_event(name, value) for name, value in (slots or {}).items())
        events = await ValidateSlotMappings().run(
            dispatcher or CollectingDispatcher(), tracker, domain
        )
        validated = {**(slots or {}), **{e["name"]: e["value"] for e in events}}
        return make_tracker(intent, slots=validated, **kwargs)

    return extract


@pytest.fixture
def render(domain_obj):
    """Render a sent message like Rasa does (addons.nlg.PolicyResponses): slots and the
    policy's values, overridden by the message's values."""
    nlg = PolicyResponses(domain=domain_obj)

    def render(message: dict[str, Any], tracker: Tracker) -> dict[str, Any]:
        values = {k: v for k, v in message.items() if k not in ("response", "template")}
        out = nlg.generate_from_slots(
            message["response"], dict(tracker.slots), "collector", **values
        )
        assert out is not None, message["response"]
        assert "{" not in out["text"], f"placeholder left unfilled: {out['text']}"
        return out

    return render
