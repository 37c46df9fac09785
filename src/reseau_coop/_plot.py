"""
The membership chart (the `plot` extra: matplotlib).

Text from the data (the network's name, phase names, source titles) is drawn as
written: never read as mathtext (`$x^2$` stays `$x^2$`) or as TeX, whatever the
user's `rcParams` say. A character that no font of the text's family can draw is
shown as U+FFFD (�) — where matplotlib would draw an empty box and print a
"Glyph missing" warning at every draw —, so drawing the chart never warns.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Final

from ._metrics import growth
from ._model import Dating, MembershipSnapshot, Network, Phase, Qualifier
from ._text import colon, duration, hedge, integer, quoted, resolve, words
from ._words import multiplier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text

_MISSING: Final = (
    'reseau_coop.plot needs matplotlib, which is not installed: pip install "reseau-coop[plot]"'
)

COLOUR: Final = "#1b4f72"
MILESTONE: Final = "#7b241c"
BANDS: Final = ("#f5b041", "#58d68d", "#5dade2", "#af7ac5", "#ec7063", "#48c9b0")
_INSIDE: Final = 0.3  # how far inside its phase a phase-dated snapshot is drawn, in years
_REPLACEMENT: Final = "\ufffd"  # drawn for a character no font has, as text decoders do


def import_matplotlib() -> None:
    """Check matplotlib can be imported, or say in one sentence how to install it."""
    try:
        import matplotlib as mpl  # noqa: F401 - an optional extra, imported when used
    except ImportError:
        raise ImportError(_MISSING) from None


def _x(snapshot: MembershipSnapshot, phases: dict[str, Phase]) -> float:
    """Where a snapshot is drawn: its year, or just inside the phase that dates it."""
    if snapshot.dating is Dating.PHASE and snapshot.phase in phases:
        return snapshot.year - _INSIDE
    return float(snapshot.year)


def _span(network: Network) -> tuple[int, int]:
    years = [s.year for s in network.snapshots]
    years += [p.start for p in network.phases]
    years += [p.end for p in network.phases if p.end is not None]
    if not years:
        msg = "the network has neither phases nor snapshots to draw"
        raise ValueError(msg)
    return min(years), max(years)


def membership_chart(network: Network, *, lang: str | None = None, ax: Axes | None = None) -> Axes:
    """
    Draw the network's membership over time, with its phases as shaded bands.

    A marker per snapshot, labelled with its figure; figures that are not exact are
    drawn hollow and explained in the legend; a snapshot dated only by its phase is
    drawn as a square inside that phase, at its end. Each phase is a labelled band
    (a year two phases share is one boundary line), and the whole history's growth
    is written on the chart ("×7,1 en 15 ans"; none with fewer than two snapshots).
    Title, axis labels and the source line are in *lang*.

    Names and titles from the data are drawn as written: `$` is a dollar sign, not
    mathtext, and TeX is never used for them, whatever `rcParams` say. A character
    that no font of the text's family has is drawn as U+FFFD (�), so drawing and
    saving the chart never prints matplotlib's "Glyph missing" warning.

    Args:
        network: The network to draw.
        lang: `"fr"` or `"en"`; by default the network's first language (English if
            that is neither).
        ax: The matplotlib `Axes` to draw into, to compose your own figure; by default
            a new figure (made without pyplot, so no window opens: show it in a
            notebook with `ax.figure`, or save it with `ax.figure.savefig(...)`).

    Returns:
        The `Axes` drawn into.

    Raises:
        ImportError: If matplotlib is not installed (`pip install "reseau-coop[plot]"`).
        ValueError: For a language other than French or English, or a network with
            nothing to draw.

    Examples:
        >>> from reseau_coop import default_network
        >>> ax = membership_chart(default_network(), lang="en")
        >>> ax.get_title()
        'Réseau COOP: membership, 2007–2022'

    """
    import_matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    language = resolve(lang, network.languages[0], who="membership_chart")
    label = words(language)
    first, last = _span(network)
    if ax is None:
        figure = Figure(figsize=(9, 5.4), layout="constrained")
        ax = figure.add_subplot()
    phases = {p.key: p for p in network.phases}
    right = last + 0.5 if all(p.end is not None for p in network.phases) else last + 1.5
    _draw_phases(ax, network, language, right)

    points = [(_x(s, phases), s) for s in network.snapshots]
    if points:
        ax.plot(
            [x for x, _ in points], [s.members for _, s in points], color=COLOUR, lw=2, zorder=3
        )
    groups = {
        "snapshots:exact": [(x, s) for x, s in points if s.qualifier is Qualifier.EXACT],
        "snapshots:hedged": [(x, s) for x, s in points if s.qualifier is not Qualifier.EXACT],
    }
    for gid, group in groups.items():
        for dating, marker in ((Dating.YEAR, "o"), (Dating.PHASE, "s")):
            chosen = [(x, s) for x, s in group if s.dating is dating]
            if not chosen:
                continue
            hedged = gid == "snapshots:hedged"
            collection = ax.scatter(
                [x for x, _ in chosen],
                [s.members for _, s in chosen],
                s=70,
                marker=marker,
                facecolors="white" if hedged else COLOUR,
                edgecolors=COLOUR,
                linewidths=2,
                zorder=4,
            )
            collection.set_gid(f"{gid}:{dating.value}")
    top = max([1, *(s.members for s in network.snapshots)])  # a network of zeros still has a scale
    for x, snapshot in points:
        shown = hedge(integer(snapshot.members, language), snapshot.qualifier)
        annotation = ax.annotate(
            shown,
            (x, snapshot.members),
            xytext=(0, 10),
            textcoords="offset points",
            ha="center",
            fontsize=10,
            color=COLOUR,
            fontweight="bold",
            zorder=5,
        )
        _literal(annotation)
    _draw_growth(ax, network, language)
    _draw_milestones(ax, network, language)

    milestones = network.milestones
    milestone_label: str | None
    if any(m.is_inferred("year") for m in milestones):
        milestone_label = label["chart_milestone_inferred"]
    else:
        milestone_label = label["chart_milestone"] if milestones else None
    _draw_legend(ax, [s for _, s in points], label, milestone=milestone_label)

    name = network.name.pick(language)
    title = label["chart_title"].format(name=name, first=first, last=last)
    _literal(ax.set_title(title, fontsize=13))
    _literal(ax.set_xlabel(label["year"]))
    _literal(ax.set_ylabel(label["members"]))
    ax.set_xlim(first - 0.5, right)
    ax.set_ylim(0, top * 1.45)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Counts on the axis are written as the text layer writes them (1 200 000, 1,200,000),
    # never in matplotlib's scientific offset (1e6).
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: integer(round(value), language)))
    ax.spines[["top", "right"]].set_visible(False)
    source = _source_line(network, language)
    if source:
        _literal(ax.annotate(
            source, (0, 0), xycoords="axes fraction", xytext=(0, -42),
            textcoords="offset points", ha="left", va="top", fontsize=8, color="#555555",
        ))  # fmt: skip
    return ax


def _draw_legend(
    ax: Axes, snapshots: list[MembershipSnapshot], words: dict[str, str], *, milestone: str | None
) -> None:
    """Explain the markers drawn: exact, hedged (hollow), dated by a phase (square), milestone."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=COLOUR, marker="o", lw=0, markersize=8, label=words["chart_exact"])
    ]
    if any(s.qualifier is not Qualifier.EXACT for s in snapshots):
        hollow = Line2D(
            [], [], color=COLOUR, marker="o", lw=0, markersize=8, markerfacecolor="white",
            markeredgewidth=2, label=words["chart_hedged"],
        )  # fmt: skip
        handles.append(hollow)
    if any(s.dating is Dating.PHASE for s in snapshots):
        square = Line2D(
            [], [], color=COLOUR, marker="s", lw=0, markersize=8, label=words["chart_by_phase"]
        )
        handles.append(square)
    if milestone is not None:
        diamond = Line2D([], [], color=MILESTONE, marker="D", lw=0, markersize=6, label=milestone)
        handles.append(diamond)
    legend = ax.legend(handles=handles, loc="best", fontsize=8, frameon=True, framealpha=0.9)
    for text in legend.get_texts():
        _literal(text)


