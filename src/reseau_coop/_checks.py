"""
The rules of the data model, in one vocabulary.

A *check* takes one value and returns `None` when it is fine, or the words that
say what is wrong with it (`"expected an integer, got a boolean (true)"`). The
problems of a record or of a network are `Problem`s, each with its path. The
constructors of the model call `validate`, and the loader calls the same checks
on a document's values as it reads them, so a bad value gets the same problem,
in the same words, whether it comes from Python or from a document.
"""

from __future__ import annotations

import enum
import functools
import math
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar, Final, TypeAlias, TypeGuard, TypeVar

import attrs

from ._errors import DataError, PathSegment, Problem, did_you_mean, listing, number, shown
from ._model import (
    MAX_COUNT,
    MAX_YEAR,
    MIN_YEAR,
    Claim,
    Dating,
    GrowthClaim,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Provenance,
    Service,
    Share,
    ShareClaim,
    Source,
    TrendClaim,
)

Check: TypeAlias = Callable[[object], "str | None"]
"""A check of one value: `None` when it is fine, else what is wrong with it."""

Path: TypeAlias = tuple[PathSegment, ...]

_R = TypeVar("_R")

PROVENANCE: Final = frozenset({"source", "quote", "inferred", "note"})
"""The fields that say where a record's values come from; the others may be inferred."""

_SUBJECTS: Final[dict[type, str]] = {
    LocalizedText: "text",
    Source: "source",
    Phase: "phase",
    Service: "service",
    Share: "share",
    MembershipSnapshot: "snapshot",
    Milestone: "milestone",
    Claim: "claim",
    GrowthClaim: "growth claim",
    TrendClaim: "trend claim",
    ShareClaim: "share claim",
    Network: "network",
}

COLLECTIONS: Final[dict[str, type]] = {
    "sources": Source,
    "phases": Phase,
    "services": Service,
    "snapshots": MembershipSnapshot,
    "milestones": Milestone,
    "claims": Claim,
}
"""A network's collections of records, in the order of its fields."""


# --------------------------------------------------------------------------- bad values


class BadNumber:
    """
    A number a document writes but no float holds as written, kept as its text.

    NaN and the infinities (`1e400` too), and a number so close to 0 that it
    would read as 0.0 or lose digits (`1e-400`): no field accepts it, and its
    problem says what it was, rather than the value changing silently.
    """

    __slots__ = ("literal",)

    def __init__(self, literal: str) -> None:
        self.literal = literal

    def __repr__(self) -> str:
        return f"BadNumber({self.literal!r})"

    @property
    def reason(self) -> str:
        """Why no float holds it, in words."""
        number = float(self.literal)
        if not math.isfinite(number):
            return "not a finite number"
        return f"too close to 0 for a float, which would hold {number!r}"


def describe(value: object) -> str:  # noqa: PLR0911 - one answer per kind of value
    """
    A bad value in words, as every message shows it: bounded, whatever its size.

    Examples:
        >>> describe(True), describe(2007.5), describe("2007"), describe(None)
        ('a boolean (true)', 'a number with a fraction (2007.5)', "a string ('2007')", 'null')
        >>> describe(10**100), describe([1, 2]), describe({}), describe(45.0)
        ('an integer (of 333 bits)', 'a list', 'a table', 'a float (45.0)')

    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, int):
        return f"an integer ({number(value)})"
    if isinstance(value, float):
        if value.is_integer():  # no fraction: the type is what is wrong with it
            return f"a float ({value!r})"
        return f"a number with a fraction ({value!r})"
    if isinstance(value, str):
        return f"a string ({shown(value)})"
    if isinstance(value, BadNumber):
        return f"{value.literal[:40]} ({value.reason})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return article(type(value).__name__)


def expected(what: str, value: object) -> str:
    """
    The words for a value that is not what it should be.

    Examples:
        >>> expected("an integer", "12")
        "expected an integer, got a string ('12')"

    """
    return f"expected {what}, got {describe(value)}"


def article(name: str) -> str:
    """*name* with its indefinite article: `a Phase`, `an ndarray`."""
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


# --------------------------------------------------------------------------- predicates


def is_int(value: object) -> TypeGuard[int]:
    """Whether *value* is an integer, and not a `bool`."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_year(value: object) -> TypeGuard[int]:
    """Whether *value* is a year the model accepts (1–9999)."""
    return is_int(value) and MIN_YEAR <= value <= MAX_YEAR


