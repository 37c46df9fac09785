"""
The one cattrs converter, and the documents it reads and writes.

A document is the network's fields plus a top-level `format` (the integer 1).
Structuring is strict: no coercion of `True`, `2007.9` or `"2007"` to an
integer, no unknown keys, no NaN or infinities, and every failure is gathered
into one `DataError` whose problems each end at the field to fix.
"""

from __future__ import annotations

import enum
import functools
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from types import UnionType
from typing import Any, ClassVar, Final, Union, get_args, get_origin

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter, make_converter

from ._checks import Parts, check_texts_type, cross_problems, describe, language_problems, texts_of
from ._errors import DataError, PathSegment, Problem, shown
from ._model import (
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Share,
    Source,
)

FORMAT_VERSION: Final = 1
"""The version of the document layout this release reads and writes."""


# --------------------------------------------------------------------------- scalar hooks


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    msg = f"expected an integer, got {describe(value)}"
    raise TypeError(msg)


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            return number
    msg = f"expected a finite number, got {describe(value)}"
    raise TypeError(msg)


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    msg = f"expected a string, got {describe(value)}"
    raise TypeError(msg)


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    msg = f"expected true or false, got {describe(value)}"
    raise TypeError(msg)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    values = [member.value for member in kind]

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, str):
            for member in kind:
                if member.value == value:
                    return member
        msg = f"expected one of {values}, got {describe(value)}"
        raise ValueError(msg)

    return structure


def _structure_text(value: object, _: type) -> LocalizedText:
    if not isinstance(value, dict):
        raise TypeError(check_texts_type(value))
    problems = [
        Problem((language,), f"expected a string, got {describe(text)}")
        for language, text in value.items()
        if not isinstance(text, str)
    ]
    if problems:
        raise DataError(problems, subject="text")
    return LocalizedText(value)


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _tuple_hook(
    converter: JsonConverter,
) -> Callable[[Any], Callable[[object, type], tuple[Any, ...]]]:
    def factory(kind: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(kind)[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                msg = f"expected a list, got {describe(value)}"
                raise TypeError(msg)
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - every failure is gathered and re-raised
                    note = IterableValidationNote(
                        f"Structuring {kind} @ index {index}", index, item_type
                    )
                    exc.add_note(note)
                    errors.append(exc)
            if errors:
                msg = f"While structuring {kind!r}"
                raise IterableValidationError(msg, errors, kind)
            return tuple(items)

        return structure

    return factory


def _omit_none_unstructure(
    converter: JsonConverter,
) -> Callable[[type], Callable[[Any], dict[str, Any]]]:
    def factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        # Leave out what is not known (None) and, below the network, empty lists:
        # TOML has no null, and a record's `inferred: []` says nothing.
        overrides = {
            a.name: override(omit_if_default=True)
            for a in attrs.fields(cls)
            if a.default is None or (a.default == () and cls is not Network)
        }
        inner: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls,
            converter,
            **overrides,  # type: ignore[arg-type]
        )
        order = [a.name for a in attrs.fields(cls) if a.init]

        def unstructure(value: Any) -> dict[str, Any]:
            # cattrs writes the fields it may omit last; keep the model's order instead.
            out = inner(value)
            return {name: out[name] for name in order if name in out}

        return unstructure

    return factory


def _attrs_structure(converter: JsonConverter) -> Callable[[type], Callable[[Any, type], Any]]:
    """
    Structure attrs classes from tables, field by field, gathering every failure.

    The hook walks the fields instead of generating code (as cattrs'
    `make_dict_structure_fn` does), which keeps the first load fast; it raises
    the same `ClassValidationError`, with an `AttributeValidationNote` per field.

    Unknown keys are *reported*, not dropped: `build_network` finds them all,
    with their paths, in one walk of the document before structuring, so a
    document with an unknown key and a broken invariant reports both at once.
    """

    def factory(cls: type) -> Callable[[Any, type], Any]:
        plan = [
            (a.name, a.type, converter.get_structure_hook(a.type), a.default is attrs.NOTHING)
            for a in attrs.fields(cls)
            if a.init
        ]

        def structure(value: object, _: type) -> Any:
            if not isinstance(value, dict):
                msg = f"expected a table, got {describe(value)}"
                raise TypeError(msg)
            kwargs: dict[str, Any] = {}
            errors: list[Exception] = []
            for name, kind, hook, required in plan:
                if name not in value:
                    if required:
                        missing = KeyError(name)
                        missing.add_note(_note(cls, name, kind))
                        errors.append(missing)
                    continue
                try:
                    kwargs[name] = hook(value[name], kind)
                except Exception as exc:  # noqa: BLE001 - every failure is gathered and re-raised
                    exc.add_note(_note(cls, name, kind))
                    errors.append(exc)
            if errors:
                msg = f"While structuring {cls.__name__}"
                raise ClassValidationError(msg, errors, cls)
            try:
                return cls(**kwargs)
            except DataError as exc:
                msg = f"While structuring {cls.__name__}"
                raise ClassValidationError(msg, [exc], cls) from None

        return structure

    return factory


def _note(cls: type, name: str, kind: Any) -> AttributeValidationNote:
    return AttributeValidationNote(
        f"Structuring class {cls.__name__} @ attribute {name}", name, kind
    )


def _unknown_keys(
    value: object, kind: Any, path: tuple[PathSegment, ...], hints: UnknownKeys
) -> Iterator[Problem]:
    """Every key of *value* that the model type *kind* has no field for, with its path."""
    args = [arg for arg in get_args(kind) if arg is not type(None)]
    if get_origin(kind) in {Union, UnionType} and len(args) == 1:
        kind = args[0]
    if _is_homogeneous_tuple(kind) and isinstance(value, list):
        item_type = get_args(kind)[0]
        for index, item in enumerate(value):
            yield from _unknown_keys(item, item_type, (*path, index), hints)
    elif attrs.has(kind) and kind is not LocalizedText and isinstance(value, dict):
        types = {a.name: a.type for a in attrs.fields(kind) if a.init}
        for key, item in value.items():
            if key in types:
                yield from _unknown_keys(item, types[key], (*path, key), hints)
            else:
                yield Problem((*path, key), hints.message(key, tuple(types)))


class UnknownKeys:
    """
    The messages for a document's unknown keys, each with the nearest known key as a hint.

    A hint costs a `difflib` comparison with each known key, so one document gets
    at most `MAX_HINTS` of them (the first unknown keys, each looked up once);
    the rest are named without one. A key too long to be a typo of a known one
    is not compared at all.
    """

    MAX_HINTS: ClassVar[int] = 100

    def __init__(self) -> None:
        self._messages: dict[tuple[str, tuple[str, ...]], str] = {}

    def message(self, key: str, known: tuple[str, ...]) -> str:
        """`unknown key 'membres'; did you mean 'members'?`, or without the hint."""
        message = self._messages.get((key, known))
        if message is None:
            message = f"unknown key {shown(key)}"
            if len(self._messages) < self.MAX_HINTS:
                hint = _nearest(key, known)
                if hint is not None:
                    message += f"; did you mean {hint!r}?"
                self._messages[key, known] = message
        return message


def _nearest(key: str, known: tuple[str, ...]) -> str | None:
    import difflib  # noqa: PLC0415 - only when a document has a typo

    # difflib's ratio is at most 2 * shorter / (sum of lengths): below the 0.6 cutoff for a
    # key more than 7/3 times as long as every known one, so no need to compare.
    if 3 * len(key) > 7 * max(map(len, known), default=0):
        return None
    hints = difflib.get_close_matches(key, known, n=1)
    return hints[0] if hints else None


def make_reseau_converter() -> JsonConverter:
    """Build the library's converter (use `converter()`, which builds it once)."""
    for cls in (
        LocalizedText,
        MembershipSnapshot,
        Milestone,
        Network,
        Phase,
        Service,
        Share,
        Source,
    ):
        attrs.resolve_types(cls)  # hooks and walks read field types: strings until resolved
    conv = make_converter(detailed_validation=True)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_structure_hook(LocalizedText, _structure_text)
    conv.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(conv))
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t is not LocalizedText, _attrs_structure(conv)
    )
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t is not LocalizedText, _omit_none_unstructure(conv)
    )
    return conv


