"""
Growth metrics: between two snapshots, per phase, and estimates between snapshots.

Undefined metrics are `None`, never NaN and never a `ZeroDivisionError`: a ratio
needs a start above zero, a yearly rate needs at least one year and a ratio
above zero, a doubling time needs growth.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import sys
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Literal, TypeAlias

from attrs import field, frozen

from ._errors import SnapshotLookupError, missing_snapshot, year_text
from ._lookup import When, year_of
from ._model import Dating, MembershipSnapshot, Network, Phase, Qualifier

Method: TypeAlias = Literal["linear", "geometric"]
"""How `members_at` estimates between snapshots."""

METHODS: tuple[Method, ...] = ("linear", "geometric")
"""The estimation methods, in the order messages and tables list them."""

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
    if abs(step) < 0.5:  # near 1, where the difference of logs cancels
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
    except ZeroDivisionError:  # a real number too small for a float, as Fraction(1, 10**400)
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
        start: The snapshot growth is measured from; an `Estimate` when
            `growth(..., estimate=True)` estimated a year without a snapshot.
        end: The snapshot growth is measured to; an `Estimate` likewise.
        phase: The phase measured, when the growth comes from `phase_growth`.
        years: `end.year - start.year`: the years it spans, by the phase-end
            convention when an end is dated by a phase (see `time_qualifier`).
        change: `end.members - start.members`: an `int` between two snapshots, a
            `float` when an end is an estimate.
        ratio: `end.members / start.members`; `None` for a start of 0.
        percent: The change in percent units (`614.28...`); `None` for a start of 0.
        cagr: The compound annual growth rate, a fraction (`0.14005...`); `None`
            over zero years. It rests on `years`, so on the phase-end convention
            when an end is dated by a phase.
        doubling_time: Years to double at that rate; `None` unless it grows (and
            when a growth so slow would take longer than a float can hold). It
            rests on `years` as `cagr` does.
        qualifier: What the inputs' hedges say of the change, ratio, percent and
            CAGR (see `growth_qualifier`); the doubling time's is
            `doubling_time_qualifier`.
        language: The language `describe_growth` uses by default (the network's first).

    Time has a precision of its own (`dating`, `time_qualifier`). When an end is
    dated only by its phase, its year is the phase's end by convention, so the
    true span is not known: `years`, `cagr` and `doubling_time` rest on that
    convention and are approximate whatever `qualifier` says; `change`, `ratio`
    and `percent` do not depend on the years and keep `qualifier`.

    """

    start: MembershipSnapshot | Estimate
    end: MembershipSnapshot | Estimate
    phase: Phase | None = None
    years: int
    change: int | float
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

    @property
    def dating(self) -> Dating:
        """
        How the years of this growth are known: `Dating.PHASE` when an end is dated only by a phase.

        An end dated by a phase has its phase's end year by convention. An
        `Estimate` end counts as dated by its year unless it rests on a
        snapshot dated by a phase (it is that snapshot, or is drawn from it):
        then its year, or the line it was read from, rests on the convention too.

        Examples:
            >>> from reseau_coop import default_network, growth, phase_growth
            >>> growth(default_network()).dating, phase_growth(default_network())[1].dating
            (<Dating.YEAR: 'year'>, <Dating.PHASE: 'phase'>)

        """
        ends = (self.start, self.end)
        return Dating.PHASE if any(map(_phase_dated, ends)) else Dating.YEAR

    @property
    def time_qualifier(self) -> Qualifier:
        """
        What is known of `years`, and so of `cagr` and `doubling_time`: `APPROXIMATE` or `EXACT`.

        `APPROXIMATE` when `dating` is `Dating.PHASE`: the years rest on the
        phase-end convention, so a yearly rate or a doubling time is approximate
        however exact the counts are.

        Examples:
            >>> from reseau_coop import default_network, phase_growth
            >>> last = phase_growth(default_network())[2]
            >>> last.qualifier, last.time_qualifier
            (<Qualifier.EXACT: 'exact'>, <Qualifier.APPROXIMATE: 'approximate'>)

        """
        return Qualifier.APPROXIMATE if self.dating is Dating.PHASE else Qualifier.EXACT

    @classmethod
    def between(
        cls,
        start: MembershipSnapshot | Estimate,
        end: MembershipSnapshot | Estimate,
        *,
        phase: Phase | None = None,
        language: str = "en",
    ) -> Growth:
        """
        The growth from *start* to *end*: two snapshots, or estimates (`members_at`).

        An estimate is `APPROXIMATE`, so a growth from or to one is too.

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


def _phase_dated(end: MembershipSnapshot | Estimate) -> bool:
    """Whether *end* is dated only by a phase, or is an estimate resting on such a snapshot."""
    if isinstance(end, Estimate):
        return any(s.dating is Dating.PHASE for s in end.based_on)
    return end.dating is Dating.PHASE


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
    return missing_snapshot(year, tuple(s.year for s in network.snapshots))


# Where an error about a year outside the snapshots points the reader next.
_EXTRAPOLATE = "pass extrapolate=True to extrapolate from the nearest two"
_INTERPOLATE_ONLY = "growth(..., estimate=True) estimates between snapshots, never beyond them"


def _outside(network: Network, year: int, hint: str) -> SnapshotLookupError:
    """The error for *year*, which no snapshot has and no two snapshots bracket."""
    available = tuple(s.year for s in network.snapshots)
    if not available:
        return _missing(network, year)
    if len(available) == 1:
        message = (
            f"no snapshot for {year_text(year)} (snapshots: {available[0]}): "
            f"one snapshot is too few to estimate from"
        )
    else:
        message = (
            f"no snapshot for {year_text(year)}, which is outside the snapshots "
            f"({available[0]}–{available[-1]}); {hint}"
        )
    return SnapshotLookupError(message, year=year, available=available)


def growth(
    network: Network,
    start: When | None = None,
    end: When | None = None,
    *,
    estimate: bool = False,
) -> Growth:
    """
    Membership growth between the snapshots of years *start* and *end*.

    With *estimate*, a year without a snapshot is estimated between the two
    snapshots around it (`members_at`, linear), and that end of the `Growth` is the
    `Estimate`, so the growth is `APPROXIMATE`; an end on a snapshot stays that
    snapshot. It only interpolates: a year before the first snapshot or after the
    last is still an error.

    Args:
        network: The network to measure.
        start: The first year (or a date in it); the first snapshot's by default.
        end: The last year (or a date in it); the last snapshot's by default.
        estimate: Whether to estimate a year without a snapshot.

    Raises:
        SnapshotLookupError: If a year has no snapshot (with *estimate*: if it is
            outside the snapshots); it lists those that have one.
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
        >>> g = growth(default_network(), 2010, 2017, estimate=True)
        >>> g.start
        Estimate(year=2010, members=26.6, qualifier=<Qualifier.APPROXIMATE: 'approximate'>, ...)
        >>> g.end.members, g.years, round(g.change, 1), g.qualifier.value
        (56, 7, 29.4, 'approximate')
        >>> growth(default_network(), 2010, 2025, estimate=True)
        Traceback (most recent call last):
        ...
        reseau_coop.SnapshotLookupError: no snapshot for 2025, which is outside the snapshots
        (2007–2022); growth(..., estimate=True) estimates between snapshots, never beyond them

    """
    snapshots = network.snapshots
    if not snapshots:
        wanted = year_of(start) if start is not None else year_of(end) if end is not None else 0
        raise _missing(network, wanted)
    first = snapshots[0] if start is None else _point(network, year_of(start), estimate=estimate)
    last = snapshots[-1] if end is None else _point(network, year_of(end), estimate=estimate)
    if first.year > last.year:
        msg = f"start ({first.year}) is after end ({last.year})"
        raise ValueError(msg)
    return Growth.between(first, last, language=network.languages[0])


def _point(network: Network, year: int, *, estimate: bool) -> MembershipSnapshot | Estimate:
    """The snapshot of *year*; with *estimate*, a linear estimate where there is none."""
    if not estimate:
        return _snapshot(network, year)
    (found,) = _estimates(network, (year,), "linear", extrapolate=False, hint=_INTERPOLATE_ONLY)
    return found.based_on[0] if found.method == "snapshot" else found


def phase_growth(network: Network) -> tuple[Growth, ...]:
    """
    Growth over each phase that has two snapshots to measure between, in phase order.

    Each phase is measured from the snapshot at (or last before) its start — or,
    when there is none, from its first snapshot inside it — to the one at (or
    last within) its end; so every phase that holds two snapshots is measured,
    and each `Growth` spans the years it really measures (`start.year` to
    `end.year`, which may be fewer than the phase's). A phase with fewer than
    two snapshots to measure between is left out. A snapshot dated by a phase
    belongs to that phase: it can end that phase's measure and no other (it may
    start the next).

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
    snapshots = network.snapshots
    for phase in network.phases:
        inside = _in_phase(snapshots, phase)
        first = phase_start_snapshot(snapshots, phase)
        if first is None and inside:
            first = inside[0]
        if first is not None and inside and first.year < inside[-1].year:
            growth = Growth.between(first, inside[-1], phase=phase, language=network.languages[0])
            out.append(growth)
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
    inside = _in_phase(snapshots, phase)
    return inside[-1] if inside else None


