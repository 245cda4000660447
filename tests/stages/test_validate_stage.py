"""Stage ``validate`` on hand-built records: what it refuses, and the text it hands on."""
from __future__ import annotations

import unicodedata

import pytest

from pipeline.doc import Article, Document
from pipeline.stages.registry import Rejected
from pipeline.stages.validate_stage import ValidateStage


def _validate(art: Article, duplicate: bool = False) -> Document:
    return ValidateStage()(Document(source=art, duplicate_id=duplicate))


def test_markup_is_blanked_in_place_and_the_article_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "<p>Thủ tướng &amp; Bộ trưởng</p>")
    doc = _validate(Article("a", decomposed, " VI ", "2025-05-08T10:00:00Z"))
    assert doc.article == Article("a", unicodedata.normalize("NFC", decomposed), "vi", "2025-05-08")
    assert doc.text is not None and len(doc.text) == len(doc.article.text)
    assert doc.text.split() == ["Thủ", "tướng", "&", "Bộ", "trưởng"]
    assert doc.source.text == decomposed  # the article as given stays for the error rows


def test_plain_text_is_handed_on_as_it_is() -> None:
    doc = _validate(Article("a", "Tom & Jerry <3 talks", None, None))
    assert doc.text == "Tom & Jerry <3 talks" and doc.article is not None and doc.article.lang is None


@pytest.mark.parametrize("art, error", [
    (Article("", "text", "en"), "InvalidId"),
    (Article("a", None, "en"), "EmptyText"),  # type: ignore[arg-type]
    (Article("a", "  \n ", "en"), "EmptyText"),
    (Article("a", "<div><br/></div>", "en"), "EmptyText"),
    (Article("a", "12 34 -- !!", "en"), "NoText"),
    (Article("a", "text \ud800", "en"), "InvalidUnicode"),
    (Article("a", "text", 3), "InvalidLang"),  # type: ignore[arg-type]
    (Article("a", "text", "en", "yesterday"), "InvalidPublished"),
])
def test_broken_articles_are_refused_with_their_error_class(art: Article, error: str) -> None:
    with pytest.raises(Rejected) as rej:
        _validate(art)
    assert rej.value.error == error


def test_a_repeated_id_is_refused_before_anything_else_is_checked() -> None:
    with pytest.raises(Rejected, match="duplicate id 'a'") as rej:
        _validate(Article("a", "", "xx"), duplicate=True)
    assert rej.value.error == "DuplicateId"
