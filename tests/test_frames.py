"""Data frames and plain records: dtypes, values equal to the model's, index alignment."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    LocalizedText,
    Network,
    Qualifier,
    default_network,
    membership_series,
    phase_index,
    records,
)
from reseau_coop._cli import main
from reseau_coop._records import COLUMNS, TABLES
from reseau_coop.frames import (
    membership_frame,
    milestones_frame,
    phases_frame,
    services_frame,
    snapshots_frame,
)
from reseau_coop.strategies import networks

from .helpers import run_python


def test_snapshots_frame_dtypes_and_values() -> None:
    """Nullable integers, categories for qualifiers and keys, values as in the model."""
    frame = snapshots_frame(default_network())

    assert {
        "year": "Int64",
        "members": "Int64",
        "qualifier": "category",
        "dating": "category",
        "phase": "category",
        "share": "Float64",
        "share_qualifier": "category",
        "source": "string",
        "quote": "string",
        "inferred": "string",
    } == {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert [14, 35, 56, 100] == frame["members"].tolist()
    assert [q.value for q in Qualifier] == list(frame["qualifier"].cat.categories)
    assert ["experimentation", "implantation", "consolidation"] == list(
        frame["phase"].cat.categories
    )
    assert frame["phase"].isna().tolist() == [True, False, False, True]
    assert 0.5 == frame["share"].iloc[3]
    assert frame["share"].isna().tolist() == [True, True, True, False]


def test_phases_frame() -> None:
    """Phases with their members at the end, the phase-dated snapshot counted in its phase."""
    frame = phases_frame(default_network(), lang="fr")

    assert "Int64" == str(frame["end"].dtype)
    assert frame["key"].cat.ordered
    assert ["Phase d’expérimentation", "Phase d’implantation", "Phase de consolidation"] == (
        frame["name"].tolist()
    )
    assert [35, 56, 100] == frame["members_at_end"].tolist()
    assert ["approximate", "exact", "exact"] == frame["members_at_end_qualifier"].tolist()


def test_services_frame() -> None:
    """Services: kinds as categories, flagship as a nullable boolean, unknown phase missing."""
    frame = services_frame(default_network(), lang="en")

    assert "boolean" == str(frame["flagship"].dtype)
    assert "category" == str(frame["kind"].dtype)
    assert frame["introduced"].isna().tolist() == [False, False, False, False, True]
    assert "Start-up assistance" == frame["name"].iloc[0]


def test_membership_frame_dtypes_and_values() -> None:
    """Indexed by year; members Float64, qualifier and method categories, based_on text."""
    frame = membership_frame(default_network())

    assert {
        "members": "Float64",
        "qualifier": "category",
        "method": "category",
        "based_on": "string",
    } == {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert ("year", "Int64") == (frame.index.name, str(frame.index.dtype))
    assert list(range(2007, 2023)) == frame.index.tolist()
    assert [14.0, 35.0, 56.0, 100.0] == frame.loc[[2007, 2012, 2017, 2022], "members"].tolist()
    assert ["snapshot", "linear", "geometric"] == list(frame["method"].cat.categories)
    assert "2017, 2022" == frame.loc[2020, "based_on"]
    assert "approximate" == frame.loc[2020, "qualifier"]


def test_membership_frame_takes_the_series_arguments() -> None:
    """Years in the order given, the geometric method, extrapolation; an empty network."""
    frame = membership_frame(default_network(), [2025, 2010], method="geometric", extrapolate=True)

    assert [2025, 2010] == frame.index.tolist()
    assert ["geometric", "geometric"] == frame["method"].tolist()
    assert frame["members"].iloc[0] > 100
    assert (0, 4) == membership_frame(_empty()).shape


def _empty() -> Network:
    """A network with nothing but its name."""
    return Network(name=LocalizedText({"en": "Empty"}), languages=["en"])


@given(networks(max_snapshots=6), st.data())
def test_membership_frame_is_the_series(net: Network, data: st.DataObject) -> None:
    """For any network and years, each row is the estimate membership_series gives there."""
    known = [s.year for s in net.snapshots]
    years = data.draw(st.lists(st.integers(known[0], known[-1]), max_size=40)) if known else []
    series = membership_series(net, years)
    frame = membership_frame(net, years)

    assert [e.year for e in series] == frame.index.tolist()
    assert [e.members for e in series] == frame["members"].tolist()
    assert [e.qualifier.value for e in series] == frame["qualifier"].tolist()
    assert [e.method for e in series] == frame["method"].tolist()
    assert [", ".join(str(s.year) for s in e.based_on) for e in series] == (
        frame["based_on"].tolist()
    )


@given(networks(max_snapshots=5))
def test_frames_equal_the_model(net: Network) -> None:
    """For any network, each frame holds the model's values, row by row."""
    snapshots = snapshots_frame(net)
    phases = phases_frame(net)
    services = services_frame(net)

    assert [s.year for s in net.snapshots] == snapshots["year"].tolist()
    assert [s.members for s in net.snapshots] == snapshots["members"].tolist()
    assert [s.qualifier.value for s in net.snapshots] == snapshots["qualifier"].tolist()
    assert [p.key for p in net.phases] == phases["key"].tolist()
    assert [p.start for p in net.phases] == phases["start"].tolist()
    assert [p.end is None for p in net.phases] == phases["end"].isna().tolist()
    assert [s.flagship for s in net.services] == services["flagship"].tolist()
    for table in TABLES:
        rows = records(net, table)
        assert all(list(row) == list(COLUMNS[table]) for row in rows)
    milestones = milestones_frame(net)
    assert [m.year for m in net.milestones] == milestones["year"].tolist()
    assert [", ".join(m.inferred) for m in net.milestones] == milestones["inferred"].tolist()


