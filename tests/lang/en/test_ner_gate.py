"""The English NER gate: spaCy's NER reads every sentence that can hold an event (and its
context), so skipping the others never loses an event, and it does skip them.

Sentences are hand-written; each event sentence is checked to hold a trigger of the frame
stage (``find_triggers``), so the test fails if the gate and the trigger lexicon drift apart.
"""
from __future__ import annotations

import re

import pytest

from pipeline.doc import Article
from pipeline.lang.en.ner_gate import LEAD_SENTENCES, NEAR, has_event_cue, ner_needed
from pipeline.stages.frames import find_triggers

EVENT_SENTENCES = [
    "Prime Minister Pham Minh Chinh held talks with Japanese Prime Minister Shigeru Ishiba in Tokyo on May 12.",
    # the trigger only in a modifier-extended form: up to three words between the verb and 'talks'
    "The two leaders held frank and productive talks at the Presidential Palace.",
    "President Luong Cuong will pay a state visit to Chile from November 10-12.",
    "Foreign Minister Bui Thanh Son met separately with his counterparts on the sidelines of the summit.",
    "Deputy Prime Minister Tran Hong Ha received Ambassador Marc Knapper in Hanoi on Tuesday.",
    "The two sides signed a memorandum of understanding on education cooperation.",
    "General Secretary To Lam spoke by phone with President Joko Widodo on Friday evening.",
]
NO_EVENT_SENTENCES = [
    "Gold prices edged up slightly in early trading, while heavy rain is forecast for the capital.",
    "Analyst Jonathan Carter said the market had been calm for most of the week.",
    "Farmers in the Mekong Delta expect a record rice harvest this autumn.",
]


@pytest.mark.parametrize("sentence", EVENT_SENTENCES)
def test_every_sentence_with_an_event_word_is_tagged(sentence):
    assert find_triggers(sentence, "en"), "the sentence must hold a trigger for this test to mean anything"
    assert has_event_cue(sentence)


@pytest.mark.parametrize("sentence", NO_EVENT_SENTENCES)
def test_a_sentence_without_an_event_word_is_not_a_cue(sentence):
    assert not find_triggers(sentence, "en")
    assert not has_event_cue(sentence)


def test_the_lead_and_the_sentences_naming_an_event_s_people_are_kept_as_context():
    filler = NO_EVENT_SENTENCES * 2
    sentences = (filler[:LEAD_SENTENCES + 2]
                 + ["Anthony Albanese became leader of the Labor Party in 2019."]       # introduces a person
                 + ["The visit also includes bilateral discussions with Prime Minister Albanese."]
                 + ["Prime Minister Shigeru Ishiba said he was pleased."]               # title and country words only
                 + filler[:2])
    needed = ner_needed(sentences)
    assert find_triggers(sentences[LEAD_SENTENCES + 3], "en")
    assert needed[:LEAD_SENTENCES] == [True] * LEAD_SENTENCES          # headline and lead
    assert needed[LEAD_SENTENCES:LEAD_SENTENCES + 2] == [False, False]  # filler: skipped
    assert needed[LEAD_SENTENCES + 2:LEAD_SENTENCES + 4] == [True, True]  # the full name, and the event
    assert needed[LEAD_SENTENCES + 4:] == [False, False, False]         # shares only 'Prime Minister'


def test_a_name_shared_far_from_any_event_sentence_is_not_context():
    """A long page is many stories: 'Albanese' twenty sentences away is someone else's paragraph."""
    event = "The visit also includes bilateral discussions with Prime Minister Albanese."
    far = "Anthony Albanese became leader of the Labor Party in 2019."
    filler = [NO_EVENT_SENTENCES[0]] * (2 * NEAR)
    sentences = filler[:LEAD_SENTENCES] + [event] + filler + [far]
    needed = ner_needed(sentences)
    assert needed[LEAD_SENTENCES] and not needed[-1]
    assert ner_needed(sentences[:LEAD_SENTENCES + 1] + [far])[-1]   # the same sentence next to it is kept


def test_the_gate_keeps_every_dev_sentence_the_frames_read(shared_dir):
    """Over real English news: wherever a trigger rule matches, the gate's single pattern does too."""
    import json

    checked = 0
    with open(shared_dir / "eval" / "dev" / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                if find_triggers(sentence, "en"):
                    checked += 1
                    assert has_event_cue(sentence), sentence
    assert checked > 50


@pytest.fixture(scope="module")
def backend():
    from pipeline.lang.en.spacy_backend import SpacyBackend

    return SpacyBackend()


@pytest.mark.models
def test_the_backend_tags_only_the_sentences_the_gate_keeps(backend):
    lead = "Vietnam and Japan deepen ties.\nHanoi (VNA) - Officials reviewed the year.\n"
    filler = " ".join(NO_EVENT_SENTENCES) + "\n"
    text = lead + filler * 3 + EVENT_SENTENCES[0] + "\n"
    ((sentences, entities),) = backend.analyse([text])
    event_start = text.index(EVENT_SENTENCES[0])
    assert any(s.start == event_start for s in sentences)
    assert all(text[x.start:x.end] == x.text for x in entities)
    people = {x.text for x in entities if x.label == "PERSON"}
    assert {"Pham Minh Chinh", "Shigeru Ishiba"} <= people          # the event sentence was tagged
    assert "Jonathan Carter" not in people                           # filler far from any event: not tagged


def _summary(events):
    return [(e.type, e.subtype, e.status, e.date_start, e.date_end, e.location_name, e.location_country,
             sorted((p.name, p.role, p.country) for p in e.participants)) for e in events]


def test_a_visit_in_a_long_article_of_filler_keeps_its_actors_date_and_place(pipe):
    visit = ("President Luong Cuong will pay a state visit to Chile from November 10-12 at the invitation of "
             "Chilean President Gabriel Boric.")
    filler_line = " ".join(NO_EVENT_SENTENCES) + "\n"
    head = "Vietnam news digest\n" + filler_line * 700
    text = head + visit + "\n" + filler_line * 700               # ~300,000 characters: several windows
    assert len(text) > 3 * pipe.max_chars
    (short,) = pipe.run([Article("short", visit, "en", "2025-10-01")])
    (long,) = pipe.run([Article("long", text, "en", "2025-10-01")])
    assert long.error is None
    expected = _summary(short.events)
    assert expected and expected[0][0] == "visit" and expected[0][3] == "2025-11-10"
    assert {p[0] for p in expected[0][7]} >= {"Lương Cường", "Gabriel Boric"}
    assert expected[0][5:7] == ("Chile", "CHL")
    assert _summary(long.events) == expected
    assert long.events[0].char_start == len(head)
