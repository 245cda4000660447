"""Stage ``frames``: visits, meetings and agreements, each with its roles, date and place.

The frame filler (:mod:`pipeline.stages.frames`) reads the article through an
:class:`ArticleContext`: the sentences, the actors, the reference date, the
dateline's place (as running text writes it, and its country), and the article's
protagonist (the person mentioned most, the earliest introduced on a tie).
"""
from __future__ import annotations

from collections import Counter

from pipeline.doc import Document
from pipeline.stages.dateline import readable_place
from pipeline.stages.frames import ArticleContext, FrameFiller
from pipeline.stages.gazetteer import PlaceGazetteer
from pipeline.stages.registry import Resources, register_stage

__all__ = ["FramesStage"]


@register_stage("frames", requires=("article", "lang", "text", "sentences", "actors", "dateline", "reference",
                                    "reference_source"), provides=("events",))
class FramesStage:
    """The article's event frames, before consolidation."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Fill the record's event frames from its sentences, actors and dates."""
        assert doc.article is not None and doc.lang is not None and doc.text is not None
        assert doc.sentences is not None and doc.actors is not None and doc.dateline is not None
        assert doc.reference_source is not None
        actors, place = doc.actors, doc.dateline.place
        place_country = PlaceGazetteer.load().country_of(place) if place else None
        ctx = ArticleContext(doc_id=doc.article.id, lang=doc.lang, text=doc.text, sentences=doc.sentences,
                             actors=actors, reference=doc.reference,
                             dateline_place=place_name(place),
                             dateline_country=place_country,
                             reference_source=doc.reference_source)
        counts = Counter(id(m.person) for m in actors.mentions)
        if counts and actors.people:
            top = max(actors.people, key=lambda p: (counts.get(id(p), 0), -actors.people.index(p)))
            ctx.protagonist = top
        doc.events = FrameFiller(ctx).fill()
        return doc


def place_name(place: str | None) -> str | None:
    """A dateline place as running text writes it: the gazetteer's spelling ("BAKU" -> "Baku"), or
    the capitals undone where the dateline carries diacritics the gazetteer may lack ("HÀ NỘI")."""
    if not place or not place.isupper():
        return place
    known = None if not place.isascii() else PlaceGazetteer.load().written_form(place)
    return known or readable_place(place)
