"""The English profile: its frame cues, name rules, date grammar; English writes no letters of its own."""
from __future__ import annotations

from pipeline.lang.base import DateGrammar, LanguageProfile
from pipeline.lang.en import dates
from pipeline.lang.en.cues import CUES, SHARED
from pipeline.lang.en.names import RULES
from pipeline.lang.en.words import WORDS

PROFILE = LanguageProfile(
    code="en",
    cues=CUES,
    shared=SHARED,
    names=RULES,
    dates=DateGrammar(candidates=dates.candidates, durations=dates.durations,
                      prefilter_words=dates.PREFILTER_WORDS, join_consecutive="and",
                      join_range="to|until|till|through", range_from="from|between", day_words="on"),
    words=WORDS,
    letters=frozenset(),
)
