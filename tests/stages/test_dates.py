"""Tests for pipeline.stages.dates: the date grammar on forms taken from real articles.

Every expected value was worked out by hand from the calendar (2025-05-08 is a
Thursday, 2017-11-10 a Friday, 2024-08-19 a Monday), not copied from output.
"""
from __future__ import annotations

import datetime
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.dates import DateMention, find_dates, find_durations, resolve_weekday, shift_days

THU = date(2025, 5, 8)  # a Thursday


def _triples(mentions: list[DateMention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.date_start, m.date_end) for m in mentions]


def _check_offsets(text: str, mentions: list[DateMention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.text


# ---------------------------------------------------------------------------
# Vietnamese
# ---------------------------------------------------------------------------

VI_CASES = [
    # (text, reference, expected [(mention text, date_start, date_end)])
    ("Tổng thống Ilham Aliyev hôm 7/5 chủ trì lễ đón", date(2025, 5, 7),
     [("hôm 7/5", "2025-05-07", "2025-05-07")]),
    ("thăm cấp nhà nước đến nước này ngày 7-8/5, theo Bộ Ngoại giao", date(2025, 5, 7),
     [("ngày 7-8/5", "2025-05-07", "2025-05-08")]),
    ("Sáng 19/8, Thủ tướng tiếp Đại sứ", date(2024, 8, 19), [("Sáng 19/8", "2024-08-19", "2024-08-19")]),
    ("Chiều tối 18/8, đoàn đến Bắc Kinh", date(2024, 8, 19), [("Chiều tối 18/8", "2024-08-18", "2024-08-18")]),
    ("tối 19/10 theo giờ địa phương", date(2024, 10, 20), [("tối 19/10", "2024-10-19", "2024-10-19")]),
    ("trưa 2/9, Chủ tịch nước dự lễ", date(2024, 9, 2), [("trưa 2/9", "2024-09-02", "2024-09-02")]),
    ("chuyến thăm từ ngày 18 đến 20/8", date(2024, 8, 19), [("từ ngày 18 đến 20/8", "2024-08-18", "2024-08-20")]),
    ("chuyến thăm từ 18-20/8", date(2024, 8, 19), [("từ 18-20/8", "2024-08-18", "2024-08-20")]),
    ("từ ngày 30/4-1/5", date(2022, 5, 1), [("từ ngày 30/4-1/5", "2022-04-30", "2022-05-01")]),
    ("từ ngày 11-12/12 năm 2023", date(2023, 12, 13), [("từ ngày 11-12/12 năm 2023", "2023-12-11", "2023-12-12")]),
    ("diễn ra ngày 19-23/1/2026 tại Davos", date(2026, 1, 19), [("ngày 19-23/1/2026", "2026-01-19", "2026-01-23")]),
    ("Cập nhật 21/10/2025", date(2025, 10, 21), [("21/10/2025", "2025-10-21", "2025-10-21")]),
    ("Hà Nội, 12.9.2024", date(2024, 9, 12), [("12.9.2024", "2024-09-12", "2024-09-12")]),
    ("Chiều 2.2, Tổng Bí thư tiếp", date(2026, 2, 3), [("Chiều 2.2", "2026-02-02", "2026-02-02")]),
    ("khai mạc ngày 23.11 tại Hà Nội", date(2025, 11, 24), [("ngày 23.11", "2025-11-23", "2025-11-23")]),
    # hyphenated pair after a day word and with no "/month" after it: day-month, not a range
    ("sáng 4-9, hai bên hội đàm", date(2025, 9, 5), [("sáng 4-9", "2025-09-04", "2025-09-04")]),
    ("Ngày 30-1, Thủ tướng dự", date(2025, 1, 31), [("Ngày 30-1", "2025-01-30", "2025-01-30")]),
    ("ngày 3-9 tới đây", date(2025, 9, 1), [("ngày 3-9", "2025-09-03", "2025-09-03")]),
    ("ngày 7 tháng 5 năm 2025", date(2025, 5, 8), [("ngày 7 tháng 5 năm 2025", "2025-05-07", "2025-05-07")]),
    ("ngày 7 và 8/5", THU, [("ngày 7 và 8/5", "2025-05-07", "2025-05-08")]),
    ("dịp Quốc khánh 2/9", date(2025, 8, 20), [("2/9", "2025-09-02", "2025-09-02")]),
    # a range across the new year: the end decides the year, the start falls back one
    ("từ 30/12-2/1", date(2026, 1, 3), [("từ 30/12-2/1", "2025-12-30", "2026-01-02")]),
    # two full dates of an anniversary, not an 80-year range
    ("4.3.1946 - 4.3.2026", date(2026, 3, 4),
     [("4.3.1946", "1946-03-04", "1946-03-04"), ("4.3.2026", "2026-03-04", "2026-03-04")]),
    # the site widget carries a lower-case weekday: the explicit date is taken, the time ignored
    ("Thứ hai 03/11/2025 09:56", date(2025, 11, 3), [("Thứ hai 03/11/2025", "2025-11-03", "2025-11-03")]),
]


@pytest.mark.parametrize("text,ref,expected", VI_CASES, ids=[c[0][:30] for c in VI_CASES])
def test_vietnamese_day_and_range_forms_normalise_to_iso(text: str, ref: date, expected: list) -> None:
    mentions = find_dates(text, "vi", ref)
    assert _triples(mentions) == expected
    _check_offsets(text, mentions)


VI_MONTH_YEAR_CASES = [
    ("tháng 12/2023", THU, [("tháng 12/2023", "2023-12", "2023-12")]),
    ("vào tháng 8/2024", THU, [("tháng 8/2024", "2024-08", "2024-08")]),
    ("hồi tháng Ba", THU, [("hồi tháng Ba", "2025-03", "2025-03")]),
    ("vào tháng Ba", THU, [("tháng Ba", "2025-03", "2025-03")]),
    ("vào tháng 3", THU, [("tháng 3", "2025-03", "2025-03")]),
    ("tháng 3 năm ngoái", THU, [("tháng 3 năm ngoái", "2024-03", "2024-03")]),
    # ref January 2026: last December is one month away, next December eleven
    ("tháng 12", date(2026, 1, 3), [("tháng 12", "2025-12", "2025-12")]),
    # past-marked: never after the reference month
    ("tháng 10 vừa qua", date(2026, 1, 3), [("tháng 10 vừa qua", "2025-10", "2025-10")]),
    ("chuyến thăm Azerbaijan năm 1959 của Chủ tịch", THU, [("năm 1959", "1959", "1959")]),
    ("chuyến thăm Việt Nam năm 2014", THU, [("năm 2014", "2014", "2014")]),
]


@pytest.mark.parametrize("text,ref,expected", VI_MONTH_YEAR_CASES, ids=[c[0][:30] for c in VI_MONTH_YEAR_CASES])
def test_vietnamese_month_and_year_forms_have_reduced_precision(text: str, ref: date, expected: list) -> None:
    assert _triples(find_dates(text, "vi", ref)) == expected


VI_RELATIVE_CASES = [
    # (text, ref, mention text, iso, weekday, relative)
    ("chiều nay", date(2025, 2, 21), "chiều nay", "2025-02-21", None, True),
    ("sáng nay", date(2025, 2, 21), "sáng nay", "2025-02-21", None, True),
    ("Hôm nay, hai bên ký", date(2025, 2, 21), "Hôm nay", "2025-02-21", None, True),
    ("hôm qua", THU, "hôm qua", "2025-05-07", None, True),
    # a date in parentheses is what the writer meant; it wins over the publication day
    ("tối nay (21/2)", date(2025, 2, 22), "tối nay (21/2)", "2025-02-21", None, False),
    ("thứ Năm", THU, "thứ Năm", "2025-05-08", 3, True),
    ("vào thứ Năm", date(2025, 5, 10), "thứ Năm", "2025-05-08", 3, True),
    ("Chủ nhật", THU, "Chủ nhật", "2025-05-04", 6, True),
    # Monday of the reference week is 5 May; Thursday of the week before is 1 May. A qualified
    # weekday is already resolved, so it reports no bare `weekday` for callers to re-resolve.
    ("thứ Năm tuần trước", THU, "thứ Năm tuần trước", "2025-05-01", None, True),
    ("thứ Năm (8/5)", date(2025, 5, 9), "thứ Năm (8/5)", "2025-05-08", None, False),
]


@pytest.mark.parametrize("text,ref,mtext,iso,weekday,relative", VI_RELATIVE_CASES,
                         ids=[c[0] for c in VI_RELATIVE_CASES])
def test_vietnamese_relative_expressions_resolve_against_reference(
        text: str, ref: date, mtext: str, iso: str, weekday: int | None, relative: bool) -> None:
    [m] = find_dates(text, "vi", ref)
    assert (m.text, m.date_start, m.date_end, m.weekday, m.relative) == (mtext, iso, iso, weekday, relative)


VI_NEGATIVES = [
    "tăng 1,5 lần", "đạt 2.5 tỷ USD", "phục vụ 24/7", "Hotline: 024.355.63.010", "lúc 09:56",
    "sau hơn 30 năm thiết lập quan hệ", "2/3 số đại biểu tán thành", "đại dịch COVID-19",
    "lần thứ hai", "mỗi tháng một lần", "theo Nghị định 13/2023/NĐ-CP", "2 năm nay",
    "Thứ hai, cần tăng cường hợp tác", "Chiến tranh thế giới thứ Hai", "khoảng 2.000 người",
]


@pytest.mark.parametrize("text", VI_NEGATIVES)
def test_vietnamese_numbers_that_are_not_dates_give_nothing(text: str) -> None:
    assert find_dates(text, "vi", THU) == []


# ---------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------

EN_CASES = [
    ("The talks took place on August 18 in Beijing", date(2024, 8, 19), [("August 18", "2024-08-18", "2024-08-18")]),
    ("BEIJING, China, Aug 19 — Xi Jinping", date(2024, 8, 19), [("Aug 19", "2024-08-19", "2024-08-19")]),
    ("Hanoi, Aug. 19 (VNA)", date(2024, 8, 19), [("Aug. 19", "2024-08-19", "2024-08-19")]),
    ("a state visit from August 18-20", date(2024, 8, 19), [("from August 18-20", "2024-08-18", "2024-08-20")]),
    ("a state visit August 18-20", date(2024, 8, 19), [("August 18-20", "2024-08-18", "2024-08-20")]),
    ("a state visit on 18-20 August", date(2024, 8, 19), [("18-20 August", "2024-08-18", "2024-08-20")]),
    ("from August 30 to September 2", date(2024, 8, 19),
     [("from August 30 to September 2", "2024-08-30", "2024-09-02")]),
    ("on July 7", date(2024, 8, 19), [("July 7", "2024-07-07", "2024-07-07")]),
    ("July 10, 2021", date(2025, 1, 1), [("July 10, 2021", "2021-07-10", "2021-07-10")]),
    ("Sep 02, 2016", date(2025, 1, 1), [("Sep 02, 2016", "2016-09-02", "2016-09-02")]),
    ("VIETNAM, December 12 -", date(2023, 12, 12), [("December 12", "2023-12-12", "2023-12-12")]),
    ("on March 31 morning", date(2024, 4, 1), [("March 31", "2024-03-31", "2024-03-31")]),
    ("on September 2", date(2024, 9, 3), [("September 2", "2024-09-02", "2024-09-02")]),
    ("born on 2 May 1950", date(2025, 1, 1), [("2 May 1950", "1950-05-02", "1950-05-02")]),
    ("last July", date(2017, 11, 10), [("last July", "2017-07", "2017-07")]),
    # "last July" said in July is the year before
    ("last July", date(2017, 7, 20), [("last July", "2016-07", "2016-07")]),
    ("in late June", date(2025, 7, 8), [("late June", "2025-06", "2025-06")]),
    ("in August 2024", date(2025, 7, 8), [("August 2024", "2024-08", "2024-08")]),
    ("in 2013", date(2025, 7, 8), [("2013", "2013", "2013")]),
    ("in 2005", date(2025, 7, 8), [("2005", "2005", "2005")]),
    ("since 1992, contributing", date(2025, 7, 8), [("1992", "1992", "1992")]),
    ("in 1959", date(2025, 7, 8), [("1959", "1959", "1959")]),
    ("early 2024", date(2025, 7, 8), [("early 2024", "2024", "2024")]),
    ("from 2020 to 2025", date(2025, 7, 8), [("2020 to 2025", "2020", "2025")]),
]


@pytest.mark.parametrize("text,ref,expected", EN_CASES, ids=[c[0][:30] for c in EN_CASES])
def test_english_day_month_year_forms_normalise_to_iso(text: str, ref: date, expected: list) -> None:
    mentions = find_dates(text, "en", ref)
    assert _triples(mentions) == expected
    _check_offsets(text, mentions)


EN_RELATIVE_CASES = [
    # the reference IS a Thursday: "Thursday" is that day, not a week back
    ("departed on Thursday", THU, "Thursday", "2025-05-08", 3, True),
    ("departed on Thursday afternoon (local time)", THU, "Thursday afternoon", "2025-05-08", 3, True),
    ("left on Tuesday evening", THU, "Tuesday evening", "2025-05-06", 1, True),
    ("on Friday", THU, "Friday", "2025-05-02", 4, True),
    # qualified weekdays are strict: never the reference day itself, and no bare `weekday`
    ("last Thursday", THU, "last Thursday", "2025-05-01", None, True),
    ("next Thursday", THU, "next Thursday", "2025-05-15", None, True),
    ("today", THU, "today", "2025-05-08", None, True),
    ("yesterday", THU, "yesterday", "2025-05-07", None, True),
    # published a day later, still saying "today (November 10)": the parentheses win
    ("today (November 10)", date(2017, 11, 11), "today (November 10)", "2017-11-10", None, False),
    ("on Thursday, May 8", date(2025, 5, 9), "Thursday, May 8", "2025-05-08", None, False),
    ("earlier this year", THU, "this year", "2025", None, True),
]


@pytest.mark.parametrize("text,ref,mtext,iso,weekday,relative", EN_RELATIVE_CASES,
                         ids=[c[0] for c in EN_RELATIVE_CASES])
def test_english_relative_expressions_resolve_against_reference(
        text: str, ref: date, mtext: str, iso: str, weekday: int | None, relative: bool) -> None:
    [m] = find_dates(text, "en", ref)
    assert (m.text, m.date_start, m.date_end, m.weekday, m.relative) == (mtext, iso, iso, weekday, relative)


EN_NEGATIVES = [
    "the 80th anniversary", "the G20 summit", "more than 2,000 people", "US$20 billion", "at 6:40 pm",
    "open 24/7", "the COVID-19 pandemic", "a crowd of 2000 people", "they may march", "on Good Friday",
    "over the last year", "Jan Lipavsky said",
]


@pytest.mark.parametrize("text", EN_NEGATIVES)
def test_english_numbers_and_words_that_are_not_dates_give_nothing(text: str) -> None:
    assert find_dates(text, "en", THU) == []


# ---------------------------------------------------------------------------
# Cross-cutting behaviour
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("hôm 7/5", "vi", []),
    ("thứ Năm", "vi", []),
    ("tháng Ba", "vi", []),
    ("chiều nay", "vi", []),
    ("ngày 7/5/2025", "vi", [("ngày 7/5/2025", "2025-05-07", "2025-05-07")]),
    ("tháng 3/2024", "vi", [("tháng 3/2024", "2024-03", "2024-03")]),
    ("năm 1959", "vi", [("năm 1959", "1959", "1959")]),
    ("August 18", "en", []),
    ("on Thursday", "en", []),
    ("today", "en", []),
    ("July 10, 2021", "en", [("July 10, 2021", "2021-07-10", "2021-07-10")]),
    ("in 2013", "en", [("2013", "2013", "2013")]),
    ("on Thursday, May 8, 2025", "en", [("Thursday, May 8, 2025", "2025-05-08", "2025-05-08")]),
])
def test_without_reference_only_self_dated_expressions_survive(text: str, lang: str, expected: list) -> None:
    assert _triples(find_dates(text, lang, None)) == expected


