"""
Attacks on the loaders and the model: whatever comes in, a valid Network or a DataError.

The property every test here checks: the result is a `Network` equal to its own
round trip and holding every value the document gave, unchanged; or a `DataError`
whose problems name places in the document. Never another exception, never a
hang, never a silently changed value.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reseau_coop import (
    DataError,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Share,
    Source,
    dumps,
    loads,
)
from reseau_coop._cli import main
from reseau_coop._convert import MAX_DEPTH, network_to_dict
from reseau_coop._io import MAX_DOCUMENT_SIZE
from reseau_coop.strategies import networks

from .strategies import json_values

Path = tuple[str | int, ...]

# ---------------------------------------------------------------- helpers


def walk(value: object, path: Path = ()) -> Iterator[tuple[Path, object]]:
    """Every place in a document, containers included, with its path."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def get(document: Any, path: Path) -> Any:  # noqa: ANN401 - any JSON value
    """The value at *path*."""
    for step in path:
        document = document[step]
    return document


def exists(document: object, path: Path) -> bool:
    """Whether *path* leads somewhere in *document*."""
    try:
        get(document, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def assert_preserved(document: object, net: Network) -> None:
    """Every value the document gave is in the network, unchanged (nulls mean "not known")."""
    written = network_to_dict(net)
    for path, value in walk(document):
        if isinstance(value, (dict, list)) or value is None:
            continue
        assert exists(written, path), f"{path} was dropped"
        kept = get(written, path)
        assert value == kept, f"{path}: {value!r} became {kept!r}"
        assert type(value) is type(kept) or {type(value), type(kept)} == {int, float}


def assert_names_places(error: DataError, document: object) -> None:
    """Each problem names a place in the document, or the key missing from a place in it."""
    assert error.problems
    for problem in error.problems:
        assert problem.where.startswith("$")
        assert exists(document, problem.path) or exists(document, problem.path[:-1]), problem


def check(text: str | bytes, document: object, fmt: str = "json") -> Network | DataError:
    """Load *text*; check the property; return what came out."""
    try:
        net = loads(text, fmt)  # type: ignore[arg-type]
    except DataError as exc:
        if document is not None:
            assert_names_places(exc, document)
        return exc
    assert net == loads(dumps(net))
    assert net == loads(dumps(net, "toml"), "toml")
    if document is not None:
        assert_preserved(document, net)
    return net


# ---------------------------------------------------------------- mutations

WRONG_VALUES: list[object] = [
    True,
    False,
    2007.5,
    2007.0,
    "2007",
    "",
    " ",
    "x" * 20_000,
    None,
    [],
    {},
    -1,
    0,
    10**30,
    99_999,
    2**53,
    float("nan"),
    float("inf"),
    float("-inf"),
    "\u202f«\u00a0Coop\u00a0»",
    "exact",
    "phase",
    ["fr"],
    {"fr": "x"},
]


def _places(document: object) -> list[Path]:
    return [path for path, _ in walk(document) if path]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], Path, str]:
    """A valid document with one place changed: (document, where, how)."""
    net = draw(networks())
    document = network_to_dict(net)
    places = _places(document)
    where = draw(st.sampled_from(places))
    how = draw(
        st.sampled_from(["replace", "delete", "unknown key", "duplicate item", "reverse", "dangle"])
    )
    target = get(document, where[:-1])
    step = where[-1]
    if how == "replace":
        target[step] = copy.deepcopy(draw(st.sampled_from(WRONG_VALUES)))
    elif how == "delete" and isinstance(target, dict):
        del target[step]
    elif how == "unknown key" and isinstance(target, dict):
        target[f"{step}_typo"] = 1
    elif how == "duplicate item" and isinstance(target, list):
        target.insert(int(step), copy.deepcopy(target[int(step)]))
    elif how == "reverse" and isinstance(get(document, where), list):
        get(document, where).reverse()
    elif how == "dangle" and step in {"phase", "introduced", "source"}:
        target[step] = "nowhere"
    else:
        target[step] = copy.deepcopy(draw(st.sampled_from(WRONG_VALUES)))
        how = "replace"
    return document, where, how


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated())
def test_one_mutation_json(case: tuple[dict[str, Any], Path, str]) -> None:
    """A document with one change: a Network holding it unchanged, or a DataError by path."""
    document, _, _ = case
    check(json.dumps(document), document)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated())
def test_one_mutation_toml(case: tuple[dict[str, Any], Path, str]) -> None:
    """The same attacks written as TOML (where TOML can write them: it has no null)."""
    document, _, _ = case
    assume(not any(value is None for _, value in walk(document)))
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):  # tomli-w cannot write that value; nothing to test
        assume(condition=False)
        return
    check(text, document, "toml")


