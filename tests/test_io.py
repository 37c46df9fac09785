"""Reading and writing documents: round trips, strictness, and errors that name the place."""

from __future__ import annotations

import contextlib
import json
import math
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from reseau_coop import (
    DataError,
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Network,
    Phase,
    Qualifier,
    Share,
    _convert,
    default_network,
    dump,
    dumps,
    load,
    loads,
)
from reseau_coop._io import format_of
from reseau_coop.strategies import networks

from .test_model import base_document

FORMATS = ["json", "toml"]


# ---------------------------------------------------------------- round trips


@given(networks())
def test_json_round_trip(net: Network) -> None:
    """Dumping then loading gives an equal network, for any valid network (JSON)."""
    assert net == loads(dumps(net, "json"), "json")


@given(networks())
def test_toml_round_trip(net: Network) -> None:
    """Dumping then loading gives an equal network, for any valid network (TOML)."""
    assert net == loads(dumps(net, "toml"), "toml")


@given(networks())
def test_json_and_toml_hold_the_same_document(net: Network) -> None:
    """JSON and TOML are one layout: both parse to the same plain document."""
    import tomllib

    assert json.loads(dumps(net, "json")) == tomllib.loads(dumps(net, "toml"))


@given(networks())
def test_dumps_is_stable(net: Network) -> None:
    """Writing what was read writes the same text again (a fixed point)."""
    text = dumps(net)

    assert text == dumps(loads(text))


@given(networks())
def test_bytes_and_text_read_alike(net: Network) -> None:
    """UTF-8 bytes, with or without a byte-order mark, read as the text does."""
    text = dumps(net)

    assert loads(text) == loads(text.encode("utf-8")) == loads(b"\xef\xbb\xbf" + text.encode())


@pytest.mark.parametrize("fmt", FORMATS)
def test_default_dataset_round_trip(fmt: str, tmp_path: Path) -> None:
    """The embedded dataset survives a trip through a file in each format."""
    path = tmp_path / f"reseau.{fmt}"
    dump(default_network(), path)

    assert default_network() == load(path)
    assert path.read_text("utf-8").startswith("{" if fmt == "json" else "format = 1")


def test_unknown_values_are_left_out() -> None:
    """`None` is not written: TOML has no null, and JSON follows the same layout."""
    document = json.loads(dumps(default_network()))

    assert "end" in document["phases"][0]
    assert "introduced" not in document["services"][4]  # the training has no phase
    assert "null" not in dumps(default_network())


def test_explicit_null_reads_as_absent() -> None:
    """In JSON, `null` for an optional value means "not known", like leaving it out."""
    doc = base_document()
    doc["phases"][1]["end"] = None
    doc["phases"][1]["summary"] = None

    assert loads(json.dumps(doc)).phases[1].end is None


# ---------------------------------------------------------------- strictness


def _problems(text: str | bytes, fmt: str = "json") -> list[str]:
    with pytest.raises(DataError) as ei:
        loads(text, fmt)  # type: ignore[arg-type]
    return [f"{p.where}: {p.message}" for p in ei.value.problems]


def _doc_with(path: tuple[str | int, ...], value: object) -> str:
    doc: Any = base_document()
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "boolean"),
        (2007.9, "fraction"),
        (2007.0, "a float (2007.0): write 2007"),
        ("2007", "string"),
        (None, "null"),
        ([2007], "list"),
        ({"year": 2007}, "table"),
    ],
)
def test_no_coercion_to_int(value: object, words: str) -> None:
    """`True`, `2007.9`, `"2007"` and the like are refused where an integer belongs."""
    problems = _problems(_doc_with(("snapshots", 0, "members"), value))

    assert 1 == len(problems)
    assert problems[0].startswith("$.snapshots[0].members: expected an integer")
    assert words in problems[0]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_refused(constant: str) -> None:
    """NaN and infinities are refused, with their place."""
    text = _doc_with(("snapshots", 0, "share"), {"value": 0.5, "of": {"en": "all"}})
    text = text.replace('"value": 0.5', f'"value": {constant}')

    problems = _problems(text)

    assert 1 == len(problems)
    assert problems[0].startswith("$.snapshots[0].share.value:")
    assert "finite" in problems[0]


