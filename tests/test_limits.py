"""
Bounded resources: every document the size limit admits is judged fast, in bounded memory.

Work grows linearly with the document, and an error message with the number of
problems, not with the size of the input.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import DataError, _convert, loads
from reseau_coop._convert import MAX_DEPTH
from reseau_coop._errors import MAX_SHOWN_CHARS

from .helpers import run_python

if TYPE_CHECKING:
    from _typeshed import TraceFunction
from .strategies import json_values

HEAD = '{"format": 1, "name": {"en": "X"}, "languages": ["en"], '


def _problems(text: str | bytes, fmt: str = "json") -> DataError:
    with pytest.raises(DataError) as ei:
        loads(text, fmt)  # type: ignore[arg-type]
    return ei.value


# ---------------------------------------------------------------- linear work


def _snapshots(items: list[str]) -> str:
    return HEAD + '"snapshots": [' + ", ".join(items) + "]}"


SHAPES: dict[str, Callable[[int], str]] = {
    "valid snapshots": lambda n: _snapshots(
        [f'{{"year": {year}, "members": {year}}}' for year in range(1, n + 1)]
    ),
    "tiny tables": lambda n: _snapshots(["{}"] * n),
    "integers": lambda n: _snapshots(["1"] * n),
    "unknown keys": lambda n: _snapshots(
        ['{"year": 1, "members": 1, ' + ", ".join(f'"k{i}": 1' for i in range(n)) + "}"]
    ),
    "duplicate keys": lambda n: _snapshots(
        ['{"year": 1, "members": 1, ' + ", ".join(f'"k{i // 2}": 1' for i in range(n)) + "}"]
    ),
    "a long key": lambda n: HEAD + json.dumps("k" * 100 * n) + ": 1}",
    "languages and texts": lambda n: json.dumps(
        {
            "format": 1,
            "name": {"aa-0": "X"},
            "languages": [f"aa-{i}" for i in range(n)],
            "phases": [{"key": f"p{i}", "name": {"zz": "P"}, "start": 2000} for i in range(n)],
        }
    ),
    "unknown references": lambda n: json.dumps(
        {
            "format": 1,
            "name": {"en": "X"},
            "languages": ["en"],
            "sources": [{"key": f"s{i}", "title": {"en": "S"}} for i in range(n)],
            "snapshots": [{"year": i + 1, "members": 1, "source": "zz"} for i in range(n)],
        }
    ),
    "typos and errors": lambda n: _snapshots(['{"yaer": 1, "members": -1, "membres": 2}'] * n),
    "inferred names": lambda n: _snapshots(
        ['{"year": 1, "members": 1, "inferred": [' + ", ".join(['"yaer"', '"year"'] * n) + "]}"]
    ),
    "deep lists": lambda n: _snapshots(["[" * 13 + "]" * 13] * n),
}


def _work(text: str) -> tuple[int, str]:
    """Lines of Python run to judge *text* (a count, not a time), and the error's message."""
    lines = 0

    def trace(_frame: FrameType, event: str, _arg: object) -> TraceFunction:
        nonlocal lines
        lines += event == "line"
        return trace

    before = sys.gettrace()  # coverage's, when it runs
    sys.settrace(trace)
    try:
        loads(text)
        message = ""
    except DataError as error:
        message = str(error)
    finally:
        sys.settrace(before)
    return lines, message


@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
def test_work_grows_linearly(shape: Callable[[int], str]) -> None:
    """Four times the items, four times the work (lines of Python run), whatever the shape."""
    small, _ = _work(shape(500))
    large, message = _work(shape(2_000))

    assert large < 4.6 * small
    assert len(message) < 30_000  # the first 100 problems, each shortened


