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
from pipeline.stages.deprel import verb_arguments
from pipeline.stages.gazetteer import CountryGazetteer
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
    "en": re.compile(r"\b(?:[Tt]he two (?:leaders|PMs|Prime Ministers|Presidents|[Mm]inisters|sides' leaders)|"
                     r"[Bb]oth leaders|[Tt]he leaders|[Bb]oth PMs|[Tt]hey)\b"),
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
_DATE_NOT_EVENT = re.compile(r"(?:\b(?:announced|said|told|stated|confirmed) on|\bsince|kể từ|\btừ năm|thiết lập quan hệ[^,.;]{0,30}|established|establishment of|"
                             r"founded|thành lập|anniversary|kỷ niệm|Quốc khánh|National Day|nhậm chức|took office|"
                             r"\bbầu\b|elected|election)[^,.;]{0,25}$", re.I)
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
    last_visitor: Person | None = None
    protagonist: Person | None = None
    context_date: str | None = None  # the latest current day date stated before the sentence


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

    def _usable_dates(self, sent: Sentence, dates: list[DateMention]) -> list[DateMention]:
        """Dates that can date an event: not the start of a period ("since 1992", "kể từ"), not an
        anniversary ("Quốc khánh 2/9"), not a parenthetical aside ("nhậm chức (tháng 10/2021)")."""
        out = []
        for d in dates:
            before = self.ctx.text[max(sent.start, d.start - 45):d.start]
            if _DATE_NOT_EVENT.search(before):
                continue
            if before.endswith("(") and not re.search(r"(?:today|nay|Thursday|Friday|Monday|Tuesday|Wednesday|"
                                                       r"Saturday|Sunday|local time)\s*\($", before, re.I):
                continue
            out.append(d)
        return out

    def _pick_date(self, sent: Sentence, trig: Trigger, dates: list[DateMention], status: str,
                   event_type: str) -> tuple[str | None, str | None, bool]:
        """The date nearest the trigger in the same sentence (within reach), weekdays resolved by
        tense, a 'two-day visit' concluded on a known day made a range; else the article's context
        date, flagged as inferred."""
        near = [d for d in dates if abs(d.start - trig.start) <= 110 or abs(d.end - trig.end) <= 110]
        mine = [d for d in near if self._nearest_trigger(d) == trig.start]
        near = mine or near
        if not near:
            same = [e for e in self.ctx.events if e.char_start == sent.start and e.date_start and not e.date_inferred
                    and e.trigger_start < trig.start]
            if same and status == same[-1].status:  # "tiếp ông X ... sang thăm": the clause's date
                return same[-1].date_start, same[-1].date_end, False
            if self.ctx.context_date and not self._past_marked(sent, trig):
                return self.ctx.context_date, self.ctx.context_date, True
            return None, None, False
        d = min(near, key=lambda x: abs(x.start - trig.start) + (25 if x.start < trig.start else 0))
        start, end = d.date_start, d.date_end
        if d.weekday is not None and self.ctx.reference is not None and status == "planned":
            day = resolve_weekday(d.weekday, self.ctx.reference, future=True)
            start = end = _date_of(day)
        if event_type == "visit" and start == end and len(start) == 10:
            if re.search(r"conclud\w*|kết thúc|wrapp\w* up|ending", sent.text):
                for ds, de, days in find_durations(sent.text, self.lang):
                    if days > 1 and 0 <= trig.start - (sent.start + de) <= 30:
                        start = shift_days(end, -(days - 1))
                        break
        return start, end, False

    def _nearest_trigger(self, d: DateMention) -> int | None:
        """Start of the sentence's trigger closest to a date (a date belongs to one event)."""
        starts = getattr(self, "_sentence_triggers", [])
        if not starts:
            return None
        return min(starts, key=lambda t: min(abs(d.start - t[1]), abs(t[0] - d.end)))[0]

    def _past_marked(self, sent: Sentence, trig: Trigger) -> bool:
        around = self.ctx.text[max(sent.start, trig.start - 40):min(sent.end, trig.end + 40)]
        return bool(re.search(r"\b(?:previous|previously|last|earlier|former|past|recent|trước đây|trước đó|"
                              r"lần trước|từng|đã từng)\b", around, re.I))

    def _update_context_date(self, dates: list[DateMention]) -> None:
        ref = self.ctx.reference
        for d in dates:
            if len(d.date_start) != 10 or d.date_start != d.date_end:
                continue  # only a single stated day dates what follows; a range's first day would not
            if ref is not None and abs((dt.date.fromisoformat(d.date_start) - ref).days) > 40:
                continue
            self.ctx.context_date = d.date_start
            return

    def _status(self, sent: Sentence, trig_start: int) -> str:
        lo = max(sent.start, trig_start - 60)
        if getattr(self, "_clause_start", None) is not None and sent.start <= self._clause_start < lo:
            lo = self._clause_start  # "X will hold talks with A and call on B": B's call is planned too
        before = self.ctx.text[lo:trig_start]
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

    def _mentions_between(self, start: int, end: int, modifiers: bool = False) -> list[PersonMention]:
        """People mentioned in [start, end), first mention of each; without those named only as
        modifiers unless asked."""
        seen, out = set(), []
        for m in self.ctx.actors.mentions_in(start, end):
            if id(m.person) not in seen and (modifiers or not self._is_modifier(m)):
                seen.add(id(m.person))
                out.append(m)
        return out

    def _is_modifier(self, m: PersonMention) -> bool:
        """A person named only as a modifier: "Đặc phái viên của Tổng Bí thư Tô Lâm", "envoy of
        President X", "delegation led by X", "greetings from X". Titles, countries and capitalised
        words may stand between the cue and the name, nothing else."""
        text = self.ctx.text
        window = text[max(0, m.start - 100):m.start]
        cue = None
        for c in _MODIFIER_CUE[self.lang].finditer(window):
            cue = c
        if cue is None:
            return False
        gap_start = m.start - len(window) + cue.end()
        if any(gap_start <= x.start and x.end <= m.start and x.person is not m.person
               for x in self.ctx.actors.mentions):
            return False  # "lời mời của A, B thăm ...": the cue belongs to A, not to B
        gap = text[gap_start:m.start]
        for t in self.ctx.actors.titles:
            if gap_start <= t[0] and t[1] <= m.start:
                gap = gap.replace(t[2], " ")
        for c in self.ctx.actors.countries_in(gap_start, m.start):
            gap = gap.replace(c.text, " ")
        rest = [w for w in re.split(r"[\s,]+", gap) if w]
        return all(w[:1].isupper() or w in ("nước", "the", "of", "và", "and") for w in rest)

    def _subject(self, sent: Sentence, seg_start: int, trig: Trigger, prev_agents: list[PersonMention],
                 prev_objects: list[PersonMention] = ()) -> list[PersonMention]:
        """The acting people: those in the clause before the trigger (not the previous verb's
        objects), else the previous verb's subject, else a pronoun/bare-title subject resolved to
        the article's protagonist."""
        taken = {id(m.person) for m in prev_objects}
        before = [m for m in self._mentions_between(seg_start, trig.start) if id(m.person) not in taken]
        if prev_agents:  # a name only NER vouches for ("Hội nghị Cấp cao") does not displace the known subject
            before = [m for m in before if m.kind != "ner"]
        before = [m for m in before
                  if not re.search(r"(?:invitation of|lời mời của)\s*(?:\S+\s+){0,10}$",
                                   self.ctx.text[max(seg_start, m.start - 90):m.start])]
        if before:
            # the nearest, with anyone coordinated to it by "and"/"và"/","
            group = [before[-1]]
            for m in reversed(before[:-1]):
                gap = self.ctx.text[m.end:group[0].start]
                if len(gap) <= 70 and re.search(r"\b(?:and|và|cùng)\b|,", gap) \
                        and not re.search(r"\b(?:with|với|while|trong khi)\b|[;:]", gap):
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
        if ctx.reference is not None and ctx.context_date is None:
            ctx.context_date = ctx.reference.isoformat()
        for sent in ctx.sentences:
            triggers = [Trigger(t.start + sent.start, t.end + sent.start, t.type, t.subtype, t.text)
                        for t in find_triggers(sent.text, self.lang)]
            dates = self._usable_dates(sent, self._dates(sent)) if triggers else []
            self._sentence_triggers = [(t.start, t.end) for t in triggers]
            prev_agents: list[PersonMention] = []
            prev_objects: list[PersonMention] = []
            seg_start = sent.start
            self._clause_start = sent.start
            for i, trig in enumerate(triggers):
                nxt = triggers[i + 1].start if i + 1 < len(triggers) else sent.end
                if i and [m for m in self._mentions_between(seg_start, trig.start)
                          if m.kind != "ner" and all(m.person is not o.person for o in prev_objects)]:
                    self._clause_start = seg_start  # a new subject opens a new clause
                if trig.type == "meeting":
                    agents, objects = self._meeting(sent, trig, seg_start, nxt, dates, prev_agents, prev_objects)
                elif trig.type == "visit":
                    agents, objects = self._visit(sent, trig, seg_start, nxt, dates, prev_agents, prev_objects)
                else:
                    agents, objects = self._agreement(sent, trig, seg_start, nxt, dates, prev_agents), []
                if agents:
                    prev_agents = agents
                prev_objects = list(prev_objects) + list(objects)
                seg_start = trig.end
            if triggers:
                self._update_context_date(dates)
            else:
                self._update_context_date(self._usable_dates(sent, self._dates(sent))
                                          if _HAS_DIGIT.search(sent.text) else [])
        self.finish_lists()
        return ctx.events

    def _emit(self, sent: Sentence, trig: Trigger, type_: str, subtype: str, status: str,
              participants: list[Participant], countries: set[str], date: tuple,
              location: tuple[str | None, str | None], title: str | None = None, confidence: float = 0.6) -> Event:
        ev = Event(doc_id=self.ctx.doc_id, lang=self.lang, type=type_, subtype=subtype, status=status,
                   trigger=trig.text, evidence=sent.text, char_start=sent.start, char_end=sent.end,
                   date_start=date[0], date_end=date[1] or date[0], location_name=location[0],
                   location_country=location[1], countries=sorted(c for c in countries if c),
                   participants=participants, title=title, confidence=confidence, trigger_start=trig.start,
                   date_inferred=bool(date[2]) if len(date) > 2 else False)
        self.ctx.events.append(ev)
        return ev

    # meetings ------------------------------------------------------------
    def _meeting(self, sent, trig, seg_start, nxt, dates, prev_agents, prev_objects):
        text = self.ctx.text
        if self._is_intention(sent, trig):
            return [], []
        nominal = bool(_NOMINAL_BEFORE[self.lang].search(text[max(sent.start, trig.start - 25):trig.start]))
        if nominal and any(e.type == "meeting" for e in self.ctx.events):
            return [], []  # "At the talks, ...": a meeting the article has already reported
        if nominal:
            everyone = self._mentions_between(sent.start, sent.end)
            if len({id(m.person) for m in everyone}) >= 2:
                status = self._status(sent, trig.start)
                parts = [self._participant(m, "participant") for m in everyone]
                countries = {m.person.country for m in everyone} - {None}
                ev = self._emit(sent, trig, "meeting", trig.subtype, status, _dedupe(parts), countries,
                                self._pick_date(sent, trig, dates, status, "meeting"), self._location(sent))
                self.ctx.last_meeting = ev
            return [], []  # the people of a nominal mention are nobody's subject or object
        agents = self._subject(sent, seg_start, trig, prev_agents, prev_objects)
        objects = self._objects(trig, nxt, agents)
        agents, objects = self._from_parse(sent, trig, agents, objects)
        if not agents and len(objects) >= 2:
            agents, objects = objects[:1], objects[1:]
        if not agents:
            return [], objects
        status = self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "meeting")
        units = self._object_units(sent, trig, nxt, objects)
        if not units and len(agents) >= 2 and trig.subtype in ("talks", "meeting", "phone_call", "virtual"):
            # "Lâm and Aliyev held talks", "Putin and Trump will meet": the agents meet each other
            units = [(agents[1:], set())]
            agents = agents[:1]
        if not units:
            return agents, objects
        location = self._location(sent)
        for agent in agents:
            for unit_people, unit_countries in units:
                parts = [self._participant(agent, "participant")]
                parts += [self._participant(m, "participant") for m in unit_people]
                countries = {agent.person.country} | {m.person.country for m in unit_people} | unit_countries
                countries.discard(None)
                if not unit_people and not unit_countries:
                    extra = self._other_country({agent.person.country})
                    if extra:
                        countries.add(extra)
                if len(countries) < 2 and unit_people and all(m.person.country is None for m in unit_people):
                    extra = self._other_country({agent.person.country})
                    if extra:
                        countries.add(extra)
                if len(countries) < 2:
                    continue  # a domestic meeting (a leader with his own ambassador or community) is not diplomacy
                ev = self._emit(sent, trig, "meeting", trig.subtype, status, _dedupe(parts), countries, date,
                                location)
                if len(parts) >= 2:
                    self.ctx.last_meeting = ev
        return agents, objects

    def _from_parse(self, sent: Sentence, trig: Trigger, agents: list[PersonMention],
                    objects: list[PersonMention]) -> tuple[list[PersonMention], list[PersonMention]]:
        """Where the backend parsed the sentence (stanza), the trigger's subject and object
        phrases decide who acts and who is met; the positional guesses stand where the parse
        names nobody."""
        if not sent.tokens:
            return agents, objects
        subj_spans, obj_spans = verb_arguments(sent.tokens, trig.start, trig.end, heads_only=True)
        people = self._mentions_between(sent.start, sent.end)
        inside = lambda spans: [m for m in people if any(m.start < e and s < m.end for s, e in spans)]
        parsed_agents, parsed_objects = inside(subj_spans), inside(obj_spans)
        if parsed_agents:
            agents = parsed_agents
            objects = [m for m in objects if all(m.person is not a.person for a in agents)]
        if parsed_objects:
            objects = [m for m in parsed_objects if all(m.person is not a.person for a in agents)]
        return agents, objects

    def _objects(self, trig: Trigger, nxt: int, agents: list[PersonMention]) -> list[PersonMention]:
        """People met: the first within reach of the trigger, then those listed after it
        (separated by commas, semicolons, 'and'/'và'); stop at a clause that reports speech."""
        text = self.ctx.text
        agent_ids = {id(a.person) for a in agents}
        cands = [m for m in self._mentions_between(trig.end, nxt) if id(m.person) not in agent_ids]
        out: list[PersonMention] = []
        last_end = trig.end
        for m in cands:
            gap = text[last_end:m.start]
            if not out:
                if len(gap) > 130 or _OBJECT_STOP.search(gap):
                    break
            elif len(gap) > 130 or _OBJECT_STOP.search(gap) or not re.search(r"[,;]|\b(?:and|và|as well as|cùng)\b", gap):
                break
            out.append(m)
            last_end = m.end
        return out

    def _object_units(self, sent, trig, nxt, objects: list[PersonMention]) -> list[tuple[list[PersonMention], set[str]]]:
        """Who is met: each named person is a separate meeting; so is each ambassador's country in
        'the new ambassadors of A, B and C'; an unnamed counterpart ('the Speaker of ...') or a group
        ('representatives of companies') is one meeting with nobody named."""
        text = self.ctx.text
        span = text[trig.end:nxt]
        if objects:
            return [([m], set()) for m in objects]
        if re.search(r"ambassadors?|Đại sứ", span[:120]):
            cs = self.ctx.actors.countries_in(trig.end, nxt)
            iso = list(dict.fromkeys(c.iso3 for c in cs))
            if iso:
                return [([], {c}) for c in iso]
        bare_titles = [t for t in self.ctx.actors.titles if trig.end <= t[0] < nxt
                       and t[0] not in self.ctx.actors.used_titles and t[0] - trig.end < 160]
        if bare_titles:
            units = []
            for t in bare_titles:
                after_end = min(nxt, t[1] + 80)
                cs = [c.iso3 for c in self.ctx.actors.countries_in(t[1], after_end)]
                units.append(([], set(cs[:1])))
            return units
        group = re.match(r"\s*(?:with\s+|for\s+|between\s+|với\s+)?(?:the\s+|các\s+)?(?:representatives|đại diện|leaders|"
                         r"lãnh đạo|delegation|đoàn|officials|executives|corporations|businesses|doanh nghiệp|"
                         r"former|CEOs|\w+\s+(?:corporations|companies|businesses|firms))", span)
        between = re.match(r"\s*(?:between|giữa)\b", span)
        if group or between:
            cs = [c.iso3 for c in self.ctx.actors.countries_in(trig.end, nxt)]
            return [([], set(cs[-1:] if between else cs[:1]))]
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
    def _destinations(self, sent: Sentence, start: int, visitor_country: str | None,
                      reach: int = 70) -> list[tuple[str, str, str]]:
        """Countries or places the visit goes to, right after ``start``: 'to China', 'thăm Ấn Độ và
        Campuchia', 'visiting Beijing', 'to the Central Asian nation' (an earlier country)."""
        text = self.ctx.text
        window_end = min(sent.end, start + reach)
        found: list[tuple[int, int, str, str, str]] = []
        for c in self.ctx.actors.countries_in(start, window_end):
            found.append((c.start, c.end, c.text, c.iso3, c.kind))
        for p in self.ctx.actors.places_in(start, window_end):
            found.append((p.start, p.end, p.text, p.iso3, "place"))
        found.sort()
        out: list[tuple[str, str, str]] = []
        last = start
        for s, e, name, iso, kind in found:
            gap = text[last:s]
            if iso == visitor_country:
                if not out and kind != "demonym" and len(gap) <= 6 and s - start <= 6:
                    out.append((name, iso, kind))  # "visit to Vietnam": the visitor guess is wrong, not this
                    break
                if out or kind == "place":
                    break
                last = e
                continue
            if kind == "demonym" and not out:
                continue
            limit = 28 if not out else 12
            if len(gap) > limit or re.search(r"[.;]|\bby\b|\bof\b|\bcủa\b|\bvới\b|\bwith\b|\bfor\b", gap):
                break
            if out and not re.search(r"\b(?:and|và)\b|,", gap):
                break
            if out and (kind == "place" and out[-1][1] == iso):
                last = e
                continue
            if kind == "place" and out and out[-1][1] == iso:
                continue
            out.append((name, iso, kind))
            last = e
            if kind == "place":
                # "visiting Beijing", "Hangzhou, China": a city names its country
                nxt_country = [c for c in self.ctx.actors.countries_in(e, e + 12) if c.iso3 == iso]
                if nxt_country:
                    last = nxt_country[0].end
        if out:
            return out
        if _ANAPHORIC_COUNTRY[self.lang].search(text[start:window_end]):
            prior = [c.iso3 for c in self.ctx.actors.countries if c.end <= start and c.iso3 != visitor_country]
            if prior:
                if self.ctx.dateline_country in prior:
                    iso = self.ctx.dateline_country
                else:
                    iso = max(set(prior), key=lambda x: (prior.count(x), prior[::-1].index(x) * -1))
                return [(self._country_name(iso), iso, "anaphor")]
        return []

    def _venue_destinations(self, sent: Sentence, trig: Trigger, visitor_country: str | None,
                            reach: int) -> list[tuple[str, str, str]]:
        """The place after 'tại/ở/in/at' following an attend trigger, when it is abroad."""
        text = self.ctx.text
        end = min(sent.end, trig.end + reach)
        found = sorted([(p.start, p.text, p.iso3, "place") for p in self.ctx.actors.places_in(trig.end, end)] +
                       [(c.start, c.text, c.iso3, c.kind) for c in self.ctx.actors.countries_in(trig.end, end)
                        if c.kind != "demonym"])
        for start, name, iso, kind in found:
            if re.search(r"(?:\btại|\bở|\bin|\bat)\s+(?:the\s+|thủ đô\s+|[Tt]hành phố\s+|capital\s+)?$",
                         text[max(trig.end, start - 20):start]) and iso != visitor_country:
                return [(name, iso, kind)]
        return []

    def _country_name(self, iso3: str) -> str:
        return CountryGazetteer.load().name(iso3, self.lang)

    def _visitor(self, sent, trig, seg_start, nxt, prev_agents, prev_objects) -> tuple[list[PersonMention], int]:
        """Who travels, and where the destination phrase starts (after the visitor when the
        visitor is named after the trigger: 'chuyến thăm của X tới Y', 'visit to China by X')."""
        text = self.ctx.text
        in_sentence = self._mentions_between(sent.start, sent.end)
        head = text[max(sent.start, trig.start - 50):trig.start]
        if re.search(r"(?:’s|'s)\s+(?:[\w-]+\s+){0,4}$", head):
            owner = [m for m in in_sentence if m.end <= trig.start and trig.start - m.end <= 50]
            if owner:
                return [owner[-1]], trig.end
        if re.search(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,4}$", head, re.I):
            subj = prev_agents or [m for m in in_sentence if m.start < trig.start][:1]
            if subj:
                return list(subj), trig.end
        adjacent = [m for m in in_sentence if m.end <= trig.start and trig.start - m.end <= 20
                    and all(m.person is not o.person for o in prev_objects)
                    and re.fullmatch(r"[\s,]*(?:đang|đã|vừa|sẽ|who is|who was|on an?|during an?)?[\s,]*",
                                     text[m.end:trig.start])]
        if adjacent:
            return [adjacent[-1]], trig.end
        if trig.text.lower() == "visiting":
            after = [m for m in in_sentence if trig.end <= m.start <= trig.end + 45]
            if after:
                return [after[0]], after[0].end
        tail = text[trig.end:nxt]
        m = re.match(r"[^.;]{0,60}?\b(?:của|by)\s+", tail)
        if m and re.search(r"(?:mời|invit\w*|host\w*|welcom\w*|greet\w*|chair\w*|organi[sz]\w*|chủ trì)\s+"
                           r"(?:\S+\s+)?(?:của|by)\s+$", m.group(0), re.I):
            m = None  # "theo lời mời của X", "hosted by X": X is the host, not the visitor
        if m:
            after = [x for x in self._mentions_between(trig.end, sent.end, modifiers=True) if trig.end + m.end() - 1 <= x.start <= trig.end + m.end() + 60]
            if after:
                return [after[0]], after[0].end
        if prev_objects and re.search(r"(?:sang|đến|tới) thăm|visiting|to visit", trig.text, re.I) \
                and self._received_before(sent, trig) and \
                not [m for m in self._mentions_between(seg_start, trig.start)
                     if all(m.person is not o.person for o in prev_objects)]:
            return [prev_objects[-1]], trig.end  # "tiếp ông X - ... - sang thăm": X came to visit
        subj = self._subject(sent, seg_start, trig, prev_agents, prev_objects)
        if not subj and self.ctx.last_visitor is not None:
            subj = [PersonMention(sent.start, sent.start, "", self.ctx.last_visitor, "pronoun")]
        return subj, trig.end

    def _received_before(self, sent: Sentence, trig: Trigger) -> bool:
        """A reception or courtesy call earlier in the same sentence."""
        return any(e.type == "meeting" and e.subtype == "reception"
                   and e.char_start == sent.start and e.trigger_start < trig.start for e in self.ctx.events)

    def _visit(self, sent, trig, seg_start, nxt, dates, prev_agents, prev_objects):
        text = self.ctx.text
        if self._is_intention(sent, trig):
            return [], []
        if re.match(r"\s*(?:the\s+)?(?:Embassy|Đại sứ quán|Quan Su|Pagoda|chùa|đền|Lăng|mausoleum)", text[trig.end:trig.end + 30], re.I):
            return [], []
        in_sentence = self._mentions_between(sent.start, sent.end)
        visitor, dest_from = self._visitor(sent, trig, seg_start, nxt, prev_agents, prev_objects)
        visitor_country = visitor[0].person.country if visitor else None
        reach = 150 if trig.subtype == "other" and re.match(r"(?:tham dự|attend)", trig.text, re.I) else 70
        if reach > 70:  # "tham dự X tại Jakarta", "attend X in Johannesburg": where the event is held
            dests = self._venue_destinations(sent, trig, visitor_country, reach)
        else:
            dests = self._destinations(sent, trig.end, visitor_country, reach)
        if not dests and dest_from != trig.end:  # "chuyến thăm của X tới Y": after the visitor
            dests = self._destinations(sent, dest_from, visitor_country, reach)
        if not dests and re.match(r"(?:tham dự|attend)", trig.text, re.I):
            return visitor, []  # attending something at home is not a trip
        if not dests and visitor and any(e.type == "visit" and not e.date_start or
                                         e.type == "visit" and len(e.date_start or "") == 10
                                         for e in self.ctx.events):
            return visitor, []  # "the visit" again: a repeat mention of a visit already reported
        if not dests and visitor:
            # "sang thăm và chúc mừng" / "welcomed Premier Li on his first visit": the receiving
            # side's country, else the dateline's
            others = [m for m in in_sentence if m.person.country and m.person.country != visitor_country
                      and m.person not in [v.person for v in visitor]]
            if others and _RECEIVE_CUE[self.lang].search(sent.text):
                c = others[0].person.country
                dests = [(self._country_name(c), c, "receiver")]
            elif self.ctx.dateline_country and self.ctx.dateline_country != visitor_country:
                dests = [(self._country_name(self.ctx.dateline_country), self.ctx.dateline_country, "dateline")]
        if not dests or not visitor:
            return visitor, []
        status = self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "visit")
        for dest_name, dest_iso, _ in dests:
            visitors = [v for v in visitor if v.person.country != dest_iso]
            if not visitors:
                # the guessed subject is from the destination ("X welcomed Premier Li on his visit
                # to Vietnam"): the visitor is the nearest foreign person before the trigger
                others = [m for m in in_sentence if m.person.country and m.person.country != dest_iso]
                if not others:
                    continue
                before = [m for m in others if m.end <= trig.start]
                visitors = [before[-1] if before else others[0]]
            parts = [self._participant(v, "visitor") for v in visitors]
            for m in in_sentence:  # named spouses travelling with the visitor
                if m.person in [v.person for v in visitors] or m.start < visitors[-1].end:
                    continue
                gap = text[visitors[-1].end:m.start]
                if len(gap) < 40 and re.search(r"spouse|wife|husband|phu nhân", gap):
                    parts.append(self._participant(m, "visitor"))
            if _HOST_CUE[self.lang].search(sent.text):
                for m in self._mentions_between(sent.start, sent.end, modifiers=True):  # "at the invitation of X"
                    if m.person.country == dest_iso and m.person not in [v.person for v in visitors]:
                        parts.append(self._participant(m, "host"))
                        break
            countries = {dest_iso} | {p.country for p in parts if p.role == "visitor"}
            self._emit(sent, trig, "visit", trig.subtype, status, _dedupe(parts), countries, date,
                       (dest_name, dest_iso))
            if status == "occurred" and len(dests) == 1:
                self.ctx.last_visitor = visitors[0].person
        return visitor, []

    # agreements ------------------------------------------------------------
    def _agreement(self, sent, trig, seg_start, nxt, dates, prev_agents):
        text = self.ctx.text
        before = text[sent.start:trig.start]
        if re.match(r"[Ll]ễ ký|signing ceremony", trig.text) and _NOMINAL_BEFORE[self.lang].search(
                text[max(sent.start, trig.start - 25):trig.start]) and any(e.type == "agreement" for e in self.ctx.events):
            return []  # "Sau Lễ ký kết, ...": the signing already reported
        if text[max(sent.start, trig.start - 2):trig.start].endswith("(") or re.match(
                r"\s+(?:include|includes|included|are as follows|gồm|bao gồm)\b", text[trig.end:trig.end + 25]):
            return []  # "memorandum of cooperation (MoU)": the same document; "documents include": a list follows
        listed = False
        if trig.subtype != "partnership_upgrade":
            prior_agreement = any(e.type == "agreement" for e in self.ctx.events)
            listed = prior_agreement and (
                (_LIST_ITEM.match(sent.text) and trig.start - sent.start <= 12)
                or bool(_CONTINUED_LIST[self.lang].match(sent.text)) or self._after_list_opener(trig))
            if not _AGREEMENT_CUE[self.lang].search(sent.text) and not listed:
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
        people: list[PersonMention | Person] = [m for m in in_sentence if m.kind != "title"] or \
            ([] if _TWO_LEADERS[self.lang].search(sent.text) else list(in_sentence))
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
        titles = [title]
        count = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$", text[max(sent.start, trig.start - 8):trig.start], re.I)
        if count:  # "three protocols on A, B, and C": up to the end of the list item
            item = re.match(r"[^;\n]+?(?=;|\n|, (?:signed|adopted|exchanged|concluded|reached|which)\b|$)",
                            text[trig.start:sent.end])
            titles = self._split_counted_list(f"{count.group(1)} {item.group(0).rstrip('. ')}") if item else titles
            if len(titles) == 1:
                titles = [title]
        for t in titles:
            ev = self._emit(sent, trig, "agreement", trig.subtype, status, _dedupe(parts), set(countries), date, loc,
                            title=t)
            ev.listed = bool(listed)
        return []

    def _after_list_opener(self, trig: Trigger) -> bool:
        """A document named after 'The documents include', 'as follows:', 'gồm', in the same or the
        previous sentence: an item of a list of signed documents."""
        text = self.ctx.text
        return bool(re.search(r"(?:include|includes|included|as follows|gồm|bao gồm)\b[^.]{0,400}$",
                              text[max(0, trig.start - 420):trig.start]))

    @staticmethod
    def _split_counted_list(title: str) -> list[str]:
        """'three protocols on A, B, and C' names three documents: 'protocol on A', 'protocol on B', ..."""
        m = _COUNTED_DOCS.match(title)
        if not m:
            return [title]
        n = _NUMBER_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?", m.group(3)) if x.strip()]
        if n < 2 or len(items) != n:
            return [title]
        noun = m.group(2)
        singular = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
        return [f"{singular} on {item}" for item in items]

    def finish_lists(self) -> None:
        """When the documents signed are listed one by one, each is an event and the unnamed
        umbrella ('14 cooperation documents') is not; the items take its witnesses, date and place."""
        events = self.ctx.events
        for umbrella in [e for e in events if e.type == "agreement" and not getattr(e, "listed", False)
                         and _GENERIC_DOCS.search(e.title or e.trigger)]:
            items = [e for e in events if getattr(e, "listed", False) and e.trigger_start > umbrella.trigger_start]
            if not items:
                continue
            for e in items:
                if not e.participants:
                    e.participants = [Participant(p.name, p.mention, p.role, p.title, p.country)
                                      for p in umbrella.participants]
                    e.countries = sorted(set(e.countries) | set(umbrella.countries)) if len(e.countries) < 2 \
                        else e.countries
                if (not e.date_start or e.date_inferred) and umbrella.date_start:
                    e.date_start, e.date_end, e.date_inferred = umbrella.date_start, umbrella.date_end, \
                        umbrella.date_inferred
                if not e.location_country and umbrella.location_country:
                    e.location_name, e.location_country = umbrella.location_name, umbrella.location_country
            events.remove(umbrella)

    def _doc_title(self, sent: Sentence, trig: Trigger) -> str | None:
        """The document's name as written: from the trigger to the end of its noun phrase."""
        text = self.ctx.text
        if trig.subtype == "partnership_upgrade":
            m = re.match(r"\s*(?:a |the |an |thành |mức |khuôn khổ )?(?:quan hệ )?([^,.;]{3,60}?)"
                         r"(?=[,.;]| between| giữa| vì| nhằm| for| with| in | năm \d| vào|$)",
                         text[trig.end:sent.end])
            return m.group(1).strip() if m else None
        m = _TITLE_END.search(text, trig.end, sent.end)
        title = text[trig.start:m.start() if m else sent.end].strip().rstrip(",;:.")
        return title[:300] or trig.text