@pytest.mark.parametrize("text,lang,ref,iso", [
    ("ngày 28/12", "vi", date(2026, 1, 3), "2025-12-28"),   # 6 days back beats 359 ahead
    ("ngày 3/1", "vi", date(2025, 12, 30), "2026-01-03"),   # 4 days ahead beats 361 back
    ("December 12", "en", date(2024, 8, 19), "2024-12-12"),  # 115 days ahead beats 251 back
    ("January 5", "en", date(2024, 12, 20), "2025-01-05"),
])
def test_year_inference_picks_the_year_closest_to_reference(text: str, lang: str, ref: date, iso: str) -> None:
    [m] = find_dates(text, lang, ref)
    assert m.date_start == iso


def test_longest_expression_wins_over_the_pieces_inside_it() -> None:
    text = "từ ngày 11-12/12 năm 2023"
    assert [m.text for m in find_dates(text, "vi", None)] == [text]


def test_real_article_sentence_yields_each_date_in_order() -> None:
    text = ("Tổng thống Azerbaijan Ilham Aliyev hôm 7/5 chủ trì lễ đón Tổng Bí thư Tô Lâm tại Phủ Tổng thống "
            "ở thủ đô Baku, nhân chuyến thăm cấp nhà nước của Tổng Bí thư Tô Lâm và phu nhân đến nước này "
            "ngày 7-8/5, theo Bộ Ngoại giao.")
    assert _triples(find_dates(text, "vi", date(2025, 5, 8))) == [
        ("hôm 7/5", "2025-05-07", "2025-05-07"), ("ngày 7-8/5", "2025-05-07", "2025-05-08")]


