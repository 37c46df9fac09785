"""Period lookup: `phase_at`, `phases_at` and `phase_index` agree, year by year."""

from __future__ import annotations

import datetime as dt
from typing import Any, SupportsIndex

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    LocalizedText,
    Network,
    Phase,
    PhaseLookupError,
    default_network,
    dumps,
    phase_at,
    phase_index,
    phases_at,
)
from reseau_coop.strategies import networks

from .helpers import run_python


def _net(*spans: tuple[int, int | None]) -> Network:
    phases = [
        Phase(key=f"p{i}", name=LocalizedText({"en": f"P{i}"}), start=start, end=end)
        for i, (start, end) in enumerate(spans)
    ]
    return Network(name=LocalizedText({"en": "Test"}), languages=["en"], phases=phases)


@pytest.mark.parametrize(
    ("year", "later", "earlier", "every"),
    [
        (2007, "experimentation", "experimentation", ["experimentation"]),
        (2010, "experimentation", "experimentation", ["experimentation"]),
        (2012, "implantation", "experimentation", ["experimentation", "implantation"]),
        (2015, "implantation", "implantation", ["implantation"]),
        (2017, "consolidation", "implantation", ["implantation", "consolidation"]),
        (2022, "consolidation", "consolidation", ["consolidation"]),
    ],
)
def test_default_dataset_years(year: int, later: str, earlier: str, every: list[str]) -> None:
    """The source's phases: closed spans, the later phase winning a shared year by default."""
    net = default_network()

    assert later == phase_at(net, year).key
    assert earlier == phase_at(net, year, boundary="earlier").key
    assert every == [p.key for p in phases_at(net, year)]


@pytest.mark.parametrize("year", [2006, 2023, 0, -5, 10_000, 10**30, -(10**30)])
def test_outside_every_phase(year: int) -> None:
    """Outside every phase: no phase, -1, and an error that gives the span covered."""
    net = default_network()

    assert () == phases_at(net, year)
    assert [-1] == phase_index(net, [year])
    with pytest.raises(PhaseLookupError, match="2007–2022") as ei:
        phase_at(net, year)
    assert year == ei.value.when
    assert isinstance(ei.value, LookupError)


def _typed_id(value: object) -> str:
    """A test id naming the type too: NumPy 1 reprs `np.int64(2012)` as a bare `2012`."""
    return f"{type(value).__name__}({value!r})"


@pytest.mark.parametrize(
    "when",
    [
        2012,
        np.int64(2012),
        np.int16(2012),
        np.uint16(2012),
        dt.date(2012, 1, 1),
        dt.datetime(2012, 12, 31, 23, 59, tzinfo=dt.UTC),
    ],
    ids=_typed_id,
)
def test_accepted_kinds_of_when(when: SupportsIndex | dt.date) -> None:
    """Years (NumPy integers too), dates and datetimes (their year) are accepted."""
    assert "implantation" == phase_at(default_network(), when).key
    assert ["experimentation", "implantation"] == [
        p.key for p in phases_at(default_network(), when)
    ]
    assert [1] == phase_index(default_network(), [when])


@pytest.mark.parametrize(
    "when",
    [True, False, np.True_, 2012.0, np.float64(2012), "2012", b"2012", None, [2012]],
    ids=_typed_id,
)
def test_refused_kinds_of_when(when: Any) -> None:  # noqa: ANN401 - wrong on purpose
    """`bool`, `float`, `str` and the rest are a TypeError saying what is accepted."""
    net = default_network()
    for lookup in (phase_at, phases_at):
        with pytest.raises(TypeError, match=r"expected a year \(an int\) or a datetime.date"):
            lookup(net, when)
    with pytest.raises(TypeError):
        phase_index(net, [when])


def test_unknown_boundary() -> None:
    """A boundary rule is "later" or "earlier"."""
    with pytest.raises(ValueError, match="'later' or 'earlier'"):
        phase_at(default_network(), 2012, boundary="middle")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'later' or 'earlier'"):
        phase_at(default_network(), 1900, boundary="middle")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'later' or 'earlier'"):
        phase_index(default_network(), [2012], boundary="middle")  # type: ignore[call-overload]


def test_open_ended_phase() -> None:
    """An open-ended last phase runs to the end of the calendar (9999), not beyond."""
    net = _net((2000, 2010), (2010, None))

    assert "p1" == phase_at(net, 9999).key
    assert [1, -1] == phase_index(net, [9999, 10_000])
    with pytest.raises(PhaseLookupError, match="2000–"):
        phase_at(net, 1999)


def test_gaps_between_phases() -> None:
    """A year in a gap is in no phase, and the message shows both spans."""
    net = _net((2000, 2005), (2010, 2015))

    assert [0, -1, 1] == phase_index(net, [2005, 2007, 2010])
    with pytest.raises(PhaseLookupError, match="2000–2005, 2010–2015"):
        phase_at(net, 2007)


