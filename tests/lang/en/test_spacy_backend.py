"""The English backend checks spaCy's model against models/manifest.json before spaCy reads it.

No model is loaded here: every case stops at the check (a manifest with another digest)."""
from __future__ import annotations

import pytest

import pipeline.models as models
from pipeline.lang.en import spacy_backend
from pipeline.models import ModelChecksumMismatch, load_manifest

from ..manifests import manifest_with


def test_the_data_directory_found_is_the_one_the_manifest_pins():
    entry = load_manifest()["en_core_web_sm"]
    found = spacy_backend._data_dir(entry.package)
    assert found is not None and found == models.location(entry)
    assert spacy_backend._data_dir("no_such_model_package") is None


def test_weights_that_differ_from_the_manifest_are_refused_before_spacy_loads_them(tmp_path, monkeypatch):
    import spacy

    monkeypatch.setattr(models, "MANIFEST", manifest_with(tmp_path, "en_core_web_sm", sha256="0" * 64))
    loaded: list[str] = []
    monkeypatch.setattr(spacy, "load", lambda name, **kw: loaded.append(name))
    with pytest.raises(ModelChecksumMismatch) as info:
        spacy_backend.load_model.__wrapped__()  # not the per-process cached model
    assert "'en_core_web_sm'" in str(info.value) and "0" * 64 in str(info.value)
    assert loaded == []
