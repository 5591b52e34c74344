"""Rasa's templated responses with the dispute policy's values as template variables.

Set as `nlg: {type: addons.nlg.PolicyResponses}` in the endpoints file. Every response,
uttered by a rule, a form or an action, can then say `{seller_response_days}`,
`{dispute_steps_in_words}` or `{label_contact_now}`; values an action passes win.
"""

from typing import Any, Dict, Optional, Text

from num2words import num2words
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from refund_rules.policy import DisputePolicy, default_policy

__all__ = ["PolicyResponses", "policy_values"]


def policy_values(policy: DisputePolicy, locale: str = "en") -> Dict[Text, Text]:
    """Each number as digits (`dispute_steps`) and in words (`dispute_steps_in_words`), each
    label as `label_<name>` (`label_contact_now`)."""
    values: Dict[Text, Text] = {}
    for name, number in policy.numbers().items():
        values[name] = str(number)
        values[f"{name}_in_words"] = num2words(number, lang=locale)
    for name, label in vars(policy.labels).items():
        values[f"label_{name}"] = label
    return values


class PolicyResponses(TemplatedNaturalLanguageGenerator):
    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        domain: Optional[Domain] = None,
        policy: Optional[DisputePolicy] = None,
    ) -> None:
        # Rasa calls `PolicyResponses(endpoint_config=..., domain=...)`.
        super().__init__((domain or Domain.empty()).responses)
        self.policy_values = policy_values(policy or default_policy())

    def generate_from_slots(
        self,
        utter_action: Text,
        filled_slots: Dict[Text, Any],
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        # generate() comes through here too, with the tracker's slots.
        values = {**self.policy_values, **kwargs}
        return super().generate_from_slots(utter_action, filled_slots, output_channel, **values)
