"""The evidence view (pipeline.render) and the `vnevents render` command.

The article, entities and events here are written by hand, with offsets
asserted when the fixture is built, so every expected count below can be
verified by reading the text. Hostile values in every field: test_render_escaping.py.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import SAMPLES, app
from pipeline.render import Rendered, render_article, render_event, show

TEXT = "Tổng Bí thư Tô Lâm thăm Azerbaijan ngày 7/5/2025. Ông hội đàm với Tổng thống Ilham Aliyev tại Baku."
DOC = "doc1"

#               start end  text            label      canonical          country
ENTITY_ROWS = [(0, 11, "Tổng Bí thư", "TITLE", "general_secretary", None),
               (12, 18, "Tô Lâm", "PERSON", "Tô Lâm", "VNM"),
               (24, 34, "Azerbaijan", "COUNTRY", "AZE", "AZE"),
               (66, 76, "Tổng thống", "TITLE", "president", None),
               (77, 89, "Ilham Aliyev", "PERSON", "Ilham Aliyev", "AZE"),
               (94, 98, "Baku", "PLACE", "Baku", "AZE")]


# The fixture's offsets are facts about TEXT, checked once here rather than in a test that cannot fail.
assert all(TEXT[s:e] == t for s, e, t, *_ in ENTITY_ROWS)
assert TEXT[0:49].endswith("7/5/2025.") and TEXT[50:99].startswith("Ông") and len(TEXT) == 99


def _entities(rows=ENTITY_ROWS, doc_id: str = DOC) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "start": s, "end": e, "text": t, "label": lab, "canonical": c,
                          "country": k, "source": "test"} for s, e, t, lab, c, k in rows])


def _event(event_id: str, etype: str, start: int, end: int, trigger: str, text: str = TEXT, **extra) -> dict:
    row = {"event_id": event_id, "doc_id": DOC, "lang": "vi", "type": etype, "subtype": None, "status": "occurred",
           "date_start": None, "date_end": None, "date_precision": None,
           "location": {"name": None, "country": None}, "countries": [], "participants": [], "title": None,
           "trigger": trigger, "evidence": text[start:end], "char_start": start, "char_end": end,
           "confidence": 0.6, "cluster_id": None}
    row.update(extra)
    return row


def _events() -> pd.DataFrame:
    visit = _event("e1", "visit", 0, 49, "thăm", subtype="state", date_start="2025-05-07", date_end="2025-05-07",
                   location={"name": "Azerbaijan", "country": "AZE"}, countries=["AZE", "VNM"],
                   participants=[{"name": "Tô Lâm", "mention": "Tô Lâm", "role": "visitor",
                                  "title": "Tổng Bí thư", "country": "VNM"}])
    talks = _event("e2", "meeting", 50, 99, "hội đàm", subtype="talks", countries=["AZE", "VNM"],
                   participants=[{"name": "Tô Lâm", "mention": "", "role": "participant", "title": None,
                                  "country": "VNM"},
                                 {"name": "Ilham Aliyev", "mention": "Ilham Aliyev", "role": "participant",
                                  "title": "Tổng thống", "country": "AZE"}])
    return pd.DataFrame([visit, talks])


class Elements(HTMLParser):
    """Checks that tags balance and collects, per class, the text of each element inside the
    article text (``.vne-text``; the legend and the cards are not counted)."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.texts: dict[str, list[str]] = {}  # class -> texts of its elements, in document order
        self.joined: dict[tuple[str, str], str] = {}  # (class, title) -> text of all pieces of a split span
        self.open: list[tuple[str, list[str]]] = []  # (class, [pieces]) of elements being read
        self.titles: list[str] = []
        self.article = ""  # text inside .vne-text, number badges excluded
        self.badge_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append((tag, " ".join(classes)))
        self.titles.append(dict(attrs).get("title") or "")
        if "vne-evn" in classes:
            self.badge_depth += 1
        inside = any(name == "vne-text" for name, _ in self.open)
        for c in classes:
            self.open.append((c if inside or c == "vne-text" else "", []))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        _, classes = self.stack.pop()
        title = self.titles.pop()
        for c in reversed(classes.split()):
            name, pieces = self.open.pop()
            if name:
                self.texts.setdefault(name, []).append("".join(pieces))
                self.joined[(name, title)] = self.joined.get((name, title), "") + "".join(pieces)
        if "vne-evn" in classes.split():
            self.badge_depth -= 1

    def handle_data(self, data):
        for name, pieces in self.open:
            if name == "vne-evn" or not self.badge_depth:  # a badge's number is not the marked text
                pieces.append(data)
        if any(name == "vne-text" for name, _ in self.open) and not self.badge_depth:
            self.article += data


