"""Which English sentences spaCy's NER must read: the sentences that can hold an event, and their context.

Only NER's PERSON entities reach the stages (the actor finder vouches with them for names
no title, honorific or gazetteer anchors), and only a sentence with an event word can give
an event. NER is most of spaCy's time, so a sentence with no event word is tagged only
when it is context an event sentence needs: the article's lead (headline and first
sentences, where people are introduced with their full names and later named short) and
the sentence right before an event sentence (the antecedent of a short name or of "the
two leaders"). This is the English analogue of the Vietnamese on-demand NER
(``Pipeline.process``), decided before the actor stage because spaCy tags in one pass.

The event-word test is one regular expression, the alternation of every English rule of
``data/lexicons/triggers.tsv`` (the same patterns ``find_triggers`` runs one by one), so a
sentence in which any rule matches (in any modifier-extended form a rule allows) is kept.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline import lexicon

LEAD_SENTENCES = 3   # headline and lead: where an article introduces its people by full name
BEFORE_CUE = 1       # sentences kept before each event sentence


@lru_cache(maxsize=None)
def event_cue(lang: str = "en") -> re.Pattern[str]:
    """Any trigger rule of ``lang``: matches wherever at least one rule matches (the leftmost of them)."""
    rules = lexicon.trigger_rules(lang)
    return re.compile("|".join(f"(?:{r.regex.pattern})" for r in rules), re.IGNORECASE)


def has_event_cue(sentence: str, lang: str = "en") -> bool:
    return event_cue(lang).search(sentence) is not None


def ner_needed(sentences: Sequence[str], lang: str = "en") -> list[bool]:
    """For each sentence of one text, in order: whether NER must tag it."""
    keep = [has_event_cue(s, lang) for s in sentences]
    out = list(keep)
    for i, cue in enumerate(keep):
        if cue:
            for j in range(max(0, i - BEFORE_CUE), i):
                out[j] = True
    for i in range(min(LEAD_SENTENCES, len(out))):
        out[i] = True
    return out
