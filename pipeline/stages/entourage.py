"""The named members of a travelling delegation, listed after "accompanied by" or "tháp tùng".

Why: the spec counts named members of a travelling delegation as visitors ("Named members of
a travelling delegation are `visitor`s too"), and official reports list them in one sentence of
their own ("Tháp tùng Thủ tướng có: Bộ trưởng A; Bộ trưởng B; ...", "Accompanied by a delegation
including Foreign Minister A, Planning Minister B, ..."). No trigger is in that sentence, so the
frames never read it. Each named person listed there who is of the visitors' country (or of none
known) joins, as a visitor, every visit of that country the article reports as current; a visit
referred to with an earlier year or month is not the trip they accompany.
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.doc import Event, Participant, Sentence
from pipeline.stages.actors import ArticleActors, PersonMention
from pipeline.stages.consolidate import is_past_reference
from pipeline.stages.gazetteer import fold

__all__ = ["add_entourages"]


def add_entourages(events: list[Event], sentences: list[Sentence], actors: ArticleActors,
                   cue: re.Pattern[str], reference: dt.date | None) -> None:
    """Add the members each entourage list names to the article's current visits (in place)."""
    visits = [e for e in events if e.type == "visit" and not is_past_reference(e, reference)]
    if not visits:
        return
    for sent in sentences:
        m = cue.search(sent.text)
        if m is None:
            continue
        # a full name: one word alone in a long list of offices is too often an office's word
        members = [x for x in actors.mentions_in(sent.start + m.end(), sent.end)
                   if x.person.named and len(x.person.canonical.split()) >= 2]
        for ev in visits:
            visitors = [p for p in ev.participants if p.role == "visitor"]
            home = {p.country for p in visitors} - {None}
            if len(home) > 1 or not visitors:
                continue
            country = next(iter(home), None)  # a visitor of no known country: members of none either
            have = {fold(p.name) for p in ev.participants}
            for x in members:
                if _belongs(x, country) and fold(x.person.canonical) not in have:
                    have.add(fold(x.person.canonical))
                    ev.participants.append(Participant(name=x.person.canonical, mention=x.text, role="visitor",
                                                       title=x.title or x.person.title, country=country))


def _belongs(x: PersonMention, country: str | None) -> bool:
    """Of the visitors' country, or of no country anything states (a name the list gives alone)."""
    return x.person.country == country or x.person.country is None or (x.person.country_guessed
                                                                       and country is not None)

