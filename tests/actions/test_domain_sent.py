"""Rasa sends the domain only to the actions marked `send_domain` (selective domain): those that
read it must be marked, or they would run on an empty domain."""

import importlib
import pkgutil

from rasa_sdk import Action
from rasa_sdk.forms import ValidationAction
from rasa_sdk.utils import all_subclasses

import actions
from tests.servers import ROOT, project_endpoint

# Besides the validations that take their slots from the domain: the case summary quotes
# response texts; a change of language reads which responses can be said again.
READS_RESPONSES = {"action_summarise_case", "action_change_language"}


def our_actions() -> set:
    for module in pkgutil.iter_modules(actions.__path__):
        importlib.import_module(f"actions.{module.name}")
    return {cls for cls in all_subclasses(Action) if cls.__module__.startswith("actions.")}


def takes_slots_from_domain(cls: type) -> bool:
    """A validation that doesn't name its slots itself: rasa_sdk reads them from the domain."""
    return issubclass(cls, ValidationAction) and cls.domain_slots.__module__ == "rasa_sdk.forms"


def test_the_domain_goes_to_exactly_the_actions_that_read_it(domain_obj):
    validations = {cls().name() for cls in our_actions() if takes_slots_from_domain(cls)}
    assert validations == {"validate_deadline_form"}
    sent = {
        name
        for name in domain_obj.user_actions
        if domain_obj.does_custom_action_explicitly_need_domain(name)
    }
    assert sent == validations | READS_RESPONSES


def test_selective_domain_is_on_in_both_profiles():
    assert "enable_selective_domain: true" in project_endpoint("action_endpoint")
    scale = (ROOT / "deploy" / "endpoints.scale.yml").read_text()
    assert "enable_selective_domain: true" in scale
