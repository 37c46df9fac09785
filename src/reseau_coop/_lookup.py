"""
Period lookup: which phase a year or a date falls in.

Phases are closed year spans, so a year two neighbours share is in both:
`phases_at` returns both, and `phase_at` picks one by its *boundary* rule (the
later phase by default: a year is where something begins).

Every lookup reads one table per network and rule, built on first use: the
position of each year's phase, for every year from 0 to 10000 (years outside
1–9999 map to -1). A lookup is then one index, whatever the number of phases,
and the bulk lookup on a NumPy array is one `take`.
"""

from __future__ import annotations

import datetime as dt
import operator
import sys
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex, TypeAlias, overload

from ._errors import PhaseLookupError
from ._model import MAX_YEAR, MIN_YEAR, Network, Phase

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

When: TypeAlias = "SupportsIndex | dt.date"
"""What the lookups take: a year (`int`, NumPy integers included) or a `date`/`datetime`."""

Boundary: TypeAlias = Literal["later", "earlier"]
"""Which phase wins a year two phases share."""

_BOUNDARIES = ("later", "earlier")
_TABLE_SIZE = MAX_YEAR + 2  # index 0 and MAX_YEAR + 1 stand for "outside 1–9999"


def year_of(when: object) -> int:
    """
    The calendar year *when* stands for: a year as is, a date's or datetime's year.

    Raises:
        TypeError: For `bool`, `float`, `str` and anything else, saying what is accepted.

    Examples:
        >>> year_of(2012), year_of(dt.date(2012, 6, 1))
        (2012, 2012)

    """
    if isinstance(when, int) and not isinstance(when, bool):
        return when
    if isinstance(when, dt.date):  # datetime is a date too
        return when.year
    if hasattr(type(when), "__index__") and not _is_bool(when):  # NumPy integers and kin
        return operator.index(when)  # type: ignore[arg-type]
    msg = (
        f"expected a year (an int) or a datetime.date or datetime.datetime, "
        f"got {type(when).__name__} {when!r}"
    )
    raise TypeError(msg)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or type(value).__name__ in {"bool", "bool_"}  # NumPy bools too


# Lookup tables, by the id of the network they describe and by boundary rule: built on first
# use, dropped when the network is collected. Networks are immutable, so a table never goes
# stale; keeping them here rather than on the network keeps the model a plain value (equality,
# `attrs.asdict`, pickle). One dict per rule keeps `phase_at`'s hot path to one lookup.
_LATER: dict[int, list[int]] = {}
_EARLIER: dict[int, list[int]] = {}
_TABLES: dict[str, dict[int, list[int]]] = {"later": _LATER, "earlier": _EARLIER}
_ARRAYS: dict[str, dict[int, Any]] = {"later": {}, "earlier": {}}


def _forget(key: int) -> None:
    for store in (*_TABLES.values(), *_ARRAYS.values()):
        store.pop(key, None)


def _table(network: Network, boundary: str) -> list[int]:
    """The position of each year's phase under *boundary*, for years 0 to MAX_YEAR + 1."""
    if boundary not in _BOUNDARIES:
        msg = f"boundary must be 'later' or 'earlier', got {boundary!r}"
        raise ValueError(msg)
    key = id(network)
    table = _TABLES[boundary].get(key)
    if table is not None:
        return table
    table = [-1] * _TABLE_SIZE
    order = list(enumerate(network.phases))
    if boundary == "earlier":
        order.reverse()  # the earlier phase is written last, so it wins shared years
    for index, phase in order:
        end = MAX_YEAR if phase.end is None else phase.end
        table[phase.start : end + 1] = [index] * (end + 1 - phase.start)
    if not any(key in store for store in _TABLES.values()):
        weakref.finalize(network, _forget, key)
    _TABLES[boundary][key] = table
    return table


def phase_at(network: Network, when: When, *, boundary: Boundary = "later") -> Phase:
    """
    Return the one phase of *network* that contains *when*.

    Args:
        network: The network whose phases to search.
        when: A year, or a `date`/`datetime` (its year counts).
        boundary: At a year two phases share, `"later"` (the default) picks the
            phase that begins there and `"earlier"` the one that ends there.

    Raises:
        PhaseLookupError: If no phase contains *when*; the message gives the
            years the network's phases cover. Never a silent neighbour.
        TypeError: If *when* is a `bool`, `float`, `str` or anything else.

    Examples:
        >>> from reseau_coop import default_network
        >>> net = default_network()
        >>> phase_at(net, 2012).key
        'implantation'
        >>> phase_at(net, 2012, boundary="earlier").key
        'experimentation'
        >>> phase_at(net, dt.date(2019, 5, 1)).name["en"]
        'Consolidation phase'
        >>> from reseau_coop import PhaseLookupError
        >>> try:
        ...     phase_at(net, 2030)
        ... except PhaseLookupError as error:
        ...     print(error)
        no phase of Réseau COOP contains 2030; its phases cover 2007–2022

    """
    year = when if type(when) is int else year_of(when)
    # The hot path: one dict lookup for the table built on first use, one index into it.
    if boundary == "later":
        table = _LATER.get(id(network))
    else:
        table = _EARLIER.get(id(network)) if boundary == "earlier" else None
    if table is None:
        table = _table(network, boundary)
    if MIN_YEAR <= year <= MAX_YEAR:
        index = table[year]
        if index >= 0:
            return network.phases[index]
    raise PhaseLookupError(_no_phase_message(network, year), when=year)


