"""What a language backend provides to the pipeline, and the registry of backends.

A backend wraps one NLP library for one language and converts its output to
our records (``Sentence``, ``Entity``) at the boundary, with character offsets
into the original text. Backends are registered by (name, lang) and imported
lazily, so choosing spaCy for English never imports underthesea and an
optional backend (stanza) costs nothing unless it is selected.
"""
from __future__ import annotations

import importlib
from typing import Protocol

from pipeline.doc import Entity, Sentence


class Backend(Protocol):
    """Sentence splitting and named-entity recognition for one language."""

    name: str
    lang: str

    def analyse(self, texts: list[str]) -> list[tuple[list[Sentence], list[Entity]]]:
        """Sentences and NER entities (PERSON, LOC, ORG, NORP) for each text, offsets into that text."""
        ...


# (name, lang) -> "module:Class"; modules are imported only when selected. A backend for one
# language lives in pipeline/lang/<code>/, one serving several languages in pipeline/lang/.
_REGISTRY: dict[tuple[str, str], str] = {
    ("underthesea", "vi"): "pipeline.lang.vi.underthesea_backend:UndertheseaBackend",
    ("spacy", "en"): "pipeline.lang.en.spacy_backend:SpacyBackend",
    ("stanza", "vi"): "pipeline.lang.stanza_backend:StanzaBackend",
    ("stanza", "en"): "pipeline.lang.stanza_backend:StanzaBackend",
}

DEFAULT_BACKENDS: dict[str, str] = {"vi": "underthesea", "en": "spacy"}


class BackendUnavailable(RuntimeError):
    """The selected backend cannot be loaded here; the message says how to install it."""


def available_backends() -> dict[str, list[str]]:
    """The registered backend names by language, for ``--backend`` help and error messages."""
    out: dict[str, list[str]] = {}
    for name, lang in _REGISTRY:
        out.setdefault(lang, []).append(name)
    return out


def load_backend(name: str, lang: str) -> Backend:
    """Instantiate the backend registered as (name, lang)."""
    try:
        target = _REGISTRY[(name, lang)]
    except KeyError:
        raise BackendUnavailable(
            f"no backend {name!r} for language {lang!r}; available: {available_backends()}") from None
    module_name, cls_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise BackendUnavailable(f"backend {name!r} for {lang!r} could not be imported: {exc}") from exc
    return getattr(module, cls_name)(lang=lang)