def test_any_shape_of_the_largest_size_in_bounded_memory() -> None:
    """4 MiB of the worst shapes is judged within 1 GiB of memory, each in a few seconds."""
    code = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        import reseau_coop
        head = '{"format": 1, "name": {"en": "X"}, "languages": ["en"], "snapshots": ['
        size = reseau_coop._io.MAX_DOCUMENT_SIZE - 100
        for item in ("{}", "1", '{"yaer": 1, "members": -1}', "[" * 13 + "]" * 13):
            count = size // (len(item) + 1)
            try:
                reseau_coop.loads(head + ",".join([item] * count) + "]}")
            except reseau_coop.DataError as error:
                print(len(error.problems), error.problems[-1].message)
        """
    )
    result = run_python(code)

    lines = result.stdout.splitlines()
    assert 4 == len(lines)
    assert all(line.startswith("100001 reading stopped after 100,000 problems") for line in lines)


def test_reading_stops_after_many_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_PROBLEMS, reading stops, and the last problem says so; those found are kept."""
    monkeypatch.setattr(_convert, "MAX_PROBLEMS", 50)

    error = _problems(_snapshots(["1"] * 200))

    assert 51 == len(error.problems)
    assert [f"$.snapshots[{i}]" for i in range(50)] == [p.where for p in error.problems[:50]]
    assert "reading stopped after 50 problems: the document may hold more" == (
        error.problems[-1].message
    )


# ---------------------------------------------------------------- TOML key paths

TOML_BOMBS = {
    "dotted keys": "\n".join(f"a{i}" + ".b" * 4_000 + " = 1" for i in range(10)),
    "table headers": "\n".join(f"[a{i}" + ".b" * 4_000 + "]" for i in range(10)),
    "array-of-tables headers": "\n".join("[[a" + ".b" * 4_000 + "]]" for _ in range(10)),
    "quoted parts": "\n".join(f'"a{i}"' + '."b"' * 4_000 + " = 1" for i in range(10)),
    "spaced dots": "\n".join(f"a{i}" + " . b" * 4_000 + " = 1" for i in range(10)),
    "inline table": "x = {" + "a." * 4_000 + "c = 1}",
    "just past the limit": "a" + ".b" * MAX_DEPTH + " = 1",
}


@pytest.mark.parametrize("text", TOML_BOMBS.values(), ids=list(TOML_BOMBS))
def test_long_toml_key_paths_are_refused_before_parsing(text: str) -> None:
    """A dotted key deeper than the nesting limit is refused as too deep, wherever it is."""
    error = _problems(text, "toml")

    assert ["$"] == [p.where for p in error.problems]
    assert "nested too deeply" in error.problems[0].message


def test_toml_key_path_bomb_in_bounded_memory() -> None:
    """80 KB of long dotted keys (gigabytes for tomllib) is judged within 1 GiB of memory."""
    code = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        import reseau_coop
        text = "\\n".join(f"a{i}" + ".b" * 4000 + " = 1" for i in range(10))
        try:
            reseau_coop.loads(text, "toml")
        except reseau_coop.DataError as error:
            print(error.problems[0].message)
        """
    )
    result = run_python(code)

    assert "nested too deeply" in result.stdout


def test_dots_in_toml_strings_and_comments_are_not_keys() -> None:
    """Strings of every kind and comments may hold any number of dots, quotes and #."""
    dots = ".".join("abcdefghijklmnopqrstuvwxyz")
    text = textwrap.dedent(
        f"""\
        format = 1
        languages = ["en"]  # {dots}: a comment
        name = {{ "en" = \"\"\"{dots} # not a comment
        a quote \\\"\"\" and "two" ""and a ' \"\"\" }}

        [[sources]]
        key = '{dots}'
        "title"."{dots}" = '''{dots} ends in two quotes'''''
        url = "https://{dots}.example/\\"q\\".{dots}"
        references = ['''
        {dots}''', "#{dots}"]
        """
    )

    error = _problems(text, "toml")

    assert ["$.sources[0].title['a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.…']"] == [
        p.where for p in error.problems
    ]
    assert "expected a language tag" in error.problems[0].message


