"""Exceptions raised by `reseau_coop`, and the *problem* records a `DataError` carries."""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeAlias

from attrs import frozen

MAX_SHOWN = 100
"""How many problems the text of a `DataError` lists; `.problems` holds them all."""

MAX_SHOWN_CHARS = 40
"""How many characters of a key or a value a message shows; a longer one is cut, with "…"."""

_LISTED = 10  # how many names a message lists before it counts the rest

# `cls.__new__(cls, *args)` under the name pickle knows (its NEWOBJ opcode); typeshed omits it.
_NEWOBJ: Final[Callable[..., object]] = copyreg.__newobj__  # type: ignore[attr-defined]

PathSegment: TypeAlias = str | int
"""One step of a path into a document: a key (`str`) or a list index (`int`)."""


def format_path(segments: Iterable[PathSegment]) -> str:
    """
    Render *segments* the way error messages show them.

    Examples:
        >>> format_path(["snapshots", 1, "members"])
        '$.snapshots[1].members'
        >>> format_path([])
        '$'

    """
    out = ["$"]
    for segment in segments:
        if isinstance(segment, int):
            out.append(f"[{segment}]")
        elif len(segment) <= MAX_SHOWN_CHARS and segment.isidentifier():
            out.append(f".{segment}")
        else:
            out.append(f"[{shown(segment)}]")
    return "".join(out)


def shown(text: str) -> str:
    """
    *text* as a message quotes it: its `repr`, cut after 40 characters.

    A message stays short whatever a document holds: a key of a million
    characters is shown by its start.

    Examples:
        >>> shown("membres")
        "'membres'"
        >>> shown("k" * 100)
        "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…'"

    """
    if len(text) > MAX_SHOWN_CHARS:
        text = text[:MAX_SHOWN_CHARS] + "…"
    return repr(text)


def nearest(
    word: str, known: Iterable[str], synonyms: Mapping[str, str] | None = None
) -> str | None:
    """
    The one of *known* that *word* most likely meant, or `None`: for "did you mean".

    A word of *synonyms* means its value when that is known (`begin` means
    `start`): another word for the same thing is no misspelling of it, so no
    edit distance finds it. Otherwise the closest spelling, if close enough
    (`difflib`'s ratio of 0.6 or more: `membres` for `members`).

    Examples:
        >>> nearest("membres", ["year", "members"]), nearest("zzz", ["year"])
        ('members', None)
        >>> nearest("begin", ["start", "end"], {"begin": "start"})
        'start'

    """
    choices = known if isinstance(known, (list, tuple)) else list(known)
    meant = None if synonyms is None else synonyms.get(word.casefold())
    if meant is not None and meant in choices:
        return meant
    # difflib's ratio is at most 2 * shorter / (sum of lengths): below the 0.6 cutoff for a
    # word more than 7/3 times as long as every known one, so no need to compare.
    if not choices or 3 * len(word) > 7 * max(map(len, choices)):
        return None
    import difflib

    hints = difflib.get_close_matches(word, choices, n=1)
    return hints[0] if hints else None


def did_you_mean(word: str, known: Iterable[str], synonyms: Mapping[str, str] | None = None) -> str:
    """
    `"; did you mean 'members'?"` when *word* is close to one of *known*, else `""`.

    Examples:
        >>> "unknown key 'membres'" + did_you_mean("membres", ["year", "members"])
        "unknown key 'membres'; did you mean 'members'?"

    """
    hint = nearest(word, known, synonyms)
    return "" if hint is None else f"; did you mean {shown(hint)}?"


def listing(names: Sequence[str]) -> str:
    """
    *names* as a message lists them: the first ten, each `shown`, then how many in all.

    Examples:
        >>> listing(["early", "late"])
        "['early', 'late']"
        >>> listing([f"p{i}" for i in range(12)])
        "['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', … (12 in all)]"

    """
    items = [shown(name) for name in names[:_LISTED]]
    if len(names) > _LISTED:
        items.append(f"… ({len(names):,} in all)")
    return f"[{', '.join(items)}]"