def is_number(value: object) -> TypeGuard[int | float]:
    """Whether *value* is an integer or a float, and not a `bool`."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


LANGUAGE_TAG: Final = "[a-z]{2,3}(-[A-Za-z0-9]{1,8})*"
"""A language tag: an ISO 639 code in lower case, then subtags (`fr`, `pt-BR`, `iu-Latn`)."""

_LANGUAGE_TAG: Final = re.compile(LANGUAGE_TAG)


def is_language_tag(value: object) -> TypeGuard[str]:
    """
    Whether *value* is a language tag: `fr`, `en`, `pt-BR`, `iu-Latn`.

    Examples:
        >>> is_language_tag("pt-BR"), is_language_tag("EN"), is_language_tag("english")
        (True, False, False)

    """
    return isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value) is not None


# --------------------------------------------------------------------------- checks of one value


def check_string(value: object) -> str | None:
    """Any string a UTF-8 file can hold."""
    if not isinstance(value, str):
        return expected("a string", value)
    return None if is_unicode(value) else _SURROGATE


def check_text(value: object) -> str | None:
    """A string that says something: not blank."""
    if not isinstance(value, str):
        return expected("a string", value)
    if not value.strip():
        return "must not be empty"
    return None if is_unicode(value) else _SURROGATE


def check_key(value: object) -> str | None:
    """An identifier: a text with no white space at either end."""
    message = check_text(value)
    if message is None and isinstance(value, str) and value != value.strip():
        return f"must not start or end with white space: {shown(value)}"
    return message


_SURROGATE: Final = "holds a lone surrogate, which no UTF-8 file can store"


def is_unicode(text: str) -> bool:
    """Whether *text* is Unicode that a UTF-8 file can hold: no lone surrogate (U+D800–DFFF)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_year(value: object) -> str | None:
    """A calendar year, 1–9999."""
    if type(value) is int and MIN_YEAR <= value <= MAX_YEAR:
        return None
    if not is_int(value):
        return not_an_integer(value)
    return f"year {number(value)} is outside {MIN_YEAR}–{MAX_YEAR}"


def check_count(value: object) -> str | None:
    """A count of members: 0 or more, at most the largest integer a float holds."""
    if type(value) is int and 0 <= value <= MAX_COUNT:
        return None
    return _count(value, "a count of members cannot be negative", 0)


def check_positive(value: object) -> str | None:
    """A count from 1 (a part of a series)."""
    return _count(value, "must be positive", 1)


def not_an_integer(value: object) -> str:
    """
    The words for a value where an integer belongs, with the integer to write for a whole float.

    Examples:
        >>> not_an_integer(45.0)
        'expected an integer, got a float (45.0): write 45'
        >>> not_an_integer("45")
        "expected an integer, got a string ('45')"

    """
    message = expected("an integer", value)
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_COUNT:
        message += f": write {int(value)}"
    return message


def _count(value: object, words: str, least: int) -> str | None:
    if not is_int(value):
        return not_an_integer(value)
    if value < least:
        return f"{words}, got {number(value)}"
    if value > MAX_COUNT:
        return f"{number(value)} is more than the largest count, {MAX_COUNT:,} (2**53 - 1)"
    return None


def check_tag(value: object) -> str | None:
    """A language tag."""
    if is_language_tag(value):
        return None
    return expected("a language tag (such as 'fr' or 'pt-BR')", value)


def check_flag(value: object) -> str | None:
    """A `bool`."""
    if isinstance(value, bool):
        return None
    return expected("true or false", value)


def check_fraction(value: object) -> str | None:
    """
    A share of a whole: a finite number in [0, 1].

    Examples:
        >>> check_fraction(0.45) is None, check_fraction(45)
        (True, 'a share is a fraction: write 0.45, not 45')
        >>> check_fraction(-1)
        'a share is a fraction in [0, 1], got -1'

    """
    if not is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
        return expected("a finite number", value)
    if 1 < value <= 100:  # a percentage, most likely
        from decimal import Decimal  # only for this message

        percent = Decimal(value) if is_int(value) else Decimal(repr(value))
        return f"a share is a fraction: write {percent.scaleb(-2).normalize():f}, not {value!r}"
    if not 0 <= value <= 1:
        return f"a share is a fraction in [0, 1], got {number(value) if is_int(value) else value}"
    return None