def _document_order(document: object) -> dict[Path, tuple[int, int]]:
    """Each place of *document*: its rank in document order, and the rank of its last descendant."""
    places = [path for path, _ in walk(document)]
    order: dict[Path, tuple[int, int]] = {}
    for rank, path in enumerate(places):
        order[path] = (rank, rank)
        for end in range(len(path)):
            first, _ = order[path[:end]]
            order[path[:end]] = (first, rank)
    return order


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated())
def test_problems_come_in_document_order(case: tuple[dict[str, Any], Path, str]) -> None:
    """Problems come in the order of their places in the document; a missing key after its table."""
    document, _, _ = case
    outcome = check(json.dumps(document), document)
    assume(isinstance(outcome, DataError))
    assert isinstance(outcome, DataError)
    order = _document_order(document)

    def rank(path: Path) -> tuple[int, int]:
        if path in order:
            return order[path][0], 0
        return order[path[:-1]][1], 1  # a missing key: after all its table holds

    ranks = [rank(p.path) for p in outcome.problems]
    assert sorted(ranks) == ranks


@given(json_values)
def test_any_json_value(value: object) -> None:
    """Any JSON value at all: a Network or a DataError, nothing else."""
    check(json.dumps(value), None)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "format",
                "name",
                "languages",
                "phases",
                "snapshots",
                "services",
                "sources",
                "milestones",
                "description",
            ]
        ),
        json_values,
        max_size=9,
    )
)
def test_any_values_under_the_right_keys(document: dict[str, object]) -> None:
    """Right keys, any values: a Network or a DataError naming places."""
    document["format"] = 1
    check(json.dumps(document), document)


@given(st.binary(max_size=200))
def test_any_bytes(data: bytes) -> None:
    """Any bytes, in either format: a Network or a DataError."""
    for fmt in ("json", "toml"):
        check(data, None, fmt)


@given(st.text(max_size=200))
def test_any_text_as_toml(text: str) -> None:
    """Any text read as TOML: a Network or a DataError."""
    check(text, None, "toml")


# ---------------------------------------------------------------- shapes


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100, 1_000, 10_000, 100_000])
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_deeply_nested(depth: int, fmt: str) -> None:
    """Deep nesting is a DataError at the root, not a RecursionError."""
    inner = "[" * depth + "]" * depth
    text = inner if fmt == "json" else f"a = {inner}"

    with pytest.raises(DataError, match="nested too deeply"):
        loads(text, fmt)  # type: ignore[arg-type]


def test_deep_but_allowed_in_a_field() -> None:
    """Nesting within the limit is judged by the layout (a list where text belongs)."""
    nested = "[" * (MAX_DEPTH - 3) + "]" * (MAX_DEPTH - 3)
    text = '{"format": 1, "name": {"en": ' + nested + '}, "languages": ["en"]}'

    with pytest.raises(DataError) as ei:
        loads(text)

    assert ["$.name.en"] == [p.where for p in ei.value.problems]


@pytest.mark.parametrize("digits", [19, 100, 4_000, 4_301, 50_000])
def test_integers_with_many_digits(digits: int) -> None:
    """Huge integers: a DataError with the place (or the root, past Python's digit limit)."""
    text = (
        '{"format": 1, "name": {"en": "X"}, "languages": ["en"], '
        '"snapshots": [{"year": 2000, "members": ' + "9" * digits + "}]}"
    )

    with pytest.raises(DataError) as ei:
        loads(text)

    assert ei.value.problems[0].where in {"$", "$.snapshots[0].members"}
    assert len(str(ei.value)) < 500  # the message does not print the number


def test_huge_integer_in_toml() -> None:
    """TOML integers past 64 bits are refused with their place."""
    text = 'format = 1\nlanguages = ["en"]\nname = { en = "X" }\n[[snapshots]]\nyear = 2000\n'
    text += "members = " + "9" * 40 + "\n"

    with pytest.raises(DataError) as ei:
        loads(text, "toml")

    assert ei.value.problems[0].where in {"$", "$.snapshots[0].members"}


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe{\x00}\x00",  # UTF-16
        b'{"format": 1, "name": {"en": "\xe9"}}',  # Latin-1
        b"\xef\xbb\xbf\xef\xbb\xbf{}",  # two byte-order marks
        b"\x00" * 10,
        b"\xc3",
    ],
)
def test_not_utf8_or_not_a_document(data: bytes) -> None:
    """Bytes that are not a UTF-8 document are a DataError at the root."""
    with pytest.raises(DataError) as ei:
        loads(data)

    assert "$" == ei.value.problems[0].where


def test_byte_order_mark_is_accepted() -> None:
    """A UTF-8 byte-order mark before a valid document is fine, in both formats."""
    net = loads(dumps(Network(name=LocalizedText({"en": "X"}), languages=["en"])))

    assert net == loads(b"\xef\xbb\xbf" + dumps(net).encode())
    assert net == loads(b"\xef\xbb\xbf" + dumps(net, "toml").encode(), "toml")


@pytest.mark.parametrize("unit", ["text", "bytes"])
def test_too_large_document(unit: str) -> None:
    """A document past the size limit is refused before it is parsed."""
    text = '{"format": 1, "pad": "' + "x" * MAX_DOCUMENT_SIZE + '"}'
    data: str | bytes = text if unit == "text" else text.encode()

    with pytest.raises(DataError, match="more than the 4,194,304"):
        loads(data)


