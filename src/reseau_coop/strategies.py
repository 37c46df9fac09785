"""
Hypothesis strategies that draw valid networks, their records and documents.

For the tests of apps built on `reseau_coop`; needs the `hypothesis` extra:
`pip install "reseau-coop[hypothesis]"`.

Every strategy draws objects that pass validation, and between them they cover
every field and variant of the model: phases with gaps between them, sharing a
year or back to back, an open-ended last phase; snapshots dated by a year or by
a phase, with shares and every qualifier; services of every kind; milestones;
claims of every kind and relation; sources, quotes, inferred fields and notes.
Installing the package registers them with Hypothesis (through its entry
point), so `st.from_type(reseau_coop.Network)` (and `Phase`,
`MembershipSnapshot`, `Claim`, …) draws from them.

Examples:
    >>> from hypothesis import given
    >>> from reseau_coop import dumps, loads
    >>> @given(networks(languages=["fr", "en"]))
    ... def test_round_trip(net):
    ...     assert loads(dumps(net)) == net
    >>> test_round_trip()

"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Final, TypedDict, TypeVar, Unpack

from attrs import field, frozen

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError:
    msg = (
        "reseau_coop.strategies needs Hypothesis, which is not installed: "
        'pip install "reseau-coop[hypothesis]"'
    )
    raise ImportError(msg) from None

from . import _checks
from ._io import Format, dumps
from ._model import (
    MAX_YEAR,
    MIN_YEAR,
    Claim,
    Dating,
    Direction,
    GrowthClaim,
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
    ShareClaim,
    Source,
    TrendClaim,
)

__all__ = [
    "LANGUAGE_TAGS",
    "MAX_PHASES",
    "NetworkOptions",
    "claims",
    "documents",
    "milestones",
    "networks",
    "phases",
    "services",
    "shares",
    "snapshots",
    "sources",
    "texts",
]

LANGUAGE_TAGS: Final = ("fr", "en", "es", "de", "pt-BR", "iu-Latn")
"""The languages drawn when none are given."""

MAX_PHASES: Final = 250
"""The most phases a network can be asked for: each spans up to 35 years of 1–9999."""

_T = TypeVar("_T")

#: Text a UTF-8 file can hold that is not blank: accents, ’ « », emoji, right-to-left scripts.
_words = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40).filter(
    str.strip
)

#: Keys: non-empty, no white space at either end.
_keys = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True) | _words.map(str.strip).filter(bool)

_years = st.integers(MIN_YEAR, MAX_YEAR)

#: From the end of a phase to the start of the next: sharing that year, the year after, or later.
_gaps = st.just(0) | st.just(1) | st.integers(2, 10)
_members = st.integers(0, 10_000)


#: The names of fields that may be inferred, each at most once, by class.
_INFERRED = {
    cls: st.lists(st.sampled_from(_checks.inferable(cls)), unique=True)
    for cls in (Phase, Service, MembershipSnapshot, Milestone, Share, Claim)
}


def _maybe(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


# --------------------------------------------------------------------------- arguments


def _languages(languages: Sequence[str] | None) -> st.SearchStrategy[tuple[str, ...]]:
    """The languages to use: those given, checked, or one to three drawn ones."""
    if languages is None:
        return st.lists(st.sampled_from(LANGUAGE_TAGS), min_size=1, max_size=3, unique=True).map(
            tuple
        )
    given = languages if isinstance(languages, str) else tuple(languages)
    problems = list(_checks.language_problems(given))
    if problems:
        details = "; ".join(problem.message for problem in problems)
        msg = f"languages={languages!r} is not a list of language tags, each once: {details}"
        raise InvalidArgument(msg)
    return st.just(tuple(languages))


def _sizes(name: str, least: int, most: int) -> None:
    """Check a `min_NAME`/`max_NAME` pair."""
    if not 0 <= least <= most:
        msg = f"min_{name}={least} and max_{name}={most}: need 0 <= min_{name} <= max_{name}"
        raise InvalidArgument(msg)


# --------------------------------------------------------------------------- records


@frozen
class _Context:
    """
    What the records of one network share: the draw, the languages, the sources' keys.

    *sources* is `None` for a record drawn on its own, which may cite any key.
    """

    draw: st.DrawFn
    languages: tuple[str, ...]
    sources: Sequence[str] | None
    with_provenance: bool = field(kw_only=True)

    def text(self) -> LocalizedText:
        return self.draw(_texts_in(self.languages))

    def maybe_text(self) -> LocalizedText | None:
        return self.draw(_maybe_texts_in(self.languages))

    def provenance(self, cls: type[Any]) -> dict[str, Any]:
        """`source`, `quote`, `inferred` and `note` for a record of *cls*."""
        if not self.with_provenance:
            return {}
        draw = self.draw
        return {
            "source": draw(_reference(self.sources)),
            "quote": draw(_maybe(_words)),
            "inferred": draw(_INFERRED[cls]),
            "note": self.maybe_text(),
        }


def _reference(keys: Sequence[str] | None) -> st.SearchStrategy[str | None]:
    """`None` or one of *keys*; any key when *keys* is `None` (a record drawn on its own)."""
    if keys is None:
        return _maybe(_keys)
    return _maybe(st.sampled_from(keys)) if keys else st.none()


# The strategies below are built once for each argument: building one costs more than drawing.


@functools.lru_cache(maxsize=256)
def _texts_in(languages: tuple[str, ...]) -> st.SearchStrategy[LocalizedText]:
    """Text in each of *languages*, in their order."""
    words = st.tuples(*[_words] * len(languages))
    return words.map(lambda texts: LocalizedText(zip(languages, texts, strict=True)))


@functools.lru_cache(maxsize=256)
def _maybe_texts_in(languages: tuple[str, ...]) -> st.SearchStrategy[LocalizedText | None]:
    return _maybe(_texts_in(languages))


def texts(*, languages: Sequence[str] | None = None) -> st.SearchStrategy[LocalizedText]:
    """
    Text in each of *languages*, or in one to three languages drawn from `LANGUAGE_TAGS`.

    The texts are any non-blank Unicode a UTF-8 file can hold: accents, ’ « »,
    emoji, right-to-left scripts.

    Args:
        languages: Language tags (`["fr", "en"]`), each once.

    Raises:
        hypothesis.errors.InvalidArgument: If *languages* are not language tags, each once.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(texts(languages=["fr", "en"]))
        ... def test(text):
        ...     assert ("fr", "en") == text.languages
        >>> test()

    """
    return _languages(languages).flatmap(_texts_in)


def sources(*, languages: Sequence[str] | None = None) -> st.SearchStrategy[Source]:
    """
    Sources with any of their optional fields: language, part of a series, URL, references.

    Args:
        languages: The languages of their texts (title, note); drawn when not given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(sources())
        ... def test(source):
        ...     assert source.part is None or source.part <= (source.parts or source.part)
        >>> test()

    """
    return _languages(languages).flatmap(_sources_in)


@st.composite
def _sources_in(draw: st.DrawFn, languages: tuple[str, ...]) -> Source:
    parts = draw(_maybe(st.integers(1, 12)))
    return Source(
        key=draw(_keys),
        title=draw(_texts_in(languages)),
        language=draw(_maybe(st.sampled_from(LANGUAGE_TAGS))),
        part=draw(_maybe(st.integers(1, parts or 12))),
        parts=parts,
        url=draw(_maybe(st.just("https://example.org/history"))),
        references=draw(st.lists(_words, max_size=2)),
        note=draw(_maybe(_texts_in(languages))),
    )


def _records(
    languages: Sequence[str] | None,
    build: Callable[[_Context], _T],
    *,
    with_provenance: bool,
) -> st.SearchStrategy[_T]:
    """Records drawn on their own by *build*, in *languages* (checked now), citing any source."""
    tags = _languages(languages)

    @st.composite
    def records(draw: st.DrawFn) -> _T:
        return build(_Context(draw, draw(tags), None, with_provenance=with_provenance))

    return records()


def _phase(context: _Context, key: str, start: int, end: int | None) -> Phase:
    return Phase(
        key=key,
        name=context.text(),
        start=start,
        end=end,
        summary=context.maybe_text(),
        **context.provenance(Phase),
    )


def phases(
    *,
    languages: Sequence[str] | None = None,
    open_ended: bool | None = None,
    with_provenance: bool = True,
) -> st.SearchStrategy[Phase]:
    """
    Phases on their own: a span of years from one year long, or open-ended.

    `networks` draws the phases of a network, in order; this draws one.

    Args:
        languages: The languages of their texts; drawn when not given.
        open_ended: `True` for open-ended phases only, `False` for none, `None` for both.
        with_provenance: Whether `source`, `quote`, `inferred` and `note` may be given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(phases(open_ended=True))
        ... def test(phase):
        ...     assert phase.open_ended and phase.contains(9999)
        >>> test()

    """

    def build(context: _Context) -> Phase:
        draw = context.draw
        start = draw(_years)
        end: int | None = draw(st.integers(start, min(start + 40, MAX_YEAR)))
        if open_ended or (open_ended is None and draw(st.booleans())):
            end = None
        return _phase(context, draw(_keys), start, end)

    return _records(languages, build, with_provenance=with_provenance)


def _service(context: _Context, key: str, phase_keys: Sequence[str] | None) -> Service:
    draw = context.draw
    return Service(
        key=key,
        name=context.text(),
        kind=draw(st.sampled_from(ServiceKind)),
        description=context.maybe_text(),
        introduced=draw(_reference(phase_keys)),
        scope=context.maybe_text(),
        flagship=draw(st.booleans()),
        **context.provenance(Service),
    )


def services(
    *, languages: Sequence[str] | None = None, with_provenance: bool = True
) -> st.SearchStrategy[Service]:
    """
    Services on their own, of every kind, flagship or not, introduced in any phase or none.

    Args:
        languages: The languages of their texts; drawn when not given.
        with_provenance: Whether `source`, `quote`, `inferred` and `note` may be given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(services(with_provenance=False))
        ... def test(service):
        ...     assert service.source is None and not service.inferred
        >>> test()

    """
    return _records(
        languages,
        lambda context: _service(context, context.draw(_keys), None),
        with_provenance=with_provenance,
    )


def _share(context: _Context) -> Share:
    draw = context.draw
    return Share(
        value=draw(st.floats(min_value=0, max_value=1)),
        of=context.text(),
        qualifier=draw(st.sampled_from(Qualifier)),
        quote=draw(_maybe(_words)),
        inferred=draw(_INFERRED[Share]),
        note=context.maybe_text(),
    )


def shares(*, languages: Sequence[str] | None = None) -> st.SearchStrategy[Share]:
    """
    Shares of a whole: fractions in [0, 1], hedged by any qualifier.

    Args:
        languages: The languages of their texts; drawn when not given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(shares())
        ... def test(share):
        ...     assert 0 <= share.value <= 1
        >>> test()

    """
    return _records(languages, _share, with_provenance=False)


def _snapshot(
    context: _Context, year: int, dating: Dating, phase: str | None
) -> MembershipSnapshot:
    draw = context.draw
    return MembershipSnapshot(
        year=year,
        members=draw(_members),
        qualifier=draw(st.sampled_from(Qualifier)),
        dating=dating,
        phase=phase,
        share=_share(context) if draw(st.booleans()) else None,
        **context.provenance(MembershipSnapshot),
    )


def snapshots(
    *, languages: Sequence[str] | None = None, with_provenance: bool = True
) -> st.SearchStrategy[MembershipSnapshot]:
    """
    Snapshots on their own: any qualifier, with or without a share, dated by a year or a phase.

    A snapshot dated by a phase names one (any key): in a network, `networks`
    gives it the end year of that phase.

    Args:
        languages: The languages of their texts; drawn when not given.
        with_provenance: Whether `source`, `quote`, `inferred` and `note` may be given.

    Examples:
        >>> from reseau_coop import Dating
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(snapshots())
        ... def test(snapshot):
        ...     assert snapshot.dating is Dating.YEAR or snapshot.phase is not None
        >>> test()

    """

    def build(context: _Context) -> MembershipSnapshot:
        draw = context.draw
        dating = draw(st.sampled_from(Dating))
        phase = draw(_keys if dating is Dating.PHASE else _maybe(_keys))
        return _snapshot(context, draw(_years), dating, phase)

    return _records(languages, build, with_provenance=with_provenance)


def _milestone(context: _Context, key: str, year: int) -> Milestone:
    return Milestone(
        key=key,
        year=year,
        name=context.text(),
        description=context.maybe_text(),
        **context.provenance(Milestone),
    )


def milestones(
    *, languages: Sequence[str] | None = None, with_provenance: bool = True
) -> st.SearchStrategy[Milestone]:
    """
    Milestones on their own: a dated event, with or without a description.

    Args:
        languages: The languages of their texts; drawn when not given.
        with_provenance: Whether `source`, `quote`, `inferred` and `note` may be given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(milestones(languages=["fr"]))
        ... def test(milestone):
        ...     assert "fr" in milestone.name.languages
        >>> test()

    """
    return _records(
        languages,
        lambda context: _milestone(context, context.draw(_keys), context.draw(_years)),
        with_provenance=with_provenance,
    )


def _claim(context: _Context, key: str) -> Claim:
    """A claim of any kind: a growth (over two years or the whole history), a trend, a share."""
    draw = context.draw
    first, last = sorted(draw(st.tuples(_years, _years)))
    kind: str = draw(st.sampled_from(["growth", "trend", "share"]))
    said: dict[str, Any] = {}
    if kind == "growth":
        whole: bool = draw(st.booleans())
        said["growth"] = GrowthClaim(
            multiple=draw(st.integers(1, 20) | st.floats(0.01, 100)),
            relation=draw(st.sampled_from(Relation)),
            start=None if whole else first,
            end=None if whole else last,
        )
    elif kind == "trend":
        said["trend"] = TrendClaim(
            start=first, end=last, direction=draw(st.sampled_from(Direction))
        )
    else:
        said["share"] = ShareClaim(
            value=draw(st.floats(min_value=0, max_value=1)),
            of=context.text(),
            qualifier=draw(st.sampled_from(Qualifier)),
            population=draw(_maybe(st.integers(1, 10**6))),
            year=draw(_maybe(_years)),
        )
    return Claim(key=key, text=context.text(), **said, **context.provenance(Claim))


def claims(
    *, languages: Sequence[str] | None = None, with_provenance: bool = True
) -> st.SearchStrategy[Claim]:
    """
    Claims on their own: growths (over two years or the whole history), trends and shares.

    Args:
        languages: The languages of their texts; drawn when not given.
        with_provenance: Whether `source`, `quote`, `inferred` and `note` may be given.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(claims(languages=["en"]))
        ... def test(claim):
        ...     assert claim.kind in (claim.growth, claim.trend, claim.share)
        >>> test()

    """
    return _records(
        languages,
        lambda context: _claim(context, context.draw(_keys)),
        with_provenance=with_provenance,
    )


# --------------------------------------------------------------------------- networks


def networks(
    *,
    languages: Sequence[str] | None = None,
    min_phases: int = 0,
    max_phases: int = 5,
    min_snapshots: int = 0,
    max_snapshots: int = 8,
    open_ended: bool | None = None,
    with_provenance: bool = True,
) -> st.SearchStrategy[Network]:
    """
    Valid networks, with every kind of record and every variant the model allows.

    Phases come in order, each from 0 to 25 years long, neighbours sharing a
    year, back to back or with a gap; snapshots come in order of year, some
    dated by the phase whose end year they have, some naming the phase they fall
    in, with or without a share; services name the phase they were introduced
    in; milestones come in order of year; claims of every kind; records cite the
    network's sources.

    Args:
        languages: The network's languages, each once; one to three are drawn when not given.
        min_phases: The fewest phases.
        max_phases: The most phases (at most 250).
        min_snapshots: The fewest snapshots.
        max_snapshots: The most snapshots.
        open_ended: `True`: the last phase is open-ended (so there is at least one);
            `False`: no phase is; `None`: either.
        with_provenance: `False` for networks without sources, and records without
            `source`, `quote`, `inferred` or `note`.

    Raises:
        hypothesis.errors.InvalidArgument: For sizes out of order or out of range,
            or languages that are not language tags, each once.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(networks(min_phases=2, open_ended=True))
        ... def test(net):
        ...     assert len(net.phases) >= 2 and net.phases[-1].open_ended
        >>> test()

    """
    _sizes("phases", min_phases, max_phases)
    _sizes("snapshots", min_snapshots, max_snapshots)
    if max_phases > MAX_PHASES:
        msg = f"max_phases={max_phases}: a network drawn here has at most {MAX_PHASES} phases"
        raise InvalidArgument(msg)
    if open_ended and max_phases == 0:
        msg = "open_ended=True needs a phase, but max_phases=0"
        raise InvalidArgument(msg)
    return _languages(languages).flatmap(
        lambda tags: _networks(
            tags,
            phases=(max(min_phases, 1 if open_ended else 0), max_phases),
            snapshots=(min_snapshots, max_snapshots),
            open_ended=open_ended,
            with_provenance=with_provenance,
        )
    )


@st.composite
def _networks(
    draw: st.DrawFn,
    languages: tuple[str, ...],
    *,
    phases: tuple[int, int],
    snapshots: tuple[int, int],
    open_ended: bool | None,
    with_provenance: bool,
) -> Network:
    source_list: list[Source] = (
        draw(st.lists(_sources_in(languages), max_size=2, unique_by=lambda s: s.key))
        if with_provenance
        else []
    )
    context = _Context(
        draw, languages, [s.key for s in source_list], with_provenance=with_provenance
    )
    phase_list = _phase_chain(context, *phases, open_ended=open_ended)
    phase_keys = [p.key for p in phase_list]
    return Network(
        name=context.text(),
        languages=languages,
        description=context.maybe_text(),
        sources=source_list,
        phases=phase_list,
        services=[
            _service(context, key, phase_keys)
            for key in draw(st.lists(_keys, max_size=4, unique=True))
        ],
        snapshots=_snapshot_series(context, phase_list, *snapshots),
        milestones=_milestone_series(context),
        claims=[_claim(context, key) for key in draw(st.lists(_keys, max_size=2, unique=True))],
    )


def _milestone_series(context: _Context) -> list[Milestone]:
    """Milestones in order of year (two may share one)."""
    draw = context.draw
    years = sorted(draw(st.lists(_years, max_size=3)))
    keys = draw(st.lists(_keys, min_size=len(years), max_size=len(years), unique=True))
    return [_milestone(context, key, year) for key, year in zip(keys, years, strict=True)]


def _phase_chain(
    context: _Context, least: int, most: int, *, open_ended: bool | None
) -> list[Phase]:
    """Phases in order of start: neighbours sharing a year, back to back, or with a gap."""
    draw = context.draw
    keys: list[str] = draw(st.lists(_keys, min_size=least, max_size=most, unique=True))
    year: int = draw(st.integers(MIN_YEAR, MAX_YEAR - 35 * len(keys)))
    chain: list[Phase] = []
    for index, key in enumerate(keys):
        end: int | None = year + draw(st.integers(0, 25))
        if index == len(keys) - 1 and (open_ended or (open_ended is None and draw(st.booleans()))):
            end = None
        chain.append(_phase(context, key, year, end))
        if end is not None:
            year = end + draw(_gaps)
    return chain


def _snapshot_series(
    context: _Context, phases: list[Phase], least: int, most: int
) -> list[MembershipSnapshot]:
    """Snapshots in order of year, dated by a year or by the phase whose end year they have."""
    draw = context.draw
    ends = {phase.end: phase.key for phase in phases if phase.end is not None}
    years = _years | st.sampled_from(sorted(ends)) if ends else _years
    series: list[MembershipSnapshot] = []
    for year in sorted(draw(st.lists(years, min_size=least, max_size=most, unique=True))):
        if year in ends and draw(st.booleans()):
            series.append(_snapshot(context, year, Dating.PHASE, ends[year]))
            continue
        containing = [phase.key for phase in phases if phase.contains(year)]
        phase = draw(_maybe(st.sampled_from(containing))) if containing else None
        series.append(_snapshot(context, year, Dating.YEAR, phase))
    return series


class NetworkOptions(TypedDict, total=False):
    """The keyword arguments of `networks`, which `documents` passes on."""

    languages: Sequence[str] | None
    min_phases: int
    max_phases: int
    min_snapshots: int
    max_snapshots: int
    open_ended: bool | None
    with_provenance: bool


def documents(
    *,
    format: Format = "json",  # noqa: A002 - the name `dumps` takes
    **options: Unpack[NetworkOptions],
) -> st.SearchStrategy[str]:
    """
    Valid documents as text: networks drawn by `networks(**options)`, written by `dumps`.

    Args:
        format: `"json"` or `"toml"`.
        **options: The keyword arguments of `networks`.

    Examples:
        >>> from reseau_coop import loads
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(documents(format="toml", min_phases=1))
        ... def test(doc):
        ...     assert loads(doc, format="toml").phases
        >>> test()

    """
    if format not in {"json", "toml"}:
        msg = f"format={format!r}: documents are 'json' or 'toml'"
        raise InvalidArgument(msg)
    return networks(**options).map(lambda net: dumps(net, format))


def __dir__() -> list[str]:
    return __all__
