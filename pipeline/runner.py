"""Run the stages over articles: ingest, language routing, backends, actors, frames, consolidation.

One cached backend per language; articles are grouped by language and handed to
the backend in batches. An article that fails any stage becomes a row in the
errors table and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.backends.base import DEFAULT_BACKENDS, Backend, load_backend
from pipeline.doc import Article, Entity, Event, Sentence
from pipeline.stages.actors import ActorFinder
from pipeline.stages.consolidate import assign_ids, consolidate
from pipeline.stages.dateline import clutter_spans, parse_dateline
from pipeline.stages.frames import ArticleContext, FrameFiller, find_triggers
from pipeline.stages.gazetteer import PlaceGazetteer
from pipeline.stages.langid import SUPPORTED, detect_language

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    doc_id: str
    lang: str | None
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: tuple[str, str, str] | None = None  # stage, error class, message


class ArticleError(Exception):
    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(f"{stage}: {exc}")
        self.stage = stage
        self.exc = exc


def reference_date(published: str | None) -> dt.date | None:
    """The publication date as a date: a month-only date ('2024-08') resolves relative
    expressions against the middle of that month."""
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) >= 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 15)
        return dt.date(int(parts[0]), 7, 1)
    except ValueError:
        return None


class Pipeline:
    """The configured chain of stages; backends load lazily, once."""

    def __init__(self, backends: dict[str, str] | None = None) -> None:
        self.backend_names = {**DEFAULT_BACKENDS, **(backends or {})}
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
    def run(self, articles: Iterable[Article], batch_size: int = 64) -> Iterable[ArticleResult]:
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[ArticleResult]:
        results: dict[int, ArticleResult] = {}
        by_lang: dict[str, list[tuple[int, Article]]] = {}
        for i, art in enumerate(batch):
            try:
                text = unicodedata.normalize("NFC", art.text)
                if text != art.text:
                    art = Article(art.id, text, art.lang, art.published)
                    batch[i] = art
                lang = art.lang or detect_language(art.text)
                if lang not in SUPPORTED:
                    raise ValueError(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})")
                by_lang.setdefault(lang, []).append((i, art))
            except Exception as exc:  # noqa: BLE001 - one article never loses the batch
                results[i] = self._failure(art, None, "langid", exc)
        for lang, items in by_lang.items():
            try:
                analysed = self.backend(lang).analyse([a.text for _, a in items])
            except Exception:  # noqa: BLE001 - fall back to one article at a time to isolate the bad one
                analysed = []
                for i, art in items:
                    try:
                        analysed.append(self.backend(lang).analyse([art.text])[0])
                    except Exception as exc:  # noqa: BLE001
                        results[i] = self._failure(art, lang, "backend", exc)
                        analysed.append(None)
            for (i, art), res in zip(items, analysed):
                if res is None or i in results:
                    continue
                sentences, ner = res
                try:
                    results[i] = self.process(art, lang, sentences, ner)
                except ArticleError as err:
                    results[i] = self._failure(art, lang, err.stage, err.exc)
        return [results[i] for i in range(len(batch))]

    @staticmethod
    def _failure(art: Article, lang: str | None, stage: str, exc: BaseException) -> ArticleResult:
        log.debug("article %s failed in %s: %s", art.id, stage, traceback.format_exc())
        return ArticleResult(art.id, lang, error=(stage, type(exc).__name__, f"{art.id}: {exc}"))

    def process(self, art: Article, lang: str, sentences: list[Sentence], ner: list[Entity]) -> ArticleResult:
        """Everything after the backend, for one article."""
        stage = "ingest"
        try:
            dateline = parse_dateline(art.text)
            published = art.published or dateline.published
            reference = reference_date(published)
            clutter = clutter_spans(art.text)
            sentences = [s for s in sentences
                         if not any(cs <= s.start and s.end <= ce for cs, ce in clutter)]
            sentences = _split_bodies(art.text, sentences, dateline.body_start)
            stage = "ner"
            if lang == "vi" and hasattr(self.backend(lang), "entities"):
                for s in sentences:
                    if find_triggers(s.text, lang):
                        ner = ner + self.backend(lang).entities(art.text, s)
            stage = "actors"
            actors = self.actor_finder(lang).find(art.text, ner)
            stage = "frames"
            place_country = PlaceGazetteer.load().country_of(dateline.place) if dateline.place else None
            ctx = ArticleContext(doc_id=art.id, lang=lang, text=art.text, sentences=sentences, actors=actors,
                                 reference=reference, dateline_place=dateline.place,
                                 dateline_country=place_country)
            counts = Counter(id(m.person) for m in actors.mentions)
            if counts:
                top = max(actors.people, key=lambda p: (counts.get(id(p), 0), -actors.people.index(p)))
                ctx.protagonist = top
            events = FrameFiller(ctx).fill()
            stage = "consolidate"
            events = consolidate(events, reference)
            assign_ids(events)
            for e in events:
                e.published = published
            return ArticleResult(art.id, lang, events, actors.entities())
        except Exception as exc:  # noqa: BLE001
            raise ArticleError(stage, exc) from exc


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