def _in_phase(snapshots: Sequence[MembershipSnapshot], phase: Phase) -> list[MembershipSnapshot]:
    """The snapshots within *phase*'s years, in order, but those dated by another phase."""
    found = []
    for snapshot in snapshots:
        if snapshot.year < phase.start:
            continue
        if phase.end is not None and snapshot.year > phase.end:
            break
        if not (snapshot.dating is Dating.PHASE and snapshot.phase != phase.key):
            found.append(snapshot)
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

    *year* is a year, a date (its year) or a yearly `pandas.Period` (its label's
    year). Between snapshots the estimate is `"linear"` (a straight line) or
    `"geometric"` (a constant yearly rate), marked `APPROXIMATE`, and names the
    two snapshots it is drawn from. Outside the snapshots it extrapolates from
    the nearest two only when *extrapolate* is true (a linear estimate stops at 0).
    `membership_series` gives the same for many years at once.

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
        >>> members_at(net, 2025)
        Traceback (most recent call last):
        ...
        reseau_coop.SnapshotLookupError: no snapshot for 2025, which is outside the snapshots
        (2007–2022); pass extrapolate=True to extrapolate from the nearest two

    """
    (found,) = _estimates(network, (year_of(year),), method, extrapolate=extrapolate)
    return found


def membership_series(
    network: Network,
    years: Iterable[When] | None = None,
    *,
    method: Method = "linear",
    extrapolate: bool = False,
) -> tuple[Estimate, ...]:
    """
    Membership at many years at once: what `members_at` gives for each, in one pass.

    The same rules and errors as `members_at`: exact at a snapshot, estimated
    between two, outside them only with *extrapolate*. It reads the snapshots once,
    then finds each year from where the previous one was found, so years in order
    cost time linear in the number of years plus snapshots (in any order, a
    logarithm more per year), never years × snapshots.

    Args:
        network: The network.
        years: The years (or dates, yearly `pandas.Period`s, a NumPy array of
            years or a `PeriodIndex`), in any order; by default every year from the
            first snapshot's to the last's (none for a network without snapshots).
        method: `"linear"` or `"geometric"`, as for `members_at`.
        extrapolate: Whether to estimate outside the snapshots, as for `members_at`.

    Returns:
        One `Estimate` per year, in the order given.

    Raises:
        SnapshotLookupError: For the first year outside the snapshots (without
            *extrapolate*).
        TypeError: If *years* is not an iterable of years, naming the first bad one.
        ValueError: As `members_at`.

    Examples:
        >>> from reseau_coop import default_network
        >>> series = membership_series(default_network())
        >>> len(series), series[0].year, series[-1].year
        (16, 2007, 2022)
        >>> [(e.year, round(e.members, 1), e.method) for e in series[4:7]]
        [(2011, 30.8, 'linear'), (2012, 35.0, 'snapshot'), (2013, 39.2, 'linear')]
        >>> [round(e.members) for e in membership_series(default_network(), [2022, 2010])]
        [100, 27]

    """
    if years is None:
        snapshots = network.snapshots
        wanted: Iterable[int] = (
            range(snapshots[0].year, snapshots[-1].year + 1) if snapshots else ()
        )
    else:
        wanted = _years(years)
    return tuple(_estimates(network, wanted, method, extrapolate=extrapolate))


def _years(years: object) -> list[int]:
    """The years of an iterable of years or dates; a `TypeError` names the first bad one."""
    if isinstance(years, str | bytes) or not isinstance(years, Iterable):
        msg = (
            f"years must be an iterable of years or dates, got {type(years).__name__} "
            f"{years!r}; for one year use members_at"
        )
        raise TypeError(msg)
    out = []
    for index, when in enumerate(years):
        try:
            out.append(year_of(when))
        except TypeError as exc:
            msg = f"years[{index}]: {exc}"
            raise TypeError(msg) from None
    return out


def _estimates(
    network: Network,
    years: Iterable[int],
    method: Method,
    *,
    extrapolate: bool,
    hint: str = _EXTRAPOLATE,
) -> list[Estimate]:
    """Membership at each of *years*: the one implementation of `members_at`."""
    if method not in METHODS:
        msg = f"method must be 'linear' or 'geometric', got {method!r}"
        raise ValueError(msg)
    snapshots = network.snapshots
    known = [s.year for s in snapshots]
    out = []
    position = 0
    for year in years:
        position = _locate(known, year, position)
        if position and known[position - 1] == year:
            snapshot = snapshots[position - 1]
            estimate = Estimate(
                year=year,
                members=float(snapshot.members),
                qualifier=snapshot.qualifier,
                method="snapshot",
                based_on=(snapshot,),
            )
        else:
            if 0 < position < len(known):
                before, after = snapshots[position - 1], snapshots[position]
            elif extrapolate and len(known) > 1:
                before, after = snapshots[:2] if position == 0 else snapshots[-2:]
            else:
                raise _outside(network, year, hint)
            estimate = Estimate(
                year=year,
                members=_interpolate(before, after, year, method),
                qualifier=Qualifier.APPROXIMATE,
                method=method,
                based_on=(before, after),
            )
        out.append(estimate)
    return out


def _locate(years: Sequence[int], year: int, hint: int) -> int:
    """
    How many of the ascending *years* are at or before *year* (`bisect_right`).

    The search gallops out from *hint*, the previous answer, so it costs the
    logarithm of how far the answer moves: years asked in order cost O(Y + S) in
    all, years in any order O(Y log S).
    """
    size = len(years)
    if hint < size and years[hint] <= year:  # the answer is after hint
        step = 1
        while hint + step < size and years[hint + step] <= year:
            step *= 2
        return bisect.bisect_right(years, year, hint + step // 2 + 1, min(hint + step, size))
    if hint > 0 and years[hint - 1] > year:  # the answer is before hint
        step = 1
        while hint - 1 - step >= 0 and years[hint - 1 - step] > year:
            step *= 2
        return bisect.bisect_right(years, year, max(hint - step, 0), hint - 1 - step // 2)
    return hint


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
        f"the {method} estimate for {year_text(year)} is beyond the range of a float "
        f"(about 1.8e308 members)"
    )
    return ValueError(msg)
