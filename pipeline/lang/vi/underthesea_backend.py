"""Vietnamese backend: underthesea for sentences and (on demand) NER.

underthesea's CRF NER often tags "Tổng Bí thư Tô Lâm" as LOC, so the pipeline does not
depend on it for actors (titles, name patterns and gazetteers do that). It is asked only
about sentences that carry an event trigger, where it adds PER names that no title
anchors. NER goes through :class:`~pipeline.lang.vi.crf_chain.CRFChain`, underthesea's
own segmenter and CRF models with the same tags as ``underthesea.ner``, segmenting once
and building features column-wise (several times faster). This package is the only
place in the pipeline that imports underthesea.
"""
from __future__ import annotations

from collections.abc import Sequence

from pipeline import models as manifest
from pipeline.doc import Entity, Sentence
from pipeline.lang.sentences import align, blocks
from pipeline.lang.vi.crf_chain import CRFChain, Token

_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}


class UndertheseaBackend:
    """Vietnamese sentences from underthesea; its NER is asked only for sentences the gazetteers and
    patterns cannot explain (``entities_of``), because it costs most of the run time."""

    name = "underthesea"

    def __init__(self, lang: str = "vi") -> None:
        # checked before the import: `import underthesea` unpickles the normalisation rules
        manifest.verify("underthesea_text_normalize")
        manifest.verify("underthesea_sent_tokenize")
        import underthesea  # noqa: F401  (fail early, at load time, if missing)
        from underthesea import sent_tokenize

        self.lang = lang
        self._sent_tokenize = sent_tokenize
        self._chain: CRFChain | None = None  # loaded on the first NER request

    @property
    def chain(self) -> CRFChain:
        """The CRF models, loaded on first use: most articles never need them."""
        if self._chain is None:
            self._chain = CRFChain()
        return self._chain

    def sentences(self, text: str) -> list[Sentence]:
        """The text's sentences with their offsets, split block by block so no sentence spans a paragraph."""
        out: list[Sentence] = []
        for start, end in blocks(text):
            block = text[start:end]
            out.extend(align(block, self._sent_tokenize(block), offset=start))
        return out

    def entities(self, text: str, sentence: Sentence) -> list[Entity]:
        """NER over one sentence; tokens are re-found in the text to keep offsets exact."""
        return self.entities_of(text, [sentence])

    def entities_of(self, text: str, sentences: Sequence[Sentence]) -> list[Entity]:
        """NER over several sentences of one text in one batch, in sentence order."""
        tagged = self.chain([s.text for s in sentences]) if sentences else []
        return [e for s, tokens in zip(sentences, tagged) for e in _entities(s, tokens)]

    def analyse(self, texts: list[str]) -> list[tuple[list[Sentence], list[Entity]]]:
        """Sentences for each text and no entities: NER runs later, only where it is needed."""
        return [(self.sentences(t), []) for t in texts]


def _entities(sentence: Sentence, tokens: list[Token]) -> list[Entity]:
    """BIO-tagged words to entities; each word is re-found in the sentence (underthesea
    normalises some characters, so a word it changed is skipped rather than misplaced)."""
    ents: list[Entity] = []
    pos = 0
    current: list[tuple[int, int, str]] = []
    label = ""

    def flush() -> None:
        if current:
            s, e = current[0][0], current[-1][1]
            ents.append(Entity(sentence.start + s, sentence.start + e, sentence.text[s:e],
                               _LABELS.get(label, label), source="ner"))
        current.clear()

    for tok in tokens:
        word, tag = tok[0], tok[-1]
        i = sentence.text.find(word, pos)
        if i < 0:
            continue
        pos = i + len(word)
        if tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            flush()
            label = tag[2:]
            current.append((i, pos, word))
        elif tag.startswith("I-"):
            current.append((i, pos, word))
        else:
            flush()
            label = ""
    flush()
    return ents
