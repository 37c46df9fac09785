"""
Reports: `summary()`, `render()` in its three formats, and `reseau-coop report`.

The golden files under tests/golden/ are the exact output of `render()` for the default
network and two networks with unusual names, in French and English (the HTML with its
inline chart replaced by a placeholder, since the SVG depends on matplotlib's version).
After a deliberate change, regenerate them and read the diff:

    RESEAU_COOP_UPDATE_GOLDENS=1 python -m pytest tests/test_report.py -p no:cacheprovider
    git diff tests/golden
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reseau_coop import (
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Service,
    ServiceKind,
    default_network,
    load,
    render,
    summary,
)
from reseau_coop._cli import main
from reseau_coop._output import visible
from reseau_coop._report import ReportFormat
from reseau_coop._text import NBSP
from reseau_coop.strategies import networks

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RESEAU_COOP_UPDATE_GOLDENS") == "1"
SUFFIXES: dict[ReportFormat, str] = {"text": "txt", "markdown": "md", "html": "html"}
NAMES = ("default", "cooperative-equite", "world-coop")
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
PLACEHOLDER = "<svg><!-- the membership chart, drawn by matplotlib --></svg>"


def _network(name: str) -> Network:
    return default_network() if name == "default" else load(GOLDEN / "networks" / f"{name}.toml")


def _without_chart(text: str) -> str:
    return SVG.sub(PLACEHOLDER, text)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's locale does not choose the language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


# ---------------------------------------------------------------- goldens


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_golden(name: str, lang: str, fmt: ReportFormat) -> None:
    """Each format, language and network renders exactly as its golden file."""
    path = GOLDEN / f"{name}.{lang}.{SUFFIXES[fmt]}"
    actual = _without_chart(render(_network(name), lang, format=fmt))
    if UPDATE:
        path.write_text(actual, "utf-8", newline="")

    assert path.read_text("utf-8") == actual


def test_a_real_change_fails_the_golden() -> None:
    """One member more in 2022 changes the report: the golden comparison sees it."""
    net = default_network()
    changed = attrs.evolve(
        net, snapshots=(*net.snapshots[:-1], attrs.evolve(net.snapshots[-1], members=101))
    )

    for fmt, suffix in SUFFIXES.items():
        golden = (GOLDEN / f"default.fr.{suffix}").read_text("utf-8")
        assert golden == _without_chart(render(net, "fr", format=fmt))
        assert golden != _without_chart(render(changed, "fr", format=fmt))


# ---------------------------------------------------------------- one source


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_summary_is_the_commands_json(
    capsys: pytest.CaptureFixture[str], name: str, lang: str
) -> None:
    """`summary()` equals what `reseau-coop --json` prints, for the same network and language."""
    data = [] if name == "default" else ["--data", str(GOLDEN / "networks" / f"{name}.toml")]
    status, out, _ = _run(capsys, *data, "--json", "--lang", lang)

    assert 0 == status
    assert json.loads(json.dumps(summary(_network(name), lang))) == json.loads(out)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_text_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str], name: str, lang: str
) -> None:
    """`render(format="text")` is exactly the command's output."""
    data = [] if name == "default" else ["--data", str(GOLDEN / "networks" / f"{name}.toml")]
    status, out, _ = _run(capsys, *data, "--lang", lang)

    assert 0 == status
    assert render(_network(name), lang) == out


def test_summary_content() -> None:
    """The summary holds the description, milestones and each record's provenance, in French."""
    data = summary(default_network())
    snapshot = data["snapshots"][0]

    assert "fr" == data["language"]
    assert data["description"].startswith("Réseau de coopératives membres")
    assert [("fusion", 2007, "Fusion", ["year", "description"])] == [
        (m["key"], m["year"], m["name"], m["inferred"]) for m in data["milestones"]
    ]
    assert ["year"] == snapshot["inferred"]
    assert snapshot["quote"].startswith("Ainsi en 15 ans")
    assert snapshot["note"].startswith("L’article donne 14 membres")
    assert 3 == len(data["phase_growth"])
    assert data["growth"]["sentence"].startswith("En 15 ans")


