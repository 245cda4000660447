"""Fill event frames (visit, meeting, agreement) from trigger words and the actors around them.

For each sentence, triggers from ``data/lexicons/triggers.tsv`` are found; each
trigger opens a frame whose slots are filled from the same sentence: who acts
(the people before the trigger, or the subject of a coordinated verb), who is
met or visited (the people and countries after it), where, when, and whether
it happened or is planned. Intentions ("agreed to increase visits", "sớm ký")
and generic mentions with nobody named are not events.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline import lexicon
from pipeline.doc import Event, Participant, Sentence
from pipeline.stages.actors import ArticleActors, Person, PersonMention
from pipeline.stages.dates import DateMention, find_dates, find_durations, resolve_weekday, shift_days

_PLANNED = {
    "en": re.compile(r"\b(?:will|is set to|are set to|is scheduled to|are scheduled to|scheduled to|"
                     r"is due to|are due to|plans to|is expected to|are expected to|upcoming|to pay)\b"),
    "vi": re.compile(r"(?:\bsẽ\b|\bsắp\b|\bdự kiến\b|\bchuẩn bị\b)"),
}
_INTENT = {
    "en": re.compile(r"\b(?:agreed to|agree to|pledged to|proposed|suggested|invited|invitation to|hopes? to|hoped to|"
                     r"look(?:s|ed)? forward to|wish(?:es|ed)? to|would like to|called for|promote|promoting|"
                     r"increase|increasing|boost|encourage|continue to|further|more|regular|exchanges? of|"
                     r"high-level|mutual|frequent|maintain(?:ing)?)\b(?:\s+\S+){0,5}\s*$"),
    "vi": re.compile(r"(?:thúc đẩy|tăng cường|\bsớm\b|mong muốn|đề nghị|\bmời\b|đẩy mạnh|duy trì|"
                     r"các chuyến|nhiều chuyến|những chuyến|trao đổi đoàn|lẫn nhau)(?:\s+\S+){0,5}\s*$"),
}
_NOT_EVENT_AFTER = {
    "en": re.compile(r"^\s*(?:and exchanges|exchanges|at all levels)"),
    "vi": re.compile(r"^\s*(?:lẫn nhau|các cấp|cấp cao hai nước)"),
}
_HOST_CUE = {
    "en": re.compile(r"\b(?:invitation of|invited by|hosted by|welcomed|welcomes|welcoming|chaired the official welcome|"
                     r"bid farewell|reception during)\b", re.I),
    "vi": re.compile(r"(?:lời mời của|theo lời mời|chủ trì lễ đón|hoan nghênh|chào mừng|đón tiếp|mừng đón)"),
}
_WITNESS = {"en": re.compile(r"\bwitness\w*", re.I), "vi": re.compile(r"chứng kiến")}
_AGREEMENT_CUE = {
    "en": re.compile(r"\b(?:sign\w*|ink\w*|exchang\w*|adopt\w*|issu\w*|witness\w*|includ\w*|as follows|"
                     r"concluded|reached|announced)\b", re.I),
    "vi": re.compile(r"(?:\bký\b|\btrao\b|thông qua|chứng kiến|công bố|\bgồm\b|ra Tuyên bố)"),
}
_AGREEMENT_NOT = {
    "en": re.compile(r"\b(?:implement\w*|under|existing|in line with|based on|pursuant|amending|continuing)\b"
                     r"(?:\s+\S+){0,4}\s*$", re.I),
    "vi": re.compile(r"(?:thực hiện|triển khai|\bsớm\b|hiện có|theo|trên cơ sở)(?:\s+\S+){0,4}\s*$"),
}
_TWO_LEADERS = {
    "en": re.compile(r"\b(?:the two (?:leaders|PMs|Prime Ministers|Presidents|ministers)|both leaders|"
                     r"the leaders|both PMs|they|They)\b"),
    "vi": re.compile(r"(?:[Hh]ai (?:lãnh đạo|nhà lãnh đạo|Thủ tướng|Bộ trưởng|Chủ tịch|Tổng thống|người đứng đầu))"),
}
_DESTINATION_PREP = {
    "en": re.compile(r"^\s*(?:to|in|into|of)\s+(?:the\s+)?$"),
    "vi": re.compile(r"^\s*(?:tới|đến|sang|tại|ở|nước)?\s*$"),
}
_ANAPHORIC_COUNTRY = {
    "en": re.compile(r"\b(?:to|in|visiting)\s+the\s+(?:[\w-]+\s+){0,3}(?:nation|country|kingdom|republic)\b"),
    "vi": re.compile(r"(?:đến|tới|sang|thăm)\s+(?:đất\s+)?nước\s+(?:này|bạn)"),
}
_PAST_TIME_VI = re.compile(r"năm \d{4}|tháng \d{1,2}/\d{4}")
_DOC_HEADS_EN = re.compile(r"^(?:an?\s+|the\s+|\d+\s+|three\s+|two\s+|several\s+)?", re.I)

SUBTYPE_PRIORITY = {
    "visit": ["state", "official", "working", "friendship", "other"],
    "meeting": ["talks", "phone_call", "virtual", "courtesy_call", "reception", "meeting", "other"],
    "agreement": ["joint_statement", "mou", "agreement", "partnership_upgrade", "other"],
}


@dataclass
class Trigger:
    start: int
    end: int
    type: str
    subtype: str
    text: str


@dataclass
class ArticleContext:
    """What frames need from the rest of the article."""

    doc_id: str
    lang: str
    text: str
    sentences: list[Sentence]
    actors: ArticleActors
    reference: dt.date | None
    dateline_place: str | None = None
    dateline_country: str | None = None
    events: list[Event] = field(default_factory=list)
    last_meeting: Event | None = None
    protagonist: Person | None = None


def find_triggers(sentence: str, lang: str) -> list[Trigger]:
    """Trigger matches in a sentence (offsets into it), longest and most specific first, no overlaps."""
    found: list[Trigger] = []
    for rule in lexicon.trigger_rules(lang):
        for m in rule.regex.finditer(sentence):
            if m.end() > m.start():
                found.append(Trigger(m.start(), m.end(), rule.type, rule.subtype, m.group()))
    found.sort(key=lambda t: (-(t.end - t.start), t.subtype == "other", t.start))
    kept: list[Trigger] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def _date_of(iso: dt.date) -> str:
    return iso.isoformat()


class FrameFiller:
    """Builds events for one article."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.lang = ctx.lang

    # ------------------------------------------------------------- helpers
    def _dates(self, sent: Sentence) -> list[DateMention]:
        out = []
        for d in find_dates(sent.text, self.lang, self.ctx.reference):
            out.append(DateMention(d.start + sent.start, d.end + sent.start, d.text, d.date_start, d.date_end,
                                   d.weekday, d.relative))
        return out

    def _pick_date(self, sent: Sentence, trig: Trigger, dates: list[DateMention], status: str,
                   event_type: str) -> tuple[str | None, str | None]:
        """The date nearest the trigger in the same sentence; weekdays resolved by tense; a
        'two-day visit' concluded on a known day becomes a range."""
        if not dates:
            return None, None
        centre = trig.start
        d = min(dates, key=lambda x: (abs(x.start - centre) + (0 if x.start >= centre - 80 else 40)))
        start, end = d.date_start, d.date_end
        if d.weekday is not None and self.ctx.reference is not None and status == "planned":
            day = resolve_weekday(d.weekday, self.ctx.reference, future=True)
            start = end = _date_of(day)
        if event_type == "visit" and start == end and len(start) == 10:
            text = sent.text
            concl = re.search(r"conclud\w*|kết thúc|wrapp\w* up|ending", text)
            if concl:
                for ds, de, days in find_durations(text, self.lang):
                    if days > 1:
                        start = shift_days(end, -(days - 1))
                        break
        return start, end

    def _status(self, sent: Sentence, trig_start: int) -> str:
        before = self.ctx.text[max(sent.start, trig_start - 60):trig_start]
        return "planned" if _PLANNED[self.lang].search(before) else "occurred"

    def _is_intention(self, sent: Sentence, trig: Trigger) -> bool:
        before = self.ctx.text[max(sent.start, trig.start - 70):trig.start]
        after = self.ctx.text[trig.end:min(sent.end, trig.end + 25)]
        return bool(_INTENT[self.lang].search(before) or _NOT_EVENT_AFTER[self.lang].search(after))

    def _location(self, sent: Sentence, default_country: str | None = None) -> tuple[str | None, str | None]:
        places = self.ctx.actors.places_in(sent.start, sent.end)
        if places:
            p = places[0]
            return p.text, p.iso3
        if self.ctx.dateline_place and (default_country is None or self.ctx.dateline_country == default_country):
            return self.ctx.dateline_place, self.ctx.dateline_country
        return None, None

    def _participant(self, m: PersonMention | Person, role: str) -> Participant:
        if isinstance(m, PersonMention):
            p = m.person
            mention = m.text
            title = m.title or p.title
        else:
            p, mention, title = m, m.first_mention, m.title
        return Participant(name=p.canonical, mention=mention, role=role, title=title, country=p.country)

    def _mentions_between(self, start: int, end: int) -> list[PersonMention]:
        seen, out = set(), []
        for m in self.ctx.actors.mentions_in(start, end):
            if id(m.person) not in seen:
                seen.add(id(m.person))
                out.append(m)
        return out

    def _subject(self, sent: Sentence, seg_start: int, trig: Trigger,
                 prev_agents: list[PersonMention]) -> list[PersonMention]:
        """The acting people: those in the clause before the trigger, else the previous verb's
        subject, else a pronoun/bare-title subject resolved to the article's protagonist."""
        before = self._mentions_between(seg_start, trig.start)
        # drop people inside "at the invitation of X" / "theo lời mời của X"
        before = [m for m in before
                  if not re.search(r"(?:invitation of|lời mời của|của)\s*(?:\S+\s+){0,8}$",
                                   self.ctx.text[max(seg_start, m.start - 60):m.start])]
        if before:
            # the nearest, with anyone coordinated to it by "and"/"và"/","
            group = [before[-1]]
            for m in reversed(before[:-1]):
                gap = self.ctx.text[m.end:group[0].start]
                if re.fullmatch(r"[\s,]*(?:and|và|,)?[\s\w’'.,()-]{0,60}", gap) and re.search(r"\b(?:and|và)\b|,", gap) \
                        and not re.search(r"\b(?:with|với)\b", gap):
                    group.insert(0, m)
                else:
                    break
            return group
        if prev_agents:
            return prev_agents
        if self.ctx.protagonist is not None:
            head = self.ctx.text[sent.start:trig.start]
            if len(head.split()) <= 12 or _PRONOUN_HEAD.search(head):
                return [PersonMention(sent.start, sent.start, "", self.ctx.protagonist, "pronoun")]
        return []

    # ------------------------------------------------------------- frames
    def fill(self) -> list[Event]:
        ctx = self.ctx
        for sent in ctx.sentences:
            triggers = [Trigger(t.start + sent.start, t.end + sent.start, t.type, t.subtype, t.text)
                        for t in find_triggers(sent.text, self.lang)]
            if not triggers:
                continue
            dates = self._dates(sent)
            prev_agents: list[PersonMention] = []
            seg_start = sent.start
            for i, trig in enumerate(triggers):
                nxt = triggers[i + 1].start if i + 1 < len(triggers) else sent.end
                if trig.type == "meeting":
                    agents = self._meeting(sent, trig, seg_start, nxt, dates, prev_agents)
                elif trig.type == "visit":
                    agents = self._visit(sent, trig, seg_start, nxt, dates, prev_agents)
                else:
                    agents = self._agreement(sent, trig, seg_start, nxt, dates, prev_agents)
                if agents:
                    prev_agents = agents
                seg_start = trig.end
        return ctx.events

    def _emit(self, sent: Sentence, trig: Trigger, type_: str, subtype: str, status: str,
              participants: list[Participant], countries: set[str], date: tuple[str | None, str | None],
              location: tuple[str | None, str | None], title: str | None = None, confidence: float = 0.6) -> Event:
        ev = Event(doc_id=self.ctx.doc_id, lang=self.lang, type=type_, subtype=subtype, status=status,
                   trigger=trig.text, evidence=sent.text, char_start=sent.start, char_end=sent.end,
                   date_start=date[0], date_end=date[1] or date[0], location_name=location[0],
                   location_country=location[1], countries=sorted(c for c in countries if c),
                   participants=participants, title=title, confidence=confidence, trigger_start=trig.start)
        self.ctx.events.append(ev)
        return ev

    # meetings ------------------------------------------------------------
    def _meeting(self, sent, trig, seg_start, nxt, dates, prev_agents):
        if self._is_intention(sent, trig):
            return []
        agents = self._subject(sent, seg_start, trig, prev_agents)
        nominal = trig.subtype == "talks" and not re.search(r"held|hold|had|has|have|conducted|hội đàm với|co-chair",
                                                               trig.text + self.ctx.text[trig.end:trig.end + 6])
        objects = [m for m in self._mentions_between(trig.end, nxt)
                   if all(m.person is not a.person for a in agents)]
        if nominal and not objects:
            # "At the talks, X and Y ...": the participants are wherever they are in the sentence
            everyone = [m for m in self._mentions_between(sent.start, sent.end)]
            if len({id(m.person) for m in everyone}) >= 2:
                agents, objects = everyone[:1], everyone[1:]
        status = self._status(sent, trig.start)
        agents = [a for a in agents if a.person is not None]
        if not agents and len(objects) >= 2:
            agents, objects = objects[:1], objects[1:]
        if not agents:
            return []
        date = self._pick_date(sent, trig, dates, status, "meeting")
        agent_countries = {a.person.country for a in agents}
        units = self._object_units(sent, trig, nxt, objects)
        if not units:
            return agents
        for unit_people, unit_countries in units:
            parts = [self._participant(a, "participant") for a in agents]
            parts += [self._participant(m, "participant") for m in unit_people]
            countries = agent_countries | {m.person.country for m in unit_people} | unit_countries
            countries.discard(None)
            if len(countries) < 2 and not unit_people and not unit_countries:
                extra = self._other_country(agent_countries)
                if extra:
                    countries.add(extra)
            location = self._location(sent)
            ev = self._emit(sent, trig, "meeting", trig.subtype, status, _dedupe(parts), countries, date, location)
            if trig.subtype in ("talks", "meeting", "phone_call", "virtual"):
                self.ctx.last_meeting = ev
        return agents

    def _object_units(self, sent, trig, nxt, objects: list[PersonMention]) -> list[tuple[list[PersonMention], set[str]]]:
        """Who is met: each named person is a separate meeting; so is each ambassador's country in
        'the new ambassadors of A, B and C'; an unnamed counterpart ('the Speaker of ...') or a group
        ('representatives of companies') is one meeting with nobody named."""
        text = self.ctx.text
        span = text[trig.end:nxt]
        if re.search(r"ambassadors?|Đại sứ", span) and not objects:
            cs = self.ctx.actors.countries_in(trig.end, nxt)
            iso = list(dict.fromkeys(c.iso3 for c in cs))
            return [([], {c}) for c in iso]
        if objects:
            units: list[tuple[list[PersonMention], set[str]]] = []
            for m in objects:
                units.append(([m], set()))
            # unnamed titled counterparts between named ones ("the Speaker of X, and the Chairperson of Y")
            return units
        bare_titles = [t for t in self.ctx.actors.titles if trig.end <= t[0] < nxt
                       and not any(m.start >= t[1] and m.start - t[1] < 4 for m in self.ctx.actors.mentions)]
        if bare_titles:
            units = []
            for t in bare_titles:
                after = text[t[1]:min(nxt, t[1] + 80)]
                cs = [c.iso3 for c in self.ctx.actors.countries_in(t[1], t[1] + len(after))]
                units.append(([], set(cs[:1])))
            return units
        group = re.match(r"\s*(?:with\s+|for\s+)?(?:the\s+)?(?:representatives|đại diện|leaders|lãnh đạo|delegation|"
                         r"đoàn|officials|executives|corporations|businesses|doanh nghiệp|former)", span)
        if group:
            cs = [c.iso3 for c in self.ctx.actors.countries_in(trig.end, nxt)]
            return [([], set(cs[:1]))]
        return []

    def _other_country(self, have: set[str | None]) -> str | None:
        """The foreign country the article is mostly about (for unnamed counterparts)."""
        counts: dict[str, int] = {}
        for c in self.ctx.actors.countries:
            if c.iso3 not in have:
                counts[c.iso3] = counts.get(c.iso3, 0) + 1
        if self.ctx.dateline_country and self.ctx.dateline_country not in have:
            counts[self.ctx.dateline_country] = counts.get(self.ctx.dateline_country, 0) + 3
        return max(counts, key=counts.get) if counts else None

    # visits --------------------------------------------------------------
    def _destination(self, sent: Sentence, trig: Trigger, nxt: int, visitor_country: str | None):
        text = self.ctx.text
        window_end = min(sent.end, trig.end + 70)
        for c in self.ctx.actors.countries_in(trig.end, window_end):
            gap = text[trig.end:c.start]
            if c.iso3 == visitor_country:
                continue
            if len(gap) <= 22 and not re.search(r"[,;.]|\bby\b|\bof\b|\bcủa\b|\bvới\b|\bwith\b", gap):
                return c.text, c.iso3, c.kind
        for p in self.ctx.actors.places_in(trig.end, window_end):
            gap = text[trig.end:p.start]
            if len(gap) <= 22 and not re.search(r"[,;.]|\bby\b|\bcủa\b|\bwith\b", gap) and p.iso3 != visitor_country:
                return p.text, p.iso3, "place"
        if _ANAPHORIC_COUNTRY[self.lang].search(text[trig.end:window_end]):
            prior = [c for c in self.ctx.actors.countries if c.end <= trig.start and c.iso3 != visitor_country]
            if prior:
                name = self._country_name(prior[-1].iso3)
                return name, prior[-1].iso3, "anaphor"
        # "Xi's recent state visit to Việt Nam" handled above; "visiting Chinese Premier" → host side
        return None

    def _country_name(self, iso3: str) -> str:
        from pipeline.stages.gazetteer import CountryGazetteer

        return CountryGazetteer.load().name(iso3, self.lang)

    def _visit(self, sent, trig, seg_start, nxt, dates, prev_agents):
        text = self.ctx.text
        if self._is_intention(sent, trig):
            return []
        if re.match(r"\s*(?:the\s+)?(?:Embassy|Đại sứ quán|Quan Su|Pagoda)", text[trig.end:trig.end + 30]):
            return []
        in_sentence = self._mentions_between(sent.start, sent.end)
        # visitor: possessor ("Xi's visit", "chuyến thăm ... của X") or subject
        visitor: list[PersonMention] = []
        poss = re.search(r"(?:’s|'s)\s+(?:\w+\s+){0,4}$", text[max(sent.start, trig.start - 50):trig.start])
        if poss:
            owner = [m for m in in_sentence if m.end <= trig.start and trig.start - m.end <= 50]
            if owner:
                visitor = [owner[-1]]
        if not visitor and self.lang == "vi":
            m = re.match(r"[^.;]{0,80}?\bcủa\s+", text[trig.end:nxt])
            if m:
                after = [x for x in in_sentence if trig.end + m.end() - 1 <= x.start <= trig.end + m.end() + 40]
                if after:
                    visitor = [after[0]]
        if not visitor:
            visitor = self._subject(sent, seg_start, trig, prev_agents)
        visitor_country = visitor[0].person.country if visitor else None
        dest = self._destination(sent, trig, nxt, visitor_country)
        if dest is None and visitor:
            # "arrived in Beijing", "welcomed Premier Li on his first official visit" w/o destination
            # fall back to the dateline country, or the country of a named host in the sentence
            hosts = [m for m in in_sentence if m.person.country and m.person.country != visitor_country]
            if hosts and _HOST_CUE[self.lang].search(sent.text):
                c = hosts[0].person.country
                dest = (self._country_name(c), c, "host")
            elif self.ctx.dateline_country and self.ctx.dateline_country != visitor_country:
                dest = (self._country_name(self.ctx.dateline_country), self.ctx.dateline_country, "dateline")
        if dest is None or not visitor:
            return visitor
        dest_name, dest_iso, _ = dest
        visitors = [v for v in visitor if v.person.country != dest_iso]
        if not visitors:
            # the subject is the host ("X welcomed Y's visit"): visitor is someone else from abroad
            others = [m for m in in_sentence if m.person.country and m.person.country != dest_iso]
            if not others:
                return visitor
            visitors = [others[0]]
        parts = [self._participant(v, "visitor") for v in visitors]
        # named delegation members / spouses right after the visitor ("Tô Lâm, his spouse Ngô Phương Ly")
        for m in in_sentence:
            if m.person in [v.person for v in visitors]:
                continue
            gap = text[visitors[-1].end:m.start] if m.start > visitors[-1].end else ""
            if gap and len(gap) < 40 and re.search(r"spouse|wife|husband|phu nhân", gap):
                parts.append(self._participant(m, "visitor"))
        if _HOST_CUE[self.lang].search(sent.text):
            for m in in_sentence:
                if m.person.country == dest_iso and m.person not in [v.person for v in visitors]:
                    parts.append(self._participant(m, "host"))
                    break
        status = self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "visit")
        countries = {dest_iso} | {p.country for p in parts if p.role == "visitor"}
        ev = self._emit(sent, trig, "visit", trig.subtype, status, _dedupe(parts), countries, date,
                        (dest_name, dest_iso))
        return visitors

    # agreements ------------------------------------------------------------
    def _agreement(self, sent, trig, seg_start, nxt, dates, prev_agents):
        text = self.ctx.text
        before = text[sent.start:trig.start]
        if trig.subtype != "partnership_upgrade":
            if not _AGREEMENT_CUE[self.lang].search(sent.text):
                return []
            if _AGREEMENT_NOT[self.lang].search(text[max(sent.start, trig.start - 50):trig.start]):
                return []
        else:
            # an upgrade named inside a document's title is that document, not a separate event
            if re.search(r"(?:Tuyên bố chung|joint statement|declaration)[^.;]{0,40}$", before, re.I):
                return []
            if re.search(r"(?:\bsớm\b|mong muốn|hope|look forward)(?:\s+\S+){0,4}\s*$", before):
                return []
        status = self._status(sent, trig.start)
        in_sentence = self._mentions_between(sent.start, sent.end)
        role = "witness" if _WITNESS[self.lang].search(sent.text) else "signatory"
        people: list[PersonMention | Person] = list(in_sentence)
        if not people and _TWO_LEADERS[self.lang].search(sent.text) and self.ctx.last_meeting is not None:
            parts = [Participant(p.name, p.mention, role, p.title, p.country)
                     for p in self.ctx.last_meeting.participants]
        else:
            parts = [self._participant(m, role) for m in people]
        if re.search(r"\b(?:two sides|both sides|hai bên)\b", sent.text) and not in_sentence:
            parts = []
        countries = {p.country for p in parts if p.country}
        title = self._doc_title(sent, trig)
        for c in self.ctx.actors.countries_in(trig.start, trig.start + len(title or trig.text)):
            countries.add(c.iso3)
        if len(countries) < 2 and self.ctx.last_meeting is not None:
            countries |= set(self.ctx.last_meeting.countries)
        if len(countries) < 2:
            extra = self._other_country(countries)
            if extra:
                countries.add(extra)
        date = self._pick_date(sent, trig, dates, status, "agreement")
        if date == (None, None) and self.ctx.last_meeting is not None and self.ctx.last_meeting.date_start:
            date = (self.ctx.last_meeting.date_start, self.ctx.last_meeting.date_end)
        loc = self._location(sent)
        self._emit(sent, trig, "agreement", trig.subtype, status, _dedupe(parts), countries, date, loc,
                   title=title)
        return []

    def _doc_title(self, sent: Sentence, trig: Trigger) -> str | None:
        """The document's name as written: from the trigger to the end of its noun phrase."""
        text = self.ctx.text
        if trig.subtype == "partnership_upgrade":
            m = re.match(r"\s*(?:a |the |an |thành |mức |khuôn khổ )?(?:quan hệ )?([^,.;]{3,60}?)"
                         r"(?=[,.;]| between| giữa| vì| nhằm| for| with| in |$)",
                         text[trig.end:sent.end])
            return m.group(1).strip() if m else None
        start = trig.start
        m = re.match(r"[^;\n]*?(?=;|\.\s|\n| and (?:a|an|the) | và |, which|, thể hiện|, contributing|$)",
                     text[start:sent.end])
        title = m.group(0).strip() if m else trig.text
        return title[:300] or trig.text


_PRONOUN_HEAD = re.compile(r"^\s*(?:He|She|The (?:Party chief|Vietnamese|host|guest)|Ông|Bà|During|Trong)\b")


def _dedupe(parts: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for p in parts:
        key = p.name.lower()
        if key not in seen:
            seen[key] = p
    return list(seen.values())
