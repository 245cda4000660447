"""Reviewed word lists from ``data/lexicons``: titles, event triggers, name cues.

The lists are data, not code: each file is a TSV or text file that a reviewer
can read and extend; this module only loads and compiles them once.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.lang import languages, profile

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
LEXICON_DIR = DATA_DIR / "lexicons"

# Upper-case letters of Vietnamese and English, for "the next word is a name" look-aheads.
UPPER = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
UPPER_CLASS = f"[{UPPER}]"


def _read_tsv(name: str) -> list[dict[str, str]]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=None)
def confidence_cues() -> dict[str, tuple[str, ...]]:
    """The confidence model's cue words (``confidence_cues.tsv``): cue name -> phrases of every
    registered language, both in file order (the cues' order is the order of the model's features)."""
    with open(LEXICON_DIR / "confidence_cues.tsv", encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["lang"] in languages():
            out.setdefault(row["cue"], []).append(row["phrase"])
    return {cue: tuple(phrases) for cue, phrases in out.items()}


def read_list(name: str) -> list[str]:
    """The non-empty, non-comment lines of a word list in ``data/lexicons``."""
    with open(LEXICON_DIR / name, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Title:
    """A title as written in one language, with the key and the country it implies."""

    lang: str
    text: str
    key: str
    country: str | None


@dataclass(frozen=True)
class TriggerRule:
    """A word that announces an event of a type and subtype in one language."""

    lang: str
    type: str
    subtype: str
    regex: re.Pattern[str]


@lru_cache(maxsize=None)
def titles(lang: str) -> tuple[Title, ...]:
    """A language's titles, longest first so a regex alternation prefers the fullest title."""
    rows = [r for r in _read_tsv("titles.tsv") if r["lang"] == lang]
    out = [Title(r["lang"], r["title"], r["key"], r["country"] or None) for r in rows]
    return tuple(sorted(out, key=lambda t: -len(t.text)))


@lru_cache(maxsize=None)
def title_regex(lang: str) -> re.Pattern[str]:
    """One alternation of all titles of a language, longest first, on word boundaries.

    Titles match with their first letter in either case ("President", "president"), all in lower
    case ("the Kenyan foreign minister"), or in any case where the language's profile says its
    press capitalises titles freely ("Nhà Vua", "Thủ Tướng"). "Đại sứ quán" is an embassy, not an
    ambassador.
    """
    alts = []
    for t in titles(lang):
        first, rest = t.text[0], re.escape(t.text[1:]).replace(r"\ ", r"\s+")
        alts.append(f"[{first.upper()}{first.lower()}]{rest}")
        if t.text.lower() != first.lower() + t.text[1:]:  # "the Kenyan foreign minister": all in lower case
            alts.append(re.escape(t.text.lower()).replace(r"\ ", r"\s+"))
    flags = re.IGNORECASE if profile(lang).names.titles_any_case else 0
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])(?! quán)", flags)


@lru_cache(maxsize=None)
def title_lookup(lang: str) -> dict[str, Title]:
    """A language's titles by their whitespace-normalised lower-case text, for matches to look up."""
    return {" ".join(t.text.lower().split()): t for t in titles(lang)}