def _literal(text: Text) -> None:
    """Make *text* draw as written: no mathtext, no TeX, no glyph a font lacks."""
    text.set_parse_math(False)
    text.set_usetex(False)
    text.set_text(drawable(text.get_text(), text.get_fontproperties()))


def drawable(text: str, font: FontProperties) -> str:
    """
    *text* with each character that no font of *font*'s families has replaced by U+FFFD.

    The fonts are those matplotlib draws *font* with: the first font found for each
    family it names (a family list gives fallbacks), or the default font.
    """
    fonts = _fonts(font)
    return "".join(c if c == "\n" or _has_glyph(fonts, c) else _replacement(fonts) for c in text)


def _fonts(font: FontProperties) -> tuple[str, ...]:
    """The font files matplotlib draws *font* with, as it chooses them."""
    from matplotlib import font_manager

    paths = []
    for family in font.get_family():
        one = font.copy()
        one.set_family(family)
        try:
            paths.append(str(font_manager.findfont(one, fallback_to_default=False)))
        except ValueError:  # not installed: matplotlib tries the next family
            continue
    return tuple(paths) or (str(font_manager.findfont(font)),)


@functools.cache
def _has_glyph(fonts: tuple[str, ...], character: str) -> bool:
    from matplotlib import font_manager

    code = ord(character)
    return any(font_manager.get_font(path).get_char_index(code) for path in fonts)


