"""
The command's standard streams: exact UTF-8 for machines, safe text for people.

Machine output (JSON, TOML, CSV) is written as UTF-8 bytes whatever the locale or
`PYTHONIOENCODING` say, so it is exact or not written at all. Text for people may
degrade (a character the terminal's encoding lacks becomes `?`), and every line of it
passes through `visible()`, so text from a data file cannot drive the terminal.
"""

from __future__ import annotations

import errno
import json
import os
import re
from typing import BinaryIO, Final, TextIO

# What a terminal would act on rather than show: C0 controls (ESC, CR, BEL, ...), DEL
# and C1 controls (CSI), the line and paragraph separators, the bidirectional marks,
# embeddings, overrides and isolates ("Trojan Source"), and lone surrogates (the
# bytes of a file name that is not UTF-8, as os.fsdecode gives them).
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTES: Final = range(0xDC80, 0xDD00)  # os.fsdecode's stand-ins for bytes 0x80-0xff
_SHORT: Final = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}  # as repr() writes them


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"  # the byte of the file name, as repr() shows bytes
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""
    *text* made safe to print to a terminal: every control character shown as an escape.

    C0 and C1 controls (ESC, CR, BEL, ...), DEL, U+2028/U+2029 and the bidirectional
    controls become escapes as `repr()` writes them (`\x1b`, `\r`, `\u202e`); a file
    name's undecodable bytes show as the bytes (`\xff`). Everything else, accents and
    typography included, is kept.

    Examples:
        >>> print(visible("Coop\x1b[2J\rsummary\u202e"))
        Coop\x1b[2J\rsummary\u202e
        >>> print(visible("Réseau « COOP » – 2007\u20132012"))
        Réseau « COOP » – 2007–2012
        >>> print(visible("\udcff.json"))
        \xff.json

    """
    return _UNSAFE.sub(_escape, text)


def machine_json(value: object) -> str:
    r"""
    *value* as indented JSON text, ready to be written as UTF-8.

    Non-ASCII text is kept as is; only lone surrogates (from a file name that is not
    UTF-8) are written as `\udcff` escapes, which JSON readers turn back into the same
    string (and `os.fsencode` into the same bytes).

    Examples:
        >>> print(machine_json({"file": "\udcffé.json"}), end="")
        {
          "file": "\udcffé.json"
        }

    """
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


class OutputError(OSError):
    """A standard stream cannot be written (closed, full): an I/O error, exit status 1."""


class Stream:
    """
    One standard stream (stdout or stderr) of the command.

    Bytes go to the stream's binary buffer when it has one; a text-only stream (a
    `StringIO`, as tests use) gets the text. A stream that is closed (`None`) or
    fails raises `OutputError`; a closed pipe raises `BrokenPipeError`.
    """

    def __init__(self, stream: TextIO | None, name: str) -> None:
        self.stream = stream
        self.name = name
        self._started = False

    def text(self, line: str = "") -> None:
        """Write one line for people: made `visible()`, in the stream's own encoding."""
        safe = visible(line) + "\n"
        buffer = self._buffer()
        if buffer is None:
            self._write_text(safe)
        else:
            encoding = getattr(self.stream, "encoding", None) or "utf-8"
            self._write_bytes(buffer, safe.encode(encoding, "replace"))

    def data(self, text: str) -> None:
        """Write machine output exactly, as UTF-8 bytes."""
        buffer = self._buffer()
        if buffer is None:
            self._write_text(text)
        else:
            self._write_bytes(buffer, text.encode("utf-8"))

    def flush(self) -> None:
        """Flush what is written; a stream that was never written to may be closed."""
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def silence(self) -> None:
        """
        Send whatever Python still holds for this stream to the null device.

        After a write failed (a closed pipe, a full disk), the unwritten bytes stay in
        the stream's buffer, and Python would try them again at exit and print
        "Exception ignored". Pointing the descriptor at the null device lets that
        last flush succeed quietly.
        """
        if self.stream is None:
            return
        try:
            descriptor = self.stream.fileno()
        except (OSError, ValueError):
            return  # not a real file descriptor (a test's stream): nothing at exit
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, descriptor)
        finally:
            os.close(null)

    def _buffer(self) -> BinaryIO | None:
        if self.stream is None:
            msg = f"cannot write to standard {self.name}: it is closed"
            raise OutputError(msg)
        buffer: BinaryIO | None = getattr(self.stream, "buffer", None)
        if buffer is not None and not self._started:
            self.flush()  # anything already written as text goes first
        self._started = True
        return buffer

    def _write_text(self, text: str) -> None:
        assert self.stream is not None  # noqa: S101 - _buffer() checked it
        try:
            self.stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def _write_bytes(self, buffer: BinaryIO, data: bytes) -> None:
        # Under PYTHONUNBUFFERED the "buffer" is the raw file, whose write() may write
        # only part of the bytes (a pipe whose reader leaves, a signal): go on until
        # every byte is out or an error says why not.
        view = memoryview(data)
        try:
            while view:
                written = buffer.write(view)
                if written is None:  # a non-blocking stream that is full
                    raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
                view = view[written:]
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def _error(self, exc: Exception) -> OutputError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return OutputError(f"cannot write to standard {self.name}: {reason}")
