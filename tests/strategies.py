"""Hypothesis strategies that build valid model objects, and the pieces they are made of."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from reseau_coop import (
    Claim,
    DataError,
    Dating,
    Direction,
    GrowthClaim,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    PhaseLookupError,
    Qualifier,
    Relation,
    ReseauCoopError,
    Service,
    ServiceKind,
    Share,
    ShareClaim,
    SnapshotLookupError,
    Source,
    TrendClaim,
)
from reseau_coop._errors import Problem

MIN_YEAR, MAX_YEAR = 1, 9999

LANGUAGE_TAGS = ("fr", "en", "es", "de", "pt-BR", "iu")

#: Any text a UTF-8 file can hold that is not blank: accents, ’ « », emoji, RTL scripts.
texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(
    str.strip
)

#: Identifiers: non-empty, no white space at either end.
keys = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    texts.map(str.strip).filter(bool),
)

years = st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR)
qualifiers = st.sampled_from(Qualifier)
languages = st.lists(st.sampled_from(LANGUAGE_TAGS), min_size=1, max_size=3, unique=True)


def localized(langs: Sequence[str]) -> st.SearchStrategy[LocalizedText]:
    """Text in exactly the languages *langs*."""
    return st.fixed_dictionaries(dict.fromkeys(langs, texts)).map(LocalizedText)


def maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """*strategy*, or `None`."""
    return st.none() | strategy


def sources(langs: Sequence[str]) -> st.SearchStrategy[Source]:
    """Sources whose texts are in *langs*."""
    return st.builds(
        Source,
        key=keys,
        title=localized(langs),
        language=st.none() | st.sampled_from(LANGUAGE_TAGS),
        part=st.none() | st.just(1),
        parts=st.none() | st.integers(1, 12),
        url=st.none() | st.just("https://example.org/history"),
        references=st.lists(texts, max_size=2),
        note=st.none() | localized(langs),
    )


def shares(langs: Sequence[str]) -> st.SearchStrategy[Share]:
    """Shares of a whole, hedged by any qualifier."""
    return st.builds(
        Share,
        value=st.floats(min_value=0, max_value=1),
        of=localized(langs),
        qualifier=qualifiers,
        quote=st.none() | texts,
        inferred=st.lists(st.sampled_from(["value", "of", "qualifier"]), unique=True, max_size=2),
        note=st.none() | localized(langs),
    )


@st.composite
def networks(
    draw: st.DrawFn,
    *,
    max_phases: int = 5,
    max_snapshots: int = 8,
) -> Network:
    """Valid networks: any size (none of each collection included), any languages."""
    langs: list[str] = draw(languages)

    def text() -> LocalizedText:
        return draw(localized(langs))

    source_list: list[Source] = draw(
        st.lists(sources(langs), max_size=2, unique_by=lambda s: s.key)
    )
    source_keys = [s.key for s in source_list]

    def provenance(fields: Sequence[str]) -> dict[str, Any]:
        return {
            "source": draw(st.none() | st.sampled_from(source_keys)) if source_keys else None,
            "quote": draw(st.none() | texts),
            "inferred": draw(st.lists(st.sampled_from(fields), unique=True, max_size=2)),
            "note": draw(st.none() | localized(langs)),
        }

    # Phases: in order of start, neighbours sharing at most one year, gaps allowed,
    # the last one possibly open-ended.
    phases: list[Phase] = []
    count: int = draw(st.integers(0, max_phases))
    year: int = draw(st.integers(MIN_YEAR, MAX_YEAR - 200))
    phase_keys: list[str] = draw(st.lists(keys, min_size=count, max_size=count, unique=True))
    for index, key in enumerate(phase_keys):
        length: int = draw(st.integers(0, 25))
        end: int | None = year + length
        if index == count - 1 and draw(st.booleans()):
            end = None
        phases.append(
            Phase(
                key=key,
                name=text(),
                start=year,
                end=end,
                summary=draw(st.none() | localized(langs)),
                **provenance(["key", "name", "start", "end", "summary"]),
            )
        )
        if end is not None:
            year = end + draw(st.integers(0, 10))

    services = [
        Service(
            key=key,
            name=text(),
            kind=draw(st.sampled_from(ServiceKind)),
            description=draw(st.none() | localized(langs)),
            introduced=draw(st.none() | st.sampled_from(phase_keys)) if phase_keys else None,
            scope=draw(st.none() | localized(langs)),
            flagship=draw(st.booleans()),
            **provenance(["kind", "introduced", "scope", "flagship"]),
        )
        for key in draw(st.lists(keys, max_size=4, unique=True))
    ]

    # Snapshots: strictly increasing years; a snapshot dated by a phase sits at its end year.
    phase_ends = {p.end: p for p in phases if p.end is not None}
    candidates: list[int] = draw(
        st.lists(st.sampled_from(sorted(phase_ends)) | years, max_size=max_snapshots)
        if phase_ends
        else st.lists(years, max_size=max_snapshots)
    )
    snapshots: list[MembershipSnapshot] = []
    for snapshot_year in sorted(set(candidates)):
        dating = Dating.YEAR
        phase_key: str | None = None
        if snapshot_year in phase_ends and draw(st.booleans()):
            dating, phase_key = Dating.PHASE, phase_ends[snapshot_year].key
        else:
            containing = [p.key for p in phases if p.contains(snapshot_year)]
            name_phase: bool = draw(st.booleans())
            if containing and name_phase:
                phase_key = draw(st.sampled_from(containing))
        snapshots.append(
            MembershipSnapshot(
                year=snapshot_year,
                members=draw(st.integers(0, 10_000)),
                qualifier=draw(qualifiers),
                dating=dating,
                phase=phase_key,
                share=draw(st.none() | shares(langs)),
                **provenance(["year", "members", "qualifier", "share"]),
            )
        )

    milestone_years: list[int] = sorted(draw(st.lists(years, max_size=3)))
    milestone_keys: list[str] = draw(
        st.lists(keys, min_size=len(milestone_years), max_size=len(milestone_years), unique=True)
    )
    milestones = [
        Milestone(
            key=key,
            year=milestone_year,
            name=text(),
            description=draw(st.none() | localized(langs)),
            **provenance(["year", "name"]),
        )
        for key, milestone_year in zip(milestone_keys, milestone_years, strict=True)
    ]

    claims = [
        Claim(key=key, text=text(), **draw(claim_kinds(langs)), **provenance(["growth", "text"]))
        for key in draw(st.lists(keys, max_size=2, unique=True))
    ]

    return Network(
        name=text(),
        languages=langs,
        description=draw(st.none() | localized(langs)),
        sources=source_list,
        phases=phases,
        services=services,
        snapshots=snapshots,
        milestones=milestones,
        claims=claims,
    )


@st.composite
def claim_kinds(draw: st.DrawFn, langs: Sequence[str]) -> dict[str, Any]:
    """One kind of claim, as the keyword `Claim` takes it: growth, trend or share."""
    kind: str = draw(st.sampled_from(["growth", "trend", "share"]))
    first, last = sorted(draw(st.tuples(years, years)))
    if kind == "growth":
        whole: bool = draw(st.booleans())
        return {
            "growth": GrowthClaim(
                multiple=draw(st.integers(1, 20) | st.floats(0.01, 100)),
                relation=draw(st.sampled_from(Relation)),
                start=None if whole else first,
                end=None if whole else last,
            )
        }
    if kind == "trend":
        direction: Direction = draw(st.sampled_from(Direction))
        return {"trend": TrendClaim(start=first, end=last, direction=direction)}
    share = ShareClaim(
        value=draw(st.floats(min_value=0, max_value=1)),
        of=draw(localized(langs)),
        qualifier=draw(qualifiers),
        population=draw(st.none() | st.integers(1, 10**6)),
        year=draw(st.none() | years),
    )
    return {"share": share}


def _json_containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)


#: Any value JSON can hold (floats include NaN and the infinities, as Python writes them).
json_values: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    _json_containers,
    max_leaves=40,
)


# ---------------------------------------------------------------- errors

#: Problems at any path: keys of any text, indices of any size.
problems = st.builds(
    Problem,
    st.lists(st.text(max_size=12) | st.integers(min_value=0), max_size=5).map(tuple),
    st.text(max_size=40),
)

#: Every kind of error the library raises, with any message and data.
errors: st.SearchStrategy[ReseauCoopError] = st.one_of(
    st.builds(ReseauCoopError, st.text(max_size=40)),
    st.builds(
        DataError, st.lists(problems, max_size=120), subject=st.sampled_from(["data", "file"])
    ),
    st.builds(PhaseLookupError, st.text(max_size=40), when=st.integers()),
    st.builds(
        SnapshotLookupError,
        st.text(max_size=40),
        year=st.integers(),
        available=st.lists(years, max_size=6).map(tuple),
    ),
)
