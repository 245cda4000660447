"""The Vietnamese date grammar: "hôm 7/5", "ngày 7-8/5", "chiều tối 18/8", "tháng Ba", "tuần trước".

Each form is a regular expression compiled once at import; ``candidates`` adds
what it finds to the shared stage's list (``pipeline/stages/dates.py`` chooses
among them and joins ranges), ``durations`` finds "trong 3 ngày", "2 tuần".
"""
from __future__ import annotations

import datetime
import re

from pipeline.lang.date_calendar import (
    DAY,
    MONTH,
    YEAR,
    YEAR_NAMED,
    Cand,
    closest_day,
    day_cand,
    listed_years,
    month_year,
    opt_int,
    range_days,
    resolve_weekday,
    shift_days,
    shift_month,
    valid_day,
    week_month,
    ym,
)

# words without which no Vietnamese expression matches (the shared stage's quick test, with digits)
PREFILTER_WORDS = r"nay|qua|mai|kia|thứ|chủ\s+nhật|tháng|tuần|tới|trước|sau"

_VI_TOD = (r"(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|chiều\s+muộn|tối\s+muộn|đêm\s+khuya|"
           r"sáng|trưa|chiều|tối|đêm|khuya)")
# A word that makes a following number pair a day: "ngày", "hôm", a time of day.
_VI_DAYWORD = rf"(?:{_VI_TOD}(?:\s+(?:ngày|hôm|mùng|mồng))?|ngày\s+(?:mùng|mồng)|ngày|hôm|mùng|mồng)"

