"""The membership chart, rendered headless, and `reseau-coop plot`."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import attrs
import matplotlib as mpl
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import reseau_coop
from reseau_coop import Dating, Network, Qualifier, default_network
from reseau_coop._cli import main
from reseau_coop._plot import drawable
from reseau_coop.plot import comparison_chart, membership_chart
from reseau_coop.strategies import networks

mpl.use("Agg")  # headless, whatever the machine


def _collections(ax: Axes) -> dict[str, PathCollection]:
    """The snapshot markers, by their gid (`snapshots:exact:year`, ...)."""
    return {
        str(c.get_gid()): c for c in ax.collections if isinstance(c, PathCollection) and c.get_gid()
    }


def _points(collection: PathCollection) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in np.asarray(collection.get_offsets())]


def _count(ax: Axes, part: str = "") -> int:
    """The snapshots' markers drawn (whose gid contains *part*)."""
    return sum(
        len(_points(c))
        for gid, c in _collections(ax).items()
        if gid.startswith("snapshots:") and part in gid
    )


def _bands(ax: Axes) -> list[Rectangle]:
    return [
        p
        for p in ax.patches
        if isinstance(p, Rectangle) and str(p.get_gid() or "").startswith("phase:")
    ]


def _texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_band_per_phase(lang: str) -> None:
    """Each phase is one shaded band, labelled with its name and years."""
    ax = membership_chart(default_network(), lang=lang)
    bands = _bands(ax)
    labels = " ".join(_texts(ax))

    assert ["phase:experimentation", "phase:implantation", "phase:consolidation"] == [
        b.get_gid() for b in bands
    ]
    for phase in default_network().phases:
        assert phase.span in labels
    if lang == "fr":
        assert "Phase\nd’expérimentation" in labels
    else:
        assert "Experimentation\nphase" in labels


def test_shared_boundary_drawn_once() -> None:
    """2012 and 2017 are each one boundary line, and the bands touch there without overlap."""
    ax = membership_chart(default_network())
    gids = [str(line.get_gid() or "") for line in ax.lines]
    boundaries = sorted(gid for gid in gids if gid.startswith("boundary:"))
    extents = [(band.get_x(), band.get_x() + band.get_width()) for band in _bands(ax)]

    assert ["boundary:2012", "boundary:2017"] == boundaries
    assert [(2007, 2012), (2012, 2017), (2017, 2022)] == extents


def test_one_marker_per_snapshot_non_exact_distinguished() -> None:
    """Four markers; the ≈ 35 is hollow, a square, inside the experimentation phase."""
    ax = membership_chart(default_network(), lang="en")
    groups = _collections(ax)
    hedged = groups["snapshots:hedged:phase"]
    [(x, y)] = _points(hedged)

    assert 4 == _count(ax)
    assert 35 == y
    assert 2007 < x < 2012  # drawn in the phase that dates it, not on the boundary
    assert [1.0, 1.0, 1.0, 1.0] == list(np.asarray(hedged.get_facecolor())[0])  # hollow
    assert 2 == len(_points(groups["snapshots:exact:year"]))
    assert 1 == len(_points(groups["snapshots:exact:phase"]))
    assert {"14", "≈ 35", "56", "100"} <= set(_texts(ax))


@pytest.mark.parametrize(
    ("lang", "title", "growth", "legend", "source", "axis"),
    [
        (
            "fr",
            "Réseau COOP\u00a0: membrariat, 2007–2022",
            "×7,1 en 15 ans",
            "chiffre non exact",
            "Source\u00a0: «\u00a0Les 3 phases de développement du Réseau COOP\u00a0», article 4/4",
            ("Année", "Membres"),
        ),
        (
            "en",
            "Réseau COOP: membership, 2007–2022",
            "×7.1 in 15 years",
            "not an exact figure",
            "Source: The 3 development phases of the Réseau COOP, article 4/4",
            ("Year", "Members"),
        ),
    ],
)
def test_words_in_the_chosen_language(
    lang: str, title: str, growth: str, legend: str, source: str, axis: tuple[str, str]
) -> None:
    """Title, growth, legend, source line and axis labels in the language asked for."""
    ax = membership_chart(default_network(), lang=lang)
    box = ax.get_legend()
    assert box is not None
    legend_texts = [t.get_text() for t in box.get_texts()]

    assert title == ax.get_title()
    assert growth in _texts(ax)
    assert any(legend in text for text in legend_texts)
    assert source in _texts(ax)
    assert axis == (ax.get_xlabel(), ax.get_ylabel())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "≈ ×2,9 en 2012–2022 (années par convention)"),
        ("en", "≈ ×2.9 in 2012–2022 (years by convention)"),
    ],
)
def test_a_growth_from_a_phase_dated_count_claims_no_duration(lang: str, expected: str) -> None:
    """From a count dated only by its phase, the chart gives the years as a convention."""
    net = default_network()
    ax = membership_chart(attrs.evolve(net, snapshots=net.snapshots[1:]), lang=lang)

    assert expected in _texts(ax)
    assert not any("10 ans" in t or "10 years" in t for t in _texts(ax))


