"""Fill event frames (visit, meeting, agreement) from trigger words and the actors around them.

For each sentence, triggers from ``data/lexicons/triggers.tsv`` are found; each
trigger opens a frame whose slots are filled from the same sentence: who acts
(the people before the trigger, or the subject of a coordinated verb), who is
met or visited (the people and countries after it), where, when, and whether
it happened or is planned. Intentions ("agreed to increase visits", "sớm ký")
and generic mentions with nobody named are not events.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from functools import cached_property, lru_cache
from typing import Sequence

from pipeline import lexicon
from pipeline.doc import Event, Participant, Sentence, Span
from pipeline.lang import joined, profile, word_set
from pipeline.stages.actors import Person, PersonMention
from pipeline.stages.agreement_frames import AgreementFrames
from pipeline.stages.dateline import is_timestamp
from pipeline.stages.dates import DateMention, find_dates, find_durations, resolve_weekday, shift_days
from pipeline.stages.entourage import add_entourages
from pipeline.stages.frame_base import ArticleContext, PickedDate, Trigger
from pipeline.stages.frame_cues import (
    DATE_NOT_EVENT,
    HAS_DIGIT,
    PAST_DAY_WORDS,
    PRONOUN_CLAUSE,
    PRONOUN_HEAD,
    REPORT_AFTER,
    REPORT_AFTER_SUBJECT,
)
from pipeline.stages.meeting_frames import MeetingFrames, VisitIndex
from pipeline.stages.visit_frames import VisitFrames

__all__ = ["ArticleContext", "FrameFiller", "Trigger", "find_triggers"]


def find_triggers(sentence: str, lang: str) -> list[Trigger]:
    """Trigger matches in a sentence (offsets into it), longest and most specific first, no overlaps."""
    return list(_triggers(sentence, lang))


# memoised: the English NER gate (pipeline/lang/en/ner_gate.py) asks about every sentence before the
# frames do, and the rules are the costliest regular expressions of the pipeline; the size covers
# every sentence of a 4 MB article, so a long article is scanned once
@lru_cache(maxsize=1 << 16)
def _triggers(sentence: str, lang: str) -> tuple[Trigger, ...]:
    found: list[Trigger] = []
    for rule in lexicon.trigger_rules(lang):
        # a pattern may name its event word (?P<t>...) and match its context around it
        group = "t" if "t" in rule.regex.groupindex else 0
        for m in rule.regex.finditer(sentence):
            if m.end(group) > m.start(group):
                found.append(Trigger(m.start(group), m.end(group), rule.type, rule.subtype, m.group(group)))
    found.sort(key=lambda t: (-(t.end - t.start), t.subtype == "other", t.start))
    kept: list[Trigger] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return tuple(sorted(kept, key=lambda t: t.start))


def _day_span(d: DateMention) -> bool:
    """A span of days of at most a month ("(29/5 - 2/6)"): in brackets after an event noun it states
    that event's days; an aside in brackets ("took office (October 2021)") is one day, a month or years."""
    if len(d.date_start) != 10 or len(d.date_end) != 10 or d.date_start >= d.date_end:
        return False
    return (dt.date.fromisoformat(d.date_end) - dt.date.fromisoformat(d.date_start)).days <= 31


def _date_of(iso: dt.date) -> str:
    return iso.isoformat()


# Date attachment: a sentence-opening time adverbial, clause breaks, the start of a trip.
_LEAD_BEFORE = re.compile(
    r"[\s\"“'‘]*(?:\([^()]{1,20}\)\s*)?(?:[-–—•*]\s*)?"
    rf"(?:(?:{joined('lead_words')}),?\s*)?"
    rf"(?:(?:{joined('lead_prepositions')})\s+)?\Z")
# "until Friday, September 27", "through May 9", "đến hết ngày 27/9": the last day of a stay
_UNTIL = re.compile(rf"(?:{joined('until')})\s+(?:{joined('until_weekday')})?\Z")
_FRONTED_PLACE = re.compile(rf"[\s\"“'‘]*(?:{joined('at_place')})\s+(?:(?:{joined('article')})\s+)?", re.I)
_LIST_ITEM_START = re.compile(r"\s*[-–•+*]\s")
_LEAD_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")
# what may stand between a meeting verb and the "visiting" that describes the one met
_ATTEND_WORD = re.compile(rf"(?:{joined('attend')})", re.I)
_MANY_MET = re.compile(joined("many_countries_people"), re.I)  # "lãnh đạo các nước", "leaders of"
_BEFORE_ATTRIBUTE = re.compile(rf"\s*(?:{joined('attribute_lead')})", re.I)
_OTHER_TIME = re.compile(rf"\b(?:{joined('other_time')})\b", re.I)
# a date set off by a comma after the event's clause ("held talks with X, <apposition>, on Monday in
# Beijing") modifies that clause; one inside a later predicate ("…, follows Y's threats on Friday") does not
_OPENS_SEGMENT = re.compile(rf",\s*(?:(?:{joined('date_prepositions')})\s+)?(?:(?:{joined('article')})\s+)?\Z", re.I)
_COMMA_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")
_CLAUSE_BREAK = re.compile(rf"[;:]|,\s*(?:{joined('relative_after_comma')})\b|"
                           rf"\b(?:{joined('relative')})\b", re.I)