# "7/5", "12.9.2024", "sáng 4-9", "ngày 7/5 năm 2025"
_VI_ATOM = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d>{DAY})(?P<s>[/.-])(?P<m>{MONTH})
    (?:(?P=s)(?P<y>{YEAR})|\s+năm\s+(?P<y2>{YEAR}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "Tối 24- 4-2010", "24 / 4 / 2010": a typed date with stray spaces, taken only with its year
_VI_SPACED = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d>{DAY})(?P<s>\s*[/-]\s*)(?P<m>{MONTH})\s*[/-]\s*(?P<y>{YEAR})
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "7-8/5", "18 đến 20/8", "30/4-1/5", "19-23/1/2026", "11-12/12 năm 2023"
_VI_RANGE = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d1>{DAY})(?:(?P<s1>[/.])(?P<m1>{MONTH})(?:(?P=s1)(?P<y1>{YEAR}))?)?
    (?P<sep>\s*[-–—]\s*|\s+(?:đến|tới|và)\s+(?:(?:ngày|hôm|mùng|mồng)\s+)?)
    (?P<d2>{DAY})(?P<s2>[/.])(?P<m2>{MONTH})
    (?:(?P=s2)(?P<y2>{YEAR})|\s+năm\s+(?P<y3>{YEAR}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "từ ngày 10-8 đến ngày 13-8", "từ ngày 16 đến 19-11", "từ 25 đến 26-2", "tối 20/9 đến sáng 21/9":
# a word separator ("đến"/"tới") and a leading "từ"/"ngày" make hyphenated pairs day-month.
_VI_RANGE_WORD = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d1>{DAY})(?:\s?(?P<s1>[/.-])\s?(?P<m1>{MONTH})(?:(?P=s1)(?P<y1>{YEAR}))?)?
    \s+(?:đến|tới)\s+(?:{_VI_DAYWORD}\s+)?
    (?P<d2>{DAY})\s?(?P<s2>[/.-])\s?(?P<m2>{MONTH})
    (?:(?P=s2)(?P<y2>{YEAR})|\s+năm\s+(?P<y3>{YEAR}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "ngày 7 tháng 5 năm 2025", "ngày 7 và 8 tháng 5"; with its year the day word may go:
# "21 tháng 8 năm 2023", "Thứ Hai, 21 tháng 8, 2023" (a page header)
_VI_WORDS = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+|(?<![\w.,/:-])(?=\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm|,)\s*\d{{4}}))
    (?P<d1>{DAY})(?:(?:\s*[-–—]\s*|\s+(?:đến|tới|và)\s+(?:(?:ngày|mùng|mồng)\s+)?)(?P<d2>{DAY}))?
    \s+tháng\s+(?P<m>{MONTH})
    (?:\s+năm\s+(?P<y>{YEAR})|\s*[/-]\s*(?P<y2>{YEAR})|,\s*(?P<y3>{YEAR})(?!\d))?
    (?![\w]|[/.,:-]\d)
""", re.X | re.I)

_VI_MONTH_NAMES = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
# "tháng 12/2023", "tháng Ba", "cuối tháng 3 năm ngoái", "tháng 3 vừa qua"
_VI_MONTH = re.compile(rf"""
    (?:(?P<pre>(?<!\w)(?:hồi|đầu|cuối|giữa|trung\s+tuần|thượng\s+tuần|hạ\s+tuần))\s+)?
    (?<!\w)tháng\s+(?:(?P<num>{MONTH})|(?P<name>mười\s+một|mười\s+hai|mười|một|giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|chạp)(?!\w))
    (?:\s*[/.-]\s*(?P<y>{YEAR})|\s+năm\s+(?P<y2>{YEAR})
       |\s+(?P<rel>năm\s+nay|năm\s+ngoái|năm\s+trước|năm\s+tới|năm\s+sau|vừa\s+qua|vừa\s+rồi|sắp\s+tới|tới|này)(?!\w))?
    (?![/.,-]?\d)
""", re.X | re.I)

# "năm 1959", "đầu năm 2024", "năm 2024-2025"
_VI_YEAR = re.compile(rf"""
    (?:(?P<pre>(?<!\w)(?:đầu|cuối|giữa))\s+)?(?<!\w)năm\s+(?P<y>{YEAR_NAMED})(?:\s*[-–]\s*(?P<y2>{YEAR}))?
    (?![\w]|[.,:]\d)
""", re.X | re.I)
_VI_RELYEAR = re.compile(r"(?<!\w)năm\s+(?P<w>nay|ngoái)(?!\w)", re.I)
# "tuần trước", "tháng tới", "năm sau", "3 tháng trước" (= three months ago), "2 năm trước"
_VI_RELPERIOD = re.compile(r"""
    (?:(?P<n>\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|mấy|nhiều)\s+)?
    (?<!\w)(?P<unit>tuần|tháng|năm)\s+(?P<w>trước|qua|này|tới|sau|nay)(?!\w)(?!\s+(?:đó|nữa|khi))
""", re.X | re.I)
_VI_QUANTITY_BEFORE = re.compile(
    r"(?:\d|(?<!\w)(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|những|nhiều|các|bao|vài|hàng|trăm|chục|mọi|mỗi))\s*$",
    re.I)

_VI_REL = re.compile(r"""
    (?<!\w)(?:
      (?P<today>(?:ngày\s+)?hôm\s+nay|(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|tối\s+muộn|sáng|trưa|chiều|tối|đêm|khuya)\s+nay)
     |(?P<yest>(?:ngày\s+)?hôm\s+qua|(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|sáng|trưa|chiều|tối|đêm)\s+(?:hôm\s+)?qua)
     |(?P<dby>hôm\s+kia)
     |(?P<tom>ngày\s+mai|(?:sáng|trưa|chiều|tối|đêm)\s+mai)
    )(?!\w)
""", re.X | re.I)

_VI_WD_NAMES = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5,
                "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
_VI_WEEKDAY = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_TOD})\s+)?
    (?<!\w)(?:thứ\s+(?P<name>hai|ba|tư|năm|sáu|bảy|[2-7](?!\d))|(?P<cn>chủ\s+nhật))(?!\w)
    (?:\s+(?P<wk>tuần\s+(?:trước|này|tới|sau|qua)|vừa\s+qua|sắp\s+tới|tới)(?!\w))?
""", re.X | re.I)
# "lần thứ Hai", "Chiến tranh thế giới thứ Hai": ordinals, not weekdays.
_VI_ORDINAL_BEFORE = re.compile(
    r"(?<!\w)(?:lần|giới|chiến|khóa|khoá|phiên|kỳ|kì|người|hạng|vị\s+trí|đứng|đợt|vòng|số)\s*$", re.I)

