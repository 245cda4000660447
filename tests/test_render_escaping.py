"""Hostile values in every field of an evidence page never become markup (pipeline.render).

Why: article texts are scraped and the tables can be edited by hand or come
from another tool, and Jupyter displays ``_repr_html_`` output with no
Content-Security-Policy, so one unescaped value runs as script in the
analyst's notebook. Each field below carries its own marker (``"type:" +
payload``), so a failure names the field; the page is parsed and every tag,
attribute and attribute value checked against what the renderer may emit, and
every shown value must read back exactly as given (escaped once: not raw, not
twice).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from pipeline.render import Rendered, render_article, render_event, show

PAYLOADS = [
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "</textarea><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</style><script>alert(1)</script>",
    "&lt;b&gt;already escaped&amp;",  # must come back as written, not decoded and not escaped twice
]

TAGS = {"html", "head", "meta", "title", "body", "style", "div", "h1", "mark", "span", "a", "b", "table", "tr",
        "th", "td", "ul", "li", "br"}
ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "style", "class", "title", "href", "id", "data-l"}
STYLE = re.compile(r"^(margin:0;background:#fff|border-left-color:#[0-9a-f]{6}|color:#[0-9a-f]{6})$")
ANCHOR = re.compile(r"^vne-[0-9a-f]{10}-[0-9]+$")
CLASS = re.compile(r"^vne(-[A-Za-z]+)*$")
ATTRIBUTE_CHECKS = {
    "lang": lambda v: v in ("vi", "en"),
    "href": lambda v: v.startswith("#") and bool(ANCHOR.match(v[1:])),
    "id": lambda v: bool(ANCHOR.match(v)),
    "style": lambda v: bool(STYLE.match(v)),
    "class": lambda v: all(CLASS.match(c) for c in v.split()),
    "data-l": lambda v: v.isupper() and v.isalpha(),
}


class Page(HTMLParser):
    """Every tag and attribute of a page, and all its text and attribute values decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.decoded: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            check = ATTRIBUTE_CHECKS.get(name)
            if name not in ATTRIBUTES:
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
            elif check is not None and not check(value or ""):
                self.problems.append(f"value {name}={value!r} on <{tag}>")
            self.decoded.append(value or "")

    def handle_endtag(self, tag):
        if tag not in TAGS:
            self.problems.append(f"end tag </{tag}>")

    def handle_data(self, data):
        self.decoded.append(data)


def check_page(page: str) -> str:
    """The page's decoded text and attribute values, after asserting no markup came from the data."""
    assert "<script" not in page.lower() and "<img" not in page.lower() and "</textarea" not in page.lower()
    p = Page()
    p.feed(page)
    p.close()
    assert not p.problems, p.problems
    return "\n".join(p.decoded)


def _hostile(payload: str):
    """An article, its entities and two events in which every field is ``<field>:<payload>``.

    The participant's mention and the place are written in the evidence sentence, so the event view
    marks them too (its participant and place highlights carry their own tooltips).
    """
    h = {f: f"{f}:{payload}" for f in (
        "lang", "type", "subtype", "status", "date_start", "date_end", "date_precision", "location_name",
        "location_country", "country_1", "country_2", "p_name", "p_mention", "p_role", "p_title", "p_country",
        "title", "event_id", "event_id_2", "confidence", "label", "canonical", "e_country", "source",
        "place_canonical", "place_country", "cluster_id")}
    doc_id = f"doc_id:{payload}"
    lead = f"entity:{payload}"
    trigger = f"trigger:{payload}"
    sentence = f"{lead} {h['p_mention']} {trigger} {h['location_name']} ngày 7/5/2025."
    text = f"text:{payload}\n{sentence} Then text:{payload} again."
    start = text.index(lead)
    end = start + len(sentence)
    place = text.index(h["location_name"])
    participants = [{"name": h["p_name"], "mention": h["p_mention"], "role": h["p_role"], "title": h["p_title"],
                     "country": h["p_country"]}]
    first = {"event_id": h["event_id"], "doc_id": doc_id, "lang": h["lang"], "type": h["type"],
             "subtype": h["subtype"], "status": h["status"], "date_start": h["date_start"],
             "date_end": h["date_end"], "date_precision": h["date_precision"],
             "location": {"name": h["location_name"], "country": h["location_country"]},
             "countries": [h["country_1"], h["country_2"]], "participants": participants, "title": h["title"],
             "trigger": trigger, "evidence": sentence, "char_start": start, "char_end": end,
             "confidence": h["confidence"], "cluster_id": h["cluster_id"]}
    # A second event on the same sentence with a real date, so the date and badge mark-up run too.
    second = {**first, "event_id": h["event_id_2"], "type": "visit", "status": "occurred",
              "date_start": "2025-05-07", "date_end": "2025-05-07", "confidence": 0.5}
    entities = pd.DataFrame([
        {"doc_id": doc_id, "start": start, "end": start + len(lead), "text": lead, "label": h["label"],
         "canonical": h["canonical"], "country": h["e_country"], "source": h["source"]},
        {"doc_id": doc_id, "start": place, "end": place + len(h["location_name"]), "text": h["location_name"],
         "label": "PLACE", "canonical": h["place_canonical"], "country": h["place_country"], "source": h["source"]}])
    return text, doc_id, pd.DataFrame([first, second]), entities, h


# Fields the article page shows (in the heading, the cards or the tooltips); the others (label, source,
# cluster_id, an unparseable confidence) are not shown at all.
SHOWN = ["lang", "type", "subtype", "status", "date_start", "date_end", "date_precision", "location_name",
         "location_country", "country_1", "country_2", "p_name", "p_mention", "p_role", "p_title", "p_country",
         "title", "event_id", "event_id_2", "canonical", "e_country", "place_canonical", "place_country"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_article_escapes_every_field_once(payload):
    text, doc_id, events, entities, h = _hostile(payload)
    decoded = check_page(render_article(text, doc_id, events, entities))
    for field in SHOWN:
        assert h[field] in decoded, f"{field} not shown as written"
    assert f"doc_id:{payload}" in decoded and f"trigger:{payload}" in decoded and f"text:{payload}" in decoded
    check_page(render_article(text, doc_id, events, entities, event_id=h["event_id"]))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_render_event_escapes_every_field_once(payload):
    text, doc_id, events, entities, h = _hostile(payload)
    common = ("subtype", "location_name", "p_name", "p_mention", "p_title", "title", "place_canonical",
              "place_country")
    for fields in (("event_id", "type", "status") + common, ("event_id_2",) + common):
        page = render_event(text, doc_id, events, entities, h[fields[0]], context=2)
        decoded = check_page(page)
        for field in fields:
            assert h[field] in decoded, f"{field} not shown as written"
        assert f"doc_id:{payload}" in decoded and f"text:{payload}" in decoded
        assert 'class="vne-ent vne-PERSON vne-part"' in page and 'class="vne-ent vne-PLACE vne-loc"' in page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_jupyter_display_escapes_every_field_once(payload):
    text, doc_id, events, entities, h = _hostile(payload)

    class Result:  # the fields of pipeline.api.ExtractionResult that show() reads
        pass

    Result.events, Result.entities = events, entities
    for shown in (show(Result(), doc_id, {doc_id: text}),
                  show(Result(), doc_id, {doc_id: text}, event_id=h["event_id"])):
        assert isinstance(shown, Rendered)
        decoded = check_page(shown._repr_html_())
        assert h["p_name"] in decoded and f"doc_id:{payload}" in decoded
        check_page(shown.html)