def _replacement(fonts: tuple[str, ...]) -> str:
    return _REPLACEMENT if _has_glyph(fonts, _REPLACEMENT) else "?"


def _draw_phases(ax: Axes, network: Network, lang: str, right: float) -> None:
    """One shaded, labelled band per phase; one line per boundary year two phases share."""
    from matplotlib.transforms import blended_transform_factory

    upper = blended_transform_factory(ax.transData, ax.transAxes)
    for index, phase in enumerate(network.phases):
        end = right if phase.end is None else phase.end
        band = ax.axvspan(phase.start, end, color=BANDS[index % len(BANDS)], alpha=0.18, lw=0)
        band.set_gid(f"phase:{phase.key}")
        name = phase.name.pick(lang)
        if len(name) > 14 and " " in name:
            head, tail = name.split(" ", 1)
            name = f"{head}\n{tail}"
        label = ax.text(
            (phase.start + end) / 2, 0.98, f"{name}\n{phase.span}", transform=upper,
            ha="center", va="top", fontsize=8.5, color="#333333",
        )  # fmt: skip
        _literal(label)
        label.set_gid(f"phase-label:{phase.key}")
    for before, after in zip(network.phases, network.phases[1:], strict=False):
        if before.end is not None and before.end == after.start:
            line = ax.axvline(before.end, color="#777777", lw=1, ls=":", zorder=1)
            line.set_gid(f"boundary:{before.end}")


def _draw_milestones(ax: Axes, network: Network, lang: str) -> None:
    """A diamond on the year axis per milestone, with its name (and * if its year is inferred)."""
    for milestone in network.milestones:
        marker = ax.scatter(
            [milestone.year], [0], marker="D", s=40, color=MILESTONE, zorder=6, clip_on=False
        )
        marker.set_gid(f"milestone:{milestone.key}")
        name = milestone.name.pick(lang) + ("*" if milestone.is_inferred("year") else "")
        label = ax.annotate(
            name, (milestone.year, 0), xytext=(6, 5), textcoords="offset points", ha="left",
            va="bottom", fontsize=8, color=MILESTONE, zorder=6,
        )  # fmt: skip
        _literal(label)
        label.set_gid(f"milestone-label:{milestone.key}")


def _draw_growth(ax: Axes, network: Network, lang: str) -> None:
    """Write the whole history's growth on the chart: "×7,1 en 15 ans", "stable sur 1 an"."""
    if len(network.snapshots) < 2:
        return
    whole = growth(network)
    if whole.ratio is None or whole.years == 0:
        return
    start, end = whole.start.members, whole.end.members
    years = duration(whole.years, lang)
    if start == end:
        text = words(lang)["chart_steady"].format(years=years)
    else:
        text = words(lang)["chart_growth"].format(ratio=multiplier(end, start, lang), years=years)
    note = ax.annotate(
        hedge(text, whole.qualifier), (0.03, 0.66), xycoords="axes fraction", ha="left",
        va="center", fontsize=15, fontweight="bold", color=COLOUR,
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": COLOUR},
    )  # fmt: skip
    _literal(note)
    note.set_gid("growth")


def _source_line(network: Network, lang: str) -> str:
    label = words(lang)
    titles = []
    for source in network.sources:
        title = source.title.pick(lang)
        title = quoted(title, lang) if lang == "fr" else title
        if source.part is not None and source.parts is not None:
            title += f", {label['article']} {source.part}/{source.parts}"
        titles.append(title)
    return f"{label['source']}{colon(lang)} {'; '.join(titles)}" if titles else ""
