"""A learned event proposer: loose candidates the rules did not emit, kept when a model says so.

Why: the frame rules (:mod:`pipeline.stages.frames`) find an event only where a
trigger word opens a frame whose slots they can fill; on ``train2`` they miss three
gold events in ten (talks during a visit found without them, a second meeting of
the same pair on another day, a counterpart in an enumeration). This module
proposes, per sentence, every pair of actors of two different countries as a
meeting candidate, and every person with a foreign country, place or person as a
visit candidate, each with a date (the rule frame's of the same sentence, else the
sentence's own date, else the day the narrative is on), a place and the people of
the two countries named in the sentence; a logistic regression over features of
the pair, its sentence and what the rules found in the article
(:func:`candidate_features`) estimates whether the candidate is a real event that
the rules have *not* found. (Adding every candidate that matches a missed gold
event would raise train2's event F1 from 0.765 to 0.855: the ceiling.)

The same code makes the candidates and their features at training time
(``python -m pipeline.train_proposer``) and in the ``propose`` stage. The model is
a JSON file of feature names and coefficients (``models/event_proposer.json``),
read with :class:`pipeline.stages.confidence.ConfidenceModel` and checked against
its sha256 in ``models/manifest.json``. Its ``thresholds`` (one per event type)
are ``null`` unless cross-validation showed that adding candidates raises event
F1; with ``null`` the stage adds nothing. Proposed events carry ``proposed=True``
so that the confidence model can tell them apart.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.doc import Document, Event, Participant, Sentence
from pipeline.lang import profile
from pipeline.stages.confidence import MODEL_DIR, ConfidenceModel, ModelError, load_model
from pipeline.stages.consolidate import dates_compatible, dates_near, same_event
from pipeline.stages.dates import DateMention, find_dates
from pipeline.stages.frames import find_triggers
from pipeline.stages.gazetteer import PlaceGazetteer, fold

__all__ = ["PROPOSER_NAME", "PROPOSER_PATH", "Candidate", "candidates", "candidate_features", "load_proposer",
           "new_candidates", "select", "Proposer", "TYPES"]

PROPOSER_NAME = "event_proposer"
PROPOSER_PATH = MODEL_DIR / f"{PROPOSER_NAME}.json"
TYPES = ("meeting", "visit")
MAX_PAIR_GAP = 400       # characters between the two actors of a candidate
MAX_SENTENCE = 1200      # longer "sentences" are page clutter or tables: no candidates
# an article longer than this (five times the longest training article, 5.8 kB) is no news report the
# model knows (its article-level features would be out of range) and would cost time quadratic in its
# length: the rules alone read it
MAX_ARTICLE = 30_000
CONTEXT_DAYS = 40        # a day stated this close to the reference dates the sentences after it
DEFAULT_SUBTYPE = {"meeting": "meeting", "visit": "other"}


@dataclass(frozen=True)
class Actor:
    """One side of a candidate: a person (with the country they represent) or a state or place."""

    start: int
    end: int
    country: str
    kind: str                 # person | country | place
    name: str | None = None   # canonical name of a named person
    mention: str = ""
    title: str | None = None


@dataclass
class Candidate:
    """A proposed event and the features the model scores it by."""

    event: Event
    features: dict[str, float] = field(default_factory=dict)
    sentence_index: int = 0


# ------------------------------------------------------------------ candidates

def _actors(doc: Document, sent: Sentence) -> list[Actor]:
    """The sentence's actors with a country, in text order: people, then states and places not
    inside a person's mention."""
    assert doc.actors is not None
    out: list[Actor] = []
    people = doc.actors.mentions_in(sent.start, sent.end)
    for m in people:
        if m.person.country and m.kind != "pronoun":
            out.append(Actor(m.start, m.end, m.person.country, "person", m.person.canonical if m.person.named else None,
                             m.text, m.title or m.person.title))
    spans = [(m.start, m.end) for m in people]
    for c in doc.actors.countries_in(sent.start, sent.end):
        if not any(a <= c.start < b for a, b in spans):
            out.append(Actor(c.start, c.end, c.iso3, "country", mention=c.text))
    for p in doc.actors.places_in(sent.start, sent.end):
        if p.iso3 and not any(a <= p.start < b for a, b in spans):
            out.append(Actor(p.start, p.end, p.iso3, "place", mention=p.text))
    out.sort(key=lambda a: (a.start, a.end, a.kind))
    return out


def _gap(a: Actor, b: Actor) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


