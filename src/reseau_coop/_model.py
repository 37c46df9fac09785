"""
The data model: the enums and the frozen, slotted attrs classes of the records.

Every record is checked when built, by the rules of `_checks`: one `DataError`
names every bad field at once, each by its path (`phases[1].start`). The
constructors first take what people write for a value (a `dict` of texts by
language, an enum's value, any iterable for a list): the checks convert it
before they check it, and what does not convert is named as it was given.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, cast

from attrs import evolve, field, frozen

from ._errors import (
    LanguageKeyError,
    PhaseKeyError,
    ServiceKeyError,
    listing,
    missing_snapshot,
    shown,
    unknown_key,
)

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Dating",
    "LocalizedText",
    "MembershipSnapshot",
    "Milestone",
    "Network",
    "Phase",
    "Qualifier",
    "Service",
    "ServiceKind",
    "Share",
    "Source",
]

MIN_YEAR = 1
"""The first year the model accepts (that of `datetime.MINYEAR`)."""
MAX_YEAR = 9999
"""The last year the model accepts (that of `datetime.MAXYEAR`)."""
MAX_COUNT = 2**53 - 1
"""The largest count the model accepts: the largest integer a float holds exactly."""


class Qualifier(enum.Enum):
    """
    How a figure relates to the true value: the hedge the source puts on it.

    The value is the lower-case name used in JSON and TOML documents.

    Examples:
        >>> Qualifier("approximate")
        <Qualifier.APPROXIMATE: 'approximate'>

    """

    EXACT = "exact"
    """The figure is given as is ("56 coopératives membres")."""
    APPROXIMATE = "approximate"
    """Around the figure, either side ("autour de 35")."""
    AT_LEAST = "at_least"
    """The true value is the figure or more ("au moins", "plus de")."""
    AT_MOST = "at_most"
    """The true value is the figure or less ("au plus", "jusqu’à")."""
    NEARLY = "nearly"
    """Close to the figure and at most it ("près de la moitié")."""

    @property
    def sign(self) -> str:
        """
        The sign a figure with this hedge is shown with: `""` for `EXACT`, else `≈ ≥ ≤ ≲`.

        `format_count` puts it before the figure, with a space: `≈ 35`.

        Examples:
            >>> [qualifier.sign for qualifier in Qualifier]
            ['', '≈', '≥', '≤', '≲']

        Added in version 0.1.

        """
        from ._text import SIGNS  # the text layer builds on the model

        return SIGNS[self]


class Dating(enum.Enum):
    """How a snapshot is dated: by a calendar year, or only by the phase it belongs to."""

    YEAR = "year"
    """The source gives (or implies) the calendar year."""
    PHASE = "phase"
    """The source dates the figure only by a phase; its `year` is that phase's end year."""


class ServiceKind(enum.Enum):
    """What kind of offer a service is."""

    SUPPORT = "support"
    """Hands-on assistance, such as start-up assistance (aide au démarrage)."""
    TOOL = "tool"
    """A tool people use by themselves, such as a self-assessment test."""
    PROGRAM = "program"
    """A program people register for and follow."""
    CONSULTING = "consulting"
    """Consulting services (services-conseils)."""
    TRAINING = "training"
    """A training course (formation)."""
    OTHER = "other"
    """Anything else."""


QualifierValue: TypeAlias = Literal["exact", "approximate", "at_least", "at_most", "nearly"]
"""The values of `Qualifier`, which constructors take for it: `qualifier="approximate"`."""
DatingValue: TypeAlias = Literal["year", "phase"]
"""The values of `Dating`, which constructors take for it: `dating="phase"`."""
ServiceKindValue: TypeAlias = Literal[
    "support", "tool", "program", "consulting", "training", "other"
]
"""The values of `ServiceKind`, which constructors take for it: `kind="tool"`."""
RelationValue: TypeAlias = Literal["more_than", "at_least", "nearly", "about"]
"""The values of `Relation`, which constructors take for it: `relation="more_than"`."""
DirectionValue: TypeAlias = Literal["up", "down", "flat"]
"""The values of `Direction`, which constructors take for it: `direction="up"`."""

