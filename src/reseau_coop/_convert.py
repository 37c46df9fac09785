"""
The one cattrs converter, and the reading of documents, in one pass.

A document is the network's fields plus a top-level `format` (the integer 1).
Reading goes through it once. Each value is checked where it is read, by the
checks of `_checks` (which the constructors call too), so it is checked once;
each problem is recorded as it is found, with its path; a record is built,
without being checked again, from values that passed; and the checks across
records run on the records that could be built. Every problem comes out at
once, in document order, each ending at the field to fix. Writing a network
goes through the converter, which leaves out what is not known.
"""

from __future__ import annotations

import bisect
import enum
import functools
import operator
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeAlias

import attrs

from ._checks import (
    ACROSS,
    COLLECTIONS,
    TEXTS,
    Check,
    Parts,
    check_string,
    check_tag,
    check_text,
    cross_problems,
    describe,
    expected,
    language_problems,
    one_of,
    record_problems,
    rules,
    trusted,
)
from ._errors import DataError, PathSegment, Problem, did_you_mean, number, shown
from ._model import (
    Claim,
    GrowthClaim,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Share,
    ShareClaim,
    Source,
    TrendClaim,
)

if TYPE_CHECKING:
    # cattrs is imported when the converter is first built (writing a document), not by
    # `import reseau_coop`: reading a document goes through this module's reader alone.
    from cattrs.preconf.json import JsonConverter

FORMAT_VERSION: Final = 1
"""The version of the document layout this release reads and writes."""

MAX_DEPTH: Final = 16
"""The deepest nesting of tables and lists the loaders accept.

The layout itself goes five deep (document → snapshots → snapshot → share → text)."""

TOO_DEEP: Final = f"not a network history: nested too deeply (more than {MAX_DEPTH} levels)"

MAX_PROBLEMS: Final = 100_000
"""How many problems the loaders gather before they stop reading a document.

Far more than anyone reads, and few enough that a document of the largest size
made of nothing but mistakes is judged in a few seconds: the last problem then
says that reading stopped there."""

Path: TypeAlias = tuple[PathSegment, ...]


class _Bad:
    """What a reader gives for a value it could not read; its problems are recorded."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<bad value>"


_BAD: Final = _Bad()


class Table(dict[str, Any]):
    """A table of a document that holds keys given more than once (the last one counts)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: tuple[str, ...]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


