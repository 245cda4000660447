"""Per-language profiles, looked up by language code.

Shared stages never test a language code: they ask ``profile(lang)`` for the
language's cues, date grammar and name rules, each defined under
``pipeline/lang/<code>/``. A language is added by writing its profile module
and registering it here; the profile modules are imported on first use, so
importing this package (as every backend does) costs nothing.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.lang.base import LanguageProfile

# code -> "module:attribute" of its LanguageProfile. The order is the order in which a text of
# unknown language is tried by every language's rules (dates of a dateline), so it is kept.
_REGISTRY: dict[str, str] = {
    "vi": "pipeline.lang.vi.profile:PROFILE",
    "en": "pipeline.lang.en.profile:PROFILE",
}


class UnsupportedLanguage(ValueError):
    """No profile is registered for this language code."""


def languages() -> tuple[str, ...]:
    """The codes of the supported languages, in registry order."""
    return tuple(_REGISTRY)


def has_profile(lang: object) -> bool:
    """Whether ``lang`` is the code of a supported language."""
    return isinstance(lang, str) and lang in _REGISTRY


@lru_cache(maxsize=None)
def profile(lang: str) -> "LanguageProfile":
    """The profile of one language; ``UnsupportedLanguage`` for an unknown code."""
    try:
        target = _REGISTRY[lang]
    except (KeyError, TypeError):
        raise UnsupportedLanguage(f"no language profile for {lang!r}; supported: {languages()}") from None
    module_name, attr = target.split(":")
    found: LanguageProfile = getattr(importlib.import_module(module_name), attr)
    if found.code != lang:
        raise UnsupportedLanguage(f"{target} is the profile of {found.code!r}, registered as {lang!r}")
    return found


def profiles() -> tuple["LanguageProfile", ...]:
    """Every registered profile, in registry order."""
    return tuple(profile(code) for code in _REGISTRY)


def joined(field: str, group: str = "words") -> str:
    """The regular-expression alternatives every language gives for a field of its ``StageWords``
    (or of another part of its profile, ``group``), in registry order; a pattern that never matches
    when no language gives any."""
    found = [words for p in profiles() if (words := getattr(getattr(p, group), field))]
    return "|".join(found) if found else "(?!)"


def word_set(field: str, group: str = "words") -> frozenset[str]:
    """The words every language gives for a tuple field of its ``StageWords`` (or of ``group``)."""
    return frozenset(w for p in profiles() for w in getattr(getattr(p, group), field))