def check_multiple(value: object) -> str | None:
    """A multiple a growth is claimed as: a finite number above 0."""
    if not is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
        return expected("a finite number", value)
    if not value > 0:
        return f"a multiple is above 0, got {number(value) if is_int(value) else value}"
    return None


def one_of(kind: type[enum.Enum]) -> str:
    """What a document may write for a member of *kind*: `one of 'exact', 'approximate', …`."""
    return "one of " + ", ".join(repr(member.value) for member in kind)


@functools.cache
def check_choice(kind: type[enum.Enum]) -> Check:
    """A member of the enum *kind*; a document gives its value (`"exact"`), as Python may."""
    choices = one_of(kind)

    def check(value: object) -> str | None:
        if isinstance(value, kind):
            return None
        return expected(choices, value)

    return check


TEXTS: Final = 'a table of texts by language ({"fr": "…", "en": "…"})'
"""What a `LocalizedText` is in a document."""


def check_texts_type(value: object) -> str | None:
    """A `LocalizedText`; a document writes it as a table of texts by language."""
    if isinstance(value, LocalizedText):
        return None
    return expected(TEXTS, value)


def check_list(value: object) -> str | None:
    """A list (a tuple, once in the model)."""
    if isinstance(value, (tuple, list)):
        return None
    return expected("a list", value)


def check_instance(kind: type) -> Check:
    """An instance of the model class *kind*."""

    def check(value: object) -> str | None:
        if isinstance(value, kind):
            return None
        return expected(article(kind.__name__), value)

    return check


# What a value must be, by the name of its field: the same in every record.
SCALARS: Final[dict[str, Check]] = {
    "key": check_key,
    "source": check_key,
    "phase": check_key,
    "introduced": check_key,
    "year": check_year,
    "start": check_year,
    "end": check_year,
    "members": check_count,
    "part": check_positive,
    "parts": check_positive,
    "language": check_tag,
    "url": check_text,
    "quote": check_text,
    "value": check_fraction,
    "flagship": check_flag,
    "multiple": check_multiple,
    "population": check_positive,
}

# What each item of a list must be, by the name of its field.
ITEMS: Final[dict[str, Check]] = {
    "languages": check_tag,
    "references": check_text,
    "inferred": check_string,
}


# --------------------------------------------------------------------------- records


@attrs.frozen
class Rule:
    """
    What a field of a record holds, from its annotation and its name.

    *check* applies to the value (to each item, for a list: then *items* is
    set); *optional* fields may be `None`, which means "not known"; *required*
    fields have no default. *kind* is the annotated type (without `None`), and
    *item* the type of a list's items.
    """

    name: str
    check: Check
    optional: bool
    required: bool
    kind: Any
    item: type | None = None
    items: Check | None = None
    convert: Callable[[object], object] | None = None


_RULES: dict[type, tuple[Rule, ...]] = {}


def rules(cls: type[Any]) -> tuple[Rule, ...]:
    """The rules of each field of the model class *cls*, in the order of its fields."""
    found = _RULES.get(cls)
    if found is None:
        found = _RULES[cls] = _rules_of(cls)
    return found


def _rules_of(cls: type[Any]) -> tuple[Rule, ...]:
    attrs.resolve_types(cls)
    out = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        kind = field.type
        args = [arg for arg in getattr(kind, "__args__", ()) if arg is not type(None)]
        optional = field.default is None
        if optional and len(args) == 1:
            kind = args[0]
        item = getattr(kind, "__args__", (None,))[0]  # tuple[X, ...]: X
        given = {"optional": optional, "required": field.default is attrs.NOTHING, "kind": kind}
        if field.name in SCALARS:
            out.append(Rule(field.name, SCALARS[field.name], **given))
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            to_member = functools.partial(member, kind)
            out.append(Rule(field.name, check_choice(kind), **given, convert=to_member))
        elif kind is LocalizedText:
            out.append(Rule(field.name, check_texts_type, **given, convert=texts))
        elif item is str:
            items = ITEMS.get(field.name, check_string)
            out.append(Rule(field.name, check_list, **given, item=str, items=items))
        elif item is not None:
            out.append(Rule(field.name, check_list, **given, item=item, items=check_instance(item)))
        else:
            out.append(Rule(field.name, check_instance(kind), **given))
    return tuple(out)