def test_non_finite_in_toml_refused() -> None:
    """TOML's nan and inf are refused too."""
    text = dumps(default_network(), "toml").replace("value = 0.5", "value = nan", 1)

    assert [
        "$.snapshots[3].share.value: expected a finite number, got nan (not a finite number)"
    ] == _problems(text, "toml")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("literal", "reads_as"),
    [
        ("1e-400", "0.0"),
        ("-1E-400", "-0.0"),
        ("4.9e-324", "5e-324"),
        ("1.2345678901234567e-310", "1.23456789012346e-310"),
    ],
)
def test_numbers_that_underflow_are_refused(fmt: str, literal: str, reads_as: str) -> None:
    """A number no float holds as written (0.0 or a subnormal) is refused, not changed."""
    text = dumps(default_network(), fmt).replace("0.5", literal, 1)  # type: ignore[arg-type]

    expected = (
        f"$.snapshots[3].share.value: expected a finite number, got {literal} "
        f"(too close to 0 for a float, which would hold {reads_as})"
    )
    assert [expected] == _problems(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "literal", ["0.0", "0e-400", "-0.0", "2.2250738585072014e-308", "1e-300", "5e-324", "1e-310"]
)
def test_zero_and_small_numbers_load(fmt: str, literal: str) -> None:
    """Zero written as zero, and small numbers that a float holds as written, load unchanged."""
    text = dumps(default_network(), fmt).replace("0.5", literal, 1)  # type: ignore[arg-type]

    share = loads(text, fmt).snapshots[3].share  # type: ignore[arg-type]

    assert share is not None
    assert float(literal) == share.value


def test_a_huge_number_is_not_finite() -> None:
    """A JSON number past the largest float is refused as not finite, like Infinity."""
    text = dumps(default_network()).replace("0.5", "1e400", 1)

    assert [
        "$.snapshots[3].share.value: expected a finite number, got 1e400 (not a finite number)"
    ] == _problems(text)


def test_duplicate_keys_refused() -> None:
    """A key given twice in one JSON object is refused with its path, not silently overwritten."""
    text = _doc_with(("snapshots", 0, "members"), 10).replace(
        '"members": 10', '"members": 10, "members": 11'
    )

    assert ["$.snapshots[0].members: key 'members' is given more than once in this object"] == (
        _problems(text)
    )


def test_unknown_keys_refused_with_a_hint() -> None:
    """An unknown key is named by its own path, with the nearest known key as a hint."""
    problems = _problems(_doc_with(("snapshots", 1, "membres"), 3))

    assert ["$.snapshots[1].membres: unknown key 'membres'; did you mean 'members'?"] == problems


def test_unknown_key_and_broken_invariant_together() -> None:
    """An unknown key does not hide the other problems of the document."""
    doc = base_document()
    doc["phases"][0]["strat"] = 1
    doc["phases"][1]["start"] = 1990

    problems = _problems(json.dumps(doc))

    assert [
        "$.phases[0].strat: unknown key 'strat'; did you mean 'start'?",
        (
            "$.phases[1].start: phases must be given in order of start: 1990 comes after 2000 "
            "(phase 'early')"
        ),
    ] == problems


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("snapshots", 0, "qualifier"), "about", "$.snapshots[0].qualifier"),
        (("snapshots", 0, "qualifier"), "EXACT", "$.snapshots[0].qualifier"),
        (("snapshots", 1, "dating"), 1, "$.snapshots[1].dating"),
        (("services", 0, "kind"), "consultancy", "$.services[0].kind"),
        (("services", 0, "flagship"), "yes", "$.services[0].flagship"),
        (("services", 0, "flagship"), 1, "$.services[0].flagship"),
        (("phases", 0, "name"), "Early", "$.phases[0].name"),
        (("phases", 0, "name"), {"en": 3}, "$.phases[0].name.en"),
        (("phases",), {"early": {}}, "$.phases"),
        (("phases", 0), ["early"], "$.phases[0]"),
        (("languages",), "en", "$.languages"),
        (("sources", 0, "references"), "https://x", "$.sources[0].references"),
    ],
)
def test_wrong_types_named_by_path(path: tuple[str | int, ...], value: object, where: str) -> None:
    """Each wrong type or enum value is named by the path of its field."""
    problems = _problems(_doc_with(path, value))

    assert [where] == [p.split(": ")[0] for p in problems]


