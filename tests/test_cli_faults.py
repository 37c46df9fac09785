"""The command under real-world faults: closed and full streams, Ctrl-C, hostile text."""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import io
import json
import os
import signal
import stat
import subprocess
import sys
import termios
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import reseau_coop
from reseau_coop import default_network, dumps, loads
from reseau_coop._cli import main
from reseau_coop._records import COLUMNS, TABLES, csv_cell, records

from .helpers import run_python

NOISE = ("Traceback", "Exception ignored")
OLD = b"old bytes that must survive\n"

HOSTILE_TEXT = "Evil\x1b[2J\x1b]0;pwned\x07\rCoop\u202etxt\u2028\x9b31m"
"""Text a crafted file may hold: clear screen, set the title, bell, CR, bidi override, ..."""


def command(
    *argv: str | bytes,
    env: dict[str, str] | None = None,
    shell_redirect: str = "",
    **kwargs: Any,  # noqa: ANN401 - subprocess.run's own keywords
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m reseau_coop ARGV` as a process (with a shell redirection if given)."""
    full_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env is None or name not in env:
            full_env.pop(name, None)
    args: list[str | bytes] = [sys.executable, "-m", "reseau_coop", *argv]
    if shell_redirect:
        args = ["sh", "-c", f'"$@" {shell_redirect}', "sh", *args]
    kwargs.setdefault("capture_output", "stdout" not in kwargs and "stderr" not in kwargs)
    return subprocess.run(args, env=full_env, check=False, timeout=120, **kwargs)  # noqa: S603


def in_process(*argv: str) -> tuple[int, str, str]:
    """Run `main` here, with text-only streams; the status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def quiet(stderr: bytes) -> bool:
    """No traceback and no "Exception ignored" noise."""
    text = stderr.decode("utf-8", "replace")
    return not any(word in text for word in NOISE)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A valid data file whose texts hold terminal escapes and spreadsheet formulas."""
    document = {
        "format": 1,
        "name": {"en": HOSTILE_TEXT},
        "languages": ["en"],
        "phases": [
            {"key": "=cmd", "name": {"en": '=HYPERLINK("http://evil")'}, "start": 2000,
             "end": 2005, "summary": {"en": "Sum\x1b[31mmary\rOVERWRITTEN"}},
            {"key": "later", "name": {"en": "+1+cmd|' /C calc'!A0"}, "start": 2005},
        ],
        "services": [
            {"key": "-x", "name": {"en": "-2+3"}, "kind": "program", "introduced": "=cmd"},
            {"key": "at", "name": {"en": "@SUM(A1)"}, "kind": "program"},
            {"key": "tab", "name": {"en": "\t=1"}, "kind": "program"},
            {"key": "cr", "name": {"en": "\r=1"}, "kind": "program"},
            {"key": "ok", "name": {"en": "Plain – 1 = 1"}, "kind": "program"},
        ],
        "snapshots": [
            {"year": 2000, "members": 3},
            {"year": 2010, "members": 12, "share": {"value": 0.5, "of": {"en": "\x1b[5mall"}}},
        ],
    }  # fmt: skip
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


# ---------------------------------------------------------------- machine output is exact


MACHINE = [
    ["export"],
    ["export", "--format", "toml"],
    ["schema"],
    ["--json"],
    ["growth", "--by-phase", "--json"],
    ["phase", "2012", "--all", "--json"],
]


@pytest.mark.parametrize("argv", MACHINE, ids=" ".join)
def test_machine_output_is_utf8_whatever_the_locale(argv: list[str]) -> None:
    """With an ASCII-only stdout (PYTHONIOENCODING=ascii, LC_ALL=C), data is UTF-8 exactly."""
    result = command(*argv, "--lang", "fr", env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    expected = in_process(*argv, "--lang", "fr")[1]

    assert (0, b"") == (result.returncode, result.stderr)
    assert expected == result.stdout.decode("utf-8")
    assert "é" in expected  # the output does hold text ASCII cannot encode


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_export_round_trips_whatever_the_locale(fmt: str) -> None:
    """`export` under an ASCII locale loads back equal to the data."""
    result = command("export", "--format", fmt, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})

    assert default_network() == loads(result.stdout, fmt)  # type: ignore[arg-type]


def test_human_text_degrades_but_never_crashes() -> None:
    """People's text on an ASCII-only stdout: `?` for what it cannot show, never a crash."""
    result = command("--lang", "fr", env={"PYTHONIOENCODING": "ascii"})

    assert (0, b"") == (result.returncode, result.stderr)
    assert result.stdout.startswith(b"R?seau COOP\n")


# ---------------------------------------------------------------- file names


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    """`validate` shows a non-UTF-8 name safely and still reports every other file."""
    raw = os.fsencode(tmp_path) + b"/\xff\x1b[2J.json"
    Path(os.fsdecode(raw)).write_text(dumps(default_network()), "utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")

    text = command("validate", raw, str(bad), str(tmp_path / "gone.json"), "--lang", "en")
    as_json = command("validate", "--json", raw, str(bad), "--lang", "en")
    report = json.loads(as_json.stdout)

    assert (1, 1) == (text.returncode, as_json.returncode)
    assert quiet(text.stderr + as_json.stderr)
    assert (
        os.fsencode(tmp_path) + b"/\\xff\\x1b[2J.json: valid\n"
        + f"{bad}: 1 problem\n".encode()
    ) in text.stdout  # fmt: skip
    assert f"{tmp_path / 'gone.json'}: 1 problem".encode() in text.stdout
    assert [os.fsdecode(raw), str(bad)] == [item["file"] for item in report]
    assert raw == os.fsencode(report[0]["file"])


def test_file_names_that_are_not_utf8_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same through `main` with pytest's own streams: no UnicodeEncodeError."""
    name = os.fsdecode(os.fsencode(tmp_path) + b"/\xfe.json")
    Path(name).write_text("[]", "utf-8")

    status = main(["validate", name])
    out = capsys.readouterr().out

    assert 1 == status
    assert f"{tmp_path}/\\xfe.json: 1 problem" in out


# ---------------------------------------------------------------- hostile text


def test_control_characters_from_data_are_made_visible(hostile: Path) -> None:
    """Text from a data file cannot drive the terminal: controls are shown as escapes."""
    for argv in (["summary"], ["phase", "2003"], ["growth"], ["growth", "--by-phase"]):
        result = command("--data", str(hostile), *argv, "--lang", "en")
        out = result.stdout.decode("utf-8")
        unsafe = [c for c in out if c != "\n" and (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F)]

        assert (0, b"") == (result.returncode, result.stderr), argv
        assert [] == unsafe, argv
        assert "\u202e" not in out
        assert "\u2028" not in out
    summary = command("--data", str(hostile), "--lang", "en").stdout.decode("utf-8")
    assert summary.startswith("Evil\\x1b[2J\\x1b]0;pwned\\x07\\rCoop\\u202etxt\\u2028\\x9b31m\n")
    assert "\\x1b[5mall" in summary


def test_control_characters_in_errors_are_made_visible(tmp_path: Path) -> None:
    """An error that quotes a file's text or name shows its controls as escapes too."""
    path = tmp_path / "bad\x1b[2J.json"
    path.write_text('{"format": 1, "name": {"en": "X"}, "languages": ["en"], "\x1b]0;t": 1}')

    result = command("--data", str(path))
    err = result.stderr.decode("utf-8")

    assert 1 == result.returncode
    assert "\x1b" not in err
    assert "bad\\x1b[2J.json" in err


def test_json_output_keeps_the_text_exact(hostile: Path) -> None:
    """`--json` and `export` are for machines: the text is exact, escaped only as JSON escapes."""
    summary = json.loads(command("--data", str(hostile), "--json").stdout)
    exported = command("--data", str(hostile), "export").stdout

    assert HOSTILE_TEXT == summary["name"]
    assert reseau_coop.load(hostile) == loads(exported)


def test_csv_cells_cannot_start_a_formula(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text cells starting with = + - @ tab or CR get a leading '; numbers are left alone."""
    net = reseau_coop.load(hostile)
    for table in TABLES:
        status = main(["--data", str(hostile), "export", "--format", "csv", "--table", table])
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))

        assert 0 == status
        for row, record in zip(rows, records(net, table), strict=True):
            for column in COLUMNS[table]:
                value = dict(record)[column]
                if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
                    assert f"'{value}" == row[column]
                elif value is None:
                    assert "" == row[column]
                else:
                    assert str(value) == row[column]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("", ""),
        (-5, -5),
        (-0.25, -0.25),
        (True, True),
        (None, None),
    ],
)
def test_csv_cell(value: object, cell: object) -> None:
    """Only text is neutralised; a negative number is a number, not a formula."""
    assert cell == csv_cell(value)


def test_csv_export_documents_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """`export --help` states the CSV rule where users look for it."""
    main(["export", "--help"])

    assert "get a leading '" in " ".join(capsys.readouterr().out.split())


# ---------------------------------------------------------------- closed and full streams


STDOUT_COMMANDS = [[], ["export"], ["schema"], ["growth", "--json"], ["--help"], ["--version"]]


@pytest.mark.parametrize("argv", STDOUT_COMMANDS, ids=" ".join)
def test_a_full_stdout_is_an_io_error(argv: list[str]) -> None:
    """`> /dev/full`: one line on stderr, exit status 1, no traceback nor noise at exit."""
    with Path("/dev/full").open("wb") as full:
        result = command(*argv, stdout=full, stderr=subprocess.PIPE)

    assert 1 == result.returncode
    assert [
        b"reseau-coop: error: cannot write to standard output: No space left on device"
    ] == result.stderr.splitlines()


@pytest.mark.parametrize("argv", STDOUT_COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_an_io_error(argv: list[str]) -> None:
    """`>&-`: one line on stderr, exit status 1."""
    result = command(*argv, shell_redirect=">&-")

    assert 1 == result.returncode
    assert [
        b"reseau-coop: error: cannot write to standard output: it is closed"
    ] == result.stderr.splitlines()


@pytest.mark.parametrize("argv", [["export"], ["summary"], ["schema"], ["--help"]], ids=" ".join)
def test_a_broken_pipe_exits_quietly(argv: list[str]) -> None:
    """`| true` (the reader is gone): nothing on stderr, exit status 141 as git's."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = command(*argv, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)

    assert (141, b"") == (result.returncode, result.stderr)


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
def test_a_broken_pipe_after_some_output(tmp_path: Path, unbuffered: str) -> None:
    """`| head -c1` on a long output: the reader leaves mid-way; exit 141, nothing on stderr."""
    big = tmp_path / "big.json"
    document = json.loads(dumps(default_network()))
    document["snapshots"] = [{"year": 1 + i, "members": i} for i in range(5000)]
    for phase in document["phases"]:
        phase["start"], phase["end"] = 1, 5000
    document["phases"] = document["phases"][:1]
    document["services"] = []
    big.write_text(json.dumps(document), "utf-8")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "reseau_coop", "--data", str(big), "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": unbuffered},
    )
    assert process.stdout is not None
    first = process.stdout.read(1)
    process.stdout.close()
    _, err = process.communicate(timeout=120)

    assert b"{" == first
    assert (141, b"") == (process.returncode, err)


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_a_closed_or_full_stderr(redirect: str) -> None:
    """With stderr closed or full, a failure still exits 1 (never Python's 120), stdout clean."""
    failing = command("phase", "3000", shell_redirect=redirect)
    usage = command("phase", "x", shell_redirect=redirect)
    fine = command("phase", "2015", "--lang", "en", shell_redirect=redirect)

    assert (1, b"") == (failing.returncode, failing.stdout)
    assert (2, b"") == (usage.returncode, usage.stdout)
    assert 0 == fine.returncode
    assert fine.stdout.startswith(b"2015: Establishment phase")


def test_every_stream_closed() -> None:
    """Nothing to write to at all: the exit status still says it failed."""
    result = command("--lang", "en", shell_redirect=">&- 2>&-")

    assert (1, b"", b"") == (result.returncode, result.stdout, result.stderr)


# ---------------------------------------------------------------- Ctrl-C


def _wait_until_read(process: subprocess.Popen[bytes]) -> None:
    """Write to the process's stdin and wait until it has read it (so `main` is running)."""
    assert process.stdin is not None
    process.stdin.write(b"{")
    process.stdin.flush()
    waiting = bytearray(4)
    for _ in range(1200):
        fcntl.ioctl(process.stdin.fileno(), termios.FIONREAD, waiting)
        if int.from_bytes(waiting, sys.byteorder) == 0:
            time.sleep(0.2)  # on into the blocking read
            return
        time.sleep(0.05)
    pytest.fail("the command never read its input")  # pragma: no cover


def test_ctrl_c_exits_130_with_one_line() -> None:
    """SIGINT while it waits for input: exit status 130, one line, no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reseau_coop", "--data", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_read(process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)

    assert (130, b"") == (process.returncode, out)
    assert b"reseau-coop: interrupted\n" == err


def test_ctrl_c_while_writing_keeps_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C in the middle of `-o FILE`: exit 130, the old file byte-identical, no temp."""
    target = tmp_path / "history.json"
    target.write_bytes(OLD)
    real = os.write

    def interrupted(descriptor: int, data: bytes | memoryview) -> int:
        real(descriptor, bytes(data[:100]))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)

    status = main(["export", "-o", str(target)])

    assert 130 == status
    assert "reseau-coop: interrupted\n" == capsys.readouterr().err
    assert OLD == target.read_bytes()
    assert ["history.json"] == [p.name for p in tmp_path.iterdir()]


# ---------------------------------------------------------------- -o FILE


def test_a_file_size_limit_keeps_the_old_export(tmp_path: Path) -> None:
    """`export -o` under RLIMIT_FSIZE: exit 1, one line, the old file byte-identical."""
    target = tmp_path / "history.json"
    target.write_bytes(OLD)
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        from reseau_coop._cli import main
        sys.exit(main(["export", "-o", {str(target)!r}]))
        """
    )

    result = run_python(code, check=False)

    assert 1 == result.returncode
    assert [f"reseau-coop: error: cannot write {target}: File too large"] == (
        result.stderr.splitlines()
    )
    assert OLD == target.read_bytes()
    assert ["history.json"] == [p.name for p in tmp_path.iterdir()]


def test_writing_to_a_full_device() -> None:
    """`-o /dev/full`: one line naming the file and the reason, exit 1; still the device."""
    result = command("export", "--format", "json", "-o", "/dev/full")

    assert 1 == result.returncode
    assert [b"reseau-coop: error: cannot write /dev/full: No space left on device"] == (
        result.stderr.splitlines()
    )
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_plot_keeps_the_old_image_on_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`plot -o` draws in memory and writes through the one writer: a full disk changes nothing."""
    target = tmp_path / "chart.png"
    target.write_bytes(OLD)
    main(["plot", "-o", str(tmp_path / "warm-up.png")])  # matplotlib's own caches, first
    capsys.readouterr()
    real = os.write

    def full(descriptor: int, data: bytes | memoryview) -> int:
        if descriptor > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(descriptor, data)

    monkeypatch.setattr(os, "write", full)

    status = main(["plot", "-o", str(target)])

    assert 1 == status
    assert f"reseau-coop: error: cannot write {target}: No space left on device\n" == (
        capsys.readouterr().err
    )
    assert OLD == target.read_bytes()
    assert ["chart.png", "warm-up.png"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_symlinked_export_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export -o LINK` replaces the file the link points to; the link stays."""
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)

    status = main(["export", "-o", str(link)])
    capsys.readouterr()

    assert 0 == status
    assert link.is_symlink()
    assert default_network() == reseau_coop.load(real)
    assert 0o640 == real.stat().st_mode & 0o777


# ---------------------------------------------------------------- standard input


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_data_from_standard_input(fmt: str) -> None:
    """`--data -` reads standard input, in the format --data-format names (JSON by default)."""
    document = dumps(default_network(), fmt).encode()  # type: ignore[arg-type]
    extra = [] if fmt == "json" else ["--data-format", fmt]

    result = command("--data", "-", *extra, "growth", "--json", input=document)
    checked = command("validate", "-", *extra, "--lang", "en", input=document)

    assert (0, b"") == (result.returncode, result.stderr)
    assert reseau_coop.growth(default_network()).ratio == json.loads(result.stdout)["ratio"]
    assert (0, b"<stdin>: valid\n") == (checked.returncode, checked.stdout)


def test_invalid_standard_input_is_named() -> None:
    """An invalid document on standard input is reported as <stdin>, each problem by path."""
    result = command("--data", "-", input=b'{"format": 1, "name": {"en": "X"}, "languages": 3}')

    assert 1 == result.returncode
    assert result.stderr.startswith(
        b"reseau-coop: error: invalid <stdin>: 1 problem\n  $.languages"
    )


def test_closed_standard_input() -> None:
    """`--data -` with stdin closed: one line, exit 1."""
    result = command("--data", "-", shell_redirect="<&-")

    assert 1 == result.returncode
    assert [b"reseau-coop: error: cannot read <stdin>: it is closed"] == result.stderr.splitlines()


# ---------------------------------------------------------------- exit statuses


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "-o", "history.yaml"], "cannot tell the format of history.yaml"),
        (["growth", "--by-phase", "2099", "3000"], "give no YEARs"),
        (["phase", "2012", "--all", "--boundary", "earlier"], "--boundary chooses one phase"),
        (["--data", "x.json", "validate", "y.json"], "validate does not read --data"),
        (["--data", "x.json", "schema"], "schema does not read --data"),
        (["--data-format", "toml"], "--data-format names the format of standard input"),
        (["--data", "x.toml", "--data-format", "toml"], "a file's suffix names its own"),
        (["validate", "-", "-"], "read only once"),
        (["growth", "2010"], "two years"),
        (["--lang", "de"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], words: str) -> None:
    """A command line that is wrong, or that asks for something ignored: usage, exit 2."""
    status, out, err = in_process(*argv)

    assert (2, "") == (status, out)
    assert err.startswith("usage: reseau-coop")
    assert words in err.splitlines()[-1]


def test_usage_errors_from_a_process() -> None:
    """The same from outside: exit 2, argparse's usage, no traceback."""
    result = command("growth", "--by-phase", "2099", "3000")

    assert 2 == result.returncode
    assert quiet(result.stderr)
    assert result.stderr.startswith(b"usage: reseau-coop growth")


@pytest.mark.parametrize(
    "argv",
    [["--data", "a\x00b.json"], ["export", "-o", "a\x00b.json"], ["validate", "a\x00b.json"]],
    ids=["--data", "-o", "validate"],
)
def test_a_nul_in_a_path(argv: list[str]) -> None:
    """A NUL in a file name: one line naming the file (made visible), exit 1."""
    status, out, err = in_process(*argv)

    assert 1 == status
    lines = (out + err).splitlines()
    assert 1 <= len(lines) <= 2
    assert "a\\x00b.json" in lines[0]
    assert "NUL" in (out + err)


def test_out_of_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """A MemoryError becomes one line and exit status 1."""

    def exhausted(_path: object) -> None:
        raise MemoryError

    monkeypatch.setattr("reseau_coop._cli.load", exhausted)

    assert (1, "", "reseau-coop: error: out of memory\n") == in_process("--data", "x.json")


def test_a_bug_is_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even an unexpected error is one line (asking for a report), never a traceback."""

    def broken(*_args: object) -> None:
        msg = "something broke"
        raise RuntimeError(msg)

    monkeypatch.setattr("reseau_coop._cli.growth", broken)

    status, _, err = in_process("growth")

    assert 1 == status
    assert [
        "reseau-coop: error: unexpected RuntimeError: something broke (please report it)"
    ] == err.splitlines()


def test_unknown_errors_never_show_a_traceback_from_a_process(tmp_path: Path) -> None:
    """Every failure class from outside: the right status, and never a traceback."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    cases = [
        (["--data", str(fifo)], 1),
        (["validate", str(fifo)], 1),
        (["--data", str(tmp_path)], 1),
        (["export", "-o", str(tmp_path / "no" / "x.json")], 1),
        (["export", "-o", str(tmp_path / "x.yaml")], 2),
        (["phase", "3000"], 1),
    ]
    for argv, expected in cases:
        result = command(*argv)

        assert expected == result.returncode, argv
        assert quiet(result.stderr), argv
        if argv[0] != "validate" and expected == 1:
            assert 1 == len(result.stderr.splitlines()), argv


