"""Evidence view: an article or one event as HTML, marked in place, plus the notebook's plots.

Why this exists: an analyst trusts a row of the event table only after seeing
the sentence behind it. So the view shows the article's own text with every
recognised entity (coloured by label, canonical form in the tooltip), every
event's evidence sentence (underlined, numbered, with a card per event) and
every trigger (bold) marked at the character offsets the pipeline produced;
nothing is re-tokenised or re-detected except the date expression inside an
evidence sentence, which the event table does not locate.

Why it is built the way it is:

* The article text is untrusted input (scraped pages may contain ``<script>``),
  so every piece of text and every attribute value goes through
  :func:`html.escape`, and the stand-alone page also carries a
  Content-Security-Policy that forbids scripts and external resources.
* Spans overlap freely (a PERSON "Azerbaijani Prime Minister" contains a
  COUNTRY and a TITLE; several events share one evidence sentence; an evidence
  sentence may cross another). :func:`_layer` emits tags with a stack and,
  where two spans cross, closes and reopens the inner one, so the HTML is
  always well formed.
* The page is self-contained (inline CSS, no scripts, no fonts or images
  fetched), so it can be mailed, archived or opened offline. The CSS is scoped
  under ``.vne`` so the same fragment can sit inside a Jupyter notebook without
  restyling it.

The helpers at the end (:func:`events_per_month`, :func:`country_network`,
:func:`participant_summary` and the two ``plot_*`` functions) are here so the
notebook ``notebooks/explore.ipynb`` only calls the package and holds no logic
of its own. matplotlib is imported inside the plotting functions: it is an
optional dependency and ``import pipeline.render`` must not need it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pandas as pd

from pipeline.doc import Article
from pipeline.schema import EVENT_TYPES

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
    "events_per_month",
    "country_network",
    "participant_summary",
    "plot_timeline",
    "plot_network",
]

#: Colours per entity label (background, underline) and per event type.
LABEL_COLOURS: dict[str, tuple[str, str]] = {
    "PERSON": ("#dbeafe", "#2563eb"),
    "COUNTRY": ("#dcfce7", "#16a34a"),
    "PLACE": ("#ffedd5", "#ea580c"),
    "TITLE": ("#f3e8ff", "#9333ea"),
    "ORG": ("#e0f2fe", "#0891b2"),
    "OTHER": ("#f1f5f9", "#64748b"),
}
TYPE_COLOURS: dict[str, str] = {"visit": "#2563eb", "meeting": "#16a34a", "agreement": "#9333ea"}

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


def _esc(value: Any) -> str:
    """Escape text and attribute values alike (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def _records(df: pd.DataFrame | None) -> list[dict[str, Any]]:
    if df is None or len(df) == 0:
        return []
    return df.to_dict("records")


# --------------------------------------------------------------------------- #
# Well-formed layering of overlapping spans
# --------------------------------------------------------------------------- #


@dataclass
class _Span:
    """One marked range [start, end) and the markup around it.

    ``first`` is emitted inside the element only where the span begins (event
    number badges), ``last`` only where it really ends (the entity label); a
    span split at a crossing gets neither on its continuation pieces.
    """

    start: int
    end: int
    rank: int  # for equal extents: lower = outer
    open: str
    close: str
    first: str = ""
    last: str = ""


def _layer(text: str, spans: Iterable[_Span], lo: int = 0, hi: int | None = None) -> str:
    """HTML for text[lo:hi] with every span marked; crossing spans are split, never mis-nested."""
    hi = len(text) if hi is None else hi
    kept: list[_Span] = []
    seen: set[tuple[int, int, str]] = set()
    for s in spans:
        start, end = max(s.start, lo), min(s.end, hi)
        if start >= end or (start, end, s.open) in seen:
            continue
        seen.add((start, end, s.open))
        kept.append(_Span(start, end, s.rank, s.open, s.close,
                          s.first if start == s.start else "", s.last if end == s.end else ""))
    starting: dict[int, list[_Span]] = defaultdict(list)
    for s in kept:
        starting[s.start].append(s)
    bounds = sorted({lo, hi} | {s.start for s in kept} | {s.end for s in kept})
    out: list[str] = []
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
            out.append(_esc(text[pos:bounds[k + 1]]))
    assert not stack, "every span ends within [lo, hi]"
    return "".join(out)


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
    """This document's entities whose offsets fit the text (rows from another text version are dropped)."""
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


def _entity_span(e: Mapping[str, Any], extra_class: str = "") -> _Span:
    label = _label(e.get("label"))
    canonical, country = _str(e.get("canonical")), _str(e.get("country"))
    tip = f"{label}: {canonical or e.get('text')}"
    if country and country != canonical:
        tip += f" ({country})"
    cls = f"vne-ent vne-{label}" + (f" {extra_class}" if extra_class else "")
    return _Span(e["start"], e["end"], 1, f'<mark class="{cls}" title="{_esc(tip)}">', "</mark>",
                 last=f'<span class="vne-lbl" data-l="{_esc(label)}"></span>')


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


def _card(ev: Mapping[str, Any], number: int | None, anchor: str | None) -> str:
    """A small card with what the event row says."""
    etype = _str(ev.get("type")) or "event"
    colour = TYPE_COLOURS.get(etype, "#475569")
    head = _esc(etype) + (f' <span class="vne-sub">{_esc(ev.get("subtype"))}</span>' if _str(ev.get("subtype")) else "")
    status = _str(ev.get("status"))
    rows: list[tuple[str, str]] = []
    if _dates_text(ev):
        prec = _str(ev.get("date_precision"))
        rows.append(("date", _esc(_dates_text(ev)) + (f' <span class="vne-dim">({_esc(prec)})</span>' if prec else "")))
    if _location_text(ev):
        rows.append(("place", _esc(_location_text(ev))))
    countries = [str(c) for c in _list(ev.get("countries")) if _str(c)]
    if countries:
        rows.append(("states", _esc(", ".join(countries))))
    people = []
    for p in _list(ev.get("participants")):
        p = _dict(p)
        name = _str(p.get("name")) or _str(p.get("mention"))
        if not name:
            continue
        bits = [b for b in (_str(p.get("role")), _str(p.get("country"))) if b]
        detail = f' <span class="vne-dim">{_esc(", ".join(bits))}</span>' if bits else ""
        title = _str(p.get("title"))
        mention = _str(p.get("mention"))
        written = f' <span class="vne-dim">“{_esc(mention)}”</span>' if mention and mention != name else ""
        people.append(f"<li><b>{_esc(name)}</b>{detail}{written}"
                      + (f'<br><span class="vne-dim">{_esc(title)}</span>' if title else "") + "</li>")
    if people:
        rows.append(("who", '<ul class="vne-people">' + "".join(people) + "</ul>"))
    if _str(ev.get("title")):
        rows.append(("document", _esc(ev.get("title"))))
    if _str(ev.get("trigger")):
        rows.append(("trigger", f"<b>{_esc(str(ev.get('trigger')).strip())}</b>"))
    conf = ev.get("confidence")
    if not _missing(conf):
        try:
            rows.append(("confidence", _esc(f"{float(conf):.2f}")))
        except (TypeError, ValueError):
            pass
    badge = f'<span class="vne-num">{number}</span>' if number is not None else ""
    status_html = f'<span class="vne-status vne-{_esc(status)}">{_esc(status)}</span>' if status else ""
    id_attr = f' id="{anchor}"' if anchor else ""
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (f'<div class="vne-card"{id_attr} style="border-left-color:{colour}">'
            f'<div class="vne-head">{badge}<span class="vne-type" style="color:{colour}">{head}</span>'
            f'{status_html}</div>'
            f'<table>{body}</table><div class="vne-id">{_esc(ev.get("event_id"))}</div></div>')


_CSS = """
.vne{font-family:"Noto Sans","DejaVu Sans","Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#fff;
 padding:16px 20px;max-width:1280px;box-sizing:border-box}
.vne h1{font-size:18px;margin:0 0 4px 0;font-weight:600}
.vne .vne-meta{color:#57606a;font-size:13px;margin-bottom:10px}
.vne .vne-legend{font-size:12px;margin-bottom:12px;line-height:2}
.vne .vne-legend>*{margin-right:6px}
.vne .vne-wrap{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.vne .vne-text{flex:3 1 520px;min-width:0;white-space:pre-wrap;font-size:16px;line-height:2.1;overflow-wrap:anywhere}
.vne .vne-side{flex:1 1 300px;max-width:440px;font-size:13px;line-height:1.4}
.vne mark.vne-ent{color:inherit;border-radius:3px;padding:1px 1px;border-bottom:2px solid;
 -webkit-box-decoration-break:clone;box-decoration-break:clone}
.vne mark.vne-ent mark.vne-ent{padding:0}
""" + "".join(
    f".vne .vne-{label}{{background:{bg};border-bottom-color:{line}}}\n" for label, (bg, line) in LABEL_COLOURS.items()
) + """
.vne .vne-lbl::after{content:attr(data-l);font-size:9px;font-weight:600;letter-spacing:.02em;color:#57606a;
 vertical-align:super;margin-left:2px;line-height:1}
.vne .vne-ev{text-decoration:underline wavy #d97706;text-decoration-thickness:1px;text-underline-offset:6px;
 background:#fffbeb}
.vne .vne-focus{background:#fef3c7}
.vne .vne-trig{font-weight:700;color:#9a3412}
.vne .vne-date{outline:2px solid #0d9488;outline-offset:0;border-radius:3px}
.vne .vne-loc{outline:2px dashed #ea580c;border-radius:3px}
.vne .vne-part{outline:2px solid #2563eb;border-radius:3px}
.vne a.vne-evn,.vne .vne-num{display:inline-block;min-width:1.4em;padding:0 4px;margin-right:3px;border-radius:9px;
 background:#d97706;color:#fff;font-size:11px;font-weight:700;line-height:1.5;text-align:center;
 text-decoration:none;vertical-align:middle}
.vne .vne-card{border:1px solid #d0d7de;border-left:5px solid;border-radius:6px;padding:6px 10px;margin:0 0 10px 0;
 background:#f8fafc}
.vne .vne-head{margin-bottom:4px}
.vne .vne-type{font-weight:700;margin-right:6px}
.vne .vne-sub{font-weight:400}
.vne .vne-status{font-size:11px;padding:1px 6px;border-radius:8px;background:#e5e7eb}
.vne .vne-occurred{background:#dcfce7}
.vne .vne-planned{background:#fef9c3}
.vne .vne-card table{border-collapse:collapse;width:100%}
.vne .vne-card th{text-align:left;vertical-align:top;color:#57606a;font-weight:400;padding:1px 8px 1px 0;width:5.5em}
.vne .vne-card td{padding:1px 0;vertical-align:top}
.vne .vne-people{margin:0;padding-left:1.1em}
.vne .vne-dim{color:#57606a;font-size:12px}
.vne .vne-id{color:#8c959f;font-size:10px;margin-top:3px;font-family:monospace;word-break:break-all}
.vne .vne-gap{color:#8c959f}
"""


def _legend(labels: Iterable[str], event_view: bool = False) -> str:
    items = [f'<mark class="vne-ent vne-{lab}">{lab.lower()}</mark>' for lab in labels]
    items += ['<span class="vne-ev">evidence sentence</span>', '<span class="vne-trig">trigger</span>',
              '<span class="vne-date">date</span>']
    if event_view:
        items += ['<span class="vne-part">participant</span>', '<span class="vne-loc">place</span>']
    return '<div class="vne-legend">' + " ".join(items) + "</div>"


def _wrap(body: str) -> str:
    return f'<div class="vne"><style>{_CSS}</style>{body}</div>'


def _page(fragment: str, title: str, lang: str | None) -> str:
    """A complete, self-contained HTML document around a fragment.

    The CSP forbids scripts, frames and every external fetch: defence in depth
    should a future change ever let unescaped article text through.
    """
    lang_attr = f' lang="{_esc(lang)}"' if lang in ("vi", "en") else ""
    return ("<!DOCTYPE html>\n"
            f"<html{lang_attr}><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_esc(title)}</title></head><body style=\"margin:0;background:#fff\">\n"
            f"{fragment}\n</body></html>\n")


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
        badges = "".join(f'<a class="vne-evn" href="#{prefix}-{n}" title="{_esc(_event_summary(evs[n - 1]))}">{n}</a>'
                         for n in ns)
        spans.append(_Span(start, end, 0, f'<span class="vne-ev" title="{_esc(tip)}">', "</span>", first=badges))
    for (start, end), ns in by_trigger.items():
        tip = "trigger of event " + ", ".join(str(n) for n in ns)
        spans.append(_Span(start, end, 3, f'<b class="vne-trig" title="{_esc(tip)}">', "</b>"))
    for (start, end), ns in by_date.items():
        tip = "; ".join(f"date of event {n}: {_dates_text(evs[n - 1])}" for n in ns)
        spans.append(_Span(start, end, 2, f'<span class="vne-date" title="{_esc(tip)}">', "</span>"))

    lang = _doc_lang(evs)
    lang_attr = f' lang="{lang}"' if lang else ""
    labels = [lab for lab in LABEL_COLOURS if any(_label(e.get("label")) == lab for e in ents)]
    n_events = len(evs)
    meta = (f"{n_events} event{'s' if n_events != 1 else ''} · {len(ents)} entities"
            + (f" · language {lang}" if lang else ""))
    cards = "".join(_card(ev, n, f"{prefix}-{n}") for n, ev in numbered) or '<div class="vne-dim">no events</div>'
    body = (f"<h1>{_esc(doc_id)}</h1><div class=\"vne-meta\">{_esc(meta)}</div>{_legend(labels)}"
            f'<div class="vne-wrap"><div class="vne-text"{lang_attr}>{_layer(text, spans)}</div>'
            f'<div class="vne-side">{cards}</div></div>')
    return _wrap(body), lang


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

    spans = [_Span(cs, ce, 0, '<span class="vne-ev vne-focus" title="evidence">', "</span>")]
    trig = _trigger_span(text, ev, evidence)
    if trig:
        spans.append(_Span(trig[0], trig[1], 3, '<b class="vne-trig" title="trigger">', "</b>"))
    for d in _date_spans(text, ev, evidence):
        spans.append(_Span(d[0], d[1], 2, f'<span class="vne-date" title="date: {_esc(_dates_text(ev))}">', "</span>"))
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
                spans.append(_Span(m.start(), m.end(), 1,
                                   f'<mark class="vne-ent vne-PERSON vne-part" title="{_esc(tip)}">', "</mark>"))
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
    lang_attr = f' lang="{_esc(lang)}"' if lang in ("vi", "en") else ""
    before = '<span class="vne-gap">… </span>' if lo > 0 else ""
    after = '<span class="vne-gap"> …</span>' if hi < len(text) else ""
    body = (f"<h1>{_esc(doc_id)} · {_esc(_event_summary(ev))}</h1>"
            f'<div class="vne-meta">characters {cs}–{ce} of {len(text)}</div>{_legend((), event_view=True)}'
            f'<div class="vne-wrap"><div class="vne-text"{lang_attr}>{before}{_layer(text, spans, lo, hi)}{after}</div>'
            f'<div class="vne-side">{_card(ev, None, None)}</div></div>')
    return _wrap(body), lang


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


# --------------------------------------------------------------------------- #
# Tables and plots for the notebook
# --------------------------------------------------------------------------- #


def events_per_month(events: pd.DataFrame) -> pd.DataFrame:
    """Events per calendar month of ``date_start``, one column per event type, months without events as 0.

    Events whose date is missing or only a year ('1959') have no month and are
    left out: spreading them over twelve months would invent dates.
    """
    types = list(EVENT_TYPES)
    months: list[tuple[str, str]] = []
    for ev in _records(events):
        iso, etype = _str(ev.get("date_start")), _str(ev.get("type"))
        if iso and etype and len(iso) >= 7 and _iso_bounds(iso[:7]):
            months.append((iso[:7], etype))
            if etype not in types:
                types.append(etype)
    if not months:
        empty = pd.DataFrame(columns=types, dtype="int64")
        empty.index.name, empty.columns.name = "month", "type"
        return empty
    counts = Counter(months)
    index = [str(p) for p in pd.period_range(min(m for m, _ in months), max(m for m, _ in months), freq="M")]
    table = pd.DataFrame({t: [counts.get((m, t), 0) for m in index] for t in types}, index=index, dtype="int64")
    table.index.name, table.columns.name = "month", "type"
    return table


def country_network(events: pd.DataFrame) -> pd.DataFrame:
    """Country-to-country edges with a count of events: ``source``, ``target``, ``type``, ``count``.

    A visit points from each visitor's country to each host country (host
    participants' countries and the location's country, unless that is the
    visitor's own); when the roles are missing, the event's other countries
    fill in the missing side. A visit with no known direction gives no edge.
    Meetings and agreements are symmetric, so each unordered pair of the
    event's countries is one edge with ``source`` < ``target``. Counts are
    rows of the table given: pass :func:`pipeline.views.real_events` (or use
    ``result.country_network()``) to count each real event once; on the events
    table the same visit reported by two articles counts twice.
    """
    from pipeline.views import visit_direction

    counts: Counter[tuple[str, str, str]] = Counter()
    for ev in _records(events):
        etype = _str(ev.get("type"))
        countries = sorted({str(c) for c in _list(ev.get("countries")) if _str(c)})
        if etype is None:
            continue
        if etype == "visit":
            visitors, hosts = visit_direction(ev)
            for v in sorted(visitors):
                for h in sorted(hosts):
                    if v != h:
                        counts[(v, h, "visit")] += 1
        else:
            for a, b in combinations(countries, 2):
                counts[(a, b, etype)] += 1
    rows = [(s, t, ty, n) for (s, t, ty), n in counts.items()]
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    rows.sort(key=lambda r: (order.get(r[2], len(order)), r[2], r[0], r[1]))
    out = pd.DataFrame(rows, columns=["source", "target", "type", "count"])
    out["count"] = out["count"].astype("int64")
    return out


def participant_summary(participants: pd.DataFrame) -> pd.DataFrame:
    """People by number of events: ``name``, ``country``, ``events``, ``articles``, ``roles``
    (e.g. 'visitor 3, host 1'), most active first."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for p in _records(participants):
        name = _str(p.get("name"))
        if not name:
            continue
        key = (name, _str(p.get("country")) or "")
        g = groups.setdefault(key, {"events": set(), "docs": set(), "roles": Counter()})
        g["events"].add(_str(p.get("event_id")))
        g["docs"].add(_str(p.get("doc_id")))
        g["roles"][_str(p.get("role")) or "?"] += 1
    rows = [{"name": name, "country": country or None, "events": len(g["events"]), "articles": len(g["docs"]),
             "roles": ", ".join(f"{r} {n}" for r, n in g["roles"].most_common())}
            for (name, country), g in groups.items()]
    rows.sort(key=lambda r: (-r["events"], r["name"]))
    return pd.DataFrame(rows, columns=["name", "country", "events", "articles", "roles"])


def plot_timeline(events: pd.DataFrame, ax: Any = None, *, title: str = "Events per month (date_start)",
                  ylabel: str = "events") -> Any:
    """Stacked bars of events per month by type (see :func:`events_per_month`); returns the Axes.
    Give ``result.event_clusters`` to count real events, ``result.events`` to count reports."""
    import matplotlib.pyplot as plt

    table = events_per_month(events)
    if ax is None:
        _, ax = plt.subplots(figsize=(min(14.0, max(6.0, 0.45 * len(table) + 2)), 3.6), layout="constrained")
    if table.empty:
        ax.text(0.5, 0.5, "no events dated to a month", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    x = list(range(len(table)))
    bottom = [0] * len(table)
    for etype in table.columns:
        values = table[etype].tolist()
        if sum(values):
            ax.bar(x, values, bottom=bottom, label=etype, color=TYPE_COLOURS.get(etype), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values)]
    step = max(1, math.ceil(len(x) / 24))  # at most ~24 month labels
    ax.set_xticks(x[::step], labels=list(table.index[::step]), rotation=45 if len(x) > 6 else 0, ha="right"
                  if len(x) > 6 else "center")
    ax.set_xlim(-0.6 if len(x) > 2 else -1.5, len(x) - 0.4 if len(x) > 2 else len(x) + 0.5)  # one bar stays a bar
    ax.set_xlabel("month of date_start")
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_network(events: pd.DataFrame, ax: Any = None, *,
                 title: str = "Countries: visits, meetings and agreements (number = events)") -> Any:
    """Countries on a circle, an arrow per visit direction (visitor → host) and a line per meeting or
    agreement pair, width growing with the count; returns the Axes. Give
    ``result.real_events()`` to count each real event once, ``result.events`` to count reports."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    edges = country_network(events)
    nodes = sorted(set(edges["source"]) | set(edges["target"]))
    if ax is None:
        side = 6.5 if len(nodes) <= 10 else 8.5
        _, ax = plt.subplots(figsize=(side, side), layout="constrained")
    # positions carry no scale: no ticks or frame, but the axis label says how to read the drawing
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    ax.set_xlabel("arrow: visitor's country → host country; line: countries meeting or signing; "
                  "number: count", fontsize=9)
    ax.set_title(title)
    ax.set_aspect("equal")
    if edges.empty:
        ax.text(0.5, 0.5, "no pair of countries in any event", ha="center", va="center", transform=ax.transAxes)
        return ax
    # A hub (one country in most edges: Viet Nam in a Vietnamese news feed) goes in the centre,
    # so its edges fan out instead of crossing the circle; the others sit on the circle.
    degree: Counter[str] = Counter()
    for row in edges.itertuples(index=False):
        degree[row.source] += 1
        degree[row.target] += 1
    hub, hub_degree = degree.most_common(1)[0]
    centre = hub if len(nodes) >= 4 and hub_degree * 2 > len(edges) else None
    ring = [c for c in nodes if c != centre]
    n = len(ring)
    pos = {c: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
           for i, c in enumerate(ring)}
    if centre is not None:
        pos[centre] = (0.0, 0.0)
    size = 1100.0 if len(nodes) <= 10 else max(550.0, 11000.0 / len(nodes))
    shrink = math.sqrt(size / math.pi) + 2  # points: arrows stop at the node's edge
    # Visits curve gently (A→B and B→A bend to opposite sides); meetings and agreements bend
    # further, to opposite sides, so three kinds of edge between one pair stay apart.
    curve = {"visit": 0.12, "meeting": 0.3, "agreement": -0.3}
    top = max(int(edges["count"].max()), 1)
    for row in edges.itertuples(index=False):
        (x1, y1), (x2, y2) = pos[row.source], pos[row.target]
        rad = curve.get(row.type, 0.0)
        colour = TYPE_COLOURS.get(row.type, "#475569")
        width = 1.2 + 3.5 * math.log1p(row.count) / math.log1p(top)
        style = "-|>,head_length=0.6,head_width=0.35" if row.type == "visit" else "-"
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                    arrowprops=dict(arrowstyle=style, color=colour, lw=width, alpha=0.75,
                                    shrinkA=shrink, shrinkB=shrink,
                                    connectionstyle=f"arc3,rad={rad}"))
        # The middle of arc3's quadratic curve: the chord's midpoint pushed rad/2 of the chord sideways.
        mx, my = (x1 + x2) / 2 + rad / 2 * (y2 - y1), (y1 + y2) / 2 - rad / 2 * (x2 - x1)
        ax.text(mx, my, str(row.count), fontsize=8, color=colour, ha="center", va="center", zorder=2,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))
    ax.scatter([pos[c][0] for c in nodes], [pos[c][1] for c in nodes], s=size, color="#f1f5f9",
               edgecolors="#334155", linewidths=1.2, zorder=3)
    for c in nodes:
        ax.text(pos[c][0], pos[c][1], c, ha="center", va="center", fontsize=10 if size >= 1000 else 8,
                fontweight="bold", zorder=4)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    present = [t for t in curve if t in set(edges["type"])]
    handles = [Line2D([], [], color=TYPE_COLOURS[t], lw=2.5, label=("visit (visitor → host)" if t == "visit" else t))
               for t in present]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=len(handles), frameon=False,
              fontsize=9)
    return ax
