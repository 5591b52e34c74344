"""action_erase_conversation: says the conversation is deleted and cancels every reminder (the
server erases the stored events: tests/addons/hooks/test_stored_before_answered.py)."""

from actions.privacy import ActionEraseConversation
from actions.reminders import ReminderKind


async def test_erasure_cancels_every_reminder_and_says_so(make_tracker, dispatcher, domain, sent):
    tracker = make_tracker("affirm", slots={"dispute_date": "2026-11-25"})

    events = await ActionEraseConversation().run(dispatcher, tracker, domain)

    assert [e["event"] for e in events] == ["cancel_reminder"] * len(ReminderKind)
    assert {e["name"] for e in events} == {f"{kind.value}:buyer-1" for kind in ReminderKind}
    assert sent(dispatcher) == ["utter_conversation_erased"]
