"""Merge repeated mentions of one event within an article, and give events stable ids.

News repeats itself: a headline, the lead and a later paragraph all report the
same talks. The spec wants each event once per article, so frames that agree
on type, people, countries and compatible dates become one event whose fields
take the most informative value any mention gave.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from functools import lru_cache

from pipeline.doc import Event
from pipeline.lang import joined, word_set
from pipeline.stages.gazetteer import fold

SUBTYPE_PRIORITY = {
    "visit": ["state", "official", "working", "friendship", "other"],
    "meeting": ["talks", "phone_call", "virtual", "courtesy_call", "reception", "meeting", "other"],
    "agreement": ["joint_statement", "mou", "partnership_upgrade", "agreement", "other"],
}
_DELEGATION = re.compile(rf"\b(?:{joined('delegation')})\b", re.I)
_GENERIC_DOCS = tuple(fold(x) for x in word_set("generic_documents"))  # folded once, compared folded
# "documents on cooperation in legal matters": the subject of unnamed documents, in folded titles
_DOC_TOPIC = re.compile(r"\b(?:%s)\s+(\S.{3,})" % "|".join(re.escape(fold(x)) for x in sorted(word_set("doc_topic"))))


def date_span(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO date of any precision."""
    if not iso:
        return None
    return _date_span(iso) if isinstance(iso, str) else _parse_span(iso)


@lru_cache(maxsize=4096)
def _date_span(iso: str) -> tuple[dt.date, dt.date] | None:
    return _parse_span(iso)  # consolidation asks for the same few dates millions of times


