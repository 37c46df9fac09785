"""The `reseau-coop` command, run as a user runs it: output, JSON, exit status, errors."""

from __future__ import annotations

import io
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import reseau_coop
from reseau_coop import (
    LocalizedText,
    Network,
    Phase,
    default_network,
    describe_growth,
    dump,
    growth,
    load,
    phase_growth,
)
from reseau_coop._cli import default_language, main
from reseau_coop._render import columns

from .helpers import cut

OTHER_NETWORK = """\
format = 1
languages = ["en", "fr"]
name = { en = "Prairie Co-op Federation", fr = "Fédération coopérative des Prairies" }

[[phases]]
key = "founding"
name = { en = "Founding", fr = "Fondation" }
start = 1990
end = 2000

[[phases]]
key = "growth"
name = { en = "Growth", fr = "Croissance" }
start = 2000

[[snapshots]]
year = 1990
members = 8

[[snapshots]]
year = 2000
members = 24
qualifier = "at_least"

[[snapshots]]
year = 2010
members = 240
"""

JAPANESE_NETWORK = """\
format = 1
languages = ["en"]
name = { en = "みなと生活協同組合連合会（地域ネットワーク）" }
description = { en = "港町の生活協同組合が集まり、共同購入と子育て支援の事業を\
地域全体で続けてきた連合会の記録です。数字は説明のための架空のものです。" }

[[sources]]
key = "nenpo"
title = { en = "みなと生活協同組合連合会の年報「地域とともに」第一号から第十五号まで" }

[[phases]]
key = "start"
name = { en = "設立期" }
start = 2005
end = 2012
summary = { en = "三つの生協が集まって連合会を作り、共同購入と配達の仕組みを整えた時期。" }

[[phases]]
key = "grow"
name = { en = "地域展開期" }
start = 2012

[[services]]
key = "buy"
name = { en = "共同購入（週一回の配達と地元の農家からの直接仕入れ）" }
kind = "other"
introduced = "start"

[[snapshots]]
year = 2005
members = 3

[[snapshots]]
year = 2020
members = 17
"""
"""A network written in Japanese: names and texts with no spaces, in wide characters."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command; return its exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse exits by itself for --help, --version and usage
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """Another network's history, written by hand in TOML."""
    path = tmp_path / "prairie.toml"
    path.write_text(OTHER_NETWORK, "utf-8")
    return path


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their language; the machine's locale does not."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def _fits(text: str) -> None:
    too_long = [line for line in text.splitlines() if columns(line) > 80]
    assert not too_long, too_long


# ---------------------------------------------------------------- summary