def phases_at(network: Network, when: When) -> tuple[Phase, ...]:
    """
    Return every phase of *network* that contains *when*, in order.

    Empty outside every phase; two phases (or more) at a year they share.

    Examples:
        >>> from reseau_coop import default_network
        >>> [p.key for p in phases_at(default_network(), 2012)]
        ['experimentation', 'implantation']
        >>> phases_at(default_network(), 1990)
        ()

    """
    year = year_of(when)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return ()
    last = _table(network, "later")[year]
    if last < 0:
        return ()
    first = _table(network, "earlier")[year]
    return network.phases[first : last + 1]


@overload
def phase_index(  # type: ignore[overload-overlap]
    network: Network, years: npt.NDArray[Any], *, boundary: Boundary = "later"
) -> npt.NDArray[np.intp]: ...
@overload
def phase_index(
    network: Network, years: pd.Series[Any], *, boundary: Boundary = "later"
) -> pd.Series[int]: ...
@overload
def phase_index(
    network: Network, years: Iterable[When], *, boundary: Boundary = "later"
) -> list[int]: ...
def phase_index(
    network: Network,
    years: Iterable[When] | npt.NDArray[Any] | pd.Series[Any],
    *,
    boundary: Boundary = "later",
) -> list[int] | npt.NDArray[np.intp] | pd.Series[int]:
    """
    Return the position in `network.phases` of each year's phase, -1 where there is none.

    The bulk form of `phase_at`, with the same *boundary* rule. A list (or any
    iterable) in gives a list out; a NumPy array of integers or `datetime64`
    values gives a NumPy array of the same shape, computed without a Python
    loop (`NaT` gives -1). A pandas Series of years or datetimes gives a Series of
    positions aligned to its index (missing values give -1; a time-zone-aware date
    counts in its own zone's year). NumPy is imported only when given an array.

    Raises:
        TypeError: For `bool`, `float` or `str` values (or arrays of them).

    Examples:
        >>> from reseau_coop import default_network
        >>> phase_index(default_network(), [2006, 2007, 2012, 2020, 2023])
        [-1, 0, 1, 2, -1]
        >>> phase_index(default_network(), [2012], boundary="earlier")
        [0]

    """
    table = _table(network, boundary)
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(years, pandas.Series):
        values = _phase_index_array(network, _series_years(years), boundary)
        series: pd.Series[int] = pandas.Series(values, index=years.index, name="phase_index")
        return series
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(years, numpy.ndarray):
        return _phase_index_array(network, years, boundary)
    if isinstance(years, (str, bytes)):
        msg = f"expected years (a list or a NumPy array), got {type(years).__name__}"
        raise TypeError(msg)
    out: list[int] = []
    for when in years:
        year = year_of(when)
        out.append(table[year] if MIN_YEAR <= year <= MAX_YEAR else -1)
    return out


def _series_years(series: pd.Series[Any]) -> npt.NDArray[Any]:
    """A pandas Series of years or datetimes as a NumPy array of years, missing as 0."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    if isinstance(series.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(
        series.dtype
    ):
        years = series.dt.year  # a time-zone-aware date counts in its own zone's year
        as_array: npt.NDArray[Any] = years.astype("Int64").to_numpy(dtype=np.int64, na_value=0)
        return as_array
    if pd.api.types.is_bool_dtype(series.dtype) or not pd.api.types.is_integer_dtype(series.dtype):
        return series.to_numpy()  # refused or taken as objects by the array path
    return series.to_numpy(dtype=np.int64, na_value=0)


def _phase_index_array(
    network: Network, years: npt.NDArray[Any], boundary: str
) -> npt.NDArray[np.intp]:
    import numpy as np  # noqa: PLC0415 - only when given an array

    arrays = _ARRAYS[boundary]
    table: npt.NDArray[np.intp] | None = arrays.get(id(network))
    if table is None:
        table = np.asarray(_table(network, boundary), dtype=np.intp)
        table.flags.writeable = False
        arrays[id(network)] = table
    kind = years.dtype.kind
    if kind == "M":  # datetime64: its calendar year; NaT is far below year 1
        flat = years.astype("datetime64[Y]").astype(np.int64) + 1970
    elif kind == "i":
        flat = years.astype(np.int64, copy=False)
    elif kind == "u":  # clip in unsigned space first, so huge values cannot wrap around
        flat = np.minimum(years.astype(np.uint64, copy=False), np.uint64(_TABLE_SIZE - 1))
        flat = flat.astype(np.int64)
    elif kind == "O":  # dates or Python ints held as objects: no fast path
        flat = np.asarray([year_of(w) for w in years.ravel()], dtype=np.int64).reshape(years.shape)
    else:
        msg = f"expected an array of integer years or datetime64 values, got dtype {years.dtype}"
        raise TypeError(msg)
    clipped = np.clip(flat, 0, _TABLE_SIZE - 1)
    return table[clipped]


def _no_phase_message(network: Network, year: int) -> str:
    name = network.name.texts[0][1]
    if not network.phases:
        return f"no phase of {name} contains {year}: it has no phases"
    return f"no phase of {name} contains {year}; its phases cover {covered_span(network.phases)}"


def covered_span(phases: Sequence[Phase]) -> str:
    """
    The years *phases* cover, joined where they touch: `"2007–2022"`, or `"2000–2005, 2010–"`.

    Examples:
        >>> from reseau_coop import default_network
        >>> covered_span(default_network().phases)
        '2007–2022'

    """
    spans: list[list[int | None]] = []
    for phase in phases:
        last = spans[-1] if spans else None
        if last is not None and last[1] is not None and phase.start <= last[1] + 1:
            last[1] = None if phase.end is None else max(last[1], phase.end)
        else:
            spans.append([phase.start, phase.end])
    return ", ".join(f"{start}–{'' if end is None else end}" for start, end in spans)