# ---------------------------------------------------------------------------
# resolve_weekday, shift_days, find_durations
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("weekday,ref,future,expected", [
    (3, THU, False, date(2025, 5, 8)),   # same weekday: the reference itself
    (3, THU, True, date(2025, 5, 8)),
    (4, THU, False, date(2025, 5, 2)),
    (4, THU, True, date(2025, 5, 9)),
    (2, THU, False, date(2025, 5, 7)),
    (2, THU, True, date(2025, 5, 14)),
    (6, date(2025, 5, 5), False, date(2025, 5, 4)),  # Sunday before a Monday
])
def test_resolve_weekday_is_on_or_before_by_default_and_on_or_after_when_future(
        weekday: int, ref: date, future: bool, expected: date) -> None:
    assert resolve_weekday(weekday, ref, future) == expected


def test_resolve_weekday_agrees_with_dateparser_relative_base() -> None:
    """dateparser's default (not PREFER_DATES_FROM='past') is the behaviour we reimplement for speed."""
    dateparser = pytest.importorskip("dateparser")
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for offset in range(7):
        ref = THU + datetime.timedelta(days=offset)
        base = datetime.datetime(ref.year, ref.month, ref.day)
        for wd, name in enumerate(names):
            parsed = dateparser.parse(name, languages=["en"], settings={"RELATIVE_BASE": base})
            assert parsed is not None
            assert parsed.date() == resolve_weekday(wd, ref), (name, ref)
            [m] = find_dates(f"on {name}", "en", ref)
            assert m.date_start == parsed.date().isoformat()


