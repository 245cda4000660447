"""Evidence view: an article or one event as HTML, marked in place.

Why this exists: an analyst trusts a row of the event table only after seeing
the sentence behind it. So the view shows the article's own text with every
recognised entity (coloured by label, canonical form in the tooltip), every
event's evidence sentence (underlined, numbered, with a card per event) and
every trigger (bold) marked at the character offsets the pipeline produced;
nothing is re-tokenised or re-detected except the date expression inside an
evidence sentence, which the event table does not locate.

Why it is built the way it is:

* The article text and every table value are untrusted (scraped pages may
  contain ``<script>``, a table may have been edited), and Jupyter shows
  ``_repr_html_`` with no Content-Security-Policy. So the page, the cards and
  the legend are Jinja2 templates (``pipeline/templates/evidence*.html``,
  through the shared autoescaping environment of :mod:`pipeline.templating`),
  and the few tags built here, the highlights laid over the text, are
  ``markupsafe.Markup`` whose every value is escaped by ``Markup.format`` or
  ``escape``: each value is escaped exactly once, attributes included. The
  stand-alone page also carries a Content-Security-Policy that forbids
  scripts and external resources.
* Spans overlap freely (a PERSON "Azerbaijani Prime Minister" contains a
  COUNTRY and a TITLE; several events share one evidence sentence; an evidence
  sentence may cross another). :func:`_layer` emits tags with a stack and,
  where two spans cross, closes and reopens the inner one, so the HTML is
  always well formed. That logic stays in Python: it is an algorithm over
  offsets, not a layout.
* The page is self-contained (inline CSS, no scripts, no fonts or images
  fetched), so it can be mailed, archived or opened offline. The CSS is scoped
  under ``.vne`` so the same fragment can sit inside a Jupyter notebook without
  restyling it.

The notebook's tables and plots are in :mod:`pipeline.views` and
:mod:`pipeline.plots`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, cast

import pandas as pd
from markupsafe import Markup, escape

from pipeline.doc import Article
from pipeline.palette import LABEL_COLOURS, OTHER_TYPE_COLOUR, TYPE_COLOURS
from pipeline.schema import LANGS, STATUSES
from pipeline.templating import render_template

if TYPE_CHECKING:  # pragma: no cover - typing only
    from pipeline.api import ExtractionResult
    from pipeline.readers import ReadFailure

__all__ = [
    "Rendered",
    "render_article",
    "render_event",
    "show",
    "find_article",
    "write_html",
]

# --------------------------------------------------------------------------- #
# Small value helpers (DataFrame cells may be None, NaN, pd.NA, numpy arrays)
# --------------------------------------------------------------------------- #


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (str, list, tuple, dict)):
        return False
    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) or getattr(result, "shape", None) == () else False


def _str(value: Any) -> str | None:
    """A non-empty string, or None for any kind of missing value."""
    if _missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _int(value: Any) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _list(value: Any) -> list[Any]:
    """List cells come back as lists, tuples or numpy arrays depending on the reader."""
    if _missing(value):
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return [value]


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _records(df: pd.DataFrame | None) -> list[dict[str, Any]]:
    if df is None or len(df) == 0:
        return []
    return cast("list[dict[str, Any]]", df.to_dict("records"))  # the tables' columns are str



# --------------------------------------------------------------------------- #
# Well-formed layering of overlapping spans
# --------------------------------------------------------------------------- #


@dataclass
class _Span:
    """One marked range [start, end) and the markup around it.

    The tags are ``Markup`` built with :meth:`Markup.format`, so any value in
    them (a tooltip) is already escaped once. ``first`` is emitted inside the
    element only where the span begins (event number badges), ``last`` only
    where it really ends (the entity label); a span split at a crossing gets
    neither on its continuation pieces.
    """

    start: int
    end: int
    rank: int  # for equal extents: lower = outer
    open: Markup
    close: Markup
    first: Markup = Markup()
    last: Markup = Markup()


def _layer(text: str, spans: Iterable[_Span], lo: int = 0, hi: int | None = None) -> Markup:
    """HTML for text[lo:hi] with every span marked; crossing spans are split, never mis-nested.

    Every piece of ``text`` is escaped here and the tags are ``Markup``, so the
    result is safe to place in a template as it is.
    """
    hi = len(text) if hi is None else hi
    kept: list[_Span] = []
    seen: set[tuple[int, int, str]] = set()
    for s in spans:
        start, end = max(s.start, lo), min(s.end, hi)
        if start >= end or (start, end, s.open) in seen:
            continue
        seen.add((start, end, s.open))
        kept.append(_Span(start, end, s.rank, s.open, s.close,
                          s.first if start == s.start else Markup(), s.last if end == s.end else Markup()))
    starting: dict[int, list[_Span]] = defaultdict(list)
    for s in kept:
        starting[s.start].append(s)
    bounds = sorted({lo, hi} | {s.start for s in kept} | {s.end for s in kept})
    out: list[Markup] = []
    stack: list[_Span] = []
    for k, pos in enumerate(bounds):
        ending = [i for i, s in enumerate(stack) if s.end <= pos]
        if ending:
            reopen: list[_Span] = []
            while len(stack) > ending[0]:
                s = stack.pop()
                if s.end <= pos:
                    out.append(s.last + s.close)
                else:  # still running: close it here and reopen it right after
                    out.append(s.close)
                    reopen.append(s)
            for s in reversed(reopen):
                out.append(s.open)
                stack.append(s)
        for s in sorted(starting.get(pos, ()), key=lambda x: (-x.end, x.rank)):
            out.append(s.open + s.first)
            stack.append(s)
        if k + 1 < len(bounds):
            out.append(escape(text[pos:bounds[k + 1]]))
    assert not stack, "every span ends within [lo, hi]"
    return Markup("").join(out)


# --------------------------------------------------------------------------- #
# Locating things inside the text
# --------------------------------------------------------------------------- #

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")
_LINE = re.compile(r"[^\n]+")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, only to pick ±N sentences of context around an evidence sentence.

    Lines are blocks (no sentence runs across a line break in news text, see
    ``pipeline.lang.sentences``); inside a line, split after ., !, ? or ….
    """
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        start = line.start()
        for m in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < line.end():
            out.append((start, line.end()))
    return out


