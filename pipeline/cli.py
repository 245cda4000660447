"""The ``vnevents`` command line."""
from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Callable, List, Optional, TypeVar

import typer

from pipeline.backends.base import DEFAULT_BACKENDS, available_backends
from pipeline.limits import DEFAULT_MAX_CHARS
from pipeline.resources import SAMPLES_DIR

# Plain (click) help: flags show no "<bool>", and each option's default is stated once.
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Diplomatic visits, meetings and agreements from Vietnamese and English news.")


def _backends_help() -> str:
    """The accepted LANG=NAME values, from the backend registry (so the help cannot go stale)."""
    langs = []
    for lang, names in sorted(available_backends().items(), reverse=True):
        shown = [f"{n} (default)" if DEFAULT_BACKENDS.get(lang) == n else n for n in names]
        langs.append(f"{lang}: " + ", ".join(shown))
    return "NLP backend for one language, LANG=NAME (repeatable). Accepted: " + "; ".join(langs) + "."

SAMPLES = SAMPLES_DIR

# Exit codes (README, "Dirty input"): 0 all processed; 1 some records in `errors`; 2 bad usage or
# unreadable input; 3 the output cannot be written; 4 an internal error (a bug: please report it).
EXIT_RECORDS, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERNAL = 1, 2, 3, 4
T = TypeVar("T")
DEBUG_HELP = "Show the full traceback of an error instead of a one-line message."


def _guarded(debug: bool, run: Callable[[], T]) -> T:
    """Run a command's work; turn every failure into a one-line message and its exit code
    (``--debug``: raise it, with its traceback)."""
    from pipeline.backends.base import BackendUnavailable
    from pipeline.outsafe import OutputError, UsageError, describe_os_error
    from pipeline.readers import InputError

    try:
        return run()
    except (typer.Exit, typer.Abort, click_exceptions()):
        raise
    except KeyboardInterrupt:
        if debug:
            raise
        typer.echo("error: interrupted (an extract run continues with --resume)", err=True)
        raise typer.Exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place every failure is reported
        if debug:
            raise
        if isinstance(exc, (InputError, UsageError, BackendUnavailable, FileNotFoundError, ValueError)):
            code, text = EXIT_USAGE, str(exc)
        elif isinstance(exc, OutputError):
            code, text = EXIT_OUTPUT, str(exc)
        elif isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            code, text = EXIT_OUTPUT, describe_os_error(exc.filename or "the output", exc)
        else:
            code, text = EXIT_INTERNAL, (f"internal error {type(exc).__name__}: {exc} "
                                         "(rerun with --debug for the traceback, and please report it)")
        typer.echo(f"error: {' '.join(text.split())}", err=True)
        raise typer.Exit(code) from None


_WRITE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR,
                 errno.EFBIG, errno.EDQUOT, errno.EEXIST}


def click_exceptions() -> type[Exception]:
    """Click's own exception class (imported late: click is only needed once a command runs), which
    must pass through to click to print usage errors."""
    import click

    return click.exceptions.ClickException