_BEGIN_CUE = re.compile(joined("begin"), re.I)
_DAY_BEFORE_PAREN = re.compile(rf"(?:{joined('day_before_paren')})\s*\($", re.I)  # "Friday (local time)"
_HARD_BREAK = re.compile(r"[.;:!?]")  # no partnership name reaches its date across these
_CONCLUDED = re.compile(joined("concluded"))  # "concluded", "kết thúc": a stay's duration ends here
_EARLIER = re.compile(rf"\b(?:{joined('earlier')})\b", re.I)  # "previous", "trước đây": an earlier event
_LED_BY_CUE = re.compile(rf"(?:{joined('led_by_cue')})\s")
_DELEGATION_BEFORE = re.compile(rf"(?:{joined('delegation')})\b[^.;]{{0,80}}$")
_NAME_GAP_WORDS = word_set("name_gap_words")
_CLAUSE_CONTINUERS = word_set("list_continuers")  # "; and B": the list goes on, no new predicate
_INVITATION_OF = re.compile(joined("invitation_of"))
_INVITING_BODY = re.compile(rf"\s*(?:{joined('inviting_body')})")
_AND_WITH = re.compile(rf"\b(?:{joined('and_with')})\b|,")  # two people of one side
# what parts a date from an event word: a comma or clause mark, more than "and"/"và", which may join
# two predicates or only two people ("talks between A and B in August")
_DATE_CUT = re.compile(r"[,;:()]|\s[-–—]\s")
_CLAUSE_MARK = re.compile(r"[,;:()]")
# between two listed times of one kind of event: a comma or "and"/"và" ("in 2003, 2004 and 2008")
_LIST_GAP = re.compile(rf"\s*(?:,\s*)?(?:(?:{joined('and_with')})\s+)?")
_DATE_AND = re.compile(rf"\b(?:{joined('and_with')})\b")


def _cut(text: str, start: int, end: int) -> int:
    """How strongly the text between an event word and a date parts them: 2 a comma or clause mark,
    1 an "and", 0 nothing."""
    return 2 if _DATE_CUT.search(text, start, end) else 1 if _DATE_AND.search(text, start, end) else 0
_WITH_WHILE = re.compile(rf"\b(?:{joined('with_while')})\b|[;:]")  # two people of two sides
# an event noun opening a new item of a comma list: "discussions with A, a dialogue, a meeting with B"
_LIST_ITEM_OPEN = re.compile(rf",\s*(?:(?:{joined('and_with')})\s+)?(?:{joined('list_item_article')})\s+"
                             r"(?:[\w’'-]+\s+){0,3}$")
# a person who is the object of an earlier item's case marker ("with A"), not anyone's subject
_COMITATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(word_set('comitative_cases')))})\s+[^,;]{{0,60}}$")


# date sources that are guesses a trip's span stated elsewhere in the article may replace
_GUESSED_SOURCES = frozenset({"publication", "dateline", "inferred-text"})


@lru_cache(maxsize=None)
def _visit_anaphor(lang: str) -> re.Pattern[str]:
    """The language's words that name the article's trip again without its actors ("the visit")."""
    return re.compile(profile(lang).words.visit_anaphor or "(?!)")


@lru_cache(maxsize=None)
def _visit_day_ordinal(lang: str) -> re.Pattern[str]:
    """The language's "the second day of the" standing right before a visit word."""
    return re.compile(profile(lang).words.visit_day_ordinal or "(?!)")


# "the leaders of both ministries": a subject naming two sides (English; other languages give none)
_PAIR_OF_SIDES = re.compile(joined("pair_of_sides"), re.I)


def _names_a_pair(head: str) -> bool:
    """The subject before the verb is two sides, not one person ("Prior to the signing, the leaders
    of both ministries held talks"): the article's protagonist is not it."""
    return _PAIR_OF_SIDES.search(head) is not None


