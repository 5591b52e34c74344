"""Patches of Rasa internals, each written against one Rasa version.

A patch replaces or copies Rasa code, so it is only right for the version it was written
against. `applies_to_installed_rasa` checks that before a patch is installed: on another
version a speed-up disables itself with a warning (Rasa's own code then runs), and a fix
that Rasa needs to work stops the start with a clear message.
"""

import logging

import rasa

logger = logging.getLogger(__name__)

WRITTEN_FOR_RASA = "3.6.21"


class StalePatchError(RuntimeError):
    """A patch that Rasa needs was written for another Rasa version."""


def applies_to_installed_rasa(
    patch: str, required: bool, written_for: str = WRITTEN_FOR_RASA
) -> bool:
    """True when Rasa is the version `patch` was written for.

    Otherwise: a `required` patch raises `StalePatchError`; any other patch logs a warning
    and returns False, so the caller leaves Rasa's own code in place.
    """
    installed = rasa.__version__
    if installed == written_for:
        return True
    message = f"{patch} patches Rasa {written_for} internals, but Rasa {installed} is installed."
    if required:
        raise StalePatchError(
            f"{message} Check the patch against Rasa {installed}'s code, then update it and "
            f"its WRITTEN_FOR_RASA."
        )
    logger.warning(f"{message} It is disabled: Rasa's own code runs instead.")
    return False
