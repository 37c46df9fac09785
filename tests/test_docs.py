"""
Every example in the README and on the documentation site runs, so the docs cannot drift.

A page is run in a fresh folder, in order:

- a fenced block after `<!-- file:NAME -->` is written to NAME, before anything runs (the
  site shows NAME as its title; its options, such as `hl_lines="3 5"`, are kept; a line
  `--8<-- "PATH"` in it is the file PATH of the repository, as MkDocs' snippets show it);
- the `>>>` examples run as doctests, in that folder, in page order with the commands;
- a `console` block after `<!-- cli:ARGS -->` is the command `reseau-coop ARGS` and the exact
  output it prints (exit status 0); after `<!-- cli-fails:ARGS -->`, the exit status is 1 and
  the block is what it prints (stdout, then stderr).
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import re
import shlex
from pathlib import Path
from typing import Any

import attrs
import pytest

from reseau_coop import (
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Share,
    Source,
    load,
)
from reseau_coop._cli import main

from .helpers import load_module, missing

ROOT = Path(__file__).parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])

FILE = re.compile(r"<!-- file:(\S+) -->\n```[a-z]*[^\n]*\n(.*?)```", re.DOTALL)
SNIPPET = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)
CLI = re.compile(r"<!-- (cli|cli-fails):(.*?) -->\n```console\n\$ ([^\n]*)\n(.*?)```", re.DOTALL)


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_ids)
def test_page_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's files, doctests and command runs all give what the page shows."""
    text = page.read_text("utf-8")
    for name, content in FILE.findall(text):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(_expand(content), "utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)

    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    names: dict[str, object] = {}
    report = io.StringIO()
    position = 0
    for block in [*CLI.finditer(text), None]:
        end = len(text) if block is None else block.start()
        prose = text[position:end]
        test = parser.get_doctest(prose, names, page.name, str(page), text.count("\n", 0, position))
        runner.run(test, out=report.write, clear_globs=False)
        names.update(test.globs)  # DocTest works on a copy; carry names to the next part
        assert 0 == runner.failures, report.getvalue()
        if block is None:
            break
        _run_block(*block.groups())
        position = block.end()


def _expand(content: str) -> str:
    """*content* with each snippet line replaced by the repository file it names."""
    return SNIPPET.sub(lambda m: (ROOT / m.group(1)).read_text("utf-8").rstrip("\n"), content)


def _run_block(kind: str, args: str, shown: str, expected: str) -> None:
    """Run one command block; check the exit status and the output shown."""
    assert f"reseau-coop {args}".strip() == shown.strip()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(shlex.split(args))
    if kind == "cli":
        assert (0, expected) == (status, out.getvalue()), args
    else:
        assert (1, expected) == (status, out.getvalue() + err.getvalue()), args


def test_pages_have_examples() -> None:
    """The README and the tutorial hold runnable examples (the harness finds them)."""
    for name in ("README.md", "docs/tutorial.md"):
        text = (ROOT / name).read_text("utf-8")
        assert ">>>" in text
        assert CLI.search(text)


def test_readme_setup_commands_are_marked() -> None:
    """CI runs the README's two set-up commands from their markers."""
    text = (ROOT / "README.md").read_text("utf-8")

    assert "<!-- setup:run -->" in text
    assert "<!-- setup:test -->" in text


def test_data_format_reference_lists_every_field() -> None:
    """Each field of each record has a row in the data-format reference."""
    text = (ROOT / "docs" / "reference" / "data-format.md").read_text("utf-8")
    classes = (Network, Source, Phase, Service, MembershipSnapshot, Share, Milestone)

    missing = [
        f"{cls.__name__}.{a.name}"
        for cls in classes
        for a in attrs.fields(cls)
        if a.init and f"| `{a.name}` |" not in text
    ]
    assert [] == missing


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "examples").glob("*")), ids=_ids)
def test_example_networks_are_marked_invented(path: Path) -> None:
    """Each example network loads, and says in its name and file that it is invented."""
    network = load(path)
    text = path.read_text("utf-8")

    assert text.startswith("# ILLUSTRATIVE FIGURES, NOT FACTS")
    assert all(
        re.search(r"\((fictional|fictive|fictif)\)$", name) for _, name in network.name.texts
    )
    assert network.description is not None
    assert "illustrative figures, not facts" in network.description["en"]


def _inventories() -> Any:  # noqa: ANN401 - a module loaded by path
    """`docs/inventories/make.py`, the script that writes the reference's inventories."""
    return load_module("make", ROOT / "docs" / "inventories" / "make.py")


def test_inventories_are_written() -> None:
    """The object inventories kept in docs/ are the ones `make.py` writes (run it after an edit)."""
    make = _inventories()

    for project in make.ENTRIES:
        path = ROOT / "docs" / "inventories" / f"{project}.inv"
        assert make.inventory(project) == path.read_bytes(), project