def test_large_valid_document() -> None:
    """A large but valid history (10,000 snapshots) loads and round-trips."""
    snapshots = [{"year": year, "members": year * 3} for year in range(1, 10_000)]
    document = {"format": 1, "name": {"en": "Big"}, "languages": ["en"], "snapshots": snapshots}

    net = check(json.dumps(document), document)

    assert isinstance(net, Network)
    assert 9_999 == len(net.snapshots)


def test_many_problems_are_all_kept() -> None:
    """Thousands of problems: all in .problems, the message lists the first hundred."""
    snapshots = [{"year": 2000, "members": -1} for _ in range(2_000)]
    document = {"format": 1, "name": {"en": "X"}, "languages": ["en"], "snapshots": snapshots}

    with pytest.raises(DataError) as ei:
        loads(json.dumps(document))

    assert 2_000 == len(ei.value.problems)
    assert "… and 1900 more" in str(ei.value)


def _with_duplicate(value: object, target: Path, path: Path = ()) -> str:
    """JSON text of *value*, with the first key of the object at *target* written twice."""
    if isinstance(value, dict):
        items = [
            f"{json.dumps(k)}: {_with_duplicate(v, target, (*path, k))}" for k, v in value.items()
        ]
        if path == target and value:
            items.insert(0, items[0])
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return (
            "["
            + ", ".join(_with_duplicate(v, target, (*path, i)) for i, v in enumerate(value))
            + "]"
        )
    return json.dumps(value)


@given(networks(), st.data())
def test_duplicate_keys_anywhere(net: Network, data: st.DataObject) -> None:
    """A key written twice in any object is named by its path."""
    document = network_to_dict(net)
    tables = [path for path, value in walk(document) if isinstance(value, dict) and value]
    target = data.draw(st.sampled_from(tables))
    first_key = next(iter(get(document, target)))

    with pytest.raises(DataError) as ei:
        loads(_with_duplicate(document, target))

    assert (*target, first_key) in [p.path for p in ei.value.problems]


# ---------------------------------------------------------------- constructors

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.binary(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.tuples(st.text(max_size=3), st.text(max_size=3)),
    st.builds(LocalizedText, st.just({"en": "x"})),
    st.just(float("nan")),
    st.just(10**5000),
)


def _constructors() -> dict[str, type[Any]]:
    return {
        "Phase": Phase,
        "Service": Service,
        "MembershipSnapshot": MembershipSnapshot,
        "Milestone": Milestone,
        "Share": Share,
        "Source": Source,
        "Network": Network,
        "LocalizedText": LocalizedText,
    }


@pytest.mark.parametrize("name", sorted(_constructors()))
@given(data=st.data())
def test_constructors_refuse_anything_wrong(name: str, data: st.DataObject) -> None:
    """Any values given to a constructor: an object or a DataError, never another error."""
    cls = _constructors()[name]
    names = [a.name for a in attrs.fields(cls) if a.init]
    kwargs = {n: data.draw(anything, label=n) for n in names}
    outcome: object
    try:
        outcome = cls(**kwargs)
    except DataError as exc:
        outcome = exc
    if isinstance(outcome, DataError):
        assert outcome.problems
        assert all(p.where.startswith("$") for p in outcome.problems)
    else:
        assert isinstance(outcome, cls)


def test_nan_and_infinity_never_slip_through() -> None:
    """No float in a loaded network is NaN or infinite."""
    for constant in ("NaN", "Infinity", "-Infinity", "1e400"):
        text = (
            '{"format": 1, "name": {"en": "X"}, "languages": ["en"], "snapshots": '
            '[{"year": 2000, "members": 1, "share": {"value": '
            + constant
            + ', "of": {"en": "y"}}}]}'
        )
        with pytest.raises(DataError) as ei:
            loads(text)
        assert ["$.snapshots[0].share.value"] == [p.where for p in ei.value.problems]


# ---------------------------------------------------------------- through the command


def _command(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated(), st.sampled_from(["json", "toml"]))
def test_the_command_on_attacked_files(case: tuple[dict[str, Any], Path, str], fmt: str) -> None:
    """`validate` and `--data` on attacked files: exit 0 or 1, a line per problem, no traceback."""
    document, _, _ = case
    if fmt == "toml":
        assume(not any(value is None for _, value in walk(document)))
        try:
            text = tomli_w.dumps(document)
        except (TypeError, ValueError):
            assume(condition=False)
            return
    else:
        text = json.dumps(document)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"network.{fmt}")  # noqa: PTH118 - a plain string path
        with open(path, "w", encoding="utf-8") as handle:  # noqa: PTH123
            handle.write(text)
        expected = 0
        try:
            loads(text, fmt)  # type: ignore[arg-type]
        except DataError as exc:
            expected = len(exc.problems)

        status, out, _ = _command("validate", path)
        data_status, _, err = _command("--data", path, "growth", "--by-phase", "--json")

    assert (1 if expected else 0) == status
    assert expected == sum(line.startswith("  $") for line in out.splitlines())
    assert data_status == status
    if expected:
        assert err.startswith("reseau-coop: error: invalid ")
        assert expected == sum(line.startswith("  $") for line in err.splitlines())
