"""`vnevents report OUT_DIR`: a self-contained page of a run, with an evidence page per article."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import SAMPLES, app
from pipeline.writers import write_tables


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    result = pipeline.extract()
    write_tables(result.tables(), out, ["jsonl"])
    return out


def _report(run_dir: Path, target: Path, *extra: str):
    return CliRunner().invoke(app, ["report", str(run_dir), "--out", str(target), *extra])


def test_report_counts_real_events_and_links_an_evidence_page_per_article(run_dir, tmp_path):
    target = tmp_path / "report.html"
    result = _report(run_dir, target)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "default-src 'none'" in page
    clusters = [json.loads(line) for line in open(run_dir / "event_clusters.jsonl", encoding="utf-8")]
    events = [json.loads(line) for line in open(run_dir / "events.jsonl", encoding="utf-8")]
    visits = sum(1 for c in clusters if c["type"] == "visit")
    visit_reports = sum(1 for e in events if e["type"] == "visit")
    assert visits < visit_reports  # the samples report some visits twice: the two columns must differ
    assert re.search(rf'<td class="visit">visit</td><td class="n">{visits}</td><td class="n">{visit_reports}</td>',
                     page)
    undated = sum(1 for c in clusters if not c["date_start"])
    assert f"<b>{undated}</b>real events with no date" in page
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', page)
    assert sorted(doc for _, doc in links) == sorted({e["doc_id"] for e in events})
    for href, doc_id in links:
        evidence = (target.parent / href).read_text(encoding="utf-8")
        assert f"<h1>{doc_id}</h1>" in evidence and 'class="vne-ev"' in evidence
    assert "Tô Lâm" in (target.parent / links[0][0]).read_text(encoding="utf-8")
    assert "VNM → AZE" in page  # the top pair of the samples: the state visit, the 1959 visit
    # an evidence page is the page `vnevents render` writes for that article
    href, doc_id = links[-1]
    rendered = tmp_path / "render.html"
    assert CliRunner().invoke(app, ["render", doc_id, "--out", str(rendered)]).exit_code == 0
    assert (target.parent / href).read_bytes() == rendered.read_bytes()


def test_report_escapes_data_and_lists_errors(run_dir, tmp_path):
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    (run / "errors.jsonl").write_text(json.dumps({"doc_id": "<b>x</b>", "stage": "read", "error": "EmptyText",
                                                  "message": "<script>alert(1)</script>"}) + "\n", encoding="utf-8")
    result = _report(run, tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_article_whose_input_text_differs_gets_no_page(run_dir, tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SAMPLES, articles)
    first = sorted(articles.glob("*.txt"))[0]
    first.write_text("Changed. " + first.read_text(encoding="utf-8"), encoding="utf-8")  # offsets move
    result = _report(run_dir, tmp_path / "r.html", "--input", str(articles))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f'{first.stem} <span class="note">(the text in the input differs' in page
    assert len(list((tmp_path / "r-articles").glob("*.html"))) == 4
    assert "no evidence page for 1 articles" in result.output


def test_folder_without_a_run_is_a_clear_error(tmp_path):
    result = _report(tmp_path, tmp_path / "r.html")
    assert result.exit_code == 2
    assert "no events.jsonl" in result.output


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_headless_chromium_renders_the_report_to_a_png(run_dir, tmp_path):
    target = tmp_path / "report.html"
    assert _report(run_dir, target).exit_code == 0
    png = tmp_path / "report.png"
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
                           "--window-size=1200,1600", f"--screenshot={png}", target.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    # a fetch or script blocked by the CSP, or any script error, is logged as a CONSOLE line
    assert ":CONSOLE" not in proc.stderr, proc.stderr