def test_no_phases() -> None:
    """A network with no phases answers every lookup with nothing."""
    net = _net()

    assert () == phases_at(net, 2000)
    assert [-1] == phase_index(net, [2000])
    assert [-1] == phase_index(net, np.array([2000])).tolist()
    with pytest.raises(PhaseLookupError, match="no phases"):
        phase_at(net, 2000)


def test_three_phases_share_a_year() -> None:
    """A one-year phase between two others: all three contain that year."""
    net = _net((2000, 2012), (2012, 2012), (2012, 2020))

    assert ["p0", "p1", "p2"] == [p.key for p in phases_at(net, 2012)]
    assert "p2" == phase_at(net, 2012).key
    assert "p0" == phase_at(net, 2012, boundary="earlier").key


# ---------------------------------------------------------------- bulk


def test_phase_index_list_in_list_out() -> None:
    """A list in, a list out (any iterable: a generator too)."""
    net = default_network()

    assert [0, 1, 2, -1] == phase_index(net, [2010, 2012, 2017, 2030])
    assert [0, 1] == phase_index(net, (y for y in (2010, 2013)))
    assert [] == phase_index(net, [])


def test_phase_index_refuses_a_string() -> None:
    """A string is not a list of years."""
    with pytest.raises(TypeError, match="list or a NumPy array"):
        phase_index(default_network(), "2012")  # type: ignore[arg-type]


@pytest.mark.parametrize("dtype", ["int64", "int32", "int16", "uint16", "uint64", "object"])
def test_phase_index_array_dtypes(dtype: str) -> None:
    """Integer arrays of any width give the same answer as the list form."""
    years = [2006, 2007, 2012, 2017, 2022, 2023]
    out = phase_index(default_network(), np.array(years, dtype=dtype))

    assert isinstance(out, np.ndarray)
    assert phase_index(default_network(), years) == out.tolist()


def test_phase_index_array_keeps_shape() -> None:
    """A 2-D array gives a 2-D answer."""
    out = phase_index(default_network(), np.array([[2007, 2013], [2019, 1]]))

    assert (2, 2) == out.shape
    assert [[0, 1], [2, -1]] == out.tolist()


def test_phase_index_datetime64() -> None:
    """`datetime64` arrays are looked up by calendar year; NaT is in no phase."""
    days = np.array(["2012-01-01", "2016-12-31", "NaT", "1900-05-05"], dtype="datetime64[D]")

    assert [1, 1, -1, -1] == phase_index(default_network(), days).tolist()
    assert [0] == phase_index(
        default_network(), np.array(["2012-06"], dtype="datetime64[M]"), boundary="earlier"
    ).tolist()


def test_phase_index_huge_values_do_not_wrap() -> None:
    """Values far outside 1–9999 map to -1, whatever the integer type."""
    values = np.array([np.iinfo(np.uint64).max, 2**63, 2012], dtype=np.uint64)

    assert [-1, -1, 1] == phase_index(default_network(), values).tolist()
    extremes = np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max], dtype=np.int64)
    assert [-1, -1] == phase_index(default_network(), extremes).tolist()


@pytest.mark.parametrize("values", [np.array([2012.0]), np.array([True]), np.array(["2012"])])
def test_phase_index_refuses_other_arrays(values: np.ndarray[Any, Any]) -> None:
    """Float, bool and string arrays are refused, as their scalars are."""
    with pytest.raises(TypeError, match="dtype"):
        phase_index(default_network(), values)


# ---------------------------------------------------------------- properties

years_anywhere = st.integers(min_value=-20, max_value=10_020) | st.integers(1, 9999)


@given(networks(max_snapshots=0), st.lists(years_anywhere, max_size=30))
def test_lookups_agree(net: Network, years: list[int]) -> None:
    """`phase_at`, `phases_at` and `phase_index` (list and array) agree year by year."""
    for boundary in ("later", "earlier"):
        as_list = phase_index(net, years, boundary=boundary)
        as_array = phase_index(net, np.array(years, dtype=np.int64), boundary=boundary)
        assert as_list == as_array.tolist()
        for year, index in zip(years, as_list, strict=True):
            every = phases_at(net, year)
            if index < 0:
                assert () == every
                with pytest.raises(PhaseLookupError):
                    phase_at(net, year, boundary=boundary)
                continue
            found = phase_at(net, year, boundary=boundary)
            assert found is net.phases[index]
            assert found.contains(year)
            assert found is (every[-1] if boundary == "later" else every[0])


@given(networks(max_snapshots=0), years_anywhere)
def test_phases_at_is_every_containing_phase(net: Network, year: int) -> None:
    """`phases_at` is exactly the phases whose closed span holds the year, in order."""
    expected = tuple(p for p in net.phases if 1 <= year <= 9999 and p.contains(year))

    assert expected == phases_at(net, year)


