"""Growth metrics: the source's own figures, edge cases, and the properties they obey."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import sys
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reseau_coop import (
    Dating,
    Estimate,
    Growth,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Qualifier,
    SnapshotLookupError,
    cagr,
    default_network,
    doubling_time,
    growth,
    members_at,
    membership_series,
    percent_change,
    phase_growth,
    ratio,
)
from reseau_coop._lookup import When
from reseau_coop._metrics import Method, _locate, growth_qualifier, opposite_bound
from reseau_coop.strategies import networks


def _net(*points: tuple[int, int], phases: tuple[Phase, ...] = ()) -> Network:
    snapshots = [MembershipSnapshot(year=year, members=members) for year, members in points]
    return Network(
        name=LocalizedText({"en": "Test"}), languages=["en"], phases=phases, snapshots=snapshots
    )


def _phase(key: str, start: int, end: int | None) -> Phase:
    return Phase(key=key, name=LocalizedText({"en": key}), start=start, end=end)


# ---------------------------------------------------------------- the source's figures


def test_whole_history() -> None:
    """14 → 100 over 2007–2022: the figures DESIGN.md and the article give."""
    g = growth(default_network())

    assert (2007, 2022, 15, 86) == (g.start.year, g.end.year, g.years, g.change)
    assert math.isclose(100 / 14, g.ratio or 0)
    assert 614.29 == round(g.percent or 0, 2)
    assert 0.14005 == round(g.cagr or 0, 5)
    assert 5.29 == round(g.doubling_time or 0, 2)
    assert Qualifier.EXACT == g.qualifier
    assert g.phase is None
    assert "fr" == g.language


def test_explicit_years_and_dates() -> None:
    """Years may be given as ints or dates; the default is the whole history."""
    net = default_network()

    assert growth(net) == growth(net, 2007, 2022)
    assert growth(net, dt.date(2007, 3, 1), dt.date(2022, 1, 1)) == growth(net)


def test_phase_growth_of_the_source() -> None:
    """Per phase: 14→35, 35→56, 56→100; ratios 2.5, 1.6, 1.786 multiply to 7.14."""
    per_phase = phase_growth(default_network())

    assert ["experimentation", "implantation", "consolidation"] == [
        g.phase.key for g in per_phase if g.phase is not None
    ]
    assert [(14, 35), (35, 56), (56, 100)] == [(g.start.members, g.end.members) for g in per_phase]
    assert [2.5, 1.6, 1.786] == [round(g.ratio or 0, 3) for g in per_phase]
    assert [Qualifier.APPROXIMATE, Qualifier.APPROXIMATE, Qualifier.EXACT] == [
        g.qualifier for g in per_phase
    ]
    product = math.prod(g.ratio or 0 for g in per_phase)
    assert math.isclose(growth(default_network()).ratio or 0, product)


def test_missing_year_lists_the_years_there_are() -> None:
    """A year with no snapshot raises SnapshotLookupError listing those that have one."""
    with pytest.raises(SnapshotLookupError) as ei:
        growth(default_network(), 2010, 2022)

    assert (2007, 2012, 2017, 2022) == ei.value.available
    assert 2010 == ei.value.year
    assert "2007, 2012, 2017, 2022" in str(ei.value)
    assert isinstance(ei.value, LookupError)


def test_start_after_end() -> None:
    """Growth runs forward in time."""
    with pytest.raises(ValueError, match="after end"):
        growth(default_network(), 2022, 2007)


def test_no_snapshots() -> None:
    """A network with no snapshots has no growth to measure."""
    with pytest.raises(SnapshotLookupError, match="no membership snapshots"):
        growth(_net())
    assert () == phase_growth(_net(phases=(_phase("a", 2000, 2010),)))


# ---------------------------------------------------------------- edge cases


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        # (ratio, percent, cagr, doubling time)
        (((2000, 0), (2010, 12)), (None, None, None, None)),
        (((2000, 0), (2010, 0)), (None, None, None, None)),
        (((2000, 10), (2010, 10)), (1.0, 0.0, 0.0, None)),
        (((2000, 10), (2010, 0)), (0.0, -100.0, -1.0, None)),
        (((2000, 10), (2010, 20)), (2.0, 100.0, 2 ** (1 / 10) - 1, 10.0)),
        (((2000, 20), (2010, 10)), (0.5, -50.0, 0.5 ** (1 / 10) - 1, None)),
        (((2000, 10), (2000, 10)), (1.0, 0.0, None, None)),  # zero years
    ],
)
def test_undefined_metrics_are_none(
    points: tuple[tuple[int, int], ...],
    expected: tuple[float | None, float | None, float | None, float | None],
) -> None:
    """Undefined metrics are None: never NaN, never a ZeroDivisionError."""
    net = _net(*dict(points).items())
    g = growth(net, points[0][0], points[-1][0])
    actual = (g.ratio, g.percent, g.cagr, g.doubling_time)

    for want, got in zip(expected, actual, strict=True):
        if want is None:
            assert got is None
        else:
            assert got is not None
            assert math.isclose(want, got, abs_tol=1e-12)


def test_single_snapshot_growth_is_zero_years() -> None:
    """With one snapshot the whole history is zero years: no rate."""
    g = growth(_net((2010, 5)))

    assert (0, 0, None) == (g.years, g.change, g.cagr)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (14, 100, 100 / 14),
        (0, 5, None),
        (-1, 5, None),
    ],
)
def test_ratio_helper(start: float, end: float, expected: float | None) -> None:
    """`ratio` is end over start, None unless the start is above zero."""
    assert expected == ratio(start, end)


def test_plain_helpers_match_growth() -> None:
    """The helpers give what `growth` gives, for numbers users already have."""
    g = growth(default_network())

    assert g.cagr == cagr(14, 100, 15)
    assert g.percent == percent_change(14, 100)
    assert g.doubling_time == doubling_time(g.cagr)
    assert cagr(14, 100, 0) is None
    assert cagr(14, 100, -1) is None
    assert doubling_time(None) is None
    assert doubling_time(-0.1) is None
    assert doubling_time(float("nan")) is None
    assert doubling_time(float("inf")) is None


# ---------------------------------------------------------------- numbers beyond a float

HUGE = 10**400

#: Integers far beyond a float's range, and every kind of float, NaN and infinities included.
wide_ints = st.integers(min_value=-(10**450), max_value=10**450)
any_numbers = wide_ints | st.integers() | st.floats()


@pytest.mark.parametrize(
    ("helper", "args", "expected"),
    [
        pytest.param(ratio, (1, HUGE), None, id="ratio(1, HUGE)"),
        pytest.param(ratio, (HUGE, HUGE), 1.0, id="ratio(HUGE, HUGE)"),
        pytest.param(ratio, (HUGE, 1), 0.0, id="ratio(HUGE, 1)"),
        pytest.param(ratio, (3 * HUGE, HUGE), 1 / 3, id="ratio(3 * HUGE, HUGE)"),
        pytest.param(ratio, (1e-320, 1e10), None, id="ratio(1e-320, 1e10)"),
        pytest.param(ratio, (float("inf"), 1), None, id="ratio(float('inf'), 1)"),
        pytest.param(ratio, (1, float("nan")), None, id="ratio(1, float('nan'))"),
        pytest.param(percent_change, (1, HUGE), None, id="percent_change(1, HUGE)"),
        pytest.param(
            percent_change,
            (HUGE, HUGE + HUGE // 100),
            1.0,
            id="percent_change(HUGE, HUGE + HUGE // 100)",
        ),
        pytest.param(
            percent_change, (10**15, 10**15 + 1), 1e-13, id="percent_change(10**15, 10**15 + 1)"
        ),
        pytest.param(cagr, (1, 2, 1e-300), None, id="cagr(1, 2, 1e-300)"),
        pytest.param(cagr, (1, 2, HUGE), None, id="cagr(1, 2, HUGE)"),
        pytest.param(cagr, (1, 2, float("inf")), None, id="cagr(1, 2, float('inf'))"),
        pytest.param(cagr, (HUGE, 0, 10), -1.0, id="cagr(HUGE, 0, 10)"),
        pytest.param(cagr, (10, -5, 10), None, id="cagr(10, -5, 10)"),
        pytest.param(cagr, (HUGE, HUGE, 10), 0.0, id="cagr(HUGE, HUGE, 10)"),
        pytest.param(doubling_time, (1e-300,), math.log(2) / 1e-300, id="doubling_time(1e-300)"),
        pytest.param(doubling_time, (5e-324,), None, id="doubling_time(5e-324)"),
        pytest.param(
            doubling_time, (1e308,), math.log(2) / math.log1p(1e308), id="doubling_time(1e308)"
        ),
        pytest.param(
            doubling_time, (HUGE,), math.log(2) / math.log(HUGE + 1), id="doubling_time(HUGE)"
        ),
    ],
)
def test_helpers_beyond_a_float(
    helper: Callable[..., float | None], args: tuple[float, ...], expected: float | None
) -> None:
    """Huge ints, tiny spans and rates: a float answer, or None when it does not fit one."""
    actual = helper(*args)

    if expected is None:
        assert actual is None
    else:
        assert actual is not None
        assert math.isclose(expected, actual, rel_tol=1e-12)


def test_cagr_of_ratios_beyond_a_float() -> None:
    """A ratio too large (or small) for a float still has its yearly rate, from logs."""
    up, down = cagr(1, HUGE, 4000), cagr(HUGE, 1, 4000)

    assert up is not None
    assert down is not None
    assert math.isclose(10 ** (400 / 4000) - 1, up)
    assert math.isclose(10 ** (-400 / 4000) - 1, down)


def _defined(value: float | None) -> bool:
    """None, or a finite float: never NaN, never infinite, never another type."""
    return value is None or (type(value) is float and math.isfinite(value))


@given(any_numbers, any_numbers, any_numbers)
def test_helpers_never_raise_and_never_leave_a_float(
    start: float, end: float, years: float
) -> None:
    """Whatever numbers come in, each helper answers a finite float or None."""
    results = [
        ratio(start, end),
        percent_change(start, end),
        cagr(start, end, years),
        doubling_time(start),
    ]

    assert all(_defined(r) for r in results)


@given(wide_ints.filter(lambda n: n > 0), wide_ints.filter(lambda n: n >= 0))
def test_ratio_is_the_exact_ratio_rounded_once(start: int, end: int) -> None:
    """Over ints of any size the ratio is the exact one rounded to a float, or None beyond one."""
    exact = Fraction(end, start)
    value = ratio(start, end)

    if exact > sys.float_info.max:
        assert value is None
    else:
        assert float(exact) == value


@given(
    wide_ints.filter(lambda n: n > 0),
    wide_ints.filter(lambda n: n > 0),
    st.integers(min_value=1, max_value=9998),
)
def test_cagr_has_the_sign_of_the_change_at_any_size(start: int, end: int, years: int) -> None:
    """Over ints of any size the rate has the change's sign and compounds back, or fits no float."""
    rate = cagr(start, end, years)
    log_rate = (math.log(end) - math.log(start)) / years  # the exact rate's log, near enough

    if rate is None:
        assert log_rate > math.log(sys.float_info.max) * (1 - 1e-9)
        return
    assert rate >= -1
    if end > start:
        assert rate >= 0
    elif end < start:
        assert rate <= 0
    else:
        assert 0.0 == rate
    assert math.isclose(math.expm1(log_rate), rate, rel_tol=1e-9, abs_tol=1e-12)


