"""Each language's responses (responses/<code>.yml) say what the English ones say: the same
responses, variations, conditions, button payloads and template variables, no policy number
written out, every AliExpress label, and the NLG picks them by the `language` slot."""

import re
from typing import Any, Dict, List

import pytest
import yaml
from rasa.shared.core.domain import Domain

from addons.nlg import PolicyResponses
from refund_rules.languages import LOCALES, TRANSLATIONS, read_translations
from refund_rules.policy import Labels, default_policy

TRANSLATED = read_translations()
OTHER_LANGUAGES = sorted(set(LOCALES) - {"en"})


def variables(variation: Dict[str, Any]) -> set:
    return set(re.findall(r"{\w+}", yaml.safe_dump(variation, allow_unicode=True)))


def digits(variation: Dict[str, Any]) -> List[str]:
    texts = [variation.get("text") or ""]
    texts += [button.get("title", "") for button in variation.get("buttons") or []]
    return sorted(re.findall(r"\d+", re.sub(r"{\w+}", "", " ".join(texts))))


def test_every_language_has_its_file():
    assert sorted(TRANSLATED) == OTHER_LANGUAGES
    assert {path.stem for path in TRANSLATIONS.glob("*.yml")} == set(OTHER_LANGUAGES)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_language_says_what_english_says(domain_obj: Domain, language: str):
    translation = TRANSLATED[language]
    assert set(translation["labels"]) == set(Labels.__dataclass_fields__)
    assert all(label.strip() for label in translation["labels"].values())
    responses = translation["responses"]
    assert set(responses) == set(domain_obj.responses)
    for name, english in domain_obj.responses.items():
        assert len(responses[name]) == len(english), name
        for theirs, ours in zip(responses[name], english, strict=True):
            assert variables(theirs) == variables(ours), name
            payloads = [b.get("payload") for b in theirs.get("buttons") or []]
            assert payloads == [b.get("payload") for b in ours.get("buttons") or []], name
            for key in ("condition", "conditions", "channel"):
                assert theirs.get(key) == ours.get(key), (name, key)
            # A number the English doesn't write is a policy value written out.
            assert set(digits(theirs)) <= set(digits(ours)), (name, digits(theirs))


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_language_slot_picks_the_responses(domain_obj: Domain, language: str):
    nlg = PolicyResponses(domain=domain_obj, policy=default_policy())
    slots = {slot.name: None for slot in domain_obj.slots}
    english = nlg.generate_from_slots("utter_greet", slots, "collector")
    theirs = nlg.generate_from_slots("utter_greet", {**slots, "language": language}, "collector")
    assert english and theirs
    assert theirs["text"] == TRANSLATED[language]["responses"]["utter_greet"][0]["text"]
    assert theirs["text"] != english["text"]
    forced = nlg.generate_from_slots(
        "utter_greet", {**slots, "language": language}, "collector", language="en"
    )
    assert forced and forced["text"] == english["text"]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_labels_and_numbers_are_the_languages(domain_obj: Domain, language: str):
    nlg = PolicyResponses(domain=domain_obj, policy=default_policy())
    slots = {slot.name: None for slot in domain_obj.slots}
    rendered = nlg.generate_from_slots(
        "utter_dispute_step_3", {**slots, "language": language}, "collector"
    )
    assert rendered is not None
    assert TRANSLATED[language]["labels"]["open_dispute"] in rendered["text"]
    assert "{" not in rendered["text"]
