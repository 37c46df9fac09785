"""The model's invariants: each one refused, by path, whether built in Python or loaded."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

from reseau_coop import (
    DataError,
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Service,
    ServiceKind,
    Share,
    Source,
    default_network,
    dumps,
    loads,
)

from .strategies import networks

Document = dict[str, Any]


def en(text: str) -> dict[str, str]:
    """A text in English only, as documents write it."""
    return {"en": text}


def base_document() -> Document:
    """A small valid document that each case below breaks in one place."""
    return {
        "format": 1,
        "name": en("Example network"),
        "languages": ["en"],
        "sources": [{"key": "report", "title": en("Annual report")}],
        "phases": [
            {"key": "early", "name": en("Early"), "start": 2000, "end": 2005},
            {"key": "late", "name": en("Late"), "start": 2005, "end": 2010},
        ],
        "services": [{"key": "help", "name": en("Help"), "kind": "support", "introduced": "early"}],
        "snapshots": [
            {"year": 2000, "members": 10, "source": "report"},
            {"year": 2005, "members": 20, "dating": "phase", "phase": "early"},
        ],
        "milestones": [{"key": "founding", "year": 2000, "name": en("Founding")}],
    }


def test_base_document_is_valid() -> None:
    """The base of the cases below loads, so each case fails for its own reason."""
    net = loads(json.dumps(base_document()))

    assert 2 == len(net.phases)


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def mutate(doc: Document) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _append(collection: str, item: object) -> Callable[[Document], None]:
    def mutate(doc: Document) -> None:
        doc[collection].append(item)

    return mutate


INVARIANTS: list[tuple[str, Callable[[Document], None], str, str]] = [
    ("empty key", _set(("phases", 0, "key"), ""), "$.phases[0].key", "empty"),
    ("blank key", _set(("services", 0, "key"), "  "), "$.services[0].key", "empty"),
    ("padded key", _set(("services", 0, "key"), " help"), "$.services[0].key", "white space"),
    ("duplicate phase key", _set(("phases", 1, "key"), "early"), "$.phases[1].key", "already"),
    (
        "duplicate service key",
        _append("services", {"key": "help", "name": en("Help 2"), "kind": "tool"}),
        "$.services[1].key",
        "already used",
    ),
    (
        "duplicate source key",
        _append("sources", {"key": "report", "title": en("Other")}),
        "$.sources[1].key",
        "already used",
    ),
    (
        "duplicate milestone key",
        _append("milestones", {"key": "founding", "year": 2001, "name": en("Again")}),
        "$.milestones[1].key",
        "already used",
    ),
    ("end before start", _set(("phases", 0, "end"), 1999), "$.phases[0].end", "before start"),
    (
        "phases out of order",
        _set(("phases", 1, "start"), 1990),
        "$.phases[1].start",
        "order of start",
    ),
    ("overlapping phases", _set(("phases", 1, "start"), 2004), "$.phases[1].start", "overlaps"),
    (
        "open-ended phase not last",
        _set(("phases", 0, "end"), None),
        "$.phases[0].end",
        "only the last phase",
    ),
    ("year below 1", _set(("phases", 0, "start"), 0), "$.phases[0].start", "outside 1–9999"),
    ("year above 9999", _set(("milestones", 0, "year"), 10_000), "$.milestones[0].year", "9999"),
    (
        "negative count",
        _set(("snapshots", 0, "members"), -3),
        "$.snapshots[0].members",
        "negative",
    ),
    ("two snapshots a year", _set(("snapshots", 1, "year"), 2000), "$.snapshots[1].year", "second"),
    (
        "snapshots out of order",
        _set(("snapshots", 0, "year"), 2007),
        "$.snapshots[1].year",
        "order of year",
    ),
    (
        "dangling service phase",
        _set(("services", 0, "introduced"), "middle"),
        "$.services[0].introduced",
        "unknown phase 'middle'",
    ),
    (
        "dangling snapshot phase",
        _set(("snapshots", 1, "phase"), "middle"),
        "$.snapshots[1].phase",
        "unknown phase 'middle'",
    ),
    (
        "dangling source",
        _set(("snapshots", 0, "source"), "memo"),
        "$.snapshots[0].source",
        "unknown source 'memo'",
    ),
    (
        "phase-dated snapshot off the phase's end",
        _set(("snapshots", 1, "phase"), "late"),
        "$.snapshots[1].year",
        "end year 2010",
    ),
    (
        "phase-dated snapshot without a phase",
        _set(("snapshots", 1, "phase"), None),
        "$.snapshots[1].phase",
        "must name that phase",
    ),
    (
        "year-dated snapshot in a phase that does not contain it",
        _set(("snapshots", 0, "phase"), "late"),
        "$.snapshots[0].phase",
        "not in phase 'late'",
    ),
    (
        "share above one",
        _set(("snapshots", 0, "share"), {"value": 1.5, "of": en("all co-ops")}),
        "$.snapshots[0].share.value",
        "a share is a fraction: write 0.015, not 1.5",
    ),
    (
        "text missing a language",
        _set(("languages",), ["en", "fr"]),
        "$.name",
        "missing the text in 'fr'",
    ),
    (
        "text in an undeclared language",
        _set(("phases", 0, "name"), {"en": "Early", "de": "Früh"}),
        "$.phases[0].name.de",
        "not one of the network's languages",
    ),
    ("no language", _set(("languages",), []), "$.languages", "at least one"),
    ("bad language tag", _set(("languages",), ["English"]), "$.languages[0]", "language tag"),
    ("language twice", _set(("languages",), ["en", "en"]), "$.languages[1]", "twice"),
    ("empty text", _set(("name",), {"en": ""}), "$.name.en", "empty"),
    ("no text at all", _set(("name",), {}), "$.name", "at least one language"),
    (
        "inferred names an unknown field",
        _set(("snapshots", 0, "inferred"), ["yaer"]),
        "$.snapshots[0].inferred[0]",
        "not a field",
    ),
    (
        "inferred names a field twice",
        _set(("snapshots", 0, "inferred"), ["year", "year"]),
        "$.snapshots[0].inferred[1]",
        "twice",
    ),
    (
        "a share's inferred names an unknown field",
        _set(("snapshots", 0, "share"), {"value": 0.5, "of": en("co-ops"), "inferred": ["valeu"]}),
        "$.snapshots[0].share.inferred[0]",
        "not a field",
    ),
    (
        "milestones out of order",
        _append("milestones", {"key": "older", "year": 1990, "name": en("Older")}),
        "$.milestones[1].year",
        "order of year",
    ),
    ("part below one", _set(("sources", 0, "part"), 0), "$.sources[0].part", "positive"),
    (
        "count too large",
        _set(("snapshots", 0, "members"), 2**53),
        "$.snapshots[0].members",
        "largest count",
    ),
    (
        "part after the last",
        lambda d: d["sources"][0].update(part=5, parts=4),
        "$.sources[0].part",
        "past the last part",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "where", "words"),
    [pytest.param(m, w, words, id=name) for name, m, w, words in INVARIANTS],
)
def test_invariant_refused_by_path(
    mutate: Callable[[Document], None], where: str, words: str
) -> None:
    """Each broken invariant gives a DataError whose problem ends at the field to fix."""
    doc = copy.deepcopy(base_document())
    mutate(doc)

    with pytest.raises(DataError) as ei:
        loads(json.dumps(doc))

    matching = [p for p in ei.value.problems if p.where == where]
    assert matching, ei.value.errors
    assert any(words in p.message for p in matching), ei.value.errors


def test_every_problem_at_once() -> None:
    """Several broken invariants in one document are all reported, in document order."""
    doc = base_document()
    doc["phases"][0]["end"] = 1999
    doc["services"][0]["introduced"] = "middle"
    doc["snapshots"][0]["members"] = -1
    doc["milestones"][0]["year"] = True

    with pytest.raises(DataError) as ei:
        loads(json.dumps(doc))

    assert [
        "$.phases[0].end",
        "$.services[0].introduced",
        "$.snapshots[0].members",
        "$.milestones[0].year",
    ] == [p.where for p in ei.value.problems]


# ---------------------------------------------------------------- built in Python


def _phase(key: str, start: int, end: int | None) -> Phase:
    return Phase(key=key, name=LocalizedText({"en": key}), start=start, end=end)


def test_constructor_refuses_phases_out_of_order() -> None:
    """Input out of order is refused, never sorted, when a Network is built directly."""
    phases = [_phase("b", 2010, 2015), _phase("a", 2000, 2005)]

    with pytest.raises(DataError) as ei:
        Network(name=LocalizedText({"en": "N"}), languages=["en"], phases=phases)

    assert ["$.phases[1].start"] == [p.where for p in ei.value.problems]


def test_constructor_refuses_snapshots_out_of_order() -> None:
    """Snapshots given out of order are refused, not sorted."""
    snapshots = [MembershipSnapshot(year=2010, members=1), MembershipSnapshot(year=2000, members=2)]

    with pytest.raises(DataError) as ei:
        Network(name=LocalizedText({"en": "N"}), languages=["en"], snapshots=snapshots)

    assert ["$.snapshots[1].year"] == [p.where for p in ei.value.problems]


def test_constructor_checks_types() -> None:
    """A wrong type given in Python is refused with every bad field named."""
    with pytest.raises(DataError) as ei:
        MembershipSnapshot(
            year="2007",  # type: ignore[arg-type]
            members=True,
            qualifier="EXACT",  # type: ignore[arg-type]
        )

    assert ["$.year", "$.members", "$.qualifier"] == [p.where for p in ei.value.problems]


def test_constructors_take_what_people_write() -> None:
    """A dict for a text, an enum's value for a member, any iterable for a list: converted."""
    written = Service(key="s", name={"en": "S"}, kind="tool", inferred=iter(["kind"]))
    snapshot = MembershipSnapshot(
        year=2012,
        members=35,
        qualifier="approximate",
        dating="phase",
        phase="p",
        share=Share(value=0.5, of={"en": "co-ops"}, qualifier="nearly"),
    )
    net = Network(
        name={"en": "N"},
        languages=(tag for tag in ["en"]),
        phases=[Phase(key="p", name={"en": "P"}, start=2007, end=2012, note={"en": "n"})],
        services={written: None}.keys(),
        snapshots=[snapshot],
    )

    assert LocalizedText({"en": "S"}) == written.name
    assert (ServiceKind.TOOL, ("kind",)) == (written.kind, written.inferred)
    assert (Qualifier.APPROXIMATE, Dating.PHASE) == (snapshot.qualifier, snapshot.dating)
    assert snapshot.share is not None
    assert Qualifier.NEARLY == snapshot.share.qualifier
    assert (("en",), (written,)) == (net.languages, net.services)
    assert net == loads(dumps(net))


