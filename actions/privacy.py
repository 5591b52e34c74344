"""The buyer's conversation deleted on request (confirmed first, data/rules/privacy.yml).

The action cancels every reminder of the conversation and says it is deleted; the server erases
the stored events once they are stored (addons/hooks/stored_before_answered.py, which recognises
the response), before the answer leaves.
"""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ReminderCancelled
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.reminders import ReminderKind, reminder_name

ERASED_RESPONSE = "utter_conversation_erased"


class ActionEraseConversation(Action):
    def name(self) -> Text:
        return "action_erase_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response=ERASED_RESPONSE)
        return [
            ReminderCancelled(name=reminder_name(kind, tracker.sender_id)) for kind in ReminderKind
        ]