class _Dates:
    """Dates for candidates: a rule frame's in the same sentence, the sentence's own, else the day
    the narrative is on (the latest single day stated earlier, near the reference), else the
    article's reference date."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.reference = doc.reference
        self.context: tuple[str | None, str | None] = (
            (doc.reference.isoformat(), doc.reference_source) if doc.reference else (None, None))

    def sentence_dates(self, sent: Sentence) -> list[DateMention]:
        """The sentence's date expressions, offsets into the article."""
        assert self.doc.lang is not None
        return [DateMention(d.start + sent.start, d.end + sent.start, d.text, d.date_start, d.date_end,
                            d.weekday, d.relative) for d in find_dates(sent.text, self.doc.lang, self.reference)]

    def advance(self, dates: list[DateMention]) -> None:
        """A single stated day near the reference dates what follows."""
        for d in dates:
            if len(d.date_start) != 10 or d.date_start != d.date_end:
                continue
            if self.reference is not None and \
                    abs((dt.date.fromisoformat(d.date_start) - self.reference).days) > CONTEXT_DAYS:
                continue
            self.context = (d.date_start, "inferred-text")
            return


def _participants(actors: list[Actor], countries: set[str], type_: str, host: str | None) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.kind != "person" or not a.name or a.country not in countries or a.name in seen:
            continue
        seen.add(a.name)
        role = "participant" if type_ == "meeting" else ("host" if a.country == host else "visitor")
        out.append(Participant(a.name, a.mention, role, a.title, a.country))
    return out


class _RuleIndex:
    """The article's rule frames by sentence, country and participant, so that each candidate is
    compared with the frames it could concern, not with all of them: a long article has thousands
    of both (the comparisons were quadratic in its length)."""

    def __init__(self, rules: list[Event]) -> None:
        self.all = rules
        self.of_type = Counter(e.type for e in rules)
        self._by_start: dict[int, list[int]] = {}
        self._by_country: dict[str, list[int]] = {}
        self._by_name: dict[str, list[int]] = {}
        self._stateless: list[int] = []
        for i, e in enumerate(rules):
            self._by_start.setdefault(e.char_start, []).append(i)
            for c in set(e.countries):
                self._by_country.setdefault(c, []).append(i)
            if not e.countries:
                self._stateless.append(i)
            for p in e.participants:
                self._by_name.setdefault(fold(p.name), []).append(i)

    def in_sentence(self, start: int) -> list[Event]:
        """The frames of the sentence starting at ``start``, in article order."""
        return [self.all[i] for i in self._by_start.get(start, ())]

    def sharing(self, countries: Iterable[str]) -> list[Event]:
        """The frames naming at least one of ``countries`` (all a Jaccard of 0.5 or more can
        concern), in article order."""
        wanted = set(countries)
        found: set[int] = set() if wanted else set(self._stateless)  # no state: Jaccard 1 with no state
        for c in wanted:
            found.update(self._by_country.get(c, ()))
        return [self.all[i] for i in sorted(found)]

    def related(self, ev: Event) -> list[Event]:
        """The frames consolidation could merge ``ev`` into: sharing a country or a person, or
        naming no state at all."""
        found = set(self._stateless)
        for c in set(ev.countries):
            found.update(self._by_country.get(c, ()))
        for p in ev.participants:
            found.update(self._by_name.get(fold(p.name), ()))
        return [self.all[i] for i in sorted(found)]


def candidates(doc: Document, rule_events: list[Event] | None = None) -> list[Candidate]:
    """Every candidate of the article, in a fixed order, with its features.

    ``rule_events``: the rule frames of the article (default ``doc.events``), for the features
    that say whether the rules already have the event. Deterministic: the same record always
    gives the same candidates."""
    assert doc.sentences is not None and doc.actors is not None and doc.lang is not None and doc.text is not None
    assert doc.article is not None
    rules = _RuleIndex(list(doc.events or []) if rule_events is None else rule_events)
    dates = _Dates(doc)
    place_country = PlaceGazetteer.load().country_of(doc.dateline.place) \
        if doc.dateline is not None and doc.dateline.place else None
    cues = profile(doc.lang).cues
    n_sent = max(1, len(doc.sentences))
    out: list[Candidate] = []
    for si, sent in enumerate(doc.sentences):
        sdates = dates.sentence_dates(sent)
        if len(sent.text) <= MAX_SENTENCE:
            actors = _actors(doc, sent)
            if len({a.country for a in actors}) >= 2:
                out.extend(_sentence_candidates(doc, si, n_sent, sent, actors, sdates, dates.context, rules,
                                                place_country, cues.planned))
        dates.advance(sdates)
    orphans = {t: 0 for t in TYPES}  # sentences with an event word of the type but no rule frame of it
    orphan_sentences: set[tuple[str, int]] = set()
    for si, sent in enumerate(doc.sentences):
        framed = {e.type for e in rules.in_sentence(sent.start)}
        for t in {x.type for x in find_triggers(sent.text, doc.lang)} - framed:
            if t in orphans:
                orphans[t] += 1
                orphan_sentences.add((t, si))
    for c in out:
        t = c.event.type
        c.features[f"{t}&orphan_trigger_here"] = float((t, c.sentence_index) in orphan_sentences)
        c.features[f"{t}&orphan_triggers={min(orphans[t], 3)}"] = 1.0
        c.features[f"{t}&orphan_trigger_near"] = float(any((t, c.sentence_index + d) in orphan_sentences
                                                            for d in (-1, 1)))
    _article_features(out, rules)
    return out