def _evidence_span(text: str, ev: Mapping[str, Any]) -> tuple[int, int] | None:
    """The event's evidence offsets, checked against the text (found again if they drifted)."""
    start, end, evidence = _int(ev.get("char_start")), _int(ev.get("char_end")), _str(ev.get("evidence"))
    if start is not None and end is not None and 0 <= start < end <= len(text):
        if evidence is None or text[start:end] == evidence:
            return start, end
    if evidence:
        i = text.find(evidence)
        if i >= 0:
            return i, i + len(evidence)
    return None


def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    words = phrase.split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def _trigger_span(text: str, ev: Mapping[str, Any], evidence: tuple[int, int]) -> tuple[int, int] | None:
    """Where the trigger is: a ``trigger_start`` column when the table has one, else its first
    occurrence (whole words, any case, any spacing) inside the evidence sentence."""
    trigger = _str(ev.get("trigger"))
    if trigger is None:
        return None
    trigger = trigger.strip()
    ts = _int(ev.get("trigger_start"))
    if ts is not None and text[ts:ts + len(trigger)].lower() == trigger.lower():
        return ts, ts + len(trigger)
    pattern = _phrase_pattern(trigger)
    m = pattern.search(text, evidence[0], evidence[1]) if pattern else None
    if m is None and pattern is not None:  # a trigger glued to punctuation: drop the word boundaries
        m = re.compile(r"\s+".join(re.escape(w) for w in trigger.split()), re.IGNORECASE).search(
            text, evidence[0], evidence[1])
    return (m.start(), m.end()) if m else None


