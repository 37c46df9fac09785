"""
Write the Sphinx object inventories the reference links to, for a build without the internet.

The build machines cannot fetch `https://docs.python.org/3/objects.inv` and its kind, so the
entries the reference needs are kept here, one per outside name its signatures and docstrings
use, and written as `objects.inv` files (format version 2, zlib) beside this script:

    python docs/inventories/make.py

`tests/test_docs.py` checks that the written files are what this script writes, and
`tests/test_site.py` that every name in the reference's signatures links somewhere. A name
added to a signature adds a line to `ENTRIES` below; the address is the one in the project's
own published inventory.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

#: Project: (title, version, base URL, entries as (name, "domain:role", path under the base)).
ENTRIES: dict[str, tuple[str, str, str, tuple[tuple[str, str, str], ...]]] = {
    "python": (
        "Python",
        "3",
        "https://docs.python.org/3/",
        (
            ("Exception", "py:exception", "library/exceptions.html#Exception"),
            ("LookupError", "py:exception", "library/exceptions.html#LookupError"),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            ("KeyError", "py:exception", "library/exceptions.html#KeyError"),
            ("ImportError", "py:exception", "library/exceptions.html#ImportError"),
            ("OSError", "py:exception", "library/exceptions.html#OSError"),
            ("TypeError", "py:exception", "library/exceptions.html#TypeError"),
            ("bool", "py:class", "library/functions.html#bool"),
            ("bytes", "py:class", "library/stdtypes.html#bytes"),
            ("dict", "py:class", "library/stdtypes.html#dict"),
            ("float", "py:class", "library/functions.html#float"),
            ("int", "py:class", "library/functions.html#int"),
            ("list", "py:class", "library/stdtypes.html#list"),
            ("str", "py:class", "library/stdtypes.html#str"),
            ("tuple", "py:class", "library/stdtypes.html#tuple"),
            ("None", "py:data", "library/constants.html#None"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
            ("datetime.date", "py:class", "library/datetime.html#$"),
            ("datetime.datetime", "py:class", "library/datetime.html#$"),
            ("enum.Enum", "py:class", "library/enum.html#$"),
            ("os.PathLike", "py:class", "library/os.html#$"),
            ("pathlib.Path", "py:class", "library/pathlib.html#$"),
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("typing.Literal", "py:data", "library/typing.html#$"),
            ("typing.SupportsIndex", "py:class", "library/typing.html#$"),
            ("typing.TypeAlias", "py:data", "library/typing.html#$"),
            ("typing.Final", "py:data", "library/typing.html#$"),
        ),
    ),
    "numpy": (
        "NumPy",
        "stable",
        "https://numpy.org/doc/stable/",
        (
            ("numpy.intp", "py:attribute", "reference/arrays.scalars.html#$"),
            ("numpy.int64", "py:attribute", "reference/arrays.scalars.html#$"),
            ("numpy.datetime64", "py:class", "reference/arrays.scalars.html#$"),
            ("numpy.ndarray", "py:class", "reference/generated/numpy.ndarray.html#$"),
            ("numpy.typing.NDArray", "py:data", "reference/typing.html#$"),
            ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#$"),
        ),
    ),
    "pandas": (
        "pandas",
        "stable",
        "https://pandas.pydata.org/docs/",
        (
            ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#$"),
            ("pandas.Series", "py:class", "reference/api/pandas.Series.html#$"),
            ("pandas.Index", "py:class", "reference/api/pandas.Index.html#$"),
            ("pandas.DatetimeIndex", "py:class", "reference/api/pandas.DatetimeIndex.html#$"),
            ("pandas.Timestamp", "py:class", "reference/api/pandas.Timestamp.html#$"),
        ),
    ),
    "matplotlib": (
        "Matplotlib",
        "stable",
        "https://matplotlib.org/stable/",
        (
            ("matplotlib.axes.Axes", "py:class", "api/_as_gen/matplotlib.axes.Axes.html#$"),
            ("matplotlib.figure.Figure", "py:class", "api/_as_gen/matplotlib.figure.Figure.html#$"),
        ),
    ),
}


def inventory(project: str) -> bytes:
    """The `objects.inv` file of *project* (a key of `ENTRIES`), as bytes."""
    title, version, _, entries = ENTRIES[project]
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {title}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(entries))
    return header.encode() + zlib.compress(lines.encode(), 9)


def names() -> set[str]:
    """Every name the inventories hold."""
    return {name for *_, entries in ENTRIES.values() for name, _, _ in entries}


def main() -> None:
    """Write one `PROJECT.inv` per project beside this script."""
    for project in ENTRIES:
        (HERE / f"{project}.inv").write_bytes(inventory(project))


if __name__ == "__main__":
    main()
