"""The command's streams: exact bytes for machines, visible text for people, clear failures."""

from __future__ import annotations

import errno
import io
import json
import os
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop._output import OutputError, Stream, machine_json, visible

UNSAFE_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in UNSAFE_CATEGORIES or char in BIDI


# ---------------------------------------------------------------- visible


@given(st.text())
def test_visible_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    """Whatever the text, no control, separator, bidi control or lone surrogate is left."""
    assert [] == [c for c in visible(text) if _unsafe(c)]


@given(st.text().filter(lambda t: not any(_unsafe(c) for c in t)))
def test_visible_keeps_safe_text_as_it_is(text: str) -> None:
    """Text with nothing unsafe in it (accents, typography, emoji) is not changed."""
    assert text == visible(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\rb", "a\\rb"),
        ("a\nb\tc", "a\\nb\\tc"),
        ("bell\x07", "bell\\x07"),
        ("\x9b31m", "\\x9b31m"),
        ("\x7f", "\\x7f"),
        ("abc\u202eevil", "abc\\u202eevil"),
        ("line\u2028sep", "line\\u2028sep"),
        (os.fsdecode(b"\xff\xfe.json"), "\\xff\\xfe.json"),
        ("\ud800", "\\ud800"),
        ("Réseau « COOP » – 2007–2012 ≈ 35\u00a0%", "Réseau « COOP » – 2007–2012 ≈ 35\u00a0%"),
    ],
)
def test_visible_escapes(text: str, shown: str) -> None:
    """Each unsafe character is shown as Python writes it; a file name's bytes as bytes."""
    assert shown == visible(text)


# ---------------------------------------------------------------- machine_json

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_machine_json_round_trips_as_utf8(value: Any) -> None:  # noqa: ANN401 - any JSON value
    """Any JSON value, lone surrogates included, is valid UTF-8 that reads back equal."""
    data = machine_json(value).encode("utf-8")

    assert value == json.loads(data)


# ---------------------------------------------------------------- Stream


def _stdout(encoding: str = "utf-8") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, write_through=False)


def _bytes(stream: io.TextIOWrapper) -> bytes:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue()


def test_machine_output_ignores_the_stream_encoding() -> None:
    """On an ASCII stream, data goes out as UTF-8 bytes, exactly."""
    stream = _stdout("ascii")

    Stream(stream, "output").data("Réseau ≈ 35\n")

    assert "Réseau ≈ 35\n".encode() == _bytes(stream)


def test_text_degrades_on_a_narrow_stream() -> None:
    """On an ASCII stream, people's text gets `?` for what it cannot show, never an error."""
    stream = _stdout("ascii")

    Stream(stream, "output").text("Réseau ≈ 35")

    assert b"R?seau ? 35\n" == _bytes(stream)


def test_text_is_made_visible() -> None:
    """Every line for people passes through visible()."""
    stream = io.StringIO()

    Stream(stream, "output").text("a\x1b[2Jb")

    assert "a\\x1b[2Jb\n" == stream.getvalue()


def test_earlier_text_comes_first() -> None:
    """What was written through the text layer before goes out before the bytes."""
    stream = _stdout()
    stream.write("first\n")

    Stream(stream, "output").data("second\n")

    assert b"first\nsecond\n" == _bytes(stream)


class _Raw(io.RawIOBase):
    """A raw stream that takes one byte a call, or fails as told."""

    def __init__(self, error: BaseException | None = None, *, none: bool = False) -> None:
        self.received = bytearray()
        self.error = error
        self.none = none

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int | None:  # noqa: ANN401 - io's buffer protocol
        if self.error is not None:
            raise self.error
        if self.none:
            return None
        self.received += bytes(data[:1])
        return 1


class _Text(io.StringIO):
    """A text stream whose buffer is *raw* (as sys.stdout under PYTHONUNBUFFERED)."""

    def __init__(self, raw: _Raw) -> None:
        super().__init__()
        self.raw = raw

    @property
    def buffer(self) -> Any:  # noqa: ANN401 - a raw stream where TextIO says BinaryIO
        return self.raw


def test_partial_writes_are_completed() -> None:
    """A raw stream that writes one byte a call still gets every byte."""
    raw = _Raw()

    Stream(_Text(raw), "output").data("Réseau\n")

    assert "Réseau\n".encode() == bytes(raw.received)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (_Raw(OSError(errno.ENOSPC, "No space left on device")), "No space left on device"),
        (_Raw(ValueError("I/O operation on closed file.")), "I/O operation on closed file."),
        (_Raw(none=True), "Resource temporarily unavailable"),
    ],
    ids=["full", "closed file", "would block"],
)
def test_a_failing_stream_is_an_output_error(raw: _Raw, reason: str) -> None:
    """A full, closed or stuck stream: OutputError naming the stream and the reason."""
    with pytest.raises(OutputError) as ei:
        Stream(_Text(raw), "output").data("x")

    assert f"cannot write to standard output: {reason}" == str(ei.value)


def test_a_broken_pipe_is_left_to_main() -> None:
    """A closed pipe is not an error to report: BrokenPipeError goes through as is."""
    with pytest.raises(BrokenPipeError):
        Stream(_Text(_Raw(BrokenPipeError())), "output").data("x")


def test_a_closed_stream() -> None:
    """A stream Python found closed at start (None) is an OutputError; flushing it is fine."""
    stream = Stream(None, "error")
    stream.flush()
    stream.silence()

    with pytest.raises(OutputError) as ei:
        stream.text("x")

    assert "cannot write to standard error: it is closed" == str(ei.value)


class _FailingFlush(io.StringIO):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error

    def flush(self) -> None:
        raise self.error


def test_a_failing_flush() -> None:
    """A flush that fails is an OutputError; a broken pipe goes through."""
    with pytest.raises(OutputError, match="No space left"):
        Stream(_FailingFlush(OSError(errno.ENOSPC, "No space left on device")), "output").flush()
    with pytest.raises(BrokenPipeError):
        Stream(_FailingFlush(BrokenPipeError()), "output").flush()


def test_a_failing_text_write() -> None:
    """A text-only stream that fails: OutputError; a broken pipe goes through."""

    class Full(io.StringIO):
        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    class Broken(io.StringIO):
        def write(self, _text: str) -> int:
            raise BrokenPipeError

    with pytest.raises(OutputError, match="No space left"):
        Stream(Full(), "output").text("x")
    with pytest.raises(BrokenPipeError):
        Stream(Broken(), "output").text("x")


def test_silence_points_the_descriptor_at_the_null_device() -> None:
    """After silence(), what the stream still holds goes to the null device, without error."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone: writing would be a broken pipe
    stream = open(write_end, "w", encoding="utf-8")  # noqa: PTH123, SIM115 - a descriptor
    stream.write("pending")

    Stream(stream, "output").silence()
    stream.close()  # flushes "pending": no BrokenPipeError now

    assert stream.closed


def test_silence_leaves_a_test_stream_alone() -> None:
    """A stream with no descriptor (a StringIO) is left as it is."""
    stream = io.StringIO("kept")

    Stream(stream, "output").silence()

    assert "kept" == stream.getvalue()
