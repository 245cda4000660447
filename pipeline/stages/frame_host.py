"""What the frame mixins (visits, meetings, agreements) use from ``FrameFiller``, declared for the
type checker: the mixins are parts of one class split by event type, and call back into it."""
from __future__ import annotations

from typing import TYPE_CHECKING, AbstractSet, Sequence

if TYPE_CHECKING:
    from collections import Counter

    from pipeline.doc import Event, Participant, Sentence, Span
    from pipeline.lang.base import FrameCues
    from pipeline.stages.actors import Person, PersonMention
    from pipeline.stages.dates import DateMention
    from pipeline.stages.frame_base import ArticleContext, PickedDate, Trigger
    from pipeline.stages.meeting_frames import VisitIndex

    class FrameHost:
        """The attributes ``FrameFiller.__init__`` sets and the methods the mixins share."""

        ctx: ArticleContext
        lang: str
        cues: FrameCues
        _visit_index: VisitIndex
        _listed: set[int]
        _item_lines: set[int]
        _people_countries: Counter[str] | None
        _sentence_triggers: list[Span]
        _trigger_types: dict[int, str]

        def _dates(self, sent: Sentence) -> list[DateMention]: ...
        def _pick_date(self, sent: Sentence, trig: Trigger, dates: list[DateMention], status: str,
                       event_type: str) -> PickedDate: ...
        def _status(self, sent: Sentence, trig_start: int) -> str: ...
        def _location(self, sent: Sentence,
                      default_country: str | None = None) -> tuple[str | None, str | None]: ...
        def _participant(self, m: PersonMention | Person, role: str) -> Participant: ...
        def _mentions_between(self, start: int, end: int, modifiers: bool = False) -> list[PersonMention]: ...
        def _coordinated(self, before: list[PersonMention], reach: int = 70,
                         commas: bool = True) -> list[PersonMention]: ...
        def _inviter(self, m: PersonMention, seg_start: int) -> bool: ...
        def _article_pair(self, sent: Sentence) -> list[PersonMention]: ...
        def _subject(self, sent: Sentence, seg_start: int, trig: Trigger, prev_agents: list[PersonMention],
                     prev_objects: Sequence[PersonMention] = ()) -> list[PersonMention]: ...
        def _emit(self, sent: Sentence, trig: Trigger, type_: str, subtype: str, status: str,
                  participants: list[Participant], countries: set[str | None], date: tuple,
                  location: tuple[str | None, str | None], title: str | None = None,
                  confidence: float = 0.6) -> Event: ...
        def _country_name(self, iso3: str) -> str: ...
        def _subject_states(self, sent: Sentence, trig: Trigger, reach: int | None = None) -> set[str]: ...
        def _other_country(self, have: AbstractSet[str | None]) -> str | None: ...
else:
    class FrameHost:
        """At run time every attribute and method comes from ``FrameFiller`` and the mixins themselves."""