def _parse_span(iso) -> tuple[dt.date, dt.date] | None:
    try:
        parts = [int(x) for x in iso.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        d = dt.date(*parts[:3])
        return d, d
    except (ValueError, TypeError):
        return None


def event_span(e: Event) -> tuple[dt.date, dt.date] | None:
    """The first and last day an event's dates cover, or None when it has no date."""
    a = date_span(e.date_start)
    if a is None:
        return None
    b = date_span(e.date_end) or a
    return a[0], max(a[1], b[1])


def dates_compatible(a: Event, b: Event) -> bool:
    """Whether two events' dates can be the same event's (undated events fit anything)."""
    x, y = event_span(a), event_span(b)
    if x is None or y is None:
        return True
    return x[0] <= y[1] and y[0] <= x[1]


def _names(e: Event, roles: tuple[str, ...] | None = None) -> frozenset[str]:
    return frozenset(fold(p.name) for p in e.participants if roles is None or p.role in roles)


def is_past_reference(e: Event, reference: dt.date | None) -> bool:
    """A year- or month-precision date well before the article: a past event referred to with a time."""
    span = event_span(e)
    if span is None or reference is None or len(e.date_start or "") == 10:
        return False
    return span[1] < reference - dt.timedelta(days=45)


def _same_trip_days(a: Event, b: Event) -> bool:
    """Two days of one trip: arrival on the 9th, departure on the 11th ("bắt đầu ... / kết thúc
    chuyến thăm"). Visits only, both dated to the day, at most a week apart."""
    if a.type != "visit" or b.type != "visit" or len(a.date_start or "") != 10 or len(b.date_start or "") != 10:
        return False
    sa, sb = event_span(a), event_span(b)
    if sa is None or sb is None:
        return False
    gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
    return gap <= dt.timedelta(days=6)


def _headline(e: Event) -> bool:
    """A title line ("PM meets with Egyptian counterpart"): short, and no full stop ends it. A meeting
    it tells with one side named is the body's meeting of those states, not another one met."""
    line = e.evidence.rstrip()
    return 0 < len(line) <= 150 and line[-1] not in ".!?…\"”’»):;"


def _remote(e: Event) -> bool:
    return e.subtype in ("phone_call", "virtual")


def _met_a_group(e: Event) -> bool:
    """A meeting with a group ("received leaders of businesses"): not the one with a named person; a
    delegation received ("tiếp đoàn đại biểu tỉnh X") is the party its named leader heads."""
    who = e.counterpart or ""
    return who.startswith("group:") and not _DELEGATION.search(who)


def same_event(a: Event, b: Event, reference: dt.date | None) -> bool:
    """Whether two mentions in one article report the same event, so consolidation merges them."""
    if a.type != b.type:
        return False
    if not (a.date_inferred or b.date_inferred) and not dates_compatible(a, b) and not _same_trip_days(a, b):
        return False  # a date inferred from the article's context does not keep two mentions apart
    if is_past_reference(a, reference) != is_past_reference(b, reference) and (a.date_start and b.date_start):
        return False
    if (a.date_start is None) != (b.date_start is None):
        # an undated mention joins a dated one only when that one is not a past reference
        dated = a if a.date_start else b
        if is_past_reference(dated, reference):
            return False
    if a.type == "visit":
        if a.location_country != b.location_country:
            return False
        va, vb = _names(a, ("visitor",)), _names(b, ("visitor",))
        if not va or not vb:  # "the Mongolian President concluded his state visit": the named visitor's trip
            return set(a.countries) == set(b.countries)
        return bool(va & vb)
    if a.type == "meeting":
        na, nb = _names(a), _names(b)
        if len(na) >= 2 and len(nb) >= 2:
            # a call made now is not the meeting it plans ("vừa điện đàm … sẽ gặp tại APEC")
            return na == nb and not (_remote(a) != _remote(b) and a.status != b.status)
        if na and nb and (na < nb or nb < na) and a.subtype == b.subtype and a.char_start != b.char_start \
                and (a.subtype in ("phone_call", "reception", "virtual", "talks")
                     or _headline(a if na < nb else b)) \
                and set(a.countries) == set(b.countries) and not (_met_a_group(a) or _met_a_group(b)):
            # "had a phone call with the premier of Vietnam" again, naming one side only; a headline's
            # "PM holds talks with visiting Chinese Premier" (the talks of a pair of countries are one)
            return True
        if bool(na) != bool(nb) and a.subtype == b.subtype and set(a.countries) == set(b.countries) \
                and a.char_start != b.char_start and (a.date_start is None) == (b.date_start is None):
            # a headline's "New Australian PM phones US President" and the body's call between the
            # named leaders: one event told twice, once without names
            return True
        # "met the Senate President", later "met representatives of businesses": one named side, two
        # counterparts nobody names, two meetings
        other_sides = a.counterpart == b.counterpart
        return na == nb and set(a.countries) == set(b.countries) and a.subtype == b.subtype \
            and a.char_start != b.char_start and other_sides
    # agreements
    ta, tb = fold(a.title or ""), fold(b.title or "")
    if a.subtype == "partnership_upgrade" or b.subtype == "partnership_upgrade":
        # one partnership named twice, once with words run on ("Comprehensive Partnership on October 28")
        same_name = not ta or not tb or ta.startswith(tb) or tb.startswith(ta)
        return a.subtype == b.subtype and set(a.countries) == set(b.countries) and same_name
    if ta and ta == tb:
        return True
    def generic(t):
        return any(t.endswith(g) or t.startswith(g) for g in _GENERIC_DOCS)
    if a.subtype == b.subtype and set(a.countries) == set(b.countries):
        if a.subtype == "joint_statement":
            return True
        if _one_name(ta, tb):
            return True
        return generic(ta) and generic(tb) and _same_topic(ta, tb)
    return False


_NAME_WORDS = re.compile(r"\w+")
_SHARED_OPENING_WORDS = 8  # "exchange of notes on the provision of loans by A to B ...": one note
_SHORT_NAME_WORDS = 4  # "the twinning memorandum" inside "the memorandum establishing twinning ...": one


def _one_name(ta: str, tb: str) -> bool:
    """Whether two folded document titles name one document: a caption's shorter name whose every
    word the full name has ("biên bản ghi nhớ kết nghĩa" / "biên bản ghi nhớ ... quan hệ kết nghĩa
    giữa ..."), or two names that open with the same long run of words. Short names ("agreement
    on trade") are too common to say so; a name found whole inside a longer title is not enough."""
    wa, wb = _NAME_WORDS.findall(ta), _NAME_WORDS.findall(tb)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # a name found whole inside a longer title is another document that title ran on into
    # ("Trade Agreement, MoU on X, Agreement on Y"; "the new agreement to replace the agreement of 1998")
    if len(short) >= _SHORT_NAME_WORDS and set(short) <= set(long_) \
            and f" {' '.join(short)} " not in f" {' '.join(long_)} ":
        return True
    n = 0
    for x, y in zip(wa, wb):
        if x != y:
            break
        n += 1
    return n >= _SHARED_OPENING_WORDS


def fold_upgrades_into_statements(events: list[Event], reference: dt.date | None) -> list[Event]:
    """An upgrade of relations reported beside the joint statement that adopts it ("decided to upgrade
    ties ... and issued a joint statement") is that statement, not a second agreement: the spec counts
    each document once. The upgrade joins a joint statement of the same countries whose date lies
    within three days of its own (a signing dated by the talks, an upgrade by the release) or that
    either leaves undated; an upgrade referred to with a past time stays its own event."""
    statements = [e for e in events if e.type == "agreement" and e.subtype == "joint_statement"
                  and len(e.countries) >= 2 and not is_past_reference(e, reference)]
    if not statements:
        return events
    out: list[Event] = []
    for e in events:
        if e.type == "agreement" and e.subtype == "partnership_upgrade" and not is_past_reference(e, reference):
            home = next((s for s in statements if set(e.countries) <= set(s.countries) and dates_near(s, e, 3)), None)
            if home is not None:
                have = {fold(p.name) for p in home.participants}
                home.participants += [p for p in e.participants if fold(p.name) not in have]
                home.mentions += e.mentions
                continue
        out.append(e)
    return out


def dates_near(a: Event, b: Event, days: int, undated: bool = True) -> bool:
    """Whether two events' dates lie within ``days`` of each other; ``undated`` is the answer when
    either has no date (near anything for merging; near nothing for a learned feature)."""
    x, y = event_span(a), event_span(b)
    if x is None or y is None:
        return undated
    slack = dt.timedelta(days=days)
    return x[0] - slack <= y[1] and y[0] - slack <= x[1]


def _same_topic(ta: str, tb: str) -> bool:
    """Whether two unnamed sets of documents can be one: not when each names its own subject
    ("exchanged documents on cooperation in legal matters" / "... on news and photo exchange")."""
    xa, xb = _DOC_TOPIC.search(ta), _DOC_TOPIC.search(tb)
    if xa is None or xb is None:
        return True
    sa, sb = xa.group(1)[:40], xb.group(1)[:40]
    return sa.startswith(sb) or sb.startswith(sa)


def _better_subtype(type_: str, a: str | None, b: str | None) -> str | None:
    order = SUBTYPE_PRIORITY[type_]
    def rank(s):
        return order.index(s) if s in order else len(order)
    return a if rank(a) <= rank(b) else b


# Among guessed dates, a day the text states before the mention beats the dateline's or publication day.
_GUESS_RANK = {"inferred-text": 2, "dateline": 1}


def _merge_dates(a: Event, b: Event) -> tuple[str | None, str | None]:
    """The most precise date; among day dates, the widest range (a visit's span beats one day); among
    equal guesses, the day read from the text (``_GUESS_RANK``)."""
    events = [e for e in (a, b) if e.date_start and not e.date_inferred] or [e for e in (a, b) if e.date_start]
    if not events:
        return None, None

    def key(ev: Event) -> tuple[int, int, int]:
        first, last = event_span(ev) or (dt.date.min, dt.date.min)  # every event here has a date
        return (len(ev.date_start or ""), (last - first).days,
                _GUESS_RANK.get(ev.date_source or "", 0) if ev.date_inferred else 0)

    best = max(events, key=key)
    return best.date_start, best.date_end


def merge(a: Event, b: Event) -> Event:
    """Fold b into a (a is the earlier mention)."""
    a.subtype = _better_subtype(a.type, a.subtype, b.subtype)
    sources = [((e.date_start, e.date_end), e.date_source)
               for e in sorted((a, b), key=lambda e: e.date_inferred) if e.date_source]
    # whether each mention's own date is a guess; an undated mention guesses nothing
    guesses = [((e.date_start, e.date_end), e.date_inferred) for e in (a, b) if e.date_start]
    if _same_trip_days(a, b) and not (a.date_inferred or b.date_inferred):
        span_a, span_b = event_span(a), event_span(b)
        assert span_a is not None and span_b is not None  # _same_trip_days found both spans
        a.date_start, a.date_end = min(span_a[0], span_b[0]).isoformat(), max(span_a[1], span_b[1]).isoformat()
    else:
        a.date_start, a.date_end = _merge_dates(a, b)
    a.date_source = next((src for dates, src in sources if dates == (a.date_start, a.date_end)),
                         "stated" if a.date_start else None)  # two stated days of one trip joined
    kept = [inferred for dates, inferred in guesses if dates == (a.date_start, a.date_end)]
    a.date_inferred = bool(kept) and all(kept)  # the kept date is a guess only if every mention of it guessed
    if a.status != b.status:
        a.status = "occurred"
    have = {fold(p.name): p for p in a.participants}
    for p in b.participants:
        q = have.get(fold(p.name))
        if q is None:
            a.participants.append(p)
            have[fold(p.name)] = p
        elif q.role == "participant" and p.role in ("host", "visitor"):
            q.role = p.role
    a.countries = sorted(set(a.countries) | set(b.countries)) if a.type != "visit" else a.countries
    if a.type == "visit":
        a.countries = sorted(c for c in {a.location_country} | {p.country for p in a.participants
                                                               if p.role == "visitor"} if c)
    if not a.location_name and b.location_name:
        a.location_name, a.location_country = b.location_name, b.location_country
    if not a.title and b.title:
        a.title = b.title
    a.confidence = min(0.95, max(a.confidence, b.confidence) + 0.1)
    a.mentions += b.mentions
    a.speculative = a.speculative and b.speculative  # a forecast of an announced event confirms it
    a.thanked_for = a.thanked_for and b.thanked_for  # thanks for a meeting also reported stand with it
    return a


def consolidate(events: list[Event], reference: dt.date | None) -> list[Event]:
    """Each event merged into the first kept event it is the same as, or kept.

    Only events of one type can be the same, and two stated dates must overlap (or lie within a
    week, for two days of one trip), so each event is compared with the kept events of its type
    whose dates meet its own plus those with no stated date, not with every event kept
    so far, and only those sharing a person, title or countries with it (see _match_keys): a
    long page with thousands of events costs linear time, with the same result."""
    out: list[Event] = []
    index: dict[str, _KeptIndex] = {}
    for e in events:
        kept_of_type = index.get(e.type) or index.setdefault(e.type, _KeptIndex(e.type))
        for i in kept_of_type.candidates(e):
            kept = out[i]
            if same_event(kept, e, reference):
                merge(kept, e)
                kept_of_type.add(i, kept)  # its dates may have grown
                break
        else:
            out.append(e)
            kept_of_type.add(len(out) - 1, e)
    # a forecast ("is expected to visit A, B and C") adds its date and people to the event the article
    # announces, but no forecast alone is an event (spec: general intentions are not events)
    out = [e for e in out if not e.speculative]
    # "the minister thanked the premier for receiving him": the meeting the thanks are said at, told
    # again; it stands only when the article reports no meeting of its countries with one of its
    # people or on its day (thanks to another leader for a reception the day before is another one)
    reported = [e for e in out if e.type == "meeting" and not e.thanked_for]

    def told_again(e: Event) -> bool:
        return any(set(r.countries) == set(e.countries) and (_names(r) & _names(e) or dates_compatible(r, e))
                   for r in reported)
    return [e for e in out if not (e.thanked_for and told_again(e))]


_TRIP_SLACK_DAYS = 6  # _same_trip_days joins the days of one visit up to 6 days apart


def _match_keys(e: Event) -> set[tuple]:
    """Keys of which any two events that :func:`same_event` can join share at least one:
    a visit's place with a visitor or with its countries, a meeting's people and its countries,
    an agreement's title or its countries."""
    if e.type == "visit":
        keys: set[tuple] = {("c", e.location_country, frozenset(e.countries))}
        keys |= {("v", e.location_country, name) for name in _names(e, ("visitor",))}
        return keys
    if e.type == "meeting":
        names = _names(e)
        return {("n", name) for name in names} | {("c", frozenset(e.countries))}
    title = fold(e.title or "")
    return {("c", frozenset(e.countries))} | ({("t", title)} if title else set())


class _KeptIndex:
    """Kept events of one type by match key and by the days their stated dates cover; those
    with no stated date (or an inferred one) by key alone, as any date may join them."""

    def __init__(self, type_: str) -> None:
        self.slack = _TRIP_SLACK_DAYS if type_ == "visit" else 0
        self.loose: dict[tuple, set[int]] = {}
        self.dated: dict[tuple, set[int]] = {}  # (key, day) -> kept
        self.any_date: dict[tuple, set[int]] = {}

    @staticmethod
    def _days(e: Event) -> range | None:
        if e.date_inferred or not e.date_start:
            return None
        span = event_span(e)
        if span is None:
            return None
        return range(span[0].toordinal(), span[1].toordinal() + 1)

    def add(self, i: int, e: Event) -> None:
        """(Re)index kept event ``i``; after a merge its keys and dates may have grown, and its
        old entries stay (they only add candidates, which same_event then rejects)."""
        days = self._days(e)
        for key in _match_keys(e):
            self.any_date.setdefault(key, set()).add(i)
            if days is None:
                self.loose.setdefault(key, set()).add(i)
                continue
            for d in days:
                self.dated.setdefault((key, d), set()).add(i)

    def candidates(self, e: Event) -> list[int]:
        """Every kept event ``e`` could be the same as (and some more), in the order kept."""
        days = self._days(e)
        found: set[int] = set()
        for key in _match_keys(e):
            if days is None:
                found |= self.any_date.get(key, set())
                continue
            found |= self.loose.get(key, set())
            for d in range(days.start - self.slack, days.stop + self.slack):
                found |= self.dated.get((key, d), set())
        return sorted(found)


def assign_ids(events: list[Event]) -> None:
    """Stable ids: doc id + type + position of the first mention, hashed."""
    for i, e in enumerate(sorted(events, key=lambda x: (x.char_start, x.trigger_start, x.type))):
        raw = f"{e.doc_id}|{e.type}|{e.trigger_start}|{i}"
        e.event_id = f"{e.doc_id}:{e.type[0]}{i:03d}-{hashlib.sha1(raw.encode()).hexdigest()[:6]}"