def _alternation(words) -> str:
    """Escaped alternation, longest first, spaces matching any run of white space."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq) + ")"


@lru_cache(maxsize=None)
def country_words(lang: str) -> tuple[str, ...]:
    """Country names, aliases and demonyms of a language from the gazetteers (for look-aheads
    such as "received the Thai leader"): the gazetteer, not a hand list of a few countries."""
    out = []
    for name in ("countries.tsv", "country_aliases.tsv"):
        with open(DATA_DIR / "gazetteers" / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["lang"] == lang and row.get("ambiguous", "0") != "1" and len(row["name"]) > 2:
                    out.append(row["name"])
    return tuple(out)


@lru_cache(maxsize=None)
def capital_words(lang: str) -> tuple[str, ...]:
    """Capital cities from the place gazetteers (for "travelled to Beijing", "flew to Hanoi"): a
    capital stands for its country as a destination."""
    out = []
    for name in ("places.tsv", "places_manual.tsv"):
        with open(DATA_DIR / "gazetteers" / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["lang"] in (lang, "any") and row["kind"] == "capital" and row.get("ambiguous", "0") != "1" \
                        and len(row["name"]) > 2:
                    out.append(row["name"])
    return tuple(out)


@lru_cache(maxsize=None)
def delegation_cue(lang: str) -> re.Pattern[str]:
    """Words for a delegation ("Đoàn đại biểu", "delegation"), from ``delegation_cues.tsv``."""
    return re.compile("|".join(r["pattern"] for r in _read_tsv("delegation_cues.tsv") if r["lang"] == lang))


@lru_cache(maxsize=None)
def delegation_stops(lang: str) -> frozenset[str]:
    """Words that end a delegation's description ("Đoàn ... sang thăm Trung Quốc", "a delegation
    to China"): a country after them is where it goes, not whose it is."""
    return frozenset(r["word"] for r in _read_tsv("delegation_stops.tsv") if r["lang"] == lang)


@lru_cache(maxsize=None)
def name_particles(lang: str) -> frozenset[str]:
    """Lower-case words that stand inside a personal name between capitalised ones ("Alberto van
    Klaveren", "Mohammed bin Salman"), from ``name_particles.tsv``."""
    return frozenset(r["word"] for r in _read_tsv("name_particles.tsv") if r["lang"] == lang)


@lru_cache(maxsize=None)
def trigger_slots(lang: str) -> dict[str, str]:
    """Word-form slots of ``trigger_slots.tsv`` ({HOLD}: every form of the light verbs), so one
    list of inflections serves every pattern instead of each pattern listing its own."""
    return {r["name"]: r["forms"] for r in _read_tsv("trigger_slots.tsv") if r["lang"] == lang}


def expand_trigger_pattern(pattern: str, lang: str) -> str:
    """Placeholders of ``triggers.tsv``: {UPPER} an upper-case letter (case-sensitive even though
    triggers match in any case), {TITLE} any title of the language, {COUNTRY} any unambiguous
    country name or demonym, {CAPITAL} any unambiguous capital city, and the word-form slots of
    ``trigger_slots.tsv``."""
    for name, forms in trigger_slots(lang).items():
        pattern = pattern.replace("{" + name + "}", f"(?:{forms})")
    return (pattern.replace("{UPPER}", f"(?-i:{UPPER_CLASS})")
            .replace("{TITLE}", _alternation(t.text for t in titles(lang)))
            .replace("{COUNTRY}", _alternation(country_words(lang)))
            .replace("{CAPITAL}", _alternation(capital_words(lang))))


@lru_cache(maxsize=None)
def trigger_rules(lang: str) -> tuple[TriggerRule, ...]:
    """Event-word rules; they match in any case ("Chuyến thăm", "tiếp đại sứ", "Held talks"),
    while their name look-aheads ({UPPER}) stay case-sensitive."""
    rules = []
    for r in _read_tsv("triggers.tsv"):
        if r["lang"] != lang:
            continue
        pattern = expand_trigger_pattern(r["pattern"], lang)
        rules.append(TriggerRule(lang, r["type"], r["subtype"], re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


@lru_cache(maxsize=1)
def vietnamese_surnames() -> frozenset[str]:
    """Vietnamese family names, which make a capitalised run look like a person's name."""
    return frozenset(read_list("vi_surnames.txt"))


@lru_cache(maxsize=None)
def honorifics(lang: str) -> tuple[str, ...]:
    """A language's honorifics, longest first so the longest one matches."""
    words = [r["word"] for r in _read_tsv("honorifics.tsv") if r["lang"] == lang]
    return tuple(sorted(words, key=len, reverse=True))