class FrameFiller(MeetingFrames, VisitFrames, AgreementFrames):
    """Builds events for one article."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.lang = ctx.lang
        self.cues = profile(ctx.lang).cues
        # what the article's sentences have told so far, read by later sentences and events
        self._sentence_triggers: list[Span] = []  # the current sentence's event words
        self._trigger_types: dict[int, str] = {}  # the current sentence's event words' types by start
        self._clause_start: int | None = None  # where the current trigger's clause begins
        self._governed: dict[int, int] = {}  # date start -> start of the period cue governing it
        self._reported: dict[int, DateMention] = {}  # sentence start -> the day it says something was said
        self._visit_index = VisitIndex(0, None, {})  # visits by visitor, extended as events are added
        self._listed: set[int] = set()  # id() of the agreement events named as items of a list
        self._item_lines: set[int] = set()  # line starts of documents listed one per line
        self._people_countries: Counter[str] | None = None  # mentions per country of a person, counted once
        self._context_told = False  # whether the context date is a day something was said
        self._date_lists: dict[int, list[DateMention]] = {}  # trigger start -> more times listed after its date

    # ------------------------------------------------------------- helpers
    def _dates(self, sent: Sentence) -> list[DateMention]:
        out = []
        for d in find_dates(sent.text, self.lang, self.ctx.reference):
            out.append(DateMention(d.start + sent.start, d.end + sent.start, d.text, d.date_start, d.date_end,
                                   d.weekday, d.relative))
        return out

    def _report_with_subject(self, d: DateMention, sent: Sentence, triggers: list[Trigger]) -> bool:
        """An opening date whose clause is a saying ("Ngày 31/1, Bộ Ngoại giao cho biết, X sẽ thăm …"):
        the day of the announcement, not of what it announces; an event word in the subject ("Sáng
        10/6, Thủ tướng tiếp X và khẳng định …") makes the date that event's."""
        if not self._sentence_adverbial(sent, d):
            return False
        m = REPORT_AFTER_SUBJECT.match(self.ctx.text, d.end, sent.end)
        if m is None:
            return False
        return not any(m.start("subject") <= t.start < m.end() for t in triggers)

    def _usable_dates(self, sent: Sentence, dates: list[DateMention],
                      triggers: list[Trigger] | None = None) -> list[DateMention]:
        """Dates that can date an event: not an anniversary ("Quốc khánh 2/9"), not a parenthetical
        aside ("nhậm chức (tháng 10/2021)"), not the day something was said ("announced on Monday").
        A date governed by a period or founding cue in its clause ("since 1992", "kể từ khi thiết lập
        quan hệ năm 2013") is kept but marked in `_governed`: only an event word between the cue and
        the date may take it ("since Kohl's visit in 1993").

        An article without a publication date gets a stand-in reference from its own stated days,
        so "March 18" still finds its year; relative expressions are not resolved against it."""
        if self.ctx.reference is None:
            ref = self._fallback_reference
            if ref is not None:
                dates = [DateMention(d.start + sent.start, d.end + sent.start, d.text, d.date_start, d.date_end,
                                     d.weekday, d.relative)
                         for d in find_dates(sent.text, self.lang, ref) if not d.relative]
        governed = self._governed
        out = []
        for d in dates:
            before = self.ctx.text[max(sent.start, d.start - 130):d.start]
            cue = DATE_NOT_EVENT.search(before)
            if cue:
                if cue["report"]:  # not the event's date, but a bound on a reported past event's
                    self._reported.setdefault(sent.start, d)
                    continue
                if cue["fixed"]:
                    continue
                if cue["report_day"]:
                    # "cho biết hôm 7/5" is the day it was said; "cho biết ngày 7/5 sẽ …" is what was said
                    if d.text.lower().startswith(PAST_DAY_WORDS):
                        self._reported.setdefault(sent.start, d)
                        continue
                    cue = None
            if REPORT_AFTER.match(self.ctx.text, d.end, sent.end) or self._report_with_subject(d, sent, triggers or []):
                self._reported.setdefault(sent.start, d)
                continue
            if cue:
                governed[d.start] = d.start - len(before) + cue.start()
            if before.endswith("(") and not _DAY_BEFORE_PAREN.search(before) and not _day_span(d) \
                    and not (len(d.date_start) == 10 and _LIST_ITEM_START.match(sent.text)
                             # "- A tiếp B (23-6-2009)"
                             and self.ctx.text[d.end:sent.end].strip() in (")", ").", ");")):
                continue
            out.append(d)
        return out

    @cached_property
    def _fallback_reference(self) -> dt.date | None:
        """For an article with no publication date: its latest stated day with a year (enough to give
        "March 18" its year), or None; computed once per article."""
        found = [d for d in find_dates(self.ctx.text, self.lang, None) if not d.relative]
        days = [d.date_start for d in found if len(d.date_start) == 10]
        # years alone mislead (an article on a coming visit recalls past ones): days only
        return dt.date.fromisoformat(max(days)) if days else None

    def _date_allowed(self, d: DateMention, trig: Trigger) -> bool:
        """A governed date ("since the 1993 visit") dates only an event word inside its cue's scope."""
        if _UNTIL.search(self.ctx.text, max(0, d.start - 40), d.start):
            return False  # "until Friday": the end of a stay, no event's own date (see _pick_date)
        cue = self._governed.get(d.start)
        # "share a Comprehensive Strategic Partnership since 2016": a partnership's start is its setting up
        # or "a strategic partnership ... since it was set up in March 2014" later in the same clause
        named_since = trig.subtype == "partnership_upgrade" and cue is not None and (
            0 <= cue - trig.end <= 2 or (0 <= cue - trig.end <= 90 and not _HARD_BREAK.search(
                self.ctx.text, trig.end, cue)))
        return cue is None or cue <= trig.start < d.start or named_since

    def _sentence_adverbial(self, sent: Sentence, d: DateMention) -> bool:
        """A time adverbial opening the sentence ("Sáng 11/8, …", "On Monday, …", "Trước đó, ngày 3-9, …")
        dates every event of the sentence that has no date of its own."""
        head = self.ctx.text[sent.start:d.start]
        return bool(_LEAD_BEFORE.match(head) and _LEAD_AFTER.match(self.ctx.text, d.end))

    def _pick_date(self, sent: Sentence, trig: Trigger, dates: list[DateMention], status: str,
                   event_type: str) -> PickedDate:
        """The event's date (``_trigger_date``); a one-day visit the sentence says lasts "until"
        a later day ("who will be on the island until Friday, September 27", "ở lại đến hết ngày
        27/9") runs to that day."""
        picked = self._trigger_date(sent, trig, dates, status, event_type)
        if event_type != "visit" or not picked.start or len(picked.start) != 10 or picked.start != picked.end:
            return picked
        nth = self._visit_day_number(sent, trig)
        if nth > 1:  # "on the second day of the state visit", "Ngày thứ 3 trong chuyến thăm": began days before
            return PickedDate(shift_days(picked.start, -(nth - 1)), picked.end, picked.inferred, picked.source)
        for d in dates:
            if d.start >= trig.end and len(d.date_end) == 10 and _UNTIL.search(self.ctx.text, sent.start, d.start) \
                    and picked.start < d.date_end <= shift_days(picked.start, 14):
                return PickedDate(picked.start, d.date_end, picked.inferred, picked.source)
        return picked

    def _visit_day_number(self, sent: Sentence, trig: Trigger) -> int:
        """Which day of the trip its sentence says the dated day is ("the third day of his visit"), or 0."""
        words = profile(self.lang).words
        m = _visit_day_ordinal(self.lang).search(self.ctx.text[max(sent.start, trig.start - 60):trig.start])
        if m is None:
            return 0
        n = m["n"].lower()
        return int(n[0]) if n[0].isdigit() else words.ordinal_words.index(n) + 1

    def _trigger_date(self, sent: Sentence, trig: Trigger, dates: list[DateMention], status: str,
                      event_type: str) -> PickedDate:
        """The trigger's own date: a date of the sentence whose nearest event word it is (near, or
        farther in the same clause or set off after it: clauses, not characters, decide), else the
        sentence's opening time adverbial, else a date within reach that no other event's clause
        stands before; weekdays resolved by tense, a visit's span taken from a range that contains
        its day, a 'two-day visit' concluded (or begun) on a known day made a range; else the day a
        done event was reported on, else the article's context date, both flagged as inferred."""
        allowed = [d for d in dates if self._date_allowed(d, trig)]
        def reach(d):
            return (abs(d.start - trig.start) <= 110 or abs(d.end - trig.end) <= 110
                    or (d.start >= trig.end and (not _COMMA_BREAK.search(self.ctx.text, trig.end, d.start)
                                                 or _OPENS_SEGMENT.search(self.ctx.text, trig.end, d.start))))
        near = [d for d in allowed if (self._nearest_trigger(d) == trig.start
                                       and (reach(d) or self._sentence_adverbial(sent, d)))
                or self._shares_span(trig, d)]
        shared = False
        if not near:  # the opening adverbial of a sentence whose first event owns it: weakly attached
            near = [d for d in allowed if self._sentence_adverbial(sent, d)]
            shared = bool(near)
        if not near:
            near = [d for d in allowed if (abs(d.start - trig.start) <= 110 or abs(d.end - trig.end) <= 110
                                           # a long list between, one date in all, not another event's own
                                           or (len(allowed) == 1 and not self._owned_by_nearer(d, trig)))
                    and self._same_clause(trig, d)]
        if not near:
            same = [e for e in self.ctx.events if e.char_start == sent.start and e.date_start and not e.date_inferred
                    and e.trigger_start < trig.start]
            if same and status == same[-1].status:  # "tiếp ông X ... sang thăm": the clause's date
                return PickedDate(same[-1].date_start, same[-1].date_end, False, same[-1].date_source)
            told = self._reported.get(sent.start)
            if told is not None and status == "occurred" and not self._past_marked(sent, trig):
                # "X said on Monday that the two sides signed …": a done event reported that day, a
                # nearer guess than the publication day (a planned one comes after it: no bound)
                return PickedDate(told.date_start, told.date_end, True, "inferred-text")
            if self.ctx.context_date and not self._past_marked(sent, trig) \
                    and (status != "planned" or self._programme_day()):
                return PickedDate(self.ctx.context_date, self.ctx.context_date, True, self.ctx.context_source)
            return PickedDate(None, None, False, None)  # a plan with no day of its own: not the day it was announced
        # a year that a nearer day falls in names the same time less precisely ("APEC năm 2024 từ ngày
        # 12 đến 16-11", "the 2024 summit on 12 November"): the day
        day_years = {x.date_start[:4] for x in near if len(x.date_start) == 10}
        near = [x for x in near if len(x.date_start) != 4 or x.date_start not in day_years]
        d = min(near, key=lambda x: abs(x.start - trig.start) + (25 if x.start < trig.start else 0))
        start, end = d.date_start, d.date_end
        if d.weekday is not None and self.ctx.reference is not None and status == "planned":
            day = resolve_weekday(d.weekday, self.ctx.reference, future=True)
            span = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
            start, end = _date_of(day), shift_days(_date_of(day), span)
        if event_type == "visit" and start == end and len(start) == 10:
            for o in allowed:  # "Sáng 19/12, … bắt đầu chuyến thăm … từ 19-21/12": the span of the trip
                if o is not d and len(o.date_start) == 10 and o.date_start < o.date_end \
                        and o.date_start <= start <= o.date_end and (o.end - o.start) > 4:
                    return PickedDate(o.date_start, o.date_end, False, "stated")
            before = self.ctx.text[sent.start:trig.start]
            if _CONCLUDED.search(sent.text):
                for ds, de, days in find_durations(sent.text, self.lang):
                    if days > 1 and 0 <= trig.start - (sent.start + de) <= 30:
                        start = shift_days(end, -(days - 1))
                        break
            elif _BEGIN_CUE.search(before):
                for ds, de, days in find_durations(sent.text, self.lang):
                    if 1 < days <= 14 and 0 <= trig.start - (sent.start + de) <= 30:
                        end = shift_days(start, days - 1)  # "departed on 5 May for a three-day visit"
                        break
        self._date_lists[trig.start] = self._listed_after(d, allowed) if (start, end) == (d.date_start, d.date_end) \
            else []
        return PickedDate(start, end, shared, "stated")

    def _listed_after(self, d: DateMention, dates: list[DateMention]) -> list[DateMention]:
        """Years listed after an event's own ("visited in 2009 and 2015", "năm 2003 và 2004"): each is
        another time the same thing happened, one event apiece."""
        if len(d.date_start) != 4:
            return []  # days or months joined by "and" may be one event's span ("cuối tháng 10 và đầu tháng 11")
        out: list[DateMention] = []
        last = d
        for o in sorted((o for o in dates if o.start >= d.end), key=lambda o: o.start):
            if len(o.date_start) != len(d.date_start) or not _LIST_GAP.fullmatch(self.ctx.text, last.end, o.start):
                break
            out.append(o)
            last = o
        return out

    def _quoted(self, sent: Sentence, pos: int) -> bool:
        """Whether a position of a sentence lies inside quotation marks opened in that sentence."""
        before = self.ctx.text[sent.start:pos]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def _programme_day(self) -> bool:
        """Whether the context date is a day the text itself states for what lies ahead ("On
        Monday he will arrive in Hanoi. The two leaders will then hold talks"): a planned event told
        after it happens that day; the publication day (or one stated for it) is only when the plan was
        announced."""
        ref, day = self.ctx.reference, self.ctx.context_date
        return (self.ctx.context_source == "inferred-text" and not self._context_told and ref is not None
                and day is not None and len(day) == 10 and day >= ref.isoformat())

    def _shares_span(self, trig: Trigger, d: DateMention) -> bool:
        """A trip's span told after a second predicate joined to the trip by "and" only ("sẽ thăm
        chính thức Việt Nam và đồng chủ trì Phiên họp … từ ngày 10 đến 12/9", "will visit Chile and
        co-chair the commission from 3 to 5 May"): the span of both, the trip's too."""
        if trig.type != "visit" or len(d.date_start) != 10 or d.date_start == d.date_end or d.start < trig.end:
            return False
        owner = self._nearest_trigger(d)
        if owner is None or not trig.end <= owner < d.start:
            return False
        text = self.ctx.text
        # a spaced dash may join two names ("Việt Nam - Trung Quốc") inside the second predicate
        return _cut(text, trig.end, owner) == 1 and not _CLAUSE_MARK.search(text, owner, d.start)

    def _owned_by_nearer(self, d: DateMention, trig: Trigger) -> bool:
        """Whether a date stands right after an event word of another type in the sentence ("the visit
        also marks the treaty signed in 1883"): that event's date, not the farther one's; a date after
        a list of events of one type ("met the ambassadors of A, B and C on the 17th") dates them all."""
        owner = self._nearest_trigger(d)
        if owner is None or owner == trig.start or not 0 <= d.start - owner <= 110:
            return False
        return self._trigger_types.get(owner, trig.type) != trig.type

    def _same_clause(self, trig: Trigger, d: DateMention) -> bool:
        """No other event word, in a clause of its own or placed in time against this one, stands
        between a trigger and a date: "X held talks with Y, who is visiting from 5 to 7 May" keeps the
        range from the talks; "X held talks and signed three deals on 7 May" shares it."""
        lo, hi = (trig.end, d.start) if trig.start < d.start else (d.end, trig.start)
        between = [t for t in self._sentence_triggers if lo <= t.start and t.end <= hi]
        if not between:
            return True
        # "sau chuyến công du của ông Lee vào tháng 8": an earlier event's date, not this one's
        return not (_CLAUSE_BREAK.search(self.ctx.text, lo, hi) or _OTHER_TIME.search(self.ctx.text, lo, hi))

    def _nearest_trigger(self, d: DateMention) -> int | None:
        """Start of the sentence's trigger closest to a date (a date belongs to one event); a governed
        date only to the triggers inside its cue's scope."""
        starts = self._sentence_triggers
        cue = self._governed.get(d.start)
        if cue is not None:
            starts = [t for t in starts if cue <= t.start < d.start]
        if not starts:
            return None
        before = [t for t in starts if t.end <= d.start]
        after = [t for t in starts if t.start >= d.end]
        if before and after:
            # between two event words, a break on one side only ("sang thăm Campuchia và đến tháng 9 bà
            # X có chuyến thăm", "the talks with Y in August, and Z's trip") gives the date to the other
            text = self.ctx.text
            prev, nxt = before[-1], after[0]
            cut_before, cut_after = _cut(text, prev.end, d.start), _cut(text, d.end, nxt.start)
            if cut_before != cut_after:
                return nxt.start if cut_before > cut_after else prev.start
        return min(starts, key=lambda t: min(abs(d.start - t.end), abs(t.start - d.end))).start

    def _past_marked(self, sent: Sentence, trig: Trigger) -> bool:
        around = self.ctx.text[max(sent.start, trig.start - 40):min(sent.end, trig.end + 40)]
        return bool(_EARLIER.search(around))

    def _update_context_date(self, dates: list[DateMention], sent: Sentence) -> None:
        """The day the narrative is on after this sentence: its first single stated day near the
        reference, else the day it says something was said ("Putin said June 19 following talks …":
        what follows is told of that day, not of the publication day, though no plan takes it)."""
        ref = self.ctx.reference
        governed = self._governed
        told = self._reported.get(sent.start)
        for d in [*dates, *([told] if told is not None else [])]:
            if len(d.date_start) != 10 or d.date_start != d.date_end or d.start in governed:
                continue  # only a single stated day dates what follows; a range's first day would not
            if ref is not None and abs((dt.date.fromisoformat(d.date_start) - ref).days) > 40:
                continue
            if is_timestamp(self.ctx.text, d.end):
                continue  # the page's time stamp: the reference already holds it, in the newsroom's zone
            if d.relative and self._quoted(sent, d.start):
                continue  # "today" in a quote is the day it was said, not the day the article is on
            if self._sentence_adverbial(sent, d) and _EARLIER.search(self.ctx.text, sent.start, d.start):
                continue  # "Trước đó, ngày 5/4, …": a look back; the narrative stays on its day
            self.ctx.context_date = d.date_start
            self.ctx.context_source = "inferred-text"
            self._context_told = d is told
            return

    def _status(self, sent: Sentence, trig_start: int) -> str:
        lo = max(sent.start, trig_start - 60)
        if self._clause_start is not None and sent.start <= self._clause_start < lo:
            lo = self._clause_start  # "X will hold talks with A and call on B": B's call is planned too
        before = self.ctx.text[lo:trig_start]
        return "planned" if self.cues.planned.search(before) else "occurred"

    def _is_intention(self, sent: Sentence, trig: Trigger) -> bool:
        before = self.ctx.text[max(sent.start, trig.start - 70):trig.start]
        after = self.ctx.text[trig.end:min(sent.end, trig.end + 60)]
        return bool(self.cues.intent.search(before) or self.cues.not_event_after.search(after))

    def _location(self, sent: Sentence, default_country: str | None = None) -> tuple[str | None, str | None]:
        places = self.ctx.actors.places_in(sent.start, sent.end)
        if places:
            p = places[0]
            return p.text, p.iso3
        for c in self.ctx.actors.countries_in(sent.start, sent.start + 40):
            # "In Sri Lanka, the minister will hold talks with …", "Tại Lào, …": a fronted country
            if c.kind != "demonym" and _FRONTED_PLACE.fullmatch(self.ctx.text, sent.start, c.start) \
                    and self.ctx.text[c.end:c.end + 1] == ",":
                return c.text, c.iso3
        if self.ctx.dateline_place and (default_country is None or self.ctx.dateline_country == default_country):
            return self.ctx.dateline_place, self.ctx.dateline_country
        return None, None

    def _subject_states(self, sent: Sentence, trig: Trigger, reach: int | None = None) -> set[str]:
        """States named as the parties before the trigger in its clause ("Chile and Japan signed
        a memorandum", "the foreign ministers of Vietnam and Laos held talks"), outside any
        person's description; with ``reach``, only when the last of them stands that close to the
        trigger (the states are its subject, not a topic of the clause)."""
        start = max(sent.start, self._clause_start or sent.start)
        people = [(m.start, m.end) for m in self.ctx.actors.mentions]
        states = [c for c in self.ctx.actors.countries_in(start, trig.start)
                  if c.kind in ("name", "alias") and not any(a <= c.start < b for a, b in people)]
        if reach is not None and (not states or trig.start - states[-1].end > reach):
            return set()
        return {c.iso3 for c in states}

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
            if id(m.person) not in seen and (modifiers or not self._is_modifier(m)) and not self._remembered(m):
                seen.add(id(m.person))
                out.append(m)
        return out

    def _remembered(self, m: PersonMention) -> bool:
        """Named as someone dead ("the late President X", "cố Chủ tịch X"): remembered, never an
        actor or a counterpart of the events told."""
        return self.cues.remembered.search(self.ctx.text, max(0, m.start - 40), m.start) is not None

    def _is_modifier(self, m: PersonMention) -> bool:
        """A person named only as a modifier: "Đặc phái viên của Tổng Bí thư Tô Lâm", "envoy of
        President X", "delegation led by X", "greetings from X". Titles, countries and capitalised
        words may stand between the cue and the name, nothing else."""
        text = self.ctx.text
        window = text[max(0, m.start - 100):m.start]
        cue = None
        for c in self.cues.modifier.finditer(window):
            cue = c
        if cue is None:
            return False
        cue_start = m.start - len(window) + cue.start()
        if _LED_BY_CUE.match(cue.group()) and \
                _DELEGATION_BEFORE.search(text[max(0, cue_start - 90):cue_start]):
            return False  # "a delegation led by X", "Đoàn ... do X dẫn đầu": X acts for the delegation
        gap_start = m.start - len(window) + cue.end()
        if any(x.person is not m.person for x in self.ctx.actors.mentions_in(gap_start, m.start)):
            return False  # "lời mời của A, B thăm ...": the cue belongs to A, not to B
        gap = text[gap_start:m.start]
        for t in self.ctx.actors.titles_in(gap_start, m.start):
            if gap_start <= t.start and t.end <= m.start:
                gap = gap.replace(t.text, " ")
        for c in self.ctx.actors.countries_in(gap_start, m.start):
            gap = gap.replace(c.text, " ")
        rest = [w for w in re.split(r"[\s,]+", gap) if w]
        return all(w[:1].isupper() or w in _NAME_GAP_WORDS for w in rest)

    def _inviter(self, m: PersonMention, seg_start: int) -> bool:
        """Named in an invitation phrase ("At the invitation of President X and Prime Minister Y,",
        "Nhận lời mời của Tổng Bí thư, Chủ tịch nước X,"): the phrase runs from its cue to the first
        comma after a name (commas inside a title chain come before the name)."""
        text = self.ctx.text
        cue = None
        for c in _INVITATION_OF.finditer(text[max(seg_start, m.start - 150):m.start]):
            cue = c
        if cue is None:
            return False
        cue_end = max(seg_start, m.start - 150) + cue.end()
        named = [p for p in self.ctx.actors.mentions if cue_end <= p.start and p.end <= m.start]
        comma = text.find(",", cue_end, m.start)
        if comma >= 0 and _INVITING_BODY.match(text, cue_end) and not [p for p in named if p.start < comma]:
            return False  # "Nhận lời mời của Bộ Ngoại giao Lào, ông X, Thứ trưởng … thăm": a body invited
        return not any(re.search(r"[,;]", text[p.end:m.start]) for p in named)

    def _subject(self, sent: Sentence, seg_start: int, trig: Trigger, prev_agents: list[PersonMention],
                 prev_objects: Sequence[PersonMention] = ()) -> list[PersonMention]:
        """The acting people: those in the clause before the trigger (not the previous verb's
        objects), else the previous verb's subject, else a pronoun/bare-title subject resolved to
        the article's protagonist."""
        taken = {id(m.person) for m in prev_objects}
        semicolon = self.ctx.text.rfind(";", seg_start, trig.start)
        if semicolon >= 0 and prev_agents:  # "X hội kiến A; dự ... cùng B; hội kiến C": each clause is X's
            seg_start = semicolon + 1
        elif semicolon >= 0 and self._elided_subject(semicolon, trig):
            # "X laid a wreath at the memorial to Y; called on Z": a clause with no subject of its own
            # after a semicolon is the sentence subject's, not the last person named before it
            first = [m for m in self._mentions_between(sent.start, semicolon) if not self._inviter(m, sent.start)]
            if first:
                return first[:1]
        before = [m for m in self._mentions_between(seg_start, trig.start) if id(m.person) not in taken]
        if prev_agents:  # a name only NER vouches for ("Hội nghị Cấp cao") does not displace the known subject
            before = [m for m in before if m.kind != "ner"]
        before = [m for m in before if not self._inviter(m, seg_start)]
        if before and PRONOUN_CLAUSE.search(self.ctx.text, before[-1].end, trig.start):
            # "... with the Minister of Foreign Affairs before leaving for Lagos, where he will meet X":
            # the clause's own pronoun is its subject, not the last person named before it: the
            # sentence's subject, else the visitor the article follows
            opener = before[0] if not self.ctx.text[sent.start:before[0].start].strip() else None
            agent = opener.person if opener is not None and opener is not before[-1] \
                else self._latest_visitor() or self._previous_sentence_agent(sent) or self.ctx.protagonist
            if agent is not None and agent is not before[-1].person:
                return [PersonMention(sent.start, sent.start, "", agent, "pronoun")]
        if before and _LIST_ITEM_OPEN.search(self.ctx.text, max(seg_start, trig.start - 60), trig.start):
            # "The visit includes discussions with A, a dialogue, a meeting with B": A is met in an
            # earlier item of the list; the list's meetings are all the visitor's
            met = [m for m in before if _COMITATIVE_BEFORE.search(self.ctx.text, max(seg_start, m.start - 60),
                                                                 m.start)]
            if met and met[-1] is before[-1]:
                before = [m for m in before if m not in met]
                visitor, met_people = self._latest_visitor(), {id(m.person) for m in met}
                if not before and visitor is not None and id(visitor) not in met_people \
                        and all(id(a.person) in met_people for a in prev_agents):
                    return [PersonMention(sent.start, sent.start, "", visitor, "pronoun")]
        last_pair_cue = None
        for cue in self.cues.two_leaders.finditer(self.ctx.text, seg_start, trig.start):
            last_pair_cue = cue
        if last_pair_cue is not None and (not before or before[-1].end <= last_pair_cue.start()
                                          or last_pair_cue.start() <= before[-1].start
                                          and before[-1].end <= last_pair_cue.end()):
            # "…welcomed A at the palace, after which the two leaders held talks": the description
            # nearer the verb than any name is its subject
            pair = self._article_pair(sent)
            if pair:
                return pair
        if before:
            return self._coordinated(before)
        if self.cues.two_leaders.search(self.ctx.text[seg_start:trig.start]):
            pair = self._article_pair(sent)
            if pair:
                return pair  # "the two leaders held talks", "hai nhà lãnh đạo đã hội đàm"
        if prev_agents:
            return prev_agents
        head = self.ctx.text[sent.start:trig.start]
        # "..., where he will meet the business community": the clause's own pronoun subject
        pronoun = PRONOUN_HEAD.search(head) is not None or PRONOUN_CLAUSE.search(head) is not None
        if pronoun:
            agent = self._previous_sentence_agent(sent)
            if agent is not None:  # "A held talks with B. He also met C.": "he" goes on with A
                return [PersonMention(sent.start, sent.start, "", agent, "pronoun")]
        if self.ctx.protagonist is not None and not _names_a_pair(head):
            if len(head.split()) <= 12 or pronoun:
                return [PersonMention(sent.start, sent.start, "", self.ctx.protagonist, "pronoun")]
        return []

    def _latest_visitor(self) -> Person | None:
        """The visitor of the latest trip reported so far (planned or made), the person a list of
        the trip's engagements is about."""
        if self.ctx.last_visitor is not None:
            return self.ctx.last_visitor
        for ev in reversed(self.ctx.events):
            names = [p.name for p in ev.participants if p.role == "visitor"] if ev.type == "visit" else []
            if names:
                return self._named_person(names[0])
        return None

    def _elided_subject(self, semicolon: int, trig: Trigger) -> bool:
        """Whether the clause from a semicolon to the trigger names nobody and opens with a lower-case
        word (a new predicate whose subject is elided), not 'and' or an honorific."""
        words = self.ctx.text[semicolon + 1:trig.start].split()
        head = words[0] if words else self.ctx.text[trig.start:trig.end].split()[0]
        return head[:1].islower() and not self._mentions_between(semicolon + 1, trig.start, modifiers=True) \
            and head not in _CLAUSE_CONTINUERS

    def _coordinated(self, before: list[PersonMention], reach: int = 70, commas: bool = True) -> list[PersonMention]:
        """The last of ``before`` with anyone coordinated to it by "and"/"và" (or a comma, unless
        ``commas`` is off) within ``reach`` characters ("A và Phu nhân B")."""
        group = [before[-1]]
        for m in reversed(before[:-1]):
            gap = self.ctx.text[m.end:group[0].start]
            if len(gap) <= reach and _AND_WITH.search(gap) and not _WITH_WHILE.search(gap) \
                    and (commas or "," not in gap):
                group.insert(0, m)
            else:
                break
        return group

    def _previous_sentence_agent(self, sent: Sentence) -> Person | None:
        """Who acted in the meeting or visit the sentence right before reports (its first
        participant: the subject of "A met B", the visitor): the subject a pronoun continues."""
        for ev in reversed(self.ctx.events):
            if ev.char_end > sent.start:
                continue
            if self.ctx.text[ev.char_end:sent.start].strip() or ev.type == "agreement" or not ev.participants:
                return None
            first = ev.participants[0].name
            return self._named_person(first)
        return None

    def _describes_the_one_met(self, trig: Trigger, later: Trigger) -> bool:
        """"received visiting X", "met the visiting X": the later "visiting" describes whom the
        meeting verb takes; it is no event of its own."""
        if trig.type != "meeting":
            return False
        if later.text.strip().lower() == "visiting":
            return bool(_BEFORE_ATTRIBUTE.fullmatch(self.ctx.text, trig.end, later.start))
        # "tiếp xúc với lãnh đạo các nước cùng tham dự Diễn đàn, như A; B": attending the forum
        # describes the leaders met, whose names follow
        between = self.ctx.text[trig.end:later.start]
        return (later.type == "visit" and bool(_ATTEND_WORD.match(later.text)) and len(between) <= 120
                and bool(_MANY_MET.search(between.replace(",", " ,"))) and not re.search(r"[.;]", between)
                and not self._mentions_between(trig.end, later.start))

    def _named_person(self, canonical: str) -> Person | None:
        """The article's named person an event lists as ``canonical`` (participants keep names only)."""
        return next((p for p in self.ctx.actors.people if p.named and p.canonical == canonical), None)

    def _article_pair(self, sent: Sentence) -> list[PersonMention]:
        """The two people a description such as "the two leaders" or "host and guest" stands for:
        the visitor and host of the latest visit, else the two sides of the latest meeting."""
        for ev in reversed(self.ctx.events):
            if ev.type == "visit":
                names = [p.name for p in ev.participants if p.role == "visitor"][:1] + \
                        [p.name for p in ev.participants if p.role == "host"][:1]
            elif ev.type == "meeting":
                names = [p.name for p in ev.participants][:2]
            else:
                continue
            people = [p for p in map(self._named_person, names) if p is not None]
            if ev.type == "visit" and len(people) == 1 and ev.location_country not in (None, people[0].country):
                # a visit with no host named in its sentence ("Hollande arrived in Viet Nam for a state
                # visit … Quang chaired the welcome ceremony"): the last person of the host country seen,
                # in this sentence too ("B welcomed A, after which the two leaders held talks")
                host = [m.person for m in self.ctx.actors.mentions_in(0, sent.end)
                        if m.person.named and m.person.country == ev.location_country]
                people += host[-1:]
            if len(people) == 2 and people[0].country != people[1].country:
                return [PersonMention(sent.start, sent.start, "", p, "pronoun") for p in people]
        return []

    # ------------------------------------------------------------- frames
    def fill(self) -> list[Event]:
        """The article's events, sentence by sentence, each trigger filled by its type's frame."""
        ctx = self.ctx
        if ctx.reference is not None and ctx.context_date is None:
            ctx.context_date = ctx.reference.isoformat()
            ctx.context_source = ctx.reference_source
        for sent in ctx.sentences:
            triggers = [Trigger(t.start + sent.start, t.end + sent.start, t.type, t.subtype, t.text)
                        for t in find_triggers(sent.text, self.lang)]
            dates = self._usable_dates(sent, self._dates(sent), triggers) if triggers else []
            self._sentence_triggers = [Span(t.start, t.end) for t in triggers]
            self._trigger_types = {t.start: t.type for t in triggers}
            prev_agents: list[PersonMention] = []
            prev_objects: list[PersonMention] = []
            seg_start = sent.start
            self._clause_start = sent.start
            for i, trig in enumerate(triggers):
                # "received visiting X", "met the visiting X": an attribute of the one met
                later = [t for t in triggers[i + 1:] if not self._describes_the_one_met(trig, t)]
                if i and self._describes_the_one_met(triggers[i - 1], trig):
                    continue
                nxt = later[0].start if later else sent.end
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
                self._update_context_date(dates, sent)
            else:
                self._update_context_date(self._usable_dates(sent, self._dates(sent))
                                          if HAS_DIGIT.search(sent.text) else [], sent)
        self.finish_lists()
        self._date_trip_by_anaphor()
        add_entourages(ctx.events, ctx.sentences, ctx.actors, self.cues.entourage, ctx.reference)
        return ctx.events

    def _date_trip_by_anaphor(self) -> None:
        """A trip the article dates only by a guess (its publication or dateline day, the day its
        narrative is on), or a planned one it leaves undated, takes the span a later sentence gives
        it without naming anyone ("The visit from November 24 to 26 sought …", "During their March
        2-8 stay, the delegation …", "Chuyến thăm diễn ra từ ngày 24 đến 26/11"): one such span in
        the article, the article's guessed visits all of one pair of countries, and the span on the
        right side of the reference (done by then for a done visit, not over for a planned one)."""
        ctx, ref = self.ctx, self.ctx.reference
        guessed = [e for e in ctx.events if e.type == "visit" and (
            (e.date_inferred and e.date_start and len(e.date_start) == 10 and e.date_source in _GUESSED_SOURCES)
            or (not e.date_start and e.status == "planned"))]  # a plan told without its days
        if ref is None or not guessed or len({frozenset(e.countries) for e in guessed}) != 1:
            return
        anaphor = _visit_anaphor(self.lang)
        # a sentence that reports a visit with its own day is no anaphor's; one whose visit is only
        # guessed ("During their March 2-8 stay, the delegation visited …") still dates the trip
        unsure = {id(e) for e in guessed}
        emitted = {e.char_start for e in ctx.events if e.type == "visit" and id(e) not in unsure}
        spans: set[tuple[str, str]] = set()
        for sent in ctx.sentences:
            if sent.start in emitted or not HAS_DIGIT.search(sent.text):
                continue
            names = [(m.start() + sent.start, m.end() + sent.start) for m in anaphor.finditer(sent.text)]
            if not names:
                continue
            for d in self._dates(sent):
                if len(d.date_start) == 10 and d.date_start < d.date_end \
                        and any(-40 <= d.start - b <= 40 or a <= d.start < b for a, b in names):
                    spans.add((d.date_start, d.date_end))
        if len(spans) != 1:
            return
        start, end = spans.pop()
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        if (last - first).days > 21:
            return
        for e in guessed:
            done = e.status == "occurred"
            if (done and not first <= ref <= last + dt.timedelta(days=14)) or (not done and last < ref):
                continue
            # a span the text states for this trip: stated, so the day a mention dates it ("concluded the
            # visit on November 29") joins it rather than replacing it
            e.date_start, e.date_end, e.date_source, e.date_inferred = start, end, "stated", False

    def _emit(self, sent: Sentence, trig: Trigger, type_: str, subtype: str, status: str,
              participants: list[Participant], countries: set[str | None], date: tuple,
              location: tuple[str | None, str | None], title: str | None = None, confidence: float = 0.6) -> Event:
        ev = Event(doc_id=self.ctx.doc_id, lang=self.lang, type=type_, subtype=subtype, status=status,
                   trigger=trig.text, evidence=sent.text, char_start=sent.start, char_end=sent.end,
                   date_start=date[0], date_end=date[1] or date[0], location_name=location[0],
                   location_country=location[1], countries=sorted(c for c in countries if c),
                   participants=[p for p in participants if p.name], title=title, confidence=confidence,
                   trigger_start=trig.start,
                   date_inferred=bool(date[2]) if len(date) > 2 else False,
                   date_source=(date[3] if len(date) > 3 else "stated") if date[0] else None)
        ev.thanked_for = type_ == "meeting" and bool(
            self.cues.thanks_for.search(self.ctx.text, max(sent.start, trig.start - 100), trig.start))
        ev.speculative = bool(self.cues.speculation.search(self.ctx.text, max(sent.start, trig.start - 70), trig.start))
        self.ctx.events.append(ev)
        if ev.date_source == "stated":
            for o in self._date_lists.pop(trig.start, []):  # "in 2009 and 2015": one event per time
                other = copy.copy(ev)
                other.participants = list(ev.participants)
                other.countries = list(ev.countries)
                other.date_start, other.date_end = o.date_start, o.date_end
                self.ctx.events.append(other)
        return ev

    # meetings ------------------------------------------------------------