def _parse_backends(values: List[str]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise typer.BadParameter(f"--backend takes LANG=NAME (e.g. vi=stanza), got {v!r}")
        lang, name = v.split("=", 1)
        out[lang.strip()] = name.strip()
    return out


@app.command()
def extract(
    input: Optional[Path] = typer.Argument(None, help="Folder of .txt files, or a .jsonl/.csv/.parquet file of "
                                                      "articles. Default: the bundled sample articles."),
    out: Path = typer.Option(Path("vnevents-out"), "--out", "-o", help="Output folder."),
    format: str = typer.Option("jsonl,csv,parquet", "--format", "-f",
                               help="Comma-separated output formats: jsonl, csv, parquet, xlsx (one workbook "
                                    "events.xlsx, a sheet per table: the file to open in Excel)."),
    backend: List[str] = typer.Option([], "--backend", metavar="LANG=NAME", help=_backends_help(),
                                      show_default=False),
    link_with: Optional[Path] = typer.Option(None, "--link-with",
                                             help="Output folder of an earlier run: reports of events it "
                                                  "already has keep its cluster ids."),
    workers: int = typer.Option(0, "--workers", "-w", show_default=False,
                                help="Worker processes; 0 (the default) uses all cores."),
    chunk_size: int = typer.Option(64, "--chunk-size", help="Articles per chunk (unit of work and of resume)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same --out."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="Dask scheduler address (tcp://host:8786). Without it: a local "
                                                 "cluster of --workers processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars",
                                  help="Longer texts are analysed in windows of whole lines of this size."),
    force: bool = typer.Option(False, "--force", help="Replace table files in --out that no vnevents run wrote."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Extract events from articles and write the output tables (events, participants, entities,
    errors, event_clusters, mentions)."""
    from pipeline.backends.base import load_backend
    from pipeline.batch import run_batch

    source = input or SAMPLES
    formats = [f.strip() for f in format.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("jsonl", "csv", "parquet", "xlsx")]
    if bad:
        raise typer.BadParameter(f"unknown format(s) {bad}; choose from jsonl, csv, parquet, xlsx")
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"--engine takes local or dask, not {engine!r}")
    backends = _parse_backends(backend)

    def run():
        for lang, name in backends.items():  # a chosen backend that cannot load stops the run at once
            load_backend(name, lang)
        return run_batch(source, out, formats=formats, workers=workers or None, chunk_size=chunk_size,
                         resume=resume, backends=backends or None, link_with=link_with, engine=engine,
                         scheduler=scheduler, progress=not quiet, max_chars=max_chars, force=force)

    stats = _guarded(debug, run)
    if not quiet:
        typer.echo(f"{stats.summary()} -> {out}/", err=True)
    if stats.failures:
        raise typer.Exit(EXIT_RECORDS)


@app.command()
def evaluate(gold: Path, pred: Path, as_json: bool = typer.Option(False, "--json")) -> None:
    """Score predicted events (events.jsonl) against gold annotations."""
    from pipeline.evaluate import format_report, load_jsonl, score

    report = score(load_jsonl(gold), load_jsonl(pred))
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_report(report))


@app.command()
def render(
    doc_id: str = typer.Argument(..., help="The article's id (for a folder of .txt files: the file name "
                                           "without .txt)."),
    input: Optional[Path] = typer.Option(None, "--input", "-i",
                                         help="Folder of .txt files, or a .jsonl/.csv/.parquet file of articles. "
                                              "Default: the bundled sample articles."),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
    event: Optional[str] = typer.Option(None, "--event", help="Render only this event (an event_id): its "
                                                              "evidence with a sentence of context either side."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file that is not a vnevents page."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Write one article (or one event) as an HTML page with entities, triggers, dates and evidence marked."""
    source = input or SAMPLES
    _guarded(debug, lambda: _render(doc_id, source, out, event, force))


def _render(doc_id: str, source: Path, out: Path, event: Optional[str], force: bool) -> None:
    from pipeline.api import extract as run_extract
    from pipeline.outsafe import OutputError, check_output_file, describe_os_error
    from pipeline.readers import ReadFailure
    from pipeline.render import find_article, render_article, render_event, write_html

    check_output_file(out, [source], force)  # before any work: a device, an input, a foreign file
    item = find_article(source, doc_id)
    if item is None:
        typer.echo(f"error: no article with id {doc_id!r} in {source}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if isinstance(item, ReadFailure):
        typer.echo(f"error: article {doc_id!r} in {source} cannot be read: {item.message}", err=True)
        raise typer.Exit(EXIT_USAGE)
    result = run_extract([item])  # just this article: reading stopped at it
    if event is not None and event not in set(result.events["event_id"].dropna()):
        known = ", ".join(result.events["event_id"].dropna()) or "none"
        typer.echo(f"error: no event {event!r} in article {doc_id!r} (its events: {known})", err=True)
        raise typer.Exit(EXIT_USAGE)
    if event is None:
        page = render_article(item.text, item.id, result.events, result.entities)
    else:
        page = render_event(item.text, item.id, result.events, result.entities, event)
    check_output_file(out, [source], force)  # again: the path may have changed while we worked
    try:
        write_html(out, page)
    except OSError as exc:  # --out is a folder, or its folder cannot be written
        raise OutputError(describe_os_error(out, exc)) from exc
    typer.echo(f"{item.id}: {len(result.events)} events, {len(result.entities)} entities -> {out}", err=True)
    for row in result.errors.to_dict("records"):
        typer.echo(f"warning: {row['stage']} failed ({row['error']}): {row['message']}", err=True)
    if len(result.errors):
        raise typer.Exit(EXIT_RECORDS)


@app.command()
def report(
    out_dir: Path = typer.Argument(..., help="The output folder of a `vnevents extract` run."),
    input: Optional[Path] = typer.Option(None, "--input", "-i",
                                         help="The articles that run read (for the evidence pages). "
                                              "Default: the bundled sample articles."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="The report to write. Default: OUT_DIR/report.html; the evidence "
                                            "pages go in a folder beside it, named after it (report-articles/)."),
    max_articles: int = typer.Option(500, "--max-articles", help="Articles listed, each with its evidence page."),
) -> None:
    """Write a one-page HTML report of a run: counts by type, language and month, the top country pairs,
    the errors, and links to an evidence page per article."""
    from pipeline.readers import InputError
    from pipeline.report import write_report

    try:
        path, summary = write_report(out_dir, input or SAMPLES, out, max_articles=max_articles)
    except (FileNotFoundError, InputError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except OSError as exc:
        typer.echo(f"error: cannot write the report: {exc.strerror or exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{summary['n_real']} real events, {summary['n_reports']} reports, {summary['n_errors']} errors, "
               f"{len(summary['pages'])} evidence pages -> {path}", err=True)
    if summary["no_page"]:
        typer.echo(f"warning: no evidence page for {len(summary['no_page'])} articles (their text is not in "
                   f"{input or SAMPLES}, or differs from the one the run read)", err=True)


def main() -> None:  # console entry point
    """The ``vnevents`` command's entry point (``[project.scripts]``)."""
    app()


if __name__ == "__main__":
    main()
