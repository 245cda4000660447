"""Run articles through the registered stages, in batches, one result per article whatever fails.

The stages and their order are listed in :mod:`pipeline.stages` (``PIPELINE``);
each takes a :class:`pipeline.doc.Document` record and returns it filled in,
and is looked up by name and language in :mod:`pipeline.stages.registry`, which
checks the chain when the :class:`Pipeline` is built. The run goes stage by
stage over a batch of records, grouped by language once a stage has provided
it: a stage with a ``pipe`` method (the backend) gets each group at once, any
other stage one record at a time. Every article handed to :meth:`Pipeline.run`
comes back as exactly one :class:`ArticleResult`, in input order: with its
events (maybe none), or with ``error = (stage, error class, message)`` when it
failed a stage, the stage named as registered. One article's failure never
stops the batch; the batch never depends on ``batch_size``.

Models load lazily, once per pipeline: one backend and one actor finder per
language (:meth:`Pipeline.backend`, :meth:`Pipeline.actor_finder`), shared by
the stages that need them.
"""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.backends.base import DEFAULT_BACKENDS, Backend, load_backend
from pipeline.doc import Article, Document, Entity, Event
from pipeline.limits import DEFAULT_MAX_CHARS, check_max_chars
from pipeline.stages import PIPELINE
from pipeline.stages.actors import ActorFinder
from pipeline.stages.check_stage import check_event
from pipeline.stages.confidence import ConfidenceModel, filter_enabled, load_model
from pipeline.stages.ingest_stage import reference_date
from pipeline.stages.langid import SUPPORTED
from pipeline.stages.langid_stage import unsupported_language
from pipeline.stages.registry import STAGES, Rejected, Stage, StageInfo, StageOutputError, StageRegistry
from pipeline.stages.validate_stage import mask_markup
from pipeline.values import printable

# the stages' helpers that callers of the runner have used, still importable from here
__all__ = ["ArticleResult", "Pipeline", "RunStats", "Rejected", "check_event", "mask_markup", "reference_date",
           "unsupported_language"]

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    """What one article gave: its events and entities, or the error row that stopped it."""

    doc_id: str
    lang: str | None
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: tuple[str, str, str] | None = None  # stage, error class, message

    @property
    def ok(self) -> bool:
        """Whether the article went through every stage."""
        return self.error is None


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
        """The counts as written to the run record."""
        return {"articles": self.articles, "processed_ok": self.processed_ok, "failures": self.failures,
                "no_events": self.no_events, "events": self.events}


Outcome = Document | BaseException  # what a stage made of one record