def test_missing_required_key() -> None:
    """A missing required key is named by the path it should have."""
    doc = base_document()
    del doc["snapshots"][0]["members"]

    assert ["$.snapshots[0].members: required key is missing"] == _problems(json.dumps(doc))


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"name": {"en": "X"}, "languages": ["en"]}, "required key is missing"),
        (
            {"format": 2, "name": {"en": "X"}, "languages": ["en"]},
            "this release reads format 1, not format 2",
        ),
        (
            {"format": "1", "name": {"en": "X"}, "languages": ["en"]},
            "the format is the number 1, written without quotes; got a string ('1')",
        ),
        (
            {"format": True, "name": {"en": "X"}, "languages": ["en"]},
            "the format is the number 1; got a boolean (true)",
        ),
        (
            {"format": 1.0, "name": {"en": "X"}, "languages": ["en"]},
            "the format is the number 1; got a float (1.0)",
        ),
    ],
)
def test_format_version(document: dict[str, Any], words: str) -> None:
    """The `format` key is required and must be the integer 1."""
    problems = _problems(json.dumps(document))

    assert 1 == len(problems)
    assert problems[0].startswith("$.format: ")
    assert words in problems[0]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        ('{"format": 1,}', "line 1"),
        ("[]", "a document is a table"),
        ("42", "a document is a table"),
        ("null", "a document is a table"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": 1, "n": ' + "1" * 5000 + "}", "not valid JSON"),
    ],
)
def test_not_a_document(text: str, words: str) -> None:
    """Text that is not a JSON object gives a DataError at the root, not a crash."""
    problems = _problems(text)

    assert 1 == len(problems)
    assert problems[0].startswith("$: ")
    assert words in problems[0]


def test_not_utf8() -> None:
    """Bytes that are not UTF-8 are refused with the offset of the first bad byte."""
    assert ["$: not UTF-8 text: byte 0xe9 at offset 10"] == _problems(b'{"name": "\xe9"}')


def test_invalid_toml() -> None:
    """TOML syntax errors are DataErrors that say where the parser stopped."""
    problems = _problems("format = 1\nname = ", "toml")

    assert 1 == len(problems)
    assert "not valid TOML" in problems[0]


def test_unknown_format_argument() -> None:
    """Only "json" and "toml" are formats."""
    with pytest.raises(DataError, match="'yaml'"):
        loads("{}", "yaml")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="'yaml'"):
        dumps(default_network(), "yaml")  # type: ignore[arg-type]


def test_dumps_takes_a_network() -> None:
    """Giving `dumps` something else than a Network is a TypeError, not a garbled file."""
    with pytest.raises(TypeError, match="expected a Network"):
        dumps({"format": 1})  # type: ignore[arg-type]


def test_loads_takes_text() -> None:
    """Giving `loads` something else than text or bytes is a TypeError."""
    with pytest.raises(TypeError, match="str or bytes"):
        loads(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.json", "json"), ("a.JSON", "json"), ("dir.v2/a.toml", "toml"), ("a.Toml", "toml")],
)
def test_format_of(name: str, fmt: str) -> None:
    """The suffix names the format, in any case."""
    assert fmt == format_of(name)


