"""Editing a network: each helper returns a new, checked network; lookups by key say what exists."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reseau_coop import (
    DataError,
    Dating,
    LanguageKeyError,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    PhaseKeyError,
    ReseauCoopError,
    Service,
    ServiceKeyError,
    SnapshotLookupError,
    default_network,
    dumps,
    loads,
)
from reseau_coop.strategies import networks

MAX = 9999


def _small() -> Network:
    """Two phases, a snapshot dated by the first one's end and one dated by a year."""
    return Network(
        name={"en": "Small"},
        languages=["en"],
        phases=[
            Phase(key="a", name={"en": "A"}, start=2000, end=2005),
            Phase(key="b", name={"en": "B"}, start=2008, end=2012),
        ],
        snapshots=[
            MembershipSnapshot(year=2004, members=8),
            MembershipSnapshot(year=2005, members=10, dating="phase", phase="a"),
            MembershipSnapshot(year=2010, members=20, phase="b"),
        ],
    )


# ---------------------------------------------------------------- snapshots


@given(networks(), st.integers(1, MAX), st.integers(0, 10_000))
def test_with_snapshot_then_without_gives_the_original(net: Network, year: int, n: int) -> None:
    """A snapshot of a new year comes in year order, and taking it out gives the network back."""
    assume(year not in {s.year for s in net.snapshots})

    edited = net.with_snapshot(MembershipSnapshot(year=year, members=n))

    years = [s.year for s in edited.snapshots]
    assert sorted([*(s.year for s in net.snapshots), year]) == years
    assert n == edited.snapshot(year).members
    assert net == edited.without_snapshot(year)


@given(networks(), st.data())
def test_with_snapshot_replaces_the_one_of_its_year(net: Network, data: st.DataObject) -> None:
    """A snapshot of a year that has one replaces it, in its place; twice is once."""
    assume(net.snapshots)
    old = data.draw(st.sampled_from(net.snapshots))
    new = attrs.evolve(old, members=old.members + 1)

    edited = net.with_snapshot(new)

    assert [s.year for s in net.snapshots] == [s.year for s in edited.snapshots]
    assert new == edited.snapshot(old.year)
    assert edited == edited.with_snapshot(new)
    assert net == edited.with_snapshot(old)


def test_without_snapshot_of_a_missing_year() -> None:
    """Taking out a year that has no snapshot is a SnapshotLookupError, also a KeyError."""
    with pytest.raises(KeyError) as ei:
        default_network().without_snapshot(2016)

    assert isinstance(ei.value, SnapshotLookupError)
    assert "no snapshot for 2016 (snapshots: 2007, 2012, 2017, 2022)" == str(ei.value)


def test_with_snapshot_is_checked() -> None:
    """A snapshot naming a phase it is not in is refused, by its path in the new network."""
    with pytest.raises(DataError) as ei:
        _small().with_snapshot(MembershipSnapshot(year=2007, members=1, phase="b"))

    assert ["year 2007 is not in phase 'b' (2008–2012) @ $.snapshots[2].phase"] == ei.value.errors


# ---------------------------------------------------------------- phases


def test_with_phase_moves_the_snapshots_it_dates() -> None:
    """A phase's new end carries the snapshot it dates, which replaces one dated by that year."""
    net = _small()

    edited = net.with_phase(attrs.evolve(net.phase("a"), end=2004))

    assert [(2004, 10, Dating.PHASE), (2010, 20, Dating.YEAR)] == [
        (s.year, s.members, s.dating) for s in edited.snapshots
    ]
    assert "2000–2004" == edited.phase("a").span


def test_with_phase_moves_a_snapshot_past_others() -> None:
    """A moved snapshot takes its place in year order."""
    net = _small()
    longer = net.with_phase(attrs.evolve(net.phase("b"), end=2015)).with_snapshot(
        MembershipSnapshot(year=2015, members=30, dating="phase", phase="b")
    )

    edited = longer.with_phase(attrs.evolve(net.phase("a"), start=1990, end=1995))

    assert [1995, 2004, 2010, 2015] == [s.year for s in edited.snapshots]