@pytest.mark.parametrize(
    ("texts", "where"),
    [
        ({"EN": "x"}, "$.name.EN"),
        ({}, "$.name"),
        ({"en": ""}, "$.name.en"),
        ({"en": 3}, "$.name.en"),
    ],
)
def test_a_bad_dict_of_texts_is_named_as_in_a_document(texts: dict[str, Any], where: str) -> None:
    """A dict of texts that is no good gets the problems a document gets, under the field."""
    with pytest.raises(DataError) as ei:
        Phase(key="p", name=texts, start=2000)
    document = {"format": 1, "name": en("N"), "languages": ["en"]}
    document["phases"] = [{"key": "p", "name": texts, "start": 2000}]
    with pytest.raises(DataError) as from_document:
        loads(json.dumps(document))

    assert [where] == [p.where for p in ei.value.problems]
    assert [p.under(("phases", 0)) for p in ei.value.problems] == [
        p for p in from_document.value.problems if p.path[:2] == ("phases", 0)
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("qualifier", "about"), ("qualifier", "EXACT"), ("dating", "month"), ("qualifier", 3)],
)
def test_a_bad_enum_value_is_named_as_in_a_document(field: str, value: object) -> None:
    """A value that is none of the enum's is refused with the document's words."""
    given: dict[str, Any] = {field: value}
    with pytest.raises(DataError) as ei:
        MembershipSnapshot(year=2000, members=1, **given)
    document = {"format": 1, "name": en("N"), "languages": ["en"]}
    document["snapshots"] = [{"year": 2000, "members": 1, field: value}]
    with pytest.raises(DataError) as from_document:
        loads(json.dumps(document))

    assert [p.under(("snapshots", 0)) for p in ei.value.problems] == list(
        from_document.value.problems
    )