def test_summary_refuses_other_languages() -> None:
    """A language the library does not speak is a ValueError naming those it does."""
    with pytest.raises(ValueError, match=r"summary speaks \['fr', 'en'\], not 'de'"):
        summary(default_network(), "de")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [({"format": "pdf"}, "'pdf'"), ({"width": 10}, "40 columns"), ({"lang": "es"}, "'es'")],
)
def test_render_refuses_what_it_cannot_do(kwargs: dict[str, object], words: str) -> None:
    """Another format, a width under 40 or another language: a ValueError that says so."""
    with pytest.raises(ValueError, match=words):
        render(default_network(), **kwargs)  # type: ignore[arg-type]


def test_width_cuts_text() -> None:
    """Text is cut to the width asked for, tables keeping their columns."""
    narrow = render(default_network(), "en", width=50)

    assert narrow != render(default_network(), "en")
    assert [] == [line for line in narrow.splitlines() if len(line) > 50 and "  " not in line[2:]]


# ---------------------------------------------------------------- wording


def _plain(lang_names: str) -> Network:
    """A network whose every text is a bare word, so any punctuation is the library's."""
    text = LocalizedText({"fr": lang_names, "en": lang_names})
    return Network(
        name=text,
        languages=("fr", "en"),
        description=text,
        phases=(
            Phase(key="a", name=text, start=2000, end=2005, summary=text, inferred=("end",)),
            Phase(key="b", name=text, start=2005),
        ),
        services=(Service(key="s", name=text, kind=ServiceKind.OTHER, introduced="a"),),
        snapshots=(
            MembershipSnapshot(year=2000, members=1000, inferred=("year",)),
            MembershipSnapshot(
                year=2005,
                members=1500,
                qualifier=Qualifier.APPROXIMATE,
                dating=Dating.PHASE,
                phase="a",
            ),
        ),
    )


@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_french_typography_in_every_line(fmt: ReportFormat) -> None:
    """In French, each : ; ? ! of the library's words follows a no-break space, « » hold them."""
    text = render(_plain("Nom"), "fr", format=fmt)
    text = re.sub(r"<style>.*?</style>|<svg\b.*?</svg>|<[^>]*>", "", text, flags=re.DOTALL)
    text = re.sub(r"^\|[ -:|]*\|$", "", text, flags=re.MULTILINE)  # Markdown's table rules

    bad = [m.start() for m in re.finditer(r"(?<!\xa0)[:;?!]", text)]
    assert [] == [text[max(0, i - 20) : i + 5] for i in bad]
    assert text.count("«") == text.count(f"«{NBSP}")


@pytest.mark.parametrize(
    "name", ["Capital et développement", "Phase d’implantation", "COVID-19", "Été 2020", "1990s"]
)
def test_phase_phrases_are_grammatical_for_any_name(name: str) -> None:
    """A service's and a snapshot's phase: named by its span, the name as written after it."""
    net = _plain("Nom")
    net = attrs.evolve(
        net, phases=(attrs.evolve(net.phases[0], name=LocalizedText({"fr": name, "en": name})),
                     net.phases[1]),
    )  # fmt: skip
    fr, en = render(net, "fr"), render(net, "en")

    assert f"— depuis 2000–2005 ({name})" in fr
    assert f"— since 2000–2005 ({name})" in en
    assert f"daté par sa phase, 2000–2005 ({name})" in fr
    assert f"dated by its phase, 2000–2005 ({name})" in en
    assert name.lower() not in fr.replace(name, "")