# where a document's name ends: the next list item or clause, a date, the occasion, a participle
_TITLE_END = re.compile(
    r";|\.\s|\.$|\n| and (?:a|an) | và (?!Đào tạo)|, (?:which|thể hiện|contributing)|"
    r",? (?:on|during|at|in the presence of) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"the sidelines|his|her|their|[A-Z][a-z]+ \d)|, (?:during|at|in) |, (?!and\b)(?=[a-z])|"
    r" (?:vào|trong|tại) (?:ngày|sáng|chiều|tối|dịp|khuôn khổ|lễ|Lễ)")


_MODIFIER_CUE = {
    "en": re.compile(r"\b(?:envoy of|on behalf of|greetings from|regards from|led by|headed by|letter from|"
                     r"message from|invitation of)\s+"),
    "vi": re.compile(r"(?:\bcủa|thay mặt|do|dẫn đầu bởi|lời mời của|chuyển lời[^,.;]{0,40}?)\s+"),
}
_OBJECT_STOP = re.compile(r"\b(?:said|says|quoted|according|as saying|told|theo|cho biết|to discuss|in order to|"
                          r"who|which|while|trong khi|khi|after|before|sau khi|trước khi)\b")
_NOMINAL_BEFORE = {
    "en": re.compile(r"\b(?:at|during|after|following|before|in)\s+(?:the|their|these|this|that)\s+"
                     r"(?:bilateral\s+)?$", re.I),
    "vi": re.compile(r"(?:[Tt]ại|[Tt]rong|[Ss]au|[Tt]rước|[Qq]ua|[Kk]ết thúc)\s+(?:cuộc|buổi)?\s*$"),
}
_CONTINUED_LIST = {
    "en": re.compile(r"\s*(?:There (?:are|is|were|was) also|(?:It|They) also include|Also (?:signed|included)|"
                     r"Other documents)\b"),
    "vi": re.compile(r"\s*(?:Ngoài ra,? (?:còn )?(?:có)?|Các văn kiện khác)"),
}
_GENERIC_DOCS = re.compile(r"^(?:\d+\s+|several\s+|a number of\s+|important\s+|các\s+)?(?:cooperation\s+)?"
                           r"(?:documents|deals|agreements|văn kiện)\b", re.I)
_COUNTED_DOCS = re.compile(r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(protocols|agreements|MoUs|"
                           r"memorandums of understanding|letters of intent)\s+on\s+(.+)$", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_LIST_ITEM = re.compile(r"\s*(?:[-–•+*]|\d+[.)])\s+")  # "- A MoU on ...": an item of a list of documents
_RECEIVE_CUE = {
    "en": re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|greeted|invitation of)\b", re.I),
    "vi": re.compile(r"(?:\btiếp\b|đón|hoan nghênh|chào mừng|lời mời)"),
}
_HAS_DIGIT = re.compile(r"\d|hôm nay|chiều nay|sáng nay|tối nay|today|yesterday")
_PRONOUN_HEAD = re.compile(r"^\s*(?:He|She|The (?:Party chief|Vietnamese|host|guest)|Ông|Bà|During|Trong)\b")


def _dedupe(parts: list[Participant]) -> list[Participant]:
    seen: dict[str, Participant] = {}
    for p in parts:
        key = p.name.lower()
        if key not in seen:
            seen[key] = p
    return list(seen.values())
