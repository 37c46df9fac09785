"""Comparisons: one row per network, equal to the growth each network has on its own."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    ComparisonRow,
    Growth,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Qualifier,
    SnapshotLookupError,
    compare,
    default_network,
    growth,
)
from reseau_coop._compare import COMPARISON_KEYS
from reseau_coop.strategies import networks


def _other() -> Network:
    """A small invented network, with a lower bound first and a gap in its snapshots."""
    return Network(
        name=LocalizedText({"en": "Example Federation", "fr": "Fédération exemple"}),
        languages=["en", "fr"],
        phases=[Phase(key="a", name=LocalizedText({"en": "A", "fr": "A"}), start=2000, end=2020)],
        snapshots=[
            MembershipSnapshot(year=2000, members=40, qualifier=Qualifier.AT_LEAST),
            MembershipSnapshot(year=2015, members=70),
            MembershipSnapshot(year=2020, members=60),
        ],
    )


def test_whole_histories() -> None:
    """Each row gives the years covered, the first and last counts and the whole growth."""
    source, other = compare([default_network(), _other()])

    assert ("Réseau COOP", "fr", 3, 4) == (
        source["name"],
        source["language"],
        source["phases"],
        source["snapshots"],
    )
    assert (2007, 14, "exact", "", 2022, 100, "exact", "") == (
        source["first_year"],
        source["first_members"],
        source["first_qualifier"],
        source["first_sign"],
        source["last_year"],
        source["last_members"],
        source["last_qualifier"],
        source["last_sign"],
    )
    assert (15, 86, 0.14005) == (source["years"], source["change"], round(source["cagr"] or 0, 5))
    assert ("Example Federation", "≥", "at_least", 20) == (
        other["name"],
        other["first_sign"],
        other["first_qualifier"],
        other["change"],
    )
    assert ("at_most", "at_least") == (other["qualifier"], other["doubling_time_qualifier"])
    assert all(value is None for key, value in source.items() if key.startswith("window_"))


def test_a_common_window_is_estimated_where_needed() -> None:
    """Over 2010–2020, each network's ends are snapshots or linear estimates."""
    source, other = compare([default_network(), _other()], start=2010, end=2020)

    assert (2010, 26.6, "linear", "≈", 2020, 82.4, "linear") == (
        source["window_start_year"],
        source["window_start_members"],
        source["window_start_method"],
        source["window_start_sign"],
        source["window_end_year"],
        source["window_end_members"],
        source["window_end_method"],
    )
    assert ("linear", "snapshot", 60, "exact", "approximate") == (
        other["window_start_method"],
        other["window_end_method"],
        other["window_end_members"],
        other["window_end_qualifier"],
        other["window_qualifier"],
    )
    assert math.isclose(60 / 60, other["window_ratio"] or 0)


def test_a_window_with_one_bound_runs_to_each_networks_own_end() -> None:
    """Without *end*, each window runs to that network's last snapshot."""
    source, other = compare([default_network(), _other()], start=2010)

    assert (2022, 2020) == (source["window_end_year"], other["window_end_year"])


def test_names_in_the_language_asked_or_their_own() -> None:
    """Names in *lang* when a network has it, else in its name's first language."""
    only_french = Network(name=LocalizedText({"fr": "Seulement"}), languages=["fr"])
    nets = [default_network(), _other(), only_french]

    assert [("Réseau COOP", "fr"), ("Example Federation", "en"), ("Seulement", "fr")] == [
        (row["name"], row["language"]) for row in compare(nets)
    ]
    assert [("Réseau COOP", "en"), ("Example Federation", "en"), ("Seulement", "fr")] == [
        (row["name"], row["language"]) for row in compare(nets, lang="en")
    ]
    assert ["Fédération exemple", "Seulement"] == [
        row["name"] for row in compare(nets[1:], lang="fr")
    ]


def test_a_network_without_snapshots_has_no_figures() -> None:
    """No snapshots: the row names the network and counts its phases; every figure is None."""
    (row,) = compare([Network(name=LocalizedText({"en": "Empty"}), languages=["en"])])
    counted = {"name", "language", "phases", "snapshots"}

    assert ("Empty", "en", 0, 0) == (row["name"], row["language"], row["phases"], row["snapshots"])
    assert {key: None for key in COMPARISON_KEYS if key not in counted} == {
        key: value for key, value in row.items() if key not in counted
    }