def test_inferred_values_are_marked_with_a_legend() -> None:
    """Inferred values carry a mark, explained once at the end."""
    text = render(default_network(), "en")

    assert "  2007*  14" in text.splitlines()
    assert "  2007*  Merger — The Réseau COOP came out of a merger. At the time of the" in text
    assert "Start-up assistance (Montréal) — since 2007–2012 (Experimentation phase)*" in text
    assert text.endswith("\n* inferred from the source, which does not state it\n")
    assert "2005*–" not in render(_plain("Nom"), "en")
    assert "2000–2005*" in render(_plain("Nom"), "en")


def test_no_mark_without_inference() -> None:
    """A network that infers nothing has no mark and no legend."""
    net = _plain("Nom")
    net = attrs.evolve(
        net,
        phases=tuple(attrs.evolve(p, inferred=()) for p in net.phases),
        snapshots=tuple(attrs.evolve(s, inferred=()) for s in net.snapshots),
    )

    for fmt in SUFFIXES:
        assert "déduit" not in render(net, "fr", format=fmt)


# ---------------------------------------------------------------- Markdown and HTML


def test_markdown_shows_names_as_written() -> None:
    """Markdown specials in names are escaped, so tables keep their columns."""
    text = render(_network("cooperative-equite"), "fr", format="markdown")
    tables = re.findall(r"(?:^\|.*\|\n)+", text, flags=re.MULTILINE)

    assert text.startswith("# Coopérative « L’Équité » \\& Fils \\<inc.\\>\n")
    assert "Conseil \\| 1-à-1" in text
    assert "Formation $x^2$ \\<b\\>" in text
    assert tables
    for table in tables:  # every row of a table has as many columns as its heading
        pipes = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert 1 == len(pipes), table


class _Page(html.parser.HTMLParser):
    """What a browser would see of a page: tags, attributes that load things, the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.loads: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.loads += [f"{tag}.{k}={v}" for k, v in attrs if k in {"src", "href", "srcset"}]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("name", NAMES)
def test_html_is_self_contained_and_accessible(name: str) -> None:
    """One page: its language, a title, a chart with a text alternative, tables, nothing loaded."""
    text = render(_network(name), "fr", format="html")
    page = _Page()
    page.feed(text)

    assert text.startswith('<!DOCTYPE html>\n<html lang="fr">\n')
    assert [] == [load for load in page.loads if not load.split("=", 1)[1].startswith("#")]
    assert "script" not in page.tags
    assert "link" not in page.tags
    assert "@import" not in text
    assert [] == re.findall(r"url\((?!#)", text)  # only the SVG's own clip paths
    assert {"title", "main", "table", "caption", "th", "figure", "svg"} <= set(page.tags)
    assert '<svg role="img" aria-labelledby="chart-title chart-caption"' in text
    assert "<script" not in text.lower().replace("&lt;script", "")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("name", NAMES)
def test_no_control_characters(name: str, fmt: ReportFormat) -> None:
    """Every format holds no control character but the newline (a BEL once hid in the CSS)."""
    text = render(_network(name), "fr", format=fmt)

    assert [] == [hex(ord(c)) for c in text if unicodedata.category(c) == "Cc" and c != "\n"]


def test_html_escapes_names() -> None:
    """Names holding < & " are text on the page, never markup."""
    text = render(_network("cooperative-equite"), "en", format="html")

    assert "<title>L’Équité Co-op &amp; Sons &lt;inc.&gt;</title>" in text
    assert "Training $x^2$ &lt;b&gt;" in text
    assert "<b>" not in text


# ---------------------------------------------------------------- the command


@pytest.mark.parametrize(
    ("file", "fmt"),
    [("report.html", "html"), ("report.md", "markdown"), ("report.txt", "text")],
)
def test_report_command_writes_the_format_of_its_suffix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, file: str, fmt: ReportFormat
) -> None:
    """`report -o FILE` writes render()'s output in the format FILE's suffix names."""
    path = tmp_path / file
    status, out, _ = _run(capsys, "report", "-o", str(path), "--lang", "en")

    assert (0, f"wrote {path} ({fmt})\n") == (status, out)
    assert render(default_network(), "en", format=fmt) == path.read_text("utf-8")


