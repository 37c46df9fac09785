"""
The data model: frozen, slotted attrs classes that check their invariants when built.

Every class collects all of its problems before it raises, so one `DataError`
names every bad field at once, each by its path (`phases[1].start`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, TypeVar

import attrs
from attrs import field, fields, frozen

from ._errors import DataError, PathSegment, Problem

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
_R = TypeVar("_R")
MAX_COUNT = 2**53 - 1
"""The largest count the model accepts: the largest integer a float holds exactly."""
_SHOWN = 40  # how many characters of a bad value an error message shows


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
        from ._text import SIGNS  # noqa: PLC0415 - the text layer builds on the model

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


# --------------------------------------------------------------------------- checks


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: object) -> str:
    text = _number(value) if type(value) is int else repr(value)
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 3] + "..."
    return f"{type(value).__name__} {text}"


def _check_key(value: object, name: str) -> Iterator[Problem]:
    yield from _check_text(value, name)
    if isinstance(value, str) and value.strip() and value != value.strip():
        yield Problem((name,), f"must not start or end with white space: {value!r}")


def _check_text(value: object, name: PathSegment, *, optional: bool = False) -> Iterator[Problem]:
    if value is None and optional:
        return
    if not isinstance(value, str):
        yield Problem((name,), f"expected a string, got {_describe(value)}")
    elif not value.strip():
        yield Problem((name,), "must not be empty")
    elif not _is_unicode(value):
        yield Problem((name,), "holds a lone surrogate, which no UTF-8 file can store")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_year(value: object, name: str, *, optional: bool = False) -> Iterator[Problem]:
    if value is None and optional:
        return
    if not _is_int(value):
        yield Problem((name,), f"expected an integer year, got {_describe(value)}")
    elif not MIN_YEAR <= value <= MAX_YEAR:  # type: ignore[operator]
        yield Problem((name,), f"year {_number(value)} is outside {MIN_YEAR}–{MAX_YEAR}")


def _number(value: object) -> str:
    """An integer for a message: in full when short, by its size when huge."""
    if isinstance(value, int) and value.bit_length() > 64:  # noqa: PLR2004
        return f"of {value.bit_length()} bits"
    return str(value)


def _check_count(value: object, name: str, *, least: int = 0) -> Iterator[Problem]:
    if not _is_int(value):
        yield Problem((name,), f"expected an integer, got {_describe(value)}")
    elif value < least:  # type: ignore[operator]
        what = "a count of members cannot be negative" if least == 0 else "must be positive"
        yield Problem((name,), f"{what}, got {_number(value)}")
    elif value > MAX_COUNT:  # type: ignore[operator]
        message = f"{_number(value)} is more than the largest count, {MAX_COUNT:,} (2**53 - 1)"
        yield Problem((name,), message)


def _check_instance(
    value: object, name: str, kind: type, *, optional: bool = False
) -> Iterator[Problem]:
    if value is None and optional:
        return
    if not isinstance(value, kind):
        yield Problem((name,), f"expected {_article(kind)}, got {_describe(value)}")


def _article(kind: type) -> str:
    if issubclass(kind, enum.Enum):
        values = ", ".join(repr(member.value) for member in kind)
        return f"a {kind.__name__} ({values})"
    if kind is bool:
        return "a boolean"
    name = kind.__name__
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


def _check_tuple(value: object, name: str, kind: type) -> Iterator[Problem]:
    if not isinstance(value, tuple):
        yield Problem((name,), f"expected a list of {kind.__name__}, got {_describe(value)}")
        return
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            message = f"expected {_article(kind)}, got {_describe(item)}"
            yield Problem((name, index), message)


def _seq(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable but a string or a mapping into a tuple; leave the rest for checks."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


def _raise_if(problems: Iterable[Problem], subject: str) -> None:
    found = list(problems)
    if found:
        raise DataError(found, subject=subject)


class _Provenance:
    """
    What the records that carry provenance share.

    Those records have four fields that say where their values come from:
    `source` (the key of a `Source` of the network), `quote` (the source's own
    words), `inferred` (the names of the fields whose values the source does not
    state but that were inferred from it) and `note` (how, or any remark).
    """

    __slots__ = ()
    _PROVENANCE: ClassVar[frozenset[str]] = frozenset({"source", "quote", "inferred", "note"})
    source: str | None
    quote: str | None
    inferred: tuple[str, ...]
    note: LocalizedText | None

    def _check_provenance(self) -> Iterator[Problem]:
        if self.source is not None:
            yield from _check_key(self.source, "source")
        yield from _check_text(self.quote, "quote", optional=True)
        yield from _check_instance(self.note, "note", LocalizedText, optional=True)
        yield from _check_tuple(self.inferred, "inferred", str)
        if not isinstance(self.inferred, tuple):
            return
        allowed = [name for name in _field_names(type(self)) if name not in self._PROVENANCE]
        seen: set[str] = set()
        for index, name in enumerate(self.inferred):
            if not isinstance(name, str):
                continue
            if name not in allowed:
                message = f"{name!r} is not a field that can be inferred; use one of {allowed}"
                yield Problem(("inferred", index), message)
            elif name in seen:
                yield Problem(("inferred", index), f"{name!r} is listed twice")
            seen.add(name)

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


def _field_names(cls: type[Any]) -> list[str]:
    """The names of the fields a user gives (those `__init__` takes)."""
    return [a.name for a in fields(cls) if a.init]


# --------------------------------------------------------------------------- text


def _to_pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Mapping):
        return tuple(value.items())
    return _seq(value)


@frozen
class LocalizedText:
    """
    Text in one or more languages, keyed by language tag (`"fr"`, `"en"`).

    The languages keep the order they were given in, and documents write the
    text as a table: `{"fr": "Phase d’implantation", "en": "Implementation phase"}`.

    Examples:
        >>> name = LocalizedText({"fr": "Phase d’implantation", "en": "Implementation phase"})
        >>> name["en"]
        'Implementation phase'
        >>> name.languages
        ('fr', 'en')

    """

    texts: tuple[tuple[str, str], ...] = field(converter=_to_pairs)

    def __attrs_post_init__(self) -> None:
        _raise_if(self._problems(), "text")

    def _problems(self) -> Iterator[Problem]:
        if not isinstance(self.texts, tuple):
            yield Problem((), f"expected a table of texts by language, got {_describe(self.texts)}")
            return
        if not self.texts:
            yield Problem((), "needs a text in at least one language")
        seen: set[str] = set()
        for index, pair in enumerate(self.texts):
            if not (isinstance(pair, tuple) and len(pair) == 2):  # noqa: PLR2004
                yield Problem((index,), f"expected a (language, text) pair, got {_describe(pair)}")
                continue
            language, text = pair
            if not isinstance(language, str) or not _is_language_tag(language):
                yield Problem((index,), f"not a language tag: {_describe(language)}")
                continue
            if language in seen:
                yield Problem((language,), f"language {language!r} is given twice")
            seen.add(language)
            yield from _check_text(text, language)

    def __getitem__(self, language: str) -> str:
        for tag, text in self.texts:
            if tag == language:
                return text
        msg = f"no text in {language!r}; this text has {list(self.languages)}"
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


def _is_language_tag(tag: str) -> bool:
    parts = tag.split("-")
    head, rest = parts[0], parts[1:]
    return (
        2 <= len(head) <= 3  # noqa: PLR2004
        and head.isascii()
        and head.isalpha()
        and head.islower()
        and all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in rest)  # noqa: PLR2004
    )


def _text_problems(value: object, name: str, *, optional: bool = False) -> Iterator[Problem]:
    yield from _check_instance(value, name, LocalizedText, optional=optional)


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
        _raise_if(self._problems(), "source")

    def _problems(self) -> Iterator[Problem]:
        yield from _check_key(self.key, "key")
        yield from _text_problems(self.title, "title")
        if self.language is not None and not (
            isinstance(self.language, str) and _is_language_tag(self.language)
        ):
            yield Problem(("language",), f"not a language tag: {_describe(self.language)}")
        for name in ("part", "parts"):
            value = getattr(self, name)
            if value is not None:
                yield from _check_count(value, name, least=1)
        if _is_int(self.part) and _is_int(self.parts) and self.part > self.parts:  # type: ignore[operator]
            message = f"part {_number(self.part)} is past the last part ({_number(self.parts)})"
            yield Problem(("part",), message)
        yield from _check_text(self.url, "url", optional=True)
        yield from _check_tuple(self.references, "references", str)
        yield from _text_problems(self.note, "note", optional=True)


@frozen(kw_only=True)
class Phase(_Provenance):
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
        _raise_if(self._problems(), "phase")

    def _problems(self) -> Iterator[Problem]:
        yield from _check_key(self.key, "key")
        yield from _text_problems(self.name, "name")
        yield from _text_problems(self.summary, "summary", optional=True)
        start_problems = list(_check_year(self.start, "start"))
        end_problems = list(_check_year(self.end, "end", optional=True))
        yield from start_problems
        yield from end_problems
        if (
            not start_problems
            and not end_problems
            and self.end is not None
            and self.end < self.start
        ):
            yield Problem(("end",), f"end year {self.end} is before start year {self.start}")
        yield from self._check_provenance()

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
class Service(_Provenance):
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
        _raise_if(self._problems(), "service")

    def _problems(self) -> Iterator[Problem]:
        yield from _check_key(self.key, "key")
        yield from _text_problems(self.name, "name")
        yield from _check_instance(self.kind, "kind", ServiceKind)
        yield from _text_problems(self.description, "description", optional=True)
        if self.introduced is not None:
            yield from _check_key(self.introduced, "introduced")
        yield from _text_problems(self.scope, "scope", optional=True)
        yield from _check_instance(self.flagship, "flagship", bool)
        yield from self._check_provenance()


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
        _raise_if(self._problems(), "share")

    def _problems(self) -> Iterator[Problem]:
        value = self.value
        if not (isinstance(value, (int, float)) and not isinstance(value, bool)):
            yield Problem(("value",), f"expected a number, got {_describe(value)}")
        elif not 0 <= value <= 1:  # NaN compares false, so it lands here too
            yield Problem(("value",), f"a share is a fraction in [0, 1], got {_describe(value)}")
        yield from _text_problems(self.of, "of")
        yield from _check_instance(self.qualifier, "qualifier", Qualifier)
        yield from _check_text(self.quote, "quote", optional=True)
        yield from _text_problems(self.note, "note", optional=True)


@frozen(kw_only=True)
class MembershipSnapshot(_Provenance):
    """
    The number of member organisations at one point of the history.

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
        _raise_if(self._problems(), "snapshot")

    def _problems(self) -> Iterator[Problem]:
        yield from _check_year(self.year, "year")
        yield from _check_count(self.members, "members")
        yield from _check_instance(self.qualifier, "qualifier", Qualifier)
        yield from _check_instance(self.dating, "dating", Dating)
        if self.phase is not None:
            yield from _check_key(self.phase, "phase")
        elif self.dating is Dating.PHASE:
            yield Problem(("phase",), "a snapshot dated by a phase must name that phase")
        yield from _check_instance(self.share, "share", Share, optional=True)
        yield from self._check_provenance()


