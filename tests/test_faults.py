"""Dirty input never stops a batch (issue 6): every article ends up with events, an error row or a
"no events" count, and the broken ones are reported exactly.

The batch is generated here: 1,000 good articles from a few hand-written Vietnamese and English
template sentences (names, countries and dates varied with a fixed seed), some of them wrapped in
HTML, sprinkled with right-to-left marks or longer than the test's size limit, mixed with 100
broken records of every kind the issue lists. Expected error rows are written down per record as
it is generated, so the assertion is "exactly these rows, no more, no fewer".
"""
from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.doc import Article
from pipeline.limits import windows
from pipeline.readers import InputError, ReadFailure, iter_articles, read_articles
from pipeline.runner import Pipeline, RunStats, mask_markup, unsupported_language
from pipeline.writers import write_tables

SMALL_LIMIT = 3_000  # the size limit of the mixed run: the long good articles go through in windows

# (Vietnamese name, English name, English adjective, leader) of the counterpart country
COUNTRIES = [
    ("Campuchia", "Cambodia", "Cambodian", "Hun Manet"),
    ("Lào", "Laos", "Lao", "Sonexay Siphandone"),
    ("Nhật Bản", "Japan", "Japanese", "Ishiba Shigeru"),
    ("Australia", "Australia", "Australian", "Anthony Albanese"),
    ("Malaysia", "Malaysia", "Malaysian", "Anwar Ibrahim"),
    ("Singapore", "Singapore", "Singaporean", "Lawrence Wong"),
    ("Thái Lan", "Thailand", "Thai", "Paetongtarn Shinawatra"),
    ("Indonesia", "Indonesia", "Indonesian", "Prabowo Subianto"),
    ("Ấn Độ", "India", "Indian", "Narendra Modi"),
    ("New Zealand", "New Zealand", "New Zealand", "Christopher Luxon"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
VI_TEMPLATES = [
    "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng {cvi} {leader} sáng {d}/{m}.",
    "Chiều {d}/{m}, tại Hà Nội, Chủ tịch nước Lương Cường tiếp Thủ tướng {cvi} {leader}.",
    "Thủ tướng {cvi} {leader} thăm chính thức Việt Nam từ ngày {d} đến {d2}/{m}.",
    "Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng {cvi} ngày {d}/{m}.",
    "Hai bên đã ký kết {n} văn kiện hợp tác trong các lĩnh vực kinh tế, giáo dục và quốc phòng.",
]
EN_TEMPLATES = [
    "Prime Minister Pham Minh Chinh held talks with {adj} Prime Minister {leader} in Hanoi on {month} {d}.",
    "{adj} Prime Minister {leader} paid an official visit to Vietnam from {month} {d} to {d2}.",
    "President Luong Cuong received {adj} Prime Minister {leader} in Hanoi on {month} {d}.",
    "Foreign Minister Bui Thanh Son held a phone call with his {adj} counterpart on {month} {d}.",
    "The two sides signed {n} cooperation documents on trade, education and defence.",
]
VI_FILLER = ["Giá vàng trong nước hôm nay tăng nhẹ so với phiên trước.",
             "Trời Hà Nội có mưa rào và dông vào chiều tối.",
             "Nhiều tuyến phố trung tâm được trang trí cờ hoa."]
EN_FILLER = ["Gold prices edged up slightly in early trading.",
             "Heavy rain is forecast for Hanoi this weekend.",
             "Streets in the capital were decorated with flags and flowers."]


def _good_text(rng: random.Random, lang: str) -> str:
    cvi, cen, adj, leader = rng.choice(COUNTRIES)
    m, d = rng.randint(1, 12), rng.randint(1, 25)
    slots = dict(cvi=cvi, cen=cen, adj=adj, leader=leader, d=d, d2=d + rng.randint(1, 3), m=m,
                 month=MONTHS[m - 1], n=rng.randint(2, 12))
    templates, filler = (VI_TEMPLATES, VI_FILLER) if lang == "vi" else (EN_TEMPLATES, EN_FILLER)
    if rng.random() < 0.05:  # an article with nothing diplomatic in it: a "no events" count
        return " ".join(rng.sample(filler, 2))
    lines = [t.format(**slots) for t in rng.sample(templates, rng.randint(1, 2))]
    if rng.random() < 0.3:
        lines.append(rng.choice(filler))
    return "\n".join(lines)


def _dirty_but_good(rng: random.Random, text: str, kind: str) -> str:
    """Noise a crawl adds around a good article, none of which may cost it its events."""
    if kind == "html":
        body = "".join(f"<p>{line}</p>\n" for line in text.split("\n"))
        return ("<!DOCTYPE html><html><head><script>var x = '<p>no</p>';</script>"
                "<style>p { margin: 0 }</style></head><body><div class=\"story\">\n" + body
                + "<!-- share buttons --></div></body></html>")
    if kind == "marks":  # right-to-left and zero-width marks between sentences
        return text.replace("\n", "\u200f\n\u202e\u200b")
    if kind == "long":  # over SMALL_LIMIT: analysed in windows of whole lines
        filler = VI_FILLER if any(c in text for c in "ăâđêôơư") else EN_FILLER
        lines = text.split("\n")
        while sum(len(x) + 1 for x in lines) <= SMALL_LIMIT + 500:
            lines.append(rng.choice(filler))
        return "\n".join(lines)
    raise ValueError(kind)


def _filler_only(text: str) -> bool:
    rest = mask_markup(text)
    for sentence in VI_FILLER + EN_FILLER:
        rest = rest.replace(sentence, "")
    return not rest.strip(" \n\u200f\u202e\u200b")


def _good_articles(n: int, seed: int = 6) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "vi" if i % 2 else "en"
        text = _good_text(rng, lang)
        kind = ("html", "marks", "long")[i // 30 % 3] if i % 30 == 7 else None
        if kind:
            text = _dirty_but_good(rng, text, kind)
        rec = {"id": f"good-{i:04d}", "text": text, "published": f"2025-{rng.randint(1, 12):02d}-15"}
        if i % 5 == 0:
            rec["lang"] = lang
        out.append(rec)
    return out


def _broken_lines(good: list[dict]) -> list[tuple[bytes, tuple | None]]:
    """100 broken JSONL lines, each with the (doc_id, stage, error) row it must produce.

    A doc_id of None stands for "the input position" (path:line), filled in once the
    line numbers are known."""
    def j(rec) -> bytes:
        return json.dumps(rec, ensure_ascii=False).encode("utf-8")

    def jx(rec) -> bytes:  # ASCII JSON: a lone surrogate survives only as a \\ud800 escape
        return json.dumps(rec, ensure_ascii=True).encode("ascii")

    out: list[tuple[bytes, tuple | None]] = []
    for k, half in enumerate(["\udfff", "\ud83d", "\udc00\ud800", "\ud83d\ud83d"]):  # halves of pairs
        out.append((jx({"id": f"half-{k}", "text": f"Thủ tướng {half} hội đàm."}),
                    (f"half-{k}", "read", "InvalidUnicode")))
    for k in range(8):
        out.append((j({"id": f"empty-{k}", "text": ""}), (f"empty-{k}", "read", "EmptyText")))
        out.append((j({"id": f"blank-{k}", "text": " \n\t\u3000 " * (k + 1)}), (f"blank-{k}", "read", "EmptyText")))
        junk = bytes(random.Random(k).randrange(128, 256) for _ in range(40 + k))
        out.append((b'{"id": "junk-%d", "text": "' % k + junk + b'"}', (None, "read", "UnicodeDecodeError")))
        out.append((jx({"id": f"surrogate-{k}", "text": "Prime Minister \ud800 held talks."}),
                    (f"surrogate-{k}", "read", "InvalidUnicode")))
    malformed = [b'{"id": "trunc", "text": "Thu tuong', b"{id: 'single-quoted'}", b"not json at all",
                 b'{"id": "x", "text": "a",}', b"[" * 5000, b'{"id": ' + b"9" * 5000 + b', "text": "a"}',
                 b'{"id": "nan", "text": NaN', b'\x7b"id"']
    out += [(m, (None, "read", "JSONDecodeError")) for m in malformed]
    for k, value in enumerate([42, 1.5, True, ["a", "list"], {"an": "object"}]):
        out.append((j({"id": f"nonstr-{k}", "text": value}), (f"nonstr-{k}", "read", "InvalidText")))
    out.append((j({"id": "null-text", "text": None}), ("null-text", "read", "EmptyText")))
    for k in range(6):  # duplicates of good ids: the first (good) record keeps the id
        dup = good[100 * k + 3]
        out.append((j({"id": dup["id"], "text": _good_text(random.Random(k), "en")}),
                    (dup["id"], "read", "DuplicateId")))
    html_only = [
        "<html><head><title></title></head><body></body></html>",
        "<div><script>document.write('Prime Minister Pham Minh Chinh held talks');</script></div>",
        "<!-- page moved --><br/><br/>&nbsp;&nbsp;",
        "<style>body { font: 12px Arial }</style>\n<noscript>Enable JavaScript</noscript>",
        "<table><tr><td>&nbsp;</td></tr></table>",
        "<!DOCTYPE html>\n<html>\n<body>\n<img src=\"a.png\">\n</body>\n</html>",
        "<p></p><p></p><span>&#160;</span>",
        "<template><p>Thủ tướng hội đàm</p></template>",
        "<iframe src=\"https://example.com/embed\"></iframe>",
        "<svg viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\"/><g></g></svg>",
        "<br>" * 100,
        "<meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"a.css\">\n<hr/>",
    ]
    out += [(j({"id": f"html-{k}", "text": t}), (f"html-{k}", "validate", "EmptyText"))
            for k, t in enumerate(html_only)]
    foreign = [
        "中国国家主席习近平今天在北京会见了越南总理范明政，双方就双边关系交换了意见。",
        "越南政府总理范明政于3月12日在河内与柬埔寨首相洪玛奈举行会谈。",
        "التقى رئيس الوزراء الفيتنامي مع الرئيس المصري في القاهرة اليوم لمناقشة العلاقات الثنائية.",
        "وقع الجانبان على مذكرة تفاهم للتعاون في مجال التجارة والاستثمار.",
        "Премьер-министр Вьетнама провел переговоры с президентом России в Москве.",
        "Стороны подписали меморандум о взаимопонимании в области торговли.",
        "ベトナムのファム・ミン・チン首相は東京で日本の首相と会談した。",
        "베트남 총리는 서울에서 한국 대통령과 정상회담을 가졌다.",
        "นายกรัฐมนตรีเวียดนามพบหารือกับนายกรัฐมนตรีไทยที่กรุงเทพฯ",
        "वियतनाम के प्रधानमंत्री ने नई दिल्ली में भारत के प्रधानमंत्री से मुलाकात की।",
        "Ο πρωθυπουργός του Βιετνάμ συναντήθηκε με τον Έλληνα πρωθυπουργό στην Αθήνα.",
        "ראש ממשלת וייטנאם נפגש עם ראש ממשלת ישראל בירושלים.",
    ]
    out += [(j({"id": f"foreign-{k}", "text": t}), (f"foreign-{k}", "langid", "UnsupportedLanguage"))
            for k, t in enumerate(foreign)]
    latin_foreign = [
        "Le Premier ministre vietnamien a rencontré le président français à Paris lundi pour discuter "
        "de la coopération économique entre les deux pays.",
        "El primer ministro de Vietnam se reunió con el presidente del Gobierno de España en Madrid el "
        "lunes para hablar de la cooperación bilateral.",
        "Der vietnamesische Premierminister traf sich am Montag in Berlin mit dem deutschen "
        "Bundeskanzler, um über die Zusammenarbeit zu sprechen.",
        "Il primo ministro vietnamita ha incontrato il presidente del Consiglio italiano a Roma per "
        "discutere della cooperazione economica tra i due paesi.",
    ]
    out += [(j({"id": f"latin-{k}", "text": t}), (f"latin-{k}", "langid", "UnsupportedLanguage"))
            for k, t in enumerate(latin_foreign)]
    for k in range(4):
        out.append((j({"id": f"fr-{k}", "text": "Bonjour à tous, voici les nouvelles.", "lang": "fr"}),
                    (f"fr-{k}", "read", "UnsupportedLang")))
    no_letters = [
        "\u200f\u202e\u200f" * 20,                       # only right-to-left marks
        "\u0301" * 5000,                                  # a flood of combining marks, no base letter
        "\x00\x01\x02\x03\x1b[31;1\x7f" * 50,             # control characters (escape codes)
        "12/3/2025 08:00 (+7) — 1.234.567 ₫ — 99%",       # numbers and symbols only
        "\ufffd" * 300,                                   # what a bad decoder leaves behind
        "0123456789 \x00 " * 600,                         # giant junk: over the size limit, still no text
    ]
    out += [(j({"id": f"noletters-{k}", "text": t}), (f"noletters-{k}", "validate", "NoText"))
            for k, t in enumerate(no_letters)]
    out.append((j({"text": "Thủ tướng hội đàm với Thủ tướng Lào."}), (None, "read", "MissingId")))
    out.append((j(["id", "text"]), (None, "read", "NotAnObject")))
    out.append((jx({"id": "bad\udc80id", "text": "Prime Minister held talks."}), (None, "read", "InvalidUnicode")))
    out.append((j({"id": "   ", "text": "Prime Minister held talks."}), (None, "read", "MissingId")))
    out.append((j({"id": "badpub", "text": "Prime Minister held talks.", "published": "15/03/2025"}),
                ("badpub", "read", "InvalidPublished")))
    out.append((j({"id": "badlang", "text": "Prime Minister held talks.", "lang": 7}),
                ("badlang", "read", "UnsupportedLang")))
    assert len(out) == 100, len(out)
    return out


def _write_batch(path: Path, good: list[dict], broken: list[tuple[bytes, tuple | None]], seed: int = 66
                 ) -> list[tuple[str, str, str]]:
    """Interleave good and broken lines (good ones keep their order); return the expected error rows."""
    rng = random.Random(seed)
    slots = sorted(rng.sample(range(len(good) + len(broken)), len(broken)))
    lines: list[bytes] = []
    expected: list[tuple[str, str, str]] = []
    gi = bi = 0
    for pos in range(len(good) + len(broken)):
        if bi < len(broken) and slots[bi] == pos:
            raw, row = broken[bi]
            bi += 1
            lines.append(raw)
            doc_id = row[0] if row[0] is not None else f"{path}:{pos + 1}"
            expected.append((doc_id, row[1], row[2]))
        else:
            lines.append(json.dumps(good[gi], ensure_ascii=False).encode("utf-8"))
            gi += 1
    path.write_bytes(b"\n".join(lines) + b"\n")
    return expected


def _frames(result) -> dict[str, pd.DataFrame]:
    return {name: df.reset_index(drop=True) for name, df in result.tables().items()}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The mixed batch run twice (two Pipeline objects), and a clean run of only the good articles
    with the default size limit."""
    root = tmp_path_factory.mktemp("faults")
    good = _good_articles(1000)
    broken = _broken_lines(good)
    mixed = root / "mixed.jsonl"
    expected = _write_batch(mixed, good, broken)
    clean = root / "clean.jsonl"
    clean.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good), encoding="utf-8")
    runs = []
    for k in range(2):
        result = pipeline.extract(mixed, pipeline=Pipeline(max_chars=SMALL_LIMIT))
        out = root / f"mixed-{k}"
        write_tables(result.tables(), out, ["jsonl", "csv", "parquet"])
        runs.append((result, out))
    clean_result = pipeline.extract(clean, pipeline=Pipeline())
    clean_out = root / "clean"
    write_tables(clean_result.tables(), clean_out, ["jsonl", "csv", "parquet"])
    return {"good": good, "broken": broken, "expected": expected, "mixed": mixed, "clean": clean,
            "runs": runs, "clean_result": clean_result, "clean_out": clean_out}


def test_mixed_batch_reports_exactly_the_broken_records(batch):
    result, _ = batch["runs"][0]
    rows = [(r["doc_id"], r["stage"], r["error"]) for r in result.errors.to_dict("records")]
    assert Counter(rows) == Counter(batch["expected"])
    assert len(rows) == 100
    good_ids = {g["id"] for g in batch["good"]}
    dup_rows = [r for r in rows if r[2] == "DuplicateId"]
    assert len(dup_rows) == 6 and all(r[0] in good_ids for r in dup_rows)
    assert not any(r[0] in good_ids for r in rows if r[2] != "DuplicateId")  # no good article failed


def test_error_messages_name_the_record_and_the_problem(batch):
    result, _ = batch["runs"][0]
    mixed = str(batch["mixed"])
    for r in result.errors.to_dict("records"):
        assert r["doc_id"] in r["message"] or f"line {r['doc_id'].rsplit(':', 1)[-1]}" in r["message"]
        if r["error"] == "UnsupportedLanguage":
            assert "unsupported language" in r["message"] and "supported: vi, en" in r["message"]
        if r["doc_id"].startswith(mixed + ":"):
            assert r["message"].startswith(mixed)
    msgs = {r["doc_id"]: r["message"] for r in result.errors.to_dict("records")}
    assert "'zh'" in msgs["foreign-0"] and "CJK" in msgs["foreign-0"]
    assert "'ar'" in msgs["foreign-2"] and "ARABIC" in msgs["foreign-2"]
    assert "'ru'" in msgs["foreign-4"] and "CYRILLIC" in msgs["foreign-4"]
    assert "'fr'" in msgs["latin-0"] and "'es'" in msgs["latin-1"] and "'de'" in msgs["latin-2"]
    assert "'fr'" in msgs["fr-0"]
    assert "U+D800" in msgs["surrogate-0"]
    assert "duplicate id 'good-0003'" in msgs["good-0003"]


def test_good_articles_give_the_same_events_as_a_clean_run(batch):
    """Every column of every row, in order: the broken records and the size limit (the long
    articles went through in windows) changed nothing for the good ones."""
    mixed, clean = _frames(batch["runs"][0][0]), _frames(batch["clean_result"])
    assert len(clean["events"]) > 1000
    for table in ("events", "participants", "entities", "event_clusters", "mentions"):
        pd.testing.assert_frame_equal(mixed[table], clean[table], check_dtype=True)
    assert batch["clean_result"].errors.empty


def test_every_good_article_is_accounted_for(batch):
    """articles == processed_ok + failures; each good article has events or is a "no events" count."""
    good = batch["good"]
    stats = RunStats()
    items = list(iter_articles(batch["mixed"]))
    for item in items:
        if isinstance(item, ReadFailure):
            stats.add(item)
    for res in Pipeline(max_chars=SMALL_LIMIT).run([a for a in items if isinstance(a, Article)]):
        stats.add(res)
    assert stats.articles == 1100
    assert stats.failures == 100
    assert stats.processed_ok == 1000
    assert stats.articles == stats.processed_ok + stats.failures
    clean = batch["clean_result"]
    with_events = set(clean.events.doc_id)
    no_events = [g["id"] for g in good if g["id"] not in with_events]
    assert stats.no_events == len(no_events)
    assert stats.events == len(clean.events)
    # the ~5% articles made of filler sentences only, and only those
    assert set(no_events) == {g["id"] for g in good if _filler_only(g["text"])}
    assert 20 <= len(no_events) <= 100


def test_two_runs_write_byte_identical_files(batch):
    (_, out0), (_, out1) = batch["runs"]
    names = sorted(p.name for p in out0.iterdir())
    assert "events.parquet" in names and "errors.csv" in names
    for name in names:
        assert (out0 / name).read_bytes() == (out1 / name).read_bytes(), name


def test_results_do_not_depend_on_batch_size(batch):
    articles = [Article(g["id"], g["text"], g.get("lang"), g["published"]) for g in batch["good"][:120]]
    articles += [Article("dup", "Prime Minister held talks."), Article("dup", "Again."),
                 Article("zh", "越南总理范明政在河内会见了柬埔寨首相。")]
    pipe = Pipeline(max_chars=SMALL_LIMIT)

    def key(results):
        return [(r.doc_id, r.error, [(e.event_id, e.type, e.char_start, e.char_end, e.date_start,
                                      [p.name for p in e.participants]) for e in r.events]) for r in results]

    one, many = key(pipe.run(articles, batch_size=1)), key(pipe.run(articles, batch_size=64))
    assert one == many
    assert [r[0] for r in one] == [a.id for a in articles]  # one result per article, in input order
    assert one[-2][1][:2] == ("validate", "DuplicateId") and one[-1][1][:2] == ("langid", "UnsupportedLanguage")


# ---------------------------------------------------------------- size limit

def test_windows_cover_the_text_with_whole_lines_within_the_limit():
    text = "aaaa\nbbbbbb\ncc\n" + "d" * 25 + " eeee\n" + "f" * 30
    spans = windows(text, 10)
    assert spans[:2] == [(0, 5), (5, 15)]      # "aaaa\n" (adding "bbbbbb\n" would overflow), "bbbbbb\ncc\n"
    assert spans[2:5] == [(15, 25), (25, 35), (35, 41)]  # 25 d's: cut at the limit, then after the space
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 10 for a, b in spans)
    assert all(a == b0 for (_, b0), (a, _) in zip(spans, spans[1:]))
    assert windows("short", 10) == [(0, 5)] and windows("", 10) == []
    assert windows("one two three four", 10) == [(0, 8), (8, 18)]  # a long line: after its last space
    with pytest.raises(ValueError):
        Pipeline(max_chars=0)


def test_text_over_the_limit_gives_the_events_of_one_article(pipe):
    """Windows of whole lines: the same events (offsets into the whole text) as without a limit,
    and an event repeated in the second window is merged with the first, as in one article."""
    lead = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet sáng 12/3 tại Hà Nội.\n")
    filler = "Trời Hà Nội có mưa rào và dông vào chiều tối.\n" * 60
    text = lead + filler + "Trước đó, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Hun Manet.\n" + filler
    art = Article("long", text, None, "2025-03-12")
    small = Pipeline(max_chars=1000)
    assert len(windows(text, 1000)) > 3
    windowed = next(small.run([art]))
    whole = next(pipe.run([art]))
    assert windowed.error is None and whole.error is None
    key = lambda r: [(e.event_id, e.type, e.char_start, e.char_end, e.evidence, e.date_start,  # noqa: E731
                      [p.name for p in e.participants]) for e in r.events]
    assert key(windowed) == key(whole)
    assert len(windowed.events) == 1 and windowed.events[0].char_start == 0
    assert [(x.start, x.end, x.label) for x in windowed.entities] == [(x.start, x.end, x.label) for x in whole.entities]


def test_a_line_longer_than_the_limit_is_cut_and_still_gives_valid_offsets():
    text = "Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun Manet. " * 40
    res = next(Pipeline(max_chars=500).run([Article("oneline", text, "en")]))
    assert res.error is None and res.events
    for e in res.events:
        assert text[e.char_start:e.char_end] == e.evidence


# ---------------------------------------------------------------- HTML

def test_markup_is_masked_in_place_and_plain_text_is_untouched():
    html = "<p>Hà&nbsp;Nội &amp; <b>Huế</b></p><script>x = '<p>';</script>5 < 6 & 7 > 3"
    masked = mask_markup(html)
    assert len(masked) == len(html)
    assert masked == ("\n  " + "Hà" + " " * 6 + "Nội " + "&" + " " * 4 + " " + " " * 3 + "Huế" + " " * 4
                      + "\n" + " " * 3 + "\n" + " " * 26 + "5 < 6 & 7 > 3")
    plain = "Giá 5 < 6 & lãi > 3%, AT&T <Hun Manet>"
    assert mask_markup(plain) == plain


def test_html_article_gives_the_events_of_its_text_with_offsets_into_the_html(pipe):
    plain = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet sáng 12/3 tại Hà Nội.\n"
             "Hai bên đã ký kết 5 văn kiện hợp tác.")
    page = ("<!DOCTYPE html><html><head><style>p{}</style></head><body><div>\n<p>Thủ tướng <b>Phạm Minh "
            "Chính</b> hội đàm với Thủ tướng Campuchia Hun Manet sáng 12/3 tại Hà&nbsp;Nội.</p><!-- ad -->"
            "<script>var s = '<p>Thủ tướng hội đàm</p>';</script>\n<p>Hai bên đã ký kết 5 văn kiện hợp tác.</p>"
            "</div></body></html>")
    a, b = list(pipe.run([Article("plain", plain, None, "2025-03-12"), Article("page", page, None, "2025-03-12")]))
    assert a.error is None and b.error is None
    facts = lambda r: [(e.type, e.subtype, e.status, e.date_start, e.countries,  # noqa: E731
                        sorted(p.name for p in e.participants), e.location_country) for e in r.events]
    assert facts(a) == facts(b) and len(b.events) == 2
    for e in b.events:
        assert page[e.char_start:e.char_end] == e.evidence
        assert e.trigger.strip() in e.evidence
        assert "<script" not in e.evidence and "<p>" not in e.evidence
    assert b.events[0].evidence.startswith("Thủ tướng <b>Phạm Minh Chính</b>")
    assert b.events[0].location_name == "Hà Nội"
    for x in b.entities:
        assert page[x.start:x.end] == x.text


# ---------------------------------------------------------------- language

def test_every_dev_article_still_passes_as_vietnamese_or_english(shared_dir):
    articles, failures = read_articles(shared_dir / "eval" / "dev" / "docs.jsonl")
    assert not failures and len(articles) == 46
    for art in articles:
        assert unsupported_language(mask_markup(art.text), art.lang) is None, art.id


def test_short_and_name_heavy_vi_en_texts_are_not_called_foreign():
    texts = [t.format(cvi=c[0], cen=c[1], adj=c[2], leader=c[3], d=3, d2=5, m=4, month="April", n=3)
             for c in COUNTRIES for t in VI_TEMPLATES + EN_TEMPLATES]
    texts += ["Pham Minh Chinh met Hun Manet.", "Thu tuong Pham Minh Chinh hoi dam voi Thu tuong Campuchia.",
              "Tập Cận Bình (习近平) hội đàm với Tô Lâm.", "Xi Jinping (习近平) met To Lam in Beijing."]
    for t in texts:
        assert unsupported_language(t, None) is None, t


def test_lang_field_outside_vi_en_is_reported_by_the_pipeline_too(pipe):
    results = list(pipe.run([Article("a", "Bonjour à tous.", "fr"), Article("b", "Prime Minister met.", " EN ")]))
    assert results[0].error == ("langid", "UnsupportedLanguage",
                                "a: unsupported language 'fr' (supported: vi, en)")
    assert results[1].error is None and results[1].lang == "en"


# ---------------------------------------------------------------- API input and files

def test_api_objects_with_bad_fields_become_error_rows(pipe):
    arts = [Article("num", 42), Article("none", None), Article("sur", "a\ud800b"), Article("\udc80x", "text"),
            Article("", "text"), Article("pub", "Prime Minister met.", None, "yesterday"),
            Article("nan-lang", "Prime Minister Pham Minh Chinh held talks with Hun Manet.", float("nan")),
            Article("ok", "Prime Minister Pham Minh Chinh held talks with Hun Manet in Hanoi on May 5.")]
    results = list(pipe.run(arts))
    assert [(r.doc_id, r.error[:2] if r.error else None) for r in results] == [
        ("num", ("validate", "InvalidText")), ("none", ("validate", "EmptyText")),
        ("sur", ("validate", "InvalidUnicode")), ("\\udc80x", ("validate", "InvalidUnicode")),
        ("", ("validate", "InvalidId")), ("pub", ("validate", "InvalidPublished")),
        ("nan-lang", None), ("ok", None)]
    assert results[-1].events and results[-2].lang == "en"


def test_error_rows_with_invalid_unicode_can_be_written(tmp_path, pipe):
    result = pipeline.extract([Article("\udc80x", "text"), Article("y", "a\udfffb")], pipeline=pipe)
    write_tables(result.tables(), tmp_path, ["jsonl", "csv", "parquet"])
    rows = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["error"]) for r in rows] == [("\\udc80x", "InvalidUnicode"), ("y", "InvalidUnicode")]


def test_txt_folder_reports_unreadable_and_misnamed_files(tmp_path):
    (tmp_path / "good.txt").write_text("Prime Minister held talks.", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "latin1.txt").write_bytes("Thủ tướng".encode("utf-8")[:-1] + b"\xe0 h\xf4m nay")
    bad_name = tmp_path / b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    bad_name.write_text("Prime Minister held talks.", encoding="utf-8")
    articles, failures = read_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert {(f.doc_id, f.error) for f in failures} == {
        ("dangling", "FileNotFoundError"), ("latin1", "UnicodeDecodeError"), (None, "InvalidUnicode")}
    bad = next(f for f in failures if f.doc_id is None)
    assert "\\udce9" in bad.message and "not valid UTF-8" in bad.message
    bad.message.encode("utf-8")  # writable


def test_missing_text_column_and_pickles_fail_the_input_as_a_whole(tmp_path):
    (tmp_path / "a.csv").write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing required column.*'text'"):
        iter_articles(tmp_path / "a.csv")
    (tmp_path / "a.pkl").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(InputError, match="can execute code"):
        iter_articles(tmp_path / "a.pkl")


def test_deeply_nested_or_huge_number_json_lines_are_read_failures(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"[" * 100_000 + b"\n" + b'{"id": ' + b"1" * 5000 + b"}\n" + b'{"id": "ok", "text": "Fine."}\n')
    articles, failures = read_articles(path)
    assert [a.id for a in articles] == ["ok"]
    assert [(f.line, f.error) for f in failures] == [(1, "JSONDecodeError"), (2, "JSONDecodeError")]


def test_batch_driver_output_is_identical_for_one_and_two_workers(batch, tmp_path):
    """The streaming batch driver (issue 4) over a slice of the dirty input: the same bytes in
    every output file whatever the number of worker processes, and the same error rows."""
    from pipeline.batch import run_batch

    good = [g for i, g in enumerate(batch["good"]) if i < 100 or i in (103, 203, 303, 403, 503)]  # ids duplicated
    assert len(good) == 105
    expected = _write_batch(tmp_path / "slice.jsonl", good, batch["broken"])
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        stats = run_batch(tmp_path / "slice.jsonl", out, workers=workers, chunk_size=32, progress=False)
        assert (stats.articles, stats.failures) == (205, 100)
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert names == sorted(p.name for p in outs[1].iterdir()) and "events.jsonl" in names
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    rows = [json.loads(line) for line in (outs[0] / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert Counter((r["doc_id"], r["stage"], r["error"]) for r in rows) == Counter(expected)


def test_hostile_ids_never_become_paths_outside_the_output_folder(tmp_path, pipe):
    """File names come from table names only: ids like '../../x' or '/etc/passwd' are data."""
    ids = ["../../escape", "/etc/passwd", "a/b\\c", "..", "con\x00nul", "line\nbreak", "=HYPERLINK(\"x\")"]
    arts = [Article(i, "Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun Manet "
                       "in Hanoi on May 5.", "en", "2025-05-06") for i in ids]
    result = pipeline.extract(arts, pipeline=pipe)
    assert sorted(set(result.events.doc_id)) == sorted(ids)
    out = tmp_path / "deep" / "out"
    write_tables(result.tables(), out, ["jsonl", "csv", "parquet"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == sorted(
        ["deep", "deep/out"] + [f"deep/out/{t}.{ext}" for t in result.tables() for ext in ("jsonl", "csv", "parquet")])
    rows = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ids
