"""Reading and writing documents: JSON and TOML text, and files chosen by suffix."""

from __future__ import annotations

import functools
import json
import math
import os
import re
import stat
import sys
from typing import Final, Literal, TypeAlias

from ._checks import BadNumber
from ._convert import MAX_DEPTH, TOO_DEEP, network_from_dict, network_to_dict, table
from ._errors import DataError
from ._model import Network

Format: TypeAlias = Literal["json", "toml"]
"""The interchange formats: `"json"` and `"toml"`."""

FORMATS: tuple[Format, ...] = ("json", "toml")
_SUFFIXES: dict[str, Format] = {".json": "json", ".toml": "toml"}

MAX_DOCUMENT_SIZE: Final = 4 * 1024 * 1024
"""The largest document the loaders read: 4 MiB of UTF-8 (or 4 Mi characters of text).

A network history is a few kilobytes (the embedded dataset is about 15 KB); a
larger document is refused before it is parsed, so nothing can exhaust memory, and
even a document this size full of errors is judged in seconds."""


@functools.cache
def _toml_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """
    TOML's strings and comments, and a dotted key deeper than MAX_DEPTH.

    Compiled on first use, by the first TOML document read. Strings and comments
    may hold anything, dots too: multi-line strings come first, as the scan goes
    left to right, and each is written over with "0", so that a quoted part of a
    dotted key still counts as one part. A dotted key of more than MAX_DEPTH parts
    may be in a table header, a key/value line or an inline table (`a.b.c` is three
    levels of tables); starting only where a bare word starts keeps the search linear.
    """
    strings = re.compile(
        r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{0,2}"""'  # multi-line basic
        r"|'''[\s\S]*?'{3,5}"  # multi-line literal (up to two quotes may end its content)
        r'|"(?:[^"\\\n]++|\\.)*+"'  # basic
        r"|'[^'\n]*+'"  # literal
        r"|#[^\n]*+"  # comment
    )
    long_key = re.compile(
        rf"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++[ \t]*+\.[ \t]*+){{{MAX_DEPTH}}}[A-Za-z0-9_-]"
    )
    return strings, long_key


def _check_format(format: str) -> Format:  # noqa: A002 - the public parameter's name
    if format not in FORMATS:
        message = f"unknown format {format!r}; use one of {list(FORMATS)}"
        raise DataError.single(message, subject="format")
    return format


def _check_size(size: int, unit: str) -> None:
    if size > MAX_DOCUMENT_SIZE:
        message = (
            f"not a network history: {size:,} {unit} is more than the "
            f"{MAX_DOCUMENT_SIZE:,} a document may hold"
        )
        raise DataError.single(message)


def _text(data: str | bytes | bytearray) -> str:
    if isinstance(data, (bytes, bytearray, str)):
        _check_size(len(data), "characters" if isinstance(data, str) else "bytes")
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"not UTF-8 text: byte {exc.object[exc.start]:#04x} at offset {exc.start}"
            raise DataError.single(message) from None
    elif not isinstance(data, str):
        msg = f"expected the document as str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    return data.removeprefix("\ufeff")


def _parse_float(literal: str) -> float | BadNumber:
    """
    A float as written, or the literal kept as a `BadNumber` when no float holds it.

    NaN and the infinities have no place in a document; `1e-400` would read as
    0.0, and `1.2345678901234567e-310` as a subnormal float that has lost digits
    (1.23456789012346e-310). Rather than change the value silently, the loader
    refuses each, with its place. A subnormal written as Python writes it
    (`5e-324`) reads back as written, so every float `dumps` writes loads.
    """
    number = float(literal)
    if not math.isfinite(number):
        return BadNumber(literal)
    if number == 0.0:
        if any(digit in "123456789" for digit in literal.lower().partition("e")[0]):
            return BadNumber(literal)
    elif abs(number) < sys.float_info.min:
        from decimal import Decimal  # subnormals are rare, and `decimal` slow to import

        if Decimal(repr(number)) != Decimal(literal):
            return BadNumber(literal)
    return number


def _parse_json(text: str, toml_hint: str) -> object:
    try:
        return json.loads(
            text, object_pairs_hook=table, parse_constant=BadNumber, parse_float=_parse_float
        )
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        if _is_toml(text):
            message += f"; this looks like TOML: {toml_hint}"
        raise DataError.single(message) from None
    except RecursionError:
        raise DataError.single(TOO_DEEP) from None
    except ValueError as exc:  # integers longer than Python's digit limit
        message = f"not valid JSON: {exc}"
        raise DataError.single(message) from None


TOML_HINT: Final = "pass format='toml'"
"""What to do with a TOML document read as JSON, in `loads`; `load` and the command say theirs."""


def _is_toml(text: str) -> bool:
    """Whether *text* (not JSON) is a TOML document with something in it."""
    try:
        return bool(_parse_toml(text))
    except DataError:
        return False


def _parse_toml(text: str) -> object:
    import tomllib

    # tomllib's time and memory grow with the square of a dotted key's length (an 80 KB
    # file of long dotted keys needs gigabytes), so such a key is refused before it runs:
    # it would nest deeper than MAX_DEPTH, which no network history does.
    strings, long_key = _toml_patterns()
    if long_key.search(strings.sub("0", text)):
        raise DataError.single(TOO_DEEP)
    try:
        return tomllib.loads(text, parse_float=_parse_float)
    except tomllib.TOMLDecodeError as exc:
        message = f"not valid TOML: {exc}"
        raise DataError.single(message) from None
    except RecursionError:
        raise DataError.single(TOO_DEEP) from None


def loads(data: str | bytes, format: Format = "json") -> Network:  # noqa: A002 - public name
    """
    Read a network from a JSON or TOML document given as text or UTF-8 bytes.

    Loading is strict: unknown keys, wrong types (a `bool`, `float` or string
    where an integer belongs), NaN and infinities, duplicate keys, broken
    invariants and dangling references are all refused, every one at once.

    Args:
        data: The document. Bytes must be UTF-8; a leading byte-order mark is allowed.
        format: `"json"` or `"toml"`.

    Raises:
        DataError: Naming every problem in the document, each by its path.

    Examples:
        >>> net = loads('{"format": 1, "name": {"en": "Coop"}, "languages": ["en"]}')
        >>> net.name["en"]
        'Coop'
        >>> loads(
        ...     '{"format": 1, "name": {"en": "Coop"}, "languages": ["en"],'
        ...     ' "snapshots": [{"year": 2020, "members": true}]}'
        ... )
        Traceback (most recent call last):
        ...
        reseau_coop.DataError: invalid data: 1 problem
          expected an integer, got a boolean (true) @ $.snapshots[0].members

    """
    return _loads(data, format, TOML_HINT)


def _loads(data: str | bytes, format: str, toml_hint: str) -> Network:  # noqa: A002
    """`loads`, saying *toml_hint* for a TOML document read as JSON."""
    kind = _check_format(format)
    text = _text(data)
    return network_from_dict(_parse_json(text, toml_hint) if kind == "json" else _parse_toml(text))


def dumps(network: Network, format: Format = "json") -> str:  # noqa: A002 - public name
    """
    Write *network* as a JSON or TOML document that `loads` reads back equal.

    JSON is indented by two spaces and keeps non-ASCII text as is. Values that
    are not known (`None`) are left out, in both formats.

    Examples:
        >>> from reseau_coop import default_network
        >>> loads(dumps(default_network(), "toml"), "toml") == default_network()
        True

    """
    kind = _check_format(format)
    if not isinstance(network, Network):
        msg = f"expected a Network, got {type(network).__name__}"
        raise TypeError(msg)
    document = network_to_dict(network)
    if kind == "json":
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    import tomli_w

    return tomli_w.dumps(document)


def format_of(path: str | os.PathLike[str]) -> Format:
    """
    The format a file's suffix names: `.json` or `.toml`, in any case.

    Examples:
        >>> format_of("history.TOML")
        'toml'

    Raises:
        DataError: If the suffix is neither.

    """
    from pathlib import PurePath  # not at import: reading the default dataset needs none

    suffix = PurePath(path).suffix.lower()
    if suffix not in _SUFFIXES:
        message = f"cannot tell the format of {os.fspath(path)!r}: name it *.json or *.toml"
        raise DataError.single(message, subject="file name")
    return _SUFFIXES[suffix]


def load(path: str | os.PathLike[str]) -> Network:
    """
    Read a network from a `.json` or `.toml` file (the suffix names the format).

    Only regular files are read: a directory, a named pipe (FIFO), a socket or a
    device is refused at once, without waiting on it.

    Raises:
        DataError: If the suffix is unknown, the path is not a regular file (or
            holds a NUL character), or the document is invalid; the message names
            the file.
        OSError: If the file cannot be read (`FileNotFoundError`, say).

    """
    kind = format_of(path)
    name = os.fspath(path)
    try:
        data = _read_regular_file(name)
        return _loads(data, kind, "name the file *.toml")
    except DataError as exc:
        raise DataError(exc.problems, subject=name) from None


_NOT_REGULAR: Final = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _NOT_REGULAR if test(mode)), "a special file")
    message = f"not a regular file but {what}; only regular files are read"
    raise DataError.single(message)


def _read_regular_file(name: str) -> bytes:
    """The first bytes of a regular file, up to one past the size limit; never waits."""
    try:
        mode = os.stat(name).st_mode  # noqa: PTH116 - pathlib is slow to import
    except ValueError:  # "embedded null byte"
        message = "the file name holds a NUL character, which no file name can"
        raise DataError.single(message) from None
    _check_regular(mode)  # before opening: a socket cannot even be opened
    # O_NONBLOCK: if a FIFO replaced the file since, opening it does not wait for a writer.
    descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(descriptor).st_mode)
        return handle.read(MAX_DOCUMENT_SIZE + 1)  # never more than the limit


def dump(network: Network, path: str | os.PathLike[str]) -> None:
    """
    Write *network* to a `.json` or `.toml` file (the suffix names the format), in UTF-8.

    The file is written whole or not at all: the document goes to a temporary file
    in the same folder, which then replaces *path*. If anything fails on the way (a
    full disk, a file-size limit, Ctrl-C), the old file is left as it was and no
    temporary file stays behind. A symbolic link is followed (the file it points to
    is replaced, the link stays), and an existing file keeps its permissions.

    Raises:
        DataError: If the suffix is unknown (nothing is written then).
        OSError: If the file cannot be written (the old file is unchanged).

    """
    data = dumps(network, format_of(path)).encode("utf-8")
    from ._write import write_atomic  # only to write a file

    write_atomic(path, data)
