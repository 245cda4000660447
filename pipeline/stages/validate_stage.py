"""Stage ``validate``: the article is checked before any model sees it, and its HTML markup blanked.

Its text must be a string of valid Unicode (no lone surrogates) with letters in
it, and its id a non-empty string not given to an earlier article of the same
run. HTML markup is masked: tags, comments, scripts and styles become spaces (a
block tag a line break) and an entity its character padded with spaces, so the
text keeps its length and every offset still points into the original; the
consolidate stage takes evidence, triggers and entity texts from the original.
"""
from __future__ import annotations

import html
import re
import unicodedata

from pipeline.doc import Article, Document
from pipeline.readers import parse_published
from pipeline.stages.registry import Rejected, Resources, register_stage
from pipeline.values import is_missing

__all__ = ["ValidateStage", "mask_markup", "LETTER"]

SURROGATE = re.compile("[\ud800-\udfff]")
LETTER = re.compile(r"[^\W\d_]")


@register_stage("validate", requires=("source", "duplicate_id"), provides=("article", "text"))
class ValidateStage:
    """The article checked and normalised (NFC text, lang and published in canonical form)."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Refuse an article with a bad or repeated id, or without usable text; normalise the rest into
        the record."""
        art = doc.source
        if doc.duplicate_id:
            raise Rejected("DuplicateId", f"duplicate id {art.id!r}; the first article with it is kept")
        if not isinstance(art.id, str) or not art.id.strip():
            raise Rejected("InvalidId", f"id must be a non-empty string, got {art.id!r}")
        if SURROGATE.search(art.id):
            raise Rejected("InvalidUnicode", "the id holds a lone surrogate: not valid Unicode")
        text = art.text
        if is_missing(text):
            raise Rejected("EmptyText", "text is missing")
        if not isinstance(text, str):
            raise Rejected("InvalidText", f"text must be a string, got {type(text).__name__}")
        bad = SURROGATE.search(text)
        if bad:
            raise Rejected("InvalidUnicode",
                           f"text holds a lone surrogate U+{ord(bad.group()):04X} at offset {bad.start()}: "
                           "not valid Unicode (was it decoded with errors='surrogateescape'?)")
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            art = Article(art.id, text, art.lang, art.published)
        if not text.strip():
            raise Rejected("EmptyText", "text is empty or whitespace only")
        analysed = mask_markup(text)
        if not analysed.strip():
            raise Rejected("EmptyText", "text is only HTML markup")
        if not LETTER.search(analysed):
            raise Rejected("NoText", f"text has no letters ({len(text)} characters of "
                           "digits, symbols, marks or control characters: binary or junk content?)")
        lang, published = art.lang, art.published
        if is_missing(lang):
            lang = None
        elif isinstance(lang, str):
            lang = lang.strip().lower() or None
        else:
            raise Rejected("InvalidLang", f"lang must be a string such as 'vi' or 'en', got {lang!r}")
        try:
            published = parse_published(published)
        except ValueError as exc:
            raise Rejected("InvalidPublished", str(exc)) from None
        if (lang, published) != (art.lang, art.published):
            art = Article(art.id, text, lang, published)
        doc.article, doc.text = art, analysed
        return doc


# ------------------------------------------------------------------ HTML markup, masked in place

_BLOCK_TAGS = frozenset("""address article aside blockquote body br caption center dd details dialog div dl dt
    fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe
    img legend li link main menu meta nav ol option p pre section select summary table tbody td textarea tfoot
    th thead title tr ul""".split())
_INLINE_TAGS = frozenset("""a abbr acronym audio b base basefont bdi bdo big button canvas cite code col colgroup
    data datalist del dfn em embed font i input ins kbd label map mark meter object output param picture
    progress q rp rt ruby s samp small source span strike strong sub sup svg time track tt u var video wbr
    path g noscript script style template""".split())
_HTML_TAGS = _BLOCK_TAGS | _INLINE_TAGS
_RAW_OPEN = re.compile(r"<!--|<(script|style|noscript|template)\b[^<>]*>", re.I)
_RAW_CLOSE = {"": re.compile("-->")} | {
    name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "noscript", "template")}
_MARKUP = re.compile(r"""
    <![A-Za-z\[][^<>]*>                     # doctype, CDATA opener
  | <\?[^<>]*\?>                            # processing instruction
  | </?(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?:[\s/][^<>]*)?>   # a tag (known names only, below)
""", re.X)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_HINT = re.compile(r"[<&]")


def mask_markup(text: str) -> str:
    """``text`` with HTML markup blanked out, same length, so every offset stays valid.

    Tags of known HTML elements, comments, doctypes and the content of script and
    style elements become spaces (a block tag such as ``<p>`` or ``<br>`` becomes a
    line break followed by spaces, so it separates sentences); a character entity
    becomes its character followed by spaces. Nothing else changes: plain text
    (even with ``<`` or ``&`` in it) is returned as it is.
    """
    if not _MARKUP_HINT.search(text):
        return text
    out = list(text)

    def blank(start: int, end: int, newline: bool = False) -> None:
        for k in range(start, end):
            out[k] = " "
        if newline and end > start:
            out[start] = "\n"

    # comments and script/style elements, with their content; each closer is searched for
    # once per kind, so a page full of unterminated openers stays linear
    unterminated: set[str] = set()
    pos = 0
    while True:
        m = _RAW_OPEN.search(text, pos)
        if m is None:
            break
        kind = (m.group(1) or "").lower()
        close = None if kind in unterminated else _RAW_CLOSE[kind].search(text, m.end())
        if close is None:
            unterminated.add(kind)
            end = m.end() if kind else m.start() + 4
        else:
            end = close.end()
        blank(m.start(), end, newline=bool(kind))
        pos = end
    for m in _MARKUP.finditer(text):
        if out[m.start()] != "<":
            continue  # inside a blanked script/style element
        name = (m.group("name") or "").lower()
        if m.group("name") is None or name in _HTML_TAGS:
            blank(m.start(), m.end(), newline=name in _BLOCK_TAGS)
    for m in _ENTITY.finditer(text):
        if out[m.start()] != "&":
            continue
        char = html.unescape(m.group())
        if len(char) != 1 or char == m.group():
            continue
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cs") or char == "\ufffd":
            char = " "
        blank(m.start(), m.end())
        out[m.start()] = char
    return "".join(out)

