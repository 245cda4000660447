"""Shared fixtures: where the shared contract and dev set live, and one pipeline per session.

Tests that load the NLP models (underthesea's CRFs, spaCy's English model) carry the ``models``
marker, so ``pytest -m "not models"`` runs the rest in seconds. Tests using the ``pipe`` fixture
are marked here; others mark themselves. An unmarked test that loads a model fails at once (see
``pytest_runtest_protocol``), so the marker cannot fall behind the tests.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import models as manifest

_manifest_module = manifest
PROJECT_MANIFEST = manifest.MANIFEST

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: fixtures that load the NLP models: the session pipeline, and module fixtures that run it
#: (test_faults.py's mixed batch, test_report.py's run, test_xlsx.py's sample result)
MODEL_FIXTURES = frozenset({"pipe", "batch", "run_dir", "sample_result"})
#: test files whose tests load the models where the guard below cannot see it: in worker
#: processes (run_batch), a ``vnevents`` subprocess, or a notebook kernel
MODEL_MODULES = frozenset({"test_batch.py", "test_operator_faults.py", "test_notebook.py"})
#: single tests that run the whole pipeline, in files that do not mark their own tests
MODEL_TESTS = frozenset({
    "test_faults.py::test_mixed_batch_reports_exactly_the_broken_records",
    "test_faults.py::test_every_good_article_is_accounted_for",
    "test_faults.py::test_results_do_not_depend_on_batch_size",
    "test_faults.py::test_batch_driver_output_is_identical_for_one_and_two_workers",
    "test_faults.py::test_a_line_longer_than_the_limit_is_cut_and_still_gives_valid_offsets",
    "test_render.py::test_cli_render_writes_a_page_for_a_sample",
    "test_render.py::test_cli_render_event_from_jsonl_input",
})
#: the installed NLP models the guard watches: every pinned entry of the manifest but the
#: confidence and proposer models (small JSON files); stanza's optional models are the user's, not installed here
GUARDED = frozenset(n for n, e in manifest.load_manifest().items() if not e.optional) - {"event_confidence",
                                                                                         "event_proposer"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if (MODEL_FIXTURES & set(getattr(item, "fixturenames", ())) or item.path.name in MODEL_MODULES
                or f"{item.path.name}::{item.originalname}" in MODEL_TESTS):
            item.add_marker(pytest.mark.models)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Fail a test without the ``models`` marker that loads an installed NLP model, in its own
    code or in a fixture it sets up. Backends are cached per process, so this catches it whenever
    that test is the first to load one (always under ``-m "not models"``). Checks against another
    manifest (a copy, a tampered entry) fail before anything is loaded, so they need no marker."""
    if item.get_closest_marker("models"):
        yield
        return
    verify = manifest.verify
    pid = os.getpid()  # a forked worker inherits the patch; failing there would only lose its task

    def guarded(name: str, root=None, manifest=None):  # noqa: ANN001 - the signature of models.verify
        if (manifest is None and name in GUARDED and _manifest_module.MANIFEST == PROJECT_MANIFEST
                and os.getpid() == pid):
            pytest.fail(f"{item.nodeid} loads the NLP model {name!r}: mark it @pytest.mark.models "
                        "(or list it in tests/conftest.py) or use the `pipe` fixture", pytrace=False)
        return verify(name, root=root, manifest=manifest)

    _manifest_module.verify = guarded
    try:
        yield
    finally:
        _manifest_module.verify = verify


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev" / "docs.jsonl").exists():
        pytest.skip("../shared/eval/dev is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    from pipeline.runner import Pipeline

    return Pipeline()