def test_the_errno_of_a_full_disk_is_known() -> None:
    """Sanity: the message the tests expect is this system's strerror(ENOSPC)."""
    assert "No space left on device" == os.strerror(errno.ENOSPC)


# ---------------------------------------------------------------- in this process


@pytest.mark.parametrize("binary", [True, False], ids=["bytes", "text"])
def test_standard_input_in_process(binary: bool, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: FBT001
    """`--data -` reads sys.stdin's bytes when it has them, its text otherwise."""
    document = dumps(default_network(), "toml")
    stdin: Any = (
        io.TextIOWrapper(io.BytesIO(document.encode()), encoding="utf-8")
        if binary
        else io.StringIO(document)
    )
    monkeypatch.setattr(sys, "stdin", stdin)

    status, out, _ = in_process("--data", "-", "--data-format", "toml", "export")

    assert 0 == status
    assert default_network() == loads(out)


def test_closed_standard_input_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """With sys.stdin closed (None), `--data -` is one line; `validate -` one more problem."""
    monkeypatch.setattr(sys, "stdin", None)

    status, _, err = in_process("--data", "-")
    checked, report, _ = in_process("validate", "-", "--lang", "en")

    assert (1, "reseau-coop: error: cannot read <stdin>: it is closed\n") == (status, err)
    assert (1, "<stdin>: 1 problem\n  $: cannot read the file: it is closed\n") == (
        checked,
        report,
    )


def test_a_failing_stderr_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the error cannot be written either, the status still says what happened."""

    class Full(io.StringIO):
        def write(self, _text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stderr", Full())
    monkeypatch.setattr(sys, "stdout", io.StringIO())

    assert 1 == main(["phase", "3000"])
    assert 2 == main(["phase", "x"])


def test_an_os_error_from_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError nothing else named is one line with its reason."""

    def failing(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("reseau_coop._cli.growth", failing)

    assert (1, "", "reseau-coop: error: Input/output error\n") == in_process("growth")


def test_help_is_a_status_not_an_exit(capsys: pytest.CaptureFixture[str]) -> None:
    """`main` returns 0 for --help and --version, as it returns every status."""
    assert (0, 0) == (main(["--help"]), main(["--version"]))
    assert "usage: reseau-coop" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (BrokenPipeError(), (141, "")),
        (
            OSError(errno.ENOSPC, "No space left on device"),
            (1, "reseau-coop: error: cannot write to standard output: No space left on device\n"),
        ),
    ],
    ids=["broken pipe", "full"],
)
def test_a_failing_stdout_in_process(
    error: OSError, expected: tuple[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same mapping in this process: a broken pipe is quiet (141), a full stdout one line."""

    class Failing(io.StringIO):
        def write(self, _text: str) -> int:
            raise error

    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", Failing())
    monkeypatch.setattr(sys, "stderr", err)

    status = main(["export"])

    assert expected == (status, err.getvalue())


def test_written_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o FILE --json` says what it wrote as a JSON object."""
    target = tmp_path / "out.toml"

    status = main(["export", "-o", str(target), "--json"])

    assert 0 == status
    assert {"written": str(target), "format": "toml"} == json.loads(capsys.readouterr().out)
    assert default_network() == reseau_coop.load(target)


def test_a_table_without_csv_is_a_usage_error() -> None:
    """`--table` means nothing for JSON or TOML: exit 2, rather than ignored."""
    status, _, err = in_process("export", "--table", "phases")

    assert 2 == status
    assert "--table goes with --format csv" in err
