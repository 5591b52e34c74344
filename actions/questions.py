"""Questions about the rules and the ones the guide does not cover (`faq`), answered with what
the buyer's case already says.

The ResponseSelector picks the answer (`utter_faq/<name>`). A question about the deadlines from a
buyer whose dispute date is known ("and by when does the seller have to answer?") gets their own
dates instead of the general rule, and "when does the escalate button show up?" the day they can
escalate, with the guide's unclear note on the button. A question told with the dispute's date
("the seller rejected my dispute, what now? I opened it on the 12th") gets its answer, then where
the dispute stands; one told with a date that says nothing of what it is, the question for the
dispute's date. A complaint told with the question is acknowledged first. A buyer asked for
the dispute's date who says there is no dispute yet is answered and not asked for the date again.
An answer about one complaint type is never given to a message that names another ("ordered a
phone case and got a keychain??" is not the wrong-size advice): that complaint's guidance instead.
"""

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.case import (
    answer_when_to_escalate,
    buyer_locale,
    complaint_named,
    complaint_to_acknowledge,
    current_standing,
    dispute_date_said,
    stored_date,
)
from actions.reminders import ActionCancelReminders, has_reminders
from nlp_pipeline.meaning import says_no_dispute_yet

# The ResponseSelector's answers are the responses `utter_faq/<name>`.
ANSWERS = "utter_faq"
# Answers that the buyer's own dates answer better, once they are known.
ABOUT_THE_DEADLINES = {"utter_faq/seller_response_window", "utter_faq/escalation_rule"}
# "When does the escalate button show up?": the buyer's own day, once known, then the guide's
# unclear note on the button.
ABOUT_THE_ESCALATION_BUTTON = "utter_faq/escalation_button_three_days"
_FORM = "deadline_form"
# "Can you cancel them?" with reminders set is about the reminders, not a dispute to cancel, unless
# the words name the dispute.
ABOUT_CANCELLING = "utter_faq/seller_asks_cancel"
_NAMES_A_DISPUTE = re.compile(r"disput|claim|litige|reclam|спор|sp[oó]r", re.IGNORECASE)
# An answer whose question names days of the week, not a date ("czy licza sie soboty i
# niedziele?").
ABOUT_WEEKDAYS = "utter_faq/weekends"
# Answers about one complaint type.
COMPLAINT_OF_ANSWER = {
    "utter_faq/keep_wrong_size": "wrong_size",
    "utter_faq/marked_delivered": "not_received",
}


def _date_of_nothing_said(tracker: Tracker) -> bool:
    """Did the buyer's latest message give a date without saying what happened on it?"""
    entities = tracker.latest_message.get("entities") or []
    return any(e.get("entity") == "date" and not e.get("role") for e in entities)


def selected_answer(tracker: Tracker) -> Optional[Text]:
    selected = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    answer = (selected.get("response") or {}).get("utter_action")
    return answer if answer and answer.startswith(f"{ANSWERS}/") else None


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answer = selected_answer(tracker)
        in_the_form = (tracker.active_loop or {}).get("name") == _FORM
        if not answer:
            dispatcher.utter_message(response="utter_please_rephrase")
            return []
        text = tracker.latest_message.get("text") or ""
        if (
            answer == ABOUT_CANCELLING
            and has_reminders(tracker)
            and not _NAMES_A_DISPUTE.search(text)
        ):
            # "actually, can you cancel them?"
            return await ActionCancelReminders().run(dispatcher, tracker, domain)
        date_known = stored_date(tracker, "dispute_date") is not None
        if answer in ABOUT_THE_DEADLINES and date_known and not in_the_form:
            return [FollowupAction(_FORM)]
        standing = (
            current_standing(tracker, clock.today())
            if answer == ABOUT_THE_ESCALATION_BUTTON and not in_the_form
            else None
        )
        if standing:
            answer_when_to_escalate(dispatcher, standing, buyer_locale(tracker))
            return []
        named = complaint_named(tracker)
        if named and COMPLAINT_OF_ANSWER.get(answer, named) != named:
            return [FollowupAction("action_explain_complaint")]
        complaint = complaint_to_acknowledge(tracker)
        if complaint:  # "the sneakers came with glue everywhere. do I need photos?"
            dispatcher.utter_message(response=f"utter_noted_complaint_{complaint}")
        dispatcher.utter_message(response=answer)
        if dispute_date_said(tracker) and not in_the_form:  # the form asks again if vague
            return [FollowupAction(_FORM)]
        if (
            _date_of_nothing_said(tracker)
            and answer != ABOUT_WEEKDAYS
            and not date_known
            and not in_the_form
        ):
            # "sprawa jest od 18 listopada a sprzedawca nie odpowiada. kiedy dostanę pieniądze?"
            return [FollowupAction(_FORM)]
        if in_the_form and says_no_dispute_yet(text):
            # "no dispute yet. how many days will they get?": no date to ask for
            return [
                ActiveLoop(None),
                SlotSet("requested_slot", None),
                FollowupAction("action_listen"),
            ]
        return []
