"""Exceptions raised by `reseau_coop`, and the *problem* records a `DataError` carries."""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterable, Sequence
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


class SnapshotLookupError(ReseauCoopError, LookupError):
    """
    The network has no membership snapshot for a year a computation needs.

    `.year` holds the year asked about and `.available` the years that have a snapshot.
    """

    def __init__(self, message: str, *, year: int, available: tuple[int, ...]) -> None:
        super().__init__(message)
        self.year = year
        self.available = available


# Tracebacks name the errors where users import them from.
for _error in (ReseauCoopError, DataError, PhaseLookupError, SnapshotLookupError):
    _error.__module__ = "reseau_coop"
