"""Errors that help: each message says what to write instead, one test per message."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reseau_coop import (
    DataError,
    LocalizedText,
    MembershipSnapshot,
    Share,
    default_network,
    dumps,
    load,
    loads,
    records,
)
from reseau_coop._cli import main
from reseau_coop._errors import nearest

HEAD: dict[str, Any] = {"format": 1, "name": {"en": "N"}, "languages": ["en"]}
PHASES = [
    {"key": "zeta", "name": {"en": "Z"}, "start": 2000, "end": 2005},
    {"key": "alpha", "name": {"en": "A"}, "start": 2005, "end": 2010},
]


def _errors(document: dict[str, Any]) -> list[str]:
    with pytest.raises(DataError) as ei:
        loads(json.dumps({**HEAD, **document}))
    return ei.value.errors


def test_unknown_phase_reference_gets_a_hint_and_phases_in_order() -> None:
    """An unknown phase names the one it is close to, and lists the phases in phase order."""
    errors = _errors(
        {"phases": PHASES, "services": [{"key": "s", "name": {"en": "S"}, "kind": "tool"}]}
        | {"snapshots": [{"year": 2003, "members": 1, "phase": "alhpa"}]}
    )

    assert [
        (
            "unknown phase 'alhpa'; did you mean 'alpha'? (the network's phases are "
            "['zeta', 'alpha']) @ $.snapshots[0].phase"
        )
    ] == errors


def test_unknown_phase_with_no_close_key() -> None:
    """A reference close to no key gets the list alone."""
    services = [{"key": "s", "name": {"en": "S"}, "kind": "tool", "introduced": "omega"}]

    errors = _errors({"phases": PHASES, "services": services})

    assert [
        (
            "unknown phase 'omega' (the network's phases are ['zeta', 'alpha']) "
            "@ $.services[0].introduced"
        )
    ] == errors


def test_unknown_source_reference_gets_a_hint() -> None:
    """An unknown source names the one it is close to."""
    sources = [{"key": "report-2020", "title": {"en": "R"}}]
    snapshots = [{"year": 2003, "members": 1, "source": "report-2012"}]

    errors = _errors({"sources": sources, "snapshots": snapshots})

    assert [
        (
            "unknown source 'report-2012'; did you mean 'report-2020'? (the network's sources are "
            "['report-2020']) @ $.snapshots[0].source"
        )
    ] == errors


@pytest.mark.parametrize(
    ("key", "meant"),
    [("begin", "start"), ("début", "start"), ("Until", "end"), ("strat", "start")],
)
def test_unknown_key_another_word_for_a_field(key: str, meant: str) -> None:
    """Another word for a field (English or French) gets a hint, as a misspelling does."""
    phase = {"key": "p", "name": {"en": "P"}, "start": 2000, key: 2001}

    errors = _errors({"phases": [phase]})

    assert [f"unknown key {key!r}; did you mean {meant!r}? @ $.phases[0][{key!r}]"] == [
        e.replace(f".{key}", f"[{key!r}]") for e in errors
    ]


def test_a_synonym_only_where_its_field_exists() -> None:
    """`description` means `summary` in a phase; a snapshot has neither, so no hint."""
    assert "summary" == nearest("description", ["key", "summary"], {"description": "summary"})
    assert nearest("description", ["year", "members"], {"description": "summary"}) is None


def test_format_written_as_a_string() -> None:
    """`"format": "1"` gets a sentence that says to write the number."""
    with pytest.raises(DataError) as ei:
        loads('{"format": "1", "name": {"en": "N"}, "languages": ["en"]}')

    assert [
        "the format is the number 1, written without quotes; got a string ('1') @ $.format"
    ] == ei.value.errors


def test_a_whole_float_where_an_integer_belongs() -> None:
    """`45.0` is a float, not a number with a fraction: write 45."""
    errors = _errors({"snapshots": [{"year": 2000, "members": 45.0}]})

    assert ["expected an integer, got a float (45.0): write 45 @ $.snapshots[0].members"] == errors


def test_a_whole_float_in_python() -> None:
    """The same words when the float comes from Python."""
    with pytest.raises(DataError) as ei:
        MembershipSnapshot(year=2000.0, members=1)  # type: ignore[arg-type]

    assert ["expected an integer, got a float (2000.0): write 2000 @ $.year"] == ei.value.errors


@pytest.mark.parametrize(
    ("value", "written"),
    [(45, "0.45"), (45.5, "0.455"), (100, "1"), (33.3, "0.333"), (1.5, "0.015")],
)
def test_a_share_given_as_a_percentage(value: float, written: str) -> None:
    """A share above 1 and up to 100 is a percentage: the message gives the fraction to write."""
    with pytest.raises(DataError) as ei:
        Share(value=value, of=LocalizedText({"en": "co-ops"}))

    assert [f"a share is a fraction: write {written}, not {value!r} @ $.value"] == ei.value.errors


def test_a_share_out_of_any_range() -> None:
    """A share that is no percentage either is said to be outside [0, 1]."""
    with pytest.raises(DataError) as ei:
        Share(value=250, of=LocalizedText({"en": "co-ops"}))

    assert ["a share is a fraction in [0, 1], got 250 @ $.value"] == ei.value.errors


def test_toml_read_as_json() -> None:
    """A TOML document read as JSON says so, and how to read it."""
    text = dumps(default_network(), "toml")

    with pytest.raises(DataError) as ei:
        loads(text)

    assert ei.value.errors[0].endswith("; this looks like TOML: pass format='toml' @ $")
    assert default_network() == loads(text, format="toml")


@pytest.mark.parametrize("text", ["", "{", "not = [valid"])
def test_not_json_and_not_toml(text: str) -> None:
    """Text that is no TOML document either (or an empty one) gets no TOML hint."""
    with pytest.raises(DataError) as ei:
        loads(text)

    assert "TOML" not in str(ei.value)


def test_toml_in_a_json_file(tmp_path: Path) -> None:
    """A `.json` file holding TOML is told to be named `*.toml`."""
    path = tmp_path / "history.json"
    path.write_text(dumps(default_network(), "toml"), "utf-8")

    with pytest.raises(DataError) as ei:
        load(path)

    assert ei.value.errors[0].endswith("; this looks like TOML: name the file *.toml @ $")


def test_toml_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """TOML on standard input, read as JSON, points to --data-format."""
    monkeypatch.setattr("sys.stdin", io.StringIO(dumps(default_network(), "toml")))

    status = main(["validate", "-"])

    assert 1 == status
    assert "this looks like TOML: pass --data-format toml" in " ".join(
        capsys.readouterr().out.split()
    )


def test_records_in_a_language_the_network_lacks() -> None:
    """`records` refuses a language the network has no texts in, as describe_growth does."""
    with pytest.raises(ValueError, match="texts are in") as ei:
        records(default_network(), "phases", lang="de")

    assert "the network's texts are in ['fr', 'en'], not 'de'; pass lang='fr' or 'en'" == str(
        ei.value
    )
    assert "Experimentation phase" == records(default_network(), "phases", lang="en")[0]["name"]


def test_export_csv_in_the_locale_language_only_when_the_network_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's language from the locale falls back to the network's; --lang does not."""
    path = tmp_path / "en.json"
    path.write_text(json.dumps({**HEAD, "phases": PHASES}), "utf-8")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")

    status = main(["--data", str(path), "export", "--format", "csv", "--table", "phases"])
    refused = main(
        ["--data", str(path), "export", "--format", "csv", "--table", "phases", "--lang", "fr"]
    )

    out, err = capsys.readouterr()
    assert (0, 1) == (status, refused)
    assert "zeta,Z,2000,2005" in out
    assert "not 'fr'; pass lang='en'" in err


