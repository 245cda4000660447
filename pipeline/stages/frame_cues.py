"""Cues that frame filling tries on every article, whatever its language.

The cues of one language (tense, intention, hosting, witnessing, document
lists) are in ``pipeline/lang/<code>/cues.py`` and reached through the
article's language profile. These few are tried on every article because
quotes, names and list layouts cross languages: each joins the words that
every registered language contributes (``SharedCueWords``), in registry order.
"""
from __future__ import annotations

import re
from typing import Callable

from pipeline.lang import profiles


def _words(field: str) -> str:
    """The alternatives every language gives for a field; a pattern that never matches when none does."""
    found = [words for p in profiles() if (words := getattr(p.shared, field))]
    return "|".join(found) if found else "(?!)"


# Cues that make a following date not the date of the event in its clause, matched against the text
# before the date: `report` — the day something was said, only the date right after the verb
# ("announced on Monday"); `report_day` — the same when the date is written as a past day
# (PAST_DAY_WORDS: "cho biết hôm 7/5"); `fixed` — a holiday or anniversary named by its date
# ("Quốc khánh 2/9"); otherwise the start of a period, a founding or a taking of office, which governs
# its whole clause, up to a comma, semicolon or bracket ("since the two countries established ties in
# 1992", "kể từ khi thiết lập quan hệ năm 2013"), though an event word inside that clause may still
# take the date ("since Kohl's visit in 1993").
DATE_NOT_EVENT = re.compile(
    rf"(?P<report>(?:{_words('said_before')})\s*$)|(?P<report_day>{_words('said_before_day')})\s*$"
    rf"|(?P<fixed>{_words('holiday')})[^,.;()]{{0,25}}$"
    rf"|(?:{_words('period_start')})[^,.;:()]{{0,90}}$", re.I)
PAST_DAY_WORDS: tuple[str, ...] = tuple(w for p in profiles() for w in p.shared.past_day_words)
# A date right before a verb of saying ("Bộ Ngoại giao ngày 5/5 cho hay …", "the ministry on Monday
# announced that …") is the day something was said, not the day of what was said.
REPORT_AFTER = re.compile(_words("said_after"))
# An opening date, a comma and a short subject before the verb of saying ("Ngày 31/1, Bộ Ngoại giao cho
# biết …", "On Monday, the ministry announced that …"): the day it was said as well, when no event word
# stands in the subject (the caller checks).
REPORT_AFTER_SUBJECT = re.compile(rf"\s*,\s*(?P<subject>[^\W\d_][^,.;:()\n\"“”]{{0,40}}?)(?:{_words('said_after')})")
OBJECT_STOP = re.compile(rf"\b(?:{_words('object_stop')})\b")
GENERIC_DOCS = re.compile(rf"^(?:\d+\s+|{_words('generic_doc_quantity')})?(?:{_words('generic_doc_modifier')})?"
                          rf"(?:{_words('generic_doc_heads')})\b", re.I)
LIST_ITEM = re.compile(r"\s*(?:[-–•+*]|\d+[.)])\s+")  # "- A MoU on ...": an item of a list of documents
HAS_DIGIT = re.compile(rf"\d|{_words('today')}")
PRONOUN_HEAD = re.compile(rf"^\s*(?:{_words('pronoun_head')})\b")
# "..., where he will meet the business community": a pronoun subject of the event word's own clause
PRONOUN_CLAUSE = re.compile(rf"(?:{_words('pronoun_clause')})")
# where a document's name ends: the next list item or clause, a date, the occasion, a participle
TITLE_END = re.compile(rf";|\.\s|\.$|\n|{_words('title_end')}")
_SPLITTERS: tuple[Callable[[str], list[str]], ...] = tuple(
    p.shared.split_counted_list for p in profiles() if p.shared.split_counted_list is not None)


def split_counted_list(title: str) -> list[str]:
    """A title that names several documents by count ("three protocols on A, B, and C") as one
    title per document, by the first language that reads it so; else the title alone."""
    for split in _SPLITTERS:
        parts = split(title)
        if len(parts) > 1:
            return parts
    return [title]
