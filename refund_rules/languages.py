"""The languages the assistant speaks: ISO 639-1 code (the `language` slot's value) and the
locale its dates, numbers and day counts are written in (Babel, num2words)."""

from typing import Optional

ENGLISH = "en"
LOCALES = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr", "ru": "ru", "pl": "pl"}


def locale_of(language: Optional[str]) -> str:
    """The locale for a conversation's language (English when unset or not spoken)."""
    return LOCALES.get(language or ENGLISH, ENGLISH)
