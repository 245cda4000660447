"""people.tsv: structural rules of the table and a few leaders added by office.

The table is hand-written (see data/gazetteers/SOURCES.md): every row must name
a state by a known ISO3 code (or none, for officials of international
organisations), no written form may name two people, and no alias may be a
short single word that would match ordinary text or any bearer of a surname.
"""
from __future__ import annotations

import csv

import pytest

from pipeline.stages.actors import ActorFinder
from pipeline.stages.gazetteer import DATA_DIR, PeopleGazetteer, fold


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows("people.tsv")
ISO3 = {r["iso3"] for r in _rows("countries.tsv")}


def _forms(row: dict[str, str]) -> list[str]:
    return [row["canonical"], *(a.strip() for a in row["aliases"].split("|") if a.strip())]


# ---------------------------------------------------------------------------
# structure

def test_every_country_is_a_valid_iso3_code_from_countries_tsv() -> None:
    bad = [(r["canonical"], r["country"]) for r in ROWS if r["country"] and r["country"] not in ISO3]
    assert bad == []


def test_canonical_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for r in ROWS:
        key = fold(r["canonical"])
        assert key not in seen, f"{r['canonical']!r} repeats {seen[key]!r}"
        seen[key] = r["canonical"]


def test_no_written_form_names_two_people() -> None:
    owner: dict[str, str] = {}
    for r in ROWS:
        for form in _forms(r):
            key = fold(form)
            assert owner.setdefault(key, r["canonical"]) == r["canonical"], \
                f"{form!r} names both {owner[key]!r} and {r['canonical']!r}"


def test_no_alias_is_a_short_single_word() -> None:
    short = [(r["canonical"], f) for r in ROWS for f in _forms(r)
             if len(fold(f).split()) == 1 and len(f) <= 4]
    assert short == []


def test_every_row_has_a_source_note_and_no_empty_alias() -> None:
    for r in ROWS:
        assert r["source_note"].strip(), r["canonical"]
        assert all(a.strip() for a in r["aliases"].split("|")) if r["aliases"] else True, r["canonical"]
        assert r["canonical"] == r["canonical"].strip()


# ---------------------------------------------------------------------------
# behaviour: leaders listed by office resolve with their state

@pytest.mark.parametrize("name, canonical, country", [
    ("William Ruto", "William Ruto", "KEN"),
    ("Ngô Bang Quốc", "Wu Bangguo", "CHN"),
    ("Giả Khánh Lâm", "Jia Qinglin", "CHN"),
    ("Lý Hiển Long", "Lee Hsien Loong", "SGP"),
    ("Kim Dae Jung", "Kim Dae-jung", "KOR"),
    ("Junichiro Koizumi", "Koizumi Junichiro", "JPN"),
    ("Chum-ma-ly Xay-nha-xỏn", "Choummaly Sayasone", "LAO"),
    ("Hêng Xom-rin", "Heng Samrin", "KHM"),
    ("Andres Manuel Lopez Obrador", "Andrés Manuel López Obrador", "MEX"),
    ("Trần Đức Lương", "Trần Đức Lương", "VNM"),
])
def test_added_leaders_resolve_to_their_state(name: str, canonical: str, country: str) -> None:
    p = PeopleGazetteer.load().lookup(name)
    assert p is not None
    assert (p.canonical, p.country) == (canonical, country)


@pytest.mark.parametrize("name", ["Ban Ki-moon", "Kofi Annan", "Surin Pitsuwan", "Mark Rutte"])
def test_international_officials_and_dual_roles_carry_no_state(name: str) -> None:
    p = PeopleGazetteer.load().lookup(name)
    assert p is not None and p.country is None


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "President William Ruto held talks with Prime Minister Pham Minh Chinh in Hanoi on Monday.",
     {"William Ruto": "KEN", "Phạm Minh Chính": "VNM"}),
    ("vi", "Thủ tướng Phạm Minh Chính hội kiến Tổng thống William Ruto tại Nairobi.",
     {"William Ruto": "KEN", "Phạm Minh Chính": "VNM"}),
    ("en", "Foreign Minister Bui Thanh Son met Annalena Baerbock on the sidelines of the meeting.",
     {"Bùi Thanh Sơn": "VNM", "Annalena Baerbock": "DEU"}),
    ("vi", "Chủ tịch Quốc hội Nguyễn Phú Trọng hội đàm với Ủy viên trưởng Ngô Bang Quốc.",
     {"Nguyễn Phú Trọng": "VNM", "Wu Bangguo": "CHN"}),
    ("vi", "Chủ tịch nước Trần Đức Lương tiếp Tổng thống Kim Dae Jung.",
     {"Trần Đức Lương": "VNM", "Kim Dae-jung": "KOR"}),
])
def test_added_leader_gets_the_country_from_the_gazetteer(lang: str, text: str,
                                                          expected: dict[str, str]) -> None:
    actors = ActorFinder(lang).find(text)
    got = {p.canonical: p.country for p in actors.people}
    assert got == expected