@given(
    st.integers(min_value=0, max_value=2**53 - 1),
    st.integers(min_value=0, max_value=2**53 - 1),
    wide_ints,
    st.sampled_from(["linear", "geometric"]),
)
def test_members_at_any_year_answers_or_says_why(
    first: int, second: int, year: int, method: str
) -> None:
    """Any year at all: a finite estimate of at least 0, or a ValueError that says why."""
    net = _net((2000, first), (2010, second))
    try:
        estimate = members_at(net, year, method=method, extrapolate=True)  # type: ignore[arg-type]
    except ValueError as exc:
        message = str(exc)
    else:
        assert math.isfinite(estimate.members)
        assert estimate.members >= 0
        return
    assert "needs counts above 0" in message or "beyond the range of a float" in message


@pytest.mark.parametrize(
    ("method", "year", "expected"),
    [
        ("linear", -HUGE, 0.0),
        ("geometric", -HUGE, 0.0),
        ("linear", 10**310, None),
        ("geometric", 20_000, None),
        ("geometric", 2090, 10 * 2.0**9),
    ],
    ids=["linear-past", "geometric-past", "linear-future", "geometric-future", "geometric-2090"],
)
def test_far_extrapolations(method: str, year: int, expected: float | None) -> None:
    """Far out an estimate shrinks to 0.0, or is refused with a sentence beyond a float."""
    net = _net((2000, 10), (2010, 20))
    if expected is None:
        with pytest.raises(ValueError, match="beyond the range of a float") as ei:
            members_at(net, year, method=method, extrapolate=True)  # type: ignore[arg-type]
        assert method in str(ei.value)
    else:
        estimate = members_at(net, year, method=method, extrapolate=True)  # type: ignore[arg-type]
        assert math.isclose(expected, estimate.members)