if TYPE_CHECKING:
    # What the constructors take for an enum or a text field, as type checkers see it. At run
    # time these fields have no converter: the conversion is the first step of
    # `_checks.validate`, which the loader (whose values are already converted) skips, so
    # reading a document pays nothing for it.

    def _qualifier(value: Qualifier | QualifierValue) -> Qualifier: ...
    def _dating(value: Dating | DatingValue) -> Dating: ...
    def _service_kind(value: ServiceKind | ServiceKindValue) -> ServiceKind: ...
    def _relation(value: Relation | RelationValue) -> Relation: ...
    def _direction(value: Direction | DirectionValue) -> Direction: ...
    def _text(value: LocalizedText | Mapping[str, str]) -> LocalizedText: ...
    def _optional_text(value: LocalizedText | Mapping[str, str] | None) -> LocalizedText | None: ...

else:
    _qualifier = _dating = _service_kind = _relation = _direction = _text = _optional_text = None


def _seq(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable but a string or a mapping into a tuple; leave the rest for checks."""
    if type(value) is tuple:
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


# One converter for each type of item, so that type checkers know what each collection
# takes (`phases=[1, 2]` is an error): they read a converter's signature, not a generic one.


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _seq(value)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return _seq(value)


def _phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return _seq(value)


def _services(value: Iterable[Service]) -> tuple[Service, ...]:
    return _seq(value)


def _snapshots(value: Iterable[MembershipSnapshot]) -> tuple[MembershipSnapshot, ...]:
    return _seq(value)


def _milestones(value: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return _seq(value)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return _seq(value)


class Provenance:
    """
    What the records that carry provenance share.

    Those records have four fields that say where their values come from:
    `source` (the key of a `Source` of the network), `quote` (the source's own
    words), `inferred` (the names of the fields whose values the source does not
    state but that were inferred from it) and `note` (how, or any remark).

    Attributes:
        source: The `key` of the network's `Source` the values come from.
        quote: The source's own words, hedge and typography kept.
        inferred: The fields whose values the source does not state but that were inferred from it.
        note: How they were inferred, or any remark.

    """

    __slots__ = ()
    source: str | None
    quote: str | None
    inferred: tuple[str, ...]
    note: LocalizedText | None

    def is_inferred(self, name: str) -> bool:
        """
        Whether the value of field *name* is inferred rather than stated by the source.

        Examples:
            >>> from reseau_coop import default_network
            >>> first = default_network().snapshots[0]
            >>> first.is_inferred("year"), first.is_inferred("members")
            (True, False)

        """
        return name in self.inferred


# --------------------------------------------------------------------------- text


def _to_pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    if type(value) is dict or isinstance(value, Mapping):
        return tuple(value.items())
    return _seq(value)


@frozen
class LocalizedText:
    """
    Text in one or more languages, keyed by language tag (`"fr"`, `"en"`).

    The languages keep the order they were given in, and documents write the
    text as a table: `{"fr": "Phase d’implantation", "en": "Establishment phase"}`.

    Examples:
        >>> name = LocalizedText({"fr": "Phase d’implantation", "en": "Establishment phase"})
        >>> name["en"]
        'Establishment phase'
        >>> name.languages
        ('fr', 'en')

    Attributes:
        texts: The `(language, text)` pairs, in the order given.

    """

    texts: tuple[tuple[str, str], ...] = field(converter=_to_pairs)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    def __getitem__(self, language: str) -> str:
        """
        The text in *language*.

        Raises:
            LanguageKeyError: If there is none in it (a `KeyError`); `get` gives
                `None` then, and `pick` the first text given.

        """
        for tag, text in self.texts:
            if tag == language:
                return text
        msg = f"no text in {shown(language)}; this text has {listing(self.languages)}"
        raise LanguageKeyError(msg, language=language, available=self.languages)

    def get(self, language: str, default: str | None = None) -> str | None:
        """The text in *language*, or *default* when there is none."""
        return dict(self.texts).get(language, default)

    def pick(self, language: str) -> str:
        """
        The text in *language*, or the first one given when there is none in it.

        Examples:
            >>> LocalizedText({"fr": "Fusion", "en": "Merger"}).pick("en")
            'Merger'
            >>> LocalizedText({"fr": "Fusion"}).pick("en")
            'Fusion'

        """
        return self.get(language) or self.texts[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags, in the order given."""
        return tuple(tag for tag, _ in self.texts)

    def as_dict(self) -> dict[str, str]:
        """The texts as a new `dict` keyed by language."""
        return dict(self.texts)


# --------------------------------------------------------------------------- records


@frozen(kw_only=True)
class Source:
    """
    A document the network's history comes from.

    Attributes:
        key: Short identifier that records refer to (`source="..."`).
        title: The document's title, in its own language and others.
        language: The language the document is written in.
        part: Its position in a series of articles, counting from 1.
        parts: How many articles the series has.
        url: Where the document itself can be read, when known.
        references: Addresses the document itself cites, as written.
        note: Any remark about the document.

    """

    key: str
    title: LocalizedText = field(converter=_text)
    language: str | None = None
    part: int | None = None
    parts: int | None = None
    url: str | None = None
    references: tuple[str, ...] = field(default=(), converter=_strings)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Phase(Provenance):
    """
    A phase of the network's development: a closed span of calendar years.

    Phases are closed as the source writes them: 2007–2012 contains both 2007
    and 2012. The last phase of a network may be open-ended (`end=None`).

    Examples:
        >>> phase = Phase(
        ...     key="implantation",
        ...     name=LocalizedText({"en": "Implementation"}),
        ...     start=2012,
        ...     end=2017,
        ... )
        >>> phase.contains(2012), phase.contains(2017), phase.contains(2018)
        (True, True, False)
        >>> Phase(key="x", name=LocalizedText({"en": "X"}), start=2017, end=2012)
        Traceback (most recent call last):
        ...
        reseau_coop.DataError: invalid phase: 1 problem
          end year 2012 is before start year 2017 @ $.end

    Attributes:
        key: Short identifier, unique in the network.
        name: The phase's name.
        start: Its first year.
        end: Its last year, included; `None` for an open-ended (last) phase.
        summary: What characterised it.

    """

    key: str
    name: LocalizedText = field(converter=_text)
    start: int
    end: int | None = None
    summary: LocalizedText | None = field(default=None, converter=_optional_text)
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_strings)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    @property
    def open_ended(self) -> bool:
        """Whether the phase has no end year yet."""
        return self.end is None

    def contains(self, year: int) -> bool:
        """Whether calendar *year* falls in this phase (both ends included)."""
        return self.start <= year and (self.end is None or year <= self.end)

    @property
    def span(self) -> str:
        """The years as text: `"2007–2012"`, or `"2017–"` when open-ended."""
        return f"{self.start}–{'' if self.end is None else self.end}"