def test_report_command_reads_data_and_prints_markdown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without -o, the report goes to stdout, as Markdown unless --format says otherwise."""
    path = GOLDEN / "networks" / "world-coop.toml"
    status, out, _ = _run(capsys, "--data", str(path), "report", "--lang", "fr")

    assert 0 == status
    assert render(load(path), "fr", format="markdown") == out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "-o", "x.pdf"], "cannot tell the format of x.pdf"),
        (["report", "-o", "x.html", "--format", "markdown"], "does not match the suffix"),
    ],
)
def test_report_command_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A suffix it cannot read, or a --format the suffix contradicts: exit status 2."""
    status, _, err = _run(capsys, *argv)

    assert 2 == status
    assert message in err


def test_report_command_never_leaves_half_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A report that cannot be written leaves no file and says why, exit status 1."""
    path = tmp_path / "missing" / "report.html"
    status, _, err = _run(capsys, "report", "-o", str(path))

    assert 1 == status
    assert f"cannot write {path}" in err
    assert not path.exists()


def test_report_command_text_and_explicit_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--format text` prints the summary; `--format html` names a file without a known suffix."""
    status, out, _ = _run(capsys, "report", "--format", "text", "--lang", "en")
    path = tmp_path / "page"
    written, _, _ = _run(capsys, "report", "--format", "html", "-o", str(path), "--lang", "fr")

    assert (0, render(default_network(), "en")) == (status, out)
    assert 0 == written
    assert render(default_network(), "fr", format="html") == path.read_text("utf-8")


def test_sparse_networks_render_what_they_have() -> None:
    """No snapshot: no chart, no growth; a quote without a source is listed apart."""
    net = Network(
        name=LocalizedText({"en": "Bare"}),
        languages=("en",),
        milestones=(
            Milestone(key="m", year=2001, name=LocalizedText({"en": "Start"}), quote="It began."),
        ),
    )
    page = render(net, format="html")
    text = render(net, format="markdown")

    assert "<svg" not in page
    assert "## Growth" not in text
    assert "### No source" in text
    assert "| Start, 2001 | “It began.” |" in text
    assert "Bare\n\nMilestones\n  2001   Start\n" == render(net)


@settings(max_examples=40, deadline=None)
@given(networks(max_phases=3, max_snapshots=4), st.sampled_from(["fr", "en"]))
def test_any_network_renders_as_text_and_markdown(net: Network, lang: str) -> None:
    """Any valid network renders in text and Markdown; the text is the summary's."""
    text = render(net, lang)
    markdown = render(net, lang, format="markdown")

    assert visible(net.name.pick(lang)) == text.split("\n", 1)[0]
    assert markdown.startswith("# ")
    assert json.loads(json.dumps(summary(net, lang)))["language"] == lang


@settings(max_examples=5, deadline=None)
@given(networks(max_phases=2, max_snapshots=3))
def test_any_network_renders_as_html(net: Network) -> None:
    """Any valid network renders as one HTML page."""
    page = render(net, "en", format="html")

    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.endswith("</html>\n")


def test_without_matplotlib_the_page_has_everything_but_the_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without matplotlib the HTML page is the same page, its chart's figure left out."""
    with_chart = render(default_network(), "en", format="html")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    without = render(default_network(), "en", format="html")

    assert re.sub(r"<figure>.*?</figure>\n", "", with_chart, flags=re.DOTALL) == without
    assert "<svg" in with_chart
    assert "<svg" not in without


def test_the_inferred_mark_shows_in_reprs() -> None:
    """The mark beside inferred values reads `MARK` in a cell's repr (as in a test's diff)."""
    from reseau_coop._report import MARK

    assert "('2007', MARK)" == repr(("2007", MARK))
