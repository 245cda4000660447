"""Optional stanza backend: tokens, POS, dependency parse and NER for Vietnamese or English.

Selected per language (``--backend vi=stanza``) and installed by the ``stanza``
extra. stanza is imported only when this backend is instantiated, so the rest
of the pipeline never pays for torch. Models are read from a local directory
only (``download_method=None``): this project runs where no model hub is
reachable, so a missing model is an error that says what to run on a machine
with internet and where to copy the files, never a silent download.

``document_to_records`` is the boundary: it turns any stanza ``Document`` into
our ``Sentence``/``Token``/``Entity`` records with character offsets into the
original text. It is a pure function so it can be tested on Documents built
from CoNLL-U without any model.
"""
from __future__ import annotations

import json
import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import models as manifest
from pipeline.backends.base import BackendUnavailable
from pipeline.doc import Entity, Sentence, Token
from pipeline.lang.sentences import line_jobs

logger = logging.getLogger(__name__)

#: What the pipeline asks stanza for. ``lemma`` is not used by us but stanza's
#: depparse requires it; Vietnamese (VTB treebank, VLSP NER) and English offer all five.
PROCESSORS: dict[str, str] = {
    "vi": "tokenize,pos,lemma,depparse,ner",
    "en": "tokenize,pos,lemma,depparse,ner",
}

#: stanza NER labels (VLSP for vi: PER/LOC/ORG/MISC; OntoNotes for en) -> ours; others are dropped.
NER_LABELS: dict[str, str] = {
    "PER": "PERSON", "PERSON": "PERSON",
    "LOC": "LOC", "GPE": "LOC",
    "ORG": "ORG",
    "NORP": "NORP",
}

INSTALL_HINT = ("pip install torch==2.13.0 (a CPU-only torch; installing stanza first would pull a "
                "multi-GB CUDA build), then pip install '.[stanza]' in the project directory")


class StanzaModelsMissing(BackendUnavailable):
    """stanza is installed but its models for the language are not in the resources directory.

    The message names the directory searched and the exact command to fetch the
    models elsewhere, because this machine cannot download them.
    """

    def __init__(self, lang: str, resources_dir: str, missing: list[str], detail: str | None = None) -> None:
        self.lang = lang
        self.resources_dir = resources_dir
        self.missing = missing
        lines = [
            f"stanza models for {lang!r} not found in {resources_dir} (missing: {', '.join(missing)}).",
            "Models are never downloaded at run time. On a machine with internet run:",
            f"    python -c \"import stanza; stanza.download('{lang}', model_dir='{resources_dir}')\"",
            f"then copy the directory {resources_dir} to this machine and set "
            f"STANZA_RESOURCES_DIR={resources_dir} (or pass resources_dir= to StanzaBackend).",
        ]
        if detail:
            lines.append(f"stanza said: {detail}")
        super().__init__("\n".join(lines))