def test_enum_aliases_name_every_value() -> None:
    """The values constructors take for an enum are exactly the enum's values."""
    from typing import get_args

    from reseau_coop._model import DatingValue, QualifierValue, ServiceKindValue

    assert [q.value for q in Qualifier] == list(get_args(QualifierValue))
    assert [d.value for d in Dating] == list(get_args(DatingValue))
    assert [k.value for k in ServiceKind] == list(get_args(ServiceKindValue))


def test_constructor_refuses_non_model_items() -> None:
    """A collection holding something else than model objects is refused by index."""
    with pytest.raises(DataError) as ei:
        Network(
            name=LocalizedText({"en": "N"}),
            languages=["en"],
            phases=[{"key": "a"}],
        )

    assert ["$.phases[0]"] == [p.where for p in ei.value.problems]


def test_constructor_refuses_a_string_for_a_list() -> None:
    """A string is not taken as a list of its characters."""
    with pytest.raises(DataError) as ei:
        Network(name=LocalizedText({"en": "N"}), languages="en")

    assert ["$.languages"] == [p.where for p in ei.value.problems]


def test_localized_text_refuses_bad_pairs() -> None:
    """Text by language: tags must be tags, and each language is given once."""
    with pytest.raises(DataError) as ei:
        LocalizedText([("en", "a"), ("en", "b"), ("EN!", "c")])

    assert ["$.en", "$['EN!']"] == [p.where for p in ei.value.problems]