def test_with_phase_open_ended_cannot_date_a_snapshot() -> None:
    """A phase made open-ended leaves its snapshot where it was, and the error names it."""
    net = _small()
    later = Phase(key="a", name={"en": "A"}, start=2013)

    with pytest.raises(DataError) as ei:
        net.with_phase(later)

    assert [
        "phase 'a' is open-ended, so it cannot date a snapshot @ $.snapshots[1].phase"
    ] == ei.value.errors


def test_with_phase_that_overlaps_is_refused() -> None:
    """A phase that now overlaps its neighbour is a DataError naming the place."""
    net = _small()

    with pytest.raises(DataError) as ei:
        net.with_phase(attrs.evolve(net.phase("a"), end=2010))

    assert ["$.phases[1].start"] == [p.where for p in ei.value.problems]


def test_with_phase_inserts_in_order_of_start() -> None:
    """A phase of a new key goes where its start puts it, even between two others."""
    net = _small()
    middle = Phase(key="m", name={"en": "M"}, start=2005, end=2008)

    edited = net.with_phase(middle)

    assert ["a", "m", "b"] == [p.key for p in edited.phases]
    assert edited == edited.with_phase(middle)


def test_with_phase_of_a_single_year_before_its_neighbour() -> None:
    """A one-year phase that starts with another goes first: it ends first."""
    net = Network(
        name={"en": "N"},
        languages=["en"],
        phases=[Phase(key="long", name={"en": "L"}, start=2000, end=2010)],
    )

    edited = net.with_phase(Phase(key="day", name={"en": "D"}, start=2000, end=2000))

    assert ["day", "long"] == [p.key for p in edited.phases]


@given(networks(), st.data())
def test_with_phase_of_its_own_phase_changes_nothing(net: Network, data: st.DataObject) -> None:
    """Giving a network one of its own phases returns an equal network."""
    assume(net.phases)
    phase = data.draw(st.sampled_from(net.phases))

    assert net == net.with_phase(phase)


@given(networks())
def test_with_phase_after_the_last(net: Network) -> None:
    """A phase after the last one comes last, and the result loads back equal."""
    assume(not net.phases or net.phases[-1].end is not None)
    start = net.phases[-1].end if net.phases else 2000
    assert start is not None
    assume(start + 1 <= MAX)
    phase = Phase(key="zz-new", name=dict.fromkeys(net.languages, "New"), start=start + 1)
    assume("zz-new" not in {p.key for p in net.phases})

    edited = net.with_phase(phase)

    assert phase == edited.phases[-1]
    assert edited == loads(dumps(edited))


# ---------------------------------------------------------------- services, milestones


def test_with_service_replaces_in_place_or_appends() -> None:
    """A service of a known key replaces it where it is; a new one comes last."""
    net = default_network()
    first = net.services[0]
    renamed = attrs.evolve(first, name={"fr": "Aide", "en": "Help"})
    new = Service(key="new", name={"fr": "Nouveau", "en": "New"}, kind="other")

    edited = net.with_service(renamed).with_service(new)

    assert renamed == edited.services[0]
    assert [*(s.key for s in net.services), "new"] == [s.key for s in edited.services]
    assert edited == edited.with_service(new)


def test_with_milestone_in_year_order() -> None:
    """Milestones go in year order: a new one after those of its year, a known one in place."""
    net = Network(
        name={"en": "N"},
        languages=["en"],
        milestones=[
            Milestone(key="a", year=2000, name={"en": "A"}),
            Milestone(key="b", year=2005, name={"en": "B"}),
        ],
    )

    edited = net.with_milestone(Milestone(key="c", year=2000, name={"en": "C"}))
    moved = edited.with_milestone(Milestone(key="a", year=2010, name={"en": "A"}))
    renamed = edited.with_milestone(Milestone(key="a", year=2000, name={"en": "First"}))

    assert ["a", "c", "b"] == [m.key for m in edited.milestones]
    assert ["c", "b", "a"] == [m.key for m in moved.milestones]
    assert ["a", "c", "b"] == [m.key for m in renamed.milestones]
    assert LocalizedText({"en": "First"}) == renamed.milestones[0].name


