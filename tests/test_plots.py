"""The notebook's plots (pipeline.plots) draw the numbers of their tables: a bar per month and type as
high as the count of events, an edge per country pair and kind, as wide as its count says.

Expected values are worked out by hand from the rows below, not taken from the table functions.
"""
from __future__ import annotations

import pandas as pd
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from pipeline.palette import TYPE_COLOURS  # noqa: E402
from pipeline.plots import plot_network, plot_timeline  # noqa: E402


def _p(country: str, role: str) -> dict:
    return {"name": "X", "mention": "X", "role": role, "title": None, "country": country}


def _row(etype: str, countries: list[str], participants=(), date=None) -> dict:
    return {"type": etype, "countries": countries, "participants": list(participants),
            "location": {"name": None, "country": None}, "date_start": date}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_timeline_bars_are_the_events_of_each_month_stacked_by_type():
    events = pd.DataFrame([_row("visit", [], date="2025-05-07"), _row("visit", [], date="2025-05-20"),
                           _row("meeting", [], date="2025-05-21"), _row("meeting", [], date="2025-07"),
                           _row("visit", [], date="2024"),      # a year only: no month, no bar
                           _row("agreement", [], date=None)])   # undated: no bar, and no agreement series
    ax = plot_timeline(events)
    bars = {c.get_label(): c for c in ax.containers}
    assert list(bars) == ["visit", "meeting"]
    assert [r.get_height() for r in bars["visit"]] == [2, 0, 0]
    assert [r.get_height() for r in bars["meeting"]] == [1, 0, 1]
    assert [r.get_y() for r in bars["meeting"]] == [2, 0, 0]  # stacked on the visits of its month
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-05", "2025-06", "2025-07"]


def test_timeline_without_a_dated_month_says_so():
    ax = plot_timeline(pd.DataFrame([_row("visit", [], date="1959"), _row("meeting", [], date=None)]))
    assert not ax.containers and [t.get_text() for t in ax.texts] == ["no events dated to a month"]


def test_network_draws_one_edge_per_country_pair_and_kind_with_its_count():
    events = pd.DataFrame([
        _row("visit", ["AZE", "VNM"], [_p("VNM", "visitor"), _p("AZE", "host")]),
        _row("visit", ["CHN", "VNM"], [_p("CHN", "visitor"), _p("VNM", "host")]),
        _row("visit", ["CHN", "VNM"], [_p("CHN", "visitor")]),   # host: the other country
        _row("visit", ["LAO", "VNM"]),                            # no direction: no edge
        _row("meeting", ["AZE", "LAO", "VNM"]),                   # three pairs
        _row("agreement", ["VNM", "AZE"]),
        _row("meeting", ["VNM"]),                                 # no pair
    ])
    ax = plot_network(events)
    nodes = {tuple(t.get_position()): t.get_text() for t in ax.texts if t.get_fontweight() == "bold"}
    assert sorted(nodes.values()) == ["AZE", "CHN", "LAO", "VNM"]
    kind = {colour: etype for etype, colour in TYPE_COLOURS.items()}
    edges = {}
    for a in ax.texts:
        if isinstance(a, matplotlib.text.Annotation):
            props = a.arrowprops
            edges[(nodes[tuple(a.xyann)], nodes[tuple(a.xy)], kind[props["color"]])] = (props["lw"],
                                                                                          props["arrowstyle"])
    assert set(edges) == {("VNM", "AZE", "visit"), ("CHN", "VNM", "visit"), ("AZE", "LAO", "meeting"),
                          ("AZE", "VNM", "meeting"), ("LAO", "VNM", "meeting"), ("AZE", "VNM", "agreement")}
    assert all(style.startswith("-|>") == (etype == "visit") for (_, _, etype), (_, style) in edges.items())
    widths = {key: lw for key, (lw, _) in edges.items()}
    assert widths[("CHN", "VNM", "visit")] > widths[("VNM", "AZE", "visit")] == widths[("AZE", "LAO", "meeting")]
    counts = sorted(int(t.get_text()) for t in ax.texts if t.get_text().isdigit())
    assert counts == [1, 1, 1, 1, 1, 2]


def test_network_without_a_country_pair_says_so():
    ax = plot_network(pd.DataFrame([_row("meeting", ["VNM"]), _row("visit", ["LAO", "VNM"])]))
    assert [t.get_text() for t in ax.texts] == ["no pair of countries in any event"]
