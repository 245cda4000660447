"""Language identification restricted to the languages we support.

py3langid restricted to vi/en classified every sentence and 4-word snippet of
the seed articles correctly at ~10k sentences/s (shared/design/libraries.md).
Mixed articles go by majority of their lines, weighted by length.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.lang import languages, profile, profiles

SUPPORTED = languages()


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid

    langid.set_languages(list(SUPPORTED))  # the module's own identifier, restricted
    return langid


def detect_language(text: str) -> str:
    """A supported language's code by majority over the article's lines (by characters).

    A tie goes to a language that writes no letters of its own (a line without
    them is as likely to be in it); too little text to classify goes to the
    first language whose own letters it holds, else to one that has none.
    """
    votes = {code: 0 for code in SUPPORTED}
    for line in text.splitlines():
        line = line.strip()
        if len(line) < 3:
            continue
        lang, _ = _identifier().classify(line)
        votes[lang] += len(line)
    if not any(votes.values()):
        lowered = text.lower()
        for p in profiles():
            if p.letters and any(c in p.letters for c in lowered):
                return p.code
        return next(p.code for p in profiles() if not p.letters)
    return max(votes, key=lambda k: (votes[k], not profile(k).letters))