@frozen(kw_only=True)
class Service(Provenance):
    """
    A service the network offers.

    Attributes:
        key: Short identifier, unique in the network.
        name: The service's name.
        kind: What kind of offer it is.
        description: What it is, in a sentence or two.
        introduced: The key of the phase in which the network started offering it, when known.
        scope: Where it is offered, when the source says.
        flagship: Whether the source calls it a flagship service.

    """

    key: str
    name: LocalizedText = field(converter=_text)
    kind: ServiceKind = field(converter=_service_kind)
    description: LocalizedText | None = field(default=None, converter=_optional_text)
    introduced: str | None = None
    scope: LocalizedText | None = field(default=None, converter=_optional_text)
    flagship: bool = False
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_strings)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Share:
    """
    A figure given as a share of a whole: "près de la moitié des coopératives".

    *value* is a fraction in [0, 1], hedged by its own *qualifier*; *of* says
    what it is a share of.

    Attributes:
        value: The fraction, in [0, 1].
        of: What it is a share of.
        qualifier: The hedge on the fraction ("près de la moitié" is `NEARLY` 0.5).
        quote: The source's words.
        inferred: The names of the fields the source does not state but that were
            inferred from it, as a record's `inferred`.
        note: How, or any remark.

    Examples:
        >>> from reseau_coop import default_network
        >>> share = default_network().snapshots[-1].share
        >>> share.value, share.qualifier.value, share.is_inferred("value")
        (0.5, 'nearly', False)

    """

    value: float
    of: LocalizedText = field(converter=_text)
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=_qualifier)
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    def is_inferred(self, name: str) -> bool:
        """Whether the value of field *name* is inferred rather than stated by the source."""
        return name in self.inferred


