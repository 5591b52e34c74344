"""Conversations live in SQLite: a restart in the middle of the deadline questions loses nothing."""

import uuid

from tests.servers import RestClient, Servers, tracker_store_on


def test_conversation_continues_after_the_server_is_killed(tmp_path):
    endpoints = tracker_store_on(tmp_path / "conversations.db")
    sender = f"persist-{uuid.uuid4().hex[:8]}"
    with Servers(tmp_path, endpoints_extra=endpoints) as bot:
        rest = RestClient(bot.url)
        rest.texts(sender, "my earbuds never arrived, order 8123456789012345")
        assert "When did you open" in rest.texts(sender, "how many days does the seller have left?")
        bot.kill_rasa()  # SIGKILL: no clean shutdown
        bot.start_rasa()
        # The form is still waiting for the date, and the order number is still known.
        answer = rest.texts(sender, "2 days ago")
        assert "they have 3 days left" in answer
        summary = rest.texts(sender, "can I speak to a human")
        assert "Order number: 8123456789012345" in summary
        assert "Problem: item not received" in summary