def test_a_year_too_long_to_print_is_still_named() -> None:
    """A year of thousands of digits is named by its size, not by a conversion error."""
    with pytest.raises(SnapshotLookupError, match="a year of 16610 bits") as ei:
        members_at(default_network(), 10**5000)

    assert 10**5000 == ei.value.year


# ---------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (Qualifier.EXACT, Qualifier.EXACT, Qualifier.EXACT),
        (Qualifier.APPROXIMATE, Qualifier.EXACT, Qualifier.APPROXIMATE),
        (Qualifier.EXACT, Qualifier.APPROXIMATE, Qualifier.APPROXIMATE),
        (Qualifier.AT_LEAST, Qualifier.EXACT, Qualifier.AT_MOST),
        (Qualifier.AT_MOST, Qualifier.EXACT, Qualifier.AT_LEAST),
        (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.AT_LEAST),
        (Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_MOST),
        (Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.AT_MOST),
        (Qualifier.AT_MOST, Qualifier.AT_LEAST, Qualifier.AT_LEAST),
        (Qualifier.AT_LEAST, Qualifier.AT_LEAST, Qualifier.APPROXIMATE),
        (Qualifier.EXACT, Qualifier.NEARLY, Qualifier.NEARLY),
        (Qualifier.NEARLY, Qualifier.EXACT, Qualifier.AT_LEAST),
        (Qualifier.NEARLY, Qualifier.NEARLY, Qualifier.APPROXIMATE),
        (Qualifier.AT_LEAST, Qualifier.NEARLY, Qualifier.AT_MOST),
    ],
)
def test_qualifier_propagation(start: Qualifier, end: Qualifier, expected: Qualifier) -> None:
    """EXACT only from two exact figures; a bound when every hedge pulls the same way."""
    assert expected == growth_qualifier(start, end)