@pytest.mark.parametrize("name", ["a.yaml", "a", "a.json.bak", "json"])
def test_unknown_suffix_is_refused(name: str, tmp_path: Path) -> None:
    """An unknown suffix is a DataError, for reading and for writing (nothing is written)."""
    path = tmp_path / name
    with pytest.raises(DataError, match=r"\*\.json or \*\.toml"):
        dump(default_network(), path)
    assert not path.exists()
    path.write_text("{}")
    with pytest.raises(DataError, match=r"\*\.json or \*\.toml"):
        load(path)


def test_load_names_the_file(tmp_path: Path) -> None:
    """A file's problems are reported under its name."""
    path = tmp_path / "history.json"
    path.write_text(_doc_with(("snapshots", 0, "members"), -1), "utf-8")

    with pytest.raises(DataError) as ei:
        load(path)

    assert str(ei.value).startswith(f"invalid {path}: 1 problem")
    assert ["$.snapshots[0].members"] == [p.where for p in ei.value.problems]


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    """A file that is not there is Python's own FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nope.toml")


def _special(kind: str, path: Path) -> contextlib.AbstractContextManager[object]:
    """Make *path* a directory, a FIFO, a socket or a link to a device."""
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")  # endless: reading it whole would never end
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        return server
    return contextlib.nullcontext()


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("directory", "a directory"),
        ("fifo", "a named pipe (FIFO)"),
        ("socket", "a socket"),
        ("device", "a character device"),
    ],
)
def test_only_regular_files_are_read(kind: str, words: str, tmp_path: Path) -> None:
    """A directory, FIFO, socket or device named *.json is refused at once, naming the file."""
    path = tmp_path / "history.json"
    with _special(kind, path), pytest.raises(DataError) as ei:
        load(path)

    assert str(path) == ei.value.subject
    assert [f"not a regular file but {words}; only regular files are read"] == [
        p.message for p in ei.value.problems
    ]


def test_a_fifo_never_hangs(tmp_path: Path) -> None:
    """Loading a FIFO no one writes to returns at once (checked in a process with a timeout)."""
    fifo = tmp_path / "history.json"
    os.mkfifo(fifo)
    code = (
        "import reseau_coop\n"
        "try:\n"
        f"    reseau_coop.load({str(fifo)!r})\n"
        "except reseau_coop.DataError as exc:\n"
        "    print(exc.problems[0].message)\n"
    )

    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )

    assert "not a regular file but a named pipe (FIFO)" in result.stdout


def test_a_nul_in_the_file_name(tmp_path: Path) -> None:
    """A NUL in the name is a DataError naming the file, not Python's bare ValueError."""
    name = str(tmp_path / "a\x00b.json")

    with pytest.raises(DataError) as ei:
        load(name)

    assert name == ei.value.subject
    assert "NUL" in ei.value.problems[0].message


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    """A symbolic link to a regular file is read like the file."""
    real = tmp_path / "real.json"
    dump(default_network(), real)
    (tmp_path / "link.json").symlink_to(real)

    assert default_network() == load(tmp_path / "link.json")


def test_dump_writes_utf8(tmp_path: Path) -> None:
    """Files are UTF-8, whatever the locale, and keep the article's typography."""
    path = tmp_path / "reseau.json"
    dump(default_network(), path)

    assert "Phase d’expérimentation" in path.read_bytes().decode("utf-8")


# ---------------------------------------------------------------- any input