@frozen(kw_only=True)
class MembershipSnapshot(Provenance):
    """
    The number of member organizations at one point of the history.

    A snapshot dated by a phase (`dating=Dating.PHASE`) names that phase and
    has the phase's end year as its `year`.

    Examples:
        >>> MembershipSnapshot(year=2022, members=100).qualifier
        <Qualifier.EXACT: 'exact'>
        >>> MembershipSnapshot(year=2022, members=-1)
        Traceback (most recent call last):
        ...
        reseau_coop.DataError: invalid snapshot: 1 problem
          a count of members cannot be negative, got -1 @ $.members

    Attributes:
        year: When; for a snapshot dated by a phase, that phase's end year.
        members: The number of member organizations.
        qualifier: The hedge on the figure.
        dating: Whether the source gives the year, or only the phase.
        phase: The key of the phase it is dated by (or, dated by year, the phase it lies in).
        share: The same count as a share of a whole.

    """

    year: int
    members: int
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=_qualifier)
    dating: Dating = field(default=Dating.YEAR, converter=_dating)
    phase: str | None = None
    share: Share | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_strings)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Milestone(Provenance):
    """
    A dated event of the network's history, such as the merger it came out of.

    Attributes:
        key: Short identifier, unique in the network.
        year: When it happened.
        name: Its name.
        description: What happened.

    """

    key: str
    year: int
    name: LocalizedText = field(converter=_text)
    description: LocalizedText | None = field(default=None, converter=_optional_text)
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_strings)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


# --------------------------------------------------------------------------- network


# --------------------------------------------------------------------------- claims


class Relation(enum.Enum):
    """
    How a growth claim's multiple relates to the measured ratio (see `check_claims`).

    `MORE_THAN` 7: the ratio is above 7 ("a plus que septuplé"); `AT_LEAST` 7: 7
    or above; `NEARLY` 7: from 95 % of 7 up to, not including, 7 ("a presque
    septuplé"); `ABOUT` 7: within ±0.5 % of 7 ("a septuplé").
    """

    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"
    ABOUT = "about"


