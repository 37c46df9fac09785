"""
Period lookup: which phase a year or a date falls in.

Phases are closed year spans, so a year two neighbours share is in both:
`phases_at` returns both, and `phase_at` picks one by its *boundary* rule (the
later phase by default: a year is where something begins).

Every lookup reads a table per network, built on first use and kept in a
slot of the network, so that it goes with it: the phase of each year under
each rule, from the first phase's start to the last year a phase names (a few
hundred bytes for the default dataset). A lookup is then one index, whatever
the number of phases, and a NumPy array is looked up with one `numpy.take`.
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, SupportsIndex, TypeAlias, cast, overload

from ._errors import PhaseLookupError
from ._model import MAX_YEAR, Network, Phase

if TYPE_CHECKING:
    import datetime as dt

    import numpy as np
    import numpy.typing as npt
    import pandas as pd

When: TypeAlias = "SupportsIndex | dt.date | pd.Period"
"""
What the lookups take: a year (`int`, NumPy integers included), a `date`/`datetime`,
or a yearly `pandas.Period` (its label's year).
"""

Boundary: TypeAlias = Literal["later", "earlier"]
"""Which phase wins a year two phases share."""

# Past every phase: values of any size are cut to 0–_OUTSIDE before they index a table.
_OUTSIDE = MAX_YEAR + 1

# The `datetime64` units finer than NumPy converts to years without overflow (NumPy 2.5 raises,
# older releases wrapped around): their ticks are turned into whole seconds first.
_TICKS_PER_SECOND: Final = {"ps": 10**12, "fs": 10**15, "as": 10**18}


def year_of(when: object) -> int:
    """
    The calendar year *when* stands for: a year as is, a date's or datetime's year.

    A yearly `pandas.Period` (frequency `"Y"`, any anchor: `"Y-DEC"`, `"Y-JUN"`)
    stands for its label's year (`Period("2020", "Y-JUN").year`, 2020, though it
    starts in July 2019). pandas is imported only when given a pandas object.

    Raises:
        TypeError: For `bool`, `float`, `str` and anything else, saying what is
            accepted; for a `Period` of another frequency (a month, a quarter,
            several years), naming it.
        ValueError: For a missing date (pandas' `NaT` is a `datetime` without a year).

    Examples:
        >>> import datetime as dt
        >>> year_of(2012), year_of(dt.date(2012, 6, 1))
        (2012, 2012)

    """
    if isinstance(when, int) and not isinstance(when, bool):
        return when
    import datetime as dt  # not at import: years, the common case, never need it

    if isinstance(when, dt.date):  # datetime is a date too
        year = when.year
        if type(year) is int:
            return year
        msg = f"missing date ({when!r}): it has no year to look up"  # pandas' NaT
        raise ValueError(msg)
    if hasattr(type(when), "__index__") and not _is_bool(when):  # NumPy integers and kin
        return operator.index(when)  # type: ignore[arg-type]
    if type(when).__module__.partition(".")[0] == "pandas":  # never imports pandas itself
        return _period_year(when)
    raise _refused(when)


def _refused(when: object) -> TypeError:
    """The error for a value that is not a year: it says what is accepted."""
    msg = (
        f"expected a year (an int) or a datetime.date or datetime.datetime "
        f"(or a yearly pandas Period), got {type(when).__name__} {when!r}"
    )
    return TypeError(msg)


def _period_year(when: object) -> int:
    """The year of a yearly `pandas.Period` (its label's year, whatever month ends it)."""
    import pandas as pd

    if not isinstance(when, pd.Period):
        raise _refused(when)
    _yearly(when)
    return int(when.year)


def _yearly(periods: pd.Period | pd.arrays.PeriodArray) -> None:
    """
    Refuse periods that are not one year long: a `TypeError` naming their frequency.

    A yearly period (`"Y"`, or any anchor: `"Y-DEC"`, `"Y-JUN"`) stands for its
    label's year; a month, a quarter, a day or several years do not stand for one year.
    """
    import pandas as pd

    freq = periods.freq
    if not (isinstance(freq, pd.offsets.YearEnd) and freq.n == 1):
        msg = (
            f"expected yearly periods (frequency 'Y', any anchor such as 'Y-JUN'), "
            f"got periods of frequency {periods.freqstr!r}"
        )
        raise TypeError(msg)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or type(value).__name__ in {"bool", "bool_"}  # NumPy bools too


class PhaseTable:
    """
    The phase of each year of a network, under both boundary rules.

    `later` and `earlier` hold, for each year from the first phase's start to the
    last year any phase names (an end, or the start of an open-ended phase), the
    number of its phase (its position plus one; 0 in the gaps) in the narrowest
    unsigned integers that hold it: a byte a year for up to 255 phases. `phases`
    puts `None` before the network's phases, so that a number picks a phase or
    `None` without a test. A year after the lists is in the open-ended phase
    (number `open`), if there is one, up to MAX_YEAR.
    """

    __slots__ = ("earlier", "first", "later", "open", "phases")

    def __init__(self, phases: tuple[Phase, ...]) -> None:
        self.phases = (None, *phases)
        self.first = phases[0].start if phases else 0
        ends = [phase.start if phase.end is None else phase.end for phase in phases]
        self.open = len(phases) if phases and phases[-1].end is None else 0
        code = "B" if len(phases) < 2**8 else "H" if len(phases) < 2**16 else "Q"
        size = max(ends, default=-1) + 1 - self.first
        self.later = array(code, [0]) * size
        self.earlier = array(code, [0]) * size
        spans = [
            (number, phase.start - self.first, end + 1 - self.first)
            for number, (phase, end) in enumerate(zip(phases, ends, strict=True), start=1)
        ]
        for number, start, stop in spans:
            self.later[start:stop] = array(code, [number]) * (stop - start)
        for number, start, stop in reversed(spans):  # the earlier phase wins the year it shares
            self.earlier[start:stop] = array(code, [number]) * (stop - start)

    def rule(self, boundary: str) -> array[int]:
        """The phase numbers that *boundary* names."""
        if boundary == "later":
            return self.later
        if boundary == "earlier":
            return self.earlier
        msg = f"boundary must be 'later' or 'earlier', got {boundary!r}"
        raise ValueError(msg)

    def number(self, numbers: array[int], year: int) -> int:
        """The number of *year*'s phase in *numbers* (`later` or `earlier`), 0 for none."""
        offset = year - self.first
        if 0 <= offset < len(numbers):
            return numbers[offset]
        return self.open if offset >= 0 and year <= MAX_YEAR else 0


def _table(network: Network) -> PhaseTable:
    """The table of *network*'s phases, built on its first lookup and kept in its slot."""
    try:
        return network._phase_table  # noqa: SLF001 - the network keeps it for the lookups
    except AttributeError:
        table = PhaseTable(network.phases)
        object.__setattr__(network, "_phase_table", table)  # the network is frozen
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
        ValueError: If *when* is a missing date (pandas' `NaT`), or *boundary* is unknown.

    Examples:
        >>> from reseau_coop import default_network
        >>> net = default_network()
        >>> phase_at(net, 2012).key
        'implantation'
        >>> phase_at(net, 2012, boundary="earlier").key
        'experimentation'
        >>> import datetime as dt
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
    try:
        table = network._phase_table  # noqa: SLF001 - the network keeps it for the lookups
    except AttributeError:  # its first lookup
        table = _table(network)
    numbers = table.later if boundary == "later" else table.rule(boundary)
    offset = year - table.first
    if offset >= 0:
        try:
            phase = table.phases[numbers[offset]]
        except IndexError:  # after the lists: in the open-ended phase, if any
            phase = table.phases[table.number(numbers, year)]
        if phase is not None:
            return phase
    raise PhaseLookupError(_no_phase_message(network, year), when=year)


def phases_at(network: Network, when: When) -> tuple[Phase, ...]:
    """
    Return every phase of *network* that contains *when*, in order.

    Empty outside every phase; two phases (or more) at a year they share.

    Raises:
        TypeError: If *when* is a `bool`, `float`, `str` or anything else.
        ValueError: If *when* is a missing date (pandas' `NaT`).

    Examples:
        >>> from reseau_coop import default_network
        >>> [p.key for p in phases_at(default_network(), 2012)]
        ['experimentation', 'implantation']
        >>> phases_at(default_network(), 1990)
        ()

    """
    year = year_of(when)
    table = _table(network)
    last = table.number(table.later, year)
    return network.phases[table.number(table.earlier, year) - 1 : last] if last else ()


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
    iterable) in gives a list out. A NumPy array of integers or `datetime64`
    values (any unit) gives a NumPy array of the same shape, computed without a
    Python loop; `NaT` and masked entries of a masked array give -1. A pandas
    Series of years or datetimes gives a Series of positions aligned to its
    index: missing values (`None`, `NaN`, `NaT`, `pd.NA`) give -1, a float
    column of whole years counts as years, and a time-zone-aware date counts in
    its own zone's year. Yearly `pandas.Period`s (any anchor: `"Y-JUN"`) count
    as their label's year, in a Series of periods (looked up without a Python
    loop) or a `PeriodIndex` (a list out, as for any iterable). Values of any
    size, far outside 1–9999, give -1. NumPy is imported only when given an array.

    Raises:
        TypeError: For `bool`, `float` or `str` values (or arrays of them, or a
            float column with a fraction), or periods of another frequency than
            a year (months, quarters), naming it.
        ValueError: For a missing date (`NaT`) in a list, or an unknown *boundary*.

    Examples:
        >>> from reseau_coop import default_network
        >>> phase_index(default_network(), [2006, 2007, 2012, 2020, 2023])
        [-1, 0, 1, 2, -1]
        >>> phase_index(default_network(), [2012], boundary="earlier")
        [0]

    """
    table = _table(network)
    numbers = table.rule(boundary)
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(years, pandas.Series):
        return _series_index(table, numbers, years)
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(years, numpy.ndarray):
        return _array_index(table, numbers, years)
    if isinstance(years, (str, bytes)):
        msg = f"expected years (a list or a NumPy array), got {type(years).__name__}"
        raise TypeError(msg)
    return [table.number(numbers, year_of(when)) - 1 for when in years]


def _array_index(
    table: PhaseTable, numbers: array[int], years: npt.NDArray[Any]
) -> npt.NDArray[np.intp]:
    """Look *years* up with one `numpy.take`, each year being its own index into a table."""
    import numpy as np

    if isinstance(years, np.ma.MaskedArray):  # masked entries are missing: -1
        out = _array_index(table, numbers, years.filled(0))
        out[np.ma.getmaskarray(years)] = -1
        return out
    kind = years.dtype.kind
    if kind == "i":
        index: npt.NDArray[Any] = years
    elif kind == "u":  # cut in unsigned space, so that no value wraps around
        index = np.minimum(years, _OUTSIDE).astype(np.intp)  # NumPy 1 takes no uint64 index
    elif kind == "M":
        index = _datetime_years(years)
    elif kind == "O":  # years, dates or Python ints of any size, held as objects
        found = (min(max(year_of(when), 0), _OUTSIDE) for when in years.flat)
        index = np.fromiter(found, dtype=np.intp, count=years.size).reshape(years.shape)
    else:
        msg = f"expected an array of integer years or datetime64 values, got dtype {years.dtype}"
        raise TypeError(msg)
    return np.take(_by_year(table, numbers), index, mode="clip")


def _by_year(table: PhaseTable, numbers: array[int]) -> npt.NDArray[np.intp]:
    """
    The position of each year's phase by *numbers*, indexed by the year itself.

    From 0 to one past the last phase, built for each call from the network's
    table in a few microseconds: any year cut to 0 or past the last phase reads
    -1 (`mode="clip"`).
    """
    import numpy as np

    end = table.first + len(numbers)
    by_year = np.zeros((MAX_YEAR + 1 if table.open else end) + 1, dtype=np.intp)
    by_year[table.first : end] = numbers
    by_year[end : MAX_YEAR + 1] = table.open  # an open-ended phase runs to MAX_YEAR
    by_year -= 1  # from numbers to positions, -1 for none
    return by_year


def _datetime_years(values: npt.NDArray[np.datetime64]) -> npt.NDArray[np.int64]:
    """The calendar year of each `datetime64`, cut to 0–10000 (NaT to 0)."""
    import numpy as np

    unit, count = np.datetime_data(values.dtype)
    if unit in _TICKS_PER_SECOND:  # NumPy cannot convert these units to years without overflow
        missing = np.isnat(values)
        seconds = np.floor(values.view(np.int64) * (count / _TICKS_PER_SECOND[unit]))
        values = seconds.astype(np.int64).astype("datetime64[s]")
        values[missing] = np.datetime64("NaT", "s")
    since_1970 = values.astype("datetime64[Y]").astype(np.int64)  # NaT: the least int64
    return np.clip(since_1970, -1970, _OUTSIDE - 1970) + 1970


def _series_index(table: PhaseTable, numbers: array[int], series: pd.Series[Any]) -> pd.Series[int]:
    """Look up a pandas Series of years, datetimes or yearly periods; missing values give -1."""
    import numpy as np
    import pandas as pd

    missing = series.isna().to_numpy(dtype=bool)
    dtype = series.dtype
    values: npt.NDArray[Any]
    if isinstance(dtype, pd.PeriodDtype):  # a yearly period is its label's year; others refused
        _yearly(cast("pd.arrays.PeriodArray", series.array))
    if isinstance(dtype, (pd.DatetimeTZDtype, pd.PeriodDtype)) or (
        pd.api.types.is_datetime64_any_dtype(dtype)
    ):
        values = series.dt.year.to_numpy(dtype=np.int64, na_value=0)  # in the date's own zone
    elif pd.api.types.is_float_dtype(dtype):  # pandas' way to give integers a missing value
        values = _whole_years(series.to_numpy(dtype=np.float64, na_value=0.0))
    elif pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        values = series.fillna(0).to_numpy()  # unsigned stays unsigned
    elif pd.api.types.is_object_dtype(dtype):
        values = series.to_numpy(dtype=object, copy=True)
        values[missing] = 0
    else:
        values = series.to_numpy()  # booleans, strings and the rest: refused as arrays
    out = _array_index(table, numbers, values)
    out[missing] = -1
    return pd.Series(out, index=series.index, name="phase_index")


def _whole_years(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    import numpy as np

    fraction = ~np.isfinite(values) | (values != np.floor(values))
    if fraction.any():
        msg = f"expected whole years, got {float(values[fraction][0])!r} in a column of floats"
        raise TypeError(msg)
    return np.clip(values, 0, _OUTSIDE).astype(np.int64)


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
