"""The notebook's two plots: events per month and the network of countries, drawn with matplotlib.

Why a module of its own: they are analysis, not the evidence page, and
matplotlib is an optional dependency (the ``notebook`` extra), imported inside
each function so that importing this module never needs it. The numbers they
draw come from :func:`pipeline.views.events_per_month` and
:func:`pipeline.views.country_network`, so a plot and its table never disagree.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any

import pandas as pd

from pipeline.palette import OTHER_TYPE_COLOUR, TYPE_COLOURS
from pipeline.views import country_network, events_per_month

__all__ = ["plot_timeline", "plot_network"]


def plot_timeline(events: pd.DataFrame, ax: Any = None, *, title: str = "Events per month (date_start)",
                  ylabel: str = "events") -> Any:
    """Stacked bars of events per month by type (see :func:`events_per_month`); returns the Axes.
    Give ``result.event_clusters`` to count real events, ``result.events`` to count reports."""
    import matplotlib.pyplot as plt

    table = events_per_month(events)
    if ax is None:
        _, ax = plt.subplots(figsize=(min(14.0, max(6.0, 0.45 * len(table) + 2)), 3.6), layout="constrained")
    if table.empty:
        ax.text(0.5, 0.5, "no events dated to a month", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    x = list(range(len(table)))
    bottom = [0] * len(table)
    for etype in table.columns:
        values = table[etype].tolist()
        if sum(values):
            ax.bar(x, values, bottom=bottom, label=etype, color=TYPE_COLOURS.get(etype), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values)]
    step = max(1, math.ceil(len(x) / 24))  # at most ~24 month labels
    ax.set_xticks(x[::step], labels=list(table.index[::step]), rotation=45 if len(x) > 6 else 0, ha="right"
                  if len(x) > 6 else "center")
    ax.set_xlim(-0.6 if len(x) > 2 else -1.5, len(x) - 0.4 if len(x) > 2 else len(x) + 0.5)  # one bar stays a bar
    ax.set_xlabel("month of date_start")
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_network(events: pd.DataFrame, ax: Any = None, *,
                 title: str = "Countries: visits, meetings and agreements (number = events)") -> Any:
    """Countries on a circle, an arrow per visit direction (visitor → host) and a line per meeting or
    agreement pair, width growing with the count; returns the Axes. Give
    ``result.real_events()`` to count each real event once, ``result.events`` to count reports."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    edges = country_network(events)
    nodes = sorted(set(edges["source"]) | set(edges["target"]))
    if ax is None:
        side = 6.5 if len(nodes) <= 10 else 8.5
        _, ax = plt.subplots(figsize=(side, side), layout="constrained")
    # positions carry no scale: no ticks or frame, but the axis label says how to read the drawing
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    ax.set_xlabel("arrow: visitor's country → host country; line: countries meeting or signing; "
                  "number: count", fontsize=9)
    ax.set_title(title)
    ax.set_aspect("equal")
    if edges.empty:
        ax.text(0.5, 0.5, "no pair of countries in any event", ha="center", va="center", transform=ax.transAxes)
        return ax
    # A hub (one country in most edges: Viet Nam in a Vietnamese news feed) goes in the centre,
    # so its edges fan out instead of crossing the circle; the others sit on the circle.
    degree: Counter[str] = Counter()
    row: Any  # an itertuples row: its columns are attributes the pandas stubs cannot name
    for row in edges.itertuples(index=False):
        degree[row.source] += 1
        degree[row.target] += 1
    hub, hub_degree = degree.most_common(1)[0]
    centre = hub if len(nodes) >= 4 and hub_degree * 2 > len(edges) else None
    ring = [c for c in nodes if c != centre]
    n = len(ring)
    pos = {c: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
           for i, c in enumerate(ring)}
    if centre is not None:
        pos[centre] = (0.0, 0.0)
    size = 1100.0 if len(nodes) <= 10 else max(550.0, 11000.0 / len(nodes))
    shrink = math.sqrt(size / math.pi) + 2  # points: arrows stop at the node's edge
    # Visits curve gently (A→B and B→A bend to opposite sides); meetings and agreements bend
    # further, to opposite sides, so three kinds of edge between one pair stay apart.
    curve = {"visit": 0.12, "meeting": 0.3, "agreement": -0.3}
    top = max(int(edges["count"].max()), 1)
    for row in edges.itertuples(index=False):
        (x1, y1), (x2, y2) = pos[row.source], pos[row.target]
        rad = curve.get(row.type, 0.0)
        colour = TYPE_COLOURS.get(row.type, OTHER_TYPE_COLOUR)
        width = 1.2 + 3.5 * math.log1p(row.count) / math.log1p(top)
        style = "-|>,head_length=0.6,head_width=0.35" if row.type == "visit" else "-"
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                    arrowprops=dict(arrowstyle=style, color=colour, lw=width, alpha=0.75,
                                    shrinkA=shrink, shrinkB=shrink,
                                    connectionstyle=f"arc3,rad={rad}"))
        # The middle of arc3's quadratic curve: the chord's midpoint pushed rad/2 of the chord sideways.
        mx, my = (x1 + x2) / 2 + rad / 2 * (y2 - y1), (y1 + y2) / 2 - rad / 2 * (x2 - x1)
        ax.text(mx, my, str(row.count), fontsize=8, color=colour, ha="center", va="center", zorder=2,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9))
    ax.scatter([pos[c][0] for c in nodes], [pos[c][1] for c in nodes], s=size, color="#f1f5f9",
               edgecolors="#334155", linewidths=1.2, zorder=3)
    for c in nodes:
        ax.text(pos[c][0], pos[c][1], c, ha="center", va="center", fontsize=10 if size >= 1000 else 8,
                fontweight="bold", zorder=4)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    present = [t for t in curve if t in set(edges["type"])]
    handles = [Line2D([], [], color=TYPE_COLOURS[t], lw=2.5, label=("visit (visitor → host)" if t == "visit" else t))
               for t in present]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=len(handles), frameon=False,
              fontsize=9)
    return ax
