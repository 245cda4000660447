"""``vnevents report OUT_DIR``: one self-contained HTML page summarising a run, with evidence pages.

Why: the output folder holds six tables; an analyst (or a reviewer of a run)
first wants the shape of it — how many real events of each type, in which
languages, over which months, between which countries, and what failed — and
then the sentences behind any article. The report is one HTML file (inline
CSS, no scripts, a Content-Security-Policy that forbids every fetch) that can
be mailed or archived, and beside it a folder of per-article evidence pages
(the same pages as ``vnevents render``), linked from the report, so every
count can be followed to its text with a click.

The evidence pages are drawn from the run's own tables, never from a new
extraction, so they show exactly what the run found. The tables do not hold
article texts; those are read from ``--input`` (by default the bundled
samples) and an article whose text does not match the run's offsets gets no
page rather than a wrong one.

The page is a Jinja2 template (``pipeline/templates/report.html``) rendered
with autoescaping (the shared environment of :mod:`pipeline.templating`), so
no article id, name or error message can inject markup.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, cast

import pandas as pd

from pipeline.doc import Article
from pipeline.readers import iter_articles
from pipeline.render import render_article, write_html
from pipeline.schema import EVENT_TYPES, LANGS, TABLES, column_names
from pipeline.templating import render_template
from pipeline.values import is_missing
from pipeline.views import count_undated, country_network, real_events
from pipeline.writers import table_to_records

__all__ = ["RunTables", "read_run", "build_summary", "page_name", "write_report"]

_PAGE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class RunTables:
    """The tables of one output folder (each empty, with its columns, when the run did not write it)."""

    folder: Path
    tables: dict[str, pd.DataFrame]
    missing: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def _read_table(folder: Path, name: str) -> pd.DataFrame | None:
    """A table from its JSONL, else Parquet, else CSV file, in the nested form the pipeline uses."""
    path = folder / f"{name}.jsonl"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            return pd.DataFrame([json.loads(line) for line in f if line.strip()],
                                columns=column_names(name))
    path = folder / f"{name}.parquet"
    if path.exists():
        return pd.DataFrame(table_to_records(pd.read_parquet(path), name), columns=column_names(name))
    path = folder / f"{name}.csv"
    if path.exists():  # the flat form: lists joined with "; ", location in two columns; folded back here
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        df = df.replace({"": None})
        return pd.DataFrame(table_to_records(df, name), columns=column_names(name))
    return None


def read_run(out_dir: str | Path) -> RunTables:
    """The six tables of a ``vnevents extract`` output folder; a folder without events.jsonl is an error."""
    folder = Path(out_dir)
    if not (folder / "events.jsonl").exists():
        raise FileNotFoundError(f"{folder}: no events.jsonl here; give the output folder of a `vnevents extract` run")
    tables, missing = {}, []
    for name in TABLES:
        df = _read_table(folder, name)
        if df is None:
            missing.append(name)
            df = pd.DataFrame(columns=column_names(name))
        tables[name] = df
    return RunTables(folder, tables, missing)


def _str(value: Any) -> str | None:
    return None if is_missing(value) or str(value).strip() == "" else str(value)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return cast("list[dict[str, Any]]", df.to_dict("records")) if len(df) else []  # str columns


def page_name(doc_id: str) -> str:
    """A safe file name for an article's evidence page: never a path taken from the data."""
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    slug = _PAGE_NAME.sub("", doc_id)[:40]
    return f"{slug}-{digest}.html" if slug else f"{digest}.html"


def _bar_rows(counts: list[tuple[str, int]]) -> list[dict[str, Any]]:
    top = max((n for _, n in counts), default=0) or 1
    return [{"label": label, "count": n, "width": round(100 * n / top, 1)} for label, n in counts]