def default_resources_dir() -> str:
    """The directory stanza itself would use: ``STANZA_RESOURCES_DIR``, else stanza's per-user default.

    Read from the environment at call time (stanza reads it once, at import), and
    stanza's own default is asked only when stanza is importable, so the answer
    matches what ``stanza.download`` writes by default.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return str(Path.home() / "stanza_resources")
    return str(DEFAULT_MODEL_DIR)


def check_models(lang: str, resources_dir: str, processors: str) -> None:
    """Raise ``StanzaModelsMissing`` unless ``resources_dir`` holds resources.json and a model per processor.

    Checked before stanza is asked, because stanza's own errors for an empty
    directory (a bare KeyError for a partial resources.json, a hint to call
    ``stanza.download``) do not say where to put files on an offline machine.
    """
    root = Path(resources_dir)
    resources_file = root / "resources.json"
    if not resources_file.is_file():
        raise StanzaModelsMissing(lang, resources_dir, [str(resources_file)])
    try:
        resources = json.loads(resources_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StanzaModelsMissing(lang, resources_dir, [f"{resources_file} (unreadable: {exc})"]) from exc
    model_lang = lang
    seen: set[str] = set()
    while isinstance(resources.get(model_lang), dict) and "alias" in resources[model_lang] and model_lang not in seen:
        seen.add(model_lang)
        model_lang = resources[model_lang]["alias"]
    if model_lang not in resources:
        raise StanzaModelsMissing(lang, resources_dir, [f"an entry for {lang!r} in {resources_file}"])
    lang_resources = resources[model_lang] if isinstance(resources[model_lang], dict) else {}
    default_packages = lang_resources.get("packages", {}).get("default", {})
    missing = []
    for processor in processors.split(","):
        package = default_packages.get(processor)
        if package == "identity":  # a lemmatizer that copies the word: no model file
            continue
        folder = root / model_lang / processor
        if isinstance(package, str):
            if not (folder / f"{package}.pt").is_file():
                missing.append(str(folder / f"{package}.pt"))
        elif not folder.is_dir() or not any(folder.glob("*.pt")):
            missing.append(str(folder))
    if missing:
        raise StanzaModelsMissing(lang, resources_dir, missing)


class StanzaBackend:
    """Sentences, tokens with a dependency parse, and NER entities from a local stanza pipeline."""

    name = "stanza"
    lang: str
    resources_dir: str | None  # None when wrapping a pipeline built elsewhere
    nlp: Any  # stanza.Pipeline

    def __init__(self, lang: str, resources_dir: str | os.PathLike[str] | None = None) -> None:
        try:
            import stanza
        except ImportError as exc:
            raise BackendUnavailable(
                f"the stanza backend needs the optional package stanza, which is not importable ({exc}). "
                f"Install it with: {INSTALL_HINT}.") from exc
        if lang not in PROCESSORS:
            raise BackendUnavailable(f"the stanza backend is set up for {sorted(PROCESSORS)}, not {lang!r}")
        self.lang = lang
        self.resources_dir = str(resources_dir) if resources_dir is not None else default_resources_dir()
        processors = PROCESSORS[lang]
        check_models(lang, self.resources_dir, processors)
        manifest.verify(f"stanza_{lang}", root=self.resources_dir)  # optional: unchecked until pinned
        try:
            self.nlp = stanza.Pipeline(lang, processors=processors, dir=self.resources_dir,
                                       download_method=None, logging_level="WARN")
        except FileNotFoundError as exc:  # a dependency (pretrain, charlm) of a model is missing
            raise StanzaModelsMissing(lang, self.resources_dir, [getattr(exc, "filename", None) or "a model file"],
                                      detail=str(exc)) from exc

    @classmethod
    def from_pipeline(cls, nlp: Any, lang: str) -> "StanzaBackend":
        """Wrap a pipeline built elsewhere (custom model paths, or a stand-in in tests)."""
        self = cls.__new__(cls)
        self.lang = lang
        self.resources_dir = None
        self.nlp = nlp
        return self

    def analyse(self, texts: list[str], batch_size: int = 256) -> list[tuple[list[Sentence], list[Entity]]]:
        """Parse every non-empty line of every text with bulk calls; lines never share a sentence.

        Each line is its own stanza Document, so its offsets are shifted by the
        line's start to index the original text. Lines go to stanza
        ``batch_size`` at a time so a large corpus never holds every parse at once.
        """
        jobs, pieces = line_jobs(texts)  # (text index, line start), line
        results: list[tuple[list[Sentence], list[Entity]]] = [([], []) for _ in texts]
        for first in range(0, len(pieces), batch_size):
            docs = self.nlp.bulk_process(pieces[first:first + batch_size])
            for (ti, offset), doc in zip(jobs[first:first + batch_size], docs):
                sents, ents = document_to_records(doc, texts[ti], offset)
                results[ti][0].extend(sents)
                results[ti][1].extend(ents)
        return results


# --- the converter -----------------------------------------------------------------

_SEP = re.compile(r"[\s_]+")


@lru_cache(maxsize=65536)
def _pattern(form: str) -> re.Pattern[str]:
    """A token as a regex that accepts any whitespace (or an underscore) between its syllables.

    Vietnamese words hold spaces ("Hà Nội"), some treebanks write them with "_",
    and the text may carry two spaces or a no-break space where the tokenizer had one.
    A line break never joins syllables: no sentence runs across one.
    """
    parts = [p for p in _SEP.split(form.strip()) if p]
    if not parts:
        return re.compile(re.escape(form))
    return re.compile(r"(?:[^\S\n\r]|_)+".join(re.escape(p) for p in parts))


def _given_span(unit: Any, text: str, offset: int) -> tuple[int, int] | None:
    """The unit's own start_char/end_char shifted into ``text``, if present, inside the text and matching it."""
    s, e = getattr(unit, "start_char", None), getattr(unit, "end_char", None)
    if s is None or e is None:
        return None
    s, e = s + offset, e + offset
    if not 0 <= s <= e <= len(text):
        return None
    if not _pattern(unit.text).fullmatch(text, s, e):
        return None
    return s, e