@pytest.mark.parametrize(
    ("start", "end", "growth_bound", "doubling_bound"),
    [
        (Qualifier.EXACT, Qualifier.EXACT, Qualifier.EXACT, Qualifier.EXACT),
        (Qualifier.AT_LEAST, Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_LEAST),
        (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.AT_LEAST, Qualifier.AT_MOST),
        (Qualifier.EXACT, Qualifier.NEARLY, Qualifier.NEARLY, Qualifier.AT_LEAST),
        (Qualifier.APPROXIMATE, Qualifier.EXACT, Qualifier.APPROXIMATE, Qualifier.APPROXIMATE),
    ],
)
def test_doubling_time_has_the_opposite_bound(
    start: Qualifier, end: Qualifier, growth_bound: Qualifier, doubling_bound: Qualifier
) -> None:
    """Slower growth doubles later: an upper-bounded growth gives a lower-bounded doubling time."""
    g = Growth.between(
        MembershipSnapshot(year=2000, members=10, qualifier=start),
        MembershipSnapshot(year=2010, members=30, qualifier=end),
    )

    assert (growth_bound, doubling_bound) == (g.qualifier, g.doubling_time_qualifier)


@given(st.sampled_from(Qualifier))
def test_opposite_bound_undoes_itself_on_bounds(qualifier: Qualifier) -> None:
    """Flipping a bound twice gives it back; EXACT and APPROXIMATE have no direction to flip."""
    flipped = opposite_bound(qualifier)

    if qualifier in {Qualifier.EXACT, Qualifier.APPROXIMATE}:
        assert qualifier == flipped
    elif qualifier is Qualifier.NEARLY:
        assert Qualifier.AT_LEAST == flipped
    else:
        assert qualifier == opposite_bound(flipped)


@given(st.sampled_from(Qualifier), st.sampled_from(Qualifier))
def test_qualifier_is_exact_only_from_exact(start: Qualifier, end: Qualifier) -> None:
    """The result is EXACT exactly when both inputs are."""
    exact = start is Qualifier.EXACT and end is Qualifier.EXACT

    assert exact == (growth_qualifier(start, end) is Qualifier.EXACT)


# ---------------------------------------------------------------- properties

counts = st.integers(min_value=1, max_value=100_000)
spans = st.integers(min_value=1, max_value=500)


@given(counts, counts, spans)
def test_cagr_compounds_back_to_the_end(start: int, end: int, years: int) -> None:
    """The rate compounds back: start * (1 + cagr) ** years == end, within float tolerance."""
    rate = cagr(start, end, years)

    assert rate is not None
    assert math.isclose(end, start * (1 + rate) ** years, rel_tol=1e-9)


@given(st.lists(counts, min_size=3, max_size=8), st.lists(spans, min_size=7, max_size=7))
def test_ratio_of_a_chain_is_the_product(members: list[int], gaps: list[int]) -> None:
    """The ratio over a chain of snapshots is the product of the ratios along it."""
    years = [2000]
    for gap in gaps[: len(members) - 1]:
        years.append(years[-1] + gap)
    net = _net(*zip(years, members, strict=True))
    steps = [growth(net, a, b) for a, b in itertools.pairwise(years)]

    assert math.isclose(growth(net).ratio or 0, math.prod(s.ratio or 0 for s in steps))


