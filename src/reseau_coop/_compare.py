"""
Several networks side by side: one JSON-ready row of figures per network.

A row is built from the public metrics only (`growth`, and `growth(..., estimate=True)`
over a common window), so a comparison says exactly what those functions say.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, TypedDict, cast

from ._errors import SnapshotLookupError
from ._lookup import When
from ._metrics import Estimate, Growth, growth
from ._model import MembershipSnapshot, Network, Qualifier


class _Identity(TypedDict):
    name: str
    language: str
    phases: int
    snapshots: int


class _History(TypedDict):
    first_year: int | None
    first_members: int | None
    first_qualifier: str | None
    first_sign: str | None
    last_year: int | None
    last_members: int | None
    last_qualifier: str | None
    last_sign: str | None
    years: int | None
    change: int | None
    ratio: float | None
    percent: float | None
    cagr: float | None
    doubling_time: float | None
    qualifier: str | None
    doubling_time_qualifier: str | None
    dating: str | None
    time_qualifier: str | None


class _Window(TypedDict):
    window_start_year: int | None
    window_start_members: int | float | None
    window_start_qualifier: str | None
    window_start_sign: str | None
    window_start_method: str | None
    window_end_year: int | None
    window_end_members: int | float | None
    window_end_qualifier: str | None
    window_end_sign: str | None
    window_end_method: str | None
    window_years: int | None
    window_change: int | float | None
    window_ratio: float | None
    window_percent: float | None
    window_cagr: float | None
    window_doubling_time: float | None
    window_qualifier: str | None
    window_doubling_time_qualifier: str | None
    window_dating: str | None
    window_time_qualifier: str | None


class ComparisonRow(_Identity, _History, _Window):
    """
    One network's figures in a comparison, as `compare` gives them: a plain `dict`.

    Every row has every key, in this order; a value not defined (or not asked for)
    is `None`. Values are `int`, `float`, `str` or `None`, so `json.dumps(rows)` and
    `pandas.DataFrame(rows)` take the rows as they are. Qualifiers are their
    lower-case values (`"approximate"`); signs are how tables show them (`"≈"`, `"≥"`,
    `"≤"`, `"≲"`, and `""` for an exact figure).

    The keys:

    - `name`: the network's name, in `language`;
    - `language`: the language of `name`: the one asked for when the name has
      it, else the name's first;
    - `phases`, `snapshots`: how many phases and membership snapshots it has;
    - `first_year`, `last_year`: the years of its first and last snapshots, the
      years its figures cover;
    - `first_members`, `last_members`: the counts of those snapshots;
    - `first_qualifier`, `last_qualifier`: their qualifiers;
    - `first_sign`, `last_sign`: their qualifiers as signs;
    - `years`, `change`, `ratio`, `percent`, `cagr`, `doubling_time`: the growth
      of the whole history, from the first snapshot to the last (`growth(network)`);
    - `qualifier`, `doubling_time_qualifier`: what the hedges say of those
      metrics (`Growth.qualifier`, `Growth.doubling_time_qualifier`);
    - `dating`, `time_qualifier`: whether an end is dated only by a phase
      (`"phase"`), so that `years`, `cagr` and `doubling_time` rest on the
      phase-end convention (`"approximate"`), as `Growth.dating` and
      `Growth.time_qualifier` say;
    - `window_start_year`, `window_end_year`: the years of the window: the
      *start* and *end* given to `compare` (a missing one is the network's first
      or last snapshot's year);
    - `window_start_members`, `window_end_members`: membership at those years, a
      snapshot's count (an `int`) or an estimate between two snapshots (a `float`);
    - `window_start_qualifier`, `window_end_qualifier`, `window_start_sign`,
      `window_end_sign`: their qualifiers and signs (an estimate is `approximate`);
    - `window_start_method`, `window_end_method`: `"snapshot"`, or `"linear"` for
      an estimate;
    - `window_years`, `window_change`, `window_ratio`, `window_percent`,
      `window_cagr`, `window_doubling_time`, `window_qualifier`,
      `window_doubling_time_qualifier`, `window_dating`, `window_time_qualifier`:
      the growth over the window (`growth(network, start, end, estimate=True)`).

    A network without snapshots has `None` for every figure of its whole history.
    Without a window, every `window_` key is `None`.

    """


COMPARISON_KEYS: Final = (
    *_Identity.__annotations__,
    *_History.__annotations__,
    *_Window.__annotations__,
)
"""The keys of every `ComparisonRow`, in order."""


def compare(
    networks: Iterable[Network],
    *,
    start: When | None = None,
    end: When | None = None,
    lang: str | None = None,
) -> tuple[ComparisonRow, ...]:
    """
    Compare networks: one row of figures per network, in the order given.

    Each row (a `ComparisonRow`, whose keys are listed there) holds the network's
    name, the years its snapshots cover, its first and last counts with their
    hedges, the whole history's growth (`growth(network)`), its number of phases,
    and, when *start* or *end* is given, the growth over that common window
    (`growth(network, start, end, estimate=True)`): a year without a snapshot is
    estimated between the two around it, never beyond the snapshots.

    Args:
        networks: The networks to compare (any number).
        start: The window's first year (or a date in it).
        end: The window's last year (or a date in it).
        lang: The language of the names; by default each network's first language.

    Raises:
        SnapshotLookupError: If a year of the window is outside a network's
            snapshots (the message names the network, by position and name).
        TypeError: If *networks* is not an iterable of `Network`s, a year is not a
            year, or *lang* is not a string.
        ValueError: If *start* is after *end*.

    Examples:
        >>> from reseau_coop import default_network
        >>> (row,) = compare([default_network()], start=2010, end=2020, lang="en")
        >>> row["name"], row["first_year"], row["last_year"], row["last_members"]
        ('Réseau COOP', 2007, 2022, 100)
        >>> row["first_sign"], row["ratio"], round(row["cagr"], 4)
        ('', 7.142857142857143, 0.1401)
        >>> row["window_start_members"], row["window_end_members"], row["window_start_method"]
        (26.6, 82.4, 'linear')
        >>> round(row["window_ratio"], 3), row["window_qualifier"], row["window_start_sign"]
        (3.098, 'approximate', '≈')
        >>> row["time_qualifier"], row["window_dating"], row["window_time_qualifier"]
        ('exact', 'phase', 'approximate')

    """
    if lang is not None and not isinstance(lang, str):
        msg = f"lang must be a language tag such as 'fr' or 'en', got {type(lang).__name__}"
        raise TypeError(msg)
    rows: list[ComparisonRow] = []
    for index, network in enumerate(_networks(networks)):
        language, name = _name(network, lang)
        window = None
        if start is not None or end is not None:
            try:
                window = growth(network, start, end, estimate=True)
            except SnapshotLookupError as exc:
                msg = f"networks[{index}] ({name}): {exc}"
                raise SnapshotLookupError(msg, year=exc.year, available=exc.available) from None
        rows.append({**_identity(network, name, language), **_history(network), **_window(window)})
    return tuple(rows)


def _networks(networks: object) -> list[Network]:
    """The networks of *networks*; a `TypeError` names the first thing that is not one."""
    if isinstance(networks, Network) or not isinstance(networks, Iterable):
        msg = f"networks must be an iterable of Network, got {type(networks).__name__}"
        raise TypeError(msg)
    out = []
    for index, network in enumerate(networks):
        if not isinstance(network, Network):
            msg = f"networks[{index}]: expected a Network, got {type(network).__name__}"
            raise TypeError(msg)
        out.append(network)
    return out


def _name(network: Network, lang: str | None) -> tuple[str, str]:
    """The language the name is given in, and the name: in *lang* when it has it."""
    wanted = network.languages[0] if lang is None else lang
    text = network.name.get(wanted)
    if text is not None:
        return wanted, text
    first = network.name.languages[0]
    return first, network.name[first]


def _sign(qualifier: Qualifier) -> str:
    return qualifier.sign


def _method(point: MembershipSnapshot | Estimate) -> str:
    return "snapshot" if isinstance(point, MembershipSnapshot) else point.method


def _identity(network: Network, name: str, language: str) -> _Identity:
    return {
        "name": name,
        "language": language,
        "phases": len(network.phases),
        "snapshots": len(network.snapshots),
    }


def _history(network: Network) -> _History:
    """The years the snapshots cover, their first and last counts, and the growth between."""
    if not network.snapshots:
        return cast("_History", dict.fromkeys(_History.__annotations__))
    first, last = network.snapshots[0], network.snapshots[-1]
    whole = growth(network)
    return {
        "first_year": first.year,
        "first_members": first.members,
        "first_qualifier": first.qualifier.value,
        "first_sign": _sign(first.qualifier),
        "last_year": last.year,
        "last_members": last.members,
        "last_qualifier": last.qualifier.value,
        "last_sign": _sign(last.qualifier),
        "years": whole.years,
        "change": last.members - first.members,
        "ratio": whole.ratio,
        "percent": whole.percent,
        "cagr": whole.cagr,
        "doubling_time": whole.doubling_time,
        "qualifier": whole.qualifier.value,
        "doubling_time_qualifier": whole.doubling_time_qualifier.value,
        "dating": whole.dating.value,
        "time_qualifier": whole.time_qualifier.value,
    }


def _window(window: Growth | None) -> _Window:
    """The growth over the window, its ends estimated where they have no snapshot."""
    if window is None:
        return cast("_Window", dict.fromkeys(_Window.__annotations__))
    start, end = window.start, window.end
    return {
        "window_start_year": start.year,
        "window_start_members": start.members,
        "window_start_qualifier": start.qualifier.value,
        "window_start_sign": _sign(start.qualifier),
        "window_start_method": _method(start),
        "window_end_year": end.year,
        "window_end_members": end.members,
        "window_end_qualifier": end.qualifier.value,
        "window_end_sign": _sign(end.qualifier),
        "window_end_method": _method(end),
        "window_years": window.years,
        "window_change": window.change,
        "window_ratio": window.ratio,
        "window_percent": window.percent,
        "window_cagr": window.cagr,
        "window_doubling_time": window.doubling_time,
        "window_qualifier": window.qualifier.value,
        "window_doubling_time_qualifier": window.doubling_time_qualifier.value,
        "window_dating": window.dating.value,
        "window_time_qualifier": window.time_qualifier.value,
    }
