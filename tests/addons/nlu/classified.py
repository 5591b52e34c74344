"""A message as the classifiers before an add-on left it, for the add-ons' tests."""

from typing import Any, Dict, Optional, Sequence, Tuple

from rasa.shared.nlu.training_data.message import Message


def classified(
    text: str,
    ranking: Sequence[Tuple[str, float]],
    entities: Sequence[Dict[str, Any]] = (),
    answer: Optional[Dict[str, Any]] = None,
) -> Message:
    """`text` with its intent ranking (the first is the intent), entities, and the answer the
    answer selector picked for `faq` (`{"intent_response_key": ..., "confidence": ...}`)."""
    message = Message(data={"text": text})
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set("intent", dict(ranked[0]))
    message.set("intent_ranking", ranked)
    message.set("entities", list(entities))
    if answer is not None:
        message.set("response_selector", {"faq": {"response": answer}})
    return message