@pytest.mark.parametrize("argv", [[], ["summary"]])
def test_summary_in_french(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """The default command shows phases, services, membership and the growth sentence."""
    status, out, err = run(capsys, *argv, "--lang", "fr")

    assert (0, "") == (status, err)
    assert out.startswith("Réseau COOP\n")
    assert "2007–2012  Phase d’expérimentation  ≈ 35" in out
    assert "2012–2017  Phase d’implantation     56" in out
    assert "2017–2022  Phase de consolidation   100" in out
    assert "Aide au démarrage (Montréal) — depuis 2007–2012 (Phase d’expérimentation)*" in out
    assert "2012*  ≈ 35     daté par sa phase, 2007–2012 (Phase d’expérimentation)" in out
    assert "\n* déduit de la source, qui ne le dit pas\n" in out
    assert "le membrariat a plus que septuplé, passant de 14 à 100" in out
    _fits(out)


def test_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """The same summary in English, with the legend of the qualifier signs."""
    status, out, _ = run(capsys, "--lang", "en")

    assert 0 == status
    assert "Experimentation phase  ≈ 35" in out
    assert "≲ 50% of worker-managed co-operatives in Québec" in out
    assert "(≈ about · ≥ at least · ≤ at most · ≲ nearly, at most)" in out
    assert "In 15 years (2007–2022), membership more than septupled" in out
    _fits(out)


def test_summary_json_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` is the library's own results, as JSON."""
    status, out, _ = run(capsys, "--json", "--lang", "en")
    document = json.loads(out)
    whole = growth(default_network())

    assert 0 == status
    assert ["experimentation", "implantation", "consolidation"] == [
        p["key"] for p in document["phases"]
    ]
    assert [35, 56, 100] == [p["members_at_end"]["members"] for p in document["phases"]]
    assert "approximate" == document["phases"][0]["members_at_end"]["qualifier"]
    assert whole.ratio == document["growth"]["ratio"]
    assert whole.cagr == document["growth"]["cagr"]
    assert describe_growth(whole, "en") == document["growth"]["sentence"]
    assert [14, 35, 56, 100] == [s["members"] for s in document["snapshots"]]


def test_summary_of_another_network(capsys: pytest.CaptureFixture[str], other: Path) -> None:
    """`--data` shows another network's history, and its open-ended phase."""
    status, out, _ = run(capsys, "--data", str(other), "--lang", "en")

    assert 0 == status
    assert out.startswith("Prairie Co-op Federation\n")
    assert "2000–" in out
    assert "≥ 24" in out
    assert "In 20 years (1990–2010), membership multiplied by 30, from 8 to 240" in out
    _fits(out)


def test_summary_in_japanese_fits_in_80_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Texts with no spaces, in wide characters, break between characters, not at punctuation."""
    path = tmp_path / "minato.toml"
    path.write_text(JAPANESE_NETWORK, "utf-8")

    status, out, _ = run(capsys, "--data", str(path), "--lang", "en")

    assert 0 == status
    assert (
        "港町の生活協同組合が集まり、共同購入と子育て支援の事業を地域全体で続けてきた連合\n"
        "会の記録です。数字は説明のための架空のものです。\n"
    ) in out
    assert (
        "  2005–2012  設立期      3\n"
        "             三つの生協が集まって連合会を作り、共同購入と配達の仕組みを整えた時\n"
        "             期。\n"
    ) in out
    assert (
        "  共同購入（週一回の配達と地元の農家からの直接仕入れ） — since 2005–2012 (設立\n    期)\n"
    ) in out
    _fits(out)


# ---------------------------------------------------------------- phase


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["phase", "2015"], "2015: Establishment phase (2012–2017)"),
        (["phase", "2012"], "2012: Establishment phase (2012–2017)"),
        (["phase", "2012", "--boundary", "earlier"], "2012: Experimentation phase (2007–2012)"),
        (["phase", "2019-05-01"], "2019: Consolidation phase (2017–2022)"),
    ],
)
def test_phase(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    """A year or an ISO date gives its phase."""
    status, out, _ = run(capsys, *argv, "--lang", "en")

    assert 0 == status
    assert out.startswith(expected)
    _fits(out)


def test_phase_without_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A phase the data gives no summary is said by its name and years alone."""
    path = tmp_path / "bare.json"
    phase = Phase(key="p", name=LocalizedText({"en": "Start"}), start=2000, end=2004)
    dump(Network(name=LocalizedText({"en": "Bare"}), languages=["en"], phases=[phase]), path)

    status, out, _ = run(capsys, "phase", "2002", "--data", str(path))

    assert (0, "2002: Start (2000–2004)\n") == (status, out)


def test_phase_shared_year_mentions_the_other(capsys: pytest.CaptureFixture[str]) -> None:
    """At a shared year, the answer says the year is in the other phase too."""
    _, out, _ = run(capsys, "phase", "2012", "--lang", "fr")

    assert "2012 est aussi dans Phase d’expérimentation (2007–2012)" in out


def test_phase_all(capsys: pytest.CaptureFixture[str]) -> None:
    """`--all` lists both phases of a shared year."""
    status, out, _ = run(capsys, "phase", "2012", "--all", "--lang", "en")
    heads = [line for line in out.splitlines() if line.startswith("2012:")]

    assert 0 == status
    assert [
        "2012: Experimentation phase (2007–2012)",
        "2012: Establishment phase (2012–2017)",
    ] == (heads)


def test_phase_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`phase --json` gives the phase record; with `--all`, the list."""
    _, out, _ = run(capsys, "phase", "2012", "--json")
    _, out_all, _ = run(capsys, "phase", "2012", "--all", "--json")

    assert "implantation" == json.loads(out)["phase"]["key"]
    assert 2012 == json.loads(out)["year"]
    assert ["experimentation", "implantation"] == [p["key"] for p in json.loads(out_all)["phases"]]


@pytest.mark.parametrize("when", ["2030", "1900-01-01", "-5", "99999999"])
def test_year_in_no_phase(capsys: pytest.CaptureFixture[str], when: str) -> None:
    """A year in no phase: exit status 1, one sentence on stderr giving the span covered."""
    status, out, err = run(capsys, "phase", when)
    status_all, _, err_all = run(capsys, "phase", when, "--all")

    assert (1, "") == (status, out)
    assert err.startswith("reseau-coop: error: no phase of Réseau COOP contains")
    assert "2007–2022" in err
    assert 1 == len(err.strip().splitlines())
    assert (1, err) == (status_all, err_all)


@pytest.mark.parametrize("when", ["20x2", "2012-13-45", "twenty", "2012.5", ""])
def test_bad_when_is_a_usage_error(capsys: pytest.CaptureFixture[str], when: str) -> None:
    """Neither a year nor an ISO date: exit status 2, as argparse does."""
    status, _, err = run(capsys, "phase", when)

    assert 2 == status
    assert "not a year or an ISO date" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- growth


def test_growth_default(capsys: pytest.CaptureFixture[str]) -> None:
    """The whole history's metrics and sentence."""
    status, out, _ = run(capsys, "growth", "--lang", "en")

    assert 0 == status
    assert "14 → 100" in out
    assert "×7.14" in out
    assert "+614.3%" in out
    assert "14% a year" in out
    assert "5.3 years" in out
    _fits(out)


def test_growth_french_typography(capsys: pytest.CaptureFixture[str]) -> None:
    """French: decimal comma and a narrow no-break space before %."""
    _, out, _ = run(capsys, "growth", "--lang", "fr")

    assert "×7,14" in out
    assert "+614,3\u202f%" in out
    assert "14\u202f% par an" in out


def test_growth_json_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    """`growth --json` and `growth --by-phase --json` are the library's results."""
    _, out, _ = run(capsys, "growth", "2012", "2017", "--json")
    _, by_phase, _ = run(capsys, "growth", "--by-phase", "--json", "--lang", "en")
    one = json.loads(out)
    expected = growth(default_network(), 2012, 2017)

    assert (expected.ratio, expected.change, "approximate") == (
        one["ratio"],
        one["change"],
        one["qualifier"],
    )
    assert [g.ratio for g in phase_growth(default_network())] == [
        g["ratio"] for g in json.loads(by_phase)
    ]
    assert ["experimentation", "implantation", "consolidation"] == [
        g["phase"] for g in json.loads(by_phase)
    ]


def test_growth_by_phase_text(capsys: pytest.CaptureFixture[str]) -> None:
    """One block per phase, each with its sentence."""
    _, out, _ = run(capsys, "growth", "--by-phase", "--lang", "fr")

    assert 3 == out.count("Croissance 20")
    assert "passant d’environ 35 à 56 membres" in out
    _fits(out)


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (["growth", "2010", "2022"], 1, "no snapshot for 2010"),
        (["growth", "2022", "2007"], 1, "after end"),
        (["growth", "2010"], 2, "two years"),
        (["growth", "2010", "x"], 2, "not a year"),
    ],
)
def test_growth_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, words: str
) -> None:
    """A year with no snapshot is exit 1; a wrong command line is exit 2."""
    actual, out, err = run(capsys, *argv)

    assert (status, "") == (actual, out)
    assert words in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- validate


def test_validate_good_and_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Every problem of every file, with its path; exit status 1 when any is invalid."""
    good = tmp_path / "good.json"
    good.write_text(reseau_coop.dumps(default_network()), "utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": 1, "name": {"en": "X"}, "languages": ["en"],'
        ' "phases": [{"key": "a", "name": {"en": "A"}, "start": 2010, "end": 2000}],'
        ' "snapshots": [{"year": 2000, "members": "12", "membres": 3}]}',
        "utf-8",
    )

    status, out, _ = run(capsys, "validate", str(good), str(bad), str(tmp_path / "gone.toml"))

    assert 1 == status
    assert f"{good}: valid" in out
    assert f"{bad}: 3 problems" in out
    assert "  $.phases[0].end: end year 2000 is before start year 2010" in out
    assert "  $.snapshots[0].members: expected an integer, got a string ('12')" in out
    assert "  $.snapshots[0].membres: unknown key 'membres'; did you mean 'members'?" in out
    assert f"{tmp_path / 'gone.toml'}: 1 problem" in out
    assert "cannot read the file" in out


def test_validate_json(capsys: pytest.CaptureFixture[str], other: Path, tmp_path: Path) -> None:
    """`validate --json` gives each file, whether valid, and its problems."""
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 2\nname = { en = "X" }\n', "utf-8")

    status, out, _ = run(capsys, "validate", "--json", str(other), str(bad))
    report = json.loads(out)

    assert 1 == status
    assert [True, False] == [item["valid"] for item in report]
    assert [{"path": "$.format", "message": report[1]["problems"][0]["message"]}] == (
        report[1]["problems"]
    )


def test_validate_all_good(capsys: pytest.CaptureFixture[str], other: Path) -> None:
    """Valid files only: exit status 0."""
    status, out, _ = run(capsys, "validate", str(other), "--lang", "fr")

    assert 0 == status
    assert f"{other}\u00a0: valide\n" == out


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_export_to_stdout_loads_back_equal(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """The exported document loads back equal to the data."""
    status, out, _ = run(capsys, "export", "--format", fmt)

    assert 0 == status
    assert default_network() == reseau_coop.loads(out, fmt)  # type: ignore[arg-type]


def test_export_to_a_file(capsys: pytest.CaptureFixture[str], other: Path, tmp_path: Path) -> None:
    """`-o` writes the file (format from its suffix) and says so."""
    target = tmp_path / "prairie.json"

    status, out, _ = run(capsys, "--data", str(other), "export", "-o", str(target))

    assert 0 == status
    assert load(other) == load(target)
    assert f"{target} (json)" in out


def test_export_format_must_match_suffix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A --format that contradicts -o's suffix is a usage error; nothing is written."""
    target = tmp_path / "x.json"

    status, _, err = run(capsys, "export", "--format", "toml", "-o", str(target))

    assert 2 == status
    assert "does not match" in err
    assert not target.exists()


def test_export_to_an_unwritable_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that cannot be written: exit status 1, one sentence."""
    status, _, err = run(capsys, "export", "-o", str(tmp_path / "missing-dir" / "x.json"))

    assert 1 == status
    assert err.startswith("reseau-coop: error: cannot write")


# ---------------------------------------------------------------- data files and options


def test_missing_data_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing --data file: exit 1, one sentence, no traceback."""
    status, out, err = run(capsys, "--data", str(tmp_path / "nope.json"))

    assert (1, "") == (status, out)
    assert f"reseau-coop: error: cannot read {tmp_path / 'nope.json'}: No such file" in err


def test_unreadable_data_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --data path that is a directory: exit 1, saying only regular files are read."""
    folder = tmp_path / "history.json"
    folder.mkdir()

    status, _, err = run(capsys, "--data", str(folder))

    assert 1 == status
    assert (
        f"reseau-coop: error: invalid {folder}: not a regular file but a directory; "
        "only regular files are read\n"
    ) == err


def test_invalid_data_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An invalid --data file: exit 1, the count, then each problem with its path."""
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": 1, "name": {"en": "X"}, "languages": ["en"], "phases": 3}')

    status, _, err = run(capsys, "--data", str(path), "growth")

    assert 1 == status
    assert err.startswith(f"reseau-coop: error: invalid {path}: 1 problem\n")
    assert "  $.phases: expected a list, got an integer (3)\n" in err


def test_unknown_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --data file that is neither .json nor .toml: exit 1, saying so."""
    path = tmp_path / "history.yaml"
    path.write_text("format: 1")

    status, _, err = run(capsys, "--data", str(path))

    assert 1 == status
    assert "*.json or *.toml" in err


@pytest.mark.parametrize("argv", [["--bogus"], ["phase"], ["nope"], ["--lang", "de"]])
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A wrong command line: exit status 2 and argparse's usage."""
    status, _, err = run(capsys, *argv)

    assert 2 == status
    assert "usage:" in err


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_BE", "LANG": "en_GB"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_locale(env: dict[str, str], expected: str) -> None:
    """French when the locale is French (LC_ALL, then LC_MESSAGES, then LANG), else English."""
    assert expected == default_language(env)


def test_language_default_applies(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --lang, a French locale gives French output."""
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")

    _, out, _ = run(capsys, "growth")

    assert "le membrariat a plus que septuplé" in out


def test_options_before_or_after_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang and --json work on either side of the subcommand."""
    _, before, _ = run(capsys, "--lang", "en", "--json", "growth")
    _, after, _ = run(capsys, "growth", "--lang", "en", "--json")

    assert before == after


def test_help_on_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    """Each subcommand has --help, with examples."""
    for command in ("summary", "phase", "growth", "validate", "compare", "export", "schema"):
        status, out, _ = run(capsys, command, "--help")
        assert 0 == status
        assert "examples:" in out
        assert f"reseau-coop {command}" in out or command == "summary"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package's version."""
    status, out, _ = run(capsys, "--version")

    assert 0 == status
    assert f"reseau-coop {reseau_coop.__version__}\n" == out


# ---------------------------------------------------------------- as a process


def _process(*argv: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:  # noqa: ANN401
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "reseau_coop", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        **kwargs,
    )


def test_python_dash_m(tmp_path: Path) -> None:
    """`python -m reseau_coop` runs the command; stdout piped to a file works."""
    result = _process("--lang", "en")
    target = tmp_path / "out.txt"
    with target.open("w", encoding="utf-8") as handle:
        piped = subprocess.run(
            [sys.executable, "-m", "reseau_coop", "--lang", "fr"],
            stdout=handle,
            check=False,
        )

    assert 0 == result.returncode
    assert "more than septupled" in result.stdout
    assert 0 == piped.returncode
    assert "plus que septuplé" in target.read_text("utf-8")


def test_no_traceback_from_a_process(tmp_path: Path) -> None:
    """Bad input seen from outside: the exit status and one line, never a traceback."""
    missing = _process("--data", str(tmp_path / "nope.toml"))
    bad_year = _process("phase", "3000")

    assert (1, 1) == (missing.returncode, bad_year.returncode)
    assert "Traceback" not in missing.stderr + bad_year.stderr


def test_module_entry_point(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m reseau_coop` runs `main` and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["reseau-coop", "phase", "2015", "--lang", "en"])

    with pytest.raises(SystemExit) as ei:
        runpy.run_module("reseau_coop", run_name="__main__")

    assert 0 == ei.value.code
    assert capsys.readouterr().out.startswith("2015: Establishment phase")


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` prints the JSON Schema the package ships."""
    status, out, _ = run(capsys, "schema")

    assert 0 == status
    assert reseau_coop.json_schema() == json.loads(out)


# ---------------------------------------------------------------- wording at the edges

EDGE_NETWORK = """\
format = 1
languages = ["fr", "en"]
name = { fr = "Réseau de bord", en = "Edge network" }

[[phases]]
key = "covid"
name = { fr = "COVID-19", en = "COVID-19" }
start = 2020
end = 2021

[[phases]]
key = "mtl"
name = { fr = "Montréal", en = "Montréal" }
start = 2021
end = 2022

[[services]]
key = "help"
name = { fr = "Aide", en = "Help" }
kind = "program"
introduced = "mtl"

[[snapshots]]
year = 2020
members = 1000
qualifier = "at_least"

[[snapshots]]
year = 2021
members = 1001
dating = "phase"
phase = "covid"

[[snapshots]]
year = 2022
members = 2000
"""


@pytest.fixture
def edge(tmp_path: Path) -> Path:
    """A network of proper names, a one-year step that barely changes, a bounded start."""
    path = tmp_path / "edge.toml"
    path.write_text(EDGE_NETWORK, "utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["— depuis 2021–2022 (Montréal)", "daté par sa phase, 2020–2021 (COVID-19)"]),
        ("en", ["— since 2021–2022 (Montréal)", "dated by its phase, 2020–2021 (COVID-19)"]),
    ],
)
def test_summary_keeps_proper_names(
    capsys: pytest.CaptureFixture[str], edge: Path, lang: str, expected: list[str]
) -> None:
    """Phase names are shown as written, never lower-cased: COVID-19, Montréal."""
    status, out, _ = run(capsys, "--data", str(edge), "--lang", lang)

    assert 0 == status
    for text in expected:
        assert text in out
    assert "cOVID" not in out
    assert "montréal" not in out


@pytest.mark.parametrize(
    ("lang", "head", "sentence"),
    [
        ("fr", "Croissance 2020–2021 · COVID-19", "le membrariat a à peine changé"),
        ("en", "Growth 2020–2021 · COVID-19", "membership barely changed"),
    ],
)
def test_growth_of_one_year_that_barely_changed(
    capsys: pytest.CaptureFixture[str], edge: Path, lang: str, head: str, sentence: str
) -> None:
    """A phase-dated end claims no duration; a change that rounds away is "barely changed"."""
    status, out, _ = run(capsys, "--data", str(edge), "growth", "--by-phase", "--lang", lang)

    assert 0 == status
    assert head in out.splitlines()
    assert sentence in out
    assert "×1\n" not in out
    assert "multiplied by 1," not in out
    assert "multiplié par 1," not in out


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        (
            "fr",
            [
                "Croissance 2017–2022 · Phase de consolidation",
                "  Croissance annuelle  ≈ 12,3\u202f% par an†",
                "  Doublement           ≈ 6 ans†",
                "  Chiffres             effectifs exacts · années par convention",
                "  † sur des années fixées par convention\u00a0: un effectif daté seulement par sa",
            ],
        ),
        (
            "en",
            [
                "Growth 2017–2022 · Consolidation phase",
                "  Yearly growth        ≈ 12.3% a year†",
                "  Doubling time        ≈ 6 years†",
                "  Figures              counts: exact · years: by convention",
                "  † on years set by convention: a count dated only by its phase is placed at the",
            ],
        ),
    ],
)
def test_rates_on_years_by_convention_are_marked(
    capsys: pytest.CaptureFixture[str], lang: str, rows: list[str]
) -> None:
    """Exact counts on a phase-dated year: the rate and doubling time are ≈ and footnoted."""
    status, out, _ = run(capsys, "growth", "--by-phase", "--lang", lang)
    _, as_json, _ = run(capsys, "growth", "--by-phase", "--json")
    last = json.loads(as_json)[-1]

    assert 0 == status
    lines = out.splitlines()[-12:]
    for row in rows:
        assert row in lines
    assert "exact" not in lines[7].partition("·")[2]
    assert ("exact", "phase", "approximate") == (
        last["qualifier"],
        last["dating"],
        last["time_qualifier"],
    )


def test_rates_on_known_years_are_not_marked(capsys: pytest.CaptureFixture[str]) -> None:
    """Between two years the source dates, the rate is exact and no footnote is written."""
    status, out, _ = run(capsys, "growth", "--lang", "en")
    _, as_json, _ = run(capsys, "growth", "--json")

    assert 0 == status
    assert "Growth 2007–2022 (15 years)" in out.splitlines()
    assert "  Figures              counts: exact · years: exact" in out.splitlines()
    assert "†" not in out
    document = json.loads(as_json)
    assert ("year", "exact") == (document["dating"], document["time_qualifier"])


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        (
            "fr",
            [
                "  Rapport              ≤ ×2",
                "  Doublement           ≥ 2 ans",
                (
                    "  Chiffres             effectifs au plus (borne supérieure) · "
                    "doublement\u00a0: au"
                ),
            ],
        ),
        (
            "en",
            [
                "  Ratio                ≤ ×2",
                "  Doubling time        ≥ 2 years",
                "  Figures              counts: at most (an upper bound) · doubling time: at",
            ],
        ),
    ],
)
def test_each_figure_names_its_own_bound(
    capsys: pytest.CaptureFixture[str], edge: Path, lang: str, rows: list[str]
) -> None:
    """From an "at least" start the ratio is at most its figure and the doubling time at least."""
    status, out, _ = run(capsys, "--data", str(edge), "growth", "--lang", lang)
    _, as_json, _ = run(capsys, "--data", str(edge), "growth", "--json")
    document = json.loads(as_json)

    assert 0 == status
    lines = out.splitlines()
    for row in rows:
        assert row in lines
    assert ("at_most", "at_least") == (document["qualifier"], document["doubling_time_qualifier"])
    _fits(out)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_snapshot_has_no_growth_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
) -> None:
    """A network with a single snapshot gets no growth section, in text or in JSON."""
    path = tmp_path / "one.toml"
    one = (
        EDGE_NETWORK.split("[[snapshots]]", maxsplit=1)[0]
        + "[[snapshots]]\nyear = 2020\nmembers = 5\n"
    )
    path.write_text(one, "utf-8")
    status, out, _ = run(capsys, "--data", str(path), "--lang", lang)
    _, as_json, _ = run(capsys, "--data", str(path), "--json")

    assert 0 == status
    assert "2020   5" in out
    assert ("Croissance" if lang == "fr" else "Growth") not in out
    assert "stable" not in out
    assert "held steady" not in out
    assert json.loads(as_json)["growth"] is None


def test_what_is_not_an_exception_goes_through(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only exceptions become messages: a GeneratorExit leaves the command as it came."""
    from reseau_coop import _cli

    raised = GeneratorExit()

    def run(*_args: object) -> int:
        raise raised

    monkeypatch.setattr(_cli, "_run", run)
    with pytest.raises(GeneratorExit) as ei:
        main(["summary"])

    assert raised is ei.value


def test_a_bad_document_on_stdin_is_named_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--data -` reads standard input; its problems are said of <stdin>, each by its path."""
    import io

    document = b'{"format": 1, "name": {"en": "X"}, "languages": 3}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(document)))
    status, out, err = run(capsys, "--data", "-")

    assert (1, "") == (status, out)
    assert err.startswith("reseau-coop: error: invalid <stdin>: 1 problem\n  $.languages")


# ---------------------------------------------------------------- compare

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def test_compare_two_files_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    """Two networks, a column each: compare()'s figures, as the growth command writes them."""
    files = [str(EXAMPLES / "val-imaginaire.toml"), str(EXAMPLES / "lac-exemple.toml")]
    status, out, err = run(capsys, "compare", *files, "--lang", "en")

    assert (0, "") == (status, err)
    assert (
        "                       Val-Imaginaire Federation   Lac-Exemple Co-op Network\n"
        "                       (fictional)                 (fictional)\n"
        "  Years covered        2004–2021                   2009–2023\n"
        "  Counts known         4                           4\n"
        "  Phases               3                           2\n"
        "\n"
        "Whole history, first count to last\n"
        "  Members              8 → 47                      ≥ 12 → 66\n"
        "  Change               +39                         ≤ +54\n"
        "  Ratio                ×5.88                       ≤ ×5.5\n"
        "  Percent change       +487.5%                     ≤ +450%\n"
        "  Yearly growth        11% a year                  ≤ 12.9% a year\n"
        "  Doubling time        6.7 years                   ≥ 5.7 years\n"
        "  Figures              exact                       at most (an upper bound)\n"
        "\n"
        "(≈ about · ≥ at least · ≤ at most · ≲ nearly, at most)\n"
    ) == out