def _article_features(cands: list[Candidate], rules: _RuleIndex) -> None:
    """What the whole article says about a candidate's pair: how many sentences give a candidate
    for it, whether it is the article's most frequent pair, the first such sentence, and what the
    rules found for the pair (a visit without the talks held during it, a second meeting)."""
    pair_sentences: dict[frozenset, set[int]] = {}
    for c in cands:
        pair_sentences.setdefault(frozenset(c.event.countries), set()).add(c.sentence_index)
    top = max((len(v) for v in pair_sentences.values()), default=0)
    first: dict[tuple, int] = {}
    for c in cands:
        first.setdefault((c.event.type, frozenset(c.event.countries)), c.sentence_index)
    for c in cands:
        t, pair = c.event.type, frozenset(c.event.countries)
        n = len(pair_sentences[pair])
        f = c.features
        f[f"{t}&pair_sentences={min(n, 4)}"] = 1.0
        f[f"{t}&pair_is_top"] = float(n == top)
        f[f"{t}&first_for_pair"] = float(first[(t, pair)] == c.sentence_index)
        near = [e for e in rules.sharing(pair) if _jaccard(e.countries, pair) >= 0.5]
        same = [e for e in near if e.type == t]
        other = [e for e in near if e.type != t]
        f[f"{t}&pair_rule_same={min(len(same), 2)}"] = 1.0
        for o in {e.type for e in other}:
            f[f"{t}&pair_rule_{o}&same={min(len(same), 1)}"] = 1.0
        f[f"{t}&date_new_for_pair"] = float(not any(dates_compatible(e, c.event) for e in same))
        f[f"{t}&rule_pair_within_3_days"] = float(any(dates_near(e, c.event, 3, undated=False) for e in same))
        f[f"{t}&date_matches_other_type"] = float(any(dates_compatible(e, c.event) for e in other))
        f[f"{t}&no_rules"] = float(not rules.all)