@functools.cache
def converter() -> JsonConverter:
    """The library's one converter, built on first use."""
    return make_reseau_converter()


# --------------------------------------------------------------------------- errors


def problems_from(exc: BaseException, path: tuple[PathSegment, ...] = ()) -> Iterator[Problem]:
    """Turn what cattrs and the model raised into `Problem`s whose paths end at the field."""
    if isinstance(exc, DataError):
        yield from (problem.under(path) for problem in exc.problems)
    elif isinstance(exc, ClassValidationError):
        with_names, without = exc.group_exceptions()
        for inner, name_note in with_names:
            yield from problems_from(inner, (*path, name_note.name))
        for inner in without:
            yield from problems_from(inner, path)
    elif isinstance(exc, IterableValidationError):
        with_indices, without = exc.group_exceptions()
        for inner, index_note in with_indices:
            yield from problems_from(inner, (*path, index_note.index))
        for inner in without:
            yield from problems_from(inner, path)
    elif isinstance(exc, KeyError):
        yield Problem(path, "required key is missing")
    else:
        yield Problem(path, str(exc) or type(exc).__name__)


# --------------------------------------------------------------------------- documents


def network_from_dict(data: object) -> Network:
    """
    Build a `Network` from a parsed document (`dict`), strictly.

    Raises:
        DataError: Naming every problem in the document, each by its path.

    Examples:
        >>> network_from_dict({"format": 1, "name": {"en": "Coop"}, "languages": ["en"]}).name["en"]
        'Coop'

    """
    return build_network(data, ())