@frozen(kw_only=True)
class Milestone(_Provenance):
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
        _raise_if(self._problems(), "milestone")

    def _problems(self) -> Iterator[Problem]:
        yield from _check_key(self.key, "key")
        yield from _check_year(self.year, "year")
        yield from _text_problems(self.name, "name")
        yield from _text_problems(self.description, "description", optional=True)
        yield from self._check_provenance()


# --------------------------------------------------------------------------- network


@frozen(kw_only=True)
class Network:
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
        _raise_if(self._problems(), "network")

    def _problems(self) -> Iterator[Problem]:
        yield from _text_problems(self.name, "name")
        yield from _text_problems(self.description, "description", optional=True)
        collections = {
            "sources": Source,
            "phases": Phase,
            "services": Service,
            "snapshots": MembershipSnapshot,
            "milestones": Milestone,
        }
        typed = True
        for name, kind in collections.items():
            found = list(_check_tuple(getattr(self, name), name, kind))
            typed = typed and not found
            yield from found
        yield from language_problems(self.languages)
        if typed:  # the cross checks need well-typed collections
            yield from cross_problems(Parts.of(self))

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
        msg = f"no phase {key!r}; the network's phases are {[p.key for p in self.phases]}"
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
        msg = f"no service {key!r}; the network's services are {[s.key for s in self.services]}"
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