def test_milestones_everywhere_with_provenance() -> None:
    """Milestones are a table and a frame; every table and frame says what is inferred."""
    net = default_network()
    rows = records(net, "milestones", lang="fr")
    frame = milestones_frame(net, lang="en")
    frames = (snapshots_frame(net), phases_frame(net), services_frame(net), frame)

    assert [("fusion", 2007, "Fusion", "year, description")] == [
        (r["key"], r["year"], r["name"], r["inferred"]) for r in rows
    ]
    quote = rows[0]["quote"]
    assert quote is not None
    assert quote.startswith("Puisque la Fédération")
    assert ["Merger"] == frame["name"].tolist()
    assert all({"source", "quote", "inferred"} <= set(f.columns) for f in frames)
    assert ["kind, description"] == [r["inferred"] for r in records(net, "services")][1:2]
    assert ["year", "year", "year", "share"] == [r["inferred"] for r in records(net, "snapshots")]


def test_records_are_plain() -> None:
    """Records hold only plain values, which pandas and Polars take as they are."""
    rows = records(default_network(), "snapshots")
    plain = (int, float, str, bool, type(None))

    assert all(isinstance(value, plain) for row in rows for value in row.values())
    assert [14, 35, 56, 100] == pd.DataFrame(rows)["members"].tolist()
    assert [14, 35, 56, 100] == pl.DataFrame(rows)["members"].to_list()


def test_records_refuse_an_unknown_table() -> None:
    """Only snapshots, phases and services are tables."""
    with pytest.raises(ValueError, match="snapshots"):
        records(default_network(), "members")  # type: ignore[call-overload]


def test_records_without_pandas() -> None:
    """`records` needs no pandas: importing and calling it leaves pandas unimported."""
    code = (
        "import sys, reseau_coop as rc\n"
        "rows = rc.records(rc.default_network(), 'phases')\n"
        "print(len(rows), 'pandas' in sys.modules)\n"
    )
    result = run_python(code)

    assert "3 False" == result.stdout.strip()


# ---------------------------------------------------------------- phase_index on a Series


def test_phase_index_series_of_years_keeps_the_index() -> None:
    """A Series in, a Series out, aligned to its index; missing years give -1."""
    years = pd.Series([2007, 2012, None, 2030], index=["a", "b", "c", "d"], dtype="Int64")

    result = phase_index(default_network(), years)

    assert isinstance(result, pd.Series)
    assert ["a", "b", "c", "d"] == result.index.tolist()
    assert [0, 1, -1, -1] == result.tolist()


def test_phase_index_series_of_datetimes() -> None:
    """Datetimes by their year; NaT gives -1; the boundary rule applies."""
    dates = pd.Series(pd.to_datetime(["2012-06-01", "NaT", "2019-01-01"]), index=[10, 20, 30])

    later = phase_index(default_network(), dates)
    earlier = phase_index(default_network(), dates, boundary="earlier")

    assert [10, 20, 30] == later.index.tolist()
    assert [1, -1, 2] == later.tolist()
    assert [0, -1, 2] == earlier.tolist()