@given(networks())
def test_growth_depends_on_its_two_snapshots_only(net: Network) -> None:
    """Growth depends on the two snapshots only: the others can go without changing it."""
    assume(len(net.snapshots) >= 3)
    first, last = net.snapshots[0], net.snapshots[-1]
    fewer = attrs.evolve(net, snapshots=(first, last))

    assert growth(net) == growth(fewer)


@given(counts, spans)
def test_constant_membership_has_zero_growth(members: int, years: int) -> None:
    """A network whose membership does not change grows by 0 by every metric."""
    g = growth(_net((2000, members), (2000 + years, members)))

    assert (0, 1.0, 0.0, 0.0, None) == (g.change, g.ratio, g.percent, g.cagr, g.doubling_time)


def _belongs(snapshot: MembershipSnapshot, phase: Phase) -> bool:
    """Whether *snapshot* is in *phase*: within its years, and not dated by another phase."""
    dated_elsewhere = snapshot.dating is Dating.PHASE and snapshot.phase != phase.key
    return phase.contains(snapshot.year) and not dated_elsewhere


@given(networks())
def test_phase_growth_stays_in_its_phase(net: Network) -> None:
    """Each phase's growth ends within its phase, and a phase-dated end belongs to it."""
    for g in phase_growth(net):
        assert g.phase is not None
        assert isinstance(g.start, MembershipSnapshot)
        assert isinstance(g.end, MembershipSnapshot)
        assert g.start.year <= g.phase.start or _belongs(g.start, g.phase)
        assert _belongs(g.end, g.phase)
        assert g.start.year < g.end.year
        assert g.end.year - g.start.year == g.years
        if g.end.dating is Dating.PHASE:
            assert g.phase.key == g.end.phase
        if g.start.dating is Dating.PHASE:
            assert g.phase.key != g.start.phase


@given(networks(max_snapshots=12))
def test_phase_growth_leaves_out_no_phase_with_two_snapshots(net: Network) -> None:
    """Every phase holding two snapshots is measured, from its first if none is before it."""
    measured = {g.phase.key: g for g in phase_growth(net) if g.phase is not None}

    for phase in net.phases:
        inside = [s for s in net.snapshots if _belongs(s, phase)]
        if len(inside) < 2:
            continue
        g = measured[phase.key]
        assert inside[-1] == g.end
        before = [
            s
            for s in net.snapshots
            if s.year <= phase.start and not (s.dating is Dating.PHASE and s.phase == phase.key)
        ]
        assert (before[-1] if before else inside[0]) == g.start


def test_phase_without_a_snapshot_before_it_is_measured_inside() -> None:
    """A phase whose first snapshot lies inside it is measured from that snapshot."""
    net = _net(
        (2003, 10),
        (2008, 25),
        (2012, 40),
        phases=(_phase("early", 2000, 2010), _phase("late", 2010, 2015)),
    )

    assert [("early", 2003, 2008, 5), ("late", 2008, 2012, 4)] == [
        (g.phase.key, g.start.year, g.end.year, g.years) for g in phase_growth(net) if g.phase
    ]


def test_phase_dated_snapshot_belongs_to_its_phase() -> None:
    """A snapshot dated by phase A never ends phase B's measure, even inside B's span."""
    a, b = _phase("a", 2000, 2005), _phase("b", 2005, 2010)
    snapshots = [
        MembershipSnapshot(year=2000, members=10),
        MembershipSnapshot(year=2005, members=20, dating=Dating.PHASE, phase="a"),
    ]
    net = Network(
        name=LocalizedText({"en": "T"}), languages=["en"], phases=[a, b], snapshots=snapshots
    )

    assert [("a", 10, 20)] == [
        (g.phase.key, g.start.members, g.end.members) for g in phase_growth(net) if g.phase
    ]


def test_open_ended_phase_growth() -> None:
    """An open-ended phase is measured to its last snapshot."""
    net = _net((2000, 10), (2010, 30), (2020, 40), phases=(_phase("now", 2010, None),))

    (g,) = phase_growth(net)
    assert (2010, 2020) == (g.start.year, g.end.year)


# ---------------------------------------------------------------- estimates