def test_rows_are_plain_and_keyed_alike() -> None:
    """Every row has every key, in order, with JSON values; pandas takes the rows as they are."""
    rows = compare([default_network(), _other()], start=2010, end=2020)
    frame = pd.DataFrame(rows)

    assert [list(COMPARISON_KEYS)] * 2 == [list(row) for row in rows]
    assert list(ComparisonRow.__annotations__) <= list(COMPARISON_KEYS)
    assert len(set(COMPARISON_KEYS)) == len(COMPARISON_KEYS) == len(ComparisonRow.__required_keys__)
    assert rows == tuple(json.loads(json.dumps(rows, allow_nan=False)))
    assert list(COMPARISON_KEYS) == list(frame.columns)
    assert () == compare([])


def test_a_window_outside_a_network_names_it() -> None:
    """A window year outside a network's snapshots is an error naming that network."""
    with pytest.raises(SnapshotLookupError) as ei:
        compare([_other(), default_network()], start=2003, end=2010)

    assert str(ei.value).startswith("networks[1] (Réseau COOP): no snapshot for 2003")
    assert "outside the snapshots (2007–2022)" in str(ei.value)
    assert (2003, (2007, 2012, 2017, 2022)) == (ei.value.year, ei.value.available)


def test_what_is_not_networks_is_refused() -> None:
    """A lone network, something else among them, or a lang that is no tag: a TypeError."""
    with pytest.raises(TypeError, match="iterable of Network"):
        compare(default_network())  # type: ignore[arg-type]
    with pytest.raises(TypeError) as ei:
        compare([default_network(), "b.toml"])  # type: ignore[list-item]

    assert "networks[1]: expected a Network, got str" == str(ei.value)
    with pytest.raises(TypeError, match="lang must be a language tag"):
        compare([default_network()], lang=1)  # type: ignore[arg-type]


def _figures(g: Growth) -> tuple[object, ...]:
    """A growth's figures as a comparison row gives them."""
    return (
        g.start.year,
        g.start.members,
        g.start.qualifier.value,
        g.start.qualifier.sign,
        g.end.year,
        g.end.members,
        g.end.qualifier.value,
        g.years,
        g.change,
        g.ratio,
        g.percent,
        g.cagr,
        g.doubling_time,
        g.qualifier.value,
        g.doubling_time_qualifier.value,
        g.dating.value,
        g.time_qualifier.value,
    )


def _window(row: ComparisonRow) -> tuple[object, ...]:
    return (
        row["window_start_year"],
        row["window_start_members"],
        row["window_start_qualifier"],
        row["window_start_sign"],
        row["window_end_year"],
        row["window_end_members"],
        row["window_end_qualifier"],
        row["window_years"],
        row["window_change"],
        row["window_ratio"],
        row["window_percent"],
        row["window_cagr"],
        row["window_doubling_time"],
        row["window_qualifier"],
        row["window_doubling_time_qualifier"],
        row["window_dating"],
        row["window_time_qualifier"],
    )


def _history(row: ComparisonRow) -> tuple[object, ...]:
    return (
        row["first_year"],
        row["first_members"],
        row["first_qualifier"],
        row["first_sign"],
        row["last_year"],
        row["last_members"],
        row["last_qualifier"],
        row["years"],
        row["change"],
        row["ratio"],
        row["percent"],
        row["cagr"],
        row["doubling_time"],
        row["qualifier"],
        row["doubling_time_qualifier"],
        row["dating"],
        row["time_qualifier"],
    )


@given(st.lists(networks(max_snapshots=6), min_size=1, max_size=3), st.data())
def test_a_comparison_is_each_networks_own_growth(nets: list[Network], data: st.DataObject) -> None:
    """Each row's figures are those of growth(), and over a window of growth(estimate=True)."""
    spans = [(n.snapshots[0].year, n.snapshots[-1].year) for n in nets if n.snapshots]
    low, high = max((a for a, _ in spans), default=1), min((b for _, b in spans), default=9999)
    inside = st.integers(low, high) if low <= high else st.nothing()
    start = data.draw(st.none() | inside | st.integers(1, 9999))
    end = data.draw(st.none() | inside | st.integers(1, 9999))
    windowed = start is not None or end is not None
    expected = []
    failure: type[Exception] | None = None
    for net in nets:
        try:
            window = growth(net, start, end, estimate=True) if windowed else None
        except (SnapshotLookupError, ValueError) as exc:
            failure = type(exc)
            break
        whole = growth(net) if net.snapshots else None
        expected.append((whole, window))
    if failure is not None:
        with pytest.raises(failure):
            compare(nets, start=start, end=end)
        return
    rows = compare(nets, start=start, end=end)

    for row, (whole, window) in zip(rows, expected, strict=True):
        if whole is None:
            assert all(value is None for value in _history(row))
        else:
            assert _figures(whole) == _history(row)
        if window is None:
            assert all(value is None for value in _window(row))
        else:
            assert _figures(window) == _window(row)
