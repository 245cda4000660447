"""Stage ``langid``: the article's language, vi or en; text clearly in another language is refused.

A language the article states is kept when it is one we support; text that is
mostly non-Latin letters (Han, Arabic, Cyrillic, ...), or that py3langid's
unrestricted model places clearly outside vi/en, is reported here, never forced
into vi/en. Otherwise py3langid restricted to vi/en decides
(:mod:`pipeline.stages.langid`).
"""
from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from pipeline.doc import Document
from pipeline.stages.langid import SUPPORTED, detect_language
from pipeline.stages.registry import Rejected, Resources, register_stage
from pipeline.stages.validate_stage import LETTER

__all__ = ["LangidStage", "unsupported_language"]


@register_stage("langid", requires=("article", "text"), provides=("lang",))
class LangidStage:
    """The stated language if supported, else the detected one; an unsupported one is refused."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Set the record's language, or refuse an article in an unsupported one."""
        assert doc.article is not None and doc.text is not None  # the chain check guarantees both
        lang = doc.article.lang
        if lang is not None and lang not in SUPPORTED:
            raise Rejected("UnsupportedLanguage",
                           f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})")
        why = unsupported_language(doc.text, lang)
        if why:
            raise Rejected("UnsupportedLanguage", f"{why}; supported: {', '.join(SUPPORTED)}")
        doc.lang = lang or detect_language(doc.text)
        return doc


# Letters outside the Latin script (Basic Latin, Latin-1, Extended-A/B, IPA, Vietnamese's
# Latin Extended Additional, Extended-C/D/E, full-width Latin).
_NON_LATIN_LETTER = re.compile(
    r"[^\W\d_A-Za-z\u00c0-\u02af\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff"
    r"\uab30-\uab6f\uff21-\uff3a\uff41-\uff5a]")
LANGID_SAMPLE = 200_000     # characters given to the unrestricted language identifier
MIN_LETTERS_FOR_LANGID = 30  # fewer letters: too little to call a language unsupported
VI_EN_FLOOR = 0.02          # vi + en probability below this (unrestricted model): another language


@lru_cache(maxsize=1)
def _open_identifier() -> Any:
    """py3langid's model over all its languages, with probabilities: a second identifier over
    the arrays the vi/en one (stages/langid.py, left restricted) already holds, so the model is
    in memory once (a fresh load would cost ~170 MB more per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from pipeline.stages.langid import _identifier

    try:
        ident = copy.copy(_identifier().IDENTIFIER)  # shares every array and table
        ident.set_languages(None)                    # all languages, on the copy only
        ident._norm_probs = True
        return ident
    except (AttributeError, TypeError, ValueError):  # another py3langid layout: load it again
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else f"U+{ord(ch):04X}"


def unsupported_language(text: str, lang: str | None) -> str | None:
    """Why ``text`` is not Vietnamese or English, or None when it may well be.

    Mostly non-Latin letters (Han, Arabic, Cyrillic, ...) always count; when the
    article names no language, py3langid over all its languages decides a
    Latin-script text is another language only when it gives vi and en together
    less than 2% (short English full of names can look like anything, so the
    bar is set where only clearly foreign text falls).
    """
    letters = len(LETTER.findall(text))
    if not letters:
        return None
    foreign = _NON_LATIN_LETTER.findall(text)
    if 2 * len(foreign) > letters:
        best = _open_identifier().classify(text[:LANGID_SAMPLE])[0]
        script = Counter(_script_of(c) for c in foreign[:10_000]).most_common(1)[0][0]
        return (f"unsupported language {best!r}: {100 * len(foreign) // letters}% of the letters are not "
                f"Latin (mostly {script})")
    if lang is not None or letters < MIN_LETTERS_FOR_LANGID:
        return None
    ranked = dict(_open_identifier().rank(text[:LANGID_SAMPLE]))
    best = max(ranked, key=lambda code: ranked[code])
    if best not in SUPPORTED and sum(ranked.get(code, 0.0) for code in SUPPORTED) < VI_EN_FLOOR:
        return f"unsupported language {best!r} (py3langid p={ranked[best]:.2f}; vi+en p<{VI_EN_FLOOR})"
    return None


