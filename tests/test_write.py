"""The one writer: a file is replaced whole or not at all, and nothing is left behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import default_network, dump, dumps
from reseau_coop._write import write_atomic

from .helpers import run_python

OLD = b'{"old": "content that must survive"}\n'


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """An existing file, as a user's previous export."""
    path = tmp_path / "history.json"
    path.write_bytes(OLD)
    return path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _failing_write(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, after: int = 1
) -> list[int]:
    """Make os.write write a few bytes, then raise *error* on a later call."""
    real = os.write
    calls: list[int] = []

    def write(descriptor: int, data: bytes | memoryview) -> int:
        calls.append(descriptor)
        if len(calls) > after:
            raise error
        return real(descriptor, bytes(data[:10]))  # short writes: the loop must go on

    monkeypatch.setattr(os, "write", write)
    return calls


# ---------------------------------------------------------------- success


@given(st.binary(max_size=5000))
def test_writes_exactly_the_bytes(data: bytes) -> None:
    """Whatever the bytes, the file holds exactly them, and nothing else is in the folder."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.json"
        target.write_bytes(OLD)

        write_atomic(target, data)

        assert data == target.read_bytes()
        assert ["out.json"] == _names(Path(folder))


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.write may write less than asked; the writer goes on until every byte is out."""
    _failing_write(monkeypatch, AssertionError("never raised"), after=10_000)
    target = tmp_path / "out.bin"
    data = bytes(range(256)) * 4

    write_atomic(target, data)

    assert data == target.read_bytes()


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    """A new file is 0o666 less the umask, as `>` in a shell makes it (not mkstemp's 0o600)."""
    old_mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"{}")
    finally:
        os.umask(old_mask)

    assert 0o640 == stat.S_IMODE((tmp_path / "new.json").stat().st_mode)


def test_an_existing_file_keeps_its_mode(old_file: Path) -> None:
    """Replacing a file keeps its permissions."""
    old_file.chmod(0o604)

    write_atomic(old_file, b"new")

    assert b"new" == old_file.read_bytes()
    assert 0o604 == stat.S_IMODE(old_file.stat().st_mode)


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP])
def test_a_file_system_that_cannot_sync_is_no_error(
    code: int, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the file system cannot flush a file (EINVAL, ENOTSUP), the file is written anyway."""

    def cannot_sync(_descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", cannot_sync)
    write_atomic(old_file, b"new")

    assert b"new" == old_file.read_bytes()
    assert ["history.json"] == _names(old_file.parent)


def test_a_folder_that_cannot_be_opened_is_no_error(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a folder cannot be opened to sync the rename (some systems), the file is written."""
    real_open = os.open
    opened: list[str] = []

    def open_files_only(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).is_dir():
            opened.append(os.fspath(path))
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_files_only)
    write_atomic(old_file, b"new")

    assert b"new" == old_file.read_bytes()
    assert [str(old_file.parent.resolve())] == opened


def test_without_fchmod_the_mode_is_kept_by_name(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where `os.fchmod` is missing (Windows before Python 3.13), the mode is set by name."""
    monkeypatch.delattr(os, "fchmod")
    old_file.chmod(0o604)

    write_atomic(old_file, b"new")

    assert b"new" == old_file.read_bytes()
    assert 0o604 == stat.S_IMODE(old_file.stat().st_mode)


def test_a_symlink_stays_a_link(old_file: Path, tmp_path: Path) -> None:
    """Through a link, the file it points to is replaced; the link stays a link."""
    link = tmp_path / "link.json"
    link.symlink_to(old_file)
    old_file.chmod(0o600)

    write_atomic(link, b"new")

    assert link.is_symlink()
    assert old_file == link.resolve()
    assert b"new" == old_file.read_bytes()
    assert 0o600 == stat.S_IMODE(old_file.stat().st_mode)
    assert ["history.json", "link.json"] == _names(tmp_path)


def test_a_chain_of_links_and_a_link_to_another_folder(tmp_path: Path, old_file: Path) -> None:
    """Links are followed to the end, across folders; the temporary file goes beside the file."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = elsewhere / "a.json"
    second = elsewhere / "b.json"
    second.symlink_to(old_file)
    first.symlink_to(second)

    write_atomic(first, b"new")

    assert (first.is_symlink(), second.is_symlink()) == (True, True)
    assert b"new" == old_file.read_bytes()
    assert ["a.json", "b.json"] == _names(elsewhere)


def test_a_dangling_link_makes_its_file(tmp_path: Path) -> None:
    """A link to a file not yet there: the file is made, as `>` would."""
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "real.json")

    write_atomic(link, b"new")

    assert link.is_symlink()
    assert b"new" == (tmp_path / "real.json").read_bytes()


def test_a_long_file_name(tmp_path: Path) -> None:
    """A name as long as the system allows still gets a temporary file beside it."""
    target = tmp_path / ("é" * 122 + ".json")  # 249 bytes of UTF-8

    write_atomic(target, b"{}")

    assert [target.name] == _names(tmp_path)


def test_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    """File names are bytes on POSIX: one that is not UTF-8 is written all the same."""
    target = tmp_path / os.fsdecode(b"\xff-history.json")

    write_atomic(target, b"{}")

    assert [os.fsdecode(b"\xff-history.json")] == _names(tmp_path)