# Cue words that make a bare "7/5" a date and not a fraction or "24/7".
_VI_CUE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:ngày|hôm|mùng|mồng|sáng|trưa|chiều|tối|đêm|khuya|muộn|sớm|từ|đến|tới|vào|trước|sau|hết|dịp|"
    r"khánh|thắng|lễ|nay|qua)\s*,?|\(|(?<!\w)(?:thứ\s+\w+|chủ\s+nhật)\s*,?)\s*$", re.I)


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is alone in round brackets ("(29.5 - 2.6)"): a stated span, not a number."""
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def candidates(text: str, ref: datetime.date | None, out: list[Cand]) -> None:
    """Append every Vietnamese date expression in ``text`` to ``out`` (years resolved against ``ref``)."""
    for m in _VI_ATOM.finditer(text):
        year = opt_int(m["y"] or m["y2"])
        sep, tod = m["s"], m["tod"]
        if year is None:
            if sep == "/":
                if tod is None and not _VI_CUE_BEFORE.search(text, max(0, m.start("d") - 24), m.start("d")):
                    continue
            elif tod is None:  # "2.5 tỷ", "COVID-19": a dot or hyphen pair needs "ngày"/"sáng"...
                continue
        d, mo = int(m["d"]), int(m["m"])
        day = valid_day(year, mo, d) if year else (closest_day(mo, d, ref) if ref else None)
        if day:
            out.append(day_cand(m.start(), m.end(), day))

    for m in _VI_SPACED.finditer(text):
        if " " not in m.group() or m["tod"] is None:
            continue  # no stray space: _VI_ATOM's; without "ngày"/"tối" a spaced pair may be a ratio
        day = valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            out.append(day_cand(m.start(), m.end(), day))

    for m in _VI_RANGE.finditer(text):
        tod = m["tod"]
        y1, y_end = opt_int(m["y1"]), opt_int(m["y2"] or m["y3"])
        if "." in (m["s1"] or "", m["s2"]) and tod is None and y_end is None \
                and not (m["m1"] and _in_brackets(text, m.start(), m.end())):
            continue  # "2.5 - 3.5 tỷ" is a quantity; "(29.5 - 2.6)", a bracketed span of days, is not
        if "và" in m["sep"].lower() and tod is None:
            continue
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        if m["m1"]:
            m1 = int(m["m1"])
        elif d1 < d2:
            m1 = m2
        elif d1 >= 25 and d2 <= 7:  # "30-1/5": 30 April to 1 May
            m1 = m2 - 1 or 12
        else:
            continue
        r = range_days(d1, m1, y1, d2, m2, y_end, ref)
        if r is None:
            continue
        if y1 is not None and y_end is not None and (r[1] - r[0]).days > 366 and m["sep"].strip() in "-–—":
            continue  # "4.3.1946 - 4.3.2026": two dates (an anniversary), not a range
        start = m.start("frm") if m["frm"] else m.start()
        out.append(day_cand(start, m.end(), *r))

    for m in _VI_RANGE_WORD.finditer(text):
        y1, y_end = opt_int(m["y1"]), opt_int(m["y2"] or m["y3"])
        if m["tod"] is None and y_end is None and (m["s2"] != "/" or m["frm"] is None):
            continue  # "tăng từ 10 đến 15.5": a day word, a year or "từ … /" makes it a date
        if text.startswith("%", m.end()) or re.match(r"\s*%", text[m.end():m.end() + 3]):
            continue
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        month1 = int(m["m1"]) if m["m1"] else (m2 if d1 < d2 else (m2 - 1 or 12) if d1 >= 25 and d2 <= 7 else None)
        if month1 is None:
            continue
        r = range_days(d1, month1, y1, d2, m2, y_end, ref)
        if r is None or (r[1] - r[0]).days > 62:
            continue
        out.append(day_cand(m.start("frm") if m["frm"] else m.start(), m.end(), *r))

    for m in _VI_WORDS.finditer(text):
        year = opt_int(m["y"] or m["y2"] or m["y3"])
        mo, d1 = int(m["m"]), int(m["d1"])
        day2 = opt_int(m["d2"])
        if day2 is not None and day2 <= d1:
            continue
        r = range_days(d1, mo, None, day2 or d1, mo, year, ref)
        if r:
            out.append(day_cand(m.start(), m.end(), *r))

    for m in _VI_MONTH.finditer(text):
        if m["name"]:
            if not m["name"][0].isupper():  # "mỗi tháng một lần": lower-case is a number
                continue
            mo = _VI_MONTH_NAMES[" ".join(m["name"].lower().split())]
        else:
            mo = int(m["num"])
        year = opt_int(m["y"] or m["y2"])
        relative = False
        if year is None:
            if ref is None:
                continue
            rel = " ".join((m["rel"] or "").lower().split())
            pre = (m["pre"] or "").lower()
            relative = bool(rel)
            if rel == "năm nay":
                year = ref.year
            elif rel in ("năm ngoái", "năm trước"):
                year = ref.year - 1
            elif rel in ("năm tới", "năm sau"):
                year = ref.year + 1
            elif rel in ("vừa qua", "vừa rồi") or pre == "hồi":
                year, relative = month_year(mo, ref, "past"), True
            elif rel in ("tới", "sắp tới"):
                year = month_year(mo, ref, "future")
            else:
                year = month_year(mo, ref, "closest")
        out.append(Cand(m.start(), m.end(), ym(year, mo), ym(year, mo), relative=relative))

    for m in _VI_YEAR.finditer(text):
        y1 = int(m["y"])
        if not m["y2"]:
            out.extend(listed_years(text, m.end(), "và", "năm"))  # "năm 2003, 2009 và 2017": three times
        y2 = opt_int(m["y2"]) or y1
        if y2 < y1:
            continue
        out.append(Cand(m.start(), m.end(), str(y1), str(y2)))

    if ref is not None:
        for m in _VI_RELYEAR.finditer(text):
            if _VI_QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "2 năm nay" = "for two years now"
            y = ref.year - (m["w"].lower() == "ngoái")
            out.append(Cand(m.start(), m.end(), str(y), str(y), relative=True))

        for m in _VI_RELPERIOD.finditer(text):
            iso = _vi_relperiod(text, m, ref)
            if iso:
                out.append(Cand(m.start("n") if m["n"] else m.start("unit"), m.end(), iso, iso, relative=True))

        for m in _VI_REL.finditer(text):
            shift = 0 if m["today"] else -1 if m["yest"] else -2 if m["dby"] else 1
            iso = shift_days(ref.isoformat(), shift)
            out.append(Cand(m.start(), m.end(), iso, iso, relative=True, kind="anchor"))

    for m in _VI_WEEKDAY.finditer(text):
        name = m["name"]
        if name is not None:
            if _VI_ORDINAL_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue
            wd = _VI_WD_NAMES[name.lower()]
            bare_ok = name[0].isupper()  # "thứ hai" lower-case is "second"
        else:
            wd, bare_ok = 6, True
        if ref is None:  # only useful merged with an explicit date
            out.append(Cand(m.start(), m.end(), "", "", weekday=wd, relative=True, kind="anchor", bare_ok=False))
            continue
        wk = " ".join((m["wk"] or "").lower().split())
        monday = ref - datetime.timedelta(days=ref.weekday())
        if wk in ("tuần trước", "tuần qua"):
            day = monday + datetime.timedelta(days=wd - 7)
        elif wk == "tuần này":
            day = monday + datetime.timedelta(days=wd)
        elif wk in ("tuần tới", "tuần sau"):
            day = monday + datetime.timedelta(days=wd + 7)
        elif wk == "vừa qua":
            day = resolve_weekday(wd, ref - datetime.timedelta(days=1))
        elif wk in ("tới", "sắp tới"):
            day = resolve_weekday(wd, ref + datetime.timedelta(days=1), future=True)
        else:
            day = resolve_weekday(wd, ref)
        # only a bare weekday reports `weekday`: callers re-resolve it by tense, "tuần trước" is already fixed
        out.append(Cand(m.start(), m.end(), day.isoformat(), day.isoformat(), weekday=None if wk else wd,
                         relative=True, kind="anchor", bare_ok=bare_ok))


_VI_COUNT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
             "mười": 10}


def _vi_relperiod(text: str, m: re.Match, ref: datetime.date) -> str | None:
    """ISO of "tuần trước" / "tháng tới" / "năm sau" / "3 tháng trước", or None when the phrase is a
    span of time ("trong 2 tuần qua", "những năm qua") or relative to the narrative ("một tháng sau")."""
    unit, w = m["unit"].lower(), m["w"].lower()
    n_raw = (m["n"] or "").lower()
    if n_raw:
        n = int(n_raw) if n_raw.isdigit() else _VI_COUNT.get(n_raw)
        if n is None or w != "trước" or n == 0:
            return None  # "vài tháng trước", "2 tuần qua", "hai tháng sau"
        shift = -n
    else:
        if _VI_QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None  # "những năm qua", "các tháng tới"
        if unit == "năm" and w in ("nay", "qua", "này"):
            return None  # "năm nay" is _VI_RELYEAR's; "năm qua" is a span
        if w == "nay":
            return None  # "mấy tháng nay" = for some months now
        shift = -1 if w in ("trước", "qua") else 0 if w == "này" else 1
    if unit == "năm":
        return str(ref.year + shift)
    if unit == "tháng":
        return shift_month(ref, shift)
    return week_month(ref, shift)



_VI_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10}
_VI_DURATION = re.compile(rf"""
    (?:(?P<trong>(?<!\w)trong(?:\s+vòng)?)\s+)?
    (?<![\w.,])(?P<n>\d{{1,3}}|{"|".join(_VI_NUMBERS)})\s+(?P<u>ngày|tuần)(?!\w)
""", re.X | re.I)
_VI_THU_BEFORE = re.compile(r"(?<!\w)thứ\s+$", re.I)


def durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, days) for "trong 3 ngày", "3 ngày", "hai tuần"; "thứ hai ngày 7/5" is Monday, not two days."""
    out: list[tuple[int, int, int]] = []
    for m in _VI_DURATION.finditer(text):
        if _VI_THU_BEFORE.search(text, max(0, m.start("n") - 6), m.start("n")):
            continue  # "thứ hai ngày 7/5" is Monday, not two days
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else _VI_NUMBERS[n_raw]
        if n == 0 or (n_raw == "một" and not m["trong"]):
            continue  # "một ngày nào đó" = some day
        out.append((m.start(), m.end(), n * (7 if m["u"].lower() == "tuần" else 1)))
    return out
