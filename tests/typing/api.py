"""
The public API as users write it, checked by `mypy --strict` (not run by pytest).

If a change to the annotations breaks ordinary use, this file stops type-checking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, assert_type

import reseau_coop
from reseau_coop import (
    DataError,
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Problem,
    Qualifier,
    Share,
)


def build_and_read(path: Path) -> None:
    """Build a network in Python, write it, read it back."""
    text = LocalizedText({"en": "Start-up"})
    phase = Phase(key="start-up", name=text, start=2010, end=2015)
    snapshot = MembershipSnapshot(
        year=2015,
        members=12,
        qualifier=Qualifier.APPROXIMATE,
        dating=Dating.PHASE,
        phase="start-up",
        share=Share(value=0.25, of=LocalizedText({"en": "co-ops"})),
    )
    net = Network(name=text, languages=["en"], phases=[phase], snapshots=[snapshot])
    reseau_coop.dump(net, path)
    assert_type(reseau_coop.load(path), Network)
    assert_type(reseau_coop.loads(reseau_coop.dumps(net, "toml"), "toml"), Network)
    assert_type(net.phases[0].end, int | None)
    assert_type(net.snapshots[0].share, Share | None)
    assert_type(net.phase("start-up"), Phase)
    assert_type(net.snapshots[0].is_inferred("year"), bool)


def handle_errors(data: bytes) -> list[str]:
    """Catch a DataError and read its problems."""
    try:
        reseau_coop.loads(data)
    except DataError as exc:
        problems: tuple[Problem, ...] = exc.problems
        return [*exc.errors, *(p.where for p in problems)]
    return []


def default() -> str:
    """Read the embedded dataset."""
    net = reseau_coop.default_network()
    assert_type(reseau_coop.__version__, str)
    return net.name["fr"]


def lookups_and_growth() -> str:
    """Period lookup and growth, typed."""
    import numpy as np

    net = reseau_coop.default_network()
    assert_type(reseau_coop.phase_at(net, 2012), Phase)
    assert_type(reseau_coop.phases_at(net, np.int64(2012)), tuple[Phase, ...])
    assert_type(reseau_coop.phase_index(net, [2012, 2013]), list[int])
    array = reseau_coop.phase_index(net, np.array([2012], dtype=np.int64))
    assert_type(array, np.ndarray[tuple[Any, ...], np.dtype[np.intp]])
    g = reseau_coop.growth(net, 2007, 2022)
    assert_type(g, reseau_coop.Growth)
    assert_type(g.cagr, float | None)
    assert_type(g.doubling_time_qualifier, reseau_coop.Qualifier)
    assert_type(reseau_coop.phase_growth(net), tuple[reseau_coop.Growth, ...])
    assert_type(reseau_coop.members_at(net, 2020).members, float)
    assert_type(reseau_coop.cagr(14, 100, 15), float | None)
    return reseau_coop.describe_growth(g, "en")


def many_years_and_estimated_ends() -> float:
    """Series of estimates, and growth whose ends may be estimates."""
    import datetime as dt

    net = reseau_coop.default_network()
    series = reseau_coop.membership_series(net, [2010, dt.date(2015, 1, 1)], method="geometric")
    assert_type(series, tuple[reseau_coop.Estimate, ...])
    assert_type(reseau_coop.membership_series(net), tuple[reseau_coop.Estimate, ...])
    g = reseau_coop.growth(net, 2010, 2017, estimate=True)
    assert_type(g.start, MembershipSnapshot | reseau_coop.Estimate)
    assert_type(g.change, int | float)
    if isinstance(g.end, MembershipSnapshot):
        assert_type(g.end.dating, Dating)
    return g.start.members


def side_by_side() -> str:
    """Compare networks; rows are typed dicts."""
    rows = reseau_coop.compare([reseau_coop.default_network()], start=2010, end=2020, lang="en")
    assert_type(rows, tuple[reseau_coop.ComparisonRow, ...])
    assert_type(rows[0]["window_ratio"], float | None)
    assert_type(rows[0]["first_members"], int | None)
    return rows[0]["name"]


def presentation() -> str:
    """Summaries, reports and figures, as an app builds a page from them."""
    net = reseau_coop.default_network()
    assert_type(reseau_coop.Qualifier.APPROXIMATE.sign, str)
    assert_type(reseau_coop.format_count(35, reseau_coop.Qualifier.APPROXIMATE, "fr"), str)
    assert_type(reseau_coop.format_percent(20.1, "fr", digits=1), str)
    assert_type(reseau_coop.format_decimal(2.5, "en", digits=2), str)
    assert_type(reseau_coop.summary(net, "en"), dict[str, Any])
    assert_type(reseau_coop.render(net, "fr", format="markdown", width=72), str)
    return reseau_coop.render(net, format="html")


def honest_time_and_claims() -> str:
    """The precision of a growth's years, and the source's claims checked."""
    net = reseau_coop.default_network()
    measured = reseau_coop.phase_growth(net)[0]
    assert_type(measured.dating, reseau_coop.Dating)
    assert_type(measured.time_qualifier, reseau_coop.Qualifier)
    checks = reseau_coop.check_claims(net, "en")
    assert_type(checks, tuple[reseau_coop.ClaimCheck, ...])
    assert_type(checks[0].verdict, reseau_coop.Verdict)
    assert_type(checks[0].figure, float | None)
    assert_type(
        checks[0].claim.kind,
        reseau_coop.GrowthClaim | reseau_coop.TrendClaim | reseau_coop.ShareClaim,
    )
    claim = reseau_coop.Claim(
        key="k",
        text=reseau_coop.LocalizedText({"en": "Up."}),
        trend=reseau_coop.TrendClaim(start=2018, end=2022, direction=reseau_coop.Direction.UP),
    )
    assert_type(claim.trend, reseau_coop.TrendClaim | None)
    assert_type(reseau_coop.Share(value=0.5, of=claim.text).inferred, tuple[str, ...])
    return checks[0].reason


def collections_take_their_records() -> None:
    """Collections are typed by their records: anything else is a type error."""
    text = LocalizedText({"en": "X"})
    Network(name=text, languages=("en",), phases=iter([Phase(key="x", name=text, start=2000)]))
    Network(name=text, languages=["en"], phases=[1, 2])  # type: ignore[list-item]
    Network(name=text, languages=[1])  # type: ignore[list-item]
    MembershipSnapshot(year=2000, members=1, inferred=[True])  # type: ignore[list-item]


def typed_rows() -> int:
    """`records` rows are typed dicts, one per table."""
    net = reseau_coop.default_network()
    snapshots = reseau_coop.records(net, "snapshots")
    assert_type(snapshots, list[reseau_coop.SnapshotRow])
    assert_type(snapshots[0]["year"], int)
    assert_type(snapshots[0]["share"], float | None)
    phases = reseau_coop.records(net, "phases", lang="en")
    assert_type(phases, list[reseau_coop.PhaseRow])
    assert_type(phases[0]["members_at_end"], int | None)
    assert_type(reseau_coop.records(net, "services"), list[reseau_coop.ServiceRow])
    assert_type(reseau_coop.records(net, "milestones")[0]["name"], str)
    snapshots[0]["no_such_column"]  # type: ignore[typeddict-item]
    reseau_coop.records(net, "members")  # type: ignore[call-overload]
    return snapshots[0]["members"]


def series_lookup() -> None:
    """`phase_index` of a pandas Series is a Series of positions."""
    import pandas as pd

    net = reseau_coop.default_network()
    assert_type(reseau_coop.phase_index(net, pd.Series([2012, 2020])), "pd.Series[int]")


def strategies_for_an_apps_tests() -> None:
    """The shipped strategies are typed by what they draw."""
    from hypothesis import strategies as st

    from reseau_coop import strategies

    assert_type(strategies.networks(min_phases=1, open_ended=True), st.SearchStrategy[Network])
    assert_type(strategies.phases(languages=["fr"]), st.SearchStrategy[Phase])
    assert_type(strategies.snapshots(), st.SearchStrategy[MembershipSnapshot])
    assert_type(strategies.texts(), st.SearchStrategy[LocalizedText])
    assert_type(strategies.documents(format="toml", max_phases=2), st.SearchStrategy[str])
    strategies.documents(format="yaml")  # type: ignore[arg-type]
    strategies.documents(max_phase=2)  # type: ignore[call-arg]
    strategies.networks(open_ended="yes")  # type: ignore[arg-type]


def charts() -> None:
    """Layered and comparison charts, and yearly periods as years."""
    import pandas as pd
    from matplotlib.axes import Axes

    from reseau_coop.plot import comparison_chart, membership_chart

    net = reseau_coop.default_network()
    ax = membership_chart(net, lang="en", label="COOP", color="#aa0000", align="start")
    assert_type(membership_chart(net, ax, phases=False), Axes)
    assert_type(comparison_chart([net, net], ax, align="calendar", lang="fr", phases=True), Axes)
    assert_type(reseau_coop.phase_at(net, pd.Period("2012", "Y-JUN")), reseau_coop.Phase)
    assert_type(reseau_coop.members_at(net, pd.Period("2012", "Y")), reseau_coop.Estimate)


def edit_with_plain_values() -> reseau_coop.Network:
    """Build records from plain values and edit a network with the helpers."""
    net = reseau_coop.default_network()
    phase = Phase(key="next", name={"fr": "Suite", "en": "Next"}, start=2022)
    snapshot = MembershipSnapshot(year=2024, members=110, qualifier="approximate")
    dated = MembershipSnapshot(year=2022, members=100, dating="phase", phase="consolidation")
    service = reseau_coop.Service(key="s", name={"fr": "S", "en": "S"}, kind="training")
    milestone = reseau_coop.Milestone(key="m", year=2023, name={"fr": "M", "en": "M"})
    MembershipSnapshot(year=2024, members=1, qualifier="about")  # type: ignore[arg-type]
    Phase(key="x", name=["en", "X"], start=2000)  # type: ignore[arg-type]
    edited = net.with_phase(phase).with_snapshot(snapshot).with_service(service)
    assert_type(edited.with_milestone(milestone).without_snapshot(2024), reseau_coop.Network)
    assert_type(dated.dating, Dating)
    try:
        edited.phase("nope")
    except KeyError as error:
        assert_type(error, KeyError)
    try:
        edited.service("nope")
    except reseau_coop.ServiceKeyError as error:
        assert_type(error.available, tuple[str, ...])
    try:
        edited.name["de"]
    except reseau_coop.LanguageKeyError as error:
        assert_type(error.language, str)
    return edited


def claims_from_plain_values() -> reseau_coop.Claim:
    """Claims, like the other records, take texts as dicts and enums by their values."""
    growth = reseau_coop.GrowthClaim(multiple=7, relation="more_than")
    reseau_coop.TrendClaim(start=2018, end=2022, direction="up")
    reseau_coop.GrowthClaim(multiple=7, relation="above")  # type: ignore[arg-type]
    return reseau_coop.Claim(key="k", text={"fr": "a", "en": "b"}, growth=growth)