@pytest.mark.parametrize("iso,days,expected", [
    ("2025-05-08", -1, "2025-05-07"), ("2025-12-31", 1, "2026-01-01"), ("2024-03-01", -1, "2024-02-29"),
    ("2025-05-08", 0, "2025-05-08"),
])
def test_shift_days_crosses_month_year_and_leap_boundaries(iso: str, days: int, expected: str) -> None:
    assert shift_days(iso, days) == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("concluding their successful two-day state visit", "en", [("two-day", 2)]),
    ("a 3-day trip", "en", [("3-day", 3)]),
    ("Three-day talks", "en", [("Three-day", 3)]),
    ("stayed two days", "en", [("two days", 2)]),
    ("a week-long tour", "en", [("week-long", 7)]),
    ("a two-week tour", "en", [("two-week", 14)]),
    ("thăm chính thức trong 3 ngày", "vi", [("trong 3 ngày", 3)]),
    ("chuyến thăm 3 ngày", "vi", [("3 ngày", 3)]),
    ("trong hai ngày 7-8/5", "vi", [("trong hai ngày", 2)]),
    ("thứ hai ngày 7/5", "vi", []),       # Monday, not two days
    ("một ngày nào đó", "vi", []),        # "some day"
    ("1,5 ngày", "vi", []),
    ("the 2,000 people", "en", []),
])
def test_find_durations_reads_visit_lengths_in_days(text: str, lang: str, expected: list) -> None:
    assert [(text[s:e], n) for s, e, n in find_durations(text, lang)] == expected