@given(networks(max_snapshots=0), st.dates())
def test_dates_look_up_their_year(net: Network, day: dt.date) -> None:
    """A date is looked up as its year."""
    assert phases_at(net, day.year) == phases_at(net, day)
    assert phase_index(net, [day.year]) == phase_index(net, [day])


def test_numpy_is_imported_only_when_given_an_array() -> None:
    """Looking up lists (or refusing a value) leaves NumPy, pandas and TOML unimported."""
    code = (
        "import sys, reseau_coop as rc\n"
        "net = rc.default_network()\n"
        "assert rc.phase_index(net, [2012]) == [1]\n"
        "rc.phase_at(net, 2012); rc.growth(net); rc.describe_growth(rc.growth(net))\n"
        "try:\n    rc.phase_at(net, object())\nexcept TypeError:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'tomllib', 'tomli_w', 'pandas') if m in sys.modules))\n"
    )
    result = run_python(code)

    assert "[]" == result.stdout.strip()


def test_the_lookup_table_is_no_part_of_the_network() -> None:
    """A network's table changes none of its value: fields, documents, ==, hash, repr, copies."""
    import copy
    import pickle

    import attrs

    plain, looked_up = attrs.evolve(default_network()), attrs.evolve(default_network())
    phase_at(looked_up, 2012, boundary="earlier")
    phases_at(looked_up, 2012)
    phase_index(looked_up, np.array([2012]))
    copies = {
        "pickle": pickle.loads(pickle.dumps(looked_up)),  # noqa: S301 - our own bytes
        "copy": copy.copy(looked_up),
        "deepcopy": copy.deepcopy(looked_up),
        "evolve": attrs.evolve(looked_up),
    }

    assert (False, True) == (hasattr(plain, "_phase_table"), hasattr(looked_up, "_phase_table"))
    assert [a.name for a in attrs.fields(Network)] == list(attrs.asdict(looked_up))
    assert attrs.asdict(plain) == attrs.asdict(looked_up)
    assert pickle.dumps(plain) == pickle.dumps(looked_up)
    assert dumps(plain) == dumps(looked_up)
    assert (plain, hash(plain), repr(plain)) == (looked_up, hash(looked_up), repr(looked_up))
    assert dict.fromkeys(copies, False) == {
        k: hasattr(v, "_phase_table") for k, v in copies.items()
    }
    assert all(plain == copied for copied in copies.values())


def test_the_lookup_table_is_built_once() -> None:
    """The first lookup builds the network's table; the others, of every kind, read it."""
    net = _net((2000, 2005), (2005, None))
    phase_at(net, 2003)
    table = net._phase_table
    phases_at(net, 2005)
    phase_index(net, [2005, 3000], boundary="earlier")
    phase_index(net, np.array([2005]))

    assert table is net._phase_table


@pytest.mark.parametrize(
    ("spans", "most"),
    [
        ([(2007, 2012), (2012, 2017), (2017, 2022)], 2_048),
        ([(2007, 2012), (2012, 2017), (2017, None)], 2_048),
        ([(1, 3000), (3000, 6000), (6000, None)], 16_384),  # a byte a year, for each rule
    ],
    ids=["default", "open-ended", "the whole calendar"],
)
def test_lookup_memory_is_proportionate(spans: list[tuple[int, int | None]], most: int) -> None:
    """A network of a few phases costs at most a byte a year of lookup memory, none after."""
    import gc
    import tracemalloc

    years = np.arange(0, 10_002)
    phase_index(_net((2000, 2001)), years)  # NumPy imports what it needs on first use
    net = _net(*spans)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for boundary in ("later", "earlier"):
            phase_at(net, 2012, boundary=boundary)
            phase_index(net, [1, 2012, 9999], boundary=boundary)
            phase_index(net, years, boundary=boundary)
        phases_at(net, 2012)
        kept = tracemalloc.get_traced_memory()[0] - before
        del net
        gc.collect()
        left = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert kept < most
    assert left < 1_024


def test_a_missing_date_is_said_so() -> None:
    """A missing date (pandas' NaT, a datetime without a year) is a ValueError that says so."""
    import pandas as pd

    missing: Any = pd.NaT  # a datetime to the type checker's eyes too
    for lookup in (phase_at, phases_at):
        with pytest.raises(ValueError, match="missing date"):
            lookup(default_network(), missing)
    with pytest.raises(ValueError, match="missing date"):
        phase_index(default_network(), [missing])


def test_phase_index_objects_of_any_size() -> None:
    """Python integers of any size held as objects give -1 outside 1–9999, no OverflowError."""
    values = np.array([10**30, 2012, -(10**40), dt.date(2017, 1, 1)], dtype=object)

    assert [-1, 1, -1, 2] == phase_index(default_network(), values).tolist()


