"""
Writing files whole or not at all: the one writer behind `dump()` and every `-o FILE`.

The bytes go to a temporary file in the target's folder, which is flushed to disk and
then renamed over the target (`os.replace`, atomic on POSIX and Windows). Whatever
happens before the rename (a full disk, a file-size limit, Ctrl-C, an exception), the
old file is left byte-identical and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Final

# The temporary file's name is ".NAME.RANDOM.tmp": hidden, beside its target (a rename
# never crosses file systems), and recognisable if a crash of the machine leaves one.
_TEMP_NAME_BYTES: Final = 100  # of NAME, so the whole name stays under NAME_MAX (255)
_ATTEMPTS: Final = 100  # random names tried before giving up (a clash is ~1 in 2**48)

# A new file, never an existing one nor a link planted under the name (O_EXCL);
# os.O_BINARY exists only where it means something.
_CREATE: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """
    Replace the file at *path* with *data*, whole or not at all.

    A symbolic link is followed: the file it points to is replaced and the link stays.
    An existing file keeps its permissions; a new one gets the usual ones (0o666 less
    the umask). A file the user may not write is refused, as the shell would. A device
    or a pipe (`/dev/null`, a FIFO) is written in place, since it cannot be replaced.

    Raises:
        OSError: If the file cannot be written; the old file, if any, is unchanged
            and no temporary file is left behind.
        ValueError: If *path* holds a NUL character.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "history.json"
        >>> write_atomic(target, b"{}")
        >>> target.read_bytes()
        b'{}'

    """
    name = os.fspath(path)
    try:
        old: os.stat_result | None = Path(name).stat()
    except FileNotFoundError:
        old = None  # a new file (or a link to a file yet to be made)
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
    if old is not None and not stat.S_ISREG(old.st_mode):
        _write_in_place(name, data)
        return
    target = Path(name).resolve()  # through every link: the file itself is replaced
    if old is not None and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    descriptor, temporary = _create(target)
    try:
        try:
            if old is not None:
                _keep_mode(descriptor, temporary, stat.S_IMODE(old.st_mode))
            _write_all(descriptor, data)
            _sync(descriptor)
        finally:
            os.close(descriptor)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


def _create(target: Path) -> tuple[int, Path]:
    """Create a new, empty temporary file beside *target*; its mode follows the umask."""
    import secrets  # slow to import, and only needed to write a file

    stem = os.fsdecode(os.fsencode(target.name)[:_TEMP_NAME_BYTES])
    for _ in range(_ATTEMPTS):
        temporary = target.with_name(f".{stem}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, _CREATE, 0o666), temporary
        except FileExistsError:
            continue
    message = "no free name for a temporary file"  # 100 clashes of 48 random bits
    raise FileExistsError(errno.EEXIST, message, str(target.parent))


def _keep_mode(descriptor: int, temporary: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):  # by descriptor: nothing swapped in under the name is touched
        os.fchmod(descriptor, mode)
    else:  # Windows before Python 3.13
        temporary.chmod(mode)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _sync(descriptor: int) -> None:
    """Flush the file to disk; a file system that cannot sync (EINVAL) is not an error."""
    try:
        os.fsync(descriptor)
    except OSError as exc:
        if exc.errno not in {errno.EINVAL, errno.ENOTSUP}:
            raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_in_place(name: str, data: bytes) -> None:
    """Write to a device or a pipe, which has no old content to keep."""
    with Path(name).open("wb") as handle:
        handle.write(data)