def language_problems(languages: object) -> Iterator[Problem]:
    """What is wrong with a network's `languages`."""
    if not isinstance(languages, tuple):
        message = f"expected a list of language tags, got {_describe(languages)}"
        yield Problem(("languages",), message)
        return
    if not languages:
        yield Problem(("languages",), "needs at least one language")
    seen: set[object] = set()
    for index, tag in enumerate(languages):
        if not (isinstance(tag, str) and _is_language_tag(tag)):
            yield Problem(("languages", index), f"not a language tag: {_describe(tag)}")
        elif tag in seen:
            yield Problem(("languages", index), f"language {tag!r} is listed twice")
        seen.add(tag)


@attrs.define(kw_only=True, eq=False, repr=False)
class Parts:
    """
    A network's parts, some possibly missing, for the checks that span records.

    A loader that could not build every record still checks the others: a
    record that failed is `None` here, in its place, and a check that would
    need it (its neighbour's order) is skipped, so no problem is reported
    twice or made up. The keys references resolve against are given apart,
    since a record that failed may still have a key; `None` when not known.
    """

    languages: tuple[str, ...] | None
    texts: tuple[tuple[tuple[PathSegment, ...], LocalizedText], ...]
    phase_keys: frozenset[str] | None
    source_keys: frozenset[str] | None
    sources: tuple[Source | None, ...]
    phases: tuple[Phase | None, ...]
    services: tuple[Service | None, ...]
    snapshots: tuple[MembershipSnapshot | None, ...]
    milestones: tuple[Milestone | None, ...]

    @classmethod
    def of(cls, network: Network) -> Parts:
        """The parts of a network whose collections are well typed."""
        valid_languages = not any(language_problems(network.languages))
        return cls(
            languages=network.languages if valid_languages else None,
            texts=tuple(texts_in(network, ())),
            phase_keys=frozenset(p.key for p in network.phases),
            source_keys=frozenset(s.key for s in network.sources),
            sources=network.sources,
            phases=network.phases,
            services=network.services,
            snapshots=network.snapshots,
            milestones=network.milestones,
        )


