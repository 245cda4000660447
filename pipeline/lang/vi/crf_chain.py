"""underthesea's CRF chain (segment, POS, chunk, NER) in one pass over many sentences.

``underthesea.ner(s)`` calls ``chunk(s)``, which calls ``pos_tag(s)``, which calls
``word_tokenize(s)``: each layer re-reads the raw string, and the POS, chunk and NER
layers build their CRF features with ``tagged_feature.template2features``, which
re-parses the template with a regex and rebuilds every column of the sentence for each
feature of each token (quadratic in the sentence length). That is ~95% of ``ner``'s time.

Here the sentence is segmented once and each layer tags the previous layer's output,
with underthesea's own models and templates (taken from its predictor objects and model
files, not copied), and the features are built a column at a time (:class:`_Featurizer`).
underthesea_core's Rust ``CRFFeaturizer`` was the other candidate: it computes
``istitle`` differently from underthesea's Python (it calls "," or "12" title case) and,
through its Python-list conversions, was slower than the column-wise code on news
sentences. So the POS, chunk and NER features use underthesea's Python ``apply_function``
and the word segmenter's features (trained with underthesea_core) reproduce the Rust
semantics, checked against underthesea_core at load. The tags are identical to
``underthesea.ner`` (tests/lang/vi/test_crf_chain.py checks that on public samples).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from pipeline import models as manifest

# the template syntax underthesea parses in tagged_feature.template2features
_TEMPLATE = re.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")

#: the manifest entries of the underthesea models this chain loads
MODELS = ("underthesea_text_normalize", "underthesea_word_segmenter", "underthesea_dictionary",
          "underthesea_pos_crf", "underthesea_chunk_crf", "underthesea_ner_crf")

Token = tuple[str, ...]  # (word, pos, chunk, ner) as underthesea.ner returns it


@dataclass(frozen=True)
class _Template:
    """One feature template, parsed once: ``T[index1,index2][column].function``."""

    prefix: str  # "T[-1,0][1]=": underthesea's feature names carry the template
    index1: int
    span: int  # 0 for one token, index2 - index1 for a window
    column: int
    function: str | None


def _parse(syntax: str) -> _Template:
    m = _TEMPLATE.match(syntax)
    if m is None:
        raise ValueError(f"unrecognised underthesea feature template {syntax!r}")
    index1 = int(m.group("index1"))
    span = int(m.group("index2")) - index1 if m.group("index2") else 0
    return _Template(f"{syntax}=", index1, span, int(m.group("column") or 0), m.group("function"))


class _Featurizer:
    """CRF features for one template list, built a column at a time.

    Each feature is ``{template}={value}`` with the BOS/EOS rule of both underthesea
    featurizers; each window of words is joined and each function applied once per
    sentence (and cached across sentences), not once per token and feature. ``function``
    gives a function's value as the featurizer being reproduced computes it."""

    def __init__(self, templates: Sequence[str], function: Callable[[str, str], str]) -> None:
        self.templates = [_parse(t) for t in templates]
        self._apply = function
        self._cache: dict[tuple[str, str], str] = {}

    def _function(self, name: str, word: str) -> str:
        got = self._cache.get((name, word))
        if got is None:
            if len(self._cache) > 500_000:  # a bound for long runs: words repeat, the set is not closed
                self._cache.clear()
            got = self._cache[(name, word)] = self._apply(name, word)
        return got

    def __call__(self, sent: Sequence[Sequence[str]]) -> list[list[str]]:
        """The features of each token of one sentence (rows of columns), in template order."""
        n = len(sent)
        columns = list(zip(*sent))
        values: dict[tuple[int, int, str | None], list[str]] = {}
        per_template: list[list[str]] = []
        for t in self.templates:
            key = (t.span, t.column, t.function)
            vals = values.get(key)
            if vals is None:
                col: Sequence[str] = columns[t.column]
                if t.span:
                    col = [" ".join(col[a:a + t.span + 1]) for a in range(n - t.span)]
                if t.function:
                    col = [self._function(t.function, w) for w in col]
                vals = values[key] = list(col)
            # token i reads vals[i + index1]: BOS before the sentence, EOS past the last window
            bos = min(n, max(0, -t.index1))
            lo, hi = max(0, t.index1), min(len(vals), n + t.index1)
            inside = [t.prefix + v for v in vals[lo:hi]] if hi > lo else []
            per_template.append([t.prefix + "BOS"] * bos + inside + [t.prefix + "EOS"] * (n - bos - len(inside)))
        return [list(f) for f in zip(*per_template)]


_I32 = re.compile(r"[+-]?[0-9]+")


def _core_function(dictionary: frozenset[str]) -> Callable[[str, str], str]:
    """The functions as underthesea_core's Rust ``CRFFeaturizer`` computes them (the word
    segmenter was trained with these): ``isdigit`` is "parses as an i32", ``istitle`` is
    "every space-separated part starts with a character its own upper case", so "," and
    "12" are title case."""

    def function(name: str, word: str) -> str:
        if name == "lower":
            return word.lower()
        if name == "isdigit":
            return str(bool(_I32.fullmatch(word)) and -2**31 <= int(word) < 2**31)
        if name == "istitle":
            return str(all(part[:1] == part[:1].upper() for part in word.split(" ")))
        if name == "is_in_dict":
            return str(word.lower() in dictionary)
        return word  # underthesea_core leaves an unknown function's input as it is

    return function


