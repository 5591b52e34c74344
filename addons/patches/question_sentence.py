"""A message that tells a story and then asks a question is read twice: whole, for its facts,
and its question alone, for what the buyer asks.

"Good evening. The seller sent me an RMA number for the jacket, which came two sizes too small. Who
pays the postage to send it back?": read whole, the words of the story outweigh the question (the
intent classifier and the ResponseSelector see one bag of word and character n-grams) and the buyer
gets the wrong-size advice. Read alone, "Who pays the postage to send it back?" is a clear
question. So when a message of several sentences asks something, the question sentence is parsed
too; when it gives a question intent with confidence and the whole reads as the story (a complaint,
a fact, nothing sure), the message keeps its entities (dates with their roles, the complaint, the
order number: read in context) and takes the question's intent, ranking and selected answer.
Actions then answer the question and acknowledge the complaint. A whole that already asks or says
something to act on (a step reached, the dispute's date) keeps its reading; a step command the
words don't tell ("Quick question before I carry on: do I have to post them back?") gives way to
the question.

A sentence is one ended by a full stop, a question mark, a colon or a dash; it asks when it ends
with a question mark or opens like a question ("how many days do they get").

A patch of `MessageProcessor.parse_message` (Rasa 3.6.21): Rasa's NLU reads a message as one
unit and has no place for a second reading.
"""

import logging
import re
from typing import Any, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from addons.nlu.dispute_date_told import READ_AS_DEADLINES
from addons.patches import applies_to_installed_rasa
from nlp_pipeline.meaning import asks_a_question, tells_dispute_date
from refund_rules.walkthrough import step_from_words

logger = logging.getLogger(__name__)

# What a question sentence may be read as: questions and requests with an answer of their own.
QUESTION_INTENTS = {
    "faq",
    "request_refund",
    "ask_dispute_steps",
    "ask_dispute_status",
    "ask_escalation",
    "ask_return_process",
    "contact_seller",
    "check_deadlines",
    "request_human",
}
# What the whole of such a message reads as: the story (a complaint, a fact, a greeting) or nothing.
STORY_INTENTS = {"inform", "nlu_fallback", "greet", "thank", "affirm", "out_of_scope"}
STORY_INTENT_PREFIXES = ("report_",)
# Step commands: they give way to the question when the words tell no step.
STEP_INTENTS = {"next_step", "previous_step", "repeat_step", "resume_walkthrough"}
MIN_CONFIDENCE = 0.6
DEADLINES = "check_deadlines"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
# A colon or a dash between words ends a sentence too ("10:30" and "USB-C" stay whole).
_BREAK = re.compile(r":\s+|\s[-\u2013]+\s")
_MIN_WORDS = 3


def question_sentence(text: Text) -> Optional[Text]:
    """The last sentence that asks something, when the message has other sentences too."""
    if not text or text.startswith("/"):
        return None
    sentences = [s.strip() for s in _SENTENCE.findall(_BREAK.sub("\n", text)) if s.strip()]
    if len(sentences) < 2:
        return None
    questions = [s for s in sentences if asks_a_question(s) and len(s.split()) >= _MIN_WORDS]
    return questions[-1] if questions else None


def _gives_way(whole: Dict[Text, Any]) -> bool:
    """Does the whole read as something the question should win over?"""
    read_whole = (whole.get("intent") or {}).get("name") or ""
    text = whole.get("text") or ""
    if read_whole.startswith(STORY_INTENT_PREFIXES) or read_whole in STORY_INTENTS:
        return True
    return read_whole in STEP_INTENTS and step_from_words(text) is None


def _confidence(parsed: Dict[Text, Any]) -> float:
    return float((parsed.get("intent") or {}).get("confidence") or 0.0)


def _answer_confidence(parsed: Dict[Text, Any]) -> float:
    selected = ((parsed.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    return float(selected.get("confidence") or 0.0)


def with_the_question(whole: Dict[Text, Any], asked: Dict[Text, Any]) -> Dict[Text, Any]:
    """`whole` with the intent of `asked` when that is a confident question intent."""
    intent = (asked.get("intent") or {}).get("name")
    if intent not in QUESTION_INTENTS or _confidence(asked) < MIN_CONFIDENCE:
        return whole
    read_whole = (whole.get("intent") or {}).get("name") or ""
    # "the seller rejected it, what now? I opened it on the 12th": the question first, then the
    # standing (action_answer_question)
    answer_then_standing = (
        read_whole == DEADLINES
        and intent == "faq"
        and tells_dispute_date(whole.get("entities") or [])
    )
    if intent == read_whole == "faq" and _answer_confidence(asked) > _answer_confidence(whole):
        # "Quick question before I carry on: do I have to post them back?": the answer the
        # question alone is surer of
        return _with_reading_of(whole, asked)
    if not (_gives_way(whole) or answer_then_standing):
        # the whole already asks or says something to act on ("I found the order. What comes
        # next?" is a step, "where does it stand? I opened it on the 20th" the deadlines)
        return whole
    if intent == read_whole and _confidence(whole) >= _confidence(asked):
        return whole
    merged = _with_reading_of(whole, asked)
    if intent in READ_AS_DEADLINES and tells_dispute_date(whole.get("entities") or []):
        # "I opened my dispute on 20 November, the seller never answered. Where does it stand?":
        # the standing from that day, as for the same words in one sentence (DisputeDateTold)
        merged["intent"] = {"name": DEADLINES, "confidence": _confidence(asked)}
    return merged


def _with_reading_of(whole: Dict[Text, Any], asked: Dict[Text, Any]) -> Dict[Text, Any]:
    """`whole`, its entities kept, with the intent and the answer of `asked`."""
    merged = dict(whole)
    for key in ("intent", "intent_ranking", "response_selector"):
        if key in asked:
            merged[key] = asked[key]
    return merged


_rasa_parse_message = MessageProcessor.parse_message


async def parse_message(
    self: MessageProcessor, message: UserMessage, *args: Any, **kwargs: Any
) -> Dict[Text, Any]:
    whole = await _rasa_parse_message(self, message, *args, **kwargs)
    question = question_sentence(message.text or "")
    if question is None:
        return whole
    alone = UserMessage(question, sender_id=message.sender_id, metadata=message.metadata)
    asked = await _rasa_parse_message(self, alone, *args, **kwargs)
    return with_the_question(whole, asked)


def install() -> None:
    """Read the question of a long message on its own (on another Rasa version: Rasa's own)."""
    if applies_to_installed_rasa("question_sentence", required=False):
        MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]
        logger.info("The question of a message with several sentences is read on its own too.")