def test_members_at_a_snapshot_is_exact_there() -> None:
    """At a snapshot the estimate is the snapshot, with its own qualifier."""
    estimate = members_at(default_network(), 2012)

    assert (35.0, Qualifier.APPROXIMATE, "snapshot") == (
        estimate.members,
        estimate.qualifier,
        estimate.method,
    )
    assert (default_network().snapshot(2012),) == estimate.based_on


@pytest.mark.parametrize(
    ("method", "year", "expected"),
    [
        ("linear", 2010, 14 + 3 / 5 * (35 - 14)),
        ("geometric", 2010, 14 * (35 / 14) ** (3 / 5)),
        ("linear", 2020, 56 + 3 / 5 * 44),
    ],
)
def test_members_between_snapshots(method: str, year: int, expected: float) -> None:
    """Between snapshots: linear or geometric, APPROXIMATE, naming the two snapshots."""
    estimate = members_at(default_network(), year, method=method)  # type: ignore[arg-type]

    assert math.isclose(expected, estimate.members)
    assert Qualifier.APPROXIMATE == estimate.qualifier
    assert 2 == len(estimate.based_on)


def test_members_outside_needs_extrapolate() -> None:
    """Outside the snapshots: SnapshotLookupError unless extrapolate=True."""
    net = default_network()
    with pytest.raises(SnapshotLookupError):
        members_at(net, 2030)
    after = members_at(net, 2027, extrapolate=True)
    before = members_at(_net((2000, 10), (2010, 5)), 2030, extrapolate=True)

    assert math.isclose(100 + 5 / 5 * 44, after.members)
    assert [2017, 2022] == [s.year for s in after.based_on]
    assert 0.0 == before.members  # a linear fall stops at zero


def test_members_at_refuses_bad_method_and_zero_geometric() -> None:
    """Only "linear" and "geometric"; a geometric estimate needs counts above zero."""
    with pytest.raises(ValueError, match="'linear' or 'geometric'"):
        members_at(default_network(), 2010, method="cubic")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="above 0"):
        members_at(_net((2000, 0), (2010, 5)), 2005, method="geometric")
    with pytest.raises(SnapshotLookupError):
        members_at(_net((2000, 3)), 2005, extrapolate=True)


@given(networks())
def test_members_at_snapshots_is_the_snapshot(net: Network) -> None:
    """At each snapshot the estimate is that snapshot's figure, whatever the method."""
    for snapshot in net.snapshots:
        for method in ("linear", "geometric"):
            estimate = members_at(net, snapshot.year, method=method)
            assert float(snapshot.members) == estimate.members
            assert snapshot.qualifier == estimate.qualifier


@given(
    st.lists(counts, min_size=2, max_size=6).map(sorted),
    st.lists(spans, min_size=5, max_size=5),
    st.sampled_from(["linear", "geometric"]),
)
def test_members_at_is_monotone_for_monotone_data(
    members: list[int], gaps: list[int], method: str
) -> None:
    """For rising membership the estimate rises (never falls) year by year."""
    years = [2000]
    for gap in gaps[: len(members) - 1]:
        years.append(years[-1] + gap)
    net = _net(*zip(years, members, strict=True))
    values = [
        members_at(net, year, method=method).members  # type: ignore[arg-type]
        for year in range(years[0], years[-1] + 1)
    ]

    assert all(a <= b * (1 + 1e-12) for a, b in itertools.pairwise(values))


def test_growth_between_is_the_public_constructor() -> None:
    """`Growth.between` gives the same result as `growth` for the same snapshots."""
    net = default_network()

    assert attrs.evolve(Growth.between(net.snapshots[0], net.snapshots[-1]), language="fr") == (
        growth(net)
    )


def test_members_outside_says_so_and_how_to_extrapolate() -> None:
    """Outside the snapshots the error gives their span and names extrapolate=True."""
    with pytest.raises(SnapshotLookupError) as ei:
        members_at(default_network(), 2030)

    assert "outside the snapshots (2007–2022)" in str(ei.value)
    assert "extrapolate=True" in str(ei.value)
    assert (2030, (2007, 2012, 2017, 2022)) == (ei.value.year, ei.value.available)


def test_one_snapshot_is_too_few_to_estimate_from() -> None:
    """With a single snapshot, an estimate elsewhere says why there is none."""
    with pytest.raises(SnapshotLookupError) as ei:
        members_at(_net((2000, 3)), 2005, extrapolate=True)

    assert "no snapshot for 2005 (snapshots: 2000): one snapshot is too few" in str(ei.value)


# ---------------------------------------------------------------- many years at once


