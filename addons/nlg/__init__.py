"""Rasa's templated responses in the conversation's language, with the dispute policy's values
as template variables.

Set as `nlg: {type: addons.nlg.PolicyResponses}` in the endpoints file. English responses are
the domain's; each other language has one file, `responses/<code>.yml`, with its AliExpress
labels and its responses under the same names. The `language` slot picks the language; a
response a language lacks is said in English. An action may pass `language` to choose one
(the English copy of the case summary).

Every response, uttered by a rule, a form or an action, can say `{seller_response_days}`,
`{dispute_steps_in_words}` (in the conversation's language) or `{label_contact_now}`; values an
action passes win.
"""

from typing import Any, Dict, Optional, Text, Tuple

from num2words import num2words
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from refund_rules.languages import ENGLISH, locale_of, read_translations
from refund_rules.policy import DisputePolicy, default_policy

__all__ = ["PolicyResponses", "policy_values"]

LANGUAGE_SLOT = "language"


def policy_values(
    policy: DisputePolicy, locale: str = "en", labels: Optional[Dict[Text, Text]] = None
) -> Dict[Text, Text]:
    """Each number as digits (`dispute_steps`) and in words (`dispute_steps_in_words`), each
    label as `label_<name>` (`label_contact_now`): the policy's, or `labels` for another
    language."""
    values: Dict[Text, Text] = {}
    for name, number in policy.numbers().items():
        values[name] = str(number)
        values[f"{name}_in_words"] = num2words(number, lang=locale)
    for name, label in {**vars(policy.labels), **(labels or {})}.items():
        values[f"label_{name}"] = label
    return values


class PolicyResponses(TemplatedNaturalLanguageGenerator):
    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        domain: Optional[Domain] = None,
        policy: Optional[DisputePolicy] = None,
        translations: Optional[Dict[Text, Dict[Text, Any]]] = None,
    ) -> None:
        # Rasa calls `PolicyResponses(endpoint_config=..., domain=...)`.
        responses = (domain or Domain.empty()).responses
        super().__init__(responses)
        policy = policy or default_policy()
        self.languages: Dict[Text, Tuple[TemplatedNaturalLanguageGenerator, Dict[Text, Text]]]
        self.languages = {ENGLISH: (self, policy_values(policy))}
        if translations is None:
            translations = read_translations()
        for code, translation in translations.items():
            generator = TemplatedNaturalLanguageGenerator({**responses, **translation["responses"]})
            values = policy_values(policy, locale_of(code), translation["labels"])
            self.languages[code] = (generator, values)

    def generate_from_slots(
        self,
        utter_action: Text,
        filled_slots: Dict[Text, Any],
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        # generate() comes through here too, with the tracker's slots.
        language = str(kwargs.pop(LANGUAGE_SLOT, None) or filled_slots.get(LANGUAGE_SLOT))
        generator, policy_values_ = self.languages.get(language, self.languages[ENGLISH])
        values = {**policy_values_, **kwargs}
        render = super().generate_from_slots if generator is self else generator.generate_from_slots
        return render(utter_action, filled_slots, output_channel, **values)
