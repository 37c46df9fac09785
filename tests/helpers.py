"""Small helpers the test modules share."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any, NoReturn

import pytest

# CI's coverage run sets it: there a test that lacks a tool (Chromium, Playwright, MkDocs) fails.
REQUIRED = os.environ.get("RESEAU_COOP_REQUIRE_BROWSER") == "1"


def run_python(code: str, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter (this one's), capturing its output as text."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=check
    )


def missing(reason: str) -> NoReturn:
    """Skip the test for want of a tool, saying why; fail instead where `REQUIRED`."""
    if REQUIRED:
        pytest.fail(f"RESEAU_COOP_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def keep(shot: Path) -> None:
    """Copy screenshot *shot* to the folder `RESEAU_COOP_SCREENSHOTS` names, if any."""
    if os.environ.get("RESEAU_COOP_SCREENSHOTS"):
        folder = Path(os.environ["RESEAU_COOP_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, folder / shot.name)


def load_module(name: str, path: Path) -> Any:  # noqa: ANN401 - a module loaded by path
    """
    The Python file at *path*, imported as module `_reseau_coop_tests.`*name*.

    It goes into `sys.modules` first, as an import would put it, so that its
    annotations resolve (attrs and cattrs look the module up by name); the prefix
    keeps a generic name (`hooks`, `make`) from standing for another module.
    """
    name = f"_reseau_coop_tests.{name}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def cut(line: str, starts: Sequence[int]) -> list[str]:
    """
    *line* cut at the terminal columns *starts* (ascending), so a table row into its cells.

    A combining mark goes with the character before it; a start that falls inside
    a wide character fails the test, as the column would not be aligned.
    """
    from reseau_coop._render import columns  # only the tests that cut lines need it

    edges = {0: 0}
    column = 0
    for index, char in enumerate(line, 1):
        column += columns(char)
        edges[column] = index
    assert all(start in edges for start in starts if start <= column), (starts, line)
    cuts = [edges.get(start, len(line)) for start in starts]
    return [line[a:b] for a, b in pairwise([0, *cuts, len(line)])]
