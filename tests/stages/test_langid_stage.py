"""Stage ``langid`` on hand-built records: the stated language, the detected one, and refusals."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.doc import Document
from pipeline.stages.langid_stage import LangidStage
from pipeline.stages.registry import Rejected

VI = "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Singapore tại Hà Nội ngày 8/5."
EN = "Prime Minister Pham Minh Chinh held talks with the Prime Minister of Singapore in Hanoi."


def test_a_supported_stated_language_is_kept(record: Callable[..., Document]) -> None:
    assert LangidStage()(record(EN, lang="vi")).lang == "vi"


@pytest.mark.parametrize("text, lang", [(VI, "vi"), (EN, "en")])
def test_an_unstated_language_is_detected(record: Callable[..., Document], text: str, lang: str) -> None:
    doc = record(text, lang=None)
    doc.lang = None
    assert LangidStage()(doc).lang == lang


@pytest.mark.parametrize("text, lang, why", [
    (EN, "fr", "unsupported language 'fr'"),
    ("Президент России встретился с премьер-министром Вьетнама в Москве.", None, "not Latin"),
])
def test_other_languages_are_refused(record: Callable[..., Document], text: str, lang: str | None,
                                     why: str) -> None:
    doc = record(text, lang=lang)
    doc.lang = None
    with pytest.raises(Rejected, match=why) as rej:
        LangidStage()(doc)
    assert rej.value.error == "UnsupportedLanguage"