def test_draws_into_a_given_axes() -> None:
    """Given an Axes, the chart is drawn into it, so users can compose figures."""
    figure = Figure()
    left, right = figure.subplots(1, 2)

    returned = membership_chart(default_network(), ax=right)

    assert returned is right
    assert not left.patches
    assert 3 == len(_bands(right))


def test_default_language_is_the_networks_first() -> None:
    """Without lang, the network's first language (French for the default dataset)."""
    assert "membrariat" in membership_chart(default_network()).get_title()


def test_other_language_refused() -> None:
    """Only French and English labels exist."""
    with pytest.raises(ValueError, match="'de'"):
        membership_chart(default_network(), lang="de")


def test_nothing_to_draw() -> None:
    """A network with neither phases nor snapshots cannot be drawn: a clear ValueError."""
    empty = reseau_coop.loads('{"format": 1, "name": {"en": "E"}, "languages": ["en"]}')

    with pytest.raises(ValueError, match="neither phases nor snapshots"):
        membership_chart(empty)


@settings(max_examples=15, deadline=None)
@given(networks(max_phases=3, max_snapshots=4))
def test_any_network_draws(net: Network) -> None:
    """Any network with something to draw: a band per phase, a marker per snapshot."""
    if not net.phases and not net.snapshots:
        return
    ax = membership_chart(net, lang="en")

    assert len(net.phases) == len(_bands(ax))
    assert len(net.snapshots) == _count(ax)
    assert sum(s.qualifier is not Qualifier.EXACT for s in net.snapshots) == _count(ax, "hedged")
    assert sum(s.dating is Dating.PHASE for s in net.snapshots) == _count(ax, ":phase")
    figure = ax.get_figure(root=True)
    assert figure is not None
    figure.canvas.draw()


