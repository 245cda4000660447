"""Run the stages over articles: ingest, language routing, backends, actors, frames, consolidation.

One cached backend per language; articles are grouped by language and handed to
the backend in batches. Every article handed to :meth:`Pipeline.run` comes back
as exactly one :class:`ArticleResult`, in input order: with its events (maybe
none), or with ``error = (stage, error class, message)`` when it failed a stage.
One article's failure never stops the batch.

Before any backend sees it, an article is validated (stage ``validate``): its
text must be a string of valid Unicode (no lone surrogates) with letters in it,
and its id must not repeat an earlier one. HTML markup is masked: tags,
comments, scripts and styles become spaces (block tags a line break) and
entities their character padded with spaces, so the text keeps its length and
every offset still points into the original; evidence, triggers and entity
texts are then taken from the original text. Text that is clearly not
Vietnamese or English (mostly non-Latin letters, or another language by
py3langid's unrestricted model) is reported in stage ``langid``, never forced
into vi/en. Texts longer than ``max_chars`` are analysed in windows of whole
lines (:mod:`pipeline.limits`). A final check (stage ``check``) turns an event
whose offsets or vocabulary break the contract into an error row rather than a
bad output row.
"""
from __future__ import annotations

import copy
import datetime as dt
import html
import logging
import re
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator

from pipeline.backends.base import DEFAULT_BACKENDS, Backend, load_backend
from pipeline.doc import Article, Entity, Event, Sentence, Token
from pipeline.lang.sentences import join_abbreviation_splits
from pipeline.limits import DEFAULT_MAX_CHARS, check_max_chars, windows
from pipeline.readers import parse_published
from pipeline.schema import EVENT_TYPES, ROLES, STATUSES, SUBTYPES
from pipeline.stages.actors import ActorFinder
from pipeline.stages.consolidate import assign_ids, consolidate
from pipeline.stages.confidence import ConfidenceModel, filter_enabled, load_model, score_article
from pipeline.stages.date_sources import explain_missing_dates, mark_yearless_days, plan_after_publication
from pipeline.stages.dateline import clutter_spans, parse_dateline, readable_place
from pipeline.stages.frames import ArticleContext, FrameFiller, find_triggers
from pipeline.stages.gazetteer import PlaceGazetteer
from pipeline.stages.langid import SUPPORTED, detect_language
from pipeline.stages.visit_context import carry_visit_places
from pipeline.values import is_missing, printable

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    doc_id: str
    lang: str | None
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: tuple[str, str, str] | None = None  # stage, error class, message

    @property
    def ok(self) -> bool:
        return self.error is None


class ArticleError(Exception):
    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(f"{stage}: {exc}")
        self.stage = stage
        self.exc = exc


class Rejected(Exception):
    """An article refused before analysis; ``error`` is the error class written to the errors table."""

    def __init__(self, stage: str, error: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.error = error


@dataclass
class RunStats:
    """Where every input article went: ``articles == processed_ok + failures`` always holds.

    ``failures`` counts read failures and articles that failed a stage (one row each
    in the errors table); ``no_events`` counts the articles processed without error
    that gave no event, so an article with nothing to report is still accounted for.
    """

    articles: int = 0
    processed_ok: int = 0
    failures: int = 0
    no_events: int = 0
    events: int = 0

    def add(self, item: Any) -> None:
        """Count one input item: an :class:`ArticleResult` or an ``io.ReadFailure``."""
        self.articles += 1
        if not isinstance(item, ArticleResult) or item.error is not None:
            self.failures += 1
            return
        self.processed_ok += 1
        self.events += len(item.events)
        if not item.events:
            self.no_events += 1

    def as_dict(self) -> dict[str, int]:
        return {"articles": self.articles, "processed_ok": self.processed_ok, "failures": self.failures,
                "no_events": self.no_events, "events": self.events}


REFERENCE_YEARS = (1000, 8999)  # a publication date outside these is not used to resolve relative dates


def _place_name(place: str | None) -> str | None:
    """A dateline place as running text writes it: the gazetteer's spelling ("BAKU" -> "Baku"), or
    the capitals undone where the dateline carries diacritics the gazetteer may lack ("HÀ NỘI")."""
    if not place or not place.isupper():
        return place
    known = None if not place.isascii() else PlaceGazetteer.load().written_form(place)
    return known or readable_place(place)


def reference_date(published: str | None) -> dt.date | None:
    """The publication date as a date: a month-only date ('2024-08') resolves relative
    expressions against the middle of that month.

    A date near the ends of the calendar (the 0001-01-01 a database writes for "no date")
    is no reference: "yesterday" from it would fall off the calendar (OverflowError)."""
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) >= 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        elif len(parts) == 2:
            day = dt.date(int(parts[0]), int(parts[1]), 15)
        else:
            day = dt.date(int(parts[0]), 7, 1)
    except ValueError:
        return None
    return day if REFERENCE_YEARS[0] <= day.year <= REFERENCE_YEARS[1] else None