def table(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """
    A parsed JSON object (`json.loads`'s `object_pairs_hook`): a `dict`, or a `Table`.

    A plain `dict` when every key is given once, which is nearly always and as
    fast as JSON allows; a `Table` naming the keys given twice otherwise.
    """
    value = dict(pairs)
    if len(value) == len(pairs):
        return value
    seen: set[str] = set()
    again: dict[str, None] = {}  # each key once, in the order first seen twice
    for key, _ in pairs:
        if key in seen:
            again[key] = None
        seen.add(key)
    return Table(pairs, tuple(again))


# --------------------------------------------------------------------------- reading

Reader: TypeAlias = Callable[["Reading", object, Path], Any]


_Field: TypeAlias = tuple[bool, Check, "Reader | None"]
"""How to read one field: whether it is optional, its check, and the reader of a value
built from the document (a text, a list, a record), if any."""


@attrs.frozen
class _Spec:
    """How to read a record of class *cls*: its fields, the required ones, the known keys."""

    cls: type[Any]
    fields: dict[str, _Field]
    required: frozenset[str]
    known: tuple[str, ...]
    across: frozenset[str]


_SPECS: dict[type, _Spec] = {}


def _spec(cls: type[Any]) -> _Spec:
    """The spec of *cls*, made once from its rules (`_checks.rules`)."""
    found = _SPECS.get(cls)
    if found is None:
        found = _SPECS[cls] = _make_spec(cls)
    return found


def _make_spec(cls: type[Any]) -> _Spec:
    fields: dict[str, _Field] = {}
    for rule in rules(cls):
        kind = rule.kind
        read: Reader | None = None  # a scalar: its check is all there is to reading it
        if rule.name == "languages":
            read = _read_languages
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            read = functools.partial(_read_choice, kind)
        elif kind is LocalizedText:
            read = _read_texts
        elif rule.item is str:
            read = functools.partial(_read_strings, rule.items or check_string)
        elif rule.item is not None:
            read = functools.partial(_read_records, _spec(rule.item))
        elif attrs.has(kind):
            read = functools.partial(_read_record, _spec(kind))
        fields[rule.name] = (rule.optional, rule.check, read)
    required = frozenset(rule.name for rule in rules(cls) if rule.required)
    return _Spec(cls, fields, required, tuple(fields), ACROSS.get(cls, frozenset()))


class _Enough(Exception):  # noqa: N818 - not an error: reading stops
    """Raised when a reading has gathered MAX_PROBLEMS problems."""


class Reading:
    """
    One document being read: the problems found so far, and the texts read.

    The problems of each value come as the reading meets it, so `problems`
    is in document order; those found later about places already passed (the
    checks across fields and across records, keys given twice) go to `late`.
    """

    __slots__ = ("hints", "late", "problems", "tags", "texts")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.late: list[Problem] = []
        self.texts: list[tuple[Path, LocalizedText]] = []
        self.tags: set[str] = set()  # the language tags found good, each checked once
        self.hints = UnknownKeys()

    def add(self, problem: Problem, *, late: bool = False) -> None:
        """Record *problem*; stop reading (`_Enough`) once there are MAX_PROBLEMS."""
        (self.late if late else self.problems).append(problem)
        if len(self.problems) + len(self.late) >= MAX_PROBLEMS:
            raise _Enough

    def in_document_order(self, document: object) -> list[Problem]:
        """Every problem recorded, in the order of their places in *document*."""
        return _in_document_order(self.problems, self.late, document)

    def problem(self, path: Path, message: str) -> None:
        """Record the problem *message* at *path*."""
        self.add(Problem(path, message))

    def duplicates(self, value: dict[str, Any], path: Path) -> None:
        """Record each key the table *value* holds more than once."""
        for key in getattr(value, "duplicates", ()):
            message = f"key {shown(key)} is given more than once in this object"
            self.add(Problem((*path, key), message), late=True)

    def fields(self, spec: _Spec, value: dict[str, Any], path: Path) -> tuple[dict[str, Any], int]:
        """The values of a record's fields, each read and checked; how many of them failed."""
        if type(value) is not dict:
            self.duplicates(value, path)
        values: dict[str, Any] = {}
        failed = 0
        fields = spec.fields
        for key, item in value.items():
            field = fields.get(key)
            if field is None:
                if key != "format" or path:  # the version is read apart
                    self.problem((*path, key), self.hints.message(key, spec.known))
                continue
            optional, check, read = field
            if item is None and optional:
                continue  # null means "not known", as when the key is left out
            if read is None:
                message = check(item)
                if message is None:
                    values[key] = item
                    continue
                self.problem((*path, key), message)
                item = _BAD  # noqa: PLW2901 - what the field now holds
            else:
                item = read(self, item, (*path, key))  # noqa: PLW2901
            values[key] = item
            if item is _BAD:
                failed += 1
        if not spec.required <= values.keys():
            failed += self.missing(spec, values, path)
        return values, failed

    def missing(self, spec: _Spec, values: dict[str, Any], path: Path) -> int:
        """Record each required key *values* lacks, in the order of the fields; how many."""
        missing = [name for name in spec.known if name in spec.required and name not in values]
        for name in missing:
            self.add(Problem((*path, name), "required key is missing"))
            values[name] = _BAD
        return len(missing)

    def network(self, document: dict[str, Any]) -> Network | None:
        """The network of *document*, or `None` if it has problems (all recorded)."""
        values, failed = self.fields(_spec(Network), document, ())
        collections = {name: values.get(name, ()) for name in COLLECTIONS}
        languages = values.get("languages")
        parts = Parts(
            languages=None if languages is _BAD else languages,
            texts=self.texts,
            phase_keys=_raw_keys(document, "phases"),
            source_keys=_raw_keys(document, "sources"),
            **{name: (None,) if got is _BAD else got for name, got in collections.items()},
        )
        for problem in cross_problems(parts):
            self.add(problem, late=True)
        if self.problems or self.late or failed:  # a record that failed has its problems recorded
            return None
        return Network(**values)


def _read_record(spec: _Spec, reading: Reading, value: object, path: Path) -> Any:
    if not isinstance(value, dict):
        reading.problem(path, expected("a table", value))
        return _BAD
    values, failed = reading.fields(spec, value, path)
    across = not spec.across.isdisjoint(values)  # fields to check across are given
    if failed and not across:
        return _BAD
    record = spec.cls(**values)  # not checked again: the whole reading is trusted
    if across:
        for problem in record_problems(record):
            reading.add(problem.under(path), late=True)
            failed += 1
    return _BAD if failed else record


def _read_records(spec: _Spec, reading: Reading, value: object, path: Path) -> Any:
    """A list of records: a tuple with `None` in the place of each that could not be read."""
    if not isinstance(value, list):
        reading.problem(path, expected("a list", value))
        return _BAD
    read = [_read_record(spec, reading, item, (*path, index)) for index, item in enumerate(value)]
    return tuple(None if record is _BAD else record for record in read)


def _read_strings(check: Check, reading: Reading, value: object, path: Path) -> Any:
    if not isinstance(value, list):
        reading.problem(path, expected("a list", value))
        return _BAD
    passed = True
    for index, item in enumerate(value):
        message = check(item)
        if message is not None:
            reading.problem((*path, index), message)
            passed = False
    return tuple(value) if passed else _BAD


def _read_languages(reading: Reading, value: object, _path: Path) -> Any:
    passed = True
    for problem in language_problems(value):  # their paths start at the network's
        reading.add(problem)
        passed = False
    return tuple(value) if passed and isinstance(value, list) else _BAD


def _read_choice(kind: type[enum.Enum], reading: Reading, value: object, path: Path) -> Any:
    if type(value) is str:
        member = kind._value2member_map_.get(value)
        if member is not None:
            return member
    reading.problem(path, expected(one_of(kind), value))
    return _BAD


def _read_texts(reading: Reading, value: object, path: Path) -> Any:
    if not isinstance(value, dict):
        reading.problem(path, expected(TEXTS, value))
        return _BAD
    reading.duplicates(value, path)
    if not value:
        reading.add(Problem(path, "needs a text in at least one language"))
        return _BAD
    passed = True
    tags = reading.tags
    for language, text in value.items():
        if language in tags:
            message = check_text(text)
        elif (message := check_tag(language)) is None:
            tags.add(language)
            message = check_text(text)
        if message is not None:
            reading.problem((*path, language), message)
            passed = False
    if not passed:
        return _BAD
    texts = LocalizedText(value)
    reading.texts.append((path, texts))
    return texts


def _raw_keys(document: dict[str, Any], name: str) -> tuple[str, ...] | None:
    """The keys the document gives a collection's records, in order; `None` if one is not clear."""
    value = document.get(name, [])
    if not isinstance(value, list):
        return None
    keys = [item.get("key") if isinstance(item, dict) else None for item in value]
    strings = [key for key in keys if isinstance(key, str)]
    return tuple(strings) if len(strings) == len(keys) else None


def check_depth(document: dict[str, Any] | list[Any]) -> None:
    """
    Refuse *document* if it nests deeper than MAX_DEPTH, one level at a time.

    Only for a document with problems: the reader looks only where the layout
    has tables and lists (five levels deep), so a deeper one is always wrong
    somewhere, and a valid document is not walked again.
    """
    containers: list[Any] = [document]
    for _ in range(MAX_DEPTH):
        containers = [
            child
            for container in containers
            for child in (container.values() if isinstance(container, dict) else container)
            if isinstance(child, (dict, list))
        ]
        if not containers:
            return
    raise DataError.single(TOO_DEEP)


SYNONYMS: Final[dict[str, str]] = {
    # English
    "begin": "start",
    "beginning": "start",
    "from": "start",
    "since": "start",
    "finish": "end",
    "to": "end",
    "until": "end",
    "count": "members",
    "number": "members",
    "membership": "members",
    "date": "year",
    "type": "kind",
    "title": "name",
    "label": "name",
    "id": "key",
    "description": "summary",
    "comment": "note",
    "notes": "note",
    # French: the keys are English, the network and many of its users are not
    "début": "start",
    "debut": "start",
    "fin": "end",
    "année": "year",
    "annee": "year",
    "an": "year",
    "nom": "name",
    "titre": "title",
    "clé": "key",
    "cle": "key",
    "résumé": "summary",
    "resume": "summary",
    "genre": "kind",
    "citation": "quote",
    "langues": "languages",
    "langue": "language",
}
"""Words for a field that are no misspelling of its key (`begin` for `start`), for hints.

Edit distance finds `membres` for `members`, not another word for the same thing:
`begin` and `start` share no letters in order. A synonym is a hint only where its
field exists (`description` means `summary` in a phase, and is a key of a service)."""


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
        self._messages: dict[tuple[str, int], str] = {}

    def message(self, key: str, known: tuple[str, ...]) -> str:
        """`unknown key 'membres'; did you mean 'members'?`, or without the hint."""
        message = self._messages.get((key, id(known)))  # the keys of a spec, which lives on
        if message is None:
            message = f"unknown key {shown(key)}"
            if len(self._messages) < self.MAX_HINTS:
                message += did_you_mean(key, known, SYNONYMS)
                self._messages[key, id(known)] = message
        return message


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
    if not isinstance(data, dict) or not _is_version(data.get("format")):
        if isinstance(data, (dict, list)):
            check_depth(data)  # too deep is said first, for any document
        raise DataError([_not_a_history(data)])
    reading = Reading()
    stopped: list[Problem] = []
    try:
        with trusted():
            network = reading.network(data)
    except _Enough:
        network = None
        message = f"reading stopped after {MAX_PROBLEMS:,} problems: the document may hold more"
        stopped.append(Problem((), message))
    if network is not None:
        return network
    check_depth(data)
    raise DataError([*reading.in_document_order(data), *stopped])


def _is_version(value: object) -> bool:
    return type(value) is int and value == FORMAT_VERSION


def _not_a_history(data: object) -> Problem:
    """The problem of a document that is not a table, or not of this format version."""
    if not isinstance(data, dict):
        message = f"a document is a table (a JSON object), got {describe(data)}"
        return Problem((), message)
    if "format" not in data:
        message = f'required key is missing: add "format": {FORMAT_VERSION} (the layout version)'
        return Problem(("format",), message)
    version = data["format"]
    if type(version) is int:
        message = f"this release reads format {FORMAT_VERSION}, not format {number(version)}"
    elif isinstance(version, str) and version.strip() == str(FORMAT_VERSION):
        message = (
            f"the format is the number {FORMAT_VERSION}, written without quotes; "
            f"got {describe(version)}"
        )
    else:
        message = f"the format is the number {FORMAT_VERSION}; got {describe(version)}"
    return Problem(("format",), message)


def _in_document_order(
    in_order: list[Problem], late: list[Problem], document: object
) -> list[Problem]:
    """
    Merge the *late* problems into those already *in_order*, as their places come in *document*.

    A problem's place is the position of each step of its path in its table or
    list (a missing key comes after everything in its table). Only the late
    problems are placed, and each of the others it is compared with: a document
    whose problems all came in order is not sorted at all.
    """
    maps: dict[int, dict[str, int]] = {}  # by large table: the position of each key

    def place(problem: Problem) -> tuple[int, ...]:
        steps: list[int] = []
        value = document
        for segment in problem.path:
            if isinstance(value, dict) and isinstance(segment, str) and segment in value:
                if len(value) <= _SMALL:
                    steps.append(list(value).index(segment))
                else:
                    table = maps.get(id(value))
                    if table is None:
                        table = maps[id(value)] = {key: i for i, key in enumerate(value)}
                    steps.append(table[segment])
                value = value[segment]
            elif isinstance(value, list) and isinstance(segment, int) and segment < len(value):
                steps.append(segment)
                value = value[segment]
            else:  # not in the document (a missing key): after everything in its table
                steps.append(sys.maxsize)
                break
        return tuple(steps)

    merged: list[Problem] = []
    start = 0
    for problem in sorted(late, key=place):
        end = bisect.bisect_right(in_order, place(problem), lo=start, key=place)
        merged += in_order[start:end]
        merged.append(problem)
        start = end
    return merged + in_order[start:]


_SMALL: Final = 16  # a table this small is searched, not mapped


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


# --------------------------------------------------------------------------- the converter


def _structure(cls: type[Any]) -> Callable[[object, type], Any]:
    """The converter's hook for the model class *cls*: the reader, on one value."""

    def structure(value: object, _: type) -> Any:
        reading = Reading()
        try:
            with trusted():
                read = _read_record(_spec(cls), reading, value, ())
        except _Enough:
            read = None
        if reading.problems or reading.late:
            if isinstance(value, (dict, list)):
                check_depth(value)
            raise DataError(reading.in_document_order(value))
        return read

    return structure


def _omit_none_unstructure(
    converter: JsonConverter,
) -> Callable[[type], Callable[[Any], dict[str, Any]]]:
    from cattrs.gen import make_dict_unstructure_fn, override

    def factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        # Leave out what is not known (None) and, below the network, empty lists:
        # TOML has no null, and a record's `inferred: []` says nothing.
        overrides = {
            a.name: override(omit_if_default=True)
            for a in attrs.fields(cls)
            if a.default is None or (a.default == () and (cls is not Network or a.name == "claims"))
        }
        inner: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls,
            converter,
            **overrides,  # type: ignore[arg-type]
        )
        order = [a.name for a in attrs.fields(cls) if a.init]
        if order == [name for name in order if name not in overrides] + list(overrides):
            return inner

        def unstructure(value: Any) -> dict[str, Any]:
            # cattrs writes the fields it may omit last; keep the model's order instead.
            out = inner(value)
            return {name: out[name] for name in order if name in out}

        return unstructure

    return factory