def test_phase_index_series_with_time_zone() -> None:
    """A time-zone-aware date counts in its own zone's year."""
    local = pd.Series(pd.to_datetime(["2016-12-31 23:30"])).dt.tz_localize("America/Montreal")

    assert [1] == phase_index(default_network(), local).tolist()


@pytest.mark.parametrize(
    "series",
    [
        pytest.param(pd.Series([2012, None, 2030]), id="float64"),  # integers with a gap
        pytest.param(pd.Series([2012, None, 2030], dtype="Float64"), id="Float64"),
        pytest.param(pd.Series([2012, pd.NA, 2030], dtype="Int64"), id="Int64"),
        pytest.param(pd.Series([2012, None, 2030], dtype="UInt64"), id="UInt64"),
        pytest.param(pd.Series([2012, None, 2030], dtype=object), id="None"),
        pytest.param(pd.Series([dt.date(2012, 1, 1), pd.NaT, 2030], dtype=object), id="NaT"),
        pytest.param(pd.Series([2012, float("nan"), 2030], dtype=object), id="NaN"),
        pytest.param(pd.Series([2012, pd.NA, 10**30], dtype=object), id="NA"),
        pytest.param(pd.Series(pd.to_datetime(["2012-01-01", "NaT", "2030-01-01"])), id="dates"),
        pytest.param(
            pd.Series(pd.to_datetime(["2012-01-01", "NaT", "2030-01-01"]).tz_localize("UTC")),
            id="dates-with-zone",
        ),
    ],
)
def test_phase_index_series_missing_values(series: pd.Series[Any]) -> None:
    """Missing values (None, NaN, NaT, pd.NA) give -1; the rest of the column is looked up."""
    assert [1, -1, -1] == phase_index(default_network(), series).tolist()


@pytest.mark.parametrize("value", [2012.5, float("inf")])
def test_phase_index_series_refuses_fractions(value: float) -> None:
    """A float column holding anything but whole years is refused, as a float is."""
    with pytest.raises(TypeError, match="whole years"):
        phase_index(default_network(), pd.Series([2012.0, value, None]))


def test_phase_index_series_of_whole_floats() -> None:
    """Whole years held as floats are years, however large."""
    series = pd.Series([2012.0, 1e300, -1e300, 2017.0])

    assert [1, -1, -1, 2] == phase_index(default_network(), series).tolist()


def test_phase_index_series_refuses_booleans() -> None:
    """A column of booleans is refused, as a bool is."""
    with pytest.raises(TypeError, match="dtype bool"):
        phase_index(default_network(), pd.Series([True, False]))


@given(networks(max_snapshots=0))
def test_series_agrees_with_list(net: Network) -> None:
    """The Series form agrees with the list form, year by year, after a shuffle of the index."""
    years = [1, 500, 2000, 2012, 5000, 9999]
    series = pd.Series(years, index=np.arange(len(years))[::-1])

    assert phase_index(net, years) == phase_index(net, series).tolist()


# ---------------------------------------------------------------- csv export


@pytest.mark.parametrize("table", TABLES)
def test_csv_export(table: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --format csv --table T` writes the records, with a header row."""
    status = main(["export", "--format", "csv", "--table", table, "--lang", "en"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = records(default_network(), table, lang="en")  # type: ignore[call-overload]

    assert 0 == status
    assert list(COLUMNS[table]) == list(rows[0])
    assert [str(row["year" if table == "snapshots" else "key"]) for row in expected] == [
        row["year" if table == "snapshots" else "key"] for row in rows
    ]


def test_csv_needs_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV is one table: without --table it is a usage error."""
    status = main(["export", "--format", "csv"])

    assert 2 == status
    assert "--table" in capsys.readouterr().err


def test_without_pandas_the_install_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, the frames say in one sentence what to install."""
    from reseau_coop._frames import import_pandas

    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    with pytest.raises(ImportError) as ei:
        import_pandas()

    expected = (
        'reseau_coop.frames needs pandas, which is not installed: pip install "reseau-coop[pandas]"'
    )
    assert expected == str(ei.value)
