"""Which English sentences spaCy's NER must read: the sentences that can hold an event, and their context.

Only NER's PERSON entities reach the stages (the actor finder vouches with them for names
no title, honorific or gazetteer anchors), and only a sentence with an event word can give
an event. NER is most of spaCy's time, so a sentence with no event word is tagged only
when it is context an event sentence needs: the lead (headline and first sentences), and
any sentence up to ``NEAR`` sentences away that shares a name word with an event sentence
(a window of a long page is not one story), where the person the event
sentence names short ("Prime Minister Albanese") may be introduced in full ("Anthony
Albanese") and is counted for the article's protagonist. Title words, country words,
months and days, and words the text also writes in lower case are not name words. This is
the English analogue of the Vietnamese on-demand NER (``Pipeline.process``), decided
before the actor stage because spaCy tags in one pass.

The event-word test is the frame stage's own ``find_triggers`` (every rule of
``data/lexicons/triggers.tsv``, with the forms its modifiers allow): a sentence the frames
would read an event in is always tagged.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline import lexicon
from pipeline.stages.frames import find_triggers

LEAD_SENTENCES = 3   # headline and lead: where an article introduces its people by full name
NEAR = 10            # a name is looked for this many sentences around an event sentence (an article's span)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_CALENDAR = frozenset("January February March April May June July August September October November December "
                      "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
                      "Friday Saturday Sunday".split())


def has_event_cue(sentence: str, lang: str = "en") -> bool:
    """Whether the frame stage finds a trigger in the sentence (memoised there, so the frames do
    not scan the sentence again)."""
    return bool(find_triggers(sentence, lang))


@lru_cache(maxsize=None)
def _not_names(lang: str) -> frozenset[str]:
    """Capitalised words that name no one: the words of titles and countries, months and days."""
    words = {w for t in lexicon.titles(lang) for w in _WORD.findall(t.text)}
    words |= {w for c in lexicon.country_words(lang) for w in _WORD.findall(c)}
    return frozenset(words | _CALENDAR)


def _name_words(sentence: str, lower: set[str], not_names: frozenset[str]) -> set[str]:
    out = set()
    for w in _WORD.findall(sentence):
        if w[0].isupper():
            w = _POSSESSIVE.sub("", w)
            if w and w not in not_names and w.lower() not in lower:
                out.add(w)
    return out


def ner_needed(sentences: Sequence[str], lang: str = "en") -> list[bool]:
    """For each sentence of one text, in order: whether NER must tag it."""
    cues = [has_event_cue(s, lang) for s in sentences]
    out = list(cues)
    for i in range(min(LEAD_SENTENCES, len(out))):
        out[i] = True
    if all(out):
        return out
    lower = {w for s in sentences for w in _WORD.findall(s) if w.islower()}
    not_names = _not_names(lang)
    cue_names = {i: _name_words(s, lower, not_names) for i, s in enumerate(sentences) if cues[i]}
    for i, s in enumerate(sentences):
        if out[i]:
            continue
        near = [cue_names[j] for j in range(max(0, i - NEAR), min(len(sentences), i + NEAR + 1)) if j in cue_names]
        if near:
            words = _name_words(s, lower, not_names)
            out[i] = any(not words.isdisjoint(n) for n in near)
    return out
