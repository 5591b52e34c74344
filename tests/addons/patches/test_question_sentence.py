"""addons/patches/question_sentence.py: the question of a long message is read on its own."""

import pytest

from addons.patches.question_sentence import question_sentence, with_the_question


@pytest.mark.parametrize(
    "text, question",
    [
        (
            "The seller sent an RMA number. Who pays the postage to send it back? It's 25 euros.",
            "Who pays the postage to send it back?",
        ),
        (
            "the sneakers came with glue. do i need photos or a video?",
            "do i need photos or a video?",
        ),
        ("how long does the seller have to answer?", None),  # one sentence: read whole anyway
        ("it came broken. help", None),  # nothing asked
        ("it came broken. why?", None),  # too short to read alone
        ("/ask_dispute_steps", None),
        (
            "no dispute yet. how many days will the seller get once I open one",
            "how many days will the seller get once I open one",
        ),
        (
            "Quick question before I go on: must I send the broken ones back?",
            "must I send the broken ones back?",
        ),
        (
            "one thing - after it's sent, where do I follow it?",
            "after it's sent, where do I follow it?",
        ),
        ("Ordered 3 USB-C cables at 10:30 today, none of them work", None),
    ],
)
def test_the_question_sentence(text, question):
    assert question_sentence(text) == question


WHOLE = {
    "text": "the jacket came too small. who pays the return postage?",
    "intent": {"name": "report_wrong_size", "confidence": 0.3},
    "intent_ranking": [{"name": "report_wrong_size", "confidence": 0.3}],
    "entities": [{"entity": "complaint", "value": "wrong_size"}],
}


def asked(name, confidence):
    return {
        "text": "who pays the return postage?",
        "intent": {"name": name, "confidence": confidence},
        "intent_ranking": [{"name": name, "confidence": confidence}],
        "entities": [],
        "response_selector": {"faq": {"response": {"utter_action": "utter_faq/x"}}},
    }


def test_a_confident_question_gives_the_intent_and_the_facts_stay():
    merged = with_the_question(WHOLE, asked("faq", 0.9))
    assert merged["intent"] == {"name": "faq", "confidence": 0.9}
    assert merged["response_selector"]["faq"]["response"]["utter_action"] == "utter_faq/x"
    assert merged["entities"] == WHOLE["entities"] and merged["text"] == WHOLE["text"]


@pytest.mark.parametrize("name, confidence", [("faq", 0.4), ("thank", 0.9), ("nlu_fallback", 1.0)])
def test_an_unsure_or_non_question_reading_leaves_the_whole(name, confidence):
    assert with_the_question(WHOLE, asked(name, confidence)) is WHOLE


def test_a_deadline_reading_of_the_whole_stays_unless_a_question_is_answered_first():
    whole = dict(WHOLE, intent={"name": "check_deadlines", "confidence": 0.5})
    assert with_the_question(whole, asked("ask_dispute_status", 0.9)) is whole
    assert with_the_question(whole, asked("faq", 0.9)) is whole  # no clear dispute date
    opened = {"entity": "date", "value": "on the 12th", "role": "dispute_opened"}
    dated = dict(whole, entities=[opened])
    assert with_the_question(dated, asked("faq", 0.9))["intent"]["name"] == "faq"


@pytest.mark.parametrize("read_whole", ["next_step", "request_human", "ask_dispute_steps"])
def test_a_whole_that_asks_or_says_something_to_act_on_stays(read_whole):
    text = "I'm logged in now. who pays the return postage?"
    whole = dict(WHOLE, text=text, intent={"name": read_whole, "confidence": 0.4})
    assert with_the_question(whole, asked("faq", 0.9)) is whole


@pytest.mark.parametrize(
    "read_whole, text",
    [
        ("next_step", "Quick question before I carry on: who pays the return postage?"),
        ("previous_step", "one thing - must I send it back?"),
    ],
)
def test_a_step_the_words_dont_tell_gives_way_to_the_question(read_whole, text):
    whole = dict(WHOLE, text=text, intent={"name": read_whole, "confidence": 0.4})
    assert with_the_question(whole, asked("faq", 0.9))["intent"]["name"] == "faq"


@pytest.mark.parametrize("read_whole", ["report_defective", "inform", "nlu_fallback", "greet"])
def test_a_story_gives_way_to_its_question(read_whole):
    whole = dict(WHOLE, intent={"name": read_whole, "confidence": 0.4})
    assert with_the_question(whole, asked("faq", 0.9))["intent"]["name"] == "faq"


def test_of_two_answers_the_surer_one_is_given():
    whole = dict(
        WHOLE,
        intent={"name": "faq", "confidence": 0.6},
        response_selector={"faq": {"response": {"utter_action": "utter_faq/y", "confidence": 0.3}}},
    )
    surer = asked("faq", 0.7)
    surer["response_selector"]["faq"]["response"]["confidence"] = 0.55
    assert (
        with_the_question(whole, surer)["response_selector"]["faq"]["response"]["utter_action"]
        == "utter_faq/x"
    )
    unsure = asked("faq", 0.7)
    unsure["response_selector"]["faq"]["response"]["confidence"] = 0.2
    assert with_the_question(whole, unsure) is whole


def test_a_status_question_after_the_disputes_date_gets_the_standing():
    opened = {"entity": "date", "value": "le 20 novembre", "role": "dispute_opened"}
    story = dict(WHOLE, intent={"name": "report_not_received", "confidence": 0.4})
    merged = with_the_question(dict(story, entities=[opened]), asked("ask_dispute_status", 0.99))
    assert merged["intent"] == {"name": "check_deadlines", "confidence": 0.99}
    assert with_the_question(story, asked("ask_dispute_status", 0.99))["intent"]["name"] == (
        "ask_dispute_status"
    )
