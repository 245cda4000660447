"""Map sentence strings returned by a library back to offsets in the original text."""
from __future__ import annotations

import re

from pipeline.doc import Sentence

_BLOCK = re.compile(r"[^\n]+")


def blocks(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: news text puts headlines, captions and paragraphs on their own lines,
    and no sentence runs across a line break."""
    return [(m.start(), m.end()) for m in _BLOCK.finditer(text) if m.group().strip()]


def line_jobs(texts: list[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Every non-empty line of every text, for a backend's bulk call: ((text index, line start), line)."""
    jobs: list[tuple[int, int]] = []
    pieces: list[str] = []
    for ti, text in enumerate(texts):
        for start, end in blocks(text):
            jobs.append((ti, start))
            pieces.append(text[start:end])
    return jobs, pieces


def align(text: str, pieces: list[str], offset: int = 0) -> list[Sentence]:
    """Find each piece in order in ``text`` (ignoring whitespace differences at the ends)."""
    out: list[Sentence] = []
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = text.find(piece, pos)
        if i < 0:  # the library changed inner whitespace: fall back to the first word
            head = piece.split()[0]
            i = text.find(head, pos)
            if i < 0:
                continue
            end = min(len(text), i + len(piece))
        else:
            end = i + len(piece)
        out.append(Sentence(offset + i, offset + end, text[i:end]))
        pos = end
    return out


# a sentence break right after one of these is the sentence splitter's mistake: "H.E. Pratibha Patil",
# "Prime Minister Dr. Manmohan Singh", "Shri S.M. Krishna"
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:H\.\s?E|Dr|Mr|Mrs|Ms|Mme|Smt|Shri|Sri|Gen|Lt|Col|Maj|Capt|Adm|Prof|Sen|Rep|Gov|Amb|Hon|Rt|St|"
    r"No|Nos|Vol|ông|bà|[A-Z]|[A-Z]\.[A-Z])\.$")


def join_abbreviation_splits(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Undo sentence breaks after a title abbreviation or an initial when the next sentence
    starts on the same line with a capital (the name that follows belongs to the same sentence),
    and breaks before a word in lower case."""
    out: list[Sentence] = []
    for s in sentences:
        if out:
            prev = out[-1]
            gap = text[prev.end:s.start]
            wrong_break = _ABBREVIATION_END.search(prev.text) and s.text[:1].isupper() \
                or s.text[:1].islower()  # no sentence starts in lower case: "Marcos Jr. | đã hội kiến ..."
            # a parse's head indices are per sentence: parsed sentences are kept apart
            if "\n" not in gap and len(gap) <= 2 and wrong_break and not (prev.tokens or s.tokens):
                out[-1] = Sentence(prev.start, s.end, text[prev.start:s.end])
                continue
        out.append(s)
    return out