def test_share_keeps_its_value() -> None:
    """A share of 1 (an integer) reads as the fraction 1.0: the same number."""
    text = _doc_with(("snapshots", 0, "share"), {"value": 1, "of": {"en": "all"}})
    share = loads(text).snapshots[0].share

    assert share is not None
    assert math.isclose(1.0, share.value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_qualifier_and_dating_round_trips(fmt: str) -> None:
    """Each qualifier and dating, open-ended phases, non-ASCII text and empty lists round-trip."""
    text = LocalizedText({"fr": "Réseau «\u00a0ÉÉ\u00a0» – 協同組合", "en": "Network ✓"})
    phases = [
        Phase(key="avant", name=text, start=2000, end=2005),
        Phase(key="après", name=text, start=2005),
    ]
    snapshots = [
        MembershipSnapshot(
            year=2000 + i,
            members=10 + i,
            qualifier=qualifier,
            share=Share(value=i / 10, of=text, qualifier=qualifier),
        )
        for i, qualifier in enumerate(Qualifier)
    ]
    snapshots.append(MembershipSnapshot(year=2005, members=20, dating=Dating.PHASE, phase="avant"))
    net = Network(name=text, languages=["fr", "en"], phases=phases, snapshots=snapshots)

    assert net == loads(dumps(net, fmt), fmt)  # type: ignore[arg-type]
    assert {s.qualifier for s in net.snapshots} == set(Qualifier)


# ---------------------------------------------------------------- the converter, both ways


def test_the_converter_reads_as_loads_does() -> None:
    """The library's one converter structures records with the strict reader `loads` uses."""
    from reseau_coop._convert import converter

    document = json.loads(dumps(default_network()))
    del document["format"]  # the document's, not the network's

    assert default_network() == converter().structure(document, Network)
    assert LocalizedText({"fr": "a"}) == converter().structure({"fr": "a"}, LocalizedText)
    with pytest.raises(DataError) as bad_phase:
        converter().structure({"key": "p", "name": {"en": "P"}, "start": "x", "y": 1}, Phase)
    with pytest.raises(DataError) as bad_texts:
        converter().structure({"fr": 3}, LocalizedText)
    with pytest.raises(DataError) as not_a_table:
        converter().structure("p", Phase)
    assert [
        "$.start: expected an integer, got a string ('x')",
        "$.y: unknown key 'y'",
    ] == [f"{p.where}: {p.message}" for p in bad_phase.value.problems]
    assert ["expected a table, got a string ('p') @ $"] == not_a_table.value.errors
    assert ("text", ["expected a string, got an integer (3) @ $.fr"]) == (
        bad_texts.value.subject,
        bad_texts.value.errors,
    )


def test_the_converter_stops_reading_where_loads_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_PROBLEMS the converter stops too, with the problems found so far."""
    from reseau_coop._convert import converter

    monkeypatch.setattr(_convert, "MAX_PROBLEMS", 3)
    with pytest.raises(DataError) as ei:
        converter().structure({f"k{i}": i for i in range(10)}, MembershipSnapshot)

    assert 3 == len(ei.value.problems)


def test_unknown_keys_past_the_hints_are_named_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A document gets MAX_HINTS hints; the unknown keys after them are named all the same."""
    monkeypatch.setattr(_convert.UnknownKeys, "MAX_HINTS", 1)
    document = base_document()
    document["snapshots"] = [{"yaer": 2000, "members": 1}, {"year": 2001, "membres": 2}]

    with pytest.raises(DataError) as ei:
        loads(json.dumps(document))

    assert [
        "$.snapshots[0].yaer: unknown key 'yaer'; did you mean 'year'?",
        "$.snapshots[0].year: required key is missing",
    ] == [f"{p.where}: {p.message}" for p in ei.value.problems][:2]
    assert "$.snapshots[1].membres: unknown key 'membres'" in [
        f"{p.where}: {p.message}" for p in ei.value.problems
    ]


def test_late_problems_take_their_place_in_a_large_table() -> None:
    """In a table of many keys, a problem found late is still said where its key stands."""
    document: dict[str, Any] = {f"x{i}": i for i in range(12)}  # unknown keys first
    document |= base_document()  # 20 keys in all
    document["phases"] = [
        {"key": "a", "name": {"en": "A"}, "start": 2000, "end": 2001},
        {"key": "a", "name": {"en": "B"}, "start": 2002, "end": 2003},
    ]

    with pytest.raises(DataError) as ei:
        loads(json.dumps(document))

    assert [
        *(f"$.x{i}" for i in range(12)),
        "$.phases[1].key",
        "$.services[0].introduced",
        "$.snapshots[1].phase",
    ] == [problem.where for problem in ei.value.problems]