@pytest.mark.parametrize("unit", ["Y", "M", "W", "D", "h", "s", "ms", "us", "ns", "ps", "fs", "as"])
def test_phase_index_datetime64_any_unit(unit: str) -> None:
    """`datetime64` of every unit, to attoseconds, goes by its year; NaT gives -1."""
    net = _net((1969, 1969), (1970, 1970))
    ticks = np.array([-1, 0, np.iinfo(np.int64).max, np.iinfo(np.int64).min + 2, 0])
    values = ticks.astype(f"datetime64[{unit}]")
    values[-1:] = np.array(["NaT"], dtype=values.dtype)  # NaT of the array's own unit

    out = phase_index(net, values)

    assert [0, 1] == out[:2].tolist()
    assert -1 == out[-1]
    assert set(out.tolist()) <= {-1, 0, 1}
    if unit in {"ps", "fs", "as"}:  # int64 ticks span days around 1970: each year is known
        assert [0, 1, 1, 0, -1] == out.tolist()


def test_phase_index_masked_array() -> None:
    """A masked array honours its mask: masked entries give -1, whatever they hold."""
    years = np.ma.masked_array([2012, 2013, 10**18, 2030], mask=[False, True, True, False])
    objects = np.ma.masked_array(np.array([2012, None], dtype=object), mask=[False, True])

    out = phase_index(default_network(), years)

    assert [1, -1, -1, -1] == out.tolist()
    assert [1, -1] == phase_index(default_network(), objects).tolist()


# ---------------------------------------------------------------- yearly pandas Periods

_YEARLY = ["Y", "Y-DEC", "Y-JUN", "Y-JAN", "Y-NOV"]


@given(st.integers(1900, 2100), st.sampled_from(_YEARLY))
def test_a_yearly_period_is_its_labels_year(year: int, freq: str) -> None:
    """A yearly Period, whatever month ends it, is looked up as its label's year."""
    import pandas as pd

    net = default_network()
    period = pd.Period(str(year), freq)

    assert phases_at(net, year) == phases_at(net, period)
    assert phase_index(net, [year]) == phase_index(net, [period])
    if phases_at(net, year):
        assert phase_at(net, year) == phase_at(net, period)


@pytest.mark.parametrize("freq", _YEARLY)
def test_phase_index_period_index_and_series(freq: str) -> None:
    """A PeriodIndex gives a list (any iterable does); a Series of periods, a Series."""
    import pandas as pd

    periods = pd.period_range("2006", "2023", freq=freq)
    expected = phase_index(default_network(), list(range(2006, 2024)))
    series = pd.Series(periods, index=[f"r{i}" for i in range(len(periods))])

    assert expected == phase_index(default_network(), periods)
    assert expected == phase_index(default_network(), series).tolist()
    assert series.index.tolist() == phase_index(default_network(), series).index.tolist()


def test_phase_index_series_of_periods_with_a_gap() -> None:
    """A missing period (NaT) in a Series of periods gives -1."""
    import pandas as pd

    series = pd.Series([pd.Period("2012", "Y"), pd.NaT, pd.Period("2030", "Y")], dtype="period[Y]")

    assert [1, -1, -1] == phase_index(default_network(), series).tolist()


@pytest.mark.parametrize(
    ("freq", "shown"), [("M", "'M'"), ("Q", "'Q-DEC'"), ("D", "'D'"), ("2Y", "'2Y-DEC'")]
)
def test_other_frequencies_are_refused(freq: str, shown: str) -> None:
    """Periods of months, quarters, days or several years are refused, naming the frequency."""
    import pandas as pd

    net = default_network()
    period = pd.Period("2012", freq)
    series = pd.Series(pd.period_range("2012", periods=3, freq=freq))
    expected = (
        "expected yearly periods (frequency 'Y', any anchor such as 'Y-JUN'), "
        f"got periods of frequency {shown}"
    )

    for call in (
        lambda: phase_at(net, period),
        lambda: phases_at(net, period),
        lambda: phase_index(net, [period]),
        lambda: phase_index(net, series),
        lambda: phase_index(net, pd.PeriodIndex(series)),
    ):
        with pytest.raises(TypeError) as ei:
            call()

        assert expected == str(ei.value)


def test_other_pandas_objects_are_not_years() -> None:
    """A pandas value that is not a Period (NA) is refused as any non-year is."""
    import pandas as pd

    missing: Any = pd.NA  # not a year, on purpose
    with pytest.raises(TypeError) as ei:
        phase_at(default_network(), missing)

    assert str(ei.value).startswith("expected a year (an int) or a datetime.date")
    assert "yearly pandas Period" in str(ei.value)