def build_summary(run: RunTables, top_pairs: int = 10) -> dict[str, Any]:
    """The numbers the report shows, as plain data (also handy in tests)."""
    events, clusters = run["events"], run["event_clusters"]
    cluster_rows = _records(clusters)
    event_rows = _records(events)
    types = list(EVENT_TYPES) + sorted({t for r in cluster_rows + event_rows if (t := _str(r.get("type"))) is not None}
                                       - set(EVENT_TYPES))
    by_type = [{"type": t, "real": sum(1 for r in cluster_rows if r.get("type") == t),
                "reports": sum(1 for r in event_rows if r.get("type") == t)} for t in types]
    langs = list(LANGS) + sorted({lang for r in event_rows if (lang := _str(r.get("lang"))) is not None} - set(LANGS))
    by_lang = [{"lang": lang, "reports": sum(1 for r in event_rows if r.get("lang") == lang),
                "articles": len({r["doc_id"] for r in event_rows if r.get("lang") == lang}),
                "real": sum(1 for r in cluster_rows if lang in (r.get("languages") or []))} for lang in langs]
    starts = [start for r in cluster_rows if (start := _str(r.get("date_start")))]
    months = Counter(start[:7] for start in starts if len(start) >= 7)
    year_only = sum(1 for start in starts if len(start) == 4)
    edges = country_network(real_events(clusters, events)) if len(clusters) else pd.DataFrame(
        columns=["source", "target", "type", "count"])
    edges = edges.sort_values(["count", "type", "source", "target"], ascending=[False, True, True, True],
                              kind="stable").head(top_pairs)
    pairs = [{"source": r.source, "target": r.target, "type": r.type, "count": int(r.count),
              "arrow": "→" if r.type == "visit" else "–"} for r in edges.itertuples(index=False)]
    doc_ids = {r["doc_id"] for r in event_rows} | {_str(r.get("doc_id")) for r in _records(run["entities"])} \
        | {_str(r.get("doc_id")) for r in _records(run["errors"])}
    return {
        "n_articles": len(doc_ids - {None}), "n_articles_with_events": len({r["doc_id"] for r in event_rows}),
        "n_real": len(cluster_rows), "n_reports": len(event_rows), "n_errors": len(run["errors"]),
        "by_type": by_type, "by_lang": by_lang,
        "months": _bar_rows(sorted(months.items())), "undated": count_undated(clusters), "year_only": year_only,
        "pairs": pairs, "errors": [{k: _str(r.get(k)) for k in ("doc_id", "stage", "error", "message")}
                                   for r in _records(run["errors"])],
    }


def _texts(source: Any, wanted: set[str]) -> dict[str, str]:
    """Texts of the wanted articles from the input (one pass; unreadable records are skipped)."""
    out: dict[str, str] = {}
    for item in iter_articles(source):
        if isinstance(item, Article) and item.id in wanted:
            out[item.id] = item.text
            if len(out) == len(wanted):
                break
    return out


def _matches(text: str, rows: Iterable[dict[str, Any]]) -> bool:
    """Every evidence sentence of the run sits at its offsets in this text."""
    for r in rows:
        start: Any = r.get("char_start")
        end: Any = r.get("char_end")
        evidence = _str(r.get("evidence"))
        if is_missing(start) or is_missing(end) or evidence is None or text[int(start):int(end)] != evidence:
            return False
    return True


def write_report(out_dir: str | Path, source: Any, report: str | Path | None = None,
                 max_articles: int = 500) -> tuple[Path, dict[str, Any]]:
    """Write the report (default ``OUT_DIR/report.html``) and, in ``<report>-articles/`` beside it, an
    evidence page for each of the first ``max_articles`` articles with events whose text ``source``
    holds. Returns the report's path and its summary (with ``pages`` and ``no_page`` lists)."""
    run = read_run(out_dir)
    final = Path(report) if report is not None else run.folder / "report.html"
    pages_dir = final.parent / f"{final.stem}-articles"
    summary = build_summary(run)
    events_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in _records(run["events"]):
        events_by_doc[r["doc_id"]].append(r)
    doc_ids = sorted(events_by_doc)
    shown = doc_ids[:max_articles]
    texts = _texts(source, set(shown)) if source is not None and shown else {}
    entities_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    wanted = set(texts)
    for r in _records(run["entities"]):
        if r.get("doc_id") in wanted:
            entities_by_doc[r["doc_id"]].append(r)
    articles = []
    for doc_id in shown:
        rows = events_by_doc[doc_id]
        link, note = None, None
        text = texts.get(doc_id)
        if text is None:
            note = "text not in the input given (use --input)"
        elif not _matches(text, rows):
            note = "the text in the input differs from the one this run read"
        else:
            name = page_name(doc_id)
            write_html(pages_dir / name, render_article(text, doc_id, pd.DataFrame(rows),
                                                        pd.DataFrame(entities_by_doc[doc_id])))
            link = f"{pages_dir.name}/{name}"
        types = Counter(r.get("type") for r in rows)
        articles.append({"doc_id": doc_id, "lang": _str(rows[0].get("lang")), "events": len(rows),
                         "types": ", ".join(f"{t} {n}" for t, n in types.most_common()),
                         "published": _str(rows[0].get("published")), "link": link, "note": note})
    summary.update(articles=articles, n_listed=len(shown), n_with_events=len(doc_ids),
                   folder=str(run.folder), missing=run.missing, source=str(source) if source is not None else None,
                   pages_dir=pages_dir.name)
    page = render_template("report.html", **summary)
    write_html(final, page)
    summary["pages"] = [a["doc_id"] for a in articles if a["link"]]
    summary["no_page"] = [a["doc_id"] for a in articles if not a["link"]]
    return final, summary
