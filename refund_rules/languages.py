"""The languages the assistant speaks: ISO 639-1 code (the `language` slot's value), the locale
its dates, numbers and day counts are written in (Babel, num2words), and where each language
other than English keeps its wording (`responses/<code>.yml`: its AliExpress labels and its
responses, under the names of domain.yml's)."""

import functools
from pathlib import Path
from typing import Any, Dict, Optional

import yaml

ENGLISH = "en"
TRANSLATIONS = Path(__file__).resolve().parents[1] / "responses"
LOCALES = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr", "ru": "ru", "pl": "pl"}


def locale_of(language: Optional[str]) -> str:
    """The locale for a conversation's language (English when unset or not spoken)."""
    return LOCALES.get(language or ENGLISH, ENGLISH)


def read_translations(folder: Path = TRANSLATIONS) -> Dict[str, Dict[str, Any]]:
    """{code: {"labels": ..., "responses": ...}} for every `<code>.yml` in `folder`."""
    return {path.stem: _read(path) for path in sorted(folder.glob("*.yml"))}


@functools.lru_cache(maxsize=None)
def translated_responses(language: str) -> Dict[str, Any]:
    """A language's responses; none for English (domain.yml's) or a language without a file."""
    path = TRANSLATIONS / f"{language}.yml"
    return {} if language == ENGLISH or not path.exists() else _read(path)["responses"]


def _read(path: Path) -> Dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
