"""Stage ``ingest``: the dateline, the day relative dates count from, and the sentences worth reading.

The dateline ("HÀ NỘI (VNA) —", "BAKU, May 8 —") gives where the article was
filed and, when the article has no publication date, when; page clutter
(site widgets, share buttons, subscription footers: :func:`clutter_spans`) and the dateline
itself are dropped from the sentences, and sentences a backend split after an
abbreviation are joined again.
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.doc import Document, Sentence
from pipeline.lang.sentences import join_abbreviation_splits
from pipeline.stages.dateline import clutter_spans, home_day, parse_dateline
from pipeline.stages.registry import Resources, register_stage

__all__ = ["IngestStage", "reference_date", "REFERENCE_YEARS"]

REFERENCE_YEARS = (1000, 8999)  # a publication date outside these is not used to resolve relative dates


@register_stage("ingest", requires=("article", "text", "sentences"),
                provides=("dateline", "published", "reference", "reference_source", "sentences"))
class IngestStage:
    """Dateline, publication and reference dates; sentences without clutter or the dateline."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Read the dateline and the dates to resolve against; drop clutter sentences."""
        assert doc.article is not None and doc.text is not None and doc.sentences is not None
        text = doc.text
        dateline = parse_dateline(text)
        published = doc.article.published or dateline.published
        # "May 22, 2016 | 08:33 pm PT" on the page's header: its "today" is 23 May where it was written
        reference = reference_date(home_day(text, published) or published)
        reference_source = "publication" if doc.article.published else "dateline"
        if reference is None and dateline.published:  # a given date no calendar can use (9999-12-31)
            reference = reference_date(dateline.published)  # yields to the article's own dateline
            reference_source = "dateline"
        clutter = clutter_spans(text)
        sentences = [s for s in doc.sentences
                     if not any(cs <= s.start and s.end <= ce for cs, ce in clutter)]
        doc.sentences = split_bodies(text, join_abbreviation_splits(text, sentences), dateline.body_start)
        doc.dateline, doc.published = dateline, published
        doc.reference, doc.reference_source = reference, reference_source
        return doc


def reference_date(published: str | None) -> dt.date | None:
    """The publication date as a date: a month-only date ('2024-08') resolves relative
    expressions against the middle of that month.

    A date near the ends of the calendar (the 0001-01-01 a database writes for "no date")
    is no reference: "yesterday" from it would fall off the calendar (OverflowError)."""
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) >= 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        elif len(parts) == 2:
            day = dt.date(int(parts[0]), int(parts[1]), 15)
        else:
            day = dt.date(int(parts[0]), 7, 1)
    except ValueError:
        return None
    return day if REFERENCE_YEARS[0] <= day.year <= REFERENCE_YEARS[1] else None


def split_bodies(text: str, sentences: list[Sentence], body_start: int) -> list[Sentence]:
    """A sentence that swallowed the dateline starts at the body instead."""
    out = []
    for s in sentences:
        if s.start < body_start < s.end:
            s = Sentence(body_start, s.end, text[body_start:s.end])
        elif s.end <= body_start and re.fullmatch(r"\s*date\s+[\d-]+\s*", s.text):
            continue
        out.append(s)
    return out
