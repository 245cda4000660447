"""Meeting frames: who meets whom. Each named counterpart is a separate meeting; an ambassador's
country, an unnamed counterpart or a group is one meeting with only the named side.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import AbstractSet, NamedTuple

from pipeline import lexicon
from pipeline.doc import Event, Sentence
from pipeline.lang import joined, profiles, word_set
from pipeline.stages.actors import PersonMention, after_capacity_word
from pipeline.stages.deprel import verb_arguments
from pipeline.stages.frame_base import Trigger, dedupe, visitor_names
from pipeline.stages.frame_cues import OBJECT_STOP
from pipeline.stages.frame_host import FrameHost

# one meeting's other side: the people met, the states of those nobody names, and who an unnamed
# counterpart is (a title's or a group's words; None when people are named)
Unit = tuple[list[PersonMention], set[str], str | None]


class VisitIndex(NamedTuple):
    """The visits among an article's first ``seen`` events, by visitor name; ``last`` is the last of
    those events, so a removal (the list no longer holds it there) is noticed and the index rebuilt."""

    seen: int
    last: Event | None
    by_visitor: dict[str, list[Event]]


def _new_predicate_after_semicolon(gap: str) -> bool:
    """"A; dự lễ đón ... cùng B": a clause after a semicolon that starts with a lower-case word
    (not 'and'/'và') is a new predicate, so the list of people met has ended."""
    m = re.search(r";\s*(\w+)", gap)
    return m is not None and m.group(1)[:1].islower() and m.group(1) not in _LIST_CONTINUERS


# 'and'/'và', and the honorifics that open the next person ("; ông B, ...")
_LIST_CONTINUERS = word_set("list_continuers") | frozenset(
    h.split()[0] for p in profiles() for h in lexicon.honorifics(p.code))
# between an office and its holder's name: "Smt.", ", ông", "H.E."
_HONORIFIC_GAP = re.compile(r"[\s,]*(?:(?:%s)[\s,]*)+" % "|".join(
    re.escape(h) for h in sorted({h for p in profiles() for h in lexicon.honorifics(p.code)}, key=len, reverse=True)))
# a title that names a place: "tại Phủ Chủ tịch" (the Presidential Palace), "at the Prime Minister's Office"
_PLACE_BEFORE_TITLE = re.compile(rf"(?:{joined('palace_before_title')}|{joined('at_place')})\s+"
                                 rf"(?:(?:{joined('article')})\s+)?$")
# the envoys of a list of countries, named by their countries only
_ENVOYS = re.compile(joined("envoys_of"), re.I)
_CREDENTIALS = re.compile(joined("credentials"), re.I)  # credentials: the envoy lives there
_OFFICIAL_WELCOME = re.compile(joined("official_welcome"))  # talks after an official welcome: an official visit
_OF_AFTER = re.compile(rf"\s*(?:{joined('of_words', 'names')})\s+")  # "cuộc gặp của X", "the meeting of X"
_WITH_AFTER = re.compile(rf"[^.;]{{0,40}}?\b(?:{joined('with_words')})\b")
_LIST_GOES_ON = re.compile(rf"[,;]|\b(?:{joined('and_also')})\b")
# "the new ambassadors of A, B and C", "the leaders of A, B and C": one meeting per country
_PAIR_SUBJECT = re.compile(rf"\b(?:{joined('pair_subject')})\b", re.I)
_MANY_COUNTRIES = re.compile(joined("many_countries_people"), re.I)
# a group met, not a person: "with representatives of", "các doanh nghiệp"
_GROUP_MET = re.compile(rf"\s*(?:{joined('group_lead')})?(?:{joined('group_determiners')})?"
                        rf"(?:{joined('group_heads')})", re.I)  # "tiếp Đoàn": the delegation, capitalised
# "A, B and five senior senators": after the people met, a group met besides them
_AND_GROUP = re.compile(rf"\s*,?\s*(?:{joined('and_also')})\s+(?:{joined('group_after_names')})", re.I)
_WITH_AFTER_LIST = re.compile(rf"\b(?:{joined('with_after_list')})\s+")
_MANY_COUNTRIES_AFTER = re.compile(rf"(?:{joined('many_countries')})", re.I)  # "leaders of other countries"
_ITEM_SPLIT = re.compile(rf",\s+(?:(?:{joined('and_also')})\s+)?|\s+(?:{joined('and_also')})\s+")  # ", ", " and "
_ARTICLES = {re.sub(r"\\s\+", "", w).strip().lower() for w in joined("articles_before_noun").split("|")} - {""}
_WELCOME = re.compile(rf"(?:{joined('welcome_verbs')})", re.I)  # "welcomed X": the agent receives
_BETWEEN = re.compile(rf"\s*(?:{joined('between')})\b")
# a name right before a verb of saying is who reports the meeting ("..., his spokesperson X told the press")
_SPEAKER_AFTER = re.compile(rf"(?:{joined('speaker_after')})")


class MeetingFrames(FrameHost):
    """Meetings, talks, receptions, calls: part of :class:`pipeline.stages.frames.FrameFiller`."""

    def _meeting(self, sent, trig, seg_start, nxt, dates, prev_agents, prev_objects):
        """The meetings of one trigger; returns its (subject, objects) for the next verb of the clause:
        in "A was received by B and held talks with C", A stays the subject."""
        agents, objects = self._meeting_frame(sent, trig, seg_start, nxt, dates, prev_agents, prev_objects)
        if self.cues.passive_agent.search(trig.text):
            return objects, agents
        return agents, objects

    def _meeting_frame(self, sent, trig, seg_start, nxt, dates, prev_agents, prev_objects):
        text = self.ctx.text
        if self._is_intention(sent, trig):
            return [], []
        nominal = bool(self.cues.nominal_before.search(text[max(sent.start, trig.start - 25):trig.start]))
        if nominal and any(e.type == "meeting" for e in self.ctx.events) \
                and not self._another_meetings_day(sent, trig, dates):
            return [], []  # "At the talks, ...": a meeting the article has already reported
        if nominal:
            everyone = self._mentions_between(sent.start, sent.end)
            if len({id(m.person) for m in everyone}) >= 2:
                status = self._status(sent, trig.start)
                parts = [self._participant(m, "participant") for m in everyone]
                countries = {m.person.country for m in everyone} - {None}
                if not countries:
                    return [], []  # two provinces, people of no known state: no diplomacy
                ev = self._emit(sent, trig, "meeting", trig.subtype, status, dedupe(parts), countries,
                                self._pick_date(sent, trig, dates, status, "meeting"), self._location(sent))
                self.ctx.last_meeting = ev
            return [], []  # the people of a nominal mention are nobody's subject or object
        if trig.subtype == "reception" and self._envoys_received(sent, trig, seg_start, nxt, dates):
            return [], []
        passive = self.cues.passive_agent.search(trig.text) is not None
        if passive:  # "A was received by B": B receives A
            objects = self._subject(sent, seg_start, trig, prev_agents, prev_objects)
            agents = (self._mentions_between(trig.start, trig.end) or self._objects(trig, nxt, objects))[:1]
            if not agents or not objects:
                return agents, objects
        else:
            agents = self._possessor(trig, nxt) or self._subject(sent, seg_start, trig, prev_agents, prev_objects)
            objects = self._objects(trig, nxt, agents)
            agents, objects = self._from_parse(sent, trig, agents, objects)
            if agents and not objects and trig.subtype in ("talks", "meeting"):
                objects = self._with_after_list(sent, trig, agents)
        if not agents and len(objects) >= 2:
            agents, objects = objects[:1], objects[1:]
        if not agents and not objects and trig.subtype != "reception":
            # "Vietnam and Laos held talks", "the leaders of Vietnam and Cambodia met": the states
            # meet, nobody is named
            states = self._subject_states(sent, trig, reach=40) or self._pair_before(sent, trig)
            if len(states) >= 2:
                status = self._status(sent, trig.start)
                self._emit(sent, trig, "meeting", trig.subtype, status, [], states,
                           self._pick_date(sent, trig, dates, status, "meeting"), self._location(sent))
            return [], []
        if not agents:
            return [], objects
        status = self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "meeting")
        units = self._object_units(sent, trig, nxt, objects)
        if not units and len(agents) >= 2 and trig.subtype in ("talks", "meeting", "phone_call", "virtual"):
            # "Lâm and Aliyev held talks", "Putin and Trump will meet": the agents meet each other
            units = [(agents[1:], set(), None)]
            agents = agents[:1]
        if not units and trig.subtype in ("talks", "meeting", "phone_call", "virtual") \
                and not self._many_unnamed_states(trig, nxt):
            # "The Presidents of Uzbekistan and Kyrgyzstan held talks": one title, two states
            states = self._subject_states(sent, trig, reach=40) | {a.person.country for a in agents}
            states.discard(None)
            if len(states) >= 2:
                status = self._status(sent, trig.start)
                named = [self._participant(a, "participant") for a in agents if a.person.named]
                self._emit(sent, trig, "meeting", trig.subtype, status, dedupe(named), states, date,
                           self._location(sent))
                return agents, objects
        if not units:
            return agents, objects
        location = self._location(sent)
        for agent in agents:
            where = self._host_place(trig, agent, location)
            for unit_people, unit_countries, unit_key in units:
                parts = [self._participant(agent, "participant")]
                parts += [self._participant(m, "participant") for m in unit_people]
                countries = {agent.person.country} | {m.person.country for m in unit_people} | unit_countries
                countries.discard(None)
                if not unit_people and not unit_countries:  # "courtesy calls on the president there"
                    extra = self._counterpart_country(location, countries | {agent.person.country}, agent)
                    if extra:
                        countries.add(extra)
                # an official of an international organisation (the UN Secretary-General: listed in the
                # people gazetteer with no state) takes part for no state: the meeting has one country
                for_no_state = bool(unit_people) and all(m.person.known and m.person.country is None
                                                         for m in unit_people) and agent.person.country is not None
                if len(countries) < 2 and unit_people and not for_no_state and (
                        agent.person.country is None or all(m.person.country is None for m in unit_people)):
                    # a person of unknown country is from none of the countries he is visiting
                    # (the prime minister on a tour of London, Tokyo and Washington is none of theirs)
                    away = set().union(*(self._visited_by(m) for m in (agent, *unit_people)
                                         if m.person.country is None))
                    extra = self._counterpart_country(location, countries | {agent.person.country} | away, agent)
                    if extra:
                        countries.add(extra)
                if len(countries) < 2 and not for_no_state:
                    continue  # a domestic meeting (a leader with his own ambassador or community) is not diplomacy
                ev = self._emit(sent, trig, "meeting", trig.subtype, status, dedupe(parts), countries, date,
                                where)
                ev.counterpart = unit_key
                if len(parts) >= 2:
                    self.ctx.last_meeting = ev
                self._implied_visit(sent, trig, agent, unit_people, status, date, location)
        return agents, objects

    def _pair_before(self, sent, trig) -> set[str]:
        """"Prior to the signing, the leaders of both ministries held talks": a subject that names
        the pair without its states ("both", "the two", "hai") is the pair of the event the article
        has just reported, when that event is between exactly two states."""
        head = self.ctx.text[max(sent.start, trig.start - 50):trig.start]
        if not _PAIR_SUBJECT.search(head) or not self.ctx.events:
            return set()
        last = self.ctx.events[-1]
        return set(last.countries) if len(last.countries) == 2 else set()

    def _host_place(self, trig, host: PersonMention, location):
        """A reception with no place of its own is held in the host's country ("X received the
        Lao ambassador"), unless the host is known to be abroad on a visit."""
        if location[1] is not None or trig.subtype != "reception" or host.person.country is None:
            return location
        if self._visited_by(host) - {host.person.country}:
            return location
        return self._country_name(host.person.country), host.person.country

    def _visited_by(self, person: PersonMention) -> set[str | None]:
        """The countries of the visits found so far that list the person as a visitor."""
        name = person.person.canonical
        return {e.location_country for e in self._visits_by(name) if e.type == "visit" and name in visitor_names(e)}

    def _another_meetings_day(self, sent, trig, dates) -> bool:
        """"Previously at the meeting in Bonn on February 17, …": the nominal mention states a day
        no meeting reported so far was on, so it is another meeting, not a look back at one."""
        picked = self._pick_date(sent, trig, dates, "occurred", "meeting")
        if picked.source != "stated" or not picked.start or len(picked.start) != 10:
            return False
        return all(e.date_start != picked.start for e in self.ctx.events if e.type == "meeting")

    def _envoys_received(self, sent, trig, seg_start, nxt, dates) -> bool:
        """"The ambassadors of A, B and C presented their credentials to President X": envoys named
        by their countries only, as the subject; each country's envoy is one reception by the host
        named after the trigger. False when the sentence is not of that shape."""
        head = self.ctx.text[seg_start:trig.start]
        cue = _ENVOYS.search(head)
        if not cue or any(m.person.named for m in self._mentions_between(seg_start, trig.start)):
            return False
        iso = [c.iso3 for c in self.ctx.actors.countries_in(seg_start + cue.end(), trig.start)]
        hosts = [m for m in self._objects(trig, nxt, []) if m.person.country is not None]
        if not iso or not hosts:
            return False
        host = hosts[0]
        assert host.person.country is not None  # hosts are those with a country
        status = self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "meeting")
        # an envoy presents credentials to the head of the state he is accredited to, in that state
        where = self._location(sent, default_country=host.person.country)
        if where[1] is None:
            where = (self._country_name(host.person.country), host.person.country)
        for country in dict.fromkeys(iso):
            if country != host.person.country:
                self._emit(sent, trig, "meeting", trig.subtype, status, [self._participant(host, "participant")],
                           {host.person.country, country}, date, where)
        return True

    def _implied_visit(self, sent, trig, agent, received, status, date, location) -> None:
        """Receiving a foreign guest at home implies the guest's trip ("tiếp Thủ tướng Lào ...",
        "welcomed the Djibouti President to State House"); a courtesy call implies the caller's.
        Resident ambassadors make no trip. The visit joins the article's own report of the trip, if any."""
        subtype, unnamed_ok = "other", False
        if trig.subtype == "reception" or _WELCOME.match(trig.text):  # "A tiếp xã giao B": B calls on A
            guests, host = list(received), agent
        elif trig.subtype == "courtesy_call":
            guests, host = [agent], (received[0] if received else None)
        elif trig.subtype == "talks" and _OFFICIAL_WELCOME.search(self.ctx.text, sent.start, trig.start) \
                and received and location[1] in (None, agent.person.country):
            # "ngay sau lễ đón chính thức, A hội đàm với B": B was welcomed on an official visit to A's
            # country, named or only by office ("Chủ tịch Hạ viện Jordan")
            guests, host, subtype, unnamed_ok = list(received), agent, "official", True
        else:
            return
        if host is None or host.person.country is None or _CREDENTIALS.search(trig.text):
            return  # credentials: the envoy lives there
        if location[1] is not None and location[1] != host.person.country:
            return  # received abroad, at a summit or a third country's capital: no trip to the host's country
        abroad = self._visited_by(host)
        for g in guests:
            if g.person.country in abroad:
                continue  # the host is the one travelling: "during the visit, X received the Deputy PM"
            if not (g.person.named or unnamed_ok) or g.person.country in (None, host.person.country) \
                    or (g.title_key or g.person.title_key or "") in ("ambassador", "special_envoy"):
                continue
            dest = host.person.country
            where = location if location[1] == dest else (self._country_name(dest), dest)
            parts = [self._participant(g, "visitor")] if g.person.named else []
            self._emit(sent, trig, "visit", subtype, status, parts + [self._participant(host, "host")],
                       {dest, g.person.country}, date, where)

    def _possessor(self, trig: Trigger, nxt: int) -> list[PersonMention]:
        """"Cuộc điện đàm của Thủ tướng A với Thủ tướng B", "the call of A with B": the noun's
        possessor is the one who acts, when a 'with' phrase names the other side."""
        m = _OF_AFTER.match(self.ctx.text[trig.end:nxt])
        if not m:
            return []
        after = self._mentions_between(trig.end + m.end(), nxt, modifiers=True)
        if not after or after[0].start - (trig.end + m.end()) > 60:
            return []
        rest = self.ctx.text[after[0].end:nxt]
        return [after[0]] if _WITH_AFTER.match(rest) else []

    def _from_parse(self, sent: Sentence, trig: Trigger, agents: list[PersonMention],
                    objects: list[PersonMention]) -> tuple[list[PersonMention], list[PersonMention]]:
        """Where the backend parsed the sentence (stanza), the trigger's subject and object
        phrases decide who acts and who is met; the positional guesses stand where the parse
        names nobody."""
        if not sent.tokens:
            return agents, objects
        subj_spans, obj_spans = verb_arguments(sent.tokens, trig.start, trig.end, heads_only=True)
        people = self._mentions_between(sent.start, sent.end)
        def inside(spans):
            return [m for m in people if any(m.start < e and s < m.end for s, e in spans)]
        parsed_agents, parsed_objects = inside(subj_spans), inside(obj_spans)
        if parsed_agents:
            agents = parsed_agents
            objects = [m for m in objects if all(m.person is not a.person for a in agents)]
        if parsed_objects:
            objects = [m for m in parsed_objects if all(m.person is not a.person for a in agents)]
        return agents, objects

    def _visits_by(self, name: str) -> list:
        """The visits found so far that list ``name`` as a visitor (and maybe a few more), from an
        index extended as events are added, not a scan of every event per meeting: events are
        complete when added, and an index that sees an event removed is rebuilt."""
        events = self.ctx.events
        seen, last, index = self._visit_index
        if seen > len(events) or (seen and events[seen - 1] is not last):
            seen, index = 0, {}
        for e in events[seen:]:
            if e.type == "visit":
                for visitor in visitor_names(e):
                    index.setdefault(visitor, []).append(e)
        self._visit_index = VisitIndex(len(events), events[-1] if events else None, index)
        return index.get(name, [])

    def _with_after_list(self, sent: Sentence, trig: Trigger, agents: list[PersonMention]) -> list[PersonMention]:
        """"dự lễ đón chính thức, hội đàm, chứng kiến lễ ký, tiệc chiêu đãi cùng Chủ tịch nước X": talks in
        a list of activities, whose counterpart closes the list, after other event words; the list ends at a
        semicolon, and another meeting word before the 'with' would own it."""
        text = self.ctx.text
        end = text.find(";", trig.end, sent.end)
        end = sent.end if end < 0 else end
        agent_ids = {id(a.person) for a in agents}
        for cue in _WITH_AFTER_LIST.finditer(text, trig.end, end):
            if any(trig.end <= start < cue.start() and kind == "meeting"
                   for start, kind in self._trigger_types.items()):
                return []
            if OBJECT_STOP.search(text, trig.end, cue.start()):
                return []
            people = [m for m in self._mentions_between(cue.end(), end) if id(m.person) not in agent_ids]
            if people and len(text[cue.end():people[0].start]) - sum(
                    t.end - t.start for t in self.ctx.actors.titles_in(cue.end(), people[0].start)
                    if cue.end() <= t.start and t.end <= people[0].start) <= 25:
                return people[:1]
        return []

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
            # a long title ("Secretary of State for Foreign, Commonwealth and Development Affairs")
            # is part of the next item, not a distance
            reach = len(gap) - sum(t.end - t.start for t in self.ctx.actors.titles_in(last_end, m.start)
                                   if last_end <= t.start and t.end <= m.start)
            if self._subject_of_next(m, nxt):
                break  # "call on the Emperor, and Prime Minister X will hold a meeting with ...": X acts next
            if out and not out[-1].person.named and m.person.named and _HONORIFIC_GAP.fullmatch(gap):
                # "the President of India Smt. X", "Chủ tịch Hội Hữu nghị, ông X": the office, then its holder
                out[-1] = m
                last_end = m.end
                continue
            if not out:
                if reach > 130 or OBJECT_STOP.search(gap):
                    break
            elif reach > (260 if ";" in gap else 130) or OBJECT_STOP.search(gap) \
                    or _new_predicate_after_semicolon(gap) \
                    or not _LIST_GOES_ON.search(gap):  # "A, desc; desc B; desc C"
                break
            if _SPEAKER_AFTER.match(text, m.end):
                break  # the source of the report, who is not met; nor is anyone named after him
            out.append(m)
            last_end = m.end
        return out

    def _subject_of_next(self, m: PersonMention, nxt: int) -> bool:
        """Whether the person is the subject of the next event word, with only a word of plan between
        ("…, and Prime Minister X will hold a meeting with …", "…, Thủ tướng X sẽ hội kiến …")."""
        tail = self.ctx.text[m.end:nxt]
        return nxt in self._trigger_types and len(tail.split()) <= 3 and not re.search(r"[,;:]", tail) \
            and self.cues.planned.search(tail) is not None

    def _many_unnamed_states(self, trig: Trigger, nxt: int) -> bool:
        """Whether the ones met are people of many states none of which is named right after
        ("bilateral contacts with leaders of other countries", "met with leaders of several countries
        on the sidelines of the summit in X": X is the venue), unlike "Đại sứ các nước A, B và C":
        then no one state is met. The plural of states is in the phrase ("lãnh đạo các nước") or
        closes it ("leaders of" + "several countries")."""
        span = self.ctx.text[trig.end:nxt]
        head = _MANY_COUNTRIES.search(span[:120]) or _GROUP_MET.match(span)
        if head is None:
            return False
        after = _MANY_COUNTRIES_AFTER.match(span, head.end())
        plural_end = head.end() if _MANY_COUNTRIES_AFTER.search(head.group()) else after.end() if after else None
        return plural_end is not None and not self.ctx.actors.countries_in(trig.end + plural_end,
                                                                            trig.end + plural_end + 25)

    def _object_units(self, sent, trig, nxt, objects: list[PersonMention]) -> list[Unit]:
        """Who is met: each named person is a separate meeting; so is each ambassador's country in
        'the new ambassadors of A, B and C'; an unnamed counterpart ('the Speaker of ...') or a group
        ('representatives of companies') is one meeting with nobody named, keyed by who it is."""
        text = self.ctx.text
        span = text[trig.end:nxt]
        if objects:
            units: list[Unit] = [([m], set(), self._unnamed_key(m)) for m in objects]
            group = _AND_GROUP.match(text, objects[-1].end, nxt)
            if group:  # "met A, B and five senior senators": the group is one more meeting
                cs = [c.iso3 for c in self.ctx.actors.countries_in(objects[-1].end, min(nxt, group.end() + 60))]
                units.append(([], set(cs[:1]), f"group:{' '.join(group.group().lower().split())}"))
            return units
        group = _GROUP_MET.match(span)
        bodies = self._bodies_listed(sent, trig.end + group.end()) if group else []
        if len(bodies) >= 2:  # "leaders of the Academy, the Fatherland Front and the Youth Union"
            cs = [c.iso3 for c in self.ctx.actors.countries_in(trig.end, nxt)]
            named = f"group:{' '.join(group.group().lower().split())}" if group else ""
            return [([], set(cs[:1]), f"{named}:{b}") for b in bodies]
        if self._many_unnamed_states(trig, nxt):
            return []
        many = _MANY_COUNTRIES.search(span[:120])
        if many:
            # "the new ambassadors of A, B and C", "the leaders of A, B and C": one meeting per country
            cs = self.ctx.actors.countries_in(trig.end, nxt)
            iso = list(dict.fromkeys(c.iso3 for c in cs))
            if iso:  # envoys are told apart by country alone; the leaders of a state's businesses are a group
                envoys = _ENVOYS.search(text, trig.end, nxt) or _CREDENTIALS.search(text, trig.end, nxt)
                return [([], {c}, None if envoys else f"group:{c}") for c in iso]
        bare_titles = [t for t in self.ctx.actors.titles_in(trig.end, nxt) if trig.end <= t.start < nxt
                       and t.start not in self.ctx.actors.used_titles and t.start - trig.end < 160
                       and not _PLACE_BEFORE_TITLE.search(text, max(0, t.start - 14), t.start)
                       and not after_capacity_word(text, t.start)]
        if bare_titles:
            units = []
            for t in bare_titles:
                after_end = min(nxt, t.end + 80)
                cs = [c.iso3 for c in self.ctx.actors.countries_in(t.end, after_end)]
                # "the Speaker of Laos", "the Governor of a state" is one person; an ambassador's
                # reception is told apart by the country alone (one per country, and "the ambassadors"
                # of no country is any of those the article lists)
                who = None if t.key == "ambassador" else f"title:{t.key}:{','.join(cs[:1])}"
                units.append(([], set(cs[:1]), who))
            return units
        between = _BETWEEN.match(span)
        if group or between:
            cs = [c.iso3 for c in self.ctx.actors.countries_in(trig.end, nxt)]
            who = f"group:{' '.join(group.group().lower().split())}" if group else None
            return [([], set(cs[-1:] if between else cs[:1]), who)]
        return []

    def _bodies_listed(self, sent: Sentence, start: int) -> list[str]:
        """The bodies named after a group met ("leaders of the Academy, the Fatherland Front and the
        Youth Union", "lãnh đạo Hội A, Hội B"): each one a separate meeting (spec 3: each separately met
        body). Items are the names of two capitalised words or more of the list up to the clause's end
        ("leaders of the Party, Government and NPC" is the leadership, no list of bodies); a place or a
        state ("in New Delhi and Mumbai") is where they met, not a body, and ends the list."""
        text = self.ctx.text
        end = text.find(";", start, sent.end)
        end = sent.end if end < 0 else end
        of = _OF_AFTER.match(text, start, end)
        if of is None:
            return []
        out: list[str] = []
        pos = of.end()
        for item in _ITEM_SPLIT.split(text[pos:end]):
            words = item.split()
            head = words[1] if words and words[0].lower() in _ARTICLES and len(words) > 1 else (words or [""])[0]
            at = pos + len(item) - len(item.lstrip())
            pos += len(item)
            sep = _ITEM_SPLIT.match(text, pos, end)
            pos = sep.end() if sep else pos
            if not head[:1].isupper() or sum(w[:1].isupper() for w in words) < 2 \
                    or self.ctx.actors.places_in(at, at + len(item.strip())) \
                    or self.ctx.actors.countries_in(at, at + 3):
                break
            out.append(" ".join(words).lower())
        return out

    @staticmethod
    def _unnamed_key(m: PersonMention) -> str | None:
        """Who an unnamed person met is ("the Lao Speaker": title and country), so that two such
        meetings of one visitor stay two; None for a named person (the name tells them apart)."""
        key = m.title_key or m.person.title_key
        if m.person.named or key is None or key == "ambassador":
            return None  # an ambassador's reception is told apart by the country (one per country)
        return f"title:{key}:{m.person.country or ''}"

    def _counterpart_country(self, location: tuple[str | None, str | None],
                             have: AbstractSet[str | None], agent: PersonMention | None = None) -> str | None:
        """The country of a counterpart nothing names ("In Sri Lanka, the minister will hold talks
        with Foreign Minister X", "courtesy calls on the president there"): where they meet, else
        the country the agent is visiting ("arrived in Moscow ... Later, he met with the business
        community"), else the article's other country."""
        if location[1] is not None and location[1] not in have:
            return location[1]
        if agent is not None:
            trips = [e.location_country for e in self._visits_by(agent.person.canonical)
                     if e.type == "visit" and e.location_country not in have
                     and agent.person.canonical in visitor_names(e)]
            if trips:
                return trips[-1]
        return self._other_country(have)

    def _other_country(self, have: AbstractSet[str | None]) -> str | None:
        """The foreign country the article is mostly about (for unnamed counterparts, and people
        whose country nothing says): by its names and demonyms and the dateline; when the
        article names no other country, by the people of known country."""
        counts: dict[str, int] = {}
        for c in self.ctx.actors.countries:
            if c.iso3 not in have:
                counts[c.iso3] = counts.get(c.iso3, 0) + 1
        if self.ctx.dateline_country and self.ctx.dateline_country not in have:
            counts[self.ctx.dateline_country] = counts.get(self.ctx.dateline_country, 0) + 3
        if not counts:
            if self._people_countries is None:  # the mentions do not change while frames are filled
                self._people_countries = Counter(m.person.country for m in self.ctx.actors.mentions
                                                 if m.person.country is not None)
            counts = {iso: n for iso, n in self._people_countries.items() if iso not in have}
        return max(counts, key=lambda c: counts[c]) if counts else None

    # visits --------------------------------------------------------------