@frozen
class Problem:
    """
    One bad place in a document or object: where it is, and what is wrong there.

    *path* is the tuple of keys and indices from the document's root to the
    field to fix, so `("snapshots", 1, "members")` reads `$.snapshots[1].members`.

    Examples:
        >>> str(Problem(("phases", 0, "end"), "must not be before start (2012)"))
        'must not be before start (2012) @ $.phases[0].end'

    Attributes:
        path: The keys and indices from the document's root to the field to fix.
        message: What is wrong there.

    """

    path: tuple[PathSegment, ...]
    message: str

    @property
    def where(self) -> str:
        """The path as text: `$.snapshots[1].members`."""
        return format_path(self.path)

    def under(self, prefix: Iterable[PathSegment]) -> Problem:
        """Return this problem seen from a document that holds it at *prefix*."""
        return Problem((*prefix, *self.path), self.message)

    def __str__(self) -> str:
        return f"{self.message} @ {self.where}"


class ReseauCoopError(Exception):
    """
    The base class of every exception `reseau_coop` raises on purpose.

    Catch it to handle any of the library's own errors at once.

    Every one survives `pickle` (any protocol), `copy.copy` and `copy.deepcopy`
    with its message and its data (`.problems`, `.year`, `.available`, ...), so
    it can cross a process pool or be stored: a copy is rebuilt from the
    original's `args` and attributes, not by calling `__init__` again.

    Examples:
        >>> import pickle
        >>> from reseau_coop import SnapshotLookupError
        >>> error = SnapshotLookupError("no snapshot for 2010", year=2010, available=(2007,))
        >>> again = pickle.loads(pickle.dumps(error))
        >>> str(again), again.year, again.available
        ('no snapshot for 2010', 2010, (2007,))

    """

    def __reduce__(self) -> tuple[Any, ...]:
        # BaseException rebuilds with `cls(*self.args)`, which breaks as soon as
        # `__init__` takes other arguments than the message (as ours do). Rebuild
        # like a plain object instead: `cls.__new__(cls, *args)` keeps `args` as
        # they are, then the instance dict (our data, and `__notes__`) is restored.
        return (_NEWOBJ, (type(self), *self.args), self.__dict__)


class DataError(ReseauCoopError, ValueError):
    """
    A document or an object breaks the rules of the data model.

    Raised by the loaders and by the model's constructors. It names **every**
    problem found at once: `.problems` holds them as `Problem` records and
    `.errors` as text (`"<message> @ $.<path>"`), in document order. Its
    message lists the first 100 and counts the rest.

    Examples:
        >>> from reseau_coop import loads
        >>> try:
        ...     loads('{"format": 1, "name": {"en": "X"}, "languages": ["en"], "bogus": 1}')
        ... except DataError as exc:
        ...     print(exc.errors)
        ["unknown key 'bogus' @ $.bogus"]

    """

    def __init__(self, problems: Iterable[Problem], *, subject: str = "data") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.subject = subject
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        shown = self.problems[:MAX_SHOWN]
        lines = [f"invalid {subject}: {count} {noun}", *(f"  {p}" for p in shown)]
        if count > MAX_SHOWN:
            lines.append(f"  … and {count - MAX_SHOWN} more (every one is in .problems)")
        super().__init__("\n".join(lines))

    @property
    def errors(self) -> list[str]:
        """Each problem as `"<message> @ $.<path>"`, in document order."""
        return [str(p) for p in self.problems]

    @classmethod
    def single(cls, message: str, *path: PathSegment, subject: str = "data") -> DataError:
        """Build an error with one problem at *path*."""
        return cls([Problem(path, message)], subject=subject)


class PhaseLookupError(ReseauCoopError, LookupError):
    """
    No phase of the network answers the question (a year outside every phase).

    `.when` holds the year asked about.
    """

    def __init__(self, message: str, *, when: int) -> None:
        super().__init__(message)
        self.when = when