# ---------------------------------------------------------------------------
# Invariants and speed
# ---------------------------------------------------------------------------

_FRAGMENTS = [
    "hôm 7/5", "ngày 7-8/5", "từ ngày 30/4-1/5", "tháng Ba", "năm 1959", "chiều nay", "thứ Năm", "24/7",
    "2.5 tỷ", "August 18-20", "on Thursday", "in 2013", "last July", "today (November 10)", "G20", "COVID-19",
    "6:40 pm", "2,000", "Tổng Bí thư", "the talks", "(", ")", ",", "-", "/", "12.9.2024", "tháng 12/2023",
    "Thứ hai 03/11/2025 09:56", "18-20 August", "in late June", "Sep 02, 2016", "7", "5", "2024",
]
_ISO_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_FRAGMENTS), max_size=12),
       seps=st.lists(st.sampled_from([" ", "", ", ", "\n", " - "]), min_size=12, max_size=12),
       lang=st.sampled_from(["vi", "en"]),
       ref=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))))
def test_mentions_are_sorted_disjoint_exact_slices_with_valid_iso(
        parts: list[str], seps: list[str], lang: str, ref: date | None) -> None:
    text = "".join(p + s for p, s in zip(parts, seps))
    mentions = find_dates(text, lang, ref)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert _ISO_RE.match(m.date_start) and _ISO_RE.match(m.date_end)
        assert len(m.date_start) == len(m.date_end) and m.date_start <= m.date_end
        if len(m.date_start) == 10:
            date.fromisoformat(m.date_start), date.fromisoformat(m.date_end)
        if m.weekday is not None:
            assert date.fromisoformat(m.date_start).weekday() == m.weekday


