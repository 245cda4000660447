"""The Vietnamese backend checks underthesea's bundled models against models/manifest.json before
underthesea loads them. No model is loaded here: every case stops at the check."""
from __future__ import annotations

import pytest

import pipeline.models as models
from pipeline.lang.vi.crf_chain import MODELS, CRFChain
from pipeline.lang.vi.underthesea_backend import UndertheseaBackend
from pipeline.models import ModelChecksumMismatch, ModelMissing, load_manifest

from ..manifests import manifest_with


def test_the_chain_checks_each_underthesea_model_it_loads():
    listed = {n for n, e in load_manifest().items() if e.package == "underthesea"}
    assert set(MODELS) == listed - {"underthesea_sent_tokenize"}  # sentences: the backend checks that one


def test_a_ner_model_that_differs_from_the_manifest_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "MANIFEST", manifest_with(tmp_path, "underthesea_ner_crf", sha256="f" * 64))
    with pytest.raises(ModelChecksumMismatch) as info:
        CRFChain()
    assert "'underthesea_ner_crf'" in str(info.value) and "f" * 64 in str(info.value)


def test_a_missing_sentence_model_is_refused_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(models, "MANIFEST", manifest_with(tmp_path, "underthesea_sent_tokenize",
                                                           path="pipeline/no_such_folder"))
    with pytest.raises(ModelMissing, match="'underthesea_sent_tokenize' is incomplete"):
        UndertheseaBackend()
