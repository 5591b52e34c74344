"""The dispute policy's numbers and AliExpress's labels, read from `policy.yml`.

The file is `policy.yml` beside the project, or the one `REFUND_ASSISTANT_POLICY` names.
It is checked as it is read: a mistake stops the assistant with an error naming the file
and the key.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Dict, Optional, Union

import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "policy.yml"
PATH_VARIABLE = "REFUND_ASSISTANT_POLICY"


class PolicyError(ValueError):
    """The policy file is missing, unreadable or has a wrong value."""


@dataclass(frozen=True)
class Labels:
    """What AliExpress calls its buttons and statuses."""

    contact_now: str
    my_orders: str
    open_dispute: str
    dispute_in_progress: str
    dispute_finished: str
    escalate_dispute: str


@dataclass(frozen=True)
class DisputePolicy:
    seller_response_days: int  # the seller's window; silence until its end means a refund
    escalation_after_days: int  # escalation is possible from this many days after opening
    dispute_steps: int  # steps of opening a dispute
    escalation_button_note_days: int  # the guide's contradicting note on the button
    labels: Labels

    def numbers(self) -> Dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "labels"}


def policy_path() -> Path:
    return Path(os.environ.get(PATH_VARIABLE) or DEFAULT_PATH)


def load_policy(path: Union[Path, str, None] = None) -> DisputePolicy:
    """Read and check the policy file (by default `policy_path()`)."""
    path = Path(path) if path is not None else policy_path()
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PolicyError(f"{path}: cannot read the policy file: {error}") from error
    return _parse(content, path)


@functools.lru_cache(maxsize=None)
def default_policy() -> DisputePolicy:
    """The policy of `policy_path()`, read once per process."""
    return load_policy()


def _parse(content: Any, path: Path) -> DisputePolicy:
    names = [f.name for f in fields(DisputePolicy)]
    section = _mapping(content, path, "the file", names)
    numbers = {name: _positive_int(section, name, path) for name in names if name != "labels"}
    if numbers["escalation_after_days"] <= numbers["seller_response_days"]:
        raise PolicyError(
            f"{path}: escalation_after_days ({numbers['escalation_after_days']}) must be "
            f"after the seller's window, seller_response_days ({numbers['seller_response_days']})"
        )
    label_names = [f.name for f in fields(Labels)]
    labels = _mapping(section.get("labels"), path, "labels", label_names)
    for name in label_names:
        if name not in labels:
            raise PolicyError(f"{path}: labels.{name} is missing")
        value = labels[name]
        if not isinstance(value, str) or not value.strip():
            raise PolicyError(f"{path}: labels.{name} must be a non-empty text, got {value!r}")
    return DisputePolicy(
        **numbers, labels=Labels(**{name: labels[name].strip() for name in label_names})
    )


def _mapping(value: Any, path: Path, what: str, keys: list) -> Dict[str, Any]:
    if not isinstance(value, dict):
        raise PolicyError(f"{path}: {what} must be a mapping of {', '.join(keys)}")
    unknown = sorted(set(map(str, value)) - set(keys))
    if unknown:
        raise PolicyError(f"{path}: unknown key(s) in {what}: {', '.join(unknown)}")
    return value


def _positive_int(section: Dict[str, Any], name: str, path: Path) -> int:
    if name not in section:
        raise PolicyError(f"{path}: {name} is missing")
    value: Optional[Any] = section[name]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise PolicyError(f"{path}: {name} must be a positive whole number, got {value!r}")
    return value
