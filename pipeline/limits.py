"""Size limits on what one article hands to a language backend, and the windows that keep to them.

A text longer than ``max_chars`` is not rejected: it is analysed in windows of
whole lines, each at most ``max_chars`` characters, and the windows' sentences
and entities are shifted back to offsets in the whole text, so the later stages
see one article (one actor list, one consolidation). News text never runs a
sentence across a line break, so a page whose lines are shorter than the limit
gives exactly the events it would give unwindowed. Only a single line longer
than the limit is cut, after its last whitespace inside the window (or, for one
token longer than the window, at the limit itself).

The default, 100,000 characters, is a window every backend analyses in a few
seconds and a few hundred MB (spaCy's own ``nlp.max_length`` is ten times
that, but a single line that long costs it gigabytes); every stage after the
backend takes time linear in the article's length
(``benchmarks/long_article.py``), so a long article costs seconds per MB,
never minutes.
"""
from __future__ import annotations

DEFAULT_MAX_CHARS = 100_000


def check_max_chars(max_chars: object) -> int:
    """The limit as a positive int, or a ValueError that says what is expected."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive number of characters, got {max_chars!r}")
    return max_chars


def windows(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` ranges covering ``text``, each at most ``max_chars`` long.

    A window ends just after the last line break inside it; a window with no line
    break ends just after its last whitespace; one with neither ends at the limit.
    The ranges cover the text exactly, in order, with no gap and no overlap.
    """
    max_chars = check_max_chars(max_chars)
    n = len(text)
    if n <= max_chars:
        return [(0, n)] if n else []
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut >= start:
                end = cut + 1
            else:
                i = end - 1
                while i > start and not text[i].isspace():
                    i -= 1
                if i > start:
                    end = i + 1
        out.append((start, end))
        start = end
    return out
