"""The fast Vietnamese CRF chain tags exactly as ``underthesea.ner`` does.

``pipeline.lang.vi.crf_chain.CRFChain`` re-implements how underthesea feeds its
segmenter, POS, chunk and NER CRFs (one segmentation, column-wise features); any
drift in a feature name, a BOS/EOS rule or a function such as ``istitle`` changes
tags silently. These tests compare every (word, POS, chunk, NER) tuple with
underthesea's own ``ner`` on public samples read from ../shared/datasets at run time
(200 UD VTB test sentences and the 100 PhoNLP NER sentences), check that the
backend's batched NER gives the entities that one sentence at a time gives, and that
the runner sends an article's gated sentences to NER in one call.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("underthesea")
pytestmark = pytest.mark.models  # every test here runs underthesea's CRF models

from pipeline.doc import Article, Sentence  # noqa: E402
from pipeline.lang.vi.crf_chain import CRFChain, _Featurizer  # noqa: E402
from pipeline.lang.vi.underthesea_backend import UndertheseaBackend  # noqa: E402
from pipeline.stages.langid import detect_language  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]  # tests/lang/vi/ -> the checkout
DATASETS = ROOT.parent / "shared" / "datasets"
VTB = DATASETS / "ud_vietnamese_vtb" / "vi_vtb-ud-test.conllu"
PHONLP = DATASETS / "phonlp_sample_ner" / "ner_test.txt"
VTB_SENTENCES = 200


def _vtb(limit: int) -> list[str]:
    texts = [line.split("=", 1)[1].strip() for line in VTB.read_text(encoding="utf-8").splitlines()
             if line.startswith("# text")]
    return texts[:limit]


def _phonlp() -> list[str]:
    """Sentences of the PhoNLP sample as running text ('_' joins the syllables of a word)."""
    out, words = [], []
    for line in PHONLP.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words.append(line.split("\t")[0].replace("_", " "))
        elif words:
            out.append(" ".join(words))
            words = []
    return out


@pytest.fixture(scope="module")
def chain() -> CRFChain:
    return CRFChain()


@pytest.fixture(scope="module")
def samples() -> list[str]:
    if not (VTB.exists() and PHONLP.exists()):
        pytest.skip("../shared/datasets (UD VTB and PhoNLP samples) is not beside the checkout")
    return _vtb(VTB_SENTENCES) + _phonlp()


def test_the_chain_tags_public_samples_exactly_as_underthesea_ner(chain, samples):
    from underthesea import ner

    assert len(samples) == VTB_SENTENCES + 100
    got = chain(samples)
    mismatches = [(s, g, [tuple(t) for t in ner(s)]) for s, g in zip(samples, got)]
    mismatches = [m for m in mismatches if m[1] != m[2]]
    assert not mismatches, f"{len(mismatches)} sentences differ, first: {mismatches[0]}"
    # the samples exercise every layer, not only the O tag
    tags = {t[3] for sent in got for t in sent}
    assert {"B-PER", "B-LOC", "B-ORG", "O"} <= tags


def test_the_chain_segments_as_underthesea_word_tokenize(chain, samples):
    from underthesea import word_tokenize

    assert chain.segment(samples[:50]) == [word_tokenize(s) for s in samples[:50]]


def test_word_segmentation_features_equal_underthesea_cores_on_public_samples(chain, samples):
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    assert isinstance(chain.segment_features, _Featurizer), "fell back to underthesea_core's featurizer"
    sents = [[[t] for t in tokenize(s)] for s in samples] + [[[t] for t in "-5 , 2147483648 ΑΣ ǅ ß".split()]]
    core = chain._segmenter.featurizer.process(sents)
    assert [chain.segment_features(s) for s in sents] == core


def test_blank_and_punctuation_only_sentences_match_underthesea(chain):
    from underthesea import ner

    odd = ["", "   ", ".", "...", "Ông  Tô  Lâm", "A", "12 , 3"]
    assert chain(odd) == [[tuple(t) for t in ner(s)] for s in odd]


def test_batched_backend_ner_gives_the_entities_of_one_sentence_at_a_time():
    text = "Chủ tịch nước Lương Cường tiếp Thủ tướng Anthony Albanese. Ông Putin thăm Hà Nội. ."
    backend = UndertheseaBackend()
    sentences = backend.sentences(text)
    assert len(sentences) >= 2
    one_by_one = [e for s in sentences for e in backend.entities(text, s)]
    batched = backend.entities_of(text, sentences)
    assert batched == one_by_one
    assert any(e.label == "PERSON" and text[e.start:e.end] == e.text for e in batched)
    assert backend.entities_of(text, []) == []


def test_the_runner_asks_vietnamese_ner_once_per_article_with_its_gated_sentences(shared_dir, pipe, monkeypatch):
    docs = [json.loads(line) for line in (shared_dir / "eval" / "train" / "docs.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    vi = [Article(d["id"], d["text"], "vi", d.get("published")) for d in docs
          if detect_language(d["text"]) == "vi"][:6]
    backend = pipe.backend("vi")
    calls: list[tuple[str, list[Sentence]]] = []
    real = backend.entities_of

    def spy(text: str, sentences: list[Sentence]):
        calls.append((text, list(sentences)))
        return real(text, sentences)

    monkeypatch.setattr(backend, "entities_of", spy)
    results = list(pipe.run(vi))
    assert all(r.error is None for r in results)
    assert calls, "no sentence of six Vietnamese news articles reached the NER gate"
    texts = [t for t, _ in calls]
    assert len(set(texts)) == len(texts), "an article's NER was asked for in more than one call"
    assert max(len(s) for _, s in calls) > 1, "no article had two gated sentences: the batching is untested"
    for text, sentences in calls:
        assert sentences and [s.start for s in sentences] == sorted({s.start for s in sentences})
        assert all(text[s.start:s.end] == s.text for s in sentences)