@given(json_values, st.booleans())
def test_toml_documents_within_the_depth_limit_are_never_too_deep(
    value: object,
    multiline: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    """Whatever TOML writes for a value of allowed depth, the key-path check lets it through."""
    document = {"format": 1, "x": value}
    try:
        text = tomli_w.dumps(document, multiline_strings=multiline)
    except (TypeError, ValueError):  # None, or a float TOML cannot write
        return

    error = _problems(text, "toml")

    assert all("nested too deeply" not in p.message for p in error.problems)


# ---------------------------------------------------------------- messages


def test_a_long_key_is_shown_shortened() -> None:
    """A key of a million characters is named by its first characters, in the path too."""
    key = "k" * 1_000_000

    error = _problems(HEAD + json.dumps(key) + ": 1}")

    shown = "'" + "k" * MAX_SHOWN_CHARS + "…'"
    assert [f"unknown key {shown} @ $[{shown}]"] == error.errors
    assert len(str(error)) < 200


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"phases": [{"key": "p", "name": {"en": "P"}, "start": 2000}] * 2}, "phases[1].key"),
        ({"snapshots": [{"year": 2000, "members": 1, "source": "s"}]}, "snapshots[0].source"),
        ({"services": [{"key": "s", "name": {"en": "S"}, "kind": "x"}]}, "services[0].kind"),
        ({"name": {"en": "X", "fr": "X"}}, "name['fr-abcdefgh"),
        ({"snapshots": [{"year": 2000, "members": 1, "inferred": ["x"]}]}, "inferred[0]"),
    ],
)
def test_user_values_in_messages_are_shortened(document: dict[str, object], where: str) -> None:
    """Every key, language or value a message quotes is cut to its first characters."""
    long = "x" * 100_000
    text = json.dumps({"format": 1, "name": {"en": "X"}, "languages": ["en"], **document})
    text = text.replace('"p"', json.dumps(long)).replace('"s"', json.dumps(long))
    text = text.replace('"fr"', json.dumps("fr-" + "abcdefgh-" * 10_000 + "x"))
    text = text.replace('"x"', json.dumps(long))

    error = _problems(text)

    assert any(where in p.where for p in error.problems), error.errors
    assert len(str(error)) < 300 * len(error.problems)


def test_many_languages_missing_is_one_problem_per_text() -> None:
    """A text missing many languages is one problem that names the first few and counts."""
    languages = [f"aa-{i}" for i in range(5_000)]
    text = json.dumps({"format": 1, "name": {"aa-1": "X"}, "languages": languages})

    error = _problems(text)

    listed = "['aa-0', 'aa-1', 'aa-2', 'aa-3', 'aa-4', 'aa-5', 'aa-6', 'aa-7', 'aa-8', 'aa-9', …"
    expected = (
        f"missing the text in 'aa-0', 'aa-2', 'aa-3' and 4,996 more languages (the network's "
        f"languages are {listed} (5,000 in all)]) @ $.name"
    )
    assert [expected] == error.errors


@pytest.mark.parametrize(
    ("languages", "missing"),
    [
        (["en", "fr"], "'fr'"),
        (["en", "fr", "de"], "'fr' and 'de'"),
        (["en", "fr", "de", "it"], "'fr', 'de' and 'it'"),
        (["en", "fr", "de", "it", "es"], "'fr', 'de', 'it' and 1 more languages"),
    ],
)
def test_missing_languages_are_named(languages: list[str], missing: str) -> None:
    """The languages a text misses are named in the network's order."""
    text = json.dumps({"format": 1, "name": {"en": "X"}, "languages": languages})

    error = _problems(text)

    assert [f"missing the text in {missing} (the network's languages are {languages})"] == [
        p.message for p in error.problems
    ]


def test_unknown_references_list_the_keys_once_shortened() -> None:
    """An unknown reference lists the first keys it could name, and how many in all."""
    sources = [{"key": f"s{i}", "title": {"en": "t"}} for i in range(50)]
    snapshots = [{"year": year, "members": 1, "source": "nowhere"} for year in range(1, 1_000)]
    document = {"sources": sources, "snapshots": snapshots}

    error = _problems(HEAD + json.dumps(document)[1:])

    listed = "['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', … (50 in all)]"
    expected = f"unknown source 'nowhere' (the network's sources are {listed})"
    assert [expected] * 999 == [p.message for p in error.problems]