def parse(page: str) -> Elements:
    p = Elements()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def test_entities_whose_offsets_do_not_fit_the_text_are_not_marked():
    # A row from another version of the text (its written form differs at its offsets), a row past the
    # end of the text and a row of another document: none may mark the wrong characters.
    rows = ENTITY_ROWS[:2] + [(24, 34, "Azerbaijan!", "COUNTRY", "AZE", "AZE"),
                              (94, 120, "Baku and beyond", "PLACE", "Baku", "AZE")]
    entities = pd.concat([_entities(rows), _entities([(77, 89, "Ilham Aliyev", "PERSON", "IA", "AZE")], "other")])
    p = parse(render_article(TEXT, DOC, _events(), entities))
    assert p.texts["vne-ent"] == ["Tổng Bí thư", "Tô Lâm"]
    assert p.article == TEXT


def test_every_entity_evidence_trigger_and_date_is_marked():
    page = render_article(TEXT, DOC, _events(), _entities())
    p = parse(page)
    assert p.texts["vne-ent"] == ["Tổng Bí thư", "Tô Lâm", "Azerbaijan", "Tổng thống", "Ilham Aliyev", "Baku"]
    assert p.texts["vne-PERSON"] == ["Tô Lâm", "Ilham Aliyev"]
    assert p.texts["vne-trig"] == ["thăm", "hội đàm"]
    assert p.texts["vne-date"] == ["ngày 7/5/2025"]  # the visit's date; the talks have none
    assert p.texts["vne-ev"] == [TEXT[0:49], TEXT[50:99]]
    assert p.texts["vne-evn"] == ["1", "2"]  # number badges link each sentence to its card
    assert len(re.findall(r"<mark [^>]*title=", page)) == 6  # the legend's marks carry no title
    assert page.count('class="vne-card"') == 2
    assert p.article == TEXT  # nothing lost or repeated
    assert 'title="PERSON: Ilham Aliyev (AZE)"' in page  # canonical form in the tooltip


def test_page_is_self_contained():
    page = render_article(TEXT, DOC, _events(), _entities())
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    for external in ("<script", "<link", "src=", "http://", "https://", "@import", "url("):
        assert external not in page


def test_article_text_and_fields_are_escaped():
    text = "Ông A <script>alert('x')</script> & \"B\" thăm Lào."
    i = text.index("thăm")
    ents = _entities([(0, 5, "Ông A", "PERSON", '"><img src=x onerror=alert(1)>', "VNM")], doc_id="<b>d</b>")
    ev = pd.DataFrame([_event("e<1>", "visit", 0, len(text), "thăm", text=text, doc_id="<b>d</b>",
                              participants=[{"name": "<i>X</i>", "mention": "A", "role": "visitor",
                                             "title": None, "country": "VNM"}])])
    page = render_article(text, "<b>d</b>", ev, ents)
    assert "<script" not in page and "&lt;script&gt;alert(" in page
    assert "<img" not in page and "<b>d</b>" not in page and "<i>X</i>" not in page
    p = parse(page)
    assert p.article == text
    assert p.texts["vne-trig"] == ["thăm"] and text[i:i + 4] == "thăm"


def test_overlapping_and_crossing_spans_give_well_formed_html():
    text = "Alpha Beta Gamma Delta Epsilon Zeta Eta."
    #        0     6    11    17    23      31   36
    ents = _entities([(0, 10, "Alpha Beta", "PERSON", "AB", None),      # contains the next two
                      (0, 5, "Alpha", "TITLE", "a", None),
                      (6, 16, "Beta Gamma", "COUNTRY", "BG", None),     # crosses Alpha Beta
                      (11, 22, "Gamma Delta", "PLACE", "GD", None),     # crosses Beta Gamma
                      (17, 30, "Delta Epsilon", "ORG", "DE", None)])
    evs = pd.DataFrame([_event("a", "meeting", 6, 30, "Gamma", text=text),        # crosses several entities
                        _event("b", "visit", 17, 39, "Epsilon Zeta", text=text),  # crosses evidence a
                        _event("c", "agreement", 6, 30, "Gamma Delta", text=text)])  # same sentence as a
    page = render_article(text, DOC, evs, ents)
    p = parse(page)
    assert p.article == text
    # A crossing span is split into pieces that together cover exactly its text.
    assert "".join(p.texts["vne-COUNTRY"]) == "Beta Gamma"
    assert "".join(p.texts["vne-PLACE"]) == "Gamma Delta"
    assert "".join(p.texts["vne-ORG"]) == "Delta Epsilon"
    assert p.texts["vne-TITLE"] == ["Alpha"] and p.texts["vne-PERSON"] == ["Alpha Beta"]
    triggers = {title: t for (cls, title), t in p.joined.items() if cls == "vne-trig"}
    assert triggers == {"trigger of event 1": "Gamma", "trigger of event 2": "Gamma Delta",
                        "trigger of event 3": "Epsilon Zeta"}  # events numbered by position: a, c, b
    evidence = [t for (cls, _), t in p.joined.items() if cls == "vne-ev"]
    assert sorted(evidence) == [text[6:30], text[17:39]]
    assert page.count('class="vne-lbl"') == 5  # one label per entity, not per piece
    # Evidence a and c share one marked sentence with two badges.
    assert p.texts["vne-evn"] == ["1", "2", "3"]