def test_membership_series_of_the_source() -> None:
    """By default every year from the first snapshot to the last, exact at snapshots."""
    series = membership_series(default_network())

    assert list(range(2007, 2023)) == [e.year for e in series]
    assert [14.0, 35.0, 56.0, 100.0] == [e.members for e in series if e.method == "snapshot"]
    assert math.isclose(56 + 3 / 5 * 44, series[13].members)
    assert [2017, 2022] == [s.year for s in series[13].based_on]


def test_membership_series_takes_years_in_any_order() -> None:
    """Years, dates and NumPy integers, in the order given, repeats included."""
    import numpy as np

    net = default_network()
    wanted: list[When] = [2022, dt.date(2010, 5, 1), np.int64(2007), 2022]

    assert [members_at(net, w) for w in wanted] == list(membership_series(net, wanted))
    assert () == membership_series(net, [])
    assert () == membership_series(_net())


def test_membership_series_refuses_what_is_not_years() -> None:
    """A single year, a string or a bad element is a TypeError saying where."""
    with pytest.raises(TypeError, match="for one year use members_at"):
        membership_series(default_network(), 2010)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable of years"):
        membership_series(default_network(), "2010")  # type: ignore[arg-type]
    with pytest.raises(TypeError) as ei:
        membership_series(default_network(), [2010, 2011.0])  # type: ignore[list-item]

    assert str(ei.value).startswith("years[1]: expected a year")


def test_membership_series_errors_like_members_at() -> None:
    """The same errors as members_at: outside, a bad method, a geometric zero."""
    net = default_network()
    with pytest.raises(SnapshotLookupError, match="extrapolate=True"):
        membership_series(net, [2010, 2030])
    with pytest.raises(ValueError, match="'linear' or 'geometric'"):
        membership_series(net, [], method="cubic")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="above 0"):
        membership_series(_net((2000, 0), (2010, 5)), method="geometric")


@given(
    networks(max_snapshots=10),
    st.lists(st.integers(1, 9999), max_size=20),
    st.sampled_from(["Y", "Y-DEC", "Y-JUN", "Y-MAR"]),
)
def test_yearly_periods_are_their_years(net: Network, years: list[int], freq: str) -> None:
    """Yearly Periods (any anchor) and a PeriodIndex give what their label years give."""
    import pandas as pd

    periods = pd.PeriodIndex([pd.Period(year=year, freq=freq) for year in years], freq=freq)

    def outcome(wanted: Any) -> list[Estimate] | str:  # noqa: ANN401 - years or periods
        try:
            return list(membership_series(net, wanted, extrapolate=True))
        except (SnapshotLookupError, ValueError) as exc:
            return f"{type(exc).__name__}: {exc}"

    assert outcome(years) == outcome(periods)
    for year, period in zip(years[:3], periods[:3], strict=False):
        try:
            expected: Estimate | str = members_at(net, year)
        except SnapshotLookupError as exc:
            expected = str(exc)
        try:
            actual: Estimate | str = members_at(net, period)
        except SnapshotLookupError as exc:
            actual = str(exc)
        assert expected == actual


def test_periods_of_other_frequencies_are_refused() -> None:
    """A monthly or quarterly Period is refused by members_at and membership_series."""
    import pandas as pd

    with pytest.raises(TypeError) as ei:
        members_at(default_network(), pd.Period("2015-03", "M"))
    with pytest.raises(TypeError) as series_ei:
        membership_series(default_network(), pd.period_range("2015", periods=2, freq="Q"))

    assert str(ei.value).endswith("got periods of frequency 'M'")
    assert str(series_ei.value).startswith("years[0]: expected yearly periods")


@given(
    networks(max_snapshots=10),
    st.lists(st.integers(-50, 10_050), max_size=30),
    st.sampled_from(["linear", "geometric"]),
    st.booleans(),
)
def test_membership_series_is_members_at_year_by_year(
    net: Network,
    years: list[int],
    method: Method,
    extrapolate: bool,  # noqa: FBT001
) -> None:
    """Each estimate is what members_at gives for that year; an error is the first year's."""
    results: list[Estimate | str] = []
    for year in years:
        try:
            results.append(members_at(net, year, method=method, extrapolate=extrapolate))
        except (SnapshotLookupError, ValueError) as exc:
            results.append(f"{type(exc).__name__}: {exc}")
            break
    try:
        series: list[Estimate | str] = list(
            membership_series(net, years, method=method, extrapolate=extrapolate)
        )
    except (SnapshotLookupError, ValueError) as exc:
        series = [f"{type(exc).__name__}: {exc}"]
    else:
        assert len(years) == len(series)

    if results and isinstance(results[-1], str):
        assert results[-1] == series[-1]
    else:
        assert results == series