def test_compare_over_a_window_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """--from and --to add the window's rows, estimated between snapshots, in French."""
    status, out, _ = run(
        capsys,
        "compare",
        "--default",
        str(EXAMPLES / "lac-exemple.toml"),
        "--from",
        "2010",
        "--to",
        "2020",
        "--lang",
        "fr",
    )
    window = out.split("Sur la fenêtre 2010–2020\n")[1]

    assert 0 == status
    assert "                       Réseau COOP      Réseau coopératif du\n" in out
    assert "  Membres              14 → 100         ≥ 12 → 66\n" in out
    assert window.startswith(
        "  Années               2010–2020        2010–2020\n"
        "  Membres              ≈ 26,6 → ≈ 82,4  ≈ 14 → ≈ 47,2\n"
        "  Variation            ≈ +55,8          ≈ +33,2\n"
        "  Rapport              ≈ ×3,1           ≈ ×3,38\n"
        "  Variation en %       ≈ +209,8\u202f%       ≈ +237,5\u202f%\n"
        "  Croissance annuelle  ≈ 12\u202f% par an†   ≈ 12,9\u202f% par an\n"
        "  Doublement           ≈ 6,1 ans†       ≈ 5,7 ans\n"
        "  Chiffres             approximatifs    approximatifs\n"
        "\n"
        "≈ Une année sans effectif connu est estimée en ligne droite entre les deux\n"
    )
    assert "† sur des années fixées par convention\u00a0: un effectif daté" in window
    _fits(out)


