"""Vietnamese backend: underthesea for sentences and (on demand) NER.

underthesea's CRF NER runs at ~65 sentences/s on one core and often tags
"Tổng Bí thư Tô Lâm" as LOC, so the pipeline does not depend on it for actors
(titles, name patterns and gazetteers do that). It is asked only about
sentences that carry an event trigger, where it adds PER names that no title
anchors. This is the only module that imports underthesea.
"""
from __future__ import annotations

from pipeline.doc import Entity, Sentence
from pipeline.lang.sentences import align, blocks


class UndertheseaBackend:
    name = "underthesea"

    def __init__(self, lang: str = "vi") -> None:
        import underthesea  # noqa: F401  (fail early, at load time, if missing)
        from underthesea import ner, sent_tokenize

        self.lang = lang
        self._sent_tokenize = sent_tokenize
        self._ner = ner

    def sentences(self, text: str) -> list[Sentence]:
        out: list[Sentence] = []
        for start, end in blocks(text):
            block = text[start:end]
            out.extend(align(block, self._sent_tokenize(block), offset=start))
        return out

    def entities(self, text: str, sentence: Sentence) -> list[Entity]:
        """NER over one sentence; tokens are re-found in the text to keep offsets exact."""
        ents: list[Entity] = []
        pos = 0
        current: list[tuple[int, int, str]] = []
        label = ""
        tokens = self._ner(sentence.text)

        def flush() -> None:
            if current:
                s, e = current[0][0], current[-1][1]
                ents.append(Entity(sentence.start + s, sentence.start + e, sentence.text[s:e],
                                   {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}.get(label, label),
                                   source="ner"))
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

    def analyse(self, texts: list[str]) -> list[tuple[list[Sentence], list[Entity]]]:
        return [(self.sentences(t), []) for t in texts]