@given(st.lists(st.integers(0, 1000), unique=True).map(sorted), st.data())
def test_locate_is_bisect_from_any_hint(years: list[int], data: st.DataObject) -> None:
    """The galloping search finds what bisect_right finds, wherever it starts."""
    year = data.draw(st.integers(-5, 1005))
    hint = data.draw(st.integers(0, len(years)))

    assert bisect.bisect_right(years, year) == _locate(years, year, hint)


class _Counted(list[int]):
    """A list that counts the reads of its items."""

    reads = 0

    def __getitem__(self, index: Any) -> Any:  # noqa: ANN401
        type(self).reads += 1
        return super().__getitem__(index)


@pytest.mark.parametrize("size", [100, 400])
def test_years_in_order_cost_linear_reads(size: int) -> None:
    """Y years in order over S snapshots read O(Y + S) items, not Y × S (nor Y log S)."""
    _Counted.reads = 0
    known = _Counted(range(0, 2 * size, 2))
    position = 0
    for year in range(2 * size):
        position = _locate(known, year, position)

    assert _Counted.reads <= 8 * size


# ---------------------------------------------------------------- growth with estimates


def test_growth_with_estimates() -> None:
    """An end without a snapshot is an estimate; one on a snapshot stays the snapshot."""
    net = default_network()
    g = growth(net, 2010, 2017, estimate=True)

    assert isinstance(g.start, Estimate)
    assert net.snapshot(2017) == g.end
    assert (2010, 14 + 3 / 5 * 21, "linear") == (g.start.year, g.start.members, g.start.method)
    assert (7, Qualifier.APPROXIMATE) == (g.years, g.qualifier)
    assert math.isclose(56 - g.start.members, g.change)
    assert growth(net, 2007, 2022) == growth(net, 2007, 2022, estimate=True)


def test_growth_with_estimates_never_extrapolates() -> None:
    """A year outside the snapshots stays an error, which says why."""
    with pytest.raises(SnapshotLookupError) as ei:
        growth(default_network(), 2005, 2010, estimate=True)

    assert "outside the snapshots (2007–2022)" in str(ei.value)
    assert "never beyond" in str(ei.value)
    assert 2005 == ei.value.year


@given(networks(), st.integers(-10, 10_010), st.integers(-10, 10_010))
def test_estimated_growth_only_interpolates(net: Network, start: int, end: int) -> None:
    """With estimate=True, a year outside the snapshots raises; inside, the ends bracket it."""
    known = [s.year for s in net.snapshots]
    inside = bool(known) and all(known[0] <= y <= known[-1] for y in (start, end))
    if not inside:
        with pytest.raises(SnapshotLookupError):
            growth(net, start, end, estimate=True)
        return
    if start > end:
        with pytest.raises(ValueError, match="after end"):
            growth(net, start, end, estimate=True)
        return
    g = growth(net, start, end, estimate=True)

    assert (start, end) == (g.start.year, g.end.year)
    for point in (g.start, g.end):
        if point.year in known:
            assert net.snapshot(point.year) == point
        else:
            assert isinstance(point, Estimate)
            assert all(known[0] <= s.year <= known[-1] for s in point.based_on)
            assert Qualifier.APPROXIMATE == g.qualifier
    assert Growth.between(g.start, g.end, language=net.languages[0]) == g


def test_doubling_time_of_a_rate_below_floats() -> None:
    """An exact rate too small for a float (a Fraction) never doubles in a float's range: None."""
    tiny: Any = Fraction(1, 10**400)  # a real number, as a rate may be given
    small: Any = Fraction(1, 10**300)

    assert doubling_time(tiny) is None
    assert math.isclose(math.log(2) * 1e300, doubling_time(small) or 0.0)


def test_a_one_year_phase_starts_from_the_snapshot_before_it() -> None:
    """A one-year phase's own snapshot is its end: its growth starts from the one before."""
    net = Network(
        name=LocalizedText({"en": "N"}),
        languages=["en"],
        phases=[
            Phase(key="a", name=LocalizedText({"en": "A"}), start=2005, end=2009),
            Phase(key="b", name=LocalizedText({"en": "B"}), start=2010, end=2010),
        ],
        snapshots=[
            MembershipSnapshot(year=2008, members=4),
            MembershipSnapshot(year=2010, members=6, dating=Dating.PHASE, phase="b"),
        ],
    )
    found = [(g.phase, g.start.year, g.end.year) for g in phase_growth(net)]

    assert [(net.phases[1], 2008, 2010)] == found
