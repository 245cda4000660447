"""Find the people in an article, with their titles and countries, and link short mentions.

Language-neutral: the cues (titles, honorifics, stop words, surnames) come from
``data/lexicons`` per language, the names from ``data/gazetteers``. A person is
a run of capitalised words that the people gazetteer knows, or that a title or
honorific introduces, or that backend NER tags as a person, or that has the
shape of a Vietnamese name. Later short mentions ("Lâm", "ông Aliyev", "PM
Chính", "Premier Li") and bare titles ("Tổng Bí thư", "the Party chief", "the
Japanese leader") resolve to a person already seen in the article.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, NamedTuple

from pipeline import lexicon
from pipeline.doc import Entity
from pipeline.lang import joined, profile, profiles, word_set
from pipeline.stages.gazetteer import CountryGazetteer, KnownPerson, PeopleGazetteer, PlaceGazetteer, fold

_WORD = r"[\w’'.\-]*"
_RUN = re.compile(rf"[{lexicon.UPPER}]{_WORD}(?:[ \u00a0][{lexicon.UPPER}]{_WORD})*")


@lru_cache(maxsize=None)
def name_run(lang: str) -> re.Pattern[str]:
    """A run of capitalised words, with the language's name particles allowed between two of them
    ("Alberto van Klaveren", "Mohammed bin Salman")."""
    particles = "|".join(sorted(lexicon.name_particles(lang), key=len, reverse=True))
    if not particles:
        return _RUN
    cap = rf"[{lexicon.UPPER}]{_WORD}"
    # a particle may also be joined to the next word by a hyphen: "Mohammed al-Ghazali Sirraj"
    joined = rf"(?:(?:{particles})[ \u00a0](?:(?:{particles})[ \u00a0])?|(?:{particles})-)"
    return re.compile(rf"{cap}(?:[ \u00a0]{joined}?{cap})*")
_PLACE_NOUN_BEFORE = re.compile(rf"(?:\b(?:{joined('place_noun_before')})\s+)$")
# "Ca Mau province", "Kanagawa prefecture": a place named before its kind
_PLACE_NOUN_AFTER = re.compile(rf"\s+(?:{joined('place_noun_after')})\b")
_PLACE_NOUN_WORD = re.compile(rf"(?:{joined('place_noun_after')})")
# a delegation's named leader after it: "Đoàn … do ông X dẫn đầu", "a delegation led by X"
_LED_BY_AFTER = re.compile(rf"[^.;\n]{{0,90}}?(?:(?:{joined('led_by_name_before')}){lexicon.UPPER_CLASS}"
                           rf"|{joined('led_by')})")
_ROMAN = re.compile(r"[IVX]{2,5}")  # "Charles III", "Mohammed VI"
_INITIALS = re.compile(rf"(?:[{lexicon.UPPER}]\.){{2,3}}")  # "A.K.", "S.M."
# a title's portfolio before a run of capitalised words: "Minister for Climate Change …"
_PORTFOLIO_BEFORE = re.compile(rf"\b(?:{joined('portfolio_before')})\s+(?:(?:{joined('article')})\s+)?$")
# a body's or a region's name running into a person's: "Ministry for Economic Affairs and | Climate Action
# Michael Kellner", "the German State of | Hessen Volker Bouffier"
_BODY_RUN_BEFORE = re.compile(rf"(?:{joined('body_run_before')})$")
_REGION_OF_BEFORE = re.compile(rf"(?:{joined('region_of_before')})$")
# "Minister of Land, Infrastructure, Transport and Tourism X": a portfolio listed item by item
_PORTFOLIO_ITEMS = re.compile(joined("portfolio_items"))
_PORTFOLIO_LIST_END = re.compile(rf"\b(?:{joined('portfolio_before')})\s+(?:{joined('portfolio_items')})$")
_PORTFOLIO_LIST_GAP = re.compile(rf"\s*(?:{joined('portfolio_before')})\s+(?:{joined('portfolio_items')})\S+\s+")
# between a country and a title it owns: nothing, or a possessive and a few lower-case modifiers
# "the Vietnamese leader", "the Chinese top leader": a demonym's leader words
_DEMONYM_LEADER = re.compile(rf"\s+(?:{joined('demonym_leader_modifiers')})?({joined('demonym_leader_heads')})\b")
_POSSESSIVE_GAP = re.compile(rf"\s*(?:{joined('possessive')})?\s*")
# a place's preposition right before a country: "to the", "tại": the country is a place, not an owner
_PLACE_PREPOSITION_BEFORE = re.compile(rf"(?:{joined('to_place')}|{joined('at_place')})\s+"
                                       rf"(?:(?:{joined('article')})\s+)?$")
# the demonym leader leads a delegation: "X đã dẫn đầu Đoàn …", "X led a delegation of …"
_LEADS_BEFORE = re.compile(rf"\b(?:{joined('leads')})\s+(?:{joined('articles_before_noun')})?$", re.I)
# the delegation accompanies a named leader: "Tô Lâm và Phu nhân cùng Đoàn …"
_ACCOMPANIED_BEFORE = re.compile(rf"(?:\b(?:{joined('accompanied')})|,)\s+(?:(?:{joined('determiners')})\s+)?"
                                 r"(?:[\w-]+\s+){0,2}$", re.I)
_COUNTRY_IN_PARENS_AFTER = re.compile(rf"\s*\((?:[{lexicon.UPPER}][\w-]*\s*){{1,3}}\)")


class TitleMention(NamedTuple):
    """A title written in the text ("Thủ tướng", "the Party chief"), with the lexicon's key and country."""

    start: int
    end: int
    text: str
    key: str
    country: str | None  # the country the title itself names ("Chủ tịch nước" is Vietnam's), if any


@dataclass
class Person:
    """One real person in the article, with every place it is mentioned."""

    canonical: str
    country: str | None
    title: str | None = None
    title_key: str | None = None
    first_mention: str = ""
    tokens: frozenset[str] = frozenset()
    known: bool = False  # found in the people gazetteer
    named: bool = True  # False: a title with a country and no name ("the French Foreign Minister")
    country_guessed: bool = False  # Vietnamese only because the name looks it: the context may say otherwise


@dataclass
class PersonMention:
    """One place a person is named or referred to in the article, and how (name, title, pronoun...)."""

    start: int
    end: int
    text: str
    person: Person
    kind: str = "name"  # name | short | title | pronoun | ner (found only by statistical NER)
    title: str | None = None
    title_key: str | None = None


