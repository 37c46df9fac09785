"""
Growth metrics: between two snapshots, per phase, and estimates between snapshots.

Undefined metrics are `None`, never NaN and never a `ZeroDivisionError`: a ratio
needs a start above zero, a yearly rate needs at least one year and a ratio
above zero, a doubling time needs growth.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Literal, TypeAlias

from attrs import field, frozen

from ._errors import SnapshotLookupError
from ._lookup import When, year_of
from ._model import Dating, MembershipSnapshot, Network, Phase, Qualifier

Method: TypeAlias = Literal["linear", "geometric"]
"""How `members_at` estimates between snapshots."""

_METHODS = ("linear", "geometric")

# ---------------------------------------------------------------- plain helpers


def ratio(start: float, end: float) -> float | None:
    """
    End over start: `7.142857...` for 14 → 100; `None` when *start* is not above zero.

    Examples:
        >>> ratio(14, 100)
        7.142857142857143
        >>> ratio(0, 12) is None
        True

    """
    return end / start if start > 0 else None


def percent_change(start: float, end: float) -> float | None:
    """
    The change from *start* to *end*, in percent units: `614.28...` for 14 → 100.

    `None` when *start* is not above zero.

    Examples:
        >>> round(percent_change(14, 100), 2)
        614.29
        >>> percent_change(120, 100)
        -16.666666666666664

    """
    value = ratio(start, end)
    return None if value is None else (value - 1) * 100


def cagr(start: float, end: float, years: float) -> float | None:
    """
    The compound annual growth rate, as a fraction: `ratio ** (1 / years) - 1`.

    `None` when it is not defined: *years* not above zero, or *start* not above
    zero. A fall to zero is a rate of -1 (-100 % a year).

    Examples:
        >>> round(cagr(14, 100, 15), 5)
        0.14005
        >>> cagr(14, 100, 0) is None
        True

    """
    value = ratio(start, end)
    if value is None or years <= 0:
        return None
    return float(value ** (1 / years) - 1)


def doubling_time(rate: float | None) -> float | None:
    """
    The years it takes to double at a yearly growth *rate* (a fraction, as `cagr` gives).

    `None` unless *rate* is above zero: a network that does not grow never doubles.

    Examples:
        >>> round(doubling_time(0.14005), 2)
        5.29
        >>> doubling_time(0.0) is None
        True

    """
    if rate is None or not rate > 0 or math.isinf(rate):
        return None
    return math.log(2) / math.log1p(rate)


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

    The doubling time falls as growth rises, so its bound goes the other way.

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
        cagr: The compound annual growth rate, a fraction (`0.14005...`).
        doubling_time: Years to double at that rate; `None` unless it grows.
        qualifier: What the inputs' hedges say of the metrics (see `growth_qualifier`).
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


def _missing(network: Network, year: int) -> SnapshotLookupError:
    available = tuple(s.year for s in network.snapshots)
    if not available:
        message = f"no snapshot for {year}: the network has no membership snapshots"
    else:
        years = ", ".join(map(str, available))
        message = f"no snapshot for {year} (snapshots: {years})"
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
        ValueError: For an unknown *method*, or a geometric estimate from a count of 0.

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
    t = (year - before.year) / (after.year - before.year)
    if method == "linear":
        return max(0.0, before.members + t * (after.members - before.members))
    if before.members <= 0 or after.members <= 0:
        msg = (
            f"a geometric estimate needs counts above 0, got {before.members} ({before.year}) "
            f"and {after.members} ({after.year}); use method='linear'"
        )
        raise ValueError(msg)
    return float(before.members * (after.members / before.members) ** t)
