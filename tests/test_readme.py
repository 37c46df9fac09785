"""The README's examples run, so its first page cannot drift from the code."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from reseau_coop._cli import main

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


def _pasted_runs() -> list[tuple[str, str]]:
    """Each `<!-- cli:ARGS -->` block of the README: its arguments and the output pasted."""
    text = README.read_text("utf-8")
    pattern = r"<!-- cli:(.*?) -->\n```console\n\$ [^\n]*\n(.*?)```"
    return [(m.group(1), m.group(2)) for m in re.finditer(pattern, text, re.DOTALL)]


def test_readme_shows_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    """The command output pasted in the README is what the command prints today."""
    runs = _pasted_runs()
    assert len(runs) >= 2

    for args, pasted in runs:
        assert 0 == main(shlex.split(args))
        assert pasted == capsys.readouterr().out, args