class _Layer:
    """One of underthesea's CRF taggers (POS, chunk or NER) with its feature template.

    Features are those of ``tagged_feature.word2features`` (same names, same BOS/EOS rule,
    underthesea's own ``apply_function``). Rows carry the previous layers' columns plus
    underthesea's placeholder "X" for the column being tagged, exactly as underthesea's
    predictors build them."""

    def __init__(self, name: str, predictor: Any) -> None:
        from underthesea.pipeline.ner.tagged_feature import apply_function

        self.name = name
        self.tagger = predictor.model
        self.features = _Featurizer(predictor.transformer.template, lambda f, w: str(apply_function(f, w)))

    def tag(self, rows: list[list[list[str]]]) -> list[list[str]]:
        """Tags for each sentence (a list of token rows); empty sentences are not passed in."""
        return [self.tagger.tag(self.features(sent)) for sent in rows]


def _segmenter_featurizer(segmenter: Any, directory: Path) -> Callable[[list[list[str]]], list[list[str]]]:
    """The word segmenter's features: computed column-wise here when its templates and
    dictionary can be read beside the model and reproduce underthesea_core's output on a
    probe sentence, else (another underthesea layout) by underthesea_core itself."""
    import joblib

    def core(sent: list[list[str]]) -> list[list[str]]:
        return segmenter.featurizer.process([sent])[0]

    try:
        templates = joblib.load(directory / segmenter.path_features)
        dictionary = frozenset(joblib.load(directory / segmenter.path_dictionary))
        ours = _Featurizer(templates, _core_function(dictionary))
    except (OSError, ValueError, TypeError, AttributeError):
        return core
    probe = [[t] for t in "Ngày 12 / 3 , Thủ tướng Phạm Minh Chính tiếp Đại sứ Hoa Kỳ -5 ,".split()]
    return ours if ours(probe) == core(probe) else core


class CRFChain:
    """``underthesea.ner`` for many sentences at once: same models, same tags, one pass."""

    def __init__(self) -> None:
        for name in MODELS:  # underthesea's bundled models, against models/manifest.json, before loading
            manifest.verify(name)
        import underthesea.pipeline.word_tokenize as wt
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
        from underthesea.pipeline.ner.model_crf import CRFNERPredictor
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

        wt.word_tokenize("Hà Nội")  # loads underthesea's segmentation model, kept in a module global
        segmenter = wt.word_tokenize_model
        if segmenter is None or not hasattr(segmenter, "featurizer"):
            raise RuntimeError("this underthesea has no FastCRFSequenceTagger word segmenter "
                               "(underthesea.pipeline.word_tokenize.word_tokenize_model); the CRF chain needs one")
        models = sorted(Path(wt.__file__).parent.glob("models/ws_crf_*"))
        self._tokenize = tokenize
        self._segmenter = segmenter
        self.segment_features = (_segmenter_featurizer(segmenter, models[-1]) if len(models) == 1
                                 else lambda sent: segmenter.featurizer.process([sent])[0])
        self.pos = _Layer("pos", CRFPOSTagPredictor.Instance())
        self.chunk = _Layer("chunk", CRFChunkingPredictor.Instance())
        self.ner = _Layer("ner", CRFNERPredictor.Instance())

    def segment(self, sentences: Sequence[str]) -> list[list[str]]:
        """Words of each sentence, as ``underthesea.word_tokenize`` gives them."""
        syllables = [self._tokenize(s, use_token_normalize=True, fixed_words=[]) for s in sentences]
        todo = [i for i, toks in enumerate(syllables) if toks]
        out: list[list[str]] = [[] for _ in sentences]
        for i in todo:
            x = self.segment_features([[t] for t in syllables[i]])
            words: list[str] = []
            for k, (tag, token) in enumerate(zip(self._segmenter.estimator.tag(x), syllables[i])):
                if tag == "I-W" and k > 0:
                    words[-1] = words[-1] + " " + token
                else:
                    words.append(token)
            out[i] = words
        return out

    def __call__(self, sentences: Sequence[str]) -> list[list[Token]]:
        """(word, pos, chunk, ner) tokens of each sentence, as ``underthesea.ner`` gives them."""
        words = self.segment(sentences)
        todo = [i for i, w in enumerate(words) if w]
        rows = [[[w, "X"] for w in words[i]] for i in todo]
        for sent, tags in zip(rows, self.pos.tag(rows)):
            for r, tag in zip(sent, tags):
                r[1] = tag
                r.append("X")
        for sent, tags in zip(rows, self.chunk.tag(rows)):
            for r, tag in zip(sent, tags):
                r[2] = tag
                r.append("X")
        out: list[list[Token]] = [[] for _ in sentences]
        for i, sent, tags in zip(todo, rows, self.ner.tag(rows)):
            out[i] = [(r[0], r[1], r[2], tag) for r, tag in zip(sent, tags)]
        return out
