"""Agreement frames: signed, witnessed, exchanged or adopted documents, and upgrades of relations.
Each named document is one event; a listed set replaces its unnamed umbrella.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from pipeline.doc import Participant, Sentence
from pipeline.lang import joined
from pipeline.stages.actors import Person, PersonMention
from pipeline.stages.frame_base import PickedDate, Trigger, dedupe
from pipeline.stages.frame_cues import GENERIC_DOCS, LIST_ITEM, TITLE_END, split_counted_list
from pipeline.stages.frame_host import FrameHost

_SIGNING_CEREMONY = re.compile(joined("signing_ceremony"))
# "three protocols on A, B, and C": the count, then the item up to its end
_COUNT_BEFORE = re.compile(rf"\b({joined('count_words')}|\d+)\s+$", re.I)
_LIST_ITEM = re.compile(rf"[^;\n]+?(?=;|\n|, (?:{joined('list_item_end')})\b|$)")
_LIST_FOLLOWS_AFTER = re.compile(rf"\s+(?:{joined('list_follows_after')})\b")  # "documents include: …"
# an upgrade named inside a document's title is that document
_IN_STATEMENT_TITLE = re.compile(rf"(?:{joined('statement_titles')})[^.;]{{0,40}}$", re.I)
_HOPED_FOR = re.compile(rf"(?:{joined('hoped_for')})(?:\s+\S+){{0,4}}\s*$")
# "vui mừng trước việc hai nước nâng cấp quan hệ lên ...", "the 10th anniversary of the establishment of":
# an earlier upgrade valued or remembered, with no time of its own
_RECALLED = re.compile(rf"(?:{joined('upgrade_recalled')})\s*$")
_BOTH_SIDES = re.compile(rf"\b(?:{joined('both_sides')})\b")
_LINE_HEAD = re.compile(r"\s*(?:[-–•+*]|\d+[.)])?\s*")  # what may stand before a listed document on its line
_IN_LIST = re.compile(rf"(?:{joined('list_follows')})\b[^.]{{0,400}}$")
_INCLUDING = re.compile(rf"\b(?:{joined('list_including')})\b")
# the name of an upgraded partnership: "upgrade relations to a Comprehensive Strategic Partnership between"
_UPGRADE_NAME = re.compile(rf"\s*(?:{joined('upgrade_to')})?(?:{joined('relations_word')})?([^,.;]{{3,60}}?)"
                           rf"(?=[,.;]|{joined('upgrade_name_end')}|$)")

_PARTNERSHIP_WORD = re.compile(joined("partnership_word"), re.I)
_CUT_OFF = re.compile(r"\s*(?:\(\w{0,6})?\s*")  # all that follows a document word in a truncated article

if TYPE_CHECKING:
    from pipeline.stages.dates import DateMention


class AgreementFrames(FrameHost):
    """Documents and partnership upgrades: part of :class:`pipeline.stages.frames.FrameFiller`."""

    def _agreement(self, sent: Sentence, trig: Trigger, seg_start: int, nxt: int, dates: list[DateMention],
                   prev_agents: list[PersonMention]) -> list[PersonMention]:
        text = self.ctx.text
        before = text[sent.start:trig.start]
        if _SIGNING_CEREMONY.match(trig.text) and self.cues.nominal_before.search(
                text[max(sent.start, trig.start - 25):trig.start]) \
                and any(e.type == "agreement" for e in self.ctx.events):
            return []  # "Sau Lễ ký kết, ...": the signing already reported
        if text[max(sent.start, trig.start - 2):trig.start].endswith("(") or _LIST_FOLLOWS_AFTER.match(
                text[trig.end:trig.end + 25]):
            return []  # "memorandum of cooperation (MoU)": the same document; "documents include": a list follows
        if _CUT_OFF.fullmatch(text, trig.end) and not _SIGNING_CEREMONY.match(trig.text):
            # "..., a memorandum of understanding (Mo" where the text breaks off: a document with no
            # name, no event ("will witness the signing ceremony" cut there still reports a signing)
            return []
        listed = False
        if trig.subtype != "partnership_upgrade":
            prior_agreement = any(e.type == "agreement" for e in self.ctx.events)
            line_item = self._line_item(trig)
            listed = line_item or (prior_agreement and (
                (LIST_ITEM.match(sent.text) and trig.start - sent.start <= 12)
                or bool(self.cues.continued_list.match(sent.text)) or self._after_list_opener(trig)))
            if not listed and not self._signing_reported(sent):
                return []
            if self.cues.agreement_not_after.match(text[trig.start:sent.end]):
                return []
            # a document acted under is no new signing, unless the text gives its own signing time
            # ("implementing their agreement signed in 2015"): a past event referred to with a time
            if self.cues.agreement_not.search(text[max(sent.start, trig.start - 80):trig.start]) \
                    and not self.cues.signed_dated_after.match(text[trig.end:sent.end]):
                return []
        else:
            # an upgrade named inside a document's title is that document, not a separate event
            if _IN_STATEMENT_TITLE.search(before):
                return []
            if _HOPED_FOR.search(before) or _RECALLED.search(before):
                return []
        status = self._status(sent, trig.start)
        in_sentence = self._mentions_between(sent.start, sent.end)
        role = "witness" if self.cues.witness.search(sent.text) else "signatory"
        people: list[PersonMention | Person] = [m for m in in_sentence if m.kind != "title"] or \
            ([] if self.cues.two_leaders.search(sent.text) else list(in_sentence))
        if not people and self.cues.two_leaders.search(sent.text) and self.ctx.last_meeting is not None:
            parts = [Participant(p.name, p.mention, role, p.title, p.country)
                     for p in self.ctx.last_meeting.participants]
        elif not people and self.cues.two_leaders.search(sent.text):
            # "the two leaders witnessed the exchange of documents" with no meeting reported: the visit's pair
            parts = [self._participant(m, role) for m in self._article_pair(sent)]
        else:
            parts = [self._participant(m, role) for m in people]
        if _BOTH_SIDES.search(sent.text) and not in_sentence:
            parts = []
        countries = {p.country for p in parts if p.country}
        title = self._doc_title(sent, trig)
        for c in self.ctx.actors.countries_in(trig.start, trig.start + len(title or trig.text)):
            countries.add(c.iso3)
        countries |= self._subject_states(sent, trig)
        if len(countries) < 2 and self.ctx.last_meeting is not None:
            countries |= set(self.ctx.last_meeting.countries)
        if len(countries) < 2:
            extra = self._other_country(countries)
            if extra:
                countries.add(extra)
        if not listed and self._named_before(trig, parts, countries):
            return []
        date = self._pick_date(sent, trig, dates, status, "agreement")
        last = self.ctx.last_meeting
        if date.start is None and last is not None and last.date_start and last.status == status:
            # signed at the talks just reported (a signing still to come keeps no date)
            date = PickedDate(last.date_start, last.date_end, True, "inferred-text")
        loc = self._location(sent)
        titles: Sequence[str | None] = [title]
        count = _COUNT_BEFORE.search(text[max(sent.start, trig.start - 8):trig.start])
        if count:  # "three protocols on A, B, and C": up to the end of the list item
            item = _LIST_ITEM.match(text[trig.start:sent.end])
            titles = split_counted_list(f"{count.group(1)} {item.group(0).rstrip('. ')}") if item else titles
            if len(titles) == 1:
                titles = [title]
        for t in titles:
            ev = self._emit(sent, trig, "agreement", trig.subtype, status, dedupe(parts), set(countries), date, loc,
                            title=t)
            if listed:
                self._listed.add(id(ev))
        return []

    def _named_before(self, trig: Trigger, parts: list[Participant], countries: set[str]) -> bool:
        """A definite mention with no name after it ("the RAA deal", "the treaty signed today",
        "Hiệp định này") is a document reported before: the nearest earlier document of the same
        countries takes its people, and no new event is made."""
        if trig.subtype == "partnership_upgrade":
            return False
        text = self.ctx.text
        definite = self.cues.doc_again_before.search(text[max(0, trig.start - 40):trig.start])
        if not definite or not (definite.groupdict().get("such")
                                or self.cues.doc_again_after.match(text[trig.end:trig.end + 30])):
            return False
        known = {c for c in countries if c}
        for ev in reversed(self.ctx.events):
            if ev.type == "agreement" and ev.subtype != "partnership_upgrade" and known <= set(ev.countries):
                have = {p.name for p in ev.participants}
                ev.participants += [p for p in dedupe(parts) if p.name and p.name not in have]
                ev.mentions += 1
                return True
        return False

    def _signing_reported(self, sent: Sentence) -> bool:
        """Whether the sentence reports a signing, exchange or adoption: one of its signing words is
        not governed by a proposal, hope, refusal or forecast ("proposed that the two sides sign",
        "refused to sign"); a word that only opens a list ("including") counts when it is the only one."""
        cues = list(self.cues.agreement.finditer(sent.text))
        if not cues:
            return False
        verbs = [m for m in cues if not self.cues.list_word.match(m.group(0))]
        if not verbs:
            # "The documents include ...", "các văn kiện gồm": a list of documents; "progress in many
            # areas, including trade and the approval of the TikTok deal" lists topics
            return any(self._trigger_types.get(t.start) == "agreement" and 0 <= sent.start + m.start() - t.end <= 60
                       for m in cues for t in self._sentence_triggers)
        return not all(self.cues.signing_hoped.search(sent.text[max(0, m.start() - 90):m.start()]) for m in verbs)

    def _line_item(self, trig: Trigger) -> bool:
        """A document word opening a line, right under a list opener ("Các văn kiện hợp tác gồm:",
        "The documents signed include:") or under another such line: one item of a list of signed
        documents laid out one per line, however many lines the list runs to."""
        text = self.ctx.text
        line = text.rfind("\n", 0, trig.start) + 1
        if not line or not _LINE_HEAD.fullmatch(text[line:trig.start]):
            return False
        prev_end = len(text[:line].rstrip())
        prev = text.rfind("\n", 0, prev_end) + 1
        head = text[prev:prev_end]
        if prev in self._item_lines or (head.endswith(":") and (_IN_LIST.search(head[:-1] + " ")
                                                                or GENERIC_DOCS.search(head.lstrip()))):
            self._item_lines.add(line)
            return True
        return False

    def _after_list_opener(self, trig: Trigger) -> bool:
        """A document named after 'The documents include', 'as follows:', 'gồm', in the same or the
        previous sentence: an item of a list of signed documents."""
        text = self.ctx.text
        if _IN_LIST.search(text[max(0, trig.start - 420):trig.start]):
            return True
        # "witnessed the signing of cooperation documents, including A, B and C": items of the umbrella
        return any(e.type == "agreement" and e.char_start <= trig.start < e.char_end and e.trigger_start < trig.start
                   and GENERIC_DOCS.search(e.title or e.trigger)
                   and _INCLUDING.search(text, e.trigger_start, trig.start) for e in self.ctx.events)

    def finish_lists(self) -> None:
        """When the documents signed are listed one by one, each is an event and the unnamed
        umbrella ('14 cooperation documents') is not; the items take its witnesses, date and place."""
        events = self.ctx.events
        for umbrella in [e for e in events if e.type == "agreement" and id(e) not in self._listed
                         and GENERIC_DOCS.search(e.title or e.trigger)]:
            items = [e for e in events if id(e) in self._listed and e.trigger_start > umbrella.trigger_start]
            if not items:
                continue
            for e in items:
                if not e.participants:
                    e.participants = [Participant(p.name, p.mention, p.role, p.title, p.country)
                                      for p in umbrella.participants]
                    e.countries = sorted(set(e.countries) | set(umbrella.countries)) if len(e.countries) < 2 \
                        else e.countries
                if (not e.date_start or e.date_inferred) and umbrella.date_start:
                    e.date_start, e.date_end, e.date_inferred, e.date_source = \
                        umbrella.date_start, umbrella.date_end, umbrella.date_inferred, umbrella.date_source
                if not e.location_country and umbrella.location_country:
                    e.location_name, e.location_country = umbrella.location_name, umbrella.location_country
            events.remove(umbrella)

    def _doc_title(self, sent: Sentence, trig: Trigger) -> str | None:
        """The document's name as written: from the trigger to the end of its noun phrase."""
        text = self.ctx.text
        if trig.subtype == "partnership_upgrade":
            if _PARTNERSHIP_WORD.search(trig.text):
                return trig.text.strip()  # "a Strategic Partnership since 2013": the event word is the name
            m = _UPGRADE_NAME.match(text[trig.end:sent.end])
            return m.group(1).strip() if m else None
        m = TITLE_END.search(text, trig.end, sent.end)
        title = text[trig.start:m.start() if m else sent.end].strip().rstrip(",;:.")
        return title[:300] or trig.text
