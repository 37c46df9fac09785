"""The README's examples run, so its first page cannot drift from the code."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_readme_examples() -> None:
    """Every `>>>` example in README.md gives the output shown."""
    results = doctest.testfile(
        str(README),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        raise_on_error=False,
    )

    assert results.attempted > 5
    assert 0 == results.failed
