"""
The data model: the enums and the frozen, slotted attrs classes of the records.

Every record is checked when built, by the rules of `_checks`: one `DataError`
names every bad field at once, each by its path (`phases[1].start`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from ._errors import listing, shown

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


def _seq(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable but a string or a mapping into a tuple; leave the rest for checks."""
    if type(value) is tuple:
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


class Provenance:
    """
    What the records that carry provenance share.

    Those records have four fields that say where their values come from:
    `source` (the key of a `Source` of the network), `quote` (the source's own
    words), `inferred` (the names of the fields whose values the source does not
    state but that were inferred from it) and `note` (how, or any remark).
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

    """

    texts: tuple[tuple[str, str], ...] = field(converter=_to_pairs)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    def __getitem__(self, language: str) -> str:
        for tag, text in self.texts:
            if tag == language:
                return text
        msg = f"no text in {shown(language)}; this text has {listing(self.languages)}"
        raise KeyError(msg)

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
    title: LocalizedText
    language: str | None = None
    part: int | None = None
    parts: int | None = None
    url: str | None = None
    references: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = None

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

    """

    key: str
    name: LocalizedText
    start: int
    end: int | None = None
    summary: LocalizedText | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = None

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
    name: LocalizedText
    kind: ServiceKind
    description: LocalizedText | None = None
    introduced: str | None = None
    scope: LocalizedText | None = None
    flagship: bool = False
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Share:
    """
    A figure given as a share of a whole: "près de la moitié des coopératives".

    *value* is a fraction in [0, 1], hedged by its own *qualifier*; *of* says
    what it is a share of.
    """

    value: float
    of: LocalizedText
    qualifier: Qualifier = Qualifier.EXACT
    quote: str | None = None
    note: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


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

    """

    year: int
    members: int
    qualifier: Qualifier = Qualifier.EXACT
    dating: Dating = Dating.YEAR
    phase: str | None = None
    share: Share | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


@frozen(kw_only=True)
class Milestone(Provenance):
    """A dated event of the network's history, such as the merger it came out of."""

    key: str
    year: int
    name: LocalizedText
    description: LocalizedText | None = None
    source: str | None = None
    quote: str | None = None
    inferred: tuple[str, ...] = field(default=(), converter=_seq)
    note: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)


# --------------------------------------------------------------------------- network


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

    """

    name: LocalizedText
    languages: tuple[str, ...] = field(converter=_seq)
    description: LocalizedText | None = None
    sources: tuple[Source, ...] = field(default=(), converter=_seq)
    phases: tuple[Phase, ...] = field(default=(), converter=_seq)
    services: tuple[Service, ...] = field(default=(), converter=_seq)
    snapshots: tuple[MembershipSnapshot, ...] = field(default=(), converter=_seq)
    milestones: tuple[Milestone, ...] = field(default=(), converter=_seq)

    def __attrs_post_init__(self) -> None:
        _checks.validate(self)

    # ---------------------------------------------------------------- conveniences

    def phase(self, key: str) -> Phase:
        """
        Return the phase whose key is *key*.

        Raises:
            KeyError: If the network has no such phase.

        """
        for phase in self.phases:
            if phase.key == key:
                return phase
        msg = f"no phase {shown(key)}; the network's phases are {listing(_keys(self.phases))}"
        raise KeyError(msg)

    def service(self, key: str) -> Service:
        """
        Return the service whose key is *key*.

        Raises:
            KeyError: If the network has no such service.

        """
        for service in self.services:
            if service.key == key:
                return service
        keys = listing(_keys(self.services))
        msg = f"no service {shown(key)}; the network's services are {keys}"
        raise KeyError(msg)

    def snapshot(self, year: int) -> MembershipSnapshot:
        """
        Return the snapshot of calendar *year*.

        Raises:
            KeyError: If the network has no snapshot for that year.

        """
        for snapshot in self.snapshots:
            if snapshot.year == year:
                return snapshot
        msg = f"no snapshot for {year}; the network has {[s.year for s in self.snapshots]}"
        raise KeyError(msg)


def _keys(records: Iterable[Phase | Service]) -> list[str]:
    return [record.key for record in records]


# The checks read the classes above, and the classes call them when built; a network's
# phase table is built by the lookups.
from . import _checks, _lookup  # noqa: E402