def test_localized_text_access() -> None:
    """A missing language is a KeyError that lists the languages there are."""
    text = LocalizedText({"fr": "Fusion", "en": "Merger"})

    assert "Merger" == text["en"]
    assert text.get("de") is None
    with pytest.raises(KeyError, match="'fr', 'en'"):
        text["de"]


def test_lone_surrogate_refused() -> None:
    """Text that no UTF-8 file can hold is refused when built, not when written."""
    with pytest.raises(DataError, match="surrogate"):
        LocalizedText({"en": "bad \ud800 text"})


def test_phase_helpers() -> None:
    """`contains` is closed at both ends; an open-ended phase runs on."""
    phase = _phase("open", 2017, None)

    assert phase.open_ended
    assert phase.contains(2017)
    assert phase.contains(9999)
    assert not phase.contains(2016)
    assert "2017–" == phase.span


def test_network_lookups_by_key() -> None:
    """`phase`, `service` and `snapshot` find a record or raise a KeyError naming the choices."""
    net = default_network()

    assert 2012 == net.phase("implantation").start
    assert ServiceKind.TOOL == net.service("boussole-entrepreneuriale").kind
    assert 56 == net.snapshot(2017).members
    with pytest.raises(KeyError, match="experimentation"):
        net.phase("nope")
    with pytest.raises(KeyError, match="parcours-coop"):
        net.service("nope")
    with pytest.raises(KeyError, match="2022"):
        net.snapshot(1999)


def test_models_are_frozen_and_hashable() -> None:
    """Objects are immutable values: they hash, and `attrs.evolve` makes changed copies."""
    net = default_network()

    assert hash(net) == hash(default_network())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        net.phases[0].start = 2000  # type: ignore[misc]
    evolved = attrs.evolve(net.snapshots[0], members=15)
    assert 15 == evolved.members
    assert 14 == net.snapshots[0].members


def test_evolve_is_validated() -> None:
    """`attrs.evolve` runs the same checks as building."""
    with pytest.raises(DataError, match="negative"):
        attrs.evolve(default_network().snapshots[0], members=-1)


@given(networks())
def test_generated_networks_are_valid_and_rebuild_equal(net: Network) -> None:
    """Rebuilding a valid network from its own fields gives an equal network."""
    rebuilt = Network(**{f.name: getattr(net, f.name) for f in attrs.fields(Network) if f.init})

    assert net == rebuilt
    assert hash(net) == hash(rebuilt)


@given(networks())
def test_reversed_phases_are_refused(net: Network) -> None:
    """Reversing two or more phases with different starts is always refused."""
    starts = {p.start for p in net.phases}
    if len(starts) < 2:
        return
    with pytest.raises(DataError):
        attrs.evolve(net, phases=tuple(reversed(net.phases)))


def test_share_and_source_checks() -> None:
    """A share is a fraction; a source's part is positive."""
    with pytest.raises(DataError) as ei:
        Share(value=float("nan"), of=LocalizedText({"en": "x"}), qualifier=Qualifier.NEARLY)
    assert ["$.value"] == [p.where for p in ei.value.problems]

    with pytest.raises(DataError) as ei:
        Source(key="s", title=LocalizedText({"en": "x"}), part=0)
    assert ["$.part"] == [p.where for p in ei.value.problems]


def test_a_share_says_what_is_inferred() -> None:
    """A share lists its inferred fields, each a field of a share, once."""
    share = Share(value=0.5, of=LocalizedText({"en": "x"}), inferred=["value"])
    with pytest.raises(DataError) as ei:
        Share(value=0.5, of=LocalizedText({"en": "x"}), inferred=["of", "of", "quote"])

    assert (True, False) == (share.is_inferred("value"), share.is_inferred("of"))
    assert ["$.inferred[1]", "$.inferred[2]"] == [p.where for p in ei.value.problems]


def test_service_and_milestone_types() -> None:
    """Enum and bool fields take the enum and bools only."""
    with pytest.raises(DataError) as ei:
        Service(
            key="s",
            name=LocalizedText({"en": "x"}),
            kind="tools",  # type: ignore[arg-type]
            flagship=1,  # type: ignore[arg-type]
        )
    assert ["$.kind", "$.flagship"] == [p.where for p in ei.value.problems]

    with pytest.raises(DataError) as ei:
        Milestone(key="m", year=2000.0, name=LocalizedText({"en": "x"}))  # type: ignore[arg-type]
    assert ["$.year"] == [p.where for p in ei.value.problems]


def test_dating_by_phase_default_dataset() -> None:
    """The default dataset's phase-dated snapshots sit at their phase's end year."""
    net = default_network()
    for snapshot in net.snapshots:
        if snapshot.dating is Dating.PHASE:
            assert snapshot.phase is not None
            assert net.phase(snapshot.phase).end == snapshot.year