def test_event_only_and_unknown_event():
    page = render_article(TEXT, DOC, _events(), _entities(), event_id="e2")
    p = parse(page)
    assert p.texts["vne-trig"] == ["hội đàm"] and len(p.texts["vne-ev"]) == 1
    assert len(p.texts["vne-ent"]) == 6  # entities stay marked
    with pytest.raises(KeyError):
        render_article(TEXT, DOC, _events(), _entities(), event_id="nope")


def test_render_event_shows_evidence_with_one_sentence_of_context():
    text = "First. Second one. Tô Lâm thăm Lào ngày 7/5/2025 cùng Phu nhân. Fourth here. Fifth."
    s = text.index("Tô Lâm")
    e = text.index(" Fourth")
    ents = _entities([(s, s + 6, "Tô Lâm", "PERSON", "Tô Lâm", "VNM"),
                      (text.index("Lào"), text.index("Lào") + 3, "Lào", "COUNTRY", "LAO", "LAO"),
                      (0, 5, "First", "PERSON", "Someone", None)])
    ev = pd.DataFrame([_event("v", "visit", s, e, "thăm", text=text, date_start="2025-05-07",
                              location={"name": "Lào", "country": "LAO"},
                              participants=[{"name": "Tô Lâm", "mention": "Tô Lâm", "role": "visitor",
                                             "title": None, "country": "VNM"}])])
    page = render_event(text, DOC, ev, ents, "v")
    p = parse(page)
    assert p.article == "… Second one. Tô Lâm thăm Lào ngày 7/5/2025 cùng Phu nhân. Fourth here. …"
    assert p.texts["vne-part"] == ["Tô Lâm"] and p.texts["vne-loc"] == ["Lào"]
    assert p.texts["vne-trig"] == ["thăm"] and p.texts["vne-date"] == ["ngày 7/5/2025"]
    assert "Someone" not in page  # entities outside the excerpt are left out
    assert parse(render_event(text, DOC, ev, ents, "v", context=0)).article == f"… {text[s:e]} …"
    with pytest.raises(KeyError):
        render_event(text, DOC, ev, ents, "other")


def test_show_displays_inline_in_jupyter():
    class Result:  # the fields of pipeline.api.ExtractionResult that show() reads
        events, entities = _events(), _entities()

    shown = show(Result(), DOC, {DOC: TEXT})
    assert isinstance(shown, Rendered)
    fragment = shown._repr_html_()
    assert fragment.startswith('<div class="vne"><style>') and "<html" not in fragment
    assert shown.html.startswith("<!DOCTYPE html>") and fragment in shown.html
    assert len(repr(shown)) < 200
    assert "vne-focus" in show(Result(), DOC, {DOC: TEXT}, event_id="e1")._repr_html_()
    with pytest.raises(ValueError, match="source"):
        show(Result(), DOC)


# --------------------------------------------------------------------------- #
# vnevents render
# --------------------------------------------------------------------------- #

SAMPLE_ID = "001_71227f650d391b86"


def _output(result) -> str:
    try:
        return result.output + (result.stderr or "")
    except (ValueError, AttributeError):  # older Click: stderr mixed into output
        return result.output


def test_cli_render_writes_a_page_for_a_sample(tmp_path):
    assert (SAMPLES / f"{SAMPLE_ID}.txt").exists()
    out = tmp_path / "sub" / "page.html"
    result = CliRunner().invoke(app, ["render", SAMPLE_ID, "--out", str(out)])
    assert result.exit_code == 0, _output(result)
    page = out.read_text(encoding="utf-8")
    p = parse(page)
    assert '<meta charset="utf-8">' in page
    assert p.article == (SAMPLES / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8")
    assert p.texts.get("vne-ev") and p.texts.get("vne-trig") and p.texts.get("vne-ent")
    assert [f.name for f in out.parent.iterdir()] == ["page.html"]  # no temporary file left


def test_cli_render_unknown_doc_id_exits_2(tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["render", "no_such_doc", "--out", str(out)])
    assert result.exit_code == 2
    assert "no_such_doc" in _output(result) and str(SAMPLES) in _output(result)
    assert not out.exists()


def test_cli_render_event_from_jsonl_input(tmp_path):
    src = tmp_path / "in.jsonl"
    text = ("Vietnamese Prime Minister Pham Minh Chinh met with Chinese Premier Li Qiang in Beijing on May 7, 2025. "
            "<script>alert(1)</script>")
    src.write_text(json.dumps({"id": "a/../b", "text": text, "lang": "en"}) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    runner = CliRunner()
    result = runner.invoke(app, ["render", "a/../b", "--input", str(src), "--out", str(out)])
    assert result.exit_code == 0, _output(result)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert sorted(f.name for f in tmp_path.iterdir()) == ["in.jsonl", "page.html"]  # name never from the id

    bad = runner.invoke(app, ["render", "a/../b", "--input", str(src), "--out", str(out), "--event", "zzz"])
    assert bad.exit_code == 2 and "zzz" in _output(bad)
