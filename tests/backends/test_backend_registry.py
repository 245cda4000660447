"""The backend registry, whether or not stanza is installed: an unknown backend lists the known
ones, and selecting stanza where it cannot be imported says how to install it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.backends.base import BackendUnavailable, load_backend


def test_an_unknown_backend_lists_the_available_ones():
    with pytest.raises(BackendUnavailable) as info:
        load_backend("nltk", "vi")
    message = str(info.value)
    assert "'nltk'" in message
    for name in ("underthesea", "spacy", "stanza"):
        assert name in message


def test_stanza_not_importable_says_how_to_install_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # makes `import stanza` fail like a missing package
    with pytest.raises(BackendUnavailable) as info:
        load_backend("stanza", "vi")
    message = str(info.value)
    assert "pip install '.[stanza]'" in message
    assert "pip install torch==2.13.0" in message


def test_importing_the_stanza_backend_module_does_not_import_stanza():
    code = ("import sys, pipeline.lang.stanza_backend, pipeline.stages.deprel; "
            "print('stanza' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["False", "False"]