class Pipeline:
    """The configured chain of stages; backends load lazily, once.

    ``max_chars``: the most characters one backend call analyses; a longer text is
    analysed in windows of whole lines (see :mod:`pipeline.limits`).
    ``confidence_filter``: drop events below the confidence model's threshold (when the model
    has one); None reads ``VNEVENTS_CONFIDENCE_FILTER`` (``0`` switches it off), default on.
    Every event's ``confidence`` is the model's probability either way
    (:mod:`pipeline.stages.confidence`); ``confidence_model`` replaces the shipped one.
    ``proposer``: what the ``propose`` stage calls for the events the rules missed (default: the
    shipped model of :mod:`pipeline.stages.propose`, which adds nothing when it has no threshold).
    ``stages``: the stage names in order (default :data:`pipeline.stages.PIPELINE`), looked up
    in ``registry`` for each of ``languages``; a chain whose stages cannot run in that order
    raises :class:`pipeline.stages.registry.ChainError` here, before any article.
    """

    def __init__(self, backends: dict[str, str] | None = None, *, max_chars: int = DEFAULT_MAX_CHARS,
                 confidence_filter: bool | None = None, confidence_model: ConfidenceModel | None = None,
                 proposer: Callable[[Document], list[Event]] | None = None,
                 stages: Sequence[str] | None = None, registry: StageRegistry | None = None,
                 languages: Sequence[str] = SUPPORTED) -> None:
        self.backend_names = {**DEFAULT_BACKENDS, **(backends or {})}
        self.max_chars = check_max_chars(max_chars)
        self.stage_names: tuple[str, ...] = tuple(PIPELINE if stages is None else stages)
        self.registry = STAGES if registry is None else registry
        self.languages = tuple(languages)
        # the learned event confidence (stages/confidence.py): loaded and checksum-checked now, so a
        # missing or altered model fails here, loudly, not article by article
        self.confidence_model = confidence_model if confidence_model is not None else load_model()
        self.confidence_filter = filter_enabled(confidence_filter)
        self.proposer = proposer  # None: the propose stage loads the shipped model (stages/propose.py)
        self._backends: dict[str, Backend] = {}
        self._actors: dict[str, ActorFinder] = {}
        self._steps = self._build()

    def _build(self) -> dict[tuple[int, str | None], tuple[StageInfo, Stage]]:
        """(step, language) -> the stage that runs there; language None until a stage provides it."""
        built: dict[StageInfo, Stage] = {}
        steps: dict[tuple[int, str | None], tuple[StageInfo, Stage]] = {}
        for lang in self.languages:
            for i, step in enumerate(self.registry.chain(self.stage_names, lang)):
                if step.info not in built:
                    built[step.info] = step.info.factory(self)
                steps[(i, lang if step.routed else None)] = (step.info, built[step.info])
        return steps

    def backend(self, lang: str) -> Backend:
        """The language's backend, loaded on first use so a run loads only the models it needs."""
        if lang not in self._backends:
            self._backends[lang] = load_backend(self.backend_names[lang], lang)
        return self._backends[lang]

    def actor_finder(self, lang: str) -> ActorFinder:
        """The language's actor finder, built once: it compiles the gazetteers' patterns."""
        if lang not in self._actors:
            self._actors[lang] = ActorFinder(lang)
        return self._actors[lang]

    # ----------------------------------------------------------------- run
    def run(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[ArticleResult]:
        """One :class:`ArticleResult` per article, in input order, whatever fails.

        An id seen earlier in the same call is reported by stage ``validate``
        (``DuplicateId``); the first article with it is kept. The results do not
        depend on ``batch_size``.
        """
        seen: set[str] = set()
        batch: list[tuple[Article, bool]] = []
        for art in articles:
            duplicate = False
            if isinstance(art.id, str):
                duplicate = art.id in seen
                seen.add(art.id)
            batch.append((art, duplicate))
            if len(batch) >= batch_size:
                yield from self._run_isolated(batch)
                batch = []
        if batch:
            yield from self._run_isolated(batch)

    def _run_isolated(self, batch: list[tuple[Article, bool]]) -> list[ArticleResult]:
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

    def _run_batch(self, batch: list[tuple[Article, bool]]) -> list[ArticleResult]:
        """Every stage over the batch's records in turn, language group by language group."""
        results: dict[int, ArticleResult] = {}
        live = {i: Document(source=art, duplicate_id=dup) for i, (art, dup) in enumerate(batch)}
        for step, name in enumerate(self.stage_names):
            groups: dict[str | None, list[int]] = {}
            for i, doc in live.items():  # in input order, so groups come in order of first appearance
                groups.setdefault(doc.lang, []).append(i)
            for lang, indices in groups.items():
                docs = [live[i] for i in indices]
                found = self._steps.get((step, lang))
                if found is None:
                    stage_name = name
                    outcomes: list[Outcome] = [LookupError(
                        f"no stage {name!r} for language {lang!r} in this pipeline "
                        f"(built for {', '.join(self.languages)})")] * len(docs)
                else:
                    stage_name = found[0].name  # the error rows' stage: the name it is registered by
                    outcomes = self._apply(found[0], found[1], docs)
                for i, doc, out in zip(indices, docs, outcomes):
                    if isinstance(out, Document):
                        live[i] = out
                    else:
                        results[i] = self._error_row(doc, stage_name, out)
                        del live[i]
        for i, doc in live.items():
            assert doc.article is not None and doc.events is not None and doc.entities is not None
            results[i] = ArticleResult(doc.article.id, doc.lang, doc.events, doc.entities)
        return [results[i] for i in range(len(batch))]

    @staticmethod
    def _apply(info: StageInfo, stage: Stage, docs: list[Document]) -> list[Outcome]:
        """What ``stage`` made of each record: the record, or the exception that stopped it there."""
        def refused(out: object) -> StageOutputError:
            return StageOutputError(f"stage {info.name!r} returned {type(out).__name__}, not the record it was "
                                    "given: a stage must return the pipeline.doc.Document it took")

        pipe = getattr(stage, "pipe", None)
        if pipe is not None:
            got = list(pipe(docs))
            if len(got) != len(docs):
                return [StageOutputError(f"stage {info.name!r} returned {len(got)} results "
                                         f"for {len(docs)} records")] * len(docs)
            return [o if isinstance(o, (Document, BaseException)) else refused(o) for o in got]
        outcomes: list[Outcome] = []
        for doc in docs:
            try:
                out = stage(doc)
            except Exception as exc:  # noqa: BLE001 - one article never loses the batch
                outcomes.append(exc)
                continue
            outcomes.append(out if isinstance(out, Document) else refused(out))
        return outcomes

    @staticmethod
    def _doc_id(art: Article) -> str:
        """The id to report: the article's own, unless it is not a string or not valid Unicode
        (then its printable form, so the errors table can always be written)."""
        return printable(art.id if isinstance(art.id, str) else str(art.id))

    @classmethod
    def _error_row(cls, doc: Document, stage: str, exc: BaseException) -> ArticleResult:
        """The article's one error row: a refusal with its own error class, else the exception's."""
        if isinstance(exc, Rejected):
            doc_id = cls._doc_id(doc.source)
            lang = doc.source.lang if isinstance(doc.source.lang, str) else None
            return ArticleResult(doc_id, lang, error=(stage, exc.error, f"{doc_id}: {printable(str(exc))}"))
        return cls._failure(doc.source, doc.lang, stage, exc)

    @classmethod
    def _failure(cls, art: Article, lang: str | None, stage: str, exc: BaseException) -> ArticleResult:
        doc_id = cls._doc_id(art)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("article %s failed in %s: %s", doc_id, stage, "".join(traceback.format_exception(exc)))
        return ArticleResult(doc_id, lang, error=(stage, type(exc).__name__, f"{doc_id}: {printable(str(exc))}"))