def test_compare_json_is_the_rows(capsys: pytest.CaptureFixture[str], other: Path) -> None:
    """--json prints compare()'s rows as they are, window included."""
    status, out, _ = run(
        capsys, "compare", "--default", str(other), "--json", "--from", "2010", "--lang", "en"
    )
    expected = reseau_coop.compare([default_network(), load(other)], start=2010, lang="en")

    assert 0 == status
    assert json.loads(json.dumps(list(expected))) == json.loads(out)


def test_compare_many_networks_goes_on_below(
    capsys: pytest.CaptureFixture[str], other: Path
) -> None:
    """Networks that do not fit in 80 columns go on in a second table with the same rows."""
    status, out, _ = run(capsys, "compare", "--default", *[str(other)] * 3, "--lang", "en")
    heads = [line for line in out.splitlines() if line.startswith(" " * 23)]

    assert 0 == status
    assert [
        "                       Réseau COOP  Prairie Co-op Federation",
        "                       Prairie Co-op Federation  Prairie Co-op Federation",
    ] == heads
    assert 2 == out.count("Whole history, first count to last\n")
    assert 3 == out.count("8 → 240")
    _fits(out)


def test_compare_networks_without_growth(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A network with one snapshot, or none, shows dashes where a growth would be."""
    one = tmp_path / "one.toml"
    one.write_text(
        'format = 1\nlanguages = ["en"]\nname = { en = "One" }\n'
        "[[snapshots]]\nyear = 2000\nmembers = 5\n",
        "utf-8",
    )
    empty = tmp_path / "empty.toml"
    empty.write_text('format = 1\nlanguages = ["en"]\nname = { en = "Empty" }\n', "utf-8")

    status, out, _ = run(capsys, "compare", str(one), str(empty), "--lang", "en")

    assert 0 == status
    assert "  Years covered        2000–2000  —\n" in out
    assert "  Members              —          —\n" in out
    assert "  Figures              —          —\n" in out
    assert "(≈" not in out


def test_compare_keeps_its_columns_in_any_script(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Japanese and decomposed-accent names wrap in their column: every cell stays aligned."""
    japanese = tmp_path / "minato.toml"
    japanese.write_text(JAPANESE_NETWORK, "utf-8")
    accents = tmp_path / "ete.toml"
    accents.write_text(
        OTHER_NETWORK.replace(
            "Prairie Co-op Federation", "Re\u0301seau des coope\u0301ratives de l’E\u0301te\u0301"
        ),
        "utf-8",
    )
    files = [str(japanese), str(accents), str(EXAMPLES / "lac-exemple.toml")]

    status, out, _ = run(capsys, "compare", *files, "--lang", "en")
    lines = out.splitlines()
    second = lines.index("                       Lac-Exemple Co-op Network")
    cells = [cut(line, [2, 23, 51]) for line in lines[:second] if line.startswith("  ")]
    cells += [cut(line, [2, 23]) for line in lines[second:] if line.startswith("  ")]

    assert 0 == status
    assert [
        "                       みなと生活協同組合連合会    Re\u0301seau des coope\u0301ratives de",
        "                       （地域ネットワーク）        l’E\u0301te\u0301",
        "  Years covered        2005–2020                   1990–2010",
    ] == lines[:3]
    assert [] == [row for row in cells if row[0] != "  " or columns(row[1]) != 21]
    assert [] == [row for row in cells if len(row) > 3 and row[3] and columns(row[2]) != 28]
    _fits(out)


@pytest.mark.parametrize(
    "argv",
    [
        ["compare"],
        ["compare", "a.toml"],
        ["compare", "--default"],
        ["--data", "a.toml", "compare", "b.toml", "c.toml"],
        ["compare", "-", "-"],
        ["compare", "--from", "soon", "a.toml", "b.toml"],
    ],
)
def test_compare_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Fewer than two networks, --data, stdin twice or a bad year: exit 2 with one sentence."""
    status, out, err = run(capsys, *argv)

    assert (2, "") == (status, out)
    assert "usage: reseau-coop compare" in err
    assert 1 == len([line for line in err.splitlines() if "error:" in line])


def test_compare_fewer_than_two_says_so(capsys: pytest.CaptureFixture[str], other: Path) -> None:
    """One network is a usage error saying two are needed, before any file is read."""
    status, _, err = run(capsys, "compare", str(other) + ".missing")

    assert 2 == status
    assert err.endswith(
        "reseau-coop compare: error: compare needs two networks or more: give two FILEs, "
        "or --default and a FILE\n"
    )


def test_compare_bad_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing or invalid file: exit 1, the usual one-line error naming the file."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": 1, "name": {"en": "X"}, "languages": ["en"], "phases": 3}')

    missing = run(capsys, "compare", "--default", str(tmp_path / "nope.toml"))
    invalid = run(capsys, "compare", "--default", str(bad))

    assert (1, "") == missing[:2]
    assert f"reseau-coop: error: cannot read {tmp_path / 'nope.toml'}: No such file" in missing[2]
    assert (1, "") == invalid[:2]
    assert invalid[2].startswith(f"reseau-coop: error: invalid {bad}: 1 problem\n")


def test_compare_window_outside_a_network(capsys: pytest.CaptureFixture[str], other: Path) -> None:
    """A window outside a network's snapshots: exit 1, naming the network."""
    status, out, err = run(capsys, "compare", "--default", str(other), "--from", "2005")

    assert (1, "") == (status, out)
    assert err.startswith("reseau-coop: error: networks[0] (Réseau COOP): no snapshot for 2005")


def test_compare_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`compare -` reads one network from standard input, in --data-format."""
    document = (EXAMPLES / "lac-exemple.toml").read_text("utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(document))

    status, out, _ = run(capsys, "compare", "--default", "-", "--data-format", "toml", "--json")

    assert 0 == status
    assert ["Réseau COOP", "Lac-Exemple Co-op Network (fictional)"] == [
        row["name"] for row in json.loads(out)
    ]
