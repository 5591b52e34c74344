"""Check custom action results with a validator built once, not once per call.

Rasa 3.6.21's `RemoteAction._validate_action_result` calls `jsonschema.validate`, which
checks the schema itself and builds a new validator on every custom action call: about
28 ms of CPU each time here, most of our per-message latency. `CachedActionValidation`
(credentials.yml) replaces that method with one that applies the same schema through a
validator built once (under 1 ms) and raises the same `ValidationError` with the same
message. A patch, because Rasa offers no hook there; remove it when Rasa builds the
validator once itself.
"""

import functools
import logging
from typing import Any, Dict, List, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import InputChannel
from rasa.shared.constants import DOCS_BASE_URL

from addons.startup_hook import StartupHook

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def action_result_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: Dict[Text, Any]) -> bool:
    """`RemoteAction._validate_action_result`, with the validator built once."""
    try:
        action_result_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


class CachedActionValidation(StartupHook):
    @classmethod
    def name(cls) -> Text:
        return "cached_action_validation"

    async def on_start(self, agent: Any, input_channels: List[InputChannel]) -> None:
        install()
        logger.info("Custom action results are checked with a validator built once.")
