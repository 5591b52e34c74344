"""addons/nlu/faq_gate.py: `faq` stays only when the ResponseSelector found a fitting answer."""

from rasa.shared.nlu.training_data.message import Message

from addons.nlu.faq_gate import gate


def parsed(answer_confidence: float) -> Message:
    message = Message(data={"text": "ordered a cable, got a toy car instead"})
    message.set("intent", {"name": "faq", "confidence": 0.8})
    message.set(
        "intent_ranking",
        [
            {"name": "faq", "confidence": 0.8},
            {"name": "report_not_as_described", "confidence": 0.15},
            {"name": "report_defective", "confidence": 0.05},
        ],
    )
    message.set(
        "response_selector",
        {"faq": {"response": {"confidence": answer_confidence, "utter_action": "utter_faq/x"}}},
    )
    return message


def test_no_fitting_answer_gives_the_next_intent_its_share():
    message = parsed(answer_confidence=0.1)

    gate(message, threshold=0.2)

    intent = message.get("intent")
    assert intent["name"] == "report_not_as_described"
    assert abs(intent["confidence"] - 0.75) < 1e-9
    names = [ranked["name"] for ranked in message.get("intent_ranking")]
    assert names == ["report_not_as_described", "report_defective", "faq"]


def test_a_fitting_answer_keeps_faq():
    message = parsed(answer_confidence=0.9)

    gate(message, threshold=0.2)

    assert message.get("intent") == {"name": "faq", "confidence": 0.8}


def test_other_intents_are_left_alone():
    message = parsed(answer_confidence=0.0)
    message.set("intent", {"name": "greet", "confidence": 0.9})

    gate(message, threshold=0.2)

    assert message.get("intent") == {"name": "greet", "confidence": 0.9}
