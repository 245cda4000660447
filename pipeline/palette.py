"""Colours shared by the evidence pages (pipeline.render) and the notebook's plots (pipeline.plots).

Why a module of its own: a visit is the same blue on a page and in a chart,
and neither of the two modules should import the other for it.
"""
from __future__ import annotations

__all__ = ["LABEL_COLOURS", "TYPE_COLOURS", "OTHER_TYPE_COLOUR"]

#: Entity label -> (background, underline).
LABEL_COLOURS: dict[str, tuple[str, str]] = {
    "PERSON": ("#dbeafe", "#2563eb"),
    "COUNTRY": ("#dcfce7", "#16a34a"),
    "PLACE": ("#ffedd5", "#ea580c"),
    "TITLE": ("#f3e8ff", "#9333ea"),
    "ORG": ("#e0f2fe", "#0891b2"),
    "OTHER": ("#f1f5f9", "#64748b"),
}
#: Event type -> colour; any other type gets OTHER_TYPE_COLOUR.
TYPE_COLOURS: dict[str, str] = {"visit": "#2563eb", "meeting": "#16a34a", "agreement": "#9333ea"}
OTHER_TYPE_COLOUR = "#475569"