class _Aligner:
    """Walks the text once, left to right, giving each token a span at or after the previous one.

    A token whose given offsets do not fit is searched for; one that cannot be
    found gets an empty span at the current position (never outside the text)
    and a warning, and the next token may then skip the text it failed to claim.
    """

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.pos = max(0, min(offset, len(text)))
        self.may_skip = True

    def locate_sentence(self, sentence_text: str | None) -> tuple[int, int]:
        """Search bounds for one sentence: its own text if it can be found, else the rest of the text."""
        end = len(self.text)
        if sentence_text and sentence_text.strip():
            m = _pattern(sentence_text).search(self.text, self.pos)
            if m:
                self.pos = m.start()
                return m.start(), m.end()
        return self.pos, end

    def token(self, tok: Any, bound: int) -> tuple[int, int] | None:
        """Span of one stanza token in the text, or None (with a warning) when it cannot be placed."""
        given = _given_span(tok, self.text, self.offset)
        if given is not None and given[0] >= self.pos:
            span = given
        else:
            m = _pattern(tok.text).search(self.text, self.pos, max(self.pos, bound))
            if m and (self.may_skip or not self.text[self.pos:m.start()].strip()):
                span = (m.start(), m.end())
            else:
                logger.warning("stanza token %r not found in the text after offset %d; given an empty span there",
                               tok.text, self.pos)
                self.may_skip = True
                return None
        self.pos = span[1]
        self.may_skip = False
        return span


def document_to_records(doc: Any, text: str, offset: int = 0) -> tuple[list[Sentence], list[Entity]]:
    """Convert a stanza Document into our sentences (with parsed tokens) and NER entities.

    ``doc`` was made from ``text[offset:]`` (or from a treebank whose sentences
    appear in order in ``text``): stanza's start_char/end_char are used, shifted
    by ``offset``, when they match the text; otherwise (e.g. a Document read
    from CoNLL-U, which has no offsets) each token is searched for in order.
    One ``Token`` per syntactic word: the words of a multi-word token share the
    token's span unless stanza gives them their own inside it. ``Token.text`` is
    the word as the parser saw it; ``head`` is an index into the sentence's
    token list (-1 for the root or when there is no parse).
    """
    aligner = _Aligner(text, offset)
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for sent in doc.sentences:
        stanza_tokens = list(sent.tokens)
        if not stanza_tokens:
            continue
        has_offsets = all(_given_span(t, text, offset) is not None for t in stanza_tokens)
        bound_start, bound_end = aligner.locate_sentence(None if has_offsets else getattr(sent, "text", None))
        aligner.may_skip = True
        token_spans: dict[int, tuple[int, int]] = {}  # id(stanza token) -> span
        words: list[tuple[Any, int, int]] = []  # (stanza word, start, end)
        for tok in stanza_tokens:
            span = aligner.token(tok, bound_end)
            if span is None:
                start = end = aligner.pos
            else:
                start, end = span
                token_spans[id(tok)] = span
            tok_words = list(tok.words)
            for w in tok_words:
                w_start, w_end = start, end
                if len(tok_words) > 1 and span is not None:
                    own = _given_span(w, text, offset)
                    if own is not None and start <= own[0] and own[1] <= end:
                        w_start, w_end = own
                words.append((w, w_start, w_end))
        index = {w.id: i for i, (w, _, _) in enumerate(words)}
        tokens: list[Token] = []
        for w, s, e in words:
            head = w.head
            tokens.append(Token(start=s, end=e, text=w.text, upos=w.upos,
                                head=index.get(head, -1) if head else -1, deprel=w.deprel))
        placed = [t for t in tokens if t.end > t.start]
        if placed:
            s_start, s_end = min(t.start for t in placed), max(t.end for t in placed)
        elif bound_end > bound_start and not has_offsets and getattr(sent, "text", None):
            s_start, s_end = bound_start, bound_end
        else:
            logger.warning("no token of stanza sentence %r could be placed in the text; sentence dropped",
                           getattr(sent, "text", None))
            continue
        sentences.append(Sentence(s_start, s_end, text[s_start:s_end], tokens=tokens))
        entities.extend(_entities(sent, token_spans, text))
    return sentences, entities


def _entities(sent: Any, token_spans: dict[int, tuple[int, int]], text: str) -> list[Entity]:
    """NER spans of one sentence, placed by the spans already given to their tokens."""
    ents = list(getattr(sent, "ents", None) or [])
    if not ents and any(getattr(t, "ner", None) not in (None, "O") for t in sent.tokens):
        ents = sent.build_ents()  # a Document read from CoNLL-U carries tags but no spans yet
    out: list[Entity] = []
    for ent in ents:
        label = NER_LABELS.get(ent.type)
        if label is None:
            continue
        spans = [token_spans[id(t)] for t in ent.tokens if id(t) in token_spans]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        out.append(Entity(start, end, text[start:end], label, source="ner"))
    return out