class _KeyLookupError(ReseauCoopError, KeyError):
    """A lookup error that is also a `KeyError`, so `except KeyError` code keeps working."""

    def __str__(self) -> str:
        # KeyError shows its message as a repr, in quotes: show the sentence itself.
        return str(self.args[0]) if self.args else ""


class SnapshotLookupError(_KeyLookupError):
    """
    The network has no membership snapshot for a year a computation needs.

    `.year` holds the year asked about and `.available` the years that have a snapshot.
    It is a `LookupError` and a `KeyError`: `Network.snapshot` raises it.
    """

    def __init__(self, message: str, *, year: int, available: tuple[int, ...]) -> None:
        super().__init__(message)
        self.year = year
        self.available = available


class PhaseKeyError(_KeyLookupError):
    """
    The network has no phase of the key asked for (`Network.phase`).

    `.key` holds the key asked about and `.available` the network's phase keys,
    in phase order. It is a `KeyError` (and so a `LookupError`).

    Added in version 0.1.
    """

    def __init__(self, message: str, *, key: str, available: tuple[str, ...]) -> None:
        super().__init__(message)
        self.key = key
        self.available = available


class ServiceKeyError(_KeyLookupError):
    """
    The network has no service of the key asked for (`Network.service`).

    `.key` holds the key asked about and `.available` the network's service keys,
    in their order. It is a `KeyError` (and so a `LookupError`).

    Added in version 0.1.
    """

    def __init__(self, message: str, *, key: str, available: tuple[str, ...]) -> None:
        super().__init__(message)
        self.key = key
        self.available = available


class LanguageKeyError(_KeyLookupError):
    """
    A text has no version in the language asked for (`LocalizedText[language]`).

    `.language` holds the language tag asked about and `.available` the text's
    languages, in their order. It is a `KeyError` (and so a `LookupError`), as a
    `dict` raises; `LocalizedText.get` gives `None` instead.

    Added in version 0.2.
    """

    def __init__(self, message: str, *, language: str, available: tuple[str, ...]) -> None:
        super().__init__(message)
        self.language = language
        self.available = available


def unknown_key(what: str, key: str, available: Sequence[str]) -> str:
    """
    The message for a key no record has: `no phase 'x'; did you mean …? (the network's …)`.

    Examples:
        >>> unknown_key("phase", "implantaton", ["experimentation", "implantation"])
        "no phase 'implantaton'; did you mean 'implantation'? (the network's phases are
         ['experimentation', 'implantation'])"

    """
    if not available:
        return f"no {what} {shown(key)}: the network has no {what}s"
    hint = did_you_mean(key, available)
    return f"no {what} {shown(key)}{hint} (the network's {what}s are {listing(available)})"


def number(value: int) -> str:
    """An integer for a message: in full when short, by its size when huge."""
    if value.bit_length() > 64:
        return f"of {value.bit_length()} bits"
    return str(value)


def year_text(year: int) -> str:
    """A year for a message: `2010`, or `a year of 1329 bits` for one too long to print."""
    text = number(year)
    return f"a year {text}" if text.startswith("of ") else text


def missing_snapshot(year: int, available: tuple[int, ...]) -> SnapshotLookupError:
    """
    The error for a *year* with no snapshot, listing the years that have one.

    Examples:
        >>> str(missing_snapshot(2010, (2007, 2012)))
        'no snapshot for 2010 (snapshots: 2007, 2012)'

    """
    shown_year = year_text(year)
    if not available:
        message = f"no snapshot for {shown_year}: the network has no membership snapshots"
    else:
        message = f"no snapshot for {shown_year} (snapshots: {', '.join(map(str, available))})"
    return SnapshotLookupError(message, year=year, available=available)


# Tracebacks name the errors where users import them from.
for _error in (
    ReseauCoopError,
    DataError,
    PhaseLookupError,
    SnapshotLookupError,
    PhaseKeyError,
    ServiceKeyError,
    LanguageKeyError,
):
    _error.__module__ = "reseau_coop"
