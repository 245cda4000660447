"""The Vietnamese profile: its frame cues, name rules, date grammar and letters."""
from __future__ import annotations

from pipeline.lang.base import DateGrammar, LanguageProfile
from pipeline.lang.vi import dates
from pipeline.lang.vi.cues import CUES, SHARED
from pipeline.lang.vi.names import RULES
from pipeline.lang.vi.words import WORDS

PROFILE = LanguageProfile(
    code="vi",
    cues=CUES,
    shared=SHARED,
    names=RULES,
    dates=DateGrammar(candidates=dates.candidates, durations=dates.durations,
                      prefilter_words=dates.PREFILTER_WORDS, join_consecutive="và", join_range="đến|tới",
                      range_from="từ", day_words="ngày|hôm"),
    words=WORDS,
    letters=frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
)
