"""Shared fixtures: where the shared contract and dev set live, and one pipeline per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev" / "docs.jsonl").exists():
        pytest.skip("../shared/eval/dev is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    from pipeline.runner import Pipeline

    return Pipeline()