@given(networks(), st.integers(1, MAX))
def test_with_milestone_keeps_year_order(net: Network, year: int) -> None:
    """Whatever the network, a new milestone leaves the milestones in year order."""
    assume("zz-new" not in {m.key for m in net.milestones})
    milestone = Milestone(key="zz-new", year=year, name=dict.fromkeys(net.languages, "New"))

    edited = net.with_milestone(milestone)

    years = [m.year for m in edited.milestones]
    assert sorted(years) == years
    assert edited == edited.with_milestone(milestone)
    assert edited == loads(dumps(edited), "json")


# ---------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            lambda net: net.phase("implantaton"),
            PhaseKeyError,
            (
                "no phase 'implantaton'; did you mean 'implantation'? (the network's phases are "
                "['experimentation', 'implantation', 'consolidation'])"
            ),
        ),
        (
            lambda net: net.service("parcours"),
            ServiceKeyError,
            (
                "no service 'parcours'; did you mean 'parcours-coop'? (the network's services are "
                "['aide-au-demarrage', 'boussole-entrepreneuriale', 'parcours-coop', "
                "'services-conseils-specialises', 'formation-cest-quoi-une-coop'])"
            ),
        ),
        (
            lambda net: net.snapshot(2016),
            SnapshotLookupError,
            "no snapshot for 2016 (snapshots: 2007, 2012, 2017, 2022)",
        ),
        (
            lambda net: net.name["de"],
            LanguageKeyError,
            "no text in 'de'; this text has ['fr', 'en']",
        ),
    ],
    ids=["phase", "service", "snapshot", "text"],
)
def test_lookup_errors_are_key_errors(
    call: Callable[[Network], object], kind: type[ReseauCoopError], message: str
) -> None:
    """A miss is the library's error, also a KeyError, whose text is the sentence, not a repr."""
    with pytest.raises(KeyError) as ei:
        call(default_network())

    assert isinstance(ei.value, kind)
    assert isinstance(ei.value, LookupError)
    assert message == str(ei.value)
    again = pickle.loads(pickle.dumps(ei.value))  # noqa: S301 - our own bytes
    assert (type(ei.value), str(ei.value), vars(ei.value)) == (
        type(again),
        str(again),
        vars(again),
    )
    assert vars(ei.value) == vars(copy.deepcopy(ei.value))


def test_lookup_error_data() -> None:
    """The key asked for and the keys there are, in order, stay on the error."""
    with pytest.raises(PhaseKeyError) as ei:
        default_network().phase("x")

    assert "x" == ei.value.key
    assert ("experimentation", "implantation", "consolidation") == ei.value.available
    assert "(the network's phases are" in str(ei.value)
    assert "did you mean" not in str(ei.value)


def test_a_text_s_lookup_error_keeps_the_language_and_the_languages() -> None:
    """`LocalizedText[...]` says which language was asked for and which the text has."""
    with pytest.raises(LanguageKeyError) as ei:
        default_network().phases[0].name["en-CA"]

    assert ("en-CA", ("fr", "en")) == (ei.value.language, ei.value.available)
    assert default_network().phases[0].name.get("en-CA") is None  # as a dict's get


def test_lookup_in_an_empty_collection() -> None:
    """A network with no services says so."""
    net = Network(name={"en": "N"}, languages=["en"])

    with pytest.raises(ServiceKeyError) as ei:
        net.service("x")

    assert "no service 'x': the network has no services" == str(ei.value)
