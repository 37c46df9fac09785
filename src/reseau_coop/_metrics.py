"""
Growth metrics: between two snapshots, per phase, and estimates between snapshots.

Undefined metrics are `None`, never NaN and never a `ZeroDivisionError`: a ratio
needs a start above zero, a yearly rate needs at least one year and a ratio
above zero, a doubling time needs growth.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import Literal, TypeAlias

from attrs import field, frozen

from ._errors import SnapshotLookupError
from ._lookup import When, year_of
from ._model import Dating, MembershipSnapshot, Network, Phase, Qualifier, _number

Method: TypeAlias = Literal["linear", "geometric"]
"""How `members_at` estimates between snapshots."""

_METHODS = ("linear", "geometric")

# The range of a float, for estimates computed exactly before they are rounded: the largest
# float, its natural log, and a log below which exp() is 0.0 (under the smallest subnormal).
_FLOAT_MAX = Fraction(sys.float_info.max)
_LOG_MAX = Fraction(math.log(sys.float_info.max))
_LOG_TINY = Fraction(-800)

# ---------------------------------------------------------------- plain helpers


def _finite(value: float) -> bool:
    """Whether *value* is a finite number: any int, a float that is neither NaN nor infinite."""
    return isinstance(value, int) or math.isfinite(value)


def _fit(value: float) -> float | None:
    """*value*, or `None` when it is NaN or infinite (a float's way of saying "out of range")."""
    return value if math.isfinite(value) else None


def _log_ratio(start: float, end: float) -> float:
    """
    The natural log of *end* / *start* (finite numbers above zero), for counts of any size.

    Near 1 it is `log1p` of the exact relative change, so a change of 1 in 10**15 keeps its
    digits; elsewhere it is the difference of the logs, which `math.log` takes of ints of
    any size, so a ratio beyond a float's range still has its log.
    """
    try:
        step = (end - start) / start
    except OverflowError:  # ints whose ratio is beyond a float
        step = math.inf
    if abs(step) < 0.5:  # noqa: PLR2004 - near 1, where the difference of logs cancels
        return math.log1p(step)
    return math.log(end) - math.log(start)


def ratio(start: float, end: float) -> float | None:
    """
    End over start: `7.142857...` for 14 → 100.

    `None` when it is not defined or not a float: *start* not above zero, a figure
    that is NaN or infinite, or a ratio beyond a float's range (about 1.8e308, as
    `ratio(1, 10**400)`). Integers of any size are divided exactly, then rounded once.

    Examples:
        >>> ratio(14, 100)
        7.142857142857143
        >>> ratio(0, 12) is None, ratio(1, 10**400) is None, ratio(10**400, 10**400)
        (True, True, 1.0)

    """
    if not (_finite(start) and _finite(end) and start > 0):
        return None
    try:
        return _fit(end / start)
    except OverflowError:  # ints whose ratio is beyond a float
        return None


def percent_change(start: float, end: float) -> float | None:
    """
    The change from *start* to *end*, in percent units: `614.28...` for 14 → 100.

    `None` when *start* is not above zero, a figure is NaN or infinite, or the
    result is beyond a float's range. It is computed from the change itself, so a
    small change of large counts keeps its digits.

    Examples:
        >>> round(percent_change(14, 100), 2)
        614.29
        >>> percent_change(120, 100)
        -16.666666666666664
        >>> percent_change(10**15, 10**15 + 1)
        1e-13

    """
    if not (_finite(start) and _finite(end) and start > 0):
        return None
    try:
        return _fit((end - start) / start * 100)
    except OverflowError:  # ints whose change is beyond a float
        return None


def cagr(start: float, end: float, years: float) -> float | None:
    """
    The compound annual growth rate, as a fraction: `ratio ** (1 / years) - 1`.

    `None` when it is not defined or not a float: *years* not above zero, *start*
    not above zero, a figure that is NaN or infinite, or a rate beyond a float's
    range (as over a tiny fraction of a year). A fall to zero is a rate of -1
    (-100 % a year). It is computed from logarithms, so counts of any size and
    ratios beyond a float's range still give their rate: `cagr(1, 10**400, 4000)`
    is about 0.2589.

    Examples:
        >>> round(cagr(14, 100, 15), 5)
        0.14005
        >>> cagr(14, 100, 0) is None
        True
        >>> round(cagr(1, 10**400, 4000), 4)
        0.2589

    """
    if not (_finite(start) and _finite(end) and _finite(years) and start > 0 and years > 0):
        return None
    if end <= 0:
        return -1.0 if end == 0 else None
    try:
        return _fit(math.expm1(_log_ratio(start, end) / years))
    except OverflowError:  # a rate beyond a float
        return None


def doubling_time(rate: float | None) -> float | None:
    """
    The years it takes to double at a yearly growth *rate* (a fraction, as `cagr` gives).

    `None` unless *rate* is a finite number above zero (a network that does not
    grow never doubles), and when the time is beyond a float's range (a rate
    below about 4e-309).

    Examples:
        >>> round(doubling_time(0.14005), 2)
        5.29
        >>> doubling_time(0.0) is None, doubling_time(1e-320) is None
        (True, True)

    """
    if rate is None or not _finite(rate) or not rate > 0:
        return None
    try:
        growth = math.log1p(rate)
    except OverflowError:  # an int beyond a float: log1p cannot take it, log can
        growth = math.log(rate + 1)
    try:
        return _fit(math.log(2) / growth)
    except ZeroDivisionError:  # pragma: no cover - log1p of a positive float is positive
        return None


# ---------------------------------------------------------------- qualifiers

# How far the true value may lie from a figure, by its qualifier: +1 above, -1 below.
_DIRECTIONS: dict[Qualifier, frozenset[int]] = {
    Qualifier.EXACT: frozenset(),
    Qualifier.AT_LEAST: frozenset({+1}),
    Qualifier.AT_MOST: frozenset({-1}),
    Qualifier.NEARLY: frozenset({-1}),
    Qualifier.APPROXIMATE: frozenset({-1, +1}),
}


def growth_qualifier(start: Qualifier, end: Qualifier) -> Qualifier:
    """
    What the inputs' qualifiers say of a growth measured from *start* to *end*.

    The result reads on the change, the ratio, the percent change and the CAGR,
    which all rise with the end figure and fall with the start figure:

    - `EXACT` when both figures are exact;
    - `AT_MOST` when the true value can only be lower: an `AT_LEAST` start (the
      true start may be higher) or an `AT_MOST` end, and nothing pulling the other way;
    - `AT_LEAST` when it can only be higher: an `AT_MOST` or `NEARLY` start, or
      an `AT_LEAST` end;
    - `NEARLY` when the only hedge is a `NEARLY` end (close to, and at most, the figure);
    - `APPROXIMATE` otherwise (an `APPROXIMATE` figure, or hedges pulling both ways).

    The doubling time falls as growth rises, so its bound goes the other way
    (`opposite_bound`).

    Examples:
        >>> growth_qualifier(Qualifier.AT_LEAST, Qualifier.EXACT)
        <Qualifier.AT_MOST: 'at_most'>
        >>> growth_qualifier(Qualifier.APPROXIMATE, Qualifier.EXACT)
        <Qualifier.APPROXIMATE: 'approximate'>

    """
    directions = _DIRECTIONS[end] | {-d for d in _DIRECTIONS[start]}
    if not directions:
        return Qualifier.EXACT
    if len(directions) > 1:
        return Qualifier.APPROXIMATE
    if directions == {+1}:
        return Qualifier.AT_LEAST
    if end is Qualifier.NEARLY and start is Qualifier.EXACT:
        return Qualifier.NEARLY
    return Qualifier.AT_MOST


def opposite_bound(qualifier: Qualifier) -> Qualifier:
    """
    The qualifier of a figure that falls as one qualified by *qualifier* rises.

    A doubling time falls as the growth it comes from rises: from a ratio that is
    at most its figure (`AT_MOST`, or `NEARLY`: close to and at most), the doubling
    time is at least its figure (`AT_LEAST`), and the other way round. `EXACT` and
    `APPROXIMATE` stay as they are.

    Examples:
        >>> opposite_bound(Qualifier.AT_MOST), opposite_bound(Qualifier.NEARLY)
        (<Qualifier.AT_LEAST: 'at_least'>, <Qualifier.AT_LEAST: 'at_least'>)
        >>> opposite_bound(Qualifier.APPROXIMATE)
        <Qualifier.APPROXIMATE: 'approximate'>

    """
    if qualifier in {Qualifier.AT_MOST, Qualifier.NEARLY}:
        return Qualifier.AT_LEAST
    if qualifier is Qualifier.AT_LEAST:
        return Qualifier.AT_MOST
    return qualifier


# ---------------------------------------------------------------- results


@frozen(kw_only=True)
class Growth:
    """
    Membership growth between two snapshots, with every metric derived from them.

    Build it with `growth` or `phase_growth`; `Growth.between` computes the
    metrics from any two snapshots. Metrics that are not defined are `None`.

    Attributes:
        start: The snapshot growth is measured from.
        end: The snapshot growth is measured to.
        phase: The phase measured, when the growth comes from `phase_growth`.
        years: `end.year - start.year`.
        change: `end.members - start.members`.
        ratio: `end.members / start.members`; `None` for a start of 0.
        percent: The change in percent units (`614.28...`); `None` for a start of 0.
        cagr: The compound annual growth rate, a fraction (`0.14005...`); `None`
            over zero years.
        doubling_time: Years to double at that rate; `None` unless it grows (and
            when a growth so slow would take longer than a float can hold).
        qualifier: What the inputs' hedges say of the change, ratio, percent and
            CAGR (see `growth_qualifier`); the doubling time's is
            `doubling_time_qualifier`.
        language: The language `describe_growth` uses by default (the network's first).

    """

    start: MembershipSnapshot
    end: MembershipSnapshot
    phase: Phase | None = None
    years: int
    change: int
    ratio: float | None
    percent: float | None
    cagr: float | None
    doubling_time: float | None
    qualifier: Qualifier
    language: str = field(default="en")

    @property
    def doubling_time_qualifier(self) -> Qualifier:
        """
        What the inputs' hedges say of the doubling time: `qualifier`'s opposite bound.

        From a growth that is at most its figures (an `AT_LEAST` start, say), the
        doubling time is at least its figure: slower growth doubles later.

        Examples:
            >>> a = MembershipSnapshot(year=2007, members=14, qualifier=Qualifier.AT_LEAST)
            >>> b = MembershipSnapshot(year=2022, members=100)
            >>> g = Growth.between(a, b)
            >>> g.qualifier, g.doubling_time_qualifier
            (<Qualifier.AT_MOST: 'at_most'>, <Qualifier.AT_LEAST: 'at_least'>)

        """
        return opposite_bound(self.qualifier)

    @classmethod
    def between(
        cls,
        start: MembershipSnapshot,
        end: MembershipSnapshot,
        *,
        phase: Phase | None = None,
        language: str = "en",
    ) -> Growth:
        """
        The growth from snapshot *start* to snapshot *end*.

        Examples:
            >>> a = MembershipSnapshot(year=2007, members=14)
            >>> b = MembershipSnapshot(year=2022, members=100)
            >>> g = Growth.between(a, b)
            >>> g.years, g.change, round(g.percent, 2), round(g.cagr, 5)
            (15, 86, 614.29, 0.14005)

        """
        years = end.year - start.year
        rate = cagr(start.members, end.members, years)
        return cls(
            start=start,
            end=end,
            phase=phase,
            years=years,
            change=end.members - start.members,
            ratio=ratio(start.members, end.members),
            percent=percent_change(start.members, end.members),
            cagr=rate,
            doubling_time=doubling_time(rate),
            qualifier=growth_qualifier(start.qualifier, end.qualifier),
            language=language,
        )


@frozen(kw_only=True)
class Estimate:
    """
    Membership at a year, as a snapshot gives it or as estimated between snapshots.

    Attributes:
        year: The year asked about.
        members: The figure (a float: estimates fall between whole numbers).
        qualifier: The snapshot's own at a snapshot; `APPROXIMATE` for an estimate.
        method: `"snapshot"` at a snapshot, else `"linear"` or `"geometric"`.
        based_on: The snapshot used, or the two an estimate was drawn from.

    """

    year: int
    members: float
    qualifier: Qualifier
    method: Literal["snapshot", "linear", "geometric"]
    based_on: tuple[MembershipSnapshot, ...]


# ---------------------------------------------------------------- over a network


def _snapshot(network: Network, year: int) -> MembershipSnapshot:
    for snapshot in network.snapshots:
        if snapshot.year == year:
            return snapshot
    raise _missing(network, year)


def _year(year: int) -> str:
    """A year for a message: `2010`, or `a year of 1329 bits` for one too long to print."""
    text = _number(year)
    return f"a year {text}" if text.startswith("of ") else text


def _missing(network: Network, year: int) -> SnapshotLookupError:
    available = tuple(s.year for s in network.snapshots)
    if not available:
        message = f"no snapshot for {_year(year)}: the network has no membership snapshots"
    else:
        years = ", ".join(map(str, available))
        message = f"no snapshot for {_year(year)} (snapshots: {years})"
    return SnapshotLookupError(message, year=year, available=available)


def growth(network: Network, start: When | None = None, end: When | None = None) -> Growth:
    """
    Membership growth between the snapshots of years *start* and *end*.

    Args:
        network: The network to measure.
        start: The first year (or a date in it); the first snapshot's by default.
        end: The last year (or a date in it); the last snapshot's by default.

    Raises:
        SnapshotLookupError: If a year has no snapshot; it lists those that have one.
        ValueError: If *start* is after *end*.

    Examples:
        >>> from reseau_coop import default_network
        >>> g = growth(default_network())
        >>> g.start.members, g.end.members, g.years, g.change
        (14, 100, 15, 86)
        >>> round(g.ratio, 6), round(g.percent, 2), round(g.cagr, 5), round(g.doubling_time, 2)
        (7.142857, 614.29, 0.14005, 5.29)
        >>> growth(default_network(), 2007, 2010)
        Traceback (most recent call last):
        ...
        reseau_coop.SnapshotLookupError: no snapshot for 2010 (snapshots: 2007, 2012, 2017, 2022)

    """
    snapshots = network.snapshots
    if not snapshots:
        wanted = year_of(start) if start is not None else year_of(end) if end is not None else 0
        raise _missing(network, wanted)
    first = snapshots[0] if start is None else _snapshot(network, year_of(start))
    last = snapshots[-1] if end is None else _snapshot(network, year_of(end))
    if first.year > last.year:
        msg = f"start ({first.year}) is after end ({last.year})"
        raise ValueError(msg)
    return Growth.between(first, last, language=network.languages[0])


def phase_growth(network: Network) -> tuple[Growth, ...]:
    """
    Growth over each phase that has two snapshots to measure between, in phase order.

    Each phase is measured from the snapshot at (or last before) its start to the
    one at (or last within) its end. A snapshot dated by a phase belongs to that
    phase: it can end that phase's measure and no other (it may start the next).

    Examples:
        >>> from reseau_coop import default_network
        >>> [
        ...     (g.phase.key, g.start.members, g.end.members, round(g.ratio, 3))
        ...     for g in phase_growth(default_network())
        ... ]
        [('experimentation', 14, 35, 2.5), ('implantation', 35, 56, 1.6),
         ('consolidation', 56, 100, 1.786)]

    """
    out: list[Growth] = []
    for phase in network.phases:
        first = phase_start_snapshot(network.snapshots, phase)
        last = phase_end_snapshot(network.snapshots, phase)
        if first is not None and last is not None and first.year < last.year:
            out.append(Growth.between(first, last, phase=phase, language=network.languages[0]))
    return tuple(out)


def phase_start_snapshot(
    snapshots: Sequence[MembershipSnapshot], phase: Phase
) -> MembershipSnapshot | None:
    """The snapshot at, or last before, the start of *phase* (not one dated by it)."""
    found = None
    for snapshot in snapshots:
        if snapshot.year > phase.start:
            break
        if not (snapshot.dating is Dating.PHASE and snapshot.phase == phase.key):
            found = snapshot
    return found


def phase_end_snapshot(
    snapshots: Sequence[MembershipSnapshot], phase: Phase
) -> MembershipSnapshot | None:
    """The snapshot at, or last within, the end of *phase* (none dated by another phase)."""
    found = None
    for snapshot in snapshots:
        if snapshot.year < phase.start:
            continue
        if phase.end is not None and snapshot.year > phase.end:
            break
        if snapshot.dating is Dating.PHASE and snapshot.phase != phase.key:
            continue
        found = snapshot
    return found


def members_at(
    network: Network,
    year: When,
    *,
    method: Method = "linear",
    extrapolate: bool = False,
) -> Estimate:
    """
    Membership at *year*: the snapshot's figure, or an estimate between two snapshots.

    Between snapshots the estimate is `"linear"` (a straight line) or
    `"geometric"` (a constant yearly rate), marked `APPROXIMATE`, and names the
    two snapshots it is drawn from. Outside the snapshots it extrapolates from
    the nearest two only when *extrapolate* is true (a linear estimate stops at 0).

    Raises:
        SnapshotLookupError: If *year* is outside the snapshots (and *extrapolate*
            is false), or the network has too few snapshots to estimate from.
        ValueError: For an unknown *method*, a geometric estimate from a count of 0,
            or an extrapolation so far out that the estimate is beyond a float's range
            (about 1.8e308 members). An estimate is computed exactly and rounded once,
            so no year, however far, raises anything else.

    Examples:
        >>> from reseau_coop import default_network
        >>> net = default_network()
        >>> members_at(net, 2022).members, members_at(net, 2012).qualifier
        (100.0, <Qualifier.APPROXIMATE: 'approximate'>)
        >>> estimate = members_at(net, 2020)
        >>> round(estimate.members, 1), [s.year for s in estimate.based_on]
        (82.4, [2017, 2022])
        >>> round(members_at(net, 2020, method="geometric").members, 1)
        79.3

    """
    if method not in _METHODS:
        msg = f"method must be 'linear' or 'geometric', got {method!r}"
        raise ValueError(msg)
    wanted = year_of(year)
    snapshots = network.snapshots
    for snapshot in snapshots:
        if snapshot.year == wanted:
            return Estimate(
                year=wanted,
                members=float(snapshot.members),
                qualifier=snapshot.qualifier,
                method="snapshot",
                based_on=(snapshot,),
            )
    pair = _bracket(snapshots, wanted)
    if pair is None:
        if not extrapolate or len(snapshots) < 2:  # noqa: PLR2004
            raise _missing(network, wanted)
        early = wanted < snapshots[0].year
        pair = (snapshots[0], snapshots[1]) if early else (snapshots[-2], snapshots[-1])
    before, after = pair
    members = _interpolate(before, after, wanted, method)
    return Estimate(
        year=wanted,
        members=members,
        qualifier=Qualifier.APPROXIMATE,
        method=method,
        based_on=(before, after),
    )


def _bracket(
    snapshots: Sequence[MembershipSnapshot], year: int
) -> tuple[MembershipSnapshot, MembershipSnapshot] | None:
    for before, after in itertools.pairwise(snapshots):
        if before.year < year < after.year:
            return before, after
    return None


def _interpolate(
    before: MembershipSnapshot, after: MembershipSnapshot, year: int, method: str
) -> float:
    """
    The estimate at *year* on the line or curve through *before* and *after*.

    Computed exactly (fractions, and a logarithm for the geometric curve), then rounded
    once: no year, however far, makes it overflow; an estimate too large for a float is
    a `ValueError`, one too small for a float is 0.0.
    """
    t = Fraction(year - before.year, after.year - before.year)
    if method == "linear":
        value = max(Fraction(0), before.members + t * (after.members - before.members))
        if value > _FLOAT_MAX:
            raise _too_large(method, year)
        return float(value)
    if before.members <= 0 or after.members <= 0:
        msg = (
            f"a geometric estimate needs counts above 0, got {before.members} ({before.year}) "
            f"and {after.members} ({after.year}); use method='linear'"
        )
        raise ValueError(msg)
    log = _log_ratio(before.members, after.members)
    exponent = Fraction(math.log(before.members)) + t * Fraction(log)
    if exponent < _LOG_TINY:
        return 0.0
    if exponent <= _LOG_MAX:
        with contextlib.suppress(OverflowError):  # right at the edge, exp may still overflow
            return math.exp(exponent)
    raise _too_large(method, year)


def _too_large(method: str, year: int) -> ValueError:
    msg = (
        f"the {method} estimate for {_year(year)} is beyond the range of a float "
        f"(about 1.8e308 members)"
    )
    return ValueError(msg)