# ---------------------------------------------------------------- failure keeps the old file


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EFBIG, "File too large"),
        KeyboardInterrupt(),
        RuntimeError("a bug mid-way"),
    ],
    ids=["ENOSPC", "EFBIG", "KeyboardInterrupt", "RuntimeError"],
)
def test_a_failed_write_keeps_the_old_file(
    error: BaseException, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the write mid-way, the old file is byte-identical and no temp is left."""
    calls = _failing_write(monkeypatch, error)

    with pytest.raises(type(error)) as ei:
        write_atomic(old_file, b"x" * 1000)

    assert error is ei.value
    assert len(calls) > 1  # it did start writing
    assert OLD == old_file.read_bytes()
    assert ["history.json"] == _names(old_file.parent)


@pytest.mark.parametrize("step", ["fsync", "fchmod", "replace"])
def test_a_failure_at_any_step_keeps_the_old_file(
    step: str, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the bytes are written (sync, permissions, rename) changes nothing."""

    def fail(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    if step == "replace":
        monkeypatch.setattr(Path, "replace", fail)
    else:
        monkeypatch.setattr(os, step, fail)

    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(old_file, b"new")

    assert OLD == old_file.read_bytes()
    assert ["history.json"] == _names(old_file.parent)


def test_dump_keeps_the_old_file_on_failure(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reseau_coop.dump()` writes through the same writer: a full disk changes nothing."""
    _failing_write(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))

    with pytest.raises(OSError, match="No space left"):
        dump(default_network(), old_file)

    assert OLD == old_file.read_bytes()
    assert ["history.json"] == _names(old_file.parent)


def test_a_file_size_limit_keeps_the_old_file(old_file: Path) -> None:
    """With a real file-size limit (RLIMIT_FSIZE), `dump` fails with EFBIG and changes nothing."""
    code = textwrap.dedent(
        f"""
        import errno, resource, signal
        import reseau_coop
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            reseau_coop.dump(reseau_coop.default_network(), {str(old_file)!r})
        except OSError as exc:
            print(errno.errorcode[exc.errno])
        """
    )

    result = run_python(code)

    assert "EFBIG" == result.stdout.strip()
    assert len(dumps(default_network()).encode()) > 4096  # the limit did bite
    assert OLD == old_file.read_bytes()
    assert ["history.json"] == _names(old_file.parent)


def test_a_read_only_file_is_refused(old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not write is refused, as the shell's `>` would, not replaced."""
    checked: list[tuple[object, int]] = []

    def access(path: object, mode: int) -> bool:
        checked.append((path, mode))
        return False

    monkeypatch.setattr(os, "access", access)

    with pytest.raises(PermissionError):
        write_atomic(old_file, b"new")

    assert [(old_file, os.W_OK)] == checked
    assert OLD == old_file.read_bytes()


def test_no_free_temporary_name_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If every random name is taken, the write fails naming the folder; nothing is touched."""
    import secrets

    monkeypatch.setattr(secrets, "token_hex", lambda _size: "0" * 12)
    (tmp_path / ".history.json.000000000000.tmp").write_bytes(b"someone else's")

    with pytest.raises(FileExistsError) as ei:
        write_atomic(tmp_path / "history.json", b"new")

    assert (
        ei.value.errno,
        ei.value.strerror,
        ei.value.filename,
    ) == (errno.EEXIST, "no free name for a temporary file", str(tmp_path.resolve()))
    assert [".history.json.000000000000.tmp"] == _names(tmp_path)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    """A folder where the file should be: IsADirectoryError, and nothing is made."""
    folder = tmp_path / "out.json"
    folder.mkdir()

    with pytest.raises(IsADirectoryError):
        write_atomic(folder, b"{}")

    assert [] == _names(folder)
    assert ["out.json"] == _names(tmp_path)


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    """A file in a folder that is not there: FileNotFoundError, nothing made."""
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nope" / "out.json", b"{}")

    assert [] == _names(tmp_path)


def test_a_nul_in_the_name_is_a_value_error(tmp_path: Path) -> None:
    """No file name holds a NUL: ValueError, as Python's own open() says, and nothing made."""
    with pytest.raises(ValueError, match="null"):
        write_atomic(str(tmp_path / "a\x00b.json"), b"{}")

    assert [] == _names(tmp_path)


# ---------------------------------------------------------------- devices


def test_a_full_device_is_an_error_and_stays_a_device() -> None:
    """`/dev/full` is written in place (a device cannot be replaced): ENOSPC, still a device."""
    with pytest.raises(OSError, match="No space left") as ei:
        write_atomic("/dev/full", b"{}")

    assert errno.ENOSPC == ei.value.errno
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_the_null_device_takes_the_bytes() -> None:
    """`-o /dev/null` works, and /dev/null stays the null device."""
    write_atomic("/dev/null", b"{}")

    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    """A FIFO is written to (its reader gets the bytes), not replaced by a file."""
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        received.append(fifo.read_bytes())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()

    write_atomic(fifo, b"through the pipe")
    thread.join(timeout=30)

    assert [b"through the pipe"] == received
    assert stat.S_ISFIFO(fifo.stat().st_mode)