def member(kind: type[enum.Enum], value: object) -> object:
    """The member of *kind* whose value is *value* (`"exact"`); anything else as it is."""
    if isinstance(value, str):
        return kind._value2member_map_.get(value, value)
    return value


def texts(value: object) -> object:
    """A `LocalizedText` of a `dict` of texts by language; anything else as it is."""
    if isinstance(value, Mapping):
        try:
            return LocalizedText(value)
        except DataError:  # its problems are named under the field, by `field_problems`
            return value
    return value


_CONVERSIONS: dict[type, tuple[tuple[str, Callable[[object], object]], ...]] = {}


def convert(record: object) -> None:
    """
    Turn what people write into the values of *record*'s fields, in place, as it is built.

    An enum's value becomes the member (`"approximate"`: `Qualifier.APPROXIMATE`), a
    `dict` of texts by language a `LocalizedText`; what does not convert stays as it
    was given, for the checks to name. (Lists are made tuples by the fields' converters.)
    """
    cls = type(record)
    found = _CONVERSIONS.get(cls)
    if found is None:
        found = _CONVERSIONS[cls] = tuple(
            (rule.name, rule.convert) for rule in rules(cls) if rule.convert is not None
        )
    for name, conversion in found:
        value = getattr(record, name)
        converted = conversion(value)
        if converted is not value:
            object.__setattr__(record, name, converted)  # still being built: frozen after


def inferable(cls: type[Any]) -> list[str]:
    """The fields of *cls* whose values may be inferred: all but the provenance ones."""
    return [rule.name for rule in rules(cls) if rule.name not in PROVENANCE]


def field_problems(record: object) -> Iterator[Problem]:
    """What is wrong with each field of *record*, one field at a time."""
    for rule in rules(type(record)):
        value = getattr(record, rule.name)
        if value is None and rule.optional:
            continue
        message = rule.check(value)
        if message is not None:
            if rule.kind is LocalizedText and isinstance(value, Mapping):  # a bad dict of texts
                texts = text_problems(tuple(value.items()))
                yield from (problem.under((rule.name,)) for problem in texts)
            else:
                yield Problem((rule.name,), message)
        elif rule.items is not None:
            for index, item in enumerate(value):
                message = rule.items(item)
                if message is not None:
                    yield Problem((rule.name, index), message)


ACROSS: Final[dict[type, frozenset[str]]] = {
    Phase: frozenset({"start", "end", "inferred"}),
    Source: frozenset({"part", "parts"}),
    MembershipSnapshot: frozenset({"dating", "inferred"}),
    Service: frozenset({"inferred"}),
    Milestone: frozenset({"inferred"}),
    Share: frozenset({"inferred"}),
    Claim: frozenset({"key", "inferred"}),
    GrowthClaim: frozenset({"start", "end"}),
    TrendClaim: frozenset({"start", "end"}),
}
"""The fields `record_problems` looks at, by class: a record without any has none."""


def record_problems(record: object) -> Iterator[Problem]:
    """What is wrong across the fields of *record* (those of `ACROSS`): order, agreement."""
    if isinstance(record, Phase):
        start, end = record.start, record.end
        if is_year(start) and is_year(end) and end < start:
            yield Problem(("end",), f"end year {end} is before start year {start}")
    elif isinstance(record, Source):
        part, parts = record.part, record.parts
        if is_int(part) and is_int(parts) and part > parts:
            yield Problem(("part",), f"part {number(part)} is past the last part ({number(parts)})")
    elif (
        isinstance(record, MembershipSnapshot)
        and record.phase is None
        and record.dating is Dating.PHASE
    ):
        yield Problem(("phase",), "a snapshot dated by a phase must name that phase")
    elif isinstance(record, Claim):
        yield from _claim_kind_problems(record)
    elif isinstance(record, GrowthClaim | TrendClaim):
        yield from _span_problems(record)
    inferred = record.inferred if isinstance(record, Provenance | Share) else ()
    if type(inferred) is tuple and inferred:
        yield from _inferred_problems(inferred, inferable(type(record)))


_CLAIM_KINDS: Final = ("growth", "trend", "share")