def cross_problems(parts: Parts) -> Iterator[Problem]:
    """Every problem that spans records: order, overlaps, uniqueness, references, languages."""
    yield from _unique_keys(parts.sources, "sources")
    yield from _unique_keys(parts.phases, "phases")
    yield from _unique_keys(parts.services, "services")
    yield from _unique_keys(parts.milestones, "milestones")
    yield from _phase_order_problems(parts.phases)
    yield from _reference_problems(parts)
    yield from _snapshot_problems(parts)
    yield from _milestone_order_problems(parts.milestones)
    if parts.languages is not None:
        yield from _text_language_problems(parts.languages, parts.texts)


def _pairs(records: tuple[_R | None, ...]) -> Iterator[tuple[int, _R, _R]]:
    """Each record with the one just before it, where both exist."""
    for index in range(1, len(records)):
        before, record = records[index - 1], records[index]
        if before is not None and record is not None:
            yield index, before, record


def _phase_order_problems(phases: tuple[Phase | None, ...]) -> Iterator[Problem]:
    for index, before, phase in _pairs(phases):
        if phase.start < before.start:
            message = (
                f"phases must be given in order of start: {phase.start} comes after "
                f"{before.start} (phase {before.key!r})"
            )
            yield Problem(("phases", index, "start"), message)
        elif before.end is None:
            message = f"only the last phase may be open-ended; {phase.key!r} follows it"
            yield Problem(("phases", index - 1, "end"), message)
        elif phase.start < before.end:
            message = (
                f"overlaps phase {before.key!r} ({before.span}): neighbouring phases "
                f"share at most one year, so it may start in {before.end} at the earliest"
            )
            yield Problem(("phases", index, "start"), message)