def build_network(data: object, found: Iterable[Problem]) -> Network:
    """Structure *data*, adding the problems the parser *found* (duplicate keys, say)."""
    found = list(found)
    if not isinstance(data, dict):
        raise DataError(
            [*found, Problem((), f"a document is a table (a JSON object), got {describe(data)}")]
        )
    if "format" not in data:
        message = f'required key is missing: add "format": {FORMAT_VERSION} (the layout version)'
        raise DataError([*found, Problem(("format",), message)])
    version = data["format"]
    if isinstance(version, bool) or not isinstance(version, int) or version != FORMAT_VERSION:
        message = f"unknown format {describe(version)}; this release reads format {FORMAT_VERSION}"
        raise DataError([*found, Problem(("format",), message)])
    body = {key: value for key, value in data.items() if key != "format"}
    conv = converter()  # resolves the model's field types, which the walk reads
    found.extend(_unknown_keys(body, Network, (), UnknownKeys()))
    network: Network | None = None
    try:
        network = conv.structure(body, Network)
    except ClassValidationError as exc:
        found.extend(problems_from(exc))
        if exc.group_exceptions()[0]:  # some fields failed, so the network was never built
            found.extend(cross_problems(_salvage(body)))
    if found or network is None:
        raise DataError(_in_document_order(found, data))
    return network


_FAILURES = (ClassValidationError, IterableValidationError, DataError, TypeError, ValueError)


def _salvage(body: dict[str, Any]) -> Parts:
    """
    The parts of a document that do build, for the checks that span records.

    When some records fail, the rest are still checked for order, overlaps,
    duplicates and references, so one pass reports every problem. A record
    that failed is `None` in its place, and the checks skip what needs it.
    """
    languages = _build_or_none(tuple[str, ...], body.get("languages"))
    if languages is not None and any(language_problems(languages)):
        languages = None
    parts = {name: _records_or_none(body, name, kind) for name, kind in _COLLECTIONS.items()}
    texts: list[tuple[tuple[PathSegment, ...], LocalizedText]] = []
    for name in ("name", "description"):
        text = _build_or_none(LocalizedText, body.get(name))
        if text is not None:
            texts.append(((name,), text))
    for name, items in parts.items():
        for index, item in enumerate(items):
            if item is not None:
                texts.extend(texts_of(item, (name, index)))
    return Parts(
        languages=languages,
        texts=texts,
        phase_keys=_raw_keys(body, "phases"),
        source_keys=_raw_keys(body, "sources"),
        **parts,
    )


_COLLECTIONS: dict[str, type] = {
    "sources": Source,
    "phases": Phase,
    "services": Service,
    "snapshots": MembershipSnapshot,
    "milestones": Milestone,
}


def _build_or_none(kind: Any, value: object) -> Any:
    try:
        return converter().structure(value, kind)
    except _FAILURES:
        return None


def _records_or_none(body: dict[str, Any], name: str, kind: type) -> tuple[Any, ...]:
    value = body.get(name, [])
    if not isinstance(value, list):
        return (None,)  # nothing to check against: references to it are skipped
    return tuple(_build_or_none(kind, item) for item in value)


def _raw_keys(body: dict[str, Any], name: str) -> frozenset[str] | None:
    """The keys the document gives a collection's records, or `None` if one is not clear."""
    value = body.get(name, [])
    if not isinstance(value, list):
        return None
    keys = [item.get("key") if isinstance(item, dict) else None for item in value]
    if not all(isinstance(key, str) for key in keys):
        return None
    return frozenset(str(key) for key in keys)


def _in_document_order(problems: list[Problem], document: object) -> list[Problem]:
    """
    Sort *problems* as their places come in the document; a missing key after its table.

    A problem's place is the position of each step of its path in its table or
    list, so only the tables on the problems' paths are looked at, each once.
    """
    positions: dict[int, dict[str, int]] = {}  # by table: the position of each key

    def place(path: tuple[PathSegment, ...]) -> tuple[int, ...]:
        steps: list[int] = []
        value = document
        for segment in path:
            if isinstance(value, dict) and isinstance(segment, str) and segment in value:
                table = positions.get(id(value))
                if table is None:
                    table = positions[id(value)] = {key: i for i, key in enumerate(value)}
                steps.append(table[segment])
                value = value[segment]
            elif isinstance(value, list) and isinstance(segment, int) and segment < len(value):
                steps.append(segment)
                value = value[segment]
            else:  # not in the document (a missing key): after everything in its table
                steps.append(sys.maxsize)
                break
        return tuple(steps)

    return sorted(problems, key=lambda problem: place(problem.path))


def network_to_dict(network: Network) -> dict[str, Any]:
    """
    Turn *network* into a document: plain `dict`s, lists, strings and numbers.

    Optional values that are not known (`None`) are left out, as TOML needs.

    Examples:
        >>> network_to_dict(Network(name=LocalizedText({"en": "Coop"}), languages=["en"]))
        {'format': 1, 'name': {'en': 'Coop'}, 'languages': ['en'], 'sources': [], 'phases': [],
         'services': [], 'snapshots': [], 'milestones': []}

    """
    body: dict[str, Any] = converter().unstructure(network)
    return {"format": FORMAT_VERSION, **body}
