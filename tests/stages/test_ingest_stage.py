"""Stage ``ingest`` on hand-built records: dateline, reference date and the sentences kept."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from pipeline.doc import Document
from pipeline.stages.ingest_stage import IngestStage, reference_date

from .conftest import line_sentences

TEXT = (" date 2025-05-08 BAKU — Party General Secretary Tô Lâm held talks in Baku.\n0 SHARES Share Tweet\n"
        "The talks went well.")


def test_the_dateline_gives_place_date_and_where_the_body_starts(record: Callable[..., Document]) -> None:
    doc = IngestStage()(record(TEXT, published=None, sentences=line_sentences(TEXT)))
    assert doc.dateline is not None and doc.dateline.place == "BAKU"
    assert (doc.published, doc.reference, doc.reference_source) == ("2025-05-08", dt.date(2025, 5, 8), "dateline")
    # the first sentence starts at the body; the share widget is gone
    assert [s.text for s in doc.sentences or []] == [
        "Party General Secretary Tô Lâm held talks in Baku.", "The talks went well."]
    assert all(TEXT[s.start:s.end] == s.text for s in doc.sentences or [])


def test_the_publication_date_is_the_reference_when_given(record: Callable[..., Document]) -> None:
    doc = IngestStage()(record(TEXT, published="2025-05-09", sentences=line_sentences(TEXT)))
    assert (doc.published, doc.reference, doc.reference_source) == ("2025-05-09", dt.date(2025, 5, 9), "publication")


def test_an_unusable_publication_date_yields_to_the_dateline(record: Callable[..., Document]) -> None:
    doc = IngestStage()(record(TEXT, published="9999-12-31", sentences=line_sentences(TEXT)))
    assert (doc.published, doc.reference, doc.reference_source) == ("9999-12-31", dt.date(2025, 5, 8), "dateline")


@pytest.mark.parametrize("published, day", [
    ("2024-08", dt.date(2024, 8, 15)), ("2024", dt.date(2024, 7, 1)), ("0001-01-01", None), (None, None)])
def test_reference_date_of_partial_and_placeholder_dates(published: str | None, day: dt.date | None) -> None:
    assert reference_date(published) == day