def _sentence_candidates(doc: Document, si: int, n_sent: int, sent: Sentence, actors: list[Actor],
                         sdates: list[DateMention], context: tuple[str | None, str | None],
                         rules: _RuleIndex, dateline_country: str | None, planned: re.Pattern) -> list[Candidate]:
    assert doc.lang is not None and doc.text is not None and doc.article is not None
    triggers = find_triggers(sent.text, doc.lang)
    in_sentence = rules.in_sentence(sent.start)
    best: dict[tuple[str, frozenset[str], str | None], tuple[int, Actor, Actor]] = {}
    for i, a in enumerate(actors):
        for b in actors[i + 1:]:
            if a.country == b.country or _gap(a, b) > MAX_PAIR_GAP:
                continue
            if a.kind != "place" and b.kind != "place":
                key: tuple[str, frozenset[str], str | None] = ("meeting", frozenset((a.country, b.country)), None)
                if key not in best or _gap(a, b) < best[key][0]:
                    best[key] = (_gap(a, b), a, b)
            for v, h in ((a, b), (b, a)):  # a person of one country with a state or place of another
                if v.kind == "person" and h.kind in ("country", "place", "person"):
                    key = ("visit", frozenset((v.country, h.country)), h.country)
                    if key not in best or _gap(v, h) < best[key][0]:
                        best[key] = (_gap(v, h), v, h)
    out = []
    for (type_, pair, host), (gap, a, b) in sorted(best.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]),
                                                                                  kv[0][2] or "")):
        countries = sorted(pair)
        same_type = [e for e in in_sentence if e.type == type_]
        trig = next((t for t in triggers if t.type == type_), None)
        if same_type:  # the frame filler's date for this sentence's event of the type
            ev = same_type[0]
            date = (ev.date_start, ev.date_end, ev.date_inferred, ev.date_source)
        elif any(len(d.date_start) >= 7 for d in sdates):
            d = next(d for d in sdates if len(d.date_start) >= 7)
            date = (d.date_start, d.date_end, False, "stated")
        else:
            date = (context[0], context[0], True, context[1])
        places = [x for x in doc.actors.places_in(sent.start, sent.end)] if doc.actors else []
        if type_ == "visit":
            loc = next(((p.text, p.iso3) for p in places if p.iso3 == host), (None, host))
        else:
            loc = (places[0].text, places[0].iso3) if places else (None, None)
        later = b if b.start >= a.start else a
        trigger_text, trigger_start = (trig.text, trig.start + sent.start) if trig else (
            doc.text[later.start:later.end], later.start)
        status = "planned" if planned.search(doc.text, sent.start, min(a.start, b.start, trigger_start) + 1) \
            else "occurred"
        ev = Event(doc_id=doc.article.id, lang=doc.lang, type=type_,
                   subtype=trig.subtype if trig else DEFAULT_SUBTYPE[type_], status=status,
                   trigger=trigger_text, evidence=sent.text, char_start=sent.start, char_end=sent.end,
                   date_start=date[0], date_end=date[1] or date[0], location_name=loc[0], location_country=loc[1],
                   countries=countries,
                   participants=_participants(actors, set(pair), type_, host),
                   confidence=0.5, trigger_start=trigger_start, date_inferred=bool(date[2]),
                   date_source=date[3] if date[0] else None, proposed=True)
        feats = candidate_features(doc, ev, a, b, sent, si, n_sent, triggers, in_sentence, rules, sdates,
                                   dateline_country, host)
        out.append(Candidate(ev, feats, si))
    return out


# ------------------------------------------------------------------ features

def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    x, y = set(a), set(b)
    return 1.0 if not x and not y else len(x & y) / len(x | y)




def candidate_features(doc: Document, ev: Event, a: Actor, b: Actor, sent: Sentence, si: int, n_sent: int,
                       triggers: list, in_sentence: list[Event], rules: _RuleIndex, sdates: list[DateMention],
                       dateline_country: str | None, host: str | None) -> dict[str, float]:
    """Named feature values of one candidate (indicators and numbers scaled to about 0-1), each
    conjoined with the candidate's type, as one sentence gives candidates of both types.

    No word features: hashed words and word pairs of the sentence, between the two actors and
    around them were tried and lowered the out-of-fold AUC (0.763 against 0.788 without them,
    on 4,133 candidates): the rule triggers the features name already carry the words' signal."""
    assert doc.text is not None
    t = ev.type
    f: dict[str, float] = {f"type={t}": 1.0, f"lang={ev.lang}": 1.0, f"{t}&lang={ev.lang}": 1.0}
    first, second = (a, b) if a.start <= b.start else (b, a)
    f[f"{t}&kinds={first.kind}-{second.kind}"] = 1.0
    if t == "visit":
        f[f"visit&visitor_first={a.start <= b.start}"] = 1.0
        f["visit&host_is_dateline"] = float(host == dateline_country)
    f[f"{t}&titled"] = float(bool(a.title) or bool(b.title))
    f[f"{t}&named_people"] = min(2, sum(1 for x in (a, b) if x.name)) / 2
    gap = _gap(a, b)
    f[f"{t}&gap={min(4, gap // 40)}"] = 1.0
    f[f"{t}&gap"] = min(gap, MAX_PAIR_GAP) / MAX_PAIR_GAP
    f[f"{t}&vnm"] = float("VNM" in ev.countries)
    f[f"{t}&dateline_in_pair"] = float(bool(dateline_country) and dateline_country in ev.countries)
    # what the rules found
    same_sent = [e for e in in_sentence if e.type == t]
    f[f"{t}&rule_same_type_in_sentence"] = float(bool(same_sent))
    f[f"{t}&rule_other_type_in_sentence"] = float(any(e.type != t for e in in_sentence))
    f[f"{t}&rule_covers_sentence"] = float(any(_jaccard(e.countries, ev.countries) >= 0.5 for e in same_sent))
    pair = [e for e in rules.sharing(ev.countries) if _jaccard(e.countries, ev.countries) >= 0.5]
    cover = [e for e in pair if e.type == t]
    f[f"{t}&rule_covers_pair"] = float(bool(cover))
    f[f"{t}&rule_covers_pair_date"] = float(any(dates_compatible(e, ev) for e in cover))
    f[f"{t}&rule_pair_other_type"] = float(any(e.type != t for e in pair))
    f[f"{t}&rule_events"] = min(rules.of_type[t], 6) / 6
    f[f"{t}&no_rule_event"] = float(not rules.all)
    trig_types = {x.type for x in triggers}
    f[f"{t}&trigger_same_type"] = float(t in trig_types)
    for x in triggers:
        f[f"{t}&trigger_type={x.type}:{x.subtype}"] = 1.0
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    f[f"{t}&trigger_between"] = float(any(lo <= x.start + sent.start < hi for x in triggers))
    # date
    kind = "rule" if same_sent else "stated" if not ev.date_inferred else "context" if ev.date_start else "none"
    f[f"{t}&date={kind}"] = 1.0
    if ev.date_start:
        f[f"{t}&date_precision={min(len(ev.date_start), 10)}"] = 1.0
        if cover:
            f[f"{t}&date_differs_from_rule"] = float(not any(dates_compatible(e, ev) for e in cover))
    f[f"{t}&sentence_dates"] = min(len(sdates), 3) / 3
    f[f"{t}&status={ev.status}"] = 1.0
    # position
    f[f"{t}&first_sentence"] = float(si == 0)
    f[f"{t}&position"] = round(si / n_sent, 3)
    f[f"{t}&sentence_countries"] = min(len({c.iso3 for c in doc.actors.countries_in(sent.start, sent.end)}), 5) / 5 \
        if doc.actors else 0.0
    f[f"{t}&participants"] = min(len(ev.participants), 4) / 4
    return {k: v for k, v in f.items() if v}


