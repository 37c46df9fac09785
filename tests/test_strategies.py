"""The shipped strategies: what they draw is valid, and between them they draw every variant."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import reseau_coop
from reseau_coop import (
    Claim,
    Dating,
    Direction,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Relation,
    Service,
    ServiceKind,
    Share,
    Source,
    dumps,
    loads,
)
from reseau_coop import strategies as rs
from reseau_coop._hypothesis import STRATEGIES, _hypothesis_setup_hook
from reseau_coop._io import Format

_T = TypeVar("_T")

#: How many examples a strategy gets to show every variant it should.
BOUND = 150


def drawn(strategy: st.SearchStrategy[_T], count: int = BOUND) -> list[_T]:
    """*count* examples of *strategy*, the same ones on every run."""
    examples: list[_T] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],  # drawing is all this test does
    )
    @given(strategy)
    def collect(example: _T) -> None:
        examples.append(example)

    collect()
    return examples


def _with_provenance(record: Any) -> Iterator[str]:  # noqa: ANN401 - any record
    for name in ("source", "quote", "note"):
        if getattr(record, name) is not None:
            yield f"provenance {name}"
    if record.inferred:
        yield "provenance inferred"


def network_variants(net: Network) -> Iterator[str]:
    """The variants one network shows: `"phase gap"`, `"snapshot dated by phase"`, …."""
    yield f"{len(net.languages)} languages"
    yield from ["no phases"] if not net.phases else []
    for before, after in zip(net.phases, net.phases[1:], strict=False):
        assert before.end is not None
        gap = after.start - before.end
        yield {0: "phases share a year", 1: "phases back to back"}.get(gap, "phases with a gap")
    if net.phases:
        yield "open-ended last phase" if net.phases[-1].open_ended else "closed last phase"
    for phase in net.phases:
        yield from ["phase summary"] if phase.summary is not None else []
        yield from _with_provenance(phase)
    for snapshot in net.snapshots:
        yield f"snapshot {snapshot.qualifier.value}"
        if snapshot.dating is Dating.PHASE:
            yield "snapshot dated by phase"
        elif snapshot.phase is not None:
            yield "snapshot dated by year, naming its phase"
        if snapshot.share is not None:
            yield f"share {snapshot.share.qualifier.value}"
            yield from ["share inferred"] if snapshot.share.inferred else []
        yield from _with_provenance(snapshot)
    for service in net.services:
        yield f"service {service.kind.value}"
        yield from ["flagship service"] if service.flagship else []
        yield from ["service introduced in a phase"] if service.introduced is not None else []
        yield from _with_provenance(service)
    yield from ["milestone"] if net.milestones else []
    for claim in net.claims:
        yield from _claim_variants(claim)
    yield from _with_provenance_of_all(net.milestones)
    yield from ["source"] if net.sources else []
    yield from ["network description"] if net.description is not None else []


def _claim_variants(claim: Claim) -> Iterator[str]:
    if claim.growth is not None:
        whole = claim.growth.start is None
        yield "growth claim over the whole history" if whole else "growth claim over two years"
    if claim.trend is not None:
        yield "trend claim"
    if claim.share is not None:
        known = claim.share.population is not None
        yield "share claim with its population" if known else "share claim without population"
    yield from _with_provenance(claim)


def _with_provenance_of_all(records: tuple[Milestone, ...]) -> Iterator[str]:
    for record in records:
        yield from _with_provenance(record)


EVERY_NETWORK_VARIANT = {
    "1 languages",
    "2 languages",
    "3 languages",
    "no phases",
    "phases share a year",
    "phases back to back",
    "phases with a gap",
    "open-ended last phase",
    "closed last phase",
    "phase summary",
    *(f"snapshot {q.value}" for q in Qualifier),
    *(f"share {q.value}" for q in Qualifier),
    "snapshot dated by phase",
    "snapshot dated by year, naming its phase",
    *(f"service {kind.value}" for kind in ServiceKind),
    "flagship service",
    "service introduced in a phase",
    "milestone",
    "growth claim over the whole history",
    "growth claim over two years",
    "trend claim",
    "share claim with its population",
    "share claim without population",
    "share inferred",
    "source",
    "network description",
    *(f"provenance {name}" for name in ("source", "quote", "note", "inferred")),
}


# --------------------------------------------------------------------------- validity


@given(rs.networks())
def test_networks_round_trip_through_both_formats(net: Network) -> None:
    """Every drawn network is valid and reads back equal from JSON and from TOML."""
    assert net == loads(dumps(net, "json"), "json")
    assert net == loads(dumps(net, "toml"), "toml")


@pytest.mark.parametrize("fmt", ["json", "toml"])
@given(data=st.data())
def test_documents_load(fmt: Format, data: st.DataObject) -> None:
    """Every drawn document loads in its format, and writes back as the same text."""
    document = data.draw(rs.documents(format=fmt, min_phases=1))

    net = loads(document, format=fmt)

    assert document == dumps(net, fmt)
    assert net.phases


RECORDS: list[tuple[type[Any], Callable[..., st.SearchStrategy[Any]]]] = [
    (Phase, rs.phases),
    (MembershipSnapshot, rs.snapshots),
    (Service, rs.services),
    (Milestone, rs.milestones),
    (Source, rs.sources),
    (Share, rs.shares),
    (Claim, rs.claims),
    (LocalizedText, rs.texts),
]


@pytest.mark.parametrize(("cls", "strategy"), RECORDS, ids=[cls.__name__ for cls, _ in RECORDS])
@given(data=st.data())
def test_records_are_valid(
    cls: type[Any], strategy: Callable[..., st.SearchStrategy[Any]], data: st.DataObject
) -> None:
    """Each record strategy draws its class, in the languages asked for, and valid once rebuilt."""
    record = data.draw(strategy(languages=["fr", "en"]))

    assert cls is type(record)
    rebuilt = attrs.evolve(record)  # validated again
    assert record == rebuilt
    values = [record] if cls is LocalizedText else attrs.astuple(record, recurse=False)
    texts = [value for value in values if isinstance(value, LocalizedText)]
    assert all(("fr", "en") == text.languages for text in texts)


@pytest.mark.parametrize(("cls", "strategy"), RECORDS, ids=[cls.__name__ for cls, _ in RECORDS])
def test_from_type_draws_from_the_shipped_strategies(
    cls: type[Any], strategy: Callable[..., st.SearchStrategy[Any]]
) -> None:
    """The entry point registers each class: `st.from_type` draws valid instances of it."""
    _hypothesis_setup_hook()  # what `import hypothesis` did, through the entry point

    assert strategy.__name__ == STRATEGIES[cls]
    assert all(cls is type(example) for example in drawn(st.from_type(cls), 5))


def test_from_type_draws_networks() -> None:
    """`st.from_type(Network)` draws valid networks, with phases among them."""
    nets = drawn(st.from_type(Network), 30)

    assert all(type(net) is Network for net in nets)
    assert any(net.phases for net in nets)


# --------------------------------------------------------------------------- coverage


def test_networks_draw_every_variant() -> None:
    """Within a bounded number of networks, every variant of the model appears."""
    seen = Counter(variant for net in drawn(rs.networks()) for variant in network_variants(net))

    assert set() == EVERY_NETWORK_VARIANT - set(seen)


def test_records_draw_every_variant() -> None:
    """On their own too, records show every kind, qualifier and dating, and every option."""
    phases = drawn(rs.phases(), 50)
    snapshots = drawn(rs.snapshots(), 80)
    services = drawn(rs.services(), 80)
    sources = drawn(rs.sources(), 50)
    claims = drawn(rs.claims(), 300)

    assert {True, False} == {p.open_ended for p in phases}
    assert set(Dating) == {s.dating for s in snapshots}
    assert set(Qualifier) == {s.qualifier for s in snapshots}
    assert any(s.share is not None for s in snapshots)
    assert set(ServiceKind) == {s.kind for s in services}
    assert {"growth", "trend", "share"} == {_kind(claim) for claim in claims}
    assert set(Relation) == {c.growth.relation for c in claims if c.growth is not None}
    assert set(Direction) == {c.trend.direction for c in claims if c.trend is not None}
    assert any(s.part is not None and s.parts is not None for s in sources)
    assert any(s.url is not None and s.references for s in sources)
    assert any(s.language is not None and s.note is not None for s in sources)
    assert any(set(_with_provenance(record)) for record in [*phases, *snapshots, *services])


def _kind(claim: Claim) -> str:
    return "growth" if claim.growth else "trend" if claim.trend else "share"


# --------------------------------------------------------------------------- options


@given(rs.networks(languages=["iu-Latn", "fr"], min_phases=2, max_phases=3, open_ended=True))
def test_network_options_are_kept(net: Network) -> None:
    """Languages, the number of phases and an open-ended last phase are as asked."""
    assert ("iu-Latn", "fr") == net.languages
    assert 2 <= len(net.phases) <= 3
    assert net.phases[-1].open_ended


@given(rs.networks(open_ended=False, min_snapshots=3, max_snapshots=4))
def test_closed_phases_and_snapshot_counts(net: Network) -> None:
    """`open_ended=False` closes every phase; the number of snapshots is as asked."""
    assert all(not phase.open_ended for phase in net.phases)
    assert 3 <= len(net.snapshots) <= 4


@given(rs.networks(open_ended=True))
def test_open_ended_needs_a_phase(net: Network) -> None:
    """`open_ended=True` alone draws at least one phase, the last one open-ended."""
    assert net.phases[-1].open_ended


def test_without_provenance() -> None:
    """`with_provenance=False`: no sources, and no record says where it comes from."""
    nets = drawn(rs.networks(with_provenance=False), 40)
    records = [
        *drawn(rs.phases(with_provenance=False), 20),
        *drawn(rs.snapshots(with_provenance=False), 20),
    ]

    assert all(not net.sources for net in nets)
    variants = {variant for net in nets for variant in network_variants(net)}
    assert not {v for v in variants if v.startswith("provenance")}
    assert not [
        set(_with_provenance(record)) for record in records if set(_with_provenance(record))
    ]


@given(rs.phases(open_ended=False))
def test_closed_phase(phase: Phase) -> None:
    """`phases(open_ended=False)` draws phases with an end year."""
    assert phase.end is not None


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: rs.networks(min_phases=3, max_phases=2), "min_phases=3 and max_phases=2"),
        (lambda: rs.networks(min_snapshots=-1), "min_snapshots=-1"),
        (lambda: rs.networks(max_phases=251), "at most 250 phases"),
        (lambda: rs.networks(open_ended=True, max_phases=0), "needs a phase"),
        (lambda: rs.texts(languages=[]), "needs at least one language"),
        (lambda: rs.texts(languages=["fr", "fr"]), "'fr' is listed twice"),
        (lambda: rs.phases(languages=["French"]), "a language tag"),
        (lambda: rs.sources(languages="fr"), "languages='fr'"),
        (lambda: rs.documents(format="yaml"), "format='yaml'"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_refused_when_called(
    make: Callable[[], st.SearchStrategy[Any]], words: str
) -> None:
    """Arguments that cannot be drawn from are refused at once, saying which and why."""
    with pytest.raises(InvalidArgument) as ei:
        make()

    assert words in str(ei.value)


# --------------------------------------------------------------------------- packaging


def test_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Hypothesis, importing the module is one sentence naming the extra to install."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "reseau_coop.strategies")

    with pytest.raises(ImportError) as ei:
        importlib.import_module("reseau_coop.strategies")

    assert 'pip install "reseau-coop[hypothesis]"' in str(ei.value)
    assert "reseau_coop.strategies" in str(ei.value)


def test_strategies_are_not_in_the_package_namespace() -> None:
    """`reseau_coop.strategies` is its own module: `reseau_coop` does not export it."""
    assert "strategies" not in reseau_coop.__all__
    assert "networks" not in reseau_coop.__all__