def _reference_problems(parts: Parts) -> Iterator[Problem]:
    collections: dict[str, tuple[_Provenance | None, ...]] = {
        "phases": parts.phases,
        "services": parts.services,
        "snapshots": parts.snapshots,
        "milestones": parts.milestones,
    }
    sources = parts.source_keys
    for name, records in collections.items():
        for index, record in enumerate(records):
            source = None if record is None else record.source
            if source is not None and sources is not None and source not in sources:
                message = f"unknown source {source!r}; the network's sources are {sorted(sources)}"
                yield Problem((name, index, "source"), message)
    phases = parts.phase_keys
    for index, service in enumerate(parts.services):
        introduced = None if service is None else service.introduced
        if introduced is not None and phases is not None and introduced not in phases:
            message = f"unknown phase {introduced!r}; the network's phases are {sorted(phases)}"
            yield Problem(("services", index, "introduced"), message)


def _snapshot_problems(parts: Parts) -> Iterator[Problem]:
    """Snapshots: one a year, in order, each in the phase it names."""
    for index, before, snapshot in _pairs(parts.snapshots):
        if snapshot.year == before.year:
            yield Problem(("snapshots", index, "year"), f"a second snapshot for {snapshot.year}")
        elif snapshot.year < before.year:
            message = (
                f"snapshots must be given in order of year: {snapshot.year} comes after "
                f"{before.year}"
            )
            yield Problem(("snapshots", index, "year"), message)
    phases = {p.key: p for p in parts.phases if p is not None}
    keys = parts.phase_keys
    for index, record in enumerate(parts.snapshots):
        if record is None or record.phase is None:
            continue
        phase = phases.get(record.phase)
        if phase is not None:
            yield from _snapshot_phase_problems(index, record, phase)
        elif keys is not None and record.phase not in keys:
            message = f"unknown phase {record.phase!r}; the network's phases are {sorted(keys)}"
            yield Problem(("snapshots", index, "phase"), message)


def _snapshot_phase_problems(
    index: int, snapshot: MembershipSnapshot, phase: Phase
) -> Iterator[Problem]:
    if snapshot.dating is Dating.PHASE:
        if phase.end is None:
            message = f"phase {phase.key!r} is open-ended, so it cannot date a snapshot"
            yield Problem(("snapshots", index, "phase"), message)
        elif snapshot.year != phase.end:
            message = (
                f"a snapshot dated by phase {phase.key!r} has its end year "
                f"{phase.end} as year, not {snapshot.year}"
            )
            yield Problem(("snapshots", index, "year"), message)
    elif not phase.contains(snapshot.year):
        message = f"year {snapshot.year} is not in phase {phase.key!r} ({phase.span})"
        yield Problem(("snapshots", index, "phase"), message)


def _milestone_order_problems(milestones: tuple[Milestone | None, ...]) -> Iterator[Problem]:
    for index, before, milestone in _pairs(milestones):
        if milestone.year < before.year:
            message = (
                f"milestones must be given in order of year: {milestone.year} comes after "
                f"{before.year}"
            )
            yield Problem(("milestones", index, "year"), message)


def _text_language_problems(
    languages: tuple[str, ...],
    texts: tuple[tuple[tuple[PathSegment, ...], LocalizedText], ...],
) -> Iterator[Problem]:
    wanted = list(languages)
    for path, text in texts:
        have = text.languages
        for tag in wanted:
            if tag not in have:
                message = f"missing the text in {tag!r} (the network's languages are {wanted})"
                yield Problem(path, message)
        for tag in have:
            if tag not in wanted:
                message = f"text in {tag!r}, which is not one of the network's languages {wanted}"
                yield Problem((*path, tag), message)


def _unique_keys(
    records: tuple[Source | Phase | Service | Milestone | None, ...], collection: str
) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, record in enumerate(records):
        if record is None:
            continue
        key = record.key
        if key in first:
            message = f"key {key!r} is already used by {collection}[{first[key]}]"
            yield Problem((collection, index, "key"), message)
        else:
            first[key] = index


def texts_in(
    value: object, path: tuple[PathSegment, ...]
) -> Iterator[tuple[tuple[PathSegment, ...], LocalizedText]]:
    """Every `LocalizedText` inside *value*, with its path."""
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, (*path, index))
    elif attrs.has(type(value)):
        for name in _field_names(type(value)):
            yield from texts_in(getattr(value, name), (*path, name))
