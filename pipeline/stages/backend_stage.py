"""Stage ``backend``: sentences and statistical NER from a language's NLP backend, in batches.

Each language registers its own ``backend`` stage (``pipeline/lang/<code>/backend_stage.py``)
as a :class:`BackendStage` for that language; which library runs is the
pipeline's choice per language (``Pipeline(backends=...)``, ``--backend vi=stanza``;
:mod:`pipeline.backends.base`). Records of one language reach :meth:`BackendStage.pipe`
together and go to the backend in one call; should that call fail, each text is
tried alone, so one bad article fails alone. A text longer than ``max_chars`` is
analysed in windows of whole lines (:mod:`pipeline.limits`) whose sentences and
entities are shifted back to offsets in the whole text.
"""
from __future__ import annotations

from pipeline.doc import Document, Entity, Sentence, Token
from pipeline.limits import windows
from pipeline.stages.registry import Resources

__all__ = ["BackendStage"]

Analysis = tuple[list[Sentence], list[Entity]]


class BackendStage:
    """The backend the pipeline chose for ``lang``, loaded on first use, over a batch of records."""

    def __init__(self, resources: Resources, lang: str) -> None:
        self.resources = resources
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        """Run the backend on this one record (``pipe`` is the batched path)."""
        out = self.pipe([doc])[0]
        if isinstance(out, BaseException):
            raise out
        return out

    def pipe(self, docs: list[Document]) -> list[Document | BaseException]:
        """Each record with ``sentences`` and ``ner`` filled in, or the exception that stopped it."""
        out: list[Document | BaseException | None] = [None] * len(docs)
        max_chars = self.resources.max_chars
        short = [k for k, d in enumerate(docs) if d.text is not None and len(d.text) <= max_chars]
        analysed: list[Analysis] | None = None
        if len(short) > 1:
            try:
                analysed = self.resources.backend(self.lang).analyse([_text(docs[k]) for k in short])
                if len(analysed) != len(short):
                    raise RuntimeError(f"backend returned {len(analysed)} results for {len(short)} texts")
            except Exception:  # noqa: BLE001 - fall back to one article at a time to isolate the bad one
                analysed = None
        if analysed is not None:
            for k, (sentences, ner) in zip(short, analysed):
                docs[k].sentences, docs[k].ner = sentences, ner
                out[k] = docs[k]
        for k, doc in enumerate(docs):
            if out[k] is not None:
                continue
            try:
                doc.sentences, doc.ner = self._windowed(_text(doc))
                out[k] = doc
            except Exception as exc:  # noqa: BLE001 - this article's failure, not the batch's
                out[k] = exc
        return [o if o is not None else RuntimeError("not analysed") for o in out]  # every slot is filled

    def _windowed(self, text: str) -> Analysis:
        """One text, window by window (one window when it is short), offsets into the whole text."""
        sentences: list[Sentence] = []
        ents: list[Entity] = []
        for start, end in windows(text, self.resources.max_chars):
            got = self.resources.backend(self.lang).analyse([text[start:end]])
            if len(got) != 1:
                raise RuntimeError(f"backend returned {len(got)} results for 1 text")
            s, e = shift(got[0], start)
            sentences += s
            ents += e
        return sentences, ents


def _text(doc: Document) -> str:
    if doc.text is None:
        raise ValueError("the record has no text: the backend stage runs after validate")
    return doc.text


def shift(res: Analysis, offset: int) -> Analysis:
    """A window's sentences, tokens and entities moved ``offset`` characters on, into the whole text."""
    if not offset:
        return res
    sentences, ents = res
    out_s = [Sentence(s.start + offset, s.end + offset, s.text,
                      None if s.tokens is None else
                      [Token(t.start + offset, t.end + offset, t.text, t.upos, t.head, t.deprel) for t in s.tokens])
             for s in sentences]
    out_e = []
    for x in ents:
        x = Entity(x.start + offset, x.end + offset, x.text, x.label, x.canonical, x.country, x.source, x.title,
                   dict(x.extra))
        out_e.append(x)
    return out_s, out_e
