"""Language identification restricted to the two languages we support.

py3langid restricted to vi/en classified every sentence and 4-word snippet of
the seed articles correctly at ~10k sentences/s (shared/design/libraries.md).
Mixed articles go by majority of their lines, weighted by length.
"""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("vi", "en")
_VI_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid

    langid.set_languages(list(SUPPORTED))  # the module's own identifier, restricted
    return langid


def detect_language(text: str) -> str:
    """'vi' or 'en' by majority over the article's lines (by characters)."""
    votes = {"vi": 0, "en": 0}
    for line in text.splitlines():
        line = line.strip()
        if len(line) < 3:
            continue
        lang, _ = _identifier().classify(line)
        votes[lang] += len(line)
    if not any(votes.values()):
        # too little text to classify: Vietnamese letters decide
        return "vi" if any(c in _VI_LETTERS for c in text.lower()) else "en"
    return max(votes, key=lambda k: (votes[k], k == "en"))