def _claim_kind_problems(claim: Claim) -> Iterator[Problem]:
    """A claim says what it claims: exactly one of growth, trend and share."""
    given = [name for name in _CLAIM_KINDS if getattr(claim, name) is not None]
    if not given:
        yield Problem(("growth",), "a claim says what it claims: give one of growth, trend, share")
    for name in given[1:]:
        message = f"a claim is of one kind: {given[0]} is given, so {name} cannot be"
        yield Problem((name,), message)


def _span_problems(claim: GrowthClaim | TrendClaim) -> Iterator[Problem]:
    """A claim's years: in order; a growth claim gives both or neither."""
    start, end = claim.start, claim.end
    if is_year(start) and is_year(end) and end < start:
        yield Problem(("end",), f"end year {end} is before start year {start}")
    elif (start is None) != (end is None):
        missing = "end" if end is None else "start"
        message = "give both start and end, or neither for the whole history"
        yield Problem((missing,), message)


def _inferred_problems(inferred: tuple[object, ...], allowed: list[str]) -> Iterator[Problem]:
    seen: set[object] = set()
    for index, name in enumerate(inferred):
        if not isinstance(name, str):
            continue
        if name not in allowed:
            message = (
                f"{shown(name)} is not a field that can be inferred; use one of {list(allowed)}"
            )
            yield Problem(("inferred", index), message)
        elif name in seen:
            yield Problem(("inferred", index), f"{shown(name)} is listed twice")
        seen.add(name)


def text_problems(pairs: object) -> Iterator[Problem]:
    """What is wrong with the (language, text) pairs of a `LocalizedText`."""
    if type(pairs) is not tuple:
        yield Problem((), expected("a table of texts by language", pairs))
        return
    if not pairs:
        yield Problem((), "needs a text in at least one language")
    seen: set[str] = set()
    for index, pair in enumerate(pairs):
        if not (type(pair) is tuple and len(pair) == 2):
            yield Problem((index,), expected("a (language, text) pair", pair))
            continue
        language, text = pair
        where: PathSegment = language if isinstance(language, str) else index
        message: str | None = check_tag(language)
        if is_language_tag(language):
            if language in seen:
                message = f"language {shown(language)} is given twice"
            seen.add(language)
        message = message or check_text(text)
        if message is not None:
            yield Problem((where,), message)


def language_problems(languages: object) -> Iterator[Problem]:
    """What is wrong with a network's `languages`: tags, at least one, each once."""
    if not isinstance(languages, (tuple, list)):
        yield Problem(("languages",), expected("a list", languages))
        return
    if not languages:
        yield Problem(("languages",), "needs at least one language")
    seen: set[str] = set()
    for index, tag in enumerate(languages):
        message = check_tag(tag)
        if is_language_tag(tag):
            if tag in seen:
                message = f"language {shown(tag)} is listed twice"
            seen.add(tag)
        if message is not None:
            yield Problem(("languages", index), message)


# --------------------------------------------------------------------------- validation


_TRUSTED: ContextVar[bool] = ContextVar("trusted", default=False)