@dataclass
class ArticleActors:
    """Everything the frame stage needs to know about actors and places in one article."""

    people: list[Person] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    countries: list = field(default_factory=list)  # CountryMention
    places: list = field(default_factory=list)  # PlaceMention
    titles: list[TitleMention] = field(default_factory=list)
    used_titles: set[int] = field(default_factory=set)  # starts of titles that introduce a named person

    _starts: dict = field(default_factory=dict, repr=False, compare=False)  # list name -> (key, starts)

    def __getstate__(self) -> dict:
        """Picklable (the proposer's trainer caches records): the lookup caches, which hold
        closures, are left out and rebuilt on first use."""
        return {**self.__dict__, "_starts": {}}

    def mentions_in(self, start: int, end: int) -> list[PersonMention]:
        """The person mentions starting in ``[start, end]``."""
        return self._within("mentions", start, end)

    def countries_in(self, start: int, end: int) -> list:
        """The country mentions starting in ``[start, end]``."""
        return self._within("countries", start, end)

    def places_in(self, start: int, end: int) -> list:
        """The place mentions starting in ``[start, end]``."""
        return self._within("places", start, end)

    def titles_in(self, start: int, end: int) -> list[TitleMention]:
        """The titles starting in [start, end] (callers keep their own exact test), in list order."""
        cached = self._starts.get("titles")
        if cached is None or cached[0] is not self.titles or cached[1] != _shape(self.titles):
            found = [t.start for t in self.titles]
            ordered = all(a <= b for a, b in zip(found, found[1:]))
            cached = (self.titles, _shape(self.titles), found if ordered else None)
            self._starts["titles"] = cached
        starts = cached[2]
        if starts is None:
            return self.titles
        return self.titles[bisect_left(starts, start):bisect_right(starts, end)]

    def overlaps_known(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a person, country, place or title found so far."""
        shape = tuple(_shape(getattr(self, n)) for n in ("mentions", "countries", "places", "titles"))
        cached = self._starts.get("known")
        if cached is None or cached[0] != shape or any(
                a is not getattr(self, n) for a, n in zip(cached[1], ("mentions", "countries", "places", "titles"))):
            spans = [(m.start, m.end) for m in self.mentions] + [(c.start, c.end) for c in self.countries] \
                + [(p.start, p.end) for p in self.places] + [(t.start, t.end) for t in self.titles]
            test = _covers(spans, lambda probe, span_end: probe.end < span_end)
            cached = (shape, tuple(getattr(self, n) for n in ("mentions", "countries", "places", "titles")), test)
            self._starts["known"] = cached
        # some span starts before ``end`` and ends after ``start``
        return cached[2](_Probe(end - 1, start))

    def _within(self, name: str, start: int, end: int) -> list:
        """The items of a list lying inside [start, end], in list order."""
        return [x for x in self.starting_between(name, start, end) if start <= x.start and x.end <= end]

    def longest(self, name: str) -> int:
        """The longest span in a list (a window reaching back this far meets every span ending in it)."""
        self.starting_between(name, 0, -1)
        return self._starts[name][3]

    def starting_between(self, name: str, lo: int, hi: int) -> list:
        """A list's items that may start in [lo, hi], in list order: a bisect on the items' starts
        (kept while the list is unchanged), so a long article costs no rescans; the whole list
        when it is not in text order. Callers keep their own exact test."""
        items = getattr(self, name)
        cached = self._starts.get(name)
        if cached is None or cached[0] is not items or cached[1] != _shape(items):
            found = [x.start for x in items]
            cached = (items, _shape(items), found if all(a <= b for a, b in zip(found, found[1:])) else None,
                      max((x.end - x.start for x in items), default=0))
            self._starts[name] = cached
        starts = cached[2]
        if starts is None:
            return items
        return items[bisect_left(starts, lo):bisect_right(starts, hi)]

    def entities(self) -> list[Entity]:
        """Every named person, country and place found, as the entities table's rows."""
        out = [Entity(m.start, m.end, m.text, "PERSON", m.person.canonical, m.person.country,
                      source="gazetteer" if m.person.known else "pattern", title=m.title)
               for m in self.mentions if m.person.named]
        out += [Entity(c.start, c.end, c.text, "COUNTRY", c.iso3, c.iso3, source="gazetteer")
                for c in self.countries]
        out += [Entity(p.start, p.end, p.text, "PLACE", p.name, p.iso3, source="gazetteer")
                for p in self.places]
        out += [Entity(t.start, t.end, t.text, "TITLE", t.key, t.country, source="lexicon") for t in self.titles]
        return sorted(out, key=lambda e: (e.start, e.end))


def _covers(spans: list[tuple[int, int]], reaches: Callable[[Any, int], bool]) -> Callable[[Any], bool]:
    """``x -> any(s <= x.start and reaches(x, e) for s, e in spans)`` for a test ``reaches`` that
    holds for every end beyond one that passes, in log time: the spans sorted by start with the
    running maximum of their ends."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    max_end, best = [], -1
    for _, e in spans:
        best = max(best, e)
        max_end.append(best)

    def test(x) -> bool:
        i = bisect_right(starts, x.start)
        return i > 0 and reaches(x, max_end[i - 1])

    return test


@dataclass(frozen=True)
class _Probe:
    """A span probe for :func:`_covers`: spans starting at or before ``start``, tested on ``end``."""

    start: int
    end: int


_APPOSITIVE = re.compile(rf"\s*,\s*(?:{joined('appositive_lead')}|(?:[\w'’-]+\s+){{0,3}}?)?")
_APPOSITIVE_CHAR = re.compile(r"[\w\s'’-]")


def _appositive_reach(text: str, end: int) -> int:
    """How far back from ``end`` an appositive gap (_APPOSITIVE: spaces, one comma, a few
    words) can start: the text before holds only word characters, spaces and at most one comma."""
    i, commas = end, 0
    while i > 0:
        ch = text[i - 1]
        if ch == ",":
            commas += 1
            if commas > 1:
                break
        elif not _APPOSITIVE_CHAR.match(ch):
            break
        i -= 1
    return i


def _ending_in(mentions: list, ends: dict[int, list[int]], lo: int, hi: int) -> list:
    """The mentions ending in [lo, hi], in list order (``ends``: end -> positions)."""
    return [mentions[i] for i in sorted(i for end in range(lo, hi + 1) for i in ends.get(end, ()))]


def _append_mention(mentions: list, ends: dict[int, list[int]], m) -> None:
    ends.setdefault(m.end, []).append(len(mentions))
    mentions.append(m)


def _last_person(mentions: list, before: int, test) -> "Person | None":
    """The person of the last mention in the list starting before ``before`` that passes ``test``."""
    for m in reversed(mentions):
        if m.start < before and test(m):
            return m.person
    return None


def _first_person(mentions: list, after: int, test) -> "Person | None":
    """The person of the earliest mention starting at or after ``after`` that passes ``test``."""
    found = [m for m in mentions if m.start >= after and test(m)]
    return min(found, key=lambda m: m.start).person if found else None


class _LastOfCountry:
    """``_last_person(mentions, before, country test)`` for queries with a rising ``before``, in one
    sweep instead of a scan of every mention per query (a long article has tens of thousands): the
    person of the mention latest in list order among those starting before, by country."""

    def __init__(self, mentions: list[PersonMention]) -> None:
        self._mentions = mentions
        self._order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._next = 0
        self._best: dict[str, tuple[int, Person]] = {}

    def _take(self, index: int, mention: PersonMention) -> None:
        """A named person outranks an unnamed one ("Lao PM" in a headline) whatever the order."""
        country = mention.person.country
        if country is None:
            return
        best = self._best.get(country)
        if best is None or (mention.person.named, index) > (best[1].named, best[0]):
            self._best[country] = (index, mention.person)

    def before(self, position: int, country: str) -> Person | None:
        """The person of the latest-listed mention of ``country`` starting before ``position``."""
        while self._next < len(self._order) and self._mentions[self._order[self._next]].start < position:
            index = self._order[self._next]
            self._take(index, self._mentions[index])
            self._next += 1
        found = self._best.get(country)
        return found[1] if found else None

    def appended(self, mention: PersonMention, index: int) -> None:
        """A mention added at the end of the list, before the next query's position."""
        self._take(index, mention)


def _may_hold(held: str | None, key: str) -> bool:
    """Whether a person known (where last named) by the office ``held`` may be the one a bare title
    ``key`` names: an unknown office may be any, and so may a counterpart's (the office of whoever they
    face); a generic title names any of its kind ("the minister": the Foreign Minister); a Senate
    President is not the Queen Mother or the Prime Minister."""
    return held in (None, "counterpart") or key == "counterpart" or held == key or held.endswith("_" + key)


class _SpanOverlaps:
    """'Does [start, end) overlap a span of this list?' for a list that only grows while it is
    asked: the spans there at the start are indexed once; spans appended later are taken in as
    they come (by their running maximum end while they come in text order, else one by one)."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.base = len(items)
        self.static = _covers([(x.start, x.end) for x in items], lambda probe, span_end: probe.end < span_end)
        self.starts: list[int] = []
        self.max_end: list[int] = []
        self.in_order = True

    def overlaps(self, start: int, end: int) -> bool:
        for x in self.items[self.base + len(self.starts):]:
            self.in_order = self.in_order and (not self.starts or self.starts[-1] <= x.start)
            self.starts.append(x.start)
            self.max_end.append(max(x.end, self.max_end[-1]) if self.max_end else x.end)
        if self.static(_Probe(end - 1, start)):
            return True
        if not self.in_order:
            return any(x.start < end and start < x.end for x in self.items[self.base:])
        i = bisect_right(self.starts, end - 1)
        return i > 0 and self.max_end[i - 1] > start


def _shape(items: list) -> tuple:
    """What changes when a list is appended to or re-sorted (its length and its ends)."""
    return (len(items), id(items[0]), id(items[-1])) if items else (0,)


_ENDS: list = [None]  # (titles list, its shape, its ends): the last list of titles seen


def _ending_between(titles: list[TitleMention], lo: int, hi: int) -> list[TitleMention]:
    """The titles whose end lies in [lo, hi], in list order; titles come from
    one regex scan, so their ends increase and a bisect finds them (else: all of them)."""
    cached = _ENDS[0]
    if cached is None or cached[0] is not titles or cached[1] != _shape(titles):
        ends = [t.end for t in titles]
        cached = (titles, _shape(titles), ends if all(a <= b for a, b in zip(ends, ends[1:])) else None)
        _ENDS[0] = cached
    ends = cached[2]
    if ends is None:
        return titles
    return titles[bisect_left(ends, lo):bisect_right(ends, hi)]


class _TitleCues(NamedTuple):
    """Title handling's words, joined over every language's name rules (a title and its name may
    be written in another language's text, as they always could)."""

    gap_words: frozenset[str]  # lower-case words that may stand between a title and its name
    gap_break: re.Pattern[str]  # a sentence or clause break between them
    gap_verb: re.Pattern[str]  # a word showing the title is not the name's
    chain: re.Pattern[str]  # "and" between two titles of one person
    of: re.Pattern[str]  # "of" right after a title
    of_head: re.Pattern[str]  # "of (the)" right after a title
    of_country: re.Pattern[str]  # "of (the Republic of)" right after a title
    capacity: re.Pattern[str]  # "as (the new)" right before a title: a capacity ("his first trip as chancellor")


def _joined(field: str) -> str:
    found = [words for p in profiles() if (words := getattr(p.names, field))]
    return "|".join(found) if found else "(?!)"


@lru_cache(maxsize=1)
def _title_cues() -> _TitleCues:
    conj, of = _joined("conjunctions"), _joined("of_words")
    article = rf"(?:(?:{_joined('articles')})\s+)?"
    return _TitleCues(
        gap_words=frozenset().union(*(p.names.title_gap_words for p in profiles())),
        gap_break=re.compile(rf"[.;:!?\n]|\b(?:{conj})\b|,\s+(?:{conj})\b"),
        gap_verb=re.compile(rf"\b(?:{_joined('title_gap_breaks')})\b"),
        chain=re.compile(rf"\s*(?:,|{conj}|&)\s*"),
        of=re.compile(rf"\s+(?:{of})\b"),
        of_head=re.compile(rf"\s+(?:{of})\s+{article}"),
        of_country=re.compile(rf"\s+(?:{of})\s+{article}(?:{_joined('state_prefixes')})?"),
        capacity=re.compile(rf"\b(?:{_joined('capacity_words')})\s+{article}(?:[\w-]+\s+)?$", re.I),
    )


@lru_cache(maxsize=1)
def _listed_after_person() -> re.Pattern[str]:
    """A bracketed country, then a list's comma and/or conjunction."""
    return re.compile(rf"\s*\([^()]{{1,40}}\)\s*(,)?\s*(?:({_joined('conjunctions')})\s+)?")


def after_capacity_word(text: str, start: int) -> bool:
    """Whether a title at ``start`` follows "as (the)", "với tư cách": the capacity someone acts
    in ("his first trip abroad as chancellor"), never a reference to another person."""
    return _title_cues().capacity.search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    rows = lexicon._read_tsv("name_stopwords.tsv")
    return frozenset(r["word"] for r in rows if r["lang"] == lang)


_CAP_WORD_BEFORE = re.compile(rf"[{lexicon.UPPER}][\w’'.-]*[ \u00a0]$")
_CAP_WORD_AFTER = re.compile(rf"^[ \u00a0][{lexicon.UPPER}]")


_SENTENCE_END_IN_RUN = re.compile(r"(?<=[^\W\d_]{3}\.)\s+")
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s|\n")  # not after "Mr." or "D.C."
_NAME_ABBREVIATIONS = word_set("name_abbreviations")  # " Jr.", " Sr.", " St.": no sentence ends there


def _sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut where a sentence ends inside it ("… Marco Della Seta. Anh …"):
    a full stop after a word of three letters or more, not an initial ("S.M.") or "Jr."-like abbreviation."""
    out, pos = [], start
    for m in _SENTENCE_END_IN_RUN.finditer(text, start, end):
        if text[m.start() - 4:m.start()] in _NAME_ABBREVIATIONS:
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _title_case_line(text: str, pos: int) -> bool:
    """The line around ``pos`` is a headline in Title Case: at least four words of four letters or
    more, all capitalised, no full stop; capitalised words there prove no name."""
    # looked for no farther than a headline can run, so a long single-line text costs no more per name
    start = text.rfind("\n", max(0, pos - 162), pos) + 1
    end = text.find("\n", pos, pos + 162)
    if (start == 0 and pos > 162) or (end < 0 and len(text) > pos + 162):
        return False  # a line longer than any headline
    line = text[start:end if end >= 0 else len(text)].strip()
    if len(line) > 160 or "." in line[-2:] or ". " in line:
        return False  # a sentence, not a headline
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 4 and all(w[:1].isupper() for w in words)


def _lower_word_after(text: str, end: int) -> bool:
    """A space, then a word in lower case that is no name particle ("Francisco de Assis"), right
    after ``end``."""
    if text[end:end + 1] != " " or not text[end + 1:end + 2].islower():
        return False
    return text[end + 1:end + 12].split(" ", 1)[0] not in _all_particles()


@lru_cache(maxsize=1)
def _all_particles() -> frozenset[str]:
    """Every language's name particles: a foreign name keeps its "de" in Vietnamese text too."""
    return frozenset().union(*(lexicon.name_particles(p.code) for p in profiles()))


def _in_name_run(text: str, start: int, end: int) -> bool:
    """An ambiguous place/country word inside a run of capitalised words ("Nguyễn Thị Nga",
    "Vương Đình Huệ") is part of a name."""
    return bool(_CAP_WORD_BEFORE.search(text[max(0, start - 20):start]) or _CAP_WORD_AFTER.match(text[end:end + 2]))


def _has_vietnamese_letters(s: str) -> bool:
    return any(unicodedata.decomposition(c) or c in "đĐ" for c in s if c.isalpha() and ord(c) > 127)


def looks_vietnamese(name: str) -> bool:
    """A name of 2-4 syllables starting with a common Vietnamese family name."""
    toks = name.split()
    if not 2 <= len(toks) <= 4:
        return False
    surnames = lexicon.vietnamese_surnames()
    return toks[0] in surnames or (toks[0].lower() in _folded_surnames() and not _has_vietnamese_letters(name))


@lru_cache(maxsize=1)
def _folded_surnames() -> frozenset[str]:
    """The family names without diacritics ("Nguyen"), as English text writes them; folded once."""
    return frozenset(fold(s) for s in lexicon.vietnamese_surnames())


class ActorFinder:
    """Finds people, titles, countries and places in a text of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rules = profile(lang).names
        self.countries = CountryGazetteer.load()
        self.places = PlaceGazetteer.load()
        self.people = PeopleGazetteer.load()
        self.title_re = lexicon.title_regex(lang)
        self.title_by_text = lexicon.title_lookup(lang)
        self.honorifics = lexicon.honorifics(lang)
        self._honorific_reach = max((len(h) for h in self.honorifics), default=0) + 1
        self.honorific_words = frozenset(v for h in self.honorifics for w in h.split() for v in (w, w.rstrip(".")))
        self.stop = _stopwords(lang)
        self._lower_cache: tuple[str | None, dict[str, bool]] = (None, {})

    def unexplained_names(self, sentence, actors: ArticleActors, text: str | None = None) -> bool:
        """Whether a sentence holds a run of capitalised words
        that no person, title, country or place found so far accounts for: only then is a
        statistical NER worth its cost."""
        overlaps_known = actors.overlaps_known
        compounds = self.rules.capitalised_compounds
        for m in _RUN.finditer(sentence.text):
            s, e = sentence.start + m.start(), sentence.start + m.end()
            toks = [t for t in m.group().split() if not (t.isupper() and len(t.strip(".")) >= 2)]  # no acronyms
            if not toks or self._stopped(toks):
                continue
            if len(toks) == 1:
                if not sentence.text[:m.start()].strip() and text is not None \
                        and self._written_in_lower_case(toks[0].lower(), text):
                    continue  # a sentence's first word, written in lower case elsewhere: a common word
                if sentence.text.startswith(compounds, m.start()):
                    continue
            if not overlaps_known(s, e):
                return True
        return False

    def _written_in_lower_case(self, word: str, text: str) -> bool:
        """Whether ``word`` occurs as a whole word in ``text``; one scan per word and text."""
        cache = self._lower_cache
        if cache[0] is not text:
            cache = self._lower_cache = (text, {})
        found = cache[1].get(word)
        if found is None:
            found = cache[1][word] = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
        return found

    # ------------------------------------------------------------------ spans
    def _titles(self, text: str) -> list[TitleMention]:
        out = []
        for m in self.title_re.finditer(text):
            t = self.title_by_text.get(" ".join(m.group().lower().split()))
            if t is None:
                continue
            out.append(TitleMention(m.start(), m.end(), m.group(), t.key, t.country))
        return out

    def find(self, text: str, ner: list[Entity] | None = None,
             sentence_starts: set[int] | None = None) -> ArticleActors:
        """The article's people, titles, countries and places; ``ner`` adds the backend's people that no
        pattern anchors, ``sentence_starts`` marks where a capitalised word need not be a name."""
        actors = ArticleActors()
        actors.titles = self._titles(text)
        known = self.people.find(text)
        inside_known = _covers([(s, e) for s, e, _ in known], lambda x, e: x.end <= e)
        title_ends = {t.end for t in actors.titles}
        title_starts = {t.start for t in actors.titles}

        def by_title(c):  # "Tổng thống Nga Vladimir Putin", "the Lao Defence Minister"
            return (c.start - 1 in title_ends and text[c.start - 1] == " "
                    or c.end + 1 in title_starts and text[c.end] == " ")
        actors.countries = [c for c in self.countries.find(text, self.lang)
                            if not inside_known(c) and not (c.ambiguous and _in_name_run(text, c.start, c.end)
                                                            and not by_title(c) and not self._owns_name_after(text, c)
                                                            and not self._delegations_country(text, c))]
        in_country = _covers([(c.start, c.end) for c in actors.countries], lambda x, e: x.start < e)
        actors.places = [p for p in self.places.find(text, self.lang)
                         if not in_country(p)
                         and not inside_known(p)
                         and not (p.ambiguous and _in_name_run(text, p.start, p.end))]
        mask = bytearray(len(text))
        for t in actors.titles:
            mask[t.start:t.end] = b"\x01" * (t.end - t.start)
        for c in actors.countries:
            mask[c.start:c.end] = b"\x01" * (c.end - c.start)
        for p in actors.places:
            mask[p.start:p.end] = b"\x01" * (p.end - p.start)
        for s, e, _ in known:
            mask[s:e] = b"\x02" * (e - s)

        candidates: list[tuple[int, int, KnownPerson | None]] = [(s, e, p) for s, e, p in known]
        known_starts = {s for s, _, _ in known}
        known_ends = {e: i for i, (_, e, _) in enumerate(candidates)}
        for m in name_run(self.lang).finditer(text):
            for piece_start, piece_end in self._unmasked_pieces(mask, m.start(), m.end()):
                for s, e in _sentence_pieces(text, piece_start, piece_end):
                    s, e = self._trim(text, s, e)
                    rest_of = known_ends.get(s - 1) if text[s - 1:s] == " " else None
                    if e > s and rest_of is not None and self._surname_after_known(text[s:e].split()):
                        # "Raúl Castro Ruz": a second surname the gazetteer's form leaves out is
                        # part of the known name, not a person of its own
                        ks, _, kp = candidates[rest_of]
                        candidates[rest_of] = (ks, e, kp)
                        continue
                    if e > s and not (e + 1 in known_starts and text[e:e + 1] == " "):
                        # (a run right before a known name is that name's description:
                        # "Special Envoy for Climate Change John Kerry")
                        candidates.append((s, e, None))
        candidates.sort(key=lambda x: x[0])
        ner_people = [x for x in (ner or []) if x.label == "PERSON"]
        ner_covers = _covers([(x.start, x.end) for x in ner_people], lambda probe, end: probe.end <= end)
        ner_starts = sorted(x.start for x in ner_people)
        by_key: dict[str, Person] = {}
        later_short: list[tuple[int, int, str]] = []  # one word that may be a name the text gives in full later
        sentence_starts = sentence_starts or set()
        for s, e, gaz in candidates:
            mention_text = text[s:e]
            title = self._title_before(actors.titles, text, s)
            honor = self._honorific_before(text, s)
            if gaz is not None:
                person = self._known_person(actors, by_key, gaz, mention_text)
                self._add(actors, person, s, e, mention_text, "name", title, text)
                continue
            if self.rules.strip_leading_body_words:  # "House of Representatives Kono Yohei": not all a name
                s, e = self._trim(text, self._skip_leading_body_words(text, s, e), e)  # "Government Mr. X"
                mention_text = text[s:e]
                title = self._title_before(actors.titles, text, s)
                honor = self._honorific_before(text, s)
            if title is not None and _PORTFOLIO_BEFORE.search(text, max(0, s - 12), s) \
                    or _BODY_RUN_BEFORE.search(text, max(0, s - 30), s) \
                    or _REGION_OF_BEFORE.search(text, max(0, s - 30), s):
                # "Minister for Climate Change James Shaw", "Affairs and Climate Action Michael Kellner",
                # "State of Hessen Volker Bouffier": a portfolio, body or region runs into the name;
                # the statistical NER says where the person's name starts
                inner = [x.start for x in ner_people if s < x.start < e and x.end == e]
                if not inner and len(mention_text.split()) >= 3 \
                        and (_REGION_OF_BEFORE.search(text, max(0, s - 30), s)
                             or _PORTFOLIO_LIST_END.search(text, max(0, s - 90), s)):
                    inner = [s + len(mention_text.split()[0]) + 1]  # "State of Hessen | Volker Bouffier"
                if inner:
                    s = inner[0]
                    mention_text = text[s:e]
            tokens = mention_text.split()
            if not tokens:
                continue
            if len(tokens) == 1 and _PORTFOLIO_BEFORE.search(text, max(0, s - 12), s) \
                    and _PORTFOLIO_ITEMS.match(text, s):
                continue  # "Minister of Land, Infrastructure ...": the portfolio's first item, nobody
            if self._stopped(tokens) or not self._name_shaped(tokens) \
                    or all(t in self.honorific_words for t in tokens) or self._delegation_word(text, s, e):
                continue
            is_ner = ner_covers(_Probe(s, e)) or bisect_left(ner_starts, e) > bisect_left(ner_starts, s)
            paren_country = self._country_in_parens(actors, text, e)
            # "met Presidents A B (Djibouti), C D (Central African Republic) and ...": an item of a list
            # of people each followed by their country is a person too, whatever NER saw
            is_ner = is_ner or (paren_country is not None and len(mention_text.split()) >= 2
                                and self._after_listed_person(actors, text, s))
            if _PLACE_NOUN_BEFORE.search(text[max(0, s - 14):s]) or _PLACE_NOUN_AFTER.match(text, e) or \
                    (_COUNTRY_IN_PARENS_AFTER.match(text[e:e + 40]) and not (paren_country and is_ner)):
                continue  # "tỉnh Hà Giang", "Bengue (Philippin)": places; "Ismail Guelleh (Djibouti)": a person
            # a short mention of someone already seen?
            short = self._resolve_short(actors.people, mention_text)
            anchored = title is not None or honor
            if short is not None and (anchored or len(tokens) == 1 and self.rules.lone_word_short_mention
                                      or len(tokens) >= 2):
                self._add(actors, short, s, e, mention_text, "short", title, text)
                continue
            if short is None and len(tokens) == 1 and title is not None:
                # "President Mirziyoyev" with no full name in the article: the one known foreign person
                # of that surname, unless the title's country says otherwise
                lone = self.people.by_name_word(tokens[0])
                stated = self._country_from_context(actors, text, s, title) if lone is not None else None
                if lone is not None and stated in (None, lone.country):
                    person = self._known_person(actors, by_key, lone, mention_text)
                    self._add(actors, person, s, e, mention_text, "name", title, text)
                    continue
            if len(tokens) < 2 and not (is_ner and s not in sentence_starts) and not (title is not None and
                                                                                   tokens[0][:1].isupper()):
                if self.rules.lone_word_short_mention and s not in sentence_starts:
                    later_short.append((s, e, mention_text))
                continue  # one word is a name only when NER or a title says so ("PM Modi", "Premier Li")
            if len(tokens) < 2 and not self.rules.lone_word_short_mention and (
                    not anchored or _lower_word_after(text, e)):
                # Vietnamese "Bí" (thư), "Diễn" (đàn): one syllable is a name only after ông/bà or a
                # title, and never as the capitalised half of a word ("Bộ trưởng Thương mại")
                continue
            if not is_ner and not looks_vietnamese(mention_text) and _title_case_line(text, s):
                continue  # a headline in Title Case ("President Successfully Concludes Japan Visit")
            if not (anchored or is_ner or looks_vietnamese(mention_text)):
                continue
            canonical = mention_text
            # "Name (Mali)" says it outright; the context may belong to the item before in a list
            country = paren_country or self._country_from_context(actors, text, s, title)
            if country is None:  # "President Macky Sall of Senegal"
                after = self._country_after_of(actors, text, e)
                country = after.iso3 if after is not None else None
            guessed = country is None and looks_vietnamese(canonical)
            if guessed:
                country = "VNM"
            person = Person(canonical, country, first_mention=mention_text,
                            tokens=self._tokens(canonical, mention_text), country_guessed=guessed)
            key = fold(canonical)
            if key in by_key:
                person = by_key[key]
            else:
                by_key[key] = person
                actors.people.append(person)
            only_ner = not (anchored or looks_vietnamese(mention_text))
            self._add(actors, person, s, e, mention_text, "ner" if only_ner else "name", title, text)
        mentioned, in_countries, in_places = (_SpanOverlaps(actors.mentions), _SpanOverlaps(actors.countries),
                                              _SpanOverlaps(actors.places))
        for x in ner_people:  # statistical NER finds people no pattern anchors ("Chị Minh")
            if mentioned.overlaps(x.start, x.end):
                continue
            if in_countries.overlaps(x.start, x.end) or in_places.overlaps(x.start, x.end):
                continue
            toks = [t for t in x.text.split() if t not in self.honorific_words]
            if _PLACE_NOUN_BEFORE.search(text[max(0, x.start - 14):x.start]) or _PLACE_NOUN_AFTER.match(text, x.end) \
                    or _COUNTRY_IN_PARENS_AFTER.match(text[x.end:x.end + 40]):
                continue  # "tỉnh Benguet", "Bengue (Philippin)": a place, whatever NER says
            if not toks or self._stopped(toks) or not self._name_shaped(toks) \
                    or not toks[0][:1].isupper():
                continue
            if self._delegation_word(text, x.start, x.end):
                continue
            if len(toks) == 1 and not self.rules.lone_word_short_mention and not (
                    self._honorific_before(text, x.start) or self._title_before(actors.titles, text, x.start)):
                continue  # "Bí" (thư), "Diễn" (đàn): one syllable is a name only after ông/bà or a title
            key = fold(x.text)
            seen = by_key.get(key)
            if seen is None:
                seen = by_key[key] = Person(x.text, self._country_from_context(actors, text, x.start, None),
                                            first_mention=x.text, tokens=self._tokens(x.text, x.text))
                actors.people.append(seen)
            actors.mentions.append(PersonMention(x.start, x.end, x.text, seen, "ner"))
        for s, e, mention_text in later_short:
            # "met Prayut at Government House ... at the invitation of Prime Minister Prayut Chan-o-cha"
            short = self._resolve_short([p for p in actors.people if p.named], mention_text)
            if short is not None and len(mention_text) >= 3:
                self._add(actors, short, s, e, mention_text, "short", None, text)
        self._merge_partial_names(actors)
        self._add_title_mentions(actors, text)
        self._add_demonym_mentions(actors, text)
        self._add_delegation_mentions(actors, text)
        actors.mentions.sort(key=lambda m: (m.start, m.end))
        return actors

    def _delegations_country(self, text: str, c) -> bool:
        """"Đoàn Anh do Thứ trưởng X dẫn đầu": after a delegation word and before "led by", an
        ambiguous country word is the delegation's country, not a name ("Đoàn" is also a surname)."""
        cue = None
        for m in lexicon.delegation_cue(self.lang).finditer(text, max(0, c.start - 30), c.start):
            cue = m
        return cue is not None and not text[cue.end():c.start].strip() \
            and _LED_BY_AFTER.match(text, c.end, c.end + 100) is not None

    def _owns_name_after(self, text: str, c) -> bool:
        """"Bộ Ngoại giao Anh Peter Ricketts": where a body's name ends in lower case, an ambiguous
        country word that ends it, before a foreign full name (two or more words, no Vietnamese
        letters, no Vietnamese family name), is the body's country, not the start of the name."""
        if not self.rules.lower_syllable_after_capital or _CAP_WORD_BEFORE.search(text[max(0, c.start - 20):c.start]):
            return False
        m = _RUN.match(text, c.end + 1) if text[c.end:c.end + 1] == " " else None
        if m is None:
            return False
        words = m.group().split()
        return len(words) >= 2 and not _has_vietnamese_letters(m.group()) \
            and fold(words[0]) not in _folded_surnames() and words[0] not in lexicon.vietnamese_surnames()

    @staticmethod
    def _after_listed_person(actors: ArticleActors, text: str, start: int) -> bool:
        """Whether ``start`` follows a person named with a bracketed country and a list comma or
        conjunction ("Ismail Guelleh (Djibouti), " before the next name)."""
        if not actors.mentions:
            return False
        last = actors.mentions[-1]
        if last.kind not in ("name", "ner") or not 0 < start - last.end <= 45:
            return False
        # between two people of a list, each with its country in brackets: "(Djibouti), ", "(Mali) and "
        m = _listed_after_person().fullmatch(text, last.end, start)
        return m is not None and bool(m.group(1) or m.group(2))

    @staticmethod
    def _country_in_parens(actors: ArticleActors, text: str, end: int) -> str | None:
        """The country in "Name (Country)" right after a name."""
        m = re.match(r"\s*\(", text[end:end + 4])
        if not m:
            return None
        at = end + m.end()
        c = next((c for c in actors.countries if c.start == at), None)
        return c.iso3 if c is not None and text[c.end:c.end + 1] == ")" else None

    def _skip_leading_body_words(self, text: str, s: int, e: int) -> int:
        """Start of the run after leading organisation words, when a name of at least two words
        remains ("Representatives Kono Yohei" -> "Kono Yohei"); the run unchanged otherwise."""
        pos, words = s, text[s:e].split(" ")
        while len(words) > 2 and words[0] in self.stop:
            pos += len(words[0]) + 1
            words = words[1:]
        return pos

    def _delegation_word(self, text: str, s: int, e: int) -> bool:
        """A one-word 'name' that opens a delegation phrase ("Đoàn đại biểu …"): 'Đoàn' is also a
        surname, but not before 'đại biểu'."""
        cue = lexicon.delegation_cue(self.lang).match(text, s)
        return cue is not None and " " not in text[s:e].strip() and cue.end() > e

    def _stopped(self, tokens: list[str]) -> bool:
        """An organisation word anywhere ("Heydar Aliyev International Airport") or, where the
        language's rules say so, only first ("Văn phòng" is an office, "Võ Văn Thưởng" a person)."""
        if not self.rules.stop_words_anywhere:
            return bool(tokens) and tokens[0] in self.stop
        if looks_vietnamese(" ".join(tokens)):
            # a Vietnamese name without its diacritics: "Nguyen The Thao" (Thế), not the article "The"
            return tokens[0] in self.stop
        return any(t in self.stop for t in tokens)

    def _known_person(self, actors: ArticleActors, by_key: dict[str, Person], known: KnownPerson,
                      mention_text: str) -> Person:
        """The article's person for a gazetteer entry, made on its first mention."""
        person = by_key.get(known.canonical)
        if person is None:
            person = Person(known.canonical, known.country, known=True, first_mention=mention_text,
                            tokens=self._tokens(known.canonical, mention_text))
            by_key[known.canonical] = person
            actors.people.append(person)
        return person

    def _surname_after_known(self, tokens: list[str]) -> bool:
        """One name-shaped word, no stopword, in a language where one capitalised word can be a
        name (not Vietnamese: "Tô Lâm Sáng nay"): what may follow a known name as its second surname."""
        return self.rules.lone_word_short_mention and len(tokens) == 1 and not self._stopped(tokens) \
            and self._name_shaped(tokens)

    @staticmethod
    def _name_shaped(tokens: list[str]) -> bool:
        """Not initials only ("H. E"), no acronyms ("APEC Week"), not a lone number."""
        if all(len(t.rstrip(".")) <= 1 for t in tokens):
            return False
        # initials written without spaces ("A.K. Antony") are no acronym when a name follows them
        return not any(len(t) >= 3 and t.isupper() and not _ROMAN.fullmatch(t)
                       and not (i + 1 < len(tokens) and _INITIALS.fullmatch(t)) for i, t in enumerate(tokens))

    @staticmethod
    def _merge_partial_names(actors: ArticleActors) -> None:
        """A headline's "Modi" or "Premier Li" written before the full name appears: the partial
        name is the one person whose fuller name contains it, when exactly one does."""
        for p in list(actors.people):
            if p.known:
                continue
            own = {fold(t) for t in p.canonical.split()}
            fuller = [q for q in actors.people if q is not p and len(q.canonical.split()) > len(own)
                      and own <= {fold(t) for t in q.canonical.split()} | set(q.tokens)]
            if len(fuller) != 1:
                continue
            q = fuller[0]
            for m in actors.mentions:
                if m.person is p:
                    m.person = q
                    m.kind = "short"
            if q.title is None:
                q.title, q.title_key = p.title, p.title_key
            actors.people.remove(p)

    @staticmethod
    def _unmasked_pieces(mask: bytearray, start: int, end: int) -> list[tuple[int, int]]:
        out, cur = [], None
        for i in range(start, end):
            if mask[i]:
                if cur is not None:
                    out.append((cur, i))
                    cur = None
            elif cur is None:
                cur = i
        if cur is not None:
            out.append((cur, end))
        return out

    def _trim(self, text: str, s: int, e: int) -> tuple[int, int]:
        """Strip spaces, honorifics and trailing punctuation from a candidate run."""
        while s < e and not text[s].isalnum():
            s += 1
        if s >= 1 and text[s - 1] in "'’" and text.startswith("s ", s):
            s += 2  # the rest of a possessive: "Qatar's Sheikh Tamim"
        while e > s and not text[e - 1].isalnum():
            e -= 1
        changed = True
        while changed and s < e:
            changed = False
            for h in self.honorifics:
                if text.startswith(h + " ", s) and s + len(h) + 1 < e:
                    s += len(h) + 1
                    changed = True
        # possessive 's
        for suffix in ("’s", "'s"):
            if text[s:e].endswith(suffix):
                e -= len(suffix)
        return s, e

    @staticmethod
    def _tokens(canonical: str, mention: str) -> frozenset[str]:
        return frozenset(fold(t) for t in (canonical + " " + mention).split() if len(t) > 1)

    def _title_before(self, titles: list[TitleMention], text: str, start: int) -> TitleMention | None:
        """The title that introduces a name: adjacent, or separated only by a country/organisation
        phrase of at most ~90 characters with no sentence or clause break."""
        best = None
        cues = _title_cues()
        for t in _ending_between(titles, start - 90, start):
            if t.end <= start and start - t.end <= 90:
                gap = text[t.end:start]
                if gap.split() and all(w in self.honorific_words for w in gap.split()):
                    best = t  # "Leader of the Opposition Hon. Peter Dutton": only honorifics between
                    continue
                if _PORTFOLIO_LIST_GAP.fullmatch(gap):
                    best = t  # "Minister of Economy, Trade and Industry X": the list is the title's
                    continue
                if cues.gap_break.search(gap) and cues.gap_break.search(self._without_countries(gap)):
                    continue  # ("Đại sứ Liên hiệp Vương quốc Anh và Bắc Ireland X": the "và" is the country's)
                if cues.gap_verb.search(gap):
                    continue
                # between a title and its name stand only names of bodies and countries:
                # capitalised words and a few linking words, never a verb ("sẽ tham dự Hội nghị")
                words = re.findall(r"[^\W\d_][\w'’-]*", gap)
                if any(w[:1].islower() and w.lower() not in cues.gap_words
                       and not (self.rules.lower_syllable_after_capital and i and words[i - 1][:1].isupper()
                                and w not in _all_particles())
                       # "Governor of Kanagawa prefecture X": a place's kind after its name
                       and not (i and words[i - 1][:1].isupper() and _PLACE_NOUN_WORD.fullmatch(w))
                       for i, w in enumerate(words)):
                    if not self._gap_is_country_names(gap):
                        continue
                best = t
        return best

    def _without_countries(self, gap: str) -> str:
        """The gap with the names of countries blanked out."""
        for c in self.countries.find(gap, self.lang):
            gap = gap[:c.start] + " " * (c.end - c.start) + gap[c.end:]
        return gap

    def _gap_is_country_names(self, gap: str) -> bool:
        """A gap whose lower-case words all belong to country names ("nước Cộng hòa nhân dân Trung Hoa")."""
        rest = gap
        for c in self.countries.find(gap, self.lang):
            rest = rest.replace(c.text, " ")
        gap_words = _title_cues().gap_words
        return not any(w[:1].islower() and w.lower() not in gap_words
                       for w in re.findall(r"[^\W\d_][\w'’-]*", rest))

    def _honorific_before(self, text: str, start: int) -> bool:
        """An honorific or rank ends right before ``start`` (the longest, "Senior Lieutenant
        General", fits the window)."""
        before = text[max(0, start - self._honorific_reach):start]
        return any(before.endswith(h + " ") for h in self.honorifics)

    def _country_from_context(self, actors: ArticleActors, text: str, start: int,
                              title: TitleMention | None) -> str | None:
        """Country named between the title (or a demonym right before it) and the name."""
        if title is None:
            window_start = max(0, start - 40)
            for c in actors.starting_between("countries", start - 40 - actors.longest("countries"), start):
                # "his Lao counterpart X", "Vietnamese PM X": a demonym just before
                if window_start <= c.start and c.end <= start and c.kind == "demonym" \
                        and not _title_cues().gap_break.search(text, c.end, start) and "," not in text[c.end:start]:
                    return c.iso3
                # "Chủ nhiệm Ủy ban ... của Quốc hội Lào Vongsack P.": the country right before the name
                if c.end <= start and not text[c.end:start].strip() and start - c.end <= 1:
                    return c.iso3
                # "Qatar's Sheikh Tamim": a possessive country, then only honorifics
                if c.end <= start and start - c.end <= 24 and text[c.end:c.end + 3] in ("'s ", "’s ") \
                        and all(w in self.honorific_words for w in text[c.end + 3:start].split()):
                    return c.iso3
            return None
        if title.country:
            return title.country
        lo = title.start - 25
        for c in reversed(actors.starting_between("countries", lo, start)):
            if lo <= c.start and c.end <= start:
                if c.end <= title.start:
                    if "\n" in text[c.end:title.start]:
                        continue  # a headline's last word ("... visit to UK") owns no title on the next line
                    if c.kind == "demonym" or _POSSESSIVE_GAP.fullmatch(text, c.end, title.start):
                        return c.iso3  # "Fiji's Prime Minister X", "Fiji's new Prime Minister X"
                    continue
                prefix = text[max(0, c.start - 6):c.start].lower()
                if _PLACE_PREPOSITION_BEFORE.search(prefix):
                    continue
                return c.iso3
        first = self._chained_before(actors, text, title)
        if first is not None:
            # "Cambodian Deputy Prime Minister and Defence Minister, General X": one person's chain of
            # titles, whose first title carries the demonym
            return self._country_from_context(actors, text, start, first)
        return None

    @staticmethod
    def _chained_before(actors: ArticleActors, text: str, title: TitleMention) -> TitleMention | None:
        """The title that ``title`` follows in one person's chain of titles ("Deputy Prime Minister
        and Defence Minister"), joined only by a comma, "and" or "&"; None when it opens the chain."""
        chain = _title_cues().chain
        for t in reversed(actors.titles_in(title.start - 80, title.start)):
            if t.end <= title.start and t.start < title.start and chain.fullmatch(text, t.end, title.start):
                return t
        return None

    def _resolve_short(self, people: list[Person], mention: str) -> Person | None:
        toks = [fold(t) for t in mention.split()]
        if not toks:
            return None
        for person in reversed(people):
            if all(t in person.tokens for t in toks) and len(toks) < len(person.canonical.split()) + 1:
                return person
        return None

    def _add(self, actors: ArticleActors, person: Person, s: int, e: int, mention: str, kind: str,
             title: TitleMention | None, text: str) -> None:
        title_text = title_key = None
        if title is not None:
            actors.used_titles.add(title.start)
            title_text, title_key = title.text, title.key
            if person.title is None:
                person.title, person.title_key = title_text, title_key
            if person.country is None:
                person.country = self._country_from_context(actors, text, s, title)
        elif person.country is None and kind == "name":
            person.country = self._country_from_context(actors, text, s, None)
        actors.mentions.append(PersonMention(s, e, mention, person, kind, title_text, title_key))

    def _add_title_mentions(self, actors: ArticleActors, text: str) -> None:
        """A bare title ("Tổng Bí thư khẳng định", "the Party chief") refers to the last person
        seen with that title. A title after a name ("X, President of India") gives that person a
        country. A bare title with a country and nobody to refer to ("the French Foreign Minister",
        "his Chilean counterpart", "Bộ trưởng Ngoại giao Pháp") is an unnamed actor: it takes part
        in events with its country, but is never listed as a named participant."""
        unnamed: dict[tuple[str, str], Person] = {}
        ends: dict[int, list[int]] = {}  # mention end -> positions in actors.mentions
        for i, m in enumerate(actors.mentions):
            ends.setdefault(m.end, []).append(i)
        mentioned = _SpanOverlaps(actors.mentions)
        cues = _title_cues()
        chain_starts = self._title_chain_starts(actors.titles, text)
        headline_end = text.find("\n")  # the first line: a headline's title may name someone later
        for s, e, t, key, _ in actors.titles:
            nxt = text[e:e + 2]
            if s in actors.used_titles:
                continue
            chain = cues.chain.match(text[e:e + 8])
            if chain and any(t2.start == e + chain.end() for t2 in actors.titles):
                continue  # "Party General Secretary and President To Lam": one person, two titles
            if nxt[:1] == "," and self.rules.comma_chains_titles:
                continue  # part of a title chain "Tổng Bí thư, Chủ tịch nước Tô Lâm"
            of_country = self._country_after_of(actors, text, e)
            longest = actors.longest("countries")
            follow = [c for c in actors.starting_between("countries", e, e + 2) if e <= c.start <= e + 2]
            follow += [c for c in actors.starting_between("countries", s - 1 - longest, s)
                       if c.kind == "demonym" and 0 <= s - c.end <= 1]
            follow += [c for c in actors.starting_between("countries", s - 3 - longest, s)
                       if text[c.end:s] in ("'s ", "’s ")]
            if of_country is not None:
                follow.append(of_country)
            head = chain_starts.get(s, s)  # "X, Phó Thủ tướng, Bộ trưởng Quốc phòng Campuchia"
            appositive = [m for m in _ending_in(actors.mentions, ends, _appositive_reach(text, head), head)
                          if m.end <= head and _APPOSITIVE.fullmatch(text, m.end, head)
                          and not self._event_word_in(text[m.end:head])]
            if appositive and not follow:
                # "X, US Ambassador to Vietnam": a country name right before the title owns it
                follow = [c for c in actors.starting_between("countries", s - 1 - longest, s)
                          if 0 <= s - c.end <= 1 and c.end <= s]
            if appositive and not follow:
                # "X, Phó Chủ tịch Quân ủy Trung ương Trung Quốc": the country closes the body's name
                closing = self._country_closing_body(actors, text, e)
                follow = [closing] if closing is not None else []
            if appositive:
                person = appositive[-1].person
                if person.title is None and person.named:  # "X, US Ambassador to Vietnam": X's office
                    person.title, person.title_key = t, key
                if (person.country is None or person.country_guessed) and follow and person.named:
                    # "X, President of India", "X, Bộ trưởng Quốc phòng Lào", "X, the Lao Defence Minister"
                    person.country = follow[-1].iso3 if of_country is not None else follow[0].iso3
                    person.country_guessed = False
                continue  # describes X
            if cues.of.match(text[e:e + 6]) and of_country is None:
                continue  # "Speaker of the ...": a description, not a reference
            if after_capacity_word(text, s):
                continue  # "on his first trip abroad as chancellor": what he is, not someone met
            # the person of the last mention before the title with its title (and country)
            prior = _last_person(actors.mentions, s, lambda m: m.person.title_key == key and m.person.named
                                 and (not follow or m.person.country == follow[0].iso3))
            if follow:
                if prior is None:  # "Thủ tướng Nhật Bản" when only a Japanese person of another title is known
                    prior = _last_person(actors.mentions, s, lambda m: m.person.country == follow[0].iso3
                                         and m.kind == "name" and (_may_hold(m.title_key or m.person.title_key, key)
                                                                   or self._describes(text, m.end, s)))
                if prior is None and (headline_end < 0 or s < headline_end):
                    # a headline's "Lao PM concludes visit" names, before the text does, the first
                    # person of that country and title
                    prior = _first_person(actors.mentions, e, lambda m: m.person.title_key == key
                                          and m.person.named and m.person.country == follow[0].iso3)
                s, e = min(s, follow[0].start), max(e, follow[0].end)
            if prior is not None:
                _append_mention(actors.mentions, ends, PersonMention(s, e, text[s:e], prior, "title", t, key))
            elif follow and not mentioned.overlaps(s, e):
                iso = follow[0].iso3
                person = unnamed.setdefault((iso, key), Person("", iso, t, key, first_mention=text[s:e], named=False))
                _append_mention(actors.mentions, ends, PersonMention(s, e, text[s:e], person, "title", t, key))

    def _describes(self, text: str, end: int, title_start: int) -> bool:
        """"Xi Jinping, general secretary of the CPC Central Committee and Chinese president": a title
        after a name in the same clause, with no event word between, is one more office of that person."""
        gap = text[end:title_start]
        return len(gap) <= 120 and not re.search(r"[.;:!?\n]", gap) and not self._event_word_in(gap)

    def _event_word_in(self, gap: str) -> bool:
        """"X, hội kiến Thủ tướng Campuchia", "X, met the Speaker": an event word between a name and a
        title starts a new predicate, so the title is someone else met, not X's office."""
        return any(w[:1].islower() for w in gap.split()) and any(
            r.regex.search(gap) for r in lexicon.trigger_rules(self.lang) if r.type == "meeting")

    @staticmethod
    def _country_closing_body(actors: ArticleActors, text: str, end: int):
        """The first country within 60 characters after a title when only a body's capitalised
        name (and linking words such as "of", "của") stands between them."""
        gap_words = _title_cues().gap_words
        for c in actors.starting_between("countries", end, end + 60):
            if c.start < end or c.kind == "demonym":
                continue
            gap = text[end:c.start]
            if re.search(r"[,.;:()\n]", gap) or _PLACE_PREPOSITION_BEFORE.search(text[max(end, c.start - 8):c.start]):
                return None  # "Ambassador to Vietnam": the posting, not the nationality
            words = gap.split()
            if all(w[:1].isupper() or w.lower() in gap_words for w in words):
                return c
            return None
        return None

    @staticmethod
    def _title_chain_starts(titles: list[TitleMention], text: str) -> dict[int, int]:
        """For a title chained after others by commas or 'and' ("Phó Thủ tướng, Bộ trưởng Quốc
        phòng"), the start of the chain's first title: one person's titles, one appositive."""
        chain = _title_cues().chain
        out: dict[int, int] = {}
        ordered = sorted(titles, key=lambda t: t.start)
        for before, after in zip(ordered, ordered[1:]):
            if before.end <= after.start and chain.fullmatch(text, before.end, after.start):
                out[after.start] = out.get(before.start, before.start)
        return out

    def _add_delegation_mentions(self, actors: ArticleActors, text: str) -> None:
        """A delegation of a country with no named leader ("tiếp Đoàn đại biểu Bộ Quốc phòng Trung
        Quốc", "received a delegation of the Chinese Defence Ministry", "the Japanese delegation")
        is an unnamed actor of that country, like a bare title with a country. A delegation led by
        someone named ("do X dẫn đầu", "led by X") is left to its leader."""
        stops = lexicon.delegation_stops(self.lang)
        unnamed: dict[str, Person] = {}
        taken = [(m.start, m.end) for m in actors.mentions]
        for cue in lexicon.delegation_cue(self.lang).finditer(text):
            country = None
            before = [c for c in actors.countries if c.kind == "demonym" and 0 <= cue.start() - c.end <= 1]
            if self.rules.demonym_delegations and before:
                country, s, e = before[-1], before[-1].start, cue.end()
            else:
                for c in actors.countries:
                    if not cue.end() <= c.start <= cue.end() + 70:
                        continue
                    gap = text[cue.end():c.start].split()
                    if len(gap) <= 8 and not any(w.lower().strip(",.;:()") in stops or w[-1:] in ",.;:"
                                                 for w in gap):
                        country, s, e = c, cue.start(), c.end
                    break
            if country is None or any(a < e and s < b for a, b in taken):
                continue
            lead = text[max(0, s - 80):s]
            if _LEADS_BEFORE.search(lead):
                continue  # "X đã dẫn đầu Đoàn đại biểu …", "X led a delegation of …": X acts
            if _ACCOMPANIED_BEFORE.search(lead) and any(
                    s - 250 <= m.end <= s and not _SENTENCE_END.search(text, m.end, s)
                    for m in actors.mentions if m.person.named):
                # "Tô Lâm và Phu nhân cùng Đoàn đại biểu cấp cao Việt Nam", "X made a state visit to
                # Cuba, accompanied by a delegation from Vietnam": the leader's entourage
                continue
            led = _LED_BY_AFTER.match(text, e, e + 100)
            if led:
                # "the Chilean delegation, led by Foreign Minister X": X is of the delegation's country
                leader = next((m for m in actors.mentions if led.end() - 1 <= m.start <= led.end() + 60
                               and m.person.named), None)
                if leader is not None and (leader.person.country is None or leader.person.country_guessed):
                    # a Sino-Vietnamese reading ("Trương Hựu Hiệp") looks Vietnamese: the delegation says
                    leader.person.country = country.iso3
                    leader.person.country_guessed = False
                continue  # the leader acts for the delegation
            person = unnamed.setdefault(country.iso3, Person("", country.iso3, None, "delegation",
                                                             first_mention=text[s:e], named=False))
            actors.mentions.append(PersonMention(s, e, text[s:e], person, "title", None, "delegation"))
            taken.append((s, e))

    @staticmethod
    def _country_after_of(actors: ArticleActors, text: str, end: int):
        """The country in "President of (the Republic of) India", "Thủ tướng của Lào" right after a title."""
        cues = _title_cues()
        m = cues.of_country.match(text[end:end + 60])
        if not m:
            return None
        head = cues.of_head.match(text[end:end + 20])
        assert head is not None  # of_country matched, and it starts with what of_head matches
        starts = {end + m.end(), end + head.end()}  # "of India", "of the Republic of Kenya" as one name or two
        return next((c for c in actors.countries if c.start in starts and c.kind != "demonym"), None)

    def _add_demonym_mentions(self, actors: ArticleActors, text: str) -> None:
        """'the Vietnamese leader', 'the Japanese PM', 'the Chinese leader' refer to the most
        recently mentioned person of that country."""
        if not self.rules.demonym_leader_mentions:
            return
        mentioned = _SpanOverlaps(actors.mentions)
        name_starts = {x.start for x in actors.mentions if x.kind in ("name", "short", "ner")}
        last = _LastOfCountry(actors.mentions)
        for c in sorted(actors.countries, key=lambda c: c.start):
            if c.kind != "demonym":
                continue
            m = _DEMONYM_LEADER.match(text[c.end:c.end + 30])
            if not m:
                continue
            prior = last.before(c.start, c.iso3)
            e = c.end + m.end()
            if mentioned.overlaps(c.start, e):
                continue  # already resolved as a bare title with its demonym
            if e + 1 in name_starts and text[e] in (" ", "\u00a0"):
                continue  # "German President Frank-Walter Steinmeier": describes the name that follows
            if prior is not None:
                actors.mentions.append(PersonMention(c.start, e, text[c.start:e], prior, "title"))
                last.appended(actors.mentions[-1], len(actors.mentions) - 1)