# ---------------------------------------------------------------- the command

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<?xml"}


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_plot_command_writes_valid_files(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reseau-coop plot -o FILE` writes a PNG, SVG or PDF file that is what it says."""
    target = tmp_path / f"chart.{kind}"

    status = main(["plot", "-o", str(target), "--lang", "en"])

    assert 0 == status
    assert target.read_bytes().startswith(MAGIC[kind])
    assert f"wrote {target} ({kind})" in capsys.readouterr().out
    if kind == "svg":
        assert "<svg" in target.read_text("utf-8")


def test_plot_command_refuses_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown image suffix is a usage error (exit 2); nothing is written."""
    status = main(["plot", "-o", str(tmp_path / "chart.gif")])

    assert 2 == status
    assert "*.png, *.svg or *.pdf" in capsys.readouterr().err
    assert not (tmp_path / "chart.gif").exists()


def test_plot_command_opens_no_window(tmp_path: Path) -> None:
    """Run as a process with a display set, it writes the file and imports no GUI toolkit."""
    target = tmp_path / "chart.png"
    code = (
        "import sys; from reseau_coop._cli import main\n"
        f"assert main(['plot', '-o', {str(target)!r}]) == 0\n"
        "print(sorted(m for m in ('tkinter', 'PyQt5', 'PySide6', 'gi') if m in sys.modules))\n"
        "import matplotlib.pyplot\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"DISPLAY": ":0", "PATH": "/usr/bin:/bin"},
    )

    assert "[]" == result.stdout.strip().splitlines()[-1]
    assert target.read_bytes().startswith(MAGIC["png"])


def test_network_of_zero_members_draws() -> None:
    """A network whose every count is 0 still gets a y scale (no singular limits)."""
    net = reseau_coop.loads(
        '{"format": 1, "name": {"en": "Z"}, "languages": ["en"],'
        ' "snapshots": [{"year": 2000, "members": 0}, {"year": 2001, "members": 0}]}'
    )

    ax = membership_chart(net)

    assert (0, 1.45) == ax.get_ylim()


# ---------------------------------------------------------------- text from the data

HOSTILE = r"""{
  "format": 1,
  "name": {"en": "Net $x^2$ and \\$ \\frac{a}{b} 100% _x_ #1 🚀 中文 \u001b[31m"},
  "languages": ["en"],
  "sources": [{"key": "s", "title": {"en": "Title $\\alpha$ \u0007 «ok»"}}],
  "phases": [{"key": "p", "name": {"en": "$x^2$ phase \\$"}, "start": 2000, "end": 2010}],
  "snapshots": [{"year": 2000, "members": 5}, {"year": 2010, "members": 9}]
}"""


def _svg_text(net: Network) -> str:
    """The chart as SVG with its text kept as text (not paths), to read what is drawn."""
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none"}):
        figure = membership_chart(net).get_figure(root=True)
        assert figure is not None
        figure.savefig(buffer, format="svg")
    svg = buffer.getvalue().decode("utf-8")
    return re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)  # each text's source is a comment


def test_dollars_and_backslashes_are_drawn_as_written() -> None:
    r"""`$x^2$` and `\$` in names and titles are shown literally, never as mathtext."""
    svg = _svg_text(reseau_coop.loads(HOSTILE))

    assert "$x^2$ phase \\$" in svg
    assert "Net $x^2$ and \\$ \\frac{a}{b} 100% _x_ #1" in svg
    assert "Title $\\alpha$" in svg


def test_every_text_of_the_chart_is_literal() -> None:
    """Every text the chart adds is plain: mathtext and TeX off, whatever rcParams say."""
    ax = membership_chart(reseau_coop.loads(HOSTILE))
    box = ax.get_legend()
    assert box is not None
    texts = [*ax.texts, ax.title, ax.xaxis.label, ax.yaxis.label, *box.get_texts()]

    assert all(not t.get_usetex() for t in texts)
    assert all(t.get_parse_math() is False for t in texts)


def test_characters_no_font_has_are_marked_not_dropped() -> None:
    """Emoji, CJK and control characters the font lacks show as U+FFFD; the rest as written."""
    ax = membership_chart(reseau_coop.loads(HOSTILE))
    title = ax.get_title()

    assert title.startswith(
        "Net $x^2$ and \\$ \\frac{a}{b} 100% _x_ #1 \ufffd \ufffd\ufffd \ufffd[31m"
    )
    assert "Source: Title $\\alpha$ \ufffd «ok»" in _texts(ax)
    english = membership_chart(default_network(), lang="en").get_title()
    assert "Réseau COOP: membership, 2007–2022" == english


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_drawing_hostile_text_warns_nothing(kind: str, tmp_path: Path) -> None:
    """Under -W error, drawing and saving the chart of hostile names prints nothing on stderr."""
    data = tmp_path / "hostile.json"
    data.write_text(HOSTILE, "utf-8")
    target = tmp_path / f"chart.{kind}"
    code = (
        "import reseau_coop\n"
        "from reseau_coop.plot import membership_chart\n"
        f"net = reseau_coop.load({str(data)!r})\n"
        "figure = membership_chart(net).get_figure(root=True)\n"
        f"figure.savefig({str(target)!r}, bbox_inches='tight')\n"
        "from reseau_coop._cli import main\n"
        f"assert main(['--data', {str(data)!r}, 'plot', '-o', {str(target)!r}]) == 0\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )

    assert (0, "") == (result.returncode, result.stderr)
    assert target.read_bytes().startswith(MAGIC[kind])


# ---------------------------------------------------------------- the growth written on it


def _two(first: int, second: int, years: int) -> Network:
    return reseau_coop.loads(
        '{"format": 1, "name": {"fr": "N", "en": "N"}, "languages": ["fr", "en"],'
        f' "snapshots": [{{"year": 2000, "members": {first}}},'
        f' {{"year": {2000 + years}, "members": {second}}}]}}'
    )


def _growth_note(ax: Axes) -> str | None:
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "growth"]
    return notes[0] if notes else None


@pytest.mark.parametrize(
    ("first", "second", "years", "fr", "en"),
    [
        (10, 20, 1, "×2 en 1 an", "×2 in 1 year"),
        (10, 25, 2, "×2,5 en 2 ans", "×2.5 in 2 years"),
        (10, 10, 5, "stable sur 5 ans", "steady over 5 years"),
        (1000, 1001, 1, "×1,001 en 1 an", "×1.001 in 1 year"),
        (1000, 960, 3, "×0,96 en 3 ans", "×0.96 in 3 years"),
        (0, 5, 3, None, None),
    ],
)
def test_growth_note_at_the_edges(
    first: int, second: int, years: int, fr: str | None, en: str | None
) -> None:
    """One year is singular; equal counts are steady; a change never reads ×1."""
    net = _two(first, second, years)

    assert fr == _growth_note(membership_chart(net, lang="fr"))
    assert en == _growth_note(membership_chart(net, lang="en"))


def test_one_snapshot_has_no_growth_note() -> None:
    """A network with a single snapshot has no growth to write on the chart."""
    net = reseau_coop.loads(
        '{"format": 1, "name": {"en": "One"}, "languages": ["en"],'
        ' "snapshots": [{"year": 2000, "members": 7}]}'
    )

    assert _growth_note(membership_chart(net)) is None


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30))
def test_drawable_text_draws_without_a_warning(text: str) -> None:
    """Any text, made drawable, keeps its length and every glyph a font has, and draws silently."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.font_manager import FontProperties

    shown = drawable(text, FontProperties())
    figure = Figure()
    FigureCanvasAgg(figure)
    figure.text(0.1, 0.5, shown, parse_math=False)
    figure.canvas.draw()  # a warning would fail the test: warnings are errors here

    assert len(text) == len(shown)
    assert all(b in {a, "\ufffd"} for a, b in zip(text, shown, strict=True))


def test_without_matplotlib_the_install_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, the chart says in one sentence what to install."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    with pytest.raises(ImportError) as ei:
        membership_chart(default_network())

    expected = (
        'reseau_coop.plot needs matplotlib, which is not installed: pip install "reseau-coop[plot]"'
    )
    assert expected == str(ei.value)


def test_plot_command_without_matplotlib_names_the_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`reseau-coop plot` without matplotlib: status 1, the install to run, and no file."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    status = main(["plot", "-o", str(tmp_path / "chart.png")])
    err = capsys.readouterr().err

    assert 1 == status
    expected = (
        "reseau-coop: error: reseau_coop.plot needs matplotlib, which is not installed:"
        ' pip install "reseau-coop[plot]"\n'
    )
    assert expected == err
    assert [] == list(tmp_path.iterdir())


def test_a_family_not_installed_is_passed_over() -> None:
    """Of a list of families, one not installed is skipped for the next, as matplotlib does."""
    from matplotlib.font_manager import FontProperties

    from reseau_coop._plot import _fonts

    only = _fonts(FontProperties(family=["DejaVu Sans"]))
    fallback = _fonts(FontProperties(family=["No Such Font Family", "DejaVu Sans"]))

    assert 1 == len(only)
    assert only == fallback


# ---------------------------------------------------------------- several networks

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def _examples() -> list[Network]:
    return [
        default_network(),
        reseau_coop.load(EXAMPLES / "val-imaginaire.toml"),
        reseau_coop.load(EXAMPLES / "lac-exemple.toml"),
    ]


def _series(ax: Axes) -> list[Line2D]:
    """The networks' lines, one per network drawn."""
    return [line for line in ax.lines if str(line.get_gid() or "").startswith("series:")]


def _drawable(net: Network) -> bool:
    return bool(net.phases or net.snapshots)


def _legend_holds_no_point(ax: Axes) -> None:
    """After drawing, the legend's box holds no marker or line vertex, and stays in the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = ax.get_figure(root=True)
    assert figure is not None
    FigureCanvasAgg(figure)  # a canvas that really draws (the figure's own is a stand-in)
    figure.canvas.draw()  # lays the figure out and draws it, as saving it does
    legend = ax.get_legend()
    assert legend is not None
    box = legend.get_window_extent()
    points = [
        ax.transData.transform(xy)
        for c in ax.collections
        if c.get_offset_transform() == ax.transData
        for xy in np.asarray(c.get_offsets())
    ] + [ax.transData.transform(xy) for line in ax.lines for xy in line.get_xydata()]  # type: ignore[union-attr]

    assert [] == [p for p in points if box.contains(*p)]
    assert figure.bbox.x0 <= box.x0
    assert box.x1 <= figure.bbox.x1
    assert figure.bbox.y0 <= box.y0
    assert box.y1 <= figure.bbox.y1


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("align", ["calendar", "start"])
def test_comparison_chart_of_the_examples(lang: str, align: str) -> None:
    """Three networks: distinct colours and markers, one legend naming each, clear of points."""
    nets = _examples()

    ax = comparison_chart(nets, lang=lang, align=align)  # type: ignore[arg-type]
    lines = _series(ax)
    legend = ax.get_legend()

    assert 3 == len(lines)
    assert 3 == len({line.get_color() for line in lines})
    assert ["series:o", "series:^", "series:v"] == [line.get_gid() for line in lines]
    assert legend is not None
    assert [n.name.pick(lang) for n in nets] == [
        t.get_text().split("\xa0:" if lang == "fr" else ":")[0] for t in legend.get_texts()[:3]
    ]
    _legend_holds_no_point(ax)


def test_hedged_points_stay_distinct_among_networks() -> None:
    """Each network's hedged points are hollow in its colour; phase-dated ones are squares."""
    ax = comparison_chart(_examples(), lang="en")
    hedged = [c for c in ax.collections if str(c.get_gid()).startswith("snapshots:hedged")]
    by_phase = [c for c in ax.collections if str(c.get_gid()).endswith(":phase")]

    assert 3 == len(hedged)  # ≈ 35, ≈ 30 and ≥ 12
    assert all([1.0, 1.0, 1.0, 1.0] == to_rgba_array(c.get_facecolor()).tolist()[0] for c in hedged)
    assert 3 == len({tuple(to_rgba_array(c.get_edgecolor()).tolist()[0]) for c in hedged})
    assert 3 == sum(len(np.asarray(c.get_offsets())) for c in by_phase)  # 35, 56, 30 in 2010


def test_align_start_counts_years_from_the_first_snapshot() -> None:
    """With align='start', each network's first snapshot is at x = 0."""
    ax = comparison_chart(_examples(), align="start", lang="en")

    assert [0.0, 0.0, 0.0] == [float(np.asarray(line.get_xydata())[0, 0]) for line in _series(ax)]
    assert "Years since the first known count" == ax.get_xlabel()
    assert "Membership since each network's first known count" == ax.get_title()


def test_align_start_without_snapshots_starts_at_the_first_phase() -> None:
    """A network with phases but no snapshot starts at its first phase's start."""
    net = reseau_coop.loads(
        '{"format": 1, "name": {"en": "P"}, "languages": ["en"],'
        ' "phases": [{"key": "a", "name": {"en": "A"}, "start": 1990, "end": 2000}]}'
    )

    ax = membership_chart(net, align="start")

    assert (0.0, 10.0) == tuple(_bands(ax)[0].get_x() + d for d in (0, _bands(ax)[0].get_width()))


def test_phases_are_optional_and_light_among_networks() -> None:
    """comparison_chart draws bands only with phases=True; membership_chart skips them on False."""
    without = comparison_chart(_examples(), lang="en")
    with_phases = comparison_chart(_examples(), lang="en", phases=True)
    bare = membership_chart(default_network(), phases=False)

    assert [] == _bands(without)
    assert 3 + 3 + 2 == len(_bands(with_phases))
    assert [] == _bands(bare)


def test_layering_keeps_title_legend_and_colours() -> None:
    """A second network keeps the chart's title and legend entries; it has a new colour, marker."""
    val, lac = _examples()[1:]
    ax = membership_chart(default_network(), lang="en")
    before = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]

    membership_chart(lac, ax, lang="en")
    membership_chart(val, ax, lang="en", label="Val", color="#aa0000")
    after = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]

    assert "Réseau COOP: membership, 2007–2022" == ax.get_title()
    assert set(before) <= set(after)
    assert ["Réseau COOP", "Lac-Exemple Co-op Network (fictional)", "Val"] == after[:3]
    assert ["#1b4f72", "#ff7f0e", "#aa0000"] == [line.get_color() for line in _series(ax)]
    assert ["series:o", "series:^", "series:v"] == [line.get_gid() for line in _series(ax)]
    _legend_holds_no_point(ax)


def test_a_label_names_a_single_network() -> None:
    """On a new chart, the legend names the network only when a label is given."""
    ax = membership_chart(default_network(), lang="en", label="The network")

    assert "The network" == ax.get_legend().get_texts()[0].get_text()  # type: ignore[union-attr]


def test_users_axes_keep_what_they_hold() -> None:
    """On a user's axes (no layout engine): their title, legend and line stay; room is made."""
    figure = Figure(figsize=(6, 4))
    ax = figure.add_subplot()
    ax.plot([2000, 2030], [0, 300], label="mine")
    ax.set_title("My own")
    ax.legend()
    bottom = ax.get_position().y0

    comparison_chart(_examples()[1:], ax, lang="en")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]

    assert "My own" == ax.get_title()
    assert "mine" in texts
    assert min(ax.get_xlim()) < 2000
    assert max(ax.get_xlim()) > 2030
    assert ax.get_position().y0 > bottom  # raised, for the legend below
    _legend_holds_no_point(ax)


def test_the_next_colour_skips_used_and_close_ones() -> None:
    """The cycle's colours on the axes, or close to them, are skipped; then it goes round."""
    from cycler import cycler

    with mpl.rc_context({"axes.prop_cycle": cycler(color=["#1b4f72", "#1f77b4", "#ff0000"])}):
        ax = Figure().add_subplot()
        ax.plot([0, 1], [0, 1], color="#ff0000")
        first = comparison_chart([default_network()], ax)
        colours = [line.get_color() for line in _series(first)]
        comparison_chart([default_network()] * 3, ax)
        more = [line.get_color() for line in _series(ax)]

    assert ["#1b4f72"] == colours  # #1f77b4 is close to it, #ff0000 is taken
    assert ["#1b4f72", "#1f77b4", "#ff0000", "#1b4f72"] == more  # then round the cycle


def test_markers_go_round_past_the_last() -> None:
    """With more networks than markers, markers go round again."""
    ax = comparison_chart([default_network()] * 10)

    assert "series:o" == _series(ax)[-1].get_gid()


def test_inverted_limits_stay_inverted_and_wide() -> None:
    """Limits a user set upside down stay so, and are only ever widened."""
    ax = Figure().add_subplot()
    ax.set_xlim(2030, 1990)

    membership_chart(default_network(), ax)

    assert (2030, 1990) == ax.get_xlim()


@settings(max_examples=10, deadline=None)
@given(
    networks(max_phases=3, max_snapshots=4),
    st.tuples(st.floats(-5000, 5000), st.floats(0.5, 5000)),
    st.tuples(st.floats(-1000, 1000), st.floats(0.5, 10_000)),
    st.booleans(),
    st.sampled_from(["calendar", "start"]),
)
def test_drawing_on_axes_never_shrinks_their_limits(
    net: Network,
    x: tuple[float, float],
    y: tuple[float, float],
    data: bool,  # noqa: FBT001
    align: str,
) -> None:
    """Whatever limits an axes has (set by hand or from data), drawing only widens them."""
    if not _drawable(net):
        return
    ax = Figure().add_subplot()
    xlim, ylim = (x[0], x[0] + x[1]), (y[0], y[0] + y[1])
    if data:
        ax.plot(xlim, ylim)
    else:
        ax.set_xlim(xlim)
        ax.set_ylim(ylim)
    before = ax.get_xlim(), ax.get_ylim()

    membership_chart(net, ax, lang="en", align=align)  # type: ignore[arg-type]
    comparison_chart([net], ax, lang="en", align=align)  # type: ignore[arg-type]

    assert ax.get_xlim()[0] <= before[0][0]
    assert before[0][1] <= ax.get_xlim()[1]
    assert ax.get_ylim()[0] <= before[1][0]
    assert before[1][1] <= ax.get_ylim()[1]


@settings(max_examples=5, deadline=None)
@given(st.lists(networks(max_phases=2, max_snapshots=5), min_size=1, max_size=3))
def test_the_legend_never_holds_a_point(nets: list[Network]) -> None:
    """For any networks, the comparison legend's box holds no data point."""
    if not all(_drawable(n) for n in nets):
        return

    _legend_holds_no_point(comparison_chart(nets, lang="en"))


def test_a_network_without_counts_says_so_in_the_legend() -> None:
    """A network with phases but no snapshot is named in the legend as having no count."""
    net = reseau_coop.loads(
        '{"format": 1, "name": {"en": "P"}, "languages": ["en"],'
        ' "phases": [{"key": "a", "name": {"en": "A"}, "start": 1990, "end": 2000}]}'
    )

    ax = comparison_chart([default_network(), net], lang="en")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]

    assert ["Réseau COOP: ×7.1 in 15 years", "P: no known count"] == texts[:2]


def test_comparison_chart_refuses_what_it_cannot_draw() -> None:
    """No networks, something else, a bad align or a bad language: a clear error."""
    with pytest.raises(ValueError, match="at least one network"):
        comparison_chart([])
    with pytest.raises(TypeError, match="iterable of Network"):
        comparison_chart(default_network())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"networks\[1\]: expected a Network, got int"):
        comparison_chart([default_network(), 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="align must be 'calendar' or 'start', got 'fiscal'"):
        comparison_chart([default_network()], align="fiscal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'de'"):
        comparison_chart([default_network()], lang="de")


def test_plot_command_draws_the_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`plot --data A --data B` and `plot --default --data A` write the comparison chart."""
    target = tmp_path / "both.svg"
    files = [str(EXAMPLES / "val-imaginaire.toml"), str(EXAMPLES / "lac-exemple.toml")]

    two = main(["--data", files[0], "plot", "--data", files[1], "-o", str(target), "--lang", "en"])
    svg = target.read_text("utf-8")
    three = main(["plot", "--default", "--data", files[0], "-o", str(tmp_path / "x.png")])
    alone = main(["plot", "--default", "-o", str(tmp_path / "y.png")])

    assert (0, 0, 0) == (two, three, alone)
    assert "Membership, 2004–2023" in svg or "series:^" in svg
    assert "wrote" in capsys.readouterr().out


def test_only_plot_takes_several_data_files(capsys: pytest.CaptureFixture[str]) -> None:
    """Two --data for another command is a usage error saying where several go."""
    status = main(["--data", "a.toml", "growth", "--data", "b.toml"])

    assert 2 == status
    assert "--data names one network (plot draws several" in capsys.readouterr().err


# ---------------------------------------------------------------- phase labels and sources


def _five() -> list[Network]:
    """Five networks: the 3rd's last count is the highest of the first three, the 5th's of all."""
    coop, val, lac = _examples()
    big, huge = (
        attrs.evolve(
            lac,
            name=reseau_coop.LocalizedText({"en": f"{name} (fictional)", "fr": f"{name} (fictif)"}),
            snapshots=[attrs.evolve(s, members=s.members * times) for s in lac.snapshots],
        )
        for name, times in (("Big Lake", 3), ("Huge Lake", 4))
    )
    return [coop, val, big, lac, huge]


def _drawn(ax: Axes) -> Figure:
    """*ax*'s figure, laid out and drawn as saving it does."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    return figure


def _phase_labels_cover_nothing(ax: Axes) -> None:
    """No phase label's box holds a point (with its marker's reach) or overlaps a count."""
    from matplotlib.text import Annotation

    figure = _drawn(ax)
    labels = [t for t in ax.texts if str(t.get_gid() or "").startswith("phase-label:")]
    reach = 5.2 * figure.dpi / 72  # a 70 pt² marker's radius and half its 2 pt edge
    points = [
        ax.transData.transform(xy)
        for c in ax.collections
        if c.get_offset_transform() == ax.transData
        for xy in np.asarray(c.get_offsets())
    ] + [ax.transData.transform(xy) for line in _series(ax) for xy in line.get_xydata()]  # type: ignore[union-attr]
    counts = [t for t in ax.texts if isinstance(t, Annotation) and t.xycoords == "data"]
    covered = [
        (t.get_text(), (float(x), float(y)))
        for t in labels
        for x, y in points
        if t.get_window_extent().padded(reach).contains(x, y)
    ]
    hidden = [
        (t.get_text(), c.get_text())
        for t in labels
        for c in counts
        if t.get_window_extent().overlaps(c.get_window_extent())
    ]

    assert labels
    assert [] == covered
    assert [] == hidden


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("count", [3, 5])
def test_phase_labels_cover_no_point_of_a_comparison(lang: str, count: int) -> None:
    """With 3 or 5 networks, the last the highest, no phase label covers a point or a count."""
    nets = _five()[:count]

    ax = comparison_chart(nets, lang=lang, phases=True)

    assert max(s.members for s in nets[-1].snapshots) == max(
        s.members for n in nets for s in n.snapshots
    )
    _phase_labels_cover_nothing(ax)
    _legend_holds_no_point(ax)


@pytest.mark.parametrize("count", [3, 5])
def test_phase_labels_cover_no_point_of_layered_charts(count: int) -> None:
    """membership_chart drawn 3 or 5 times on one axes: no phase label covers a point."""
    nets = _five()[:count]
    ax = membership_chart(nets[0], lang="en")
    for net in nets[1:]:
        membership_chart(net, ax, lang="en")

    _phase_labels_cover_nothing(ax)
    _legend_holds_no_point(ax)


def test_phase_labels_of_each_network_stand_in_their_own_row() -> None:
    """Each network's phase labels stand lower than the previous network's, none overlapping."""
    ax = comparison_chart(_five(), lang="en", phases=True)
    _drawn(ax)
    rows: dict[str, list[float]] = {}
    for text in ax.texts:
        if str(text.get_gid() or "").startswith("phase-label:"):
            rows.setdefault(str(text.get_color()), []).append(text.get_window_extent().y0)

    tops = [max(ys) for ys in rows.values()]
    assert 5 == len(rows)
    assert sorted(tops, reverse=True) == tops
    assert all(min(a) > max(b) for a, b in pairwise(rows.values()))


@settings(max_examples=5, deadline=None)
@given(st.lists(networks(max_phases=2, max_snapshots=4), min_size=1, max_size=3))
def test_phase_labels_never_cover_a_point(nets: list[Network]) -> None:
    """For any networks drawn with their phases, no phase label covers a point or a count."""
    if not all(n.phases for n in nets):
        return

    _phase_labels_cover_nothing(comparison_chart(nets, lang="en", phases=True))


def _fr(title: str) -> str:
    """*title* between French quotation marks."""
    return f"«\u00a0{title}\u00a0»"


_COOP_FR = _fr("Les 3 phases de développement du Réseau COOP")
_INVENTED_FR = _fr("Données inventées pour l’exemple")


def _source(ax: Axes) -> str:
    [text] = [t.get_text() for t in ax.texts if t.get_gid() == "source"]
    return text


def _source_clear_of_the_legend(ax: Axes) -> None:
    """The source line stands inside the figure, and clear of the legend."""
    figure = _drawn(ax)
    [source] = [t for t in ax.texts if t.get_gid() == "source"]
    box = source.get_window_extent()
    legend = ax.get_legend()
    assert legend is not None

    assert figure.bbox.x0 <= box.x0
    assert box.x1 <= figure.bbox.x1
    assert figure.bbox.y0 <= box.y0
    assert not box.overlaps(legend.get_window_extent())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                f"Sources\u00a0: Réseau COOP — {_COOP_FR}, article 4/4",
                f"Fédération du Val-Imaginaire (fictive) — {_INVENTED_FR}",
                f"Réseau coopératif du Lac-Exemple (fictif) — {_INVENTED_FR}",
            ],
        ),
        (
            "en",
            [
                "Sources: Réseau COOP — The 3 development phases of the Réseau COOP, article 4/4",
                "Val-Imaginaire Federation (fictional) — Data invented for the example",
                "Lac-Exemple Co-op Network (fictional) — Data invented for the example",
            ],
        ),
    ],
)
def test_a_comparison_names_each_networks_sources(lang: str, expected: list[str]) -> None:
    """The comparison's source line names each network's sources, clear of the legend."""
    ax = comparison_chart(_examples(), lang=lang)

    assert expected == _source(ax).split("\u00a0; " if lang == "fr" else "; ")
    _source_clear_of_the_legend(ax)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_source_line_wraps_inside_the_figure(lang: str) -> None:
    """Five networks' sources wrap within the figure's width, above the legend moved below."""
    ax = comparison_chart(_five(), lang=lang, phases=True)
    figure = _drawn(ax)
    [source] = [t for t in ax.texts if t.get_gid() == "source"]

    assert 5 == _source(ax).count(" — ")
    assert figure.bbox.width < source.get_window_extent().width * 5  # as wide as it can be
    _source_clear_of_the_legend(ax)


def test_layering_names_each_networks_sources() -> None:
    """A network added to a chart turns its source line into one naming each network."""
    val = _examples()[1]
    lake = reseau_coop.loads(
        '{"format": 1, "name": {"en": "Lake"}, "languages": ["en"],'
        ' "snapshots": [{"year": 2009, "members": 12}, {"year": 2023, "members": 66}]}'
    )
    ax = membership_chart(default_network(), lang="en")
    alone = _source(ax)

    membership_chart(lake, ax, lang="en")
    with_lake = _source(ax)
    membership_chart(val, ax, lang="en")

    assert "Source: The 3 development phases of the Réseau COOP, article 4/4" == alone
    assert "Source: Réseau COOP — The 3 development phases of the Réseau COOP, article 4/4" == (
        with_lake  # the lake has no source: it is not named
    )
    assert (
        "Sources: Réseau COOP — The 3 development phases of the Réseau COOP, article 4/4;"
        " Val-Imaginaire Federation (fictional) — Data invented for the example"
    ) == _source(ax)
    _source_clear_of_the_legend(ax)


def test_a_network_with_several_sources_lists_them() -> None:
    """One network with two sources: "Sources", its titles in order; none: no source line."""
    net = reseau_coop.loads(
        '{"format": 1, "name": {"en": "N"}, "languages": ["en"], "sources": ['
        '{"key": "a", "title": {"en": "A"}}, {"key": "b", "title": {"en": "B"}}],'
        ' "snapshots": [{"year": 2000, "members": 1}]}'
    )

    ax = comparison_chart([net], lang="en")
    bare = comparison_chart([attrs.evolve(net, sources=[])], lang="en")

    assert "Sources: A; B" == _source(ax)
    assert [] == [t for t in bare.texts if t.get_gid() == "source"]


@pytest.mark.parametrize("title", ["Budget: $5 or $6", "Rapport $x^2$ " * 12])
def test_a_source_title_that_looks_like_mathtext_is_drawn_as_written(title: str) -> None:
    """Dollars in a source's title are text: the line is drawn, as written, inside the figure."""
    net = default_network()
    source = attrs.evolve(net.sources[0], title={"fr": title, "en": title})
    nets = [attrs.evolve(net, sources=[source]), *_examples()[1:]]
    ax = comparison_chart(nets, lang="en")

    assert " ".join(title.split()) in " ".join(_source(ax).split())  # every word, in order
    _source_clear_of_the_legend(ax)