# ---------------------------------------------------------------------------
# Spans, vague and relative periods (forms seen in unseen articles; sentences made up)
# ---------------------------------------------------------------------------

SPAN_CASES = [
    # (text, lang, ref, expected [(mention text, date_start, date_end)])
    # Vietnamese "từ … đến …" with hyphenated day-month pairs: the day word makes them dates
    ("thăm Chile từ ngày 16 đến 19-11", "vi", date(2025, 11, 3),
     [("từ ngày 16 đến 19-11", "2025-11-16", "2025-11-19")]),
    ("từ ngày 4-3 đến ngày 7-3", "vi", date(2026, 3, 1), [("từ ngày 4-3 đến ngày 7-3", "2026-03-04", "2026-03-07")]),
    ("từ ngày 27 đến 29/10", "vi", date(2025, 10, 20), [("từ ngày 27 đến 29/10", "2025-10-27", "2025-10-29")]),
    ("thăm Lào từ ngày 13 đến 15/12", "vi", date(2025, 12, 10), [("từ ngày 13 đến 15/12", "2025-12-13", "2025-12-15")]),
    ("từ ngày 9 đến 11/3", "vi", date(2025, 3, 12), [("từ ngày 9 đến 11/3", "2025-03-09", "2025-03-11")]),
    ("Thứ Hai, 21 tháng 8, 2023", "vi", None, [("Thứ Hai, 21 tháng 8, 2023", "2023-08-21", "2023-08-21")]),
    ("21 tháng 8 năm 2023", "vi", None, [("21 tháng 8 năm 2023", "2023-08-21", "2023-08-21")]),
    ("diễn ra trong hai ngày 21-22/4", "vi", date(2025, 4, 20), [("ngày 21-22/4", "2025-04-21", "2025-04-22")]),
    ("từ 3 - 6/9/2024", "vi", date(2024, 9, 1), [("từ 3 - 6/9/2024", "2024-09-03", "2024-09-06")]),
    # an evening and the next morning: one span
    ("tối 14/3 và sáng 15/3, hai bên gặp", "vi", date(2025, 3, 16),
     [("tối 14/3 và sáng 15/3", "2025-03-14", "2025-03-15")]),
    # a typed date with a stray space, kept because a day word and a year vouch for it
    ("Sáng 17- 9-2011, đoàn tới", "vi", date(2011, 9, 18), [("Sáng 17- 9-2011", "2011-09-17", "2011-09-17")]),
    ("from 4 to 6 June", "en", THU, [("from 4 to 6 June", "2025-06-04", "2025-06-06")]),
    ("4–6 June 2026", "en", THU, [("4–6 June 2026", "2026-06-04", "2026-06-06")]),
    ("from June 4 to 6", "en", THU, [("from June 4 to 6", "2025-06-04", "2025-06-06")]),
    ("between 9 and 11 March", "en", THU, [("between 9 and 11 March", "2025-03-09", "2025-03-11")]),
    # weekdays after "from": the first resolves to the past, the second follows it
    ("visiting from Monday to Wednesday", "en", THU, [("Monday to Wednesday", "2025-05-05", "2025-05-07")]),
]


@pytest.mark.parametrize("text,lang,ref,expected", SPAN_CASES, ids=[c[0][:30] for c in SPAN_CASES])
def test_spans_give_start_and_end_never_one_day(text: str, lang: str, ref: date, expected: list) -> None:
    mentions = find_dates(text, lang, ref)
    assert _triples(mentions) == expected
    _check_offsets(text, mentions)