def make_reseau_converter() -> JsonConverter:
    """
    Build the library's converter (use `converter()`, which builds it once).

    It writes records as documents do, leaving out what is not known, and reads
    them with the strict reader of this module, raising a `DataError`.
    """
    from cattrs.preconf.json import make_converter

    for cls in (
        Network,
        Claim,
        GrowthClaim,
        TrendClaim,
        ShareClaim,
        LocalizedText,
        MembershipSnapshot,
        Milestone,
        Phase,
        Service,
        Share,
        Source,
    ):
        attrs.resolve_types(cls)  # the hooks read field types: strings until resolved
    conv = make_converter()
    conv.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    conv.register_unstructure_hook_factory(  # the value, read without the enum's descriptor
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _: operator.attrgetter("_value_"),
    )
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t is not LocalizedText, _omit_none_unstructure(conv)
    )
    conv.register_structure_hook(LocalizedText, _structure_texts)
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t is not LocalizedText, _structure
    )
    return conv


def _structure_texts(value: object, _: type) -> LocalizedText:
    reading = Reading()
    with trusted():
        read = _read_texts(reading, value, ())  # a table of strings: few problems
    if reading.problems or reading.late:
        raise DataError(reading.in_document_order(value), subject="text")
    return read  # type: ignore[no-any-return]  # a LocalizedText, with no problems


@functools.cache
def converter() -> JsonConverter:
    """The library's one converter, built on first use."""
    return make_reseau_converter()