def _hooks() -> Any:  # noqa: ANN401 - a module loaded by path
    """
    `docs/hooks.py`, the MkDocs hook that links public names at build time.

    It needs MkDocs (the `docs` extra): the runs against the wheel and the sdist, which
    install the `test` extra only, skip its tests; CI's coverage run, with
    `RESEAU_COOP_REQUIRE_BROWSER=1`, has it and must run them.
    """
    if importlib.util.find_spec("mkdocs") is None:
        missing('MkDocs is not installed (pip install -e ".[docs]")')
    return load_module("hooks", ROOT / "docs" / "hooks.py")


PROSE = [page for page in PAGES if page.parent.name != "reference" and page.name != "changelog.md"]
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1", re.MULTILINE | re.DOTALL)
UNLINKED_SPAN = re.compile(r"(?<!\[)`([^`\n]+)`(?!\])")


@pytest.mark.parametrize("page", [p for p in PROSE if p.is_relative_to(ROOT / "docs")], ids=_ids)
def test_prose_links_public_names(page: Path) -> None:
    """Once the hook has run, no code span of the page names a public object without a link."""
    hooks = _hooks()
    built = hooks.link_names(page.read_text("utf-8"))

    unlinked = [
        code
        for code in UNLINKED_SPAN.findall(FENCED.sub("", built))
        if hooks.target(code) is not None
    ]
    assert [] == unlinked


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("phase_at", "reseau_coop.phase_at"),
        ("reseau_coop.phase_index(years)", "reseau_coop.phase_index"),
        ("growth()", "reseau_coop.growth"),
        ("growth", None),  # the command `reseau-coop growth`
        ("Network.phase", "reseau_coop.Network.phase"),
        ("Phase.is_inferred", "reseau_coop.Phase.is_inferred"),
        ("Phase.key", "reseau_coop.Phase"),  # a field: its line is in the class's table
        ("frames.phases_frame", "reseau_coop.frames.phases_frame"),
        ("Phase.nothing", None),
        ("$.snapshots[1].members", None),
    ],
)
def test_hook_finds_the_entry_a_name_links_to(code: str, expected: str | None) -> None:
    """A code span links to the function, the method, or the class of a field; else to nothing."""
    assert expected == _hooks().target(code)


def test_hook_links_prose_only() -> None:
    """Code spans of prose are linked; code blocks and spans already linked stay as written."""
    text = "Use `phase_at`.\n\n```python\n`phase_at`\n```\n\nSee [`Phase`][reseau_coop.Phase]."

    expected = (
        "Use [`phase_at`][reseau_coop.phase_at].\n\n```python\n`phase_at`\n```\n\n"
        "See [`Phase`][reseau_coop.Phase]."
    )
    assert expected == _hooks().link_names(text)


def test_hook_titles_file_blocks() -> None:
    """A block after `<!-- file:NAME -->` shows NAME as its title, its other options kept."""
    text = '<!-- file:broken.toml -->\n```toml hl_lines="2"\nformat = 1\n```\n'

    expected = (
        '<!-- file:broken.toml -->\n```toml title="broken.toml" hl_lines="2"\nformat = 1\n```\n'
    )
    assert expected == _hooks().title_files(text)


FRENCH = [page for page in PAGES if page.read_text("utf-8").startswith("---\nlang: fr\n")]
# What is not French prose: front matter, code blocks and spans, HTML comments, images' `![`.
NOT_PROSE = re.compile(
    r"\A---\n.*?\n---\n|^[ \t]*(```|~~~).*?^[ \t]*\1|`[^`\n]*`|<!--.*?-->|!\[",
    re.MULTILINE | re.DOTALL,
)
# A plain space (or none) before ; : ? ! or », or a plain space after «.
BAD_SPACING = re.compile(r"(?:[^\S\u00a0\u202f]|(?<=\w))[;:?!»]|«(?:[^\S\u00a0\u202f]|(?=\w))")


def test_french_pages_exist() -> None:
    """The French pages say so in their front matter (the site serves them as French)."""
    assert [ROOT / "docs" / "demarrage-rapide.md"] == FRENCH


@pytest.mark.parametrize("page", FRENCH, ids=_ids)
def test_french_typography(page: Path) -> None:
    """French prose has a no-break space before ; : ? ! and inside « », never a plain one."""
    prose = NOT_PROSE.sub("", page.read_text("utf-8"))

    bad = [prose[max(0, m.start() - 20) : m.end() + 5] for m in BAD_SPACING.finditer(prose)]
    assert [] == bad


@pytest.mark.parametrize("text", ["deux ; trois", "deux; trois", "« mot »", "« mot»", "quoi ?"])
def test_french_typography_check_finds_plain_spaces(text: str) -> None:
    """The check flags a plain space, or none, where French wants a no-break space."""
    assert BAD_SPACING.search(text)


def test_french_typography_check_takes_no_break_spaces() -> None:
    """The check passes no-break spaces, narrow or not, and times and addresses."""
    assert BAD_SPACING.search("deux\u202f; trois\u00a0: «\u202fmot\u202f» 2012–2017") is None
