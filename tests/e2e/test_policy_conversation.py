"""Another dispute policy (REFUND_ASSISTANT_POLICY) changes the dates and the wording of a real
conversation; the project's policy.yml gives the guide's. "Today" is Saturday 28 November 2026."""

import uuid
from pathlib import Path

import pytest
import yaml

from tests.servers import RestClient, Servers

PROJECT = Path(__file__).resolve().parents[2]
COMPLAINT = "my parcel never came"
OPENED = "I opened the dispute 3 days ago"  # Wednesday 25 November


def dispute_conversation(bot: RestClient) -> str:
    sender = f"policy-{uuid.uuid4().hex[:8]}"
    assert "'Contact now'" in bot.texts(sender, COMPLAINT)
    return bot.texts(sender, OPENED)


@pytest.mark.servers
def test_seven_and_twenty_days(tmp_path):
    policy = yaml.safe_load((PROJECT / "policy.yml").read_text())
    policy.update(seller_response_days=7, escalation_after_days=20)
    policy_file = tmp_path / "policy.yml"
    policy_file.write_text(yaml.safe_dump(policy))

    with Servers(tmp_path, env={"REFUND_ASSISTANT_POLICY": str(policy_file)}) as servers:
        answer = dispute_conversation(RestClient(servers.url))

    assert "Wednesday 25 November" in answer
    assert "The seller has up to 7 days to respond, so they have 4 days left" in answer
    assert "Wednesday 2 December" in answer  # the seller's 7 days run out
    assert "from Tuesday 15 December (20 days after opening, 17 days from now)" in answer
    assert "Monday 30 November" not in answer and "Thursday 10 December" not in answer


@pytest.mark.servers
def test_the_guides_five_and_fifteen_days(bot):
    answer = dispute_conversation(bot)

    assert "The seller has up to 5 days to respond, so they have 2 days left" in answer
    assert "Monday 30 November" in answer
    assert "from Thursday 10 December (15 days after opening, 12 days from now)" in answer