class Direction(enum.Enum):
    """Which way a trend claim says membership went: `UP`, `DOWN` or `FLAT`."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"


@frozen(kw_only=True)
class GrowthClaim:
    """
    Membership was multiplied by *multiple* (in the sense of *relation*) from *start* to *end*.

    Without *start* and *end*, the claim is about the whole history (first
    snapshot to last).
    """

    multiple: float
    relation: Relation = field(default=Relation.ABOUT, converter=_relation)
    start: int | None = None
    end: int | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class TrendClaim:
    """Membership went *direction* every step from *start* to *end* ("une croissance soutenue")."""

    start: int
    end: int
    direction: Direction = field(default=Direction.UP, converter=_direction)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class ShareClaim:
    """
    The members are *value* (hedged by *qualifier*) of a whole, *of*.

    *population* is the size of that whole, when known; *year* is the year of
    the snapshot whose count is the share (the last snapshot's by default).
    Without *population* the claim cannot be checked: a snapshot's own `share`,
    from the same sentence, is no evidence for it.
    """

    value: float
    of: LocalizedText = field(converter=_text)
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=_qualifier)
    population: int | None = None
    year: int | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Claim(Provenance):
    """
    A claim the source makes about the history, as data that `check_claims` checks.

    *text* is the claim in the network's languages; exactly one of *growth*,
    *trend* and *share* says what it claims, with its parameters.

    Examples:
        >>> from reseau_coop import default_network
        >>> claim = default_network().claims[0]
        >>> claim.key, claim.kind.multiple, claim.kind.relation.value
        ('septuple', 7, 'more_than')

    """

    key: str
    text: LocalizedText = field(converter=_text)
    growth: GrowthClaim | None = None
    trend: TrendClaim | None = None
    share: ShareClaim | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    @property
    def kind(self) -> GrowthClaim | TrendClaim | ShareClaim:
        """What the claim says, with its parameters: the one of *growth*, *trend*, *share* given."""
        if self.growth is not None:
            return self.growth
        if self.trend is not None:
            return self.trend
        return cast("ShareClaim", self.share)  # a claim without any is refused when built


class _Slots:
    """
    What a network keeps beside its value: the table of its phases, built by the first lookup.

    A slot of a base class, not a field: no part of the network's value (equality,
    hash, repr, `attrs.asdict`, pickle and copies, the documents), and gone with it.
    """

    __slots__ = ("_phase_table",)
    _phase_table: _lookup.PhaseTable


@frozen(kw_only=True)
class Network(_Slots):
    """
    The development history of a co-operative network.

    Building one checks every invariant at once: keys unique and non-empty;
    phases in order of `start`, neighbours sharing at most one year, only the
    last one open-ended; at most one snapshot per year, in order; every
    reference (a service's or snapshot's phase, a source) resolving; a snapshot
    dated by a phase having that phase's end year; every text in each of the
    network's `languages`. Input out of order is refused, never sorted.

    Examples:
        >>> from reseau_coop import default_network
        >>> net = default_network()
        >>> [phase.key for phase in net.phases]
        ['experimentation', 'implantation', 'consolidation']
        >>> [(s.year, s.members) for s in net.snapshots]
        [(2007, 14), (2012, 35), (2017, 56), (2022, 100)]

    Attributes:
        name: The network's name.
        languages: The languages every text is given in; the first is the default of sentences.
        description: What the network is.
        sources: The documents the history comes from.
        phases: The phases, in order of `start`.
        services: What the network offers.
        snapshots: Membership counts, in order of `year`.
        milestones: Dated events, in order of `year`.

    """

    name: LocalizedText = field(converter=_text)
    languages: tuple[str, ...] = field(converter=_strings)
    description: LocalizedText | None = field(default=None, converter=_optional_text)
    sources: tuple[Source, ...] = field(default=(), converter=_sources)
    phases: tuple[Phase, ...] = field(default=(), converter=_phases)
    services: tuple[Service, ...] = field(default=(), converter=_services)
    snapshots: tuple[MembershipSnapshot, ...] = field(default=(), converter=_snapshots)
    milestones: tuple[Milestone, ...] = field(default=(), converter=_milestones)
    claims: tuple[Claim, ...] = field(default=(), converter=_claims)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    # ---------------------------------------------------------------- lookups

    def phase(self, key: str) -> Phase:
        """
        Return the phase whose key is *key*.

        Raises:
            PhaseKeyError: If the network has no such phase (a `KeyError`).

        Examples:
            >>> from reseau_coop import default_network
            >>> default_network().phase("implantation").span
            '2012–2017'
            >>> default_network().phase("implantaton")
            Traceback (most recent call last):
            ...
            reseau_coop.PhaseKeyError: no phase 'implantaton'; did you mean 'implantation'? (the
            network's phases are ['experimentation', 'implantation', 'consolidation'])

        """
        for phase in self.phases:
            if phase.key == key:
                return phase
        keys = _keys(self.phases)
        raise PhaseKeyError(unknown_key("phase", key, keys), key=key, available=keys)

    def service(self, key: str) -> Service:
        """
        Return the service whose key is *key*.

        Raises:
            ServiceKeyError: If the network has no such service (a `KeyError`).

        """
        for service in self.services:
            if service.key == key:
                return service
        keys = _keys(self.services)
        raise ServiceKeyError(unknown_key("service", key, keys), key=key, available=keys)

    def snapshot(self, year: int) -> MembershipSnapshot:
        """
        Return the snapshot of calendar *year*.

        Raises:
            SnapshotLookupError: If the network has no snapshot for that year (a `KeyError`).

        Examples:
            >>> from reseau_coop import default_network
            >>> default_network().snapshot(2017).members
            56
            >>> default_network().snapshot(2016)
            Traceback (most recent call last):
            ...
            reseau_coop.SnapshotLookupError: no snapshot for 2016
            (snapshots: 2007, 2012, 2017, 2022)

        """
        for snapshot in self.snapshots:
            if snapshot.year == year:
                return snapshot
        raise missing_snapshot(year, tuple(s.year for s in self.snapshots))

    # ---------------------------------------------------------------- editing

    def with_snapshot(self, snapshot: MembershipSnapshot) -> Network:
        """
        Return a copy of this network with *snapshot*, in year order.

        It replaces the snapshot of the same year, if there is one. The copy is
        checked like any network (a phase it names must exist, and so on).

        Raises:
            DataError: If the copy breaks a rule of the model.

        Examples:
            >>> from reseau_coop import default_network
            >>> net = default_network().with_snapshot(MembershipSnapshot(year=2015, members=45))
            >>> [s.year for s in net.snapshots]
            [2007, 2012, 2015, 2017, 2022]

        Added in version 0.1.

        """
        kept = tuple(s for s in self.snapshots if s.year != snapshot.year)
        return evolve(self, snapshots=_placed(kept, snapshot, _year, None))

    def without_snapshot(self, year: int) -> Network:
        """
        Return a copy of this network without the snapshot of *year*.

        Raises:
            SnapshotLookupError: If the network has no snapshot for *year* (a `KeyError`).

        Examples:
            >>> from reseau_coop import default_network
            >>> [s.year for s in default_network().without_snapshot(2017).snapshots]
            [2007, 2012, 2022]

        Added in version 0.1.

        """
        self.snapshot(year)  # raises if there is none
        return evolve(self, snapshots=tuple(s for s in self.snapshots if s.year != year))

    def with_phase(self, phase: Phase) -> Network:
        """
        Return a copy of this network with *phase*, in order of its start.

        It replaces the phase of the same key, if there is one. The snapshots
        dated by that phase move to its new end year (a snapshot dated by a phase
        has its end as year), replacing the snapshot dated by a year there, if
        any. Anything that the change breaks is a `DataError` that names it: a
        snapshot dated by a phase that is now open-ended, a snapshot whose year
        is no longer in the phase it names, an overlap with a neighbour.

        Raises:
            DataError: If the copy breaks a rule of the model.

        Examples:
            >>> import attrs
            >>> from reseau_coop import default_network
            >>> net = default_network()
            >>> shorter = net.with_phase(attrs.evolve(net.phase("implantation"), end=2016))
            >>> shorter.phase("implantation").span
            '2012–2016'
            >>> [(s.year, s.members, s.phase) for s in shorter.snapshots]
            [(2007, 14, None), (2012, 35, 'experimentation'), (2016, 56, 'implantation'),
             (2022, 100, None)]

        Added in version 0.1.

        """
        old = next((p for p in self.phases if p.key == phase.key), None)
        at = None if old is None else self.phases.index(old)
        kept = tuple(p for p in self.phases if p.key != phase.key)
        phases = _placed(kept, phase, _phase_order, at)
        snapshots = self.snapshots
        if old is not None and phase.end is not None and phase.end != old.end:
            snapshots = _moved(snapshots, phase.key, phase.end)
        return evolve(self, phases=phases, snapshots=snapshots)

    def with_service(self, service: Service) -> Network:
        """
        Return a copy of this network with *service*, replacing the one of the same key.

        A service of a new key comes last.

        Raises:
            DataError: If the copy breaks a rule of the model.

        Examples:
            >>> from reseau_coop import default_network
            >>> net = default_network().with_service(
            ...     Service(
            ...         key="training-day", name={"fr": "Journée", "en": "Day"}, kind="training"
            ...     )
            ... )
            >>> net.services[-1].kind
            <ServiceKind.TRAINING: 'training'>

        Added in version 0.1.

        """
        keys = _keys(self.services)
        if service.key in keys:
            at = keys.index(service.key)
            services = (*self.services[:at], service, *self.services[at + 1 :])
        else:
            services = (*self.services, service)
        return evolve(self, services=services)

    def with_milestone(self, milestone: Milestone) -> Network:
        """
        Return a copy of this network with *milestone*, in year order.

        It replaces the milestone of the same key, if there is one (in its place,
        when its year allows); one of a new key comes after those of the same year.

        Raises:
            DataError: If the copy breaks a rule of the model.

        Added in version 0.1.

        """
        keys = _keys(self.milestones)
        at = keys.index(milestone.key) if milestone.key in keys else None
        kept = tuple(m for m in self.milestones if m.key != milestone.key)
        return evolve(self, milestones=_placed(kept, milestone, _year, at))


_R = TypeVar("_R", Phase, MembershipSnapshot, Milestone)


def _keys(records: Iterable[Phase | Service | Milestone]) -> tuple[str, ...]:
    return tuple(record.key for record in records)


def _year(record: MembershipSnapshot | Milestone) -> tuple[int, int]:
    return (record.year, 0)


def _phase_order(phase: Phase) -> tuple[int, int]:
    return (phase.start, MAX_YEAR + 1 if phase.end is None else phase.end)


def _placed(
    records: tuple[_R, ...],
    record: _R,
    order: Callable[[_R], tuple[int, int]],
    at: int | None,
) -> tuple[_R, ...]:
    """
    *records* (in *order*) with *record* inserted where its order puts it.

    At *at* (the place of the record it replaces) when the order allows it
    there, else after the records of the same order; `bisect` finds both ends.
    """
    low = bisect.bisect_left(records, order(record), key=order)
    high = bisect.bisect_right(records, order(record), lo=low, key=order)
    placed = list(records)
    placed.insert(at if at is not None and low <= at <= high else high, record)
    return tuple(placed)


def _moved(
    snapshots: tuple[MembershipSnapshot, ...], key: str, end: int
) -> tuple[MembershipSnapshot, ...]:
    """*snapshots*, those dated by phase *key* moved to year *end*, replacing one dated by year."""
    moved: list[MembershipSnapshot] = []
    kept: list[MembershipSnapshot] = []
    for snapshot in snapshots:
        if snapshot.dating is Dating.PHASE and snapshot.phase == key:
            moved.append(evolve(snapshot, year=end))
        else:
            kept.append(snapshot)
    if not moved:
        return snapshots
    kept = [s for s in kept if not (s.year == end and s.dating is Dating.YEAR)]
    return tuple(sorted([*kept, *moved], key=_year))


# The checks read the classes above, and the classes call them when built; a network's
# phase table is built by the lookups.
from . import _checks, _lookup  # noqa: E402