def _write(root: Path, names: list[str]) -> None:
    valid = json.dumps(HEAD)
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(valid if name.endswith(".json") else "format = 2", "utf-8")


def test_validate_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder stands for its *.json and *.toml files, sorted, hidden ones and others left out."""
    _write(tmp_path, ["b.json", "a/z.JSON", "a/y.toml", ".git/x.json", ".h.json", "c.txt"])

    status = main(["validate", str(tmp_path)])

    out = capsys.readouterr().out
    named = [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert 1 == status
    assert [str(tmp_path / name) for name in ["a/y.toml", "a/z.JSON", "b.json"]] == named


def test_validate_a_folder_with_no_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with no data file is an error with a sentence, status 1."""
    _write(tmp_path, ["notes.txt", ".hidden/x.json"])

    status = main(["validate", str(tmp_path)])

    assert 1 == status
    assert (
        f"reseau-coop: error: no *.json or *.toml file in {tmp_path} or its folders: "
        "nothing to validate\n"
    ) == capsys.readouterr().err


def test_validate_an_unreadable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that cannot be listed is an error, not a folder in silence left out."""

    def walk(
        top: str, onerror: Callable[[OSError], None]
    ) -> Iterator[tuple[str, list[str], list[str]]]:
        onerror(PermissionError(13, "Permission denied", top))
        return iter(())

    monkeypatch.setattr("os.walk", walk)

    status = main(["validate", str(tmp_path)])

    assert 1 == status
    assert f"cannot read {tmp_path}: Permission denied" in capsys.readouterr().err


def test_reference_hints_are_bounded() -> None:
    """A document gets at most 100 hints for references, each reference looked up once."""
    sources = [{"key": f"source-{i}", "title": {"en": "t"}} for i in range(150)]
    snapshots = [{"year": 2000 + i, "members": 1, "source": f"source-{i}x"} for i in range(150)] + [
        {"year": 2200, "members": 1, "source": "source-0x"}
    ]

    errors = _errors({"sources": sources, "snapshots": snapshots})

    assert 151 == len(errors)
    assert 101 == sum("did you mean" in e for e in errors)
    assert "did you mean 'source-0'?" in errors[-1]


def test_unknown_key_hints_are_bounded() -> None:
    """A document gets at most 100 hints for unknown keys; a key given again reuses its own."""
    snapshots = [{"year": 2000 + i, "members": 1, f"membres{i}": 1} for i in range(120)]
    snapshots.append({"year": 2200, "members": 1, "membres0": 1})

    errors = _errors({"snapshots": snapshots})

    assert 121 == len(errors)
    assert 101 == sum("did you mean 'members'?" in e for e in errors)
    assert "did you mean" in errors[-1]