@contextmanager
def trusted() -> Iterator[None]:
    """
    Build records without checking them again, within the block.

    For the loader alone, which has checked every value of a document, with
    these same checks, before it builds a record of it.
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def validate(record: object) -> None:
    """
    Convert what people write in *record*, just built, then check it; raise a `DataError`.

    Within `trusted()` (the loader, whose values are converted and checked as it
    reads them) it does nothing at all.

    Raises:
        DataError: If a field or the agreement of fields breaks a rule.

    """
    if _TRUSTED.get():
        return
    convert(record)
    problems = list(problems_of(record))
    if problems:
        raise DataError(problems, subject=_SUBJECTS[type(record)])


def problems_of(record: object) -> Iterator[Problem]:
    """Every problem of *record*, built in Python."""
    if isinstance(record, LocalizedText):
        yield from text_problems(record.texts)
        return
    if isinstance(record, Network):
        yield from _network_problems(record)
        return
    yield from field_problems(record)
    yield from record_problems(record)


def _network_problems(network: Network) -> Iterator[Problem]:
    typed = True
    for problem in field_problems(network):
        if problem.path[0] == "languages":
            continue  # said below, with the rest about languages
        typed = typed and problem.path[0] not in COLLECTIONS
        yield problem
    yield from language_problems(network.languages)
    if typed:  # the checks across records need well-typed collections
        yield from cross_problems(Parts.of(network))


# --------------------------------------------------------------------------- across records


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
    texts: list[tuple[Path, LocalizedText]]
    phase_keys: tuple[str, ...] | None
    source_keys: tuple[str, ...] | None
    sources: tuple[Source | None, ...]
    phases: tuple[Phase | None, ...]
    services: tuple[Service | None, ...]
    snapshots: tuple[MembershipSnapshot | None, ...]
    milestones: tuple[Milestone | None, ...]
    claims: tuple[Claim | None, ...] = ()

    @classmethod
    def of(cls, network: Network) -> Parts:
        """The parts of a network whose collections are well typed."""
        valid_languages = not any(language_problems(network.languages))
        return cls(
            languages=network.languages if valid_languages else None,
            texts=list(texts_of(network, ())),
            phase_keys=tuple(p.key for p in network.phases),
            source_keys=tuple(s.key for s in network.sources),
            sources=network.sources,
            phases=network.phases,
            services=network.services,
            snapshots=network.snapshots,
            milestones=network.milestones,
            claims=network.claims,
        )


_TEXT_FIELDS: dict[type, list[tuple[str, bool]]] = {}


def _text_fields(cls: type[Any]) -> list[tuple[str, bool]]:
    """The fields of *cls* that hold texts, each with whether it holds records of texts."""
    found = _TEXT_FIELDS.get(cls)
    if found is None:
        found = _TEXT_FIELDS[cls] = [
            (rule.name, rule.kind is not LocalizedText)
            for rule in rules(cls)
            if rule.kind is LocalizedText or attrs.has(rule.item or rule.kind)
        ]
    return found


def texts_of(record: object, path: Path) -> Iterator[tuple[Path, LocalizedText]]:
    """Every `LocalizedText` of *record* and the records it holds, with its path."""
    for name, nested in _text_fields(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if not nested:
            yield (*path, name), value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from texts_of(item, (*path, name, index))
        else:
            yield from texts_of(value, (*path, name))


def cross_problems(parts: Parts) -> Iterator[Problem]:
    """Every problem that spans records: order, overlaps, uniqueness, references, languages."""
    yield from _unique_keys(parts.sources, "sources")
    yield from _unique_keys(parts.phases, "phases")
    yield from _unique_keys(parts.services, "services")
    yield from _unique_keys(parts.milestones, "milestones")
    yield from _unique_keys(parts.claims, "claims")
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
                f"{before.start} (phase {shown(before.key)})"
            )
            yield Problem(("phases", index, "start"), message)
        elif before.end is None:
            message = f"only the last phase may be open-ended; {shown(phase.key)} follows it"
            yield Problem(("phases", index - 1, "end"), message)
        elif phase.start < before.end:
            message = (
                f"overlaps phase {shown(before.key)} ({before.span}): neighbouring phases "
                f"share at most one year, so it may start in {before.end} at the earliest"
            )
            yield Problem(("phases", index, "start"), message)


class _Known:
    """
    The keys a reference may name, in the network's order, and the words for a bad one.

    A message names the keys once listed (built when first needed) and, for a
    reference close to one of them, that key as a hint. A hint costs a `difflib`
    comparison with each key, so one list gives at most MAX_HINTS of them (each
    reference looked up once), and none among more than MAX_HINT_KEYS keys.
    """

    MAX_HINTS: ClassVar[int] = 100
    MAX_HINT_KEYS: ClassVar[int] = 1_000

    def __init__(self, what: str, keys: tuple[str, ...] | None) -> None:
        self.what = what
        self.keys = keys
        self.lookup = frozenset(keys or ())
        self._listed: str | None = None
        self._hints: dict[str, str] = {}

    def knows(self, key: str) -> bool:
        """Whether *key* is one of the keys, or they are not known (nothing to say then)."""
        return self.keys is None or key in self.lookup

    def unknown(self, key: str) -> str:
        """`unknown phase 'implantaton'; did you mean 'implantation'? (the network's …)`."""
        if self._listed is None:
            self._listed = f"the network's {self.what}s are {listing(self.keys or ())}"
        hint = self._hints.get(key)
        if hint is None:
            hint = ""
            if len(self._hints) < self.MAX_HINTS and len(self.lookup) <= self.MAX_HINT_KEYS:
                hint = self._hints[key] = did_you_mean(key, self.keys or ())
        return f"unknown {self.what} {shown(key)}{hint} ({self._listed})"


def _reference_problems(parts: Parts) -> Iterator[Problem]:
    collections: dict[str, tuple[Provenance | None, ...]] = {
        "phases": parts.phases,
        "services": parts.services,
        "snapshots": parts.snapshots,
        "milestones": parts.milestones,
        "claims": parts.claims,
    }
    known = _Known("source", parts.source_keys)
    for name, records in collections.items():
        for index, record in enumerate(records):
            source = None if record is None else record.source
            if source is not None and not known.knows(source):
                yield Problem((name, index, "source"), known.unknown(source))
    known = _Known("phase", parts.phase_keys)
    for index, service in enumerate(parts.services):
        introduced = None if service is None else service.introduced
        if introduced is not None and not known.knows(introduced):
            yield Problem(("services", index, "introduced"), known.unknown(introduced))


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
    known = _Known("phase", parts.phase_keys)
    for index, record in enumerate(parts.snapshots):
        if record is None or record.phase is None:
            continue
        phase = phases.get(record.phase)
        if phase is not None:
            yield from _snapshot_phase_problems(index, record, phase)
        elif not known.knows(record.phase):
            yield Problem(("snapshots", index, "phase"), known.unknown(record.phase))


def _snapshot_phase_problems(
    index: int, snapshot: MembershipSnapshot, phase: Phase
) -> Iterator[Problem]:
    if snapshot.dating is Dating.PHASE:
        if phase.end is None:
            message = f"phase {shown(phase.key)} is open-ended, so it cannot date a snapshot"
            yield Problem(("snapshots", index, "phase"), message)
        elif snapshot.year != phase.end:
            message = (
                f"a snapshot dated by phase {shown(phase.key)} has its end year "
                f"{phase.end} as year, not {snapshot.year}"
            )
            yield Problem(("snapshots", index, "year"), message)
    elif not phase.contains(snapshot.year):
        message = f"year {snapshot.year} is not in phase {shown(phase.key)} ({phase.span})"
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
    languages: tuple[str, ...], texts: list[tuple[Path, LocalizedText]]
) -> Iterator[Problem]:
    """
    Each text given in every one of *languages*, and in no other.

    One problem per text names the languages it misses (the first few), and one
    per language it should not have: the work and the words grow with the
    texts, not with texts times languages.
    """
    wanted = frozenset(languages)
    listed = listing(languages)
    for path, text in texts:
        pairs = text.texts
        if len(pairs) == len(wanted) and all(tag in wanted for tag, _ in pairs):
            continue  # each language once, so every one of them
        have = frozenset(tag for tag, _ in pairs)
        present = len(have & wanted)
        if present < len(wanted):
            yield Problem(path, _missing_message(languages, have, present, listed))
        for tag, _ in pairs:
            if tag not in wanted:
                message = (
                    f"text in {shown(tag)}, which is not one of the network's languages {listed}"
                )
                yield Problem((*path, tag), message)


def _missing_message(
    languages: tuple[str, ...], have: frozenset[str], present: int, listed: str
) -> str:
    """`missing the text in 'fr' (the network's languages are ['en', 'fr'])`, and the like."""
    count = len(languages) - present
    first: list[str] = []
    for tag in languages:  # stops after a few: at most len(have) + 3 steps
        if tag not in have:
            first.append(shown(tag))
            if len(first) == 3:
                break
    if count == 1:
        missing = first[0]
    elif count <= len(first):
        missing = f"{', '.join(first[:-1])} and {first[-1]}"
    else:
        missing = f"{', '.join(first)} and {count - len(first):,} more languages"
    return f"missing the text in {missing} (the network's languages are {listed})"


def _unique_keys(
    records: tuple[Source | Phase | Service | Milestone | Claim | None, ...], collection: str
) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, record in enumerate(records):
        if record is None:
            continue
        key = record.key
        if key in first:
            message = f"key {shown(key)} is already used by {collection}[{first[key]}]"
            yield Problem((collection, index, "key"), message)
        else:
            first[key] = index