# ------------------------------------------------------------------ validation and language

_SURROGATE = re.compile("[\ud800-\udfff]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters outside the Latin script (Basic Latin, Latin-1, Extended-A/B, IPA, Vietnamese's
# Latin Extended Additional, Extended-C/D/E, full-width Latin).
_NON_LATIN_LETTER = re.compile(
    "[^\\W\\d_A-Za-z\u00c0-\u02af\u1d00-\u1dbf\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff"
    "\uab30-\uab6f\uff21-\uff3a\uff41-\uff5a]")
LANGID_SAMPLE = 200_000     # characters given to the unrestricted language identifier
MIN_LETTERS_FOR_LANGID = 30  # fewer letters: too little to call a language unsupported
VI_EN_FLOOR = 0.02          # vi + en probability below this (unrestricted model): another language


@lru_cache(maxsize=1)
def _open_identifier():
    """py3langid's model over all its languages, with probabilities: a second identifier over
    the arrays the vi/en one (stages/langid.py, left restricted) already holds, so the model is
    in memory once (a fresh load would cost ~170 MB more per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from pipeline.stages.langid import _identifier

    try:
        ident = copy.copy(_identifier().IDENTIFIER)  # shares every array and table
        ident.set_languages(None)                    # all languages, on the copy only
        ident._norm_probs = True
        return ident
    except (AttributeError, TypeError, ValueError):  # another py3langid layout: load it again
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else f"U+{ord(ch):04X}"


def unsupported_language(text: str, lang: str | None) -> str | None:
    """Why ``text`` is not Vietnamese or English, or None when it may well be.

    Mostly non-Latin letters (Han, Arabic, Cyrillic, ...) always count; when the
    article names no language, py3langid over all its languages decides a
    Latin-script text is another language only when it gives vi and en together
    less than 2% (short English full of names can look like anything, so the
    bar is set where only clearly foreign text falls).
    """
    letters = len(_LETTER.findall(text))
    if not letters:
        return None
    foreign = _NON_LATIN_LETTER.findall(text)
    if 2 * len(foreign) > letters:
        best = _open_identifier().classify(text[:LANGID_SAMPLE])[0]
        script = Counter(_script_of(c) for c in foreign[:10_000]).most_common(1)[0][0]
        return (f"unsupported language {best!r}: {100 * len(foreign) // letters}% of the letters are not "
                f"Latin (mostly {script})")
    if lang is not None or letters < MIN_LETTERS_FOR_LANGID:
        return None
    ranked = dict(_open_identifier().rank(text[:LANGID_SAMPLE]))
    best = max(ranked, key=ranked.get)
    if best not in SUPPORTED and sum(ranked.get(code, 0.0) for code in SUPPORTED) < VI_EN_FLOOR:
        return f"unsupported language {best!r} (py3langid p={ranked[best]:.2f}; vi+en p<{VI_EN_FLOOR})"
    return None


# ------------------------------------------------------------------ HTML markup, masked in place

_BLOCK_TAGS = frozenset("""address article aside blockquote body br caption center dd details dialog div dl dt
    fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe
    img legend li link main menu meta nav ol option p pre section select summary table tbody td textarea tfoot
    th thead title tr ul""".split())
_INLINE_TAGS = frozenset("""a abbr acronym audio b base basefont bdi bdo big button canvas cite code col colgroup
    data datalist del dfn em embed font i input ins kbd label map mark meter object output param picture
    progress q rp rt ruby s samp small source span strike strong sub sup svg time track tt u var video wbr
    path g noscript script style template""".split())
_HTML_TAGS = _BLOCK_TAGS | _INLINE_TAGS
_RAW_OPEN = re.compile(r"<!--|<(script|style|noscript|template)\b[^<>]*>", re.I)
_RAW_CLOSE = {"": re.compile("-->")} | {
    name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "noscript", "template")}
_MARKUP = re.compile(r"""
    <![A-Za-z\[][^<>]*>                     # doctype, CDATA opener
  | <\?[^<>]*\?>                            # processing instruction
  | </?(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?:[\s/][^<>]*)?>   # a tag (known names only, below)
""", re.X)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_HINT = re.compile(r"[<&]")


def mask_markup(text: str) -> str:
    """``text`` with HTML markup blanked out, same length, so every offset stays valid.

    Tags of known HTML elements, comments, doctypes and the content of script and
    style elements become spaces (a block tag such as ``<p>`` or ``<br>`` becomes a
    line break followed by spaces, so it separates sentences); a character entity
    becomes its character followed by spaces. Nothing else changes: plain text
    (even with ``<`` or ``&`` in it) is returned as it is.
    """
    if not _MARKUP_HINT.search(text):
        return text
    out = list(text)

    def blank(start: int, end: int, newline: bool = False) -> None:
        for k in range(start, end):
            out[k] = " "
        if newline and end > start:
            out[start] = "\n"

    # comments and script/style elements, with their content; each closer is searched for
    # once per kind, so a page full of unterminated openers stays linear
    unterminated: set[str] = set()
    pos = 0
    while True:
        m = _RAW_OPEN.search(text, pos)
        if m is None:
            break
        kind = (m.group(1) or "").lower()
        close = None if kind in unterminated else _RAW_CLOSE[kind].search(text, m.end())
        if close is None:
            unterminated.add(kind)
            end = m.end() if kind else m.start() + 4
        else:
            end = close.end()
        blank(m.start(), end, newline=bool(kind))
        pos = end
    for m in _MARKUP.finditer(text):
        if out[m.start()] != "<":
            continue  # inside a blanked script/style element
        name = (m.group("name") or "").lower()
        if m.group("name") is None or name in _HTML_TAGS:
            blank(m.start(), m.end(), newline=name in _BLOCK_TAGS)
    for m in _ENTITY.finditer(text):
        if out[m.start()] != "&":
            continue
        char = html.unescape(m.group())
        if len(char) != 1 or char == m.group():
            continue
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cs") or char == "\ufffd":
            char = " "
        blank(m.start(), m.end())
        out[m.start()] = char
    return "".join(out)


# ------------------------------------------------------------------ the final contract check

_ISO = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_ISO3 = re.compile(r"[A-Z]{3}")


def check_event(e: Event, text: str) -> str | None:
    """What is wrong with an event against the contract (spec section 2), or None."""
    if not (0 <= e.char_start < e.char_end <= len(text)):
        return f"evidence offsets {e.char_start}-{e.char_end} outside the text (length {len(text)})"
    if text[e.char_start:e.char_end] != e.evidence:
        return f"evidence is not the text at {e.char_start}-{e.char_end}"
    if e.type not in EVENT_TYPES:
        return f"unknown event type {e.type!r}"
    if e.subtype is not None and e.subtype not in SUBTYPES[e.type]:
        return f"unknown {e.type} subtype {e.subtype!r}"
    if e.status not in STATUSES:
        return f"unknown status {e.status!r}"
    if not e.trigger.strip() or e.trigger.strip() not in e.evidence:
        return f"trigger {e.trigger!r} is not in the evidence"
    for d in (e.date_start, e.date_end):
        if d is not None and not _ISO.fullmatch(d):
            return f"date {d!r} is not ISO"
    if e.date_start and e.date_end and e.date_end < e.date_start:
        return f"date_end {e.date_end} before date_start {e.date_start}"
    if e.countries != sorted(set(e.countries)) or not all(_ISO3.fullmatch(c or "") for c in e.countries):
        return f"countries {e.countries!r} are not sorted unique ISO3 codes"
    if e.location_country is not None and not _ISO3.fullmatch(e.location_country):
        return f"location country {e.location_country!r} is not an ISO3 code"
    for p in e.participants:
        if p.role not in ROLES:
            return f"participant {p.name!r} has unknown role {p.role!r}"
    if not 0.0 <= e.confidence <= 1.0:
        return f"confidence {e.confidence} outside 0-1"
    return None


# ------------------------------------------------------------------ the pipeline

@dataclass
class _Prepared:
    """An article that passed validation: ``text`` is what the stages analyse (markup masked)."""

    index: int
    art: Article          # the article as given (text NFC-normalised)
    text: str             # same length as art.text; markup blanked
    lang: str


def _shift(res: tuple[list[Sentence], list[Entity]], offset: int) -> tuple[list[Sentence], list[Entity]]:
    if not offset:
        return res
    sentences, ents = res
    out_s = [Sentence(s.start + offset, s.end + offset, s.text,
                      None if s.tokens is None else
                      [Token(t.start + offset, t.end + offset, t.text, t.upos, t.head, t.deprel) for t in s.tokens])
             for s in sentences]
    out_e = []
    for x in ents:
        x = Entity(x.start + offset, x.end + offset, x.text, x.label, x.canonical, x.country, x.source, x.title,
                   dict(x.extra))
        out_e.append(x)
    return out_s, out_e


class Pipeline:
    """The configured chain of stages; backends load lazily, once.

    ``max_chars``: the most characters one backend call analyses; a longer text is
    analysed in windows of whole lines (see :mod:`pipeline.limits`).
    ``confidence_filter``: drop events below the confidence model's threshold (when the model
    has one); None reads ``VNEVENTS_CONFIDENCE_FILTER`` (``0`` switches it off), default on.
    Every event's ``confidence`` is the model's probability either way
    (:mod:`pipeline.stages.confidence`); ``confidence_model`` replaces the shipped one.
    """

    def __init__(self, backends: dict[str, str] | None = None, *, max_chars: int = DEFAULT_MAX_CHARS,
                 confidence_filter: bool | None = None, confidence_model: ConfidenceModel | None = None) -> None:
        self.backend_names = {**DEFAULT_BACKENDS, **(backends or {})}
        self.max_chars = check_max_chars(max_chars)
        # the learned event confidence (stages/confidence.py): loaded and checksum-checked now, so a
        # missing or altered model fails here, loudly, not article by article
        self.confidence_model = confidence_model if confidence_model is not None else load_model()
        self.confidence_filter = filter_enabled(confidence_filter)
        self._backends: dict[str, Backend] = {}
        self._actors: dict[str, ActorFinder] = {}

    def backend(self, lang: str) -> Backend:
        if lang not in self._backends:
            self._backends[lang] = load_backend(self.backend_names[lang], lang)
        return self._backends[lang]

    def actor_finder(self, lang: str) -> ActorFinder:
        if lang not in self._actors:
            self._actors[lang] = ActorFinder(lang)
        return self._actors[lang]

    # ----------------------------------------------------------------- run
    def run(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[ArticleResult]:
        """One :class:`ArticleResult` per article, in input order, whatever fails.

        An id seen earlier in the same call is reported (stage ``validate``,
        ``DuplicateId``); the first article with it is kept. The results do not
        depend on ``batch_size``.
        """
        seen: set[str] = set()
        batch: list[tuple[Article, ArticleResult | None]] = []
        for art in articles:
            dup = None
            if isinstance(art.id, str):
                if art.id in seen:
                    dup = self._rejected(art, Rejected(
                        "validate", "DuplicateId", f"duplicate id {art.id!r}; the first article with it is kept"))
                seen.add(art.id)
            batch.append((art, dup))
            if len(batch) >= batch_size:
                yield from self._run_isolated(batch)
                batch = []
        if batch:
            yield from self._run_isolated(batch)

    def _run_isolated(self, batch: list[tuple[Article, ArticleResult | None]]) -> list[ArticleResult]:
        """The batch, or, should anything escape the per-article handling, one article at a time."""
        try:
            return self._run_batch(batch)
        except Exception:  # noqa: BLE001 - a bug outside the per-stage handling must not lose the batch
            log.warning("batch failed as a whole; retrying one article at a time", exc_info=True)
        out = []
        for item in batch:
            try:
                out.extend(self._run_batch([item]))
            except Exception as exc:  # noqa: BLE001
                out.append(self._failure(item[0], None, "internal", exc))
        return out

    def prepare(self, art: Article) -> tuple[Article, str, str]:
        """Validate one article: (the article with NFC text, the text to analyse, its language).

        Raises :class:`Rejected` with the stage, error class and message to report."""
        if not isinstance(art.id, str) or not art.id.strip():
            raise Rejected("validate", "InvalidId", f"id must be a non-empty string, got {art.id!r}")
        if _SURROGATE.search(art.id):
            raise Rejected("validate", "InvalidUnicode", "the id holds a lone surrogate: not valid Unicode")
        text = art.text
        if is_missing(text):
            raise Rejected("validate", "EmptyText", "text is missing")
        if not isinstance(text, str):
            raise Rejected("validate", "InvalidText", f"text must be a string, got {type(text).__name__}")
        bad = _SURROGATE.search(text)
        if bad:
            raise Rejected("validate", "InvalidUnicode",
                           f"text holds a lone surrogate U+{ord(bad.group()):04X} at offset {bad.start()}: "
                           "not valid Unicode (was it decoded with errors='surrogateescape'?)")
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            art = Article(art.id, text, art.lang, art.published)
        if not text.strip():
            raise Rejected("validate", "EmptyText", "text is empty or whitespace only")
        analysed = mask_markup(text)
        if not analysed.strip():
            raise Rejected("validate", "EmptyText", "text is only HTML markup")
        if not _LETTER.search(analysed):
            raise Rejected("validate", "NoText", f"text has no letters ({len(text)} characters of "
                           "digits, symbols, marks or control characters: binary or junk content?)")
        lang, published = art.lang, art.published
        if is_missing(lang):
            lang = None
        elif isinstance(lang, str):
            lang = lang.strip().lower() or None
        else:
            raise Rejected("validate", "InvalidLang", f"lang must be a string such as 'vi' or 'en', got {lang!r}")
        try:
            published = parse_published(published)
        except ValueError as exc:
            raise Rejected("validate", "InvalidPublished", str(exc)) from None
        if (lang, published) != (art.lang, art.published):
            art = Article(art.id, text, lang, published)
        if art.lang is not None and art.lang not in SUPPORTED:
            raise Rejected("langid", "UnsupportedLanguage",
                           f"unsupported language {art.lang!r} (supported: {', '.join(SUPPORTED)})")
        why = unsupported_language(analysed, art.lang)
        if why:
            raise Rejected("langid", "UnsupportedLanguage", f"{why}; supported: {', '.join(SUPPORTED)}")
        return art, analysed, art.lang or detect_language(analysed)

    def _analyse(self, lang: str, items: list[_Prepared], results: dict[int, ArticleResult]
                 ) -> dict[int, tuple[list[Sentence], list[Entity]]]:
        """Backend output per article index; a text over ``max_chars`` goes window by window."""
        out: dict[int, tuple[list[Sentence], list[Entity]]] = {}
        short = [p for p in items if len(p.text) <= self.max_chars]
        analysed: list | None = None
        if len(short) > 1:
            try:
                analysed = self.backend(lang).analyse([p.text for p in short])
                if len(analysed) != len(short):
                    raise RuntimeError(f"backend returned {len(analysed)} results for {len(short)} texts")
            except Exception:  # noqa: BLE001 - fall back to one article at a time to isolate the bad one
                analysed = None
        if analysed is not None:
            out.update((p.index, res) for p, res in zip(short, analysed))
        for p in items:
            if p.index in out:
                continue
            try:
                sentences: list[Sentence] = []
                ents: list[Entity] = []
                for start, end in windows(p.text, self.max_chars):
                    got = self.backend(lang).analyse([p.text[start:end]])
                    if len(got) != 1:
                        raise RuntimeError(f"backend returned {len(got)} results for 1 text")
                    s, e = _shift(got[0], start)
                    sentences += s
                    ents += e
                out[p.index] = (sentences, ents)
            except Exception as exc:  # noqa: BLE001
                results[p.index] = self._failure(p.art, lang, "backend", exc)
        return out

    def _run_batch(self, batch: list[tuple[Article, ArticleResult | None]]) -> list[ArticleResult]:
        results: dict[int, ArticleResult] = {}
        by_lang: dict[str, list[_Prepared]] = {}
        for i, (art, rejected) in enumerate(batch):
            if rejected is not None:
                results[i] = rejected
                continue
            try:
                art, text, lang = self.prepare(art)
                by_lang.setdefault(lang, []).append(_Prepared(i, art, text, lang))
            except Rejected as rej:
                results[i] = self._rejected(art, rej)
            except Exception as exc:  # noqa: BLE001 - one article never loses the batch
                results[i] = self._failure(art, None, "langid", exc)
        for lang, items in by_lang.items():
            analysed = self._analyse(lang, items, results)
            for p in items:
                if p.index in results:
                    continue
                sentences, ner = analysed[p.index]
                try:
                    results[p.index] = self.process(p.art, lang, sentences, ner, analysed_text=p.text)
                except ArticleError as err:
                    results[p.index] = self._failure(p.art, lang, err.stage, err.exc)
        return [results[i] for i in range(len(batch))]

    @staticmethod
    def _doc_id(art: Article) -> str:
        """The id to report: the article's own, unless it is not a string or not valid Unicode
        (then its printable form, so the errors table can always be written)."""
        return printable(art.id if isinstance(art.id, str) else str(art.id))

    @classmethod
    def _rejected(cls, art: Article, rej: Rejected) -> ArticleResult:
        doc_id = cls._doc_id(art)
        return ArticleResult(doc_id, art.lang if isinstance(art.lang, str) else None,
                             error=(rej.stage, rej.error, f"{doc_id}: {printable(str(rej))}"))

    @classmethod
    def _failure(cls, art: Article, lang: str | None, stage: str, exc: BaseException) -> ArticleResult:
        doc_id = cls._doc_id(art)
        log.debug("article %s failed in %s: %s", doc_id, stage, traceback.format_exc())
        return ArticleResult(doc_id, lang, error=(stage, type(exc).__name__, f"{doc_id}: {printable(str(exc))}"))

    def process(self, art: Article, lang: str, sentences: list[Sentence], ner: list[Entity],
                analysed_text: str | None = None) -> ArticleResult:
        """Everything after the backend, for one article.

        ``analysed_text``: the text the backend saw when it is not ``art.text`` (HTML
        markup masked, same length); evidence, triggers and entity texts are then
        re-read from ``art.text`` at the same offsets."""
        original = art.text
        if analysed_text is not None and analysed_text != original:
            art = Article(art.id, analysed_text, art.lang, art.published)
        stage = "ingest"
        try:
            dateline = parse_dateline(art.text)
            published = art.published or dateline.published
            reference = reference_date(published)
            reference_source = "publication" if art.published else "dateline"
            if reference is None and dateline.published:  # a given date no calendar can use (9999-12-31)
                reference = reference_date(dateline.published)  # yields to the article's own dateline
                reference_source = "dateline"
            clutter = clutter_spans(art.text)
            sentences = [s for s in sentences
                         if not any(cs <= s.start and s.end <= ce for cs, ce in clutter)]
            sentences = _split_bodies(art.text, join_abbreviation_splits(art.text, sentences), dateline.body_start)
            stage = "actors"
            finder = self.actor_finder(lang)
            starts = {s.start for s in sentences}
            actors = finder.find(art.text, ner, starts)
            stage = "ner"
            backend = self.backend(lang)
            if hasattr(backend, "entities_of"):
                # on-demand NER: only event sentences with a capitalised name that titles,
                # honorifics and gazetteers leave unexplained, tagged in one batch (the cheaper
                # test first: both are pure, and most sentences have no unexplained name)
                asked = [s for s in sentences
                         if finder.unexplained_names(s, actors, art.text) and find_triggers(s.text, lang)]
                extra = backend.entities_of(art.text, asked) if asked else []
                if extra:
                    stage = "actors"
                    actors = finder.find(art.text, ner + extra, starts)
            stage = "frames"
            place_country = PlaceGazetteer.load().country_of(dateline.place) if dateline.place else None
            ctx = ArticleContext(doc_id=art.id, lang=lang, text=art.text, sentences=sentences, actors=actors,
                                 reference=reference,
                                 dateline_place=_place_name(dateline.place),
                                 dateline_country=place_country,
                                 reference_source=reference_source)
            counts = Counter(id(m.person) for m in actors.mentions)
            if counts and actors.people:
                top = max(actors.people, key=lambda p: (counts.get(id(p), 0), -actors.people.index(p)))
                ctx.protagonist = top
            events = FrameFiller(ctx).fill()
            stage = "consolidate"
            events = consolidate(events, reference)
            carry_visit_places(events)
            explain_missing_dates(events)
            plan_after_publication(events, reference)
            if reference is None:
                mark_yearless_days(art.text, lang, events)
            assign_ids(events)
            for e in events:
                e.published = published
            entities = actors.entities()
            if art.text is not original:
                _restore_original(original, art.text, events, entities)
            stage = "confidence"
            events = score_article(events, original, self.confidence_model, drop=self.confidence_filter)
            stage = "check"
            for e in events:
                problem = check_event(e, original)
                if problem:
                    raise ValueError(f"event {e.event_id}: {problem}")
            for x in entities:
                if not (0 <= x.start <= x.end <= len(original)):
                    raise ValueError(f"entity {x.text!r} offsets {x.start}-{x.end} outside the text")
            return ArticleResult(art.id, lang, events, entities)
        except Exception as exc:  # noqa: BLE001
            raise ArticleError(stage, exc) from exc


def _restore_original(original: str, analysed: str, events: list[Event], entities: list[Entity]) -> None:
    """Evidence, triggers and entity texts as written in the original (markup and all); names
    read across a blanked tag or entity get their run of spaces back to one."""
    squeeze = lambda v: re.sub(r"\s+", " ", v).strip() if v else v  # noqa: E731
    for e in events:
        e.evidence = original[e.char_start:e.char_end]
        end = e.trigger_start + len(e.trigger)
        if analysed[e.trigger_start:end] == e.trigger:
            e.trigger = original[e.trigger_start:end]
        e.location_name, e.title = squeeze(e.location_name), squeeze(e.title)
        for part in e.participants:
            part.mention, part.title = squeeze(part.mention), squeeze(part.title)
    for x in entities:
        if analysed[x.start:x.end] == x.text:
            x.text = original[x.start:x.end]


def _split_bodies(text: str, sentences: list[Sentence], body_start: int) -> list[Sentence]:
    """A sentence that swallowed the dateline starts at the body instead."""
    out = []
    for s in sentences:
        if s.start < body_start < s.end:
            s = Sentence(body_start, s.end, text[body_start:s.end])
        elif s.end <= body_start and re.fullmatch(r"\s*date\s+[\d-]+\s*", s.text):
            continue
        out.append(s)
    return out
