"""The Python API: ``extract(articles)`` returns the event table and its companions as DataFrames."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from pipeline import views
from pipeline.clusters import build_cluster_tables
from pipeline.doc import Article, Entity, Event
from pipeline.limits import DEFAULT_MAX_CHARS
from pipeline.readers import ReadFailure, iter_articles
from pipeline.runner import Pipeline, RunStats
from pipeline.stages.coding import assign_codes
from pipeline.stages.linking import link_clusters
from pipeline.tables import build_tables, error_record, load_events


@dataclass
class ExtractionResult:
    """The output tables of one run (spec section 2), as pandas DataFrames."""

    events: pd.DataFrame
    participants: pd.DataFrame
    entities: pd.DataFrame
    errors: pd.DataFrame
    event_clusters: pd.DataFrame
    mentions: pd.DataFrame
    stats: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # doc_id -> text, for the evidence view

    def tables(self) -> dict[str, pd.DataFrame]:
        """The six tables by name, in the shape the writers and the report take."""
        return {"events": self.events, "participants": self.participants, "entities": self.entities,
                "errors": self.errors, "event_clusters": self.event_clusters, "mentions": self.mentions}

    # Views on real events (one row of event_clusters each), not on article rows: pipeline.views.

    def real_events(self) -> pd.DataFrame:
        """``event_clusters`` with each participant's role and country (from the event's reports)."""
        return views.real_events(self.event_clusters, self.events)

    def visits_by_country_pair(self) -> pd.DataFrame:
        """Real visits per visitor country, host country and year (undated visits kept, year missing)."""
        return views.visits_by_country_pair(self.event_clusters, self.events)

    def who_met_whom(self, types: tuple[str, ...] = ("meeting",)) -> pd.DataFrame:
        """Pairs of people from different countries and the number of real meetings they shared."""
        return views.who_met_whom(self.event_clusters, self.events, types)

    def trips(self, person: str) -> pd.DataFrame:
        """Timeline of ``person``'s real visits abroad as a visitor, undated ones last."""
        return views.trips(self.event_clusters, self.events, person)

    def undated_count(self) -> int:
        """Real events with no date: they are in no per-month or per-year count."""
        return views.count_undated(self.event_clusters)

    def country_network(self) -> pd.DataFrame:
        """Country edges counted once per real event (see :func:`pipeline.views.country_network`)."""
        return views.country_network(self.real_events())

    def to_excel(self, path: str | Path) -> Path:
        """All six tables as one workbook, a sheet each (see :mod:`pipeline.xlsx`), written atomically."""
        from pipeline.writers import table_to_records
        from pipeline.xlsx import XlsxBook

        book = XlsxBook(self.tables())
        for name, df in self.tables().items():
            book.add(name, table_to_records(df, name))
        return book.save(path)


def _as_articles(articles: Any) -> Iterable[Article | ReadFailure]:
    if isinstance(articles, (str, Path)):
        return iter_articles(articles)
    if isinstance(articles, pd.DataFrame):
        articles = articles.to_dict("records")
    out = []
    for a in articles:
        if isinstance(a, Mapping):  # the runner reports a missing id or text, NaN lang, Timestamp published
            # a missing id or text goes in as None on purpose: the runner reports it as an error row
            a = Article(a.get("id"), a.get("text"), a.get("lang"), a.get("published"))  # type: ignore[arg-type]
        if isinstance(a, Article):
            # offsets refer to the NFC form of the text (as the file readers give it)
            if isinstance(a.text, str) and not unicodedata.is_normalized("NFC", a.text):
                a = Article(a.id, unicodedata.normalize("NFC", a.text), a.lang, a.published)
            out.append(a)
        else:
            raise TypeError(f"cannot read an article from {type(a).__name__}; give Article objects, dicts "
                            "with id/text, a DataFrame or a path")
    return out


def extract(articles: Any = None, *, backends: dict[str, str] | None = None, pipeline: Pipeline | None = None,
            link_with: str | Path | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> ExtractionResult:
    """Extract events from articles: Article objects, dicts with id/text[/lang/published], a
    DataFrame with those columns, or a path (folder of .txt, .jsonl, .csv, .parquet). With no
    articles: the bundled samples (:func:`pipeline.resources.samples_dir`), from any folder.

    ``link_with``: the output folder of an earlier run; new reports of events it already knows
    get the earlier cluster ids instead of new ones. ``max_chars``: longer texts are analysed in
    windows of whole lines (see README, "Dirty input")."""
    if articles is None:
        from pipeline.resources import samples_dir

        articles = samples_dir()
    pipe = pipeline or Pipeline(backends, max_chars=max_chars)
    items = list(_as_articles(articles))
    good = [a for a in items if isinstance(a, Article)]
    run = RunStats()
    errors = []
    for f in items:
        if isinstance(f, ReadFailure):
            run.add(f)
            errors.append(f.as_error_row())
    events: list[Event] = []
    entities: list[tuple[str, Entity]] = []
    for res in pipe.run(good):
        run.add(res)
        if res.error:
            stage, cls, msg = res.error
            errors.append(error_record(res.doc_id, stage, cls, msg))
            continue
        events.extend(res.events)
        entities.extend((res.doc_id, e) for e in res.entities)
    previous = load_events(Path(link_with) / "events.jsonl") if link_with else None
    link_clusters(events, previous)
    assign_codes(events)
    tables = build_tables(events, entities, errors)
    tables["event_clusters"], tables["mentions"] = build_cluster_tables(events)
    n_read_failures = len(items) - len(good)
    stats = {**run.as_dict(), "processed": run.articles - n_read_failures}
    return ExtractionResult(**tables, stats=stats,
                            texts={a.id: a.text for a in good if isinstance(a.id, str) and isinstance(a.text, str)})
