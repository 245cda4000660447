"""Visit frames: who travels where. The visitor is the possessor, the person right before the
trigger, the previous verb's subject or the article's current traveller; the destination is the
country or place after the trigger, the venue of an attended event, or the receiving side.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.doc import Sentence
from pipeline.lang import joined
from pipeline.stages.actors import PersonMention
from pipeline.stages.frame_base import Trigger, dedupe, visitor_names
from pipeline.stages.frame_host import FrameHost
from pipeline.stages.gazetteer import CountryGazetteer

if TYPE_CHECKING:
    from pipeline.stages.dates import DateMention

_ATTEND = re.compile(rf"(?:{joined('attend')})", re.I)  # a trip to attend something held at a venue abroad

# What may stand between a visitor and the visit: a spouse, an auxiliary, 'có' ("Tổng thống X và
# Phu nhân đã có chuyến thăm", "X, who is on a visit")
_ADJACENT_VISITOR = re.compile(
    rf"[\s,]*(?:{joined('spouse_along')})?"
    rf"(?:{joined('visitor_auxiliary')})?[\s,]*")
_VISITOR_LIST_BREAK = re.compile(rf"[.;]|{joined('visitor_list_breaks')}")
_AND = re.compile(rf"\b(?:{joined('conjunctions', 'names')})\b|,")
# a place after "at": "tại thủ đô X", "in the capital X"
_AT_PLACE_BEFORE = re.compile(rf"(?:{joined('at_place')})\s+(?:{joined('capital_before_place')})?$")
_AGENT_OF = re.compile(rf"[^.;]{{0,60}}?\b(?:{joined('agent_of')})\s+")  # "chuyến thăm của X", "a visit by X"
# "at the invitation of X", "hosted by X": the agent hosts
_HOST_AGENT = re.compile(rf"(?:{joined('host_verbs')})\s+(?:\S+\s+)?(?:{joined('agent_by')})\s+$", re.I)
_AGENT_BY = re.compile(rf"[^.;]{{0,60}}?\b(?:{joined('agent_by')})\s")
_VISITING = re.compile(joined("visiting"), re.I)
_HEAD_OF = re.compile(rf"\s*(?:{joined('agent_of')})\s+")
_PLURAL_VISITS = re.compile(joined("plural_visits"), re.I)
_FIRST_SINCE = re.compile(joined("first_since"))  # "first visit since 2000": the visit before, that year
_VENUE_AFTER = re.compile(rf"\s*(?:(?:{joined('article')})\s+)?(?:{joined('venues')})", re.I)
_SPOUSE = re.compile(joined("spouse"), re.I)  # "Phu nhân", "phu nhân"
# "tới Ấn Độ từ ngày 11 đến 13-10 và tới Sri Lanka", "India from 11 to 13 October and then to Sri Lanka":
# with a leg's dates blanked out, what joins it to the next destination
_NEXT_LEG = re.compile(rf"[\s,]*(?:{joined('next_leg')})\s+")
# "chuyến công du chính thức 3 nước thuộc Đông Nam Á gồm Malaysia, ...": the list of the tour's countries
# "đến Việt Nam, bắt đầu chuyến thăm", "đến Hà Nội bắt đầu": the place just reached is the destination
_ARRIVED_BEFORE = re.compile(rf"(?:{joined('arrived_at')})\s+(?:{joined('capital_before_place')})?$", re.I)
_BEGIN_GAP = re.compile(rf"[\s,]*(?:{joined('begin')})\s*$", re.I)
_TOUR_LIST_LEAD = re.compile(rf"\b(?:{joined('tour_list_lead')})\s*:?\s*$")
# "after attending a G20 summit where he pressed Russia over its war in Ukraine": a relative clause
# says what happened at the event, and a place in it is not where the event was held
_VENUE_CLAUSE_BREAK = re.compile(rf"\b(?:{joined('venue_clause_breaks')})\b", re.I)
_EN_ROUTE = re.compile(joined("en_route"), re.I)  # "on his way to Hangzhou": that trip is still to come
_PAREN_COUNTRY = re.compile(r"\s*\(\s*")  # "Tokyo (Japan)": a bracket opening a city's country

# Up to four words between a possessive and its visit ("his first official visit", "Vietnam's
# upcoming state visit"); a preposition or article ends the noun phrase: "his relationship with
# Erdogan during a visit by X" is X's visit.
_MODIFIER_WORDS = rf"(?:(?!(?:{joined('phrase_enders')})\b)[\w-]+\s+){{0,4}}"
_OWNER_BEFORE = re.compile(rf"(?:{joined('possessive_marks')})\s+{_MODIFIER_WORDS}$")  # "Vietnam's upcoming"
_PRONOUN_OWNER_BEFORE = re.compile(rf"\b(?:{joined('possessive_pronouns')})\s+{_MODIFIER_WORDS}$", re.I)  # "his first"


class VisitFrames(FrameHost):
    """Visits and trips: part of :class:`pipeline.stages.frames.FrameFiller`."""

    def _destinations(self, sent: Sentence, start: int, visitor_country: str | None,
                      reach: int = 70) -> list[tuple[str, str, str]]:
        """Countries or places the visit goes to, right after ``start``: 'to China', 'thăm Ấn Độ và
        Campuchia', 'visiting Beijing', 'to the Central Asian nation' (an earlier country)."""
        text = self.ctx.text
        window_end = min(sent.end, start + reach)
        # a list begun inside the window may run on past it, item by item ("visits to London (United
        # Kingdom), New York City (USA), Brisbane (Australia), Tokyo (Japan) and ...")
        list_end = min(sent.end, start + reach + 150)
        found: list[tuple[int, int, str, str, str]] = []
        for c in self.ctx.actors.countries_in(start, list_end):
            found.append((c.start, c.end, c.text, c.iso3, c.kind))
        for p in self.ctx.actors.places_in(start, list_end):
            found.append((p.start, p.end, p.text, p.iso3, "place"))
        found.sort()
        out: list[tuple[str, str, str]] = []
        last = start
        for s, e, name, iso, kind in found:
            if s < last:
                continue  # the bracketed country of the city just taken
            if e > window_end and not out:
                break
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
            if out and kind != "demonym" and self._next_leg(sent, last, s):
                out.append((name, iso, "leg"))
                last = e
                continue
            limit = 28 if not out else 12
            if not out and _TOUR_LIST_LEAD.search(gap) and not re.search(r"[.;]", gap):
                limit = 60
            if len(gap) > limit or _VISITOR_LIST_BREAK.search(gap):
                break
            if out and not _AND.search(gap):
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
                else:  # "London (United Kingdom), Tokyo (Japan)": the city's country in brackets
                    paren = _PAREN_COUNTRY.match(text, e)
                    named = [c for c in self.ctx.actors.countries_in(e, e + 40)
                             if paren and c.start == paren.end() and c.iso3 == iso]
                    if named and text.startswith(")", named[0].end):
                        last = named[0].end + 1
        if out:
            return out
        if self.cues.anaphoric_country.search(text[start:window_end]):
            prior = [c.iso3 for c in self.ctx.actors.countries if c.end <= start and c.iso3 != visitor_country]
            if prior:
                if self.ctx.dateline_country is not None and self.ctx.dateline_country in prior:
                    iso = self.ctx.dateline_country
                else:
                    iso = max(set(prior), key=lambda x: (prior.count(x), prior[::-1].index(x) * -1))
                return [(self._country_name(iso), iso, "anaphor")]
        return []

    def _arrived_before(self, sent: Sentence, trig: Trigger,
                        visitor_country: str | None) -> list[tuple[str, str, str]]:
        """The country or city reached right before "beginning" the visit ("X đến Hà Nội, bắt đầu chuyến
        thăm chính thức"): the visit's destination; a place left ("rời Hà Nội, bắt đầu") is not one."""
        text = self.ctx.text
        lo = max(sent.start, trig.start - 80)
        found = [(c.start, c.end, c.text, c.iso3, c.kind) for c in self.ctx.actors.countries_in(lo, trig.start)
                 if c.kind != "demonym"]
        found += [(p.start, p.end, p.text, p.iso3, "place") for p in self.ctx.actors.places_in(lo, trig.start)]
        for s, e, name, iso, kind in sorted(found, reverse=True):
            if iso is None or iso == visitor_country or not _BEGIN_GAP.match(text, e, trig.start):
                continue
            if _ARRIVED_BEFORE.search(text, max(sent.start, s - 30), s):
                return [(name, iso, kind)]
        return []

    def _next_leg(self, sent: Sentence, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds the dates of one leg of a trip and then a link to its next
        destination ("từ ngày 11 đến 13-10 và tới", "from 11 to 13 October and then to")."""
        text = self.ctx.text
        inside = [d for d in self._dates(sent) if start <= d.start and d.end <= end]
        if not inside:
            return False
        rest, last = [], start
        for d in inside:
            rest.append(text[last:d.start])
            last = d.end
        rest.append(text[last:end])
        joined_rest = " ".join(rest)
        return bool(_NEXT_LEG.fullmatch(joined_rest)) and not re.search(r"[.;]", joined_rest)

    def _leg_dates(self, sent: Sentence, trig: Trigger, dests: list[tuple[str, str, str]],
                   dates: list["DateMention"], date: tuple) -> list[tuple]:
        """Each destination's own dates when the trip is told leg by leg ("tới Ấn Độ từ ngày 11 đến
        13-10 và tới Sri Lanka từ ngày 13 đến 15-10"): the dates after it and before the next
        destination; the trip's date where a leg states none."""
        if not any(kind == "leg" for _, _, kind in dests):
            return [date] * len(dests)
        text = self.ctx.text
        spots: list[int] = []
        pos = trig.end
        for name, _, _ in dests:
            at = text.find(name, pos, sent.end)
            spots.append(at if at >= 0 else pos)
            pos = (at + len(name)) if at >= 0 else pos
        out = []
        for i, (name, _, _) in enumerate(dests):
            lo = spots[i] + len(name)
            hi = spots[i + 1] if i + 1 < len(spots) else sent.end
            own = [d for d in dates if lo <= d.start < hi]
            out.append((own[0].date_start, own[0].date_end, False, "stated") if own else date)
        return out

    def _venue_destinations(self, sent: Sentence, trig: Trigger, visitor_country: str | None,
                            reach: int) -> list[tuple[str, str, str]]:
        """The place after 'tại/ở/in/at' following an attend trigger, when it is abroad."""
        text = self.ctx.text
        end = min(sent.end, trig.end + reach)
        clause = _VENUE_CLAUSE_BREAK.search(text, trig.end, end)
        if clause is not None:
            end = clause.start()
        found = sorted([(p.start, p.text, p.iso3, "place") for p in self.ctx.actors.places_in(trig.end, end)] +
                       [(c.start, c.text, c.iso3, c.kind) for c in self.ctx.actors.countries_in(trig.end, end)
                        if c.kind != "demonym"])
        for start, name, iso, kind in found:
            if _AT_PLACE_BEFORE.search(text[max(trig.end, start - 20):start]) and iso != visitor_country:
                return [(name, iso, kind)]
        return []

    def _country_name(self, iso3: str) -> str:
        return CountryGazetteer.load().name(iso3, self.lang)

    def _visitor_after(self, sent, trig, nxt) -> tuple[list[PersonMention], int] | None:
        """A visitor named in an agent phrase after the trigger ("visit to China by X", "chuyến thăm
        của X"), but not the host of "at the invitation of X" / "hosted by X"."""
        m = _AGENT_OF.match(self.ctx.text[trig.end:nxt])
        if m is None or _HOST_AGENT.search(m.group(0)):
            return None
        after = [x for x in self._mentions_between(trig.end, sent.end, modifiers=True)
                 if trig.end + m.end() - 1 <= x.start <= trig.end + m.end() + 60]
        return ([after[0]], after[0].end) if after else None

    def _visitor(self, sent, trig, seg_start, nxt, prev_agents, prev_objects) -> tuple[list[PersonMention], int]:
        """Who travels, and where the destination phrase starts (after the visitor when the
        visitor is named after the trigger: 'chuyến thăm của X tới Y', 'visit to China by X')."""
        text = self.ctx.text
        in_sentence = self._mentions_between(sent.start, sent.end)
        head = text[max(sent.start, trig.start - 50):trig.start]
        if _OWNER_BEFORE.search(head):
            owner = [m for m in in_sentence if m.end <= trig.start and trig.start - m.end <= 50]
            if owner:
                return [owner[-1]], trig.end
        if _PRONOUN_OWNER_BEFORE.search(head):
            subj = prev_agents or [m for m in in_sentence if m.start < trig.start][:1]
            if subj:
                return list(subj), trig.end
        named_after = self._visitor_after(sent, trig, nxt)
        if named_after and _AGENT_BY.match(text[trig.end:nxt]):
            return named_after  # "Erdogan during a visit by X": the agent phrase names the visitor
        adjacent = [m for m in in_sentence if m.end <= trig.start and trig.start - m.end <= 50
                    and all(m.person is not o.person for o in prev_objects)
                    and _ADJACENT_VISITOR.fullmatch(text[m.end:trig.start])]
        if adjacent:  # "Chủ tịch nước X và Phu nhân Y thăm chính thức": both travel
            cands = [m for m in in_sentence if m.end <= adjacent[-1].end
                     and all(m.person is not o.person for o in prev_objects) and not self._inviter(m, seg_start)]
            # "Nhận lời mời của Bộ Ngoại giao Lào, Bộ trưởng X thăm …": an inviting body names no one, so the
            # person right before the verb is its subject, not part of the invitation phrase
            return self._coordinated(cands or adjacent[-1:], reach=30, commas=False), trig.end
        if trig.text.lower() == "visiting":
            after = [m for m in in_sentence if trig.end <= m.start <= trig.end + 45]
            if after:
                return [after[0]], after[0].end
        if named_after:
            return named_after
        if prev_objects and _VISITING.search(trig.text) \
                and self._received_before(sent, trig) and \
                not [m for m in self._mentions_between(seg_start, trig.start)
                     if all(m.person is not o.person for o in prev_objects)]:
            return [prev_objects[-1]], trig.end  # "tiếp ông X - ... - sang thăm": X came to visit
        subj = self._subject(sent, seg_start, trig, prev_agents, prev_objects)
        if not subj and self.ctx.last_visitor is not None:
            subj = [PersonMention(sent.start, sent.start, "", self.ctx.last_visitor, "pronoun")]
        return subj, trig.end

    def _listed_past_visits(self, sent: Sentence, trig: Trigger, nxt: int, exchanged: bool = False) -> bool:
        """"after the visits of President A in 1993, President B in 1997 and 2004", "sau các chuyến
        thăm của A năm 1993, B năm 1997 và năm 2004": one past visit per visitor and year, to where
        the article's visit goes. True when the list was read. ``exchanged``: the visits are told as
        an exchange ("the exchange of high-level visits, including those made by A in December 2015,
        B in November 2016"), so only a list dating every visitor before the reference day is read,
        and a visitor from the destination went the other way, to the article's visitor's country."""
        text = self.ctx.text
        # "visits of A, B", or "visits to Vietnam, one by A in 2005, another by B in 2010"
        head = _HEAD_OF.match(text[trig.end:nxt]) or _AGENT_OF.match(text, trig.end, nxt)
        plural = _PLURAL_VISITS.search(text[max(sent.start, trig.start - 12):trig.end])
        if not head or not plural:
            return False
        # every mention, not only each person's first: one person may come back ("the latest by X")
        people = [m for m in self.ctx.actors.mentions_in(trig.end + head.end() if head.re is _HEAD_OF
                                                         else head.end(), nxt) if m.person.named]
        if len(people) < 2:
            return False
        years = [d for d in self._dates(sent) if trig.end <= d.start < nxt and len(d.date_start) < 10]
        named = self._destinations(sent, trig.end, None, 30)
        last = next((ev for ev in reversed(self.ctx.events) if ev.type == "visit" and ev.location_country), None)
        if named:
            dest_name, dest_iso = named[0][0], named[0][1]
        elif last is not None and last.location_country:
            dest_name, dest_iso = last.location_name or self._country_name(last.location_country), \
                last.location_country
        else:
            return False
        ref = self.ctx.reference
        if exchanged and (ref is None or not years or any(d.date_end[:4] > ref.isoformat()[:4] for d in years)
                          or any(not [d for d in years if m.end <= d.start < (people[i + 1].start if i + 1 <
                                                                             len(people) else nxt)]
                                 for i, m in enumerate(people))):
            return False  # an exchange told in general, or one still to come
        if not years and not (last is not None and last.char_start == sent.start):
            # undated, the list is read only where the sentence itself reports the visit it ranks them
            # against ("X là vị ngoại trưởng thứ tư thăm Việt Nam sau các chuyến thăm của A, B, C")
            return False
        home = next((p.country for p in (last.participants if last else []) if p.role == "visitor"), None)
        for i, m in enumerate(people):
            to_name, to_iso = dest_name, dest_iso
            if m.person.country == dest_iso:
                if not exchanged or home in (None, dest_iso):
                    continue
                to_name, to_iso = self._country_name(home), home  # the other way of the exchange
            until = people[i + 1].start if i + 1 < len(people) else nxt
            own: list[DateMention | None] = [d for d in years if m.end <= d.start < until] or [None]
            # a predecessor named without a country: the same country as the article's visitor
            country = m.person.country or next((p.country for p in (last.participants if last else [])
                                                 if p.role == "visitor"), None)
            part = self._participant(m, "visitor")
            part.country = country
            for d in own:
                date = (d.date_start, d.date_end, False) if d else (None, None, False)
                self._emit(sent, trig, "visit", trig.subtype, "occurred", [part],
                           {to_iso, country} - {None}, date, (to_name, to_iso))
        return True

    def _visit_before(self, sent: Sentence, trig: Trigger, visitor: list[PersonMention]) -> None:
        """A trip told again as "the Russian president's first visit since 2000"
        (that is, the visitor last came in that year): a past visit of his to the same country."""
        for m in _FIRST_SINCE.finditer(sent.text):
            if sent.start + m.start("trig") != trig.start:
                continue
            who = visitor[0].person
            last = next((e for e in reversed(self.ctx.events) if e.type == "visit" and e.location_country
                         and any(p.name == who.canonical and p.role == "visitor" for p in e.participants)), None)
            if last is None:
                return
            year = m.group("y")
            if last.date_start and last.date_start[:4] <= year:
                return  # "since" a year that is no earlier than the trip itself
            self._emit(sent, trig, "visit", "other", "occurred", [self._participant(visitor[0], "visitor")],
                       set(last.countries), (year, year, False), (last.location_name, last.location_country))

    def _specify_subtype(self, trig: Trigger, visitor: list[PersonMention]) -> None:
        """"arrived in Hanoi on Monday for a state visit": the repeat mention names the visit's kind."""
        if trig.subtype == "other":
            return
        names = {v.person.canonical for v in visitor}
        for ev in reversed(self.ctx.events):
            if ev.type == "visit" and names & visitor_names(ev):
                if ev.subtype == "other":
                    ev.subtype = trig.subtype
                return

    def _earlier_destination(self, sent, trig, dates, visitor) -> list[tuple[str, str, str]]:
        """A past visit named without its destination ("the first visit by a Kenyan president since
        Kibaki's visit in 2009", "kể từ chuyến công du của bà Merkel hồi tháng 10/2011"): it went where
        the article's visit goes, when another visitor's visit is already reported and this one is
        dated to a month or year well before the article."""
        start, _, inferred, _ = self._pick_date(sent, trig, dates, "occurred", "visit")
        ref = self.ctx.reference
        if not start or inferred or len(start) == 10 or ref is None or int(start[:4]) > ref.year \
                or (len(start) == 7 and (ref.year * 12 + ref.month) - (int(start[:4]) * 12 + int(start[5:7])) < 2):
            return []
        mine = {v.person.canonical for v in visitor}
        for ev in reversed(self.ctx.events):
            if ev.type == "visit" and ev.location_country and ev.location_country != visitor[0].person.country \
                    and not mine & visitor_names(ev):
                return [(ev.location_name or self._country_name(ev.location_country), ev.location_country, "anaphor")]
        return []

    def _met_abroad(self, visitor: list[PersonMention], visitor_country: str | None,
                    day: str | None) -> list[tuple[str, str, str]]:
        """Where the visitor was just reported meeting someone abroad on the same day ("X is holding
        talks with the President at the State House, Abuja. X arrived on Tuesday as part of his
        tour"): an arrival that names no place is there."""
        if visitor_country is None or not self.ctx.events or not day or len(day) != 10:
            return []
        name = visitor[0].person.canonical
        ev = self.ctx.events[-1]  # the narrative is still at that meeting: the article's last event
        if ev.type == "meeting" and ev.status == "occurred" and ev.location_country not in (None, visitor_country) \
                and ev.date_start == day and any(p.name == name for p in ev.participants):
            iso = ev.location_country
            assert iso is not None
            return [(self._country_name(iso), iso, "met")]
        return []

    def _received_before(self, sent: Sentence, trig: Trigger) -> bool:
        """A reception or courtesy call earlier in the same sentence."""
        return any(e.type == "meeting" and e.subtype == "reception"
                   and e.char_start == sent.start and e.trigger_start < trig.start for e in self.ctx.events)

    def _visit(self, sent, trig, seg_start, nxt, dates, prev_agents, prev_objects):
        text = self.ctx.text
        if self._is_intention(sent, trig):
            # "exchanges of high-level visits, including those made by A in 2015, B in 2016": general
            # words, but the dated list after them is of past visits
            self._listed_past_visits(sent, trig, nxt, exchanged=True)
            return [], []
        if _VENUE_AFTER.match(text[trig.end:trig.end + 30]):
            return [], []
        if self._listed_past_visits(sent, trig, nxt):
            return [], []
        in_sentence = self._mentions_between(sent.start, sent.end)
        visitor, dest_from = self._visitor(sent, trig, seg_start, nxt, prev_agents, prev_objects)
        if visitor and all((v.title_key or v.person.title_key) == "ambassador" for v in visitor):
            return visitor, []  # a resident ambassador touring the country he is posted to makes no visit
        visitor_country = visitor[0].person.country if visitor else None
        reach = 150 if trig.subtype == "other" and _ATTEND.match(trig.text) else 70
        if reach > 70:  # "tham dự X tại Jakarta", "attend X in Johannesburg": where the event is held
            dests = self._venue_destinations(sent, trig, visitor_country, reach)
        else:
            dests = self._destinations(sent, trig.end, visitor_country, reach)
        if not dests and dest_from != trig.end:  # "chuyến thăm của X tới Y": after the visitor
            dests = self._destinations(sent, dest_from, visitor_country, reach)
        if not dests:  # "the upcoming Vietnam visit by X", "his China trip": the country names the destination
            pre = [c for c in self.ctx.actors.countries_in(max(sent.start, trig.start - 30), trig.start)
                   if c.kind != "demonym" and not text[c.end:trig.start].strip() and c.iso3 != visitor_country]
            if pre:
                dests = [(pre[-1].text, pre[-1].iso3, pre[-1].kind)]
        if not dests:
            dests = self._arrived_before(sent, trig, visitor_country)
        if not dests and _ATTEND.match(trig.text) and visitor_country is not None \
                and self.ctx.dateline_country not in (None, visitor_country):
            # "BALI — Blinken met Wang after attending a G20 meeting": the dateline says where it is held
            dests = [(self._country_name(self.ctx.dateline_country), self.ctx.dateline_country, "dateline")]
        if not dests and _ATTEND.match(trig.text):
            return visitor, []  # attending something at home is not a trip
        if not dests and visitor:
            dests = self._earlier_destination(sent, trig, dates, visitor)
        if visitor:
            self._visit_before(sent, trig, visitor)
        if not dests and visitor and any(e.type == "visit" and not e.date_start or
                                         e.type == "visit" and len(e.date_start or "") == 10
                                         for e in self.ctx.events):
            self._specify_subtype(trig, visitor)
            return visitor, []  # "the visit" again: a repeat mention of a visit already reported
        if not dests and visitor:
            # "sang thăm và chúc mừng" / "welcomed Premier Li on his first visit": the receiving
            # side's country, else the dateline's
            others = [m for m in in_sentence if m.person.country and m.person.country != visitor_country
                      and m.person not in [v.person for v in visitor]]
            if others and self.cues.receive.search(sent.text):
                c = others[0].person.country
                dests = [(self._country_name(c), c, "receiver")]
            elif self.ctx.dateline_country and self.ctx.dateline_country != visitor_country:
                dests = [(self._country_name(self.ctx.dateline_country), self.ctx.dateline_country, "dateline")]
            else:
                day = self._pick_date(sent, trig, dates, self._status(sent, trig.start), "visit").start
                dests = self._met_abroad(visitor, visitor_country, day)
        if not dests or not visitor:
            return visitor, []
        status = "planned" if _EN_ROUTE.fullmatch(trig.text.strip()) else self._status(sent, trig.start)
        date = self._pick_date(sent, trig, dates, status, "visit")
        for (dest_name, dest_iso, _), date in zip(dests, self._leg_dates(sent, trig, dests, dates, date)):
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
                if len(gap) < 40 and _SPOUSE.search(gap):
                    parts.append(self._participant(m, "visitor"))
            if self.cues.host.search(sent.text):
                for m in self._mentions_between(sent.start, sent.end, modifiers=True):  # "at the invitation of X"
                    if m.person.country == dest_iso and m.person not in [v.person for v in visitors]:
                        parts.append(self._participant(m, "host"))
                        break
            countries = {dest_iso} | {p.country for p in parts if p.role == "visitor"}
            self._emit(sent, trig, "visit", trig.subtype, status, dedupe(parts), countries, date,
                       (dest_name, dest_iso))
            if status == "occurred" and len(dests) == 1:
                self.ctx.last_visitor = visitors[0].person
        return visitor, []

    # agreements ------------------------------------------------------------