def _iso_bounds(iso: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO date of day, month or year precision."""
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None


def _date_spans(text: str, ev: Mapping[str, Any], evidence: tuple[int, int]) -> list[tuple[int, int]]:
    """Date expressions in the evidence sentence whose meaning overlaps the event's dates.

    The event table stores the normalised date, not where it was written, so
    the date grammar of :mod:`pipeline.stages.dates` is run again on the one
    sentence, with the event's own date as the reference so that "7/5" gets the
    right year. A date taken from the article's context matches nothing here
    and is simply not marked.
    """
    start_iso = _str(ev.get("date_start"))
    if start_iso is None:
        return []
    lo = _iso_bounds(start_iso)
    hi = _iso_bounds(_str(ev.get("date_end")) or start_iso) or lo
    if lo is None or hi is None:
        return []
    from pipeline.stages.dates import find_dates

    lang = _str(ev.get("lang")) or ""
    out = []
    for m in find_dates(text[evidence[0]:evidence[1]], lang, lo[0]):
        bounds = _iso_bounds(m.date_start)
        end_bounds = _iso_bounds(m.date_end) or bounds
        if bounds and end_bounds and bounds[0] <= hi[1] and end_bounds[1] >= lo[0]:
            out.append((evidence[0] + m.start, evidence[0] + m.end))
    return out


def _entity_rows(entities: pd.DataFrame | None, doc_id: str, text: str) -> list[dict[str, Any]]:
    """The document's entities whose offsets fit the text (rows from another text version are dropped)."""
    rows = []
    for e in _records(entities):
        if _str(e.get("doc_id")) not in (None, doc_id):
            continue
        start, end = _int(e.get("start")), _int(e.get("end"))
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        written = _str(e.get("text"))
        if written is not None and text[start:end] != written:
            continue
        rows.append({**e, "start": start, "end": end})
    return rows


def _doc_events(events: pd.DataFrame | None, doc_id: str) -> list[dict[str, Any]]:
    rows = [e for e in _records(events) if _str(e.get("doc_id")) in (None, doc_id)]
    rows.sort(key=lambda e: (_int(e.get("char_start")) or 0, _str(e.get("event_id")) or ""))
    return rows


# --------------------------------------------------------------------------- #
# Markup pieces
# --------------------------------------------------------------------------- #

_LABEL_OK = re.compile(r"^[A-Z_]+$")


def _label(value: Any) -> str:
    label = (_str(value) or "OTHER").upper()
    return label if _LABEL_OK.match(label) and label in LABEL_COLOURS else "OTHER"


def _html_lang(lang: str | None) -> str | None:
    """The ``lang`` attribute: only a language the pipeline knows, never a value copied from a table."""
    return lang if lang in LANGS else None


def _mark(cls: str, tip: str) -> Markup:
    """An entity highlight's opening tag; the tooltip is escaped by ``Markup.format``."""
    return Markup('<mark class="{}" title="{}">').format(cls, tip)


def _entity_span(e: Mapping[str, Any], extra_class: str = "") -> _Span:
    label = _label(e.get("label"))
    canonical, country = _str(e.get("canonical")), _str(e.get("country"))
    tip = f"{label}: {canonical or e.get('text')}"
    if country and country != canonical:
        tip += f" ({country})"
    cls = f"vne-ent vne-{label}" + (f" {extra_class}" if extra_class else "")
    return _Span(e["start"], e["end"], 1, _mark(cls, tip), Markup("</mark>"),
                 last=Markup('<span class="vne-lbl" data-l="{}"></span>').format(label))


def _tagged(tag: str, cls: str, tip: str) -> tuple[Markup, Markup]:
    """Opening and closing tag of a highlight with a tooltip (``tag`` and ``cls`` are constants here)."""
    return Markup('<{} class="{}" title="{}">').format(tag, cls, tip), Markup("</{}>").format(tag)


def _dates_text(ev: Mapping[str, Any]) -> str | None:
    start, end = _str(ev.get("date_start")), _str(ev.get("date_end"))
    if start is None:
        return None
    return start if end in (None, start) else f"{start} → {end}"


def _location_text(ev: Mapping[str, Any]) -> str | None:
    loc = _dict(ev.get("location"))
    name = _str(loc.get("name")) or _str(ev.get("location_name"))
    country = _str(loc.get("country")) or _str(ev.get("location_country"))
    if name and country:
        return f"{name} ({country})"
    return name or country


def _event_summary(ev: Mapping[str, Any]) -> str:
    """One line for tooltips: type/subtype, status, date, place."""
    parts = ["/".join(p for p in (_str(ev.get("type")), _str(ev.get("subtype"))) if p)]
    parts += [p for p in (_str(ev.get("status")), _dates_text(ev), _location_text(ev)) if p]
    return ", ".join(p for p in parts if p)


def _anchor_prefix(doc_id: str, event_id: str | None) -> str:
    """Element ids for badge→card links: a hash, never the raw (untrusted) doc id."""
    return "vne-" + hashlib.sha1(f"{doc_id}\x00{event_id or ''}".encode()).hexdigest()[:10]


@dataclass(frozen=True)
class _Person:
    """One participant line of a card."""

    name: str
    detail: str | None  # role, country
    written: str | None  # the mention as written, when it differs from the name
    title: str | None


@dataclass(frozen=True)
class _Card:
    """What the card template shows of one event row: plain values, escaped by the template."""

    event_id: str
    type: str
    subtype: str | None
    status: str | None
    status_class: str | None  # a known status only: class names are never copied from the data
    colour: str
    number: int | None
    anchor: str | None
    dates: str | None
    precision: str | None
    place: str | None
    states: str | None
    people: list[_Person]
    document: str | None
    trigger: str | None
    confidence: str | None


def _confidence(value: Any) -> str | None:
    if _missing(value):
        return None
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return None


def _card(ev: Mapping[str, Any], number: int | None, anchor: str | None) -> _Card:
    """A small card with what the event row says."""
    etype = _str(ev.get("type")) or "event"
    status = _str(ev.get("status"))
    dates = _dates_text(ev)
    countries = [str(c) for c in _list(ev.get("countries")) if _str(c)]
    people = []
    for p in map(_dict, _list(ev.get("participants"))):
        name = _str(p.get("name")) or _str(p.get("mention"))
        if not name:
            continue
        bits = [b for b in (_str(p.get("role")), _str(p.get("country"))) if b]
        mention = _str(p.get("mention"))
        people.append(_Person(name, ", ".join(bits) or None, mention if mention and mention != name else None,
                              _str(p.get("title"))))
    trigger = _str(ev.get("trigger"))
    return _Card(event_id=_str(ev.get("event_id")) or "", type=etype, subtype=_str(ev.get("subtype")),
                 status=status, status_class=status if status in STATUSES else None,
                 colour=TYPE_COLOURS.get(etype, OTHER_TYPE_COLOUR), number=number, anchor=anchor,
                 dates=dates, precision=_str(ev.get("date_precision")) if dates else None,
                 place=_location_text(ev), states=", ".join(countries) or None, people=people,
                 document=_str(ev.get("title")), trigger=trigger.strip() if trigger else None,
                 confidence=_confidence(ev.get("confidence")))


def _page(fragment: str, title: str, lang: str | None) -> str:
    """A complete, self-contained HTML document around a fragment.

    The CSP forbids scripts, frames and every external fetch: defence in depth
    should a future change ever let unescaped article text through.
    """
    return render_template("evidence_page.html", fragment=fragment, title=title, lang=_html_lang(lang))


def _fragment(**view: Any) -> str:
    """The scoped ``<div class="vne">`` of a view (the templates/evidence.html fields)."""
    return render_template("evidence.html", label_colours=LABEL_COLOURS, **view)


def _doc_lang(events: list[dict[str, Any]]) -> str | None:
    langs = {_str(e.get("lang")) for e in events} - {None}
    return langs.pop() if len(langs) == 1 else None


# --------------------------------------------------------------------------- #
# Public renderers
# --------------------------------------------------------------------------- #


def _article_fragment(text: str, doc_id: str, events: pd.DataFrame | None, entities: pd.DataFrame | None,
                      event_id: str | None) -> tuple[str, str | None]:
    evs = _doc_events(events, doc_id)
    if event_id is not None:
        evs = [e for e in evs if _str(e.get("event_id")) == event_id]
        if not evs:
            raise KeyError(f"no event {event_id!r} in document {doc_id!r}")
    ents = _entity_rows(entities, doc_id, text)
    prefix = _anchor_prefix(doc_id, event_id)
    spans: list[_Span] = [_entity_span(e) for e in ents]
    by_evidence: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_trigger: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_date: dict[tuple[int, int], list[int]] = defaultdict(list)
    numbered = list(enumerate(evs, start=1))
    for n, ev in numbered:
        span = _evidence_span(text, ev)
        if span is None:
            continue
        by_evidence[span].append(n)
        trig = _trigger_span(text, ev, span)
        if trig:
            by_trigger[trig].append(n)
        for d in _date_spans(text, ev, span):
            by_date[d].append(n)
    for (start, end), ns in by_evidence.items():
        tip = "; ".join(f"[{n}] {_event_summary(evs[n - 1])}" for n in ns)
        badges = Markup("").join(Markup('<a class="vne-evn" href="#{}-{}" title="{}">{}</a>').format(
            prefix, n, _event_summary(evs[n - 1]), n) for n in ns)
        spans.append(_Span(start, end, 0, *_tagged("span", "vne-ev", tip), first=badges))
    for (start, end), ns in by_trigger.items():
        tip = "trigger of event " + ", ".join(str(n) for n in ns)
        spans.append(_Span(start, end, 3, *_tagged("b", "vne-trig", tip)))
    for (start, end), ns in by_date.items():
        tip = "; ".join(f"date of event {n}: {_dates_text(evs[n - 1])}" for n in ns)
        spans.append(_Span(start, end, 2, *_tagged("span", "vne-date", tip)))

    lang = _doc_lang(evs)
    n_events = len(evs)
    meta = (f"{n_events} event{'s' if n_events != 1 else ''} · {len(ents)} entities"
            + (f" · language {lang}" if lang else ""))
    fragment = _fragment(heading=doc_id, meta=meta,
                         labels=[lab for lab in LABEL_COLOURS if any(_label(e.get("label")) == lab for e in ents)],
                         event_view=False, lang=_html_lang(lang), gap_before=False, gap_after=False,
                         layered=_layer(text, spans), cards=[_card(ev, n, f"{prefix}-{n}") for n, ev in numbered])
    return fragment, lang


def render_article(text: str, doc_id: str, events: pd.DataFrame, entities: pd.DataFrame, *,
                   event_id: str | None = None) -> str:
    """The whole article as a self-contained HTML page, everything marked in place.

    ``text`` must be the article text the offsets refer to (as read by
    :mod:`pipeline.readers`). ``events`` and ``entities`` are the pipeline's tables;
    rows of other documents are ignored, so a whole run's tables can be passed.
    With ``event_id`` only that event's evidence, trigger, date and card are
    shown (entities stay marked); an unknown ``event_id`` raises ``KeyError``.
    """
    fragment, lang = _article_fragment(text, doc_id, events, entities, event_id)
    return _page(fragment, f"vnevents · {doc_id}", lang)


def _event_fragment(text: str, doc_id: str, events: pd.DataFrame | None, entities: pd.DataFrame | None,
                    event_id: str, context: int) -> tuple[str, str | None]:
    matches = [e for e in _doc_events(events, doc_id) if _str(e.get("event_id")) == event_id]
    if not matches:
        raise KeyError(f"no event {event_id!r} in document {doc_id!r}")
    ev = matches[0]
    evidence = _evidence_span(text, ev)
    if evidence is None:
        raise ValueError(f"event {event_id!r}: its evidence is not in the text given")
    cs, ce = evidence
    starts = [s for s, _ in _sentences(text) if s < cs]
    ends = [e for _, e in _sentences(text) if e > ce]
    lo = starts[-context] if context > 0 and len(starts) >= context else (starts[0] if context > 0 and starts else cs)
    hi = ends[context - 1] if context > 0 and len(ends) >= context else (ends[-1] if context > 0 and ends else ce)
    lo, hi = min(lo, cs), max(hi, ce)

    spans = [_Span(cs, ce, 0, *_tagged("span", "vne-ev vne-focus", "evidence"))]
    trig = _trigger_span(text, ev, evidence)
    if trig:
        spans.append(_Span(trig[0], trig[1], 3, *_tagged("b", "vne-trig", "trigger")))
    for d in _date_spans(text, ev, evidence):
        spans.append(_Span(d[0], d[1], 2, *_tagged("span", "vne-date", f"date: {_dates_text(ev)}")))
    # Participants: their entity mentions in the excerpt, else the mention as written in the evidence.
    ents = [e for e in _entity_rows(entities, doc_id, text) if e["start"] < hi and e["end"] > lo]
    people = [_dict(p) for p in _list(ev.get("participants"))]
    names = {_str(p.get("name")) for p in people} - {None}
    mentions = {_str(p.get("mention")) for p in people} - {None}
    marked_people: set[str] = set()
    for e in ents:
        is_person = _label(e.get("label")) == "PERSON"
        if is_person and (_str(e.get("canonical")) in names or _str(e.get("text")) in mentions):
            spans.append(_entity_span(e, "vne-part"))
            marked_people.add(_str(e.get("canonical")) or "")
    for p in people:
        mention = _str(p.get("mention"))
        if mention and _str(p.get("name")) not in marked_people:
            pattern = _phrase_pattern(mention)
            m = pattern.search(text, cs, ce) if pattern else None
            if m:
                tip = f"PERSON: {_str(p.get('name')) or mention}"
                spans.append(_Span(m.start(), m.end(), 1, _mark("vne-ent vne-PERSON vne-part", tip), Markup("</mark>")))
    loc = _dict(ev.get("location"))
    loc_name, loc_country = _str(loc.get("name")), _str(loc.get("country"))
    for e in ents:
        if _label(e.get("label")) not in ("PLACE", "COUNTRY"):
            continue
        forms = {(_str(e.get("text")) or "").lower(), (_str(e.get("canonical")) or "").lower()}
        # The place as written ("BAKU", "Hà Nội"); only the country when no place name is given.
        if (loc_name and loc_name.lower() in forms) or (not loc_name and loc_country
                                                        and _str(e.get("canonical")) == loc_country):
            spans.append(_entity_span(e, "vne-loc"))

    lang = _str(ev.get("lang"))
    fragment = _fragment(heading=f"{doc_id} · {_event_summary(ev)}", meta=f"characters {cs}–{ce} of {len(text)}",
                         labels=[], event_view=True, lang=_html_lang(lang), gap_before=lo > 0,
                         gap_after=hi < len(text), layered=_layer(text, spans, lo, hi), cards=[_card(ev, None, None)])
    return fragment, lang


def render_event(text: str, doc_id: str, events: pd.DataFrame, entities: pd.DataFrame | None, event_id: str, *,
                 context: int = 1) -> str:
    """One event as a self-contained HTML page: its evidence sentence with ``context`` sentences
    either side, the trigger, the participants' mentions, the date and the place marked, and its card.

    Only what proves this one event is marked, so a reviewer checking a row is
    not distracted by the rest of the article. Raises ``KeyError`` when the
    document has no such event.
    """
    fragment, lang = _event_fragment(text, doc_id, events, entities, event_id, context)
    return _page(fragment, f"vnevents · {doc_id} · {event_id}", lang)


@dataclass(frozen=True)
class Rendered:
    """Rendered HTML that Jupyter displays inline (``_repr_html_``) and that can be saved as a page."""

    fragment: str = field(repr=False)
    title: str = "vnevents"
    lang: str | None = None

    @property
    def html(self) -> str:
        """The complete stand-alone page."""
        return _page(self.fragment, self.title, self.lang)

    def _repr_html_(self) -> str:
        # Jupyter embeds this in its own page: the scoped fragment, not a nested <html> document.
        return self.fragment

    def save(self, path: str | Path) -> Path:
        """Write the page atomically to ``path`` (the caller's choice of name)."""
        return write_html(path, self.html)

    def __str__(self) -> str:
        return self.html


def _result_text(result: Any, doc_id: str, source: Any) -> str:
    texts = getattr(result, "texts", None) or getattr(result, "articles", None)
    if source is None and isinstance(texts, Mapping) and doc_id in texts:
        value = texts[doc_id]
        return value.text if isinstance(value, Article) else str(value)
    if source is None:
        raise ValueError("the extraction result does not keep article texts: pass source=..., the same "
                         "input that was given to pipeline.extract (a path, Articles, dicts or a DataFrame)")
    if isinstance(source, Mapping) and doc_id in source and isinstance(source[doc_id], str):
        return source[doc_id]  # {doc_id: text}
    item = find_article(source, doc_id)
    if not isinstance(item, Article):
        raise KeyError(f"no readable article {doc_id!r} in {source!r}")
    return item.text


def show(result: "ExtractionResult", doc_id: str, source: Any = None, *, event_id: str | None = None,
         context: int = 1) -> Rendered:
    """Display one article (or, with ``event_id``, one event) of an extraction result in Jupyter.

    The result's tables carry offsets, not the article text, so ``source`` is
    the input given to :func:`pipeline.extract` (a path, a list of Articles or
    dicts, a DataFrame) or a ``{doc_id: text}`` dict; the matching article is
    read again from it.
    """
    text = _result_text(result, doc_id, source)
    if event_id is None:
        fragment, lang = _article_fragment(text, doc_id, result.events, result.entities, None)
        title = f"vnevents · {doc_id}"
    else:
        fragment, lang = _event_fragment(text, doc_id, result.events, result.entities, event_id, context)
        title = f"vnevents · {doc_id} · {event_id}"
    return Rendered(fragment, title, lang)


def find_article(source: Any, doc_id: str) -> "Article | ReadFailure | None":
    """The first record with id ``doc_id`` in ``source`` (anything :func:`pipeline.extract` reads).

    Reading stops at the match, so one article of a large folder or JSONL file
    costs one read. A record with that id that could not be read comes back as
    its :class:`~pipeline.readers.ReadFailure`; no record at all gives None.
    :class:`~pipeline.readers.InputError` (missing path, unknown format) propagates.
    """
    from pipeline.api import _as_articles
    from pipeline.readers import ReadFailure

    wanted = unicodedata.normalize("NFC", doc_id.strip())
    for item in _as_articles(source):
        if isinstance(item, Article) and item.id == wanted:
            return item
        if isinstance(item, ReadFailure) and item.doc_id == wanted:
            return item
    return None


def write_html(path: str | Path, page: str) -> Path:
    """Write ``page`` as UTF-8 to ``path`` through :mod:`pipeline.atomic`, so an interrupted
    write never leaves a truncated page under the final name."""
    from pipeline.atomic import write_text

    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    return write_text(final, page)