# ------------------------------------------------------------------ the model

Thresholds = Mapping[str, "float | None"]  # per event type; None: that type is never proposed


def load_proposer(path: str | Path | None = None, manifest: str | Path | None = None) -> Proposer:
    """The proposer's model (default ``models/event_proposer.json``), checked against its sha256
    in the manifest: a logistic regression in the confidence model's format, with a threshold per
    event type (``thresholds``; a missing or null one: that type is never proposed)."""
    where = Path(path) if path is not None else PROPOSER_PATH
    model = load_model(where, manifest)
    try:
        raw = json.loads(where.read_text(encoding="utf-8")).get("thresholds") or {}
        thresholds = {str(t): None if v is None else float(v) for t, v in raw.items() if t in TYPES}
    except (ValueError, TypeError, AttributeError) as exc:
        raise ModelError(f"{where}: not a valid proposer model ({exc})") from None
    return Proposer(model, thresholds)


def new_candidates(doc: Document) -> list[Candidate]:
    """The candidates consolidation would not merge into a rule frame (``doc.events``): only those
    can add an event, and leaving the others out keeps every rule frame as the rules made it."""
    rules = list(doc.events or [])
    index = _RuleIndex(rules)
    return [c for c in candidates(doc, rules)
            if not any(r.type == c.event.type and same_event(r, c.event, doc.reference)
                       for r in index.related(c.event))]


def select(events: list[Event], probs: list[float], thresholds: Thresholds) -> list[int]:
    """Indices of the candidates to add: at or above their type's threshold, most probable first,
    one per type, countries and compatible date (several sentences naming the same pair report
    one event, and proposals that consolidation would not merge would count it twice); in text order."""
    kept: list[int] = []
    for i in sorted(range(len(events)), key=lambda i: (-probs[i], i)):
        e = events[i]
        t = thresholds.get(e.type)
        if t is None or probs[i] < t:
            continue
        if not any(events[k].type == e.type and events[k].countries == e.countries and dates_compatible(events[k], e)
                   for k in kept):
            kept.append(i)
    return sorted(kept)


@dataclass(frozen=True)
class Proposer:
    """What the ``propose`` stage calls: a record's events to add, by a model and its thresholds."""

    model: ConfidenceModel
    thresholds: Thresholds = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Proposer":
        """The shipped model, checked against the manifest."""
        return load_proposer()

    def __call__(self, doc: Document) -> list[Event]:
        """The proposed events of the record (its rule frames are ``doc.events``); none when no
        type has a threshold, and none for an article far longer than any it was trained on."""
        if all(v is None for v in self.thresholds.values()):
            return []
        if len(doc.text or "") > MAX_ARTICLE:
            return []
        cands = new_candidates(doc)
        probs = [self.model.probability(c.features) for c in cands]
        out = []
        for i in select([c.event for c in cands], probs, self.thresholds):
            cands[i].event.confidence = probs[i]
            out.append(cands[i].event)
        return out