VAGUE_CASES = [
    # (text, lang, ref, mention text, iso): reduced precision, never the reference day
    # 2025-06-03 is a Tuesday: last week's Thursday is 29 May, so "last week" is May
    ("last week", "en", date(2025, 6, 3), "last week", "2025-05"),
    ("next week", "en", date(2025, 6, 3), "next week", "2025-06"),
    ("next month", "en", date(2025, 12, 10), "next month", "2026-01"),
    ("two years ago", "en", THU, "two years ago", "2023"),
    ("three months ago", "en", THU, "three months ago", "2025-02"),
    ("early next year", "en", THU, "next year", "2026"),
    ("tháng trước", "vi", date(2025, 1, 15), "tháng trước", "2024-12"),
    ("tháng tới", "vi", THU, "tháng tới", "2025-06"),
    ("3 tháng trước", "vi", THU, "3 tháng trước", "2025-02"),
    ("tuần trước", "vi", date(2025, 6, 3), "tuần trước", "2025-05"),
    ("đầu năm tới", "vi", THU, "năm tới", "2026"),
    ("hai năm trước", "vi", THU, "hai năm trước", "2023"),
    ("cuối năm 2023", "vi", THU, "cuối năm 2023", "2023"),
    ("in July 2015", "en", THU, "July 2015", "2015-07"),
]


@pytest.mark.parametrize("text,lang,ref,mtext,iso", VAGUE_CASES, ids=[c[0] for c in VAGUE_CASES])
def test_vague_and_relative_periods_have_reduced_precision(text: str, lang: str, ref: date, mtext: str,
                                                           iso: str) -> None:
    [m] = find_dates(text, lang, ref)
    assert (m.text, m.date_start, m.date_end) == (mtext, iso, iso)


@pytest.mark.parametrize("text,lang", [
    ("trong những năm qua", "vi"), ("vài tháng trước", "vi"), ("hai tháng sau đó", "vi"), ("năm sau đó", "vi"),
    ("mấy tháng nay", "vi"), ("tăng từ 10 đến 15.5%", "vi"), ("tỷ lệ 2 - 3/2025", "vi"),
    ("over the past week", "en"), ("for a week", "en"),
])
def test_spans_of_time_and_ratios_are_not_dates(text: str, lang: str) -> None:
    assert find_dates(text, lang, THU) == []


@pytest.mark.parametrize("text,lang,ref,expected", [
    ("Yesterday (23), she met the president.", "en", date(2025, 6, 24), "2025-06-23"),
    ("Hôm qua (23), bà đã gặp Tổng thống.", "vi", date(2025, 6, 24), "2025-06-23"),
    ("On Monday (2nd), he met the king.", "en", date(2025, 6, 4), "2025-06-02"),
    ("Yesterday (30), he arrived.", "en", date(2025, 7, 1), "2025-06-30"),    # across a month's end
    ("Tối qua (31), ông tới Lima.", "vi", date(2026, 1, 1), "2025-12-31"),     # and a year's
])
def test_a_bracketed_day_of_the_month_after_an_anchor_fixes_its_day(text, lang, ref, expected):
    found = find_dates(text, lang, ref)
    assert [(d.date_start, d.date_end, d.weekday) for d in found] == [(expected, expected, None)]


def test_a_bracketed_number_far_from_the_anchor_is_no_day_of_it():
    found = find_dates("Yesterday (12) delegates arrived.", "en", date(2025, 6, 24))
    assert [(d.text, d.date_start) for d in found] == [("Yesterday", "2025-06-23")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Obama made trips to the country in 2009 and 2016.", "en", ["2009", "2016"]),
    ("She went there in 2003, 2011 and 2019.", "en", ["2003", "2011", "2019"]),
    ("Ông đã thăm Chile năm 2005 và 2012.", "vi", ["2005", "2012"]),
    ("Bà từng tới Peru năm 2001, 2007 và năm 2013.", "vi", ["2001", "2007", "2013"]),
    ("since 1995 and 3000 people", "en", ["1995"]),           # a count, not a year
    ("in 2003, 2004 delegates came", "en", ["2003"]),          # no "and": no list
    ("from 2018 to 2022", "en", ["2018"]),                     # a span stays one
    ("năm 2018-2022", "vi", ["2018"]),
])
def test_years_listed_with_and_are_separate_years(text, lang, expected):
    assert [d.date_start for d in find_dates(text, lang, date(2025, 6, 12))] == expected
