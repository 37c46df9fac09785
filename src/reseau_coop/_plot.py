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
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs

from ._metrics import growth
from ._model import Dating, MembershipSnapshot, Network, Phase, Qualifier
from ._render import wrap
from ._text import colon, duration, hedge, integer, quoted, resolve, semicolon, words
from ._words import multiplier

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.text import Annotation, Text

Align: TypeAlias = Literal["calendar", "start"]
"""Where a chart puts a year: at the year itself, or at the years since the network began."""

_MISSING: Final = (
    'reseau_coop.plot needs matplotlib, which is not installed: pip install "reseau-coop[plot]"'
)

COLOUR: Final = "#1b4f72"
MILESTONE: Final = "#7b241c"
BANDS: Final = ("#f5b041", "#58d68d", "#5dade2", "#af7ac5", "#ec7063", "#48c9b0")
GREY: Final = "#555555"  # what the marker styles mean, when networks have colours of their own
# One marker per network on a chart, in order; never the square (a snapshot dated by its
# phase) nor the diamond (a milestone), which say something else.
MARKERS: Final = ("o", "^", "v", "P", "X", "p", "h", "<", ">")
_CLOSE: Final = 0.25 * 3**0.5  # colours nearer than this in the RGB cube look alike
_MARGIN: Final = 4  # points of room around a legend, to keep it clear of a marker's edge
_LEGEND_SIZE: Final = 8  # the legend's font size, in points
_TOP: Final = 4  # points between the axes' top and the first row of phase labels
_GAP: Final = 2  # points between two rows of phase labels
_REACH: Final = 6  # points a marker reaches from its centre (70 pt² and its 2 pt edge)
_INSIDE: Final = 0.3  # how far inside its phase a phase-dated snapshot is drawn, in years
_REPLACEMENT: Final = "\ufffd"  # drawn for a character no font has, as text decoders do
# Each network's line on a chart, with the name the source line gives it and its sources'
# titles: drawn on a chart that holds others, a network's source line names every network
# there. Weak keys: a line removed from its axes (or the axes cleared) leaves no trace here.
_SOURCES: Final[weakref.WeakKeyDictionary[Line2D, tuple[str, tuple[str, ...]]]] = (
    weakref.WeakKeyDictionary()
)


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


def membership_chart(
    network: Network,
    ax: Axes | None = None,
    *,
    lang: str | None = None,
    label: str | None = None,
    color: str | None = None,
    phases: bool = True,
    align: Align = "calendar",
) -> Axes:
    """
    Draw the network's membership over time, with its phases as shaded bands.

    A marker per snapshot, labelled with its figure; figures that are not exact are
    drawn hollow and explained in the legend; a snapshot dated only by its phase is
    drawn as a square inside that phase, at its end. Each phase is a labelled band
    (a year two phases share is one boundary line), and the whole history's growth
    is written on the chart ("×7,1 en 15 ans"; none with fewer than two snapshots).
    Title, axis labels and the source line are in *lang*.

    Drawn on an *ax* that already holds a chart (another network, your own data, or
    limits you set), it adds this network without hiding anything there: the axes'
    limits only ever grow to take the new points in, an existing title and axis
    labels are kept, the legend keeps every entry it had and gains one naming this
    network, and the network takes the next colour of the axes' colour cycle that is
    not used there yet (nor close to one that is), and a marker no network there has.
    The growth note and the milestones are then left out (the legend names the
    network); the source line names each network's sources; its phase bands, if
    *phases*, are drawn lightly in its colour, their labels in a row of their own
    under those there, and the y axis grows so that no label covers a point or a
    count. `comparison_chart` draws several networks this way at once.

    Names and titles from the data are drawn as written: `$` is a dollar sign, not
    mathtext, and TeX is never used for them, whatever `rcParams` say. A character
    that no font of the text's family has is drawn as U+FFFD (�), so drawing and
    saving the chart never prints matplotlib's "Glyph missing" warning. The legend
    never covers a point: it goes where no point is, or outside the axes, with room
    made for it in the figure.

    Args:
        network: The network to draw.
        ax: The matplotlib `Axes` to draw into, to compose your own figure or to add
            this network to a chart; by default a new figure (made without pyplot,
            so no window opens: show it in a notebook with `ax.figure`, or save it
            with `ax.figure.savefig(...)`).
        lang: `"fr"` or `"en"`; by default the network's first language (English if
            that is neither).
        label: The network's name in the legend; by default its name in *lang*. On
            a new chart, the legend names the network only when *label* is given.
        color: The network's colour (any matplotlib colour); by default the chart's
            own, or on a chart that holds something already, the next free colour of
            the cycle.
        phases: Whether to draw the network's phases as bands.
        align: `"calendar"` (the default) draws each point at its year;
            `"start"` at the years since the network's first snapshot (or its first
            phase's start, without snapshots), to set histories side by side.

    Returns:
        The `Axes` drawn into.

    Raises:
        ImportError: If matplotlib is not installed (`pip install "reseau-coop[plot]"`).
        ValueError: For a language other than French or English, an unknown *align*,
            or a network with nothing to draw.

    Examples:
        >>> from reseau_coop import default_network
        >>> ax = membership_chart(default_network(), lang="en")
        >>> ax.get_title()
        'Réseau COOP: membership, 2007–2022'
        >>> ax = membership_chart(default_network(), ax, lang="en", label="The same, again")
        >>> ax.get_title(), [t.get_text() for t in ax.get_legend().get_texts()][:2]
        ('Réseau COOP: membership, 2007–2022', ['Réseau COOP', 'The same, again'])

    """
    import_matplotlib()
    from matplotlib.figure import Figure

    language = resolve(lang, network.languages[0], who="membership_chart")
    _check_align(align)
    layered = ax is not None and _holds_something(ax)
    if ax is None:
        figure = Figure(figsize=(9, 5.4), layout="constrained")
        ax = figure.add_subplot()
    found = _found_limits(ax)
    name = network.name.pick(language) if label is None else label
    style = _Style(
        colour=COLOUR if color is None and not layered else color or _next_colour(ax),
        marker="o" if not layered else _next_marker(ax),
        label=name,
        shift=_shift(network, align),
        name=name,
    )
    first, last, right = _draw(ax, network, language, style, phases=phases, full=not layered)
    label_words = words(language)
    if not layered:
        _draw_growth(ax, network, language, style)
        _draw_milestones(ax, network, language, style.shift)
    title = label_words["chart_title"].format(
        name=network.name.pick(language), first=first, last=last
    )
    _decorate(ax, language, title, align)
    ax.set_xlim(first - style.shift - 0.5, right)
    ax.set_ylim(0, _top([network]) * 1.45)
    _keep(ax, found)
    _draw_source(ax, language)
    _make_headroom(ax)
    named = label is not None or layered
    milestone: str | None = None
    if not layered and network.milestones:
        inferred = any(m.is_inferred("year") for m in network.milestones)
        milestone = label_words["chart_milestone_inferred" if inferred else "chart_milestone"]
    _legend(
        ax,
        [network],
        label_words,
        colour=style.colour if not layered else GREY,
        milestone=milestone,
        named=named,
        outside=False,
    )
    return ax


def comparison_chart(
    networks: Iterable[Network],
    ax: Axes | None = None,
    *,
    align: Align = "calendar",
    lang: str | None = None,
    phases: bool = False,
) -> Axes:
    """
    Draw several networks' membership on one chart, to compare them.

    Each network has its own colour (the axes' colour cycle, skipping colours used
    there or close to them) and its own marker (circle, triangle, ...), joined by a
    line; as on `membership_chart`, a figure that is not exact is hollow and a
    snapshot dated only by its phase is a square, in the network's colour. The
    legend names each network with its whole history's growth ("×7,1 en 15 ans"),
    then what the marker styles mean; it stands where no point or figure is, or
    else below the axes, with room made for it in the figure. With *phases*,
    each network's phases are light bands in its colour, labelled in a row of
    their own near the top, with room kept above the data so that no label covers
    a point or a count. Under the axes, a source line names each network's sources
    (a network without any is not named), wrapped to stay within the figure.

    Args:
        networks: The networks to draw (one or more), in the legend's order.
        ax: The `Axes` to draw into; by default a new figure sized for a web page
            (10 × 5.6 inches: 1100 pixels wide at 110 dpi). What an *ax* holds
            already is kept, as `membership_chart` keeps it.
        align: `"calendar"` draws each point at its year; `"start"` at the years
            since each network's first snapshot, so histories start together.
        lang: `"fr"` or `"en"`; by default the first network's first language.
        phases: Whether to draw each network's phases as bands.

    Returns:
        The `Axes` drawn into.

    Raises:
        ImportError: If matplotlib is not installed.
        ValueError: For no networks, a language other than French or English, an
            unknown *align*, or a network with nothing to draw.
        TypeError: If *networks* holds something that is not a `Network`.

    Examples:
        >>> from reseau_coop import default_network, loads
        >>> other = loads(
        ...     '{"format": 1, "name": {"en": "Other"}, "languages": ["en"], '
        ...     '"snapshots": [{"year": 2010, "members": 20}, {"year": 2020, "members": 30}]}'
        ... )
        >>> ax = comparison_chart([default_network(), other], lang="en")
        >>> ax.get_title(), [t.get_text() for t in ax.get_legend().get_texts()][:2]
        ('Membership, 2007–2022', ['Réseau COOP: ×7.1 in 15 years', 'Other: ×1.5 in 10 years'])

    """
    import_matplotlib()
    from matplotlib.figure import Figure

    chosen = _network_list(networks)
    language = resolve(lang, chosen[0].languages[0], who="comparison_chart")
    _check_align(align)
    if ax is None:
        figure = Figure(figsize=(10, 5.6), layout="constrained")
        ax = figure.add_subplot()
    found = _found_limits(ax)
    label_words = words(language)
    firsts, lasts, rights = [], [], []
    for network in chosen:
        style = _Style(
            colour=_next_colour(ax),
            marker=_next_marker(ax),
            label=_with_growth(network, language),
            shift=_shift(network, align),
            name=network.name.pick(language),
        )
        first, last, right = _draw(ax, network, language, style, phases=phases, full=False)
        firsts.append(first - style.shift)
        lasts.append(last)
        rights.append(right)
    if align == "start":
        title = label_words["chart_compare_start"]
    else:
        title = label_words["chart_compare"].format(first=min(firsts), last=max(lasts))
    _decorate(ax, language, title, align)
    ax.set_xlim(min(firsts) - 0.5, max(rights))
    ax.set_ylim(0, _top(chosen) * 1.3)
    _keep(ax, found)
    _draw_source(ax, language)
    _make_headroom(ax)
    _legend(ax, chosen, label_words, colour=GREY, milestone=None, named=True, outside=False)
    return ax


def _network_list(networks: object) -> list[Network]:
    """*networks* as a list, each checked; a clear error for none or for what is not one."""
    if isinstance(networks, Network) or not isinstance(networks, Iterable):
        msg = f"networks must be an iterable of Network, got {type(networks).__name__}"
        raise TypeError(msg)
    chosen = list(networks)
    for index, network in enumerate(chosen):
        if not isinstance(network, Network):
            msg = f"networks[{index}]: expected a Network, got {type(network).__name__}"
            raise TypeError(msg)
    if not chosen:
        msg = "comparison_chart needs at least one network to draw"
        raise ValueError(msg)
    return chosen


@attrs.frozen
class _Style:
    """How one network is drawn: its colour, marker, legend label, x shift and plain name."""

    colour: str
    marker: str
    label: str
    shift: int
    name: str  # what the source line calls the network, among several


def _check_align(align: object) -> None:
    if align not in {"calendar", "start"}:
        msg = f"align must be 'calendar' or 'start', got {align!r}"
        raise ValueError(msg)


def _shift(network: Network, align: Align) -> int:
    """What is taken from each year on the x axis: 0, or the year the network starts."""
    if align == "calendar":
        return 0
    if network.snapshots:
        return network.snapshots[0].year
    return _span(network)[0]


def _top(networks: Sequence[Network]) -> int:
    """The largest count; a network of zeros still has a scale."""
    return max([1, *(s.members for n in networks for s in n.snapshots)])


def _holds_something(ax: Axes) -> bool:
    """Whether *ax* holds a chart already: data, limits set by hand, a title or a legend."""
    return bool(
        ax.has_data()
        or not ax.get_autoscalex_on()
        or not ax.get_autoscaley_on()
        or ax.get_title()
        or ax.get_legend() is not None
    )


def _found_limits(ax: Axes) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """The x and y limits *ax* has that must be kept: those of its data or set by hand."""
    data = ax.has_data()
    x = ax.get_xlim() if data or not ax.get_autoscalex_on() else None
    y = ax.get_ylim() if data or not ax.get_autoscaley_on() else None
    return x, y


def _keep(ax: Axes, found: tuple[tuple[float, float] | None, tuple[float, float] | None]) -> None:
    """Widen *ax*'s limits to take in those *found* before drawing: never narrower."""
    for old, get, put in (
        (found[0], ax.get_xlim, ax.set_xlim),
        (found[1], ax.get_ylim, ax.set_ylim),
    ):
        if old is None:
            continue
        new = get()
        low, high = min(*old, *new), max(*old, *new)
        put((high, low) if old[0] > old[1] else (low, high))


def _layers(ax: Axes) -> int:
    """How many networks are drawn on *ax* already."""
    return sum(str(line.get_gid() or "").startswith("series:") for line in ax.lines)


def _used_colours(ax: Axes) -> list[tuple[float, float, float]]:
    """The colours of the lines and markers on *ax* (not white: hollow markers' inside)."""
    from matplotlib.colors import to_rgb, to_rgba_array

    used = [to_rgb(line.get_color()) for line in ax.lines]
    for collection in ax.collections:
        for colours in (collection.get_facecolor(), collection.get_edgecolor()):
            used += [(r, g, b) for r, g, b, a in to_rgba_array(colours).tolist() if a > 0]
    return [c for c in used if c != (1.0, 1.0, 1.0)]


def _next_colour(ax: Axes) -> str:
    """
    The first colour of the axes' cycle that is not used on *ax*, nor close to one used.

    Close is within a quarter of the RGB cube's diagonal of a colour there (so a
    blue is not set beside a navy); when every colour of the cycle is taken, the
    first one not used exactly, and past that the cycle goes round again.
    """
    from matplotlib import rcParams
    from matplotlib.colors import to_hex, to_rgb

    cycle = [to_hex(c) for c in rcParams["axes.prop_cycle"].by_key().get("color", [COLOUR])]
    used = [*_used_colours(ax), to_rgb(MILESTONE)]
    far = [c for c in cycle if all(_distance(to_rgb(c), u) > _CLOSE for u in used)]
    free = [c for c in cycle if to_rgb(c) not in used]
    return (far or free or [cycle[_layers(ax) % len(cycle)]])[0]


def _distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


def _next_marker(ax: Axes) -> str:
    """The first marker of `MARKERS` that no network on *ax* has yet."""
    used = {str(line.get_gid()).split(":", 1)[1] for line in ax.lines if _is_series(line)}
    free = [m for m in MARKERS if m not in used]
    return free[0] if free else MARKERS[_layers(ax) % len(MARKERS)]


def _is_series(line: Line2D) -> bool:
    return str(line.get_gid() or "").startswith("series:")


def _draw(
    ax: Axes, network: Network, lang: str, style: _Style, *, phases: bool, full: bool
) -> tuple[int, int, float]:
    """
    Draw *network*'s line, markers and figures (and its phases): its span and right edge.

    *full* is the chart of one network: phase bands in their own colours with their
    labels at the top; otherwise the bands are light, in the network's colour.
    """
    first, last = _span(network)
    shift = style.shift
    right = last + 0.5 if all(p.end is not None for p in network.phases) else last + 1.5
    right -= shift
    if phases:
        _draw_phases(ax, network, lang, right, style, full=full)
    known = {p.key: p for p in network.phases}
    points = [(_x(s, known) - shift, s) for s in network.snapshots]
    (line,) = ax.plot(
        [x for x, _ in points],
        [s.members for _, s in points],
        color=style.colour,
        lw=2,
        zorder=3,
        label=style.label,
    )
    line.set_gid(f"series:{style.marker}")
    _SOURCES[line] = (style.name, _titles(network, lang))
    groups = {
        "snapshots:exact": [(x, s) for x, s in points if s.qualifier is Qualifier.EXACT],
        "snapshots:hedged": [(x, s) for x, s in points if s.qualifier is not Qualifier.EXACT],
    }
    for gid, group in groups.items():
        for dating, marker in ((Dating.YEAR, style.marker), (Dating.PHASE, "s")):
            chosen = [(x, s) for x, s in group if s.dating is dating]
            if not chosen:
                continue
            hedged = gid == "snapshots:hedged"
            collection = ax.scatter(
                [x for x, _ in chosen],
                [s.members for _, s in chosen],
                s=70,
                marker=marker,
                facecolors="white" if hedged else style.colour,
                edgecolors=style.colour,
                linewidths=2,
                zorder=4,
            )
            collection.set_gid(f"{gid}:{dating.value}")
    for x, snapshot in points:
        shown = hedge(integer(snapshot.members, lang), snapshot.qualifier)
        annotation = ax.annotate(
            shown,
            (x, snapshot.members),
            xytext=(0, 10),
            textcoords="offset points",
            ha="center",
            fontsize=10 if full else 8.5,
            color=style.colour,
            fontweight="bold",
            zorder=5,
        )
        _literal(annotation)
    return first, last, right


def _decorate(ax: Axes, lang: str, title: str, align: Align) -> None:
    """Title, axis labels and axis formats, each only where *ax* has none yet."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    label = words(lang)
    if not ax.get_title():
        _literal(ax.set_title(title, fontsize=13))
    if not ax.get_xlabel():
        _literal(ax.set_xlabel(label["year"] if align == "calendar" else label["years_since"]))
    if not ax.get_ylabel():
        _literal(ax.set_ylabel(label["members"]))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    # Counts on the axis are written as the text layer writes them (1 200 000, 1,200,000),
    # never in matplotlib's scientific offset (1e6).
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: integer(round(value), lang)))
    ax.spines[["top", "right"]].set_visible(False)


def _legend(
    ax: Axes,
    networks: Sequence[Network],
    words: dict[str, str],
    *,
    colour: str,
    milestone: str | None,
    named: bool,
    outside: bool,
) -> None:
    """
    One legend: the entries *ax* had, each network's line, then what the markers mean.

    Entries are never replaced: one whose text is there already is not added again.
    It goes where matplotlib finds room (`"best"`), unless *outside*; when it would
    cover a point or a figure's label there, it goes below the axes, outside them.
    """
    entries = _legend_entries(ax, named=named)
    for handle, text in _meanings(networks, words, colour, milestone):
        entries.setdefault(text, handle)
    legend = ax.legend(
        handles=list(entries.values()),
        labels=list(entries),
        loc="best",
        fontsize=_LEGEND_SIZE,
        frameon=True,
        framealpha=0.9,
    )
    for shown in legend.get_texts():
        _literal(shown)
    if outside or _covers_a_point(ax, legend):
        legend.set_loc("upper center")  # below the axes, clear of the year axis and its label
        legend.set_bbox_to_anchor((0.5, 0.0), transform=ax.transAxes)
        legend.borderaxespad = _depth(ax) / _LEGEND_SIZE
        _make_room(ax, legend)
        _make_headroom(ax)  # the axes may be shorter now: the data must stay under the labels


def _legend_entries(ax: Axes, *, named: bool) -> dict[str, Artist]:
    """Each network's line on *ax* (if *named*), then the entries of its legend, by text."""
    entries: dict[str, Artist] = {}
    if named:
        from matplotlib.lines import Line2D

        for line in ax.lines:
            if _is_series(line):  # the network's line with its marker, as drawn
                marker = str(line.get_gid()).split(":", 1)[1]
                shown = Line2D([], [], color=line.get_color(), lw=2, marker=marker, markersize=7)
                entries.setdefault(str(line.get_label()), shown)
    old = ax.get_legend()
    if old is not None:
        kept = zip(old.legend_handles, old.get_texts(), strict=False)
        for handle, text in [(h, t) for h, t in kept if h is not None]:
            entries.setdefault(text.get_text(), handle)
    return entries


def _meanings(
    networks: Sequence[Network], words: dict[str, str], colour: str, milestone: str | None
) -> list[tuple[Artist, str]]:
    """What the marker styles drawn mean: exact, hedged (hollow), dated by a phase, milestone."""
    from matplotlib.lines import Line2D

    snapshots = [s for n in networks for s in n.snapshots]
    out: list[tuple[Artist, str]] = [
        (Line2D([], [], color=colour, marker="o", lw=0, markersize=8), words["chart_exact"])
    ]
    if any(s.qualifier is not Qualifier.EXACT for s in snapshots):
        hollow = Line2D(
            [], [], color=colour, marker="o", lw=0, markersize=8, markerfacecolor="white",
            markeredgewidth=2,
        )  # fmt: skip
        out.append((hollow, words["chart_hedged"]))
    if any(s.dating is Dating.PHASE for s in snapshots):
        square = Line2D([], [], color=colour, marker="s", lw=0, markersize=8)
        out.append((square, words["chart_by_phase"]))
    if milestone is not None:
        diamond = Line2D([], [], color=MILESTONE, marker="D", lw=0, markersize=6)
        out.append((diamond, milestone))
    return out


def _points_on(ax: Axes) -> list[tuple[float, float]]:
    """Every data point drawn on *ax* (markers and line vertices), in display coordinates."""
    import numpy as np

    markers = [
        np.asarray(c.get_offsets(), dtype=float).reshape(-1, 2)
        for c in ax.collections
        if c.get_offset_transform() == ax.transData
    ]
    vertices = [
        np.asarray(line.get_xydata(), dtype=float).reshape(-1, 2)
        for line in ax.lines
        if line.get_transform() == ax.transData
    ]
    every = np.concatenate([np.empty((0, 2)), *markers, *vertices])
    return [(float(x), float(y)) for x, y in ax.transData.transform(every)]


def _covers_a_point(ax: Axes, legend: Legend) -> bool:
    """Whether *legend*, placed as it will be drawn, holds a point, line, count or phase name."""
    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101 - the axes were drawn into a figure
    from matplotlib.text import Annotation

    figure.draw_without_rendering()  # lays the figure out and places the legend ("best")
    box = legend.get_window_extent().padded(_MARGIN * figure.dpi / 72)
    labels = [t for t in ax.texts if isinstance(t, Annotation) and t.xycoords == "data"]
    labels += _phase_labels(ax)  # the phases' names, above the data
    lines = [line.get_transform().transform_path(line.get_path()) for line in ax.lines]
    return (
        any(box.contains(x, y) for x, y in _points_on(ax))
        or any(box.overlaps(t.get_window_extent()) for t in labels)
        or any(path.intersects_bbox(box, filled=False) for path in lines)
    )


def _make_room(ax: Axes, legend: Legend) -> None:
    """
    Make room for a legend below the axes: the figure's layout does, or the axes shrink.

    A figure with a layout engine (constrained or tight) makes room by itself when
    drawn; otherwise the axes' bottom is raised just enough for the legend to fit.
    """
    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101 - the axes were drawn into a figure
    if figure.get_layout_engine() is not None:
        return
    figure.draw_without_rendering()
    under = figure.bbox.y0 - legend.get_window_extent().y0 + _MARGIN * figure.dpi / 72
    box = ax.get_position()  # the axes' bottom rises by what the legend lacks, if anything
    rise = min(max(0.0, under) / figure.bbox.height, box.height * 0.8)
    ax.set_position((box.x0, box.y0 + rise, box.width, box.height - rise))


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


def _draw_phases(
    ax: Axes, network: Network, lang: str, right: float, style: _Style, *, full: bool
) -> None:
    """
    One shaded, labelled band per phase; one line per boundary year two phases share.

    On a chart of one network (*full*) each band has its own colour; among several,
    the bands are light, in the network's colour. The labels stand in a row a fixed
    number of points under the axes' top, under the rows of the networks drawn before,
    so that no two networks' labels fall on each other (`_make_headroom` then keeps
    the data under them all).
    """
    from matplotlib.transforms import blended_transform_factory

    upper = blended_transform_factory(ax.transData, ax.transAxes)
    shift = style.shift
    below = _next_row(ax)
    for index, phase in enumerate(network.phases):
        start = phase.start - shift
        end = right if phase.end is None else phase.end - shift
        colour = BANDS[index % len(BANDS)] if full else style.colour
        band = ax.axvspan(start, end, color=colour, alpha=0.18 if full else 0.07, lw=0)
        band.set_gid(f"phase:{phase.key}")
        name = phase.name.pick(lang)
        if len(name) > 14 and " " in name and full:
            head, tail = name.split(" ", 1)
            name = f"{head}\n{tail}"
        text = f"{name}\n{phase.span}" if full else f"{name} {phase.span}"
        label = ax.annotate(
            text, ((start + end) / 2, 1), xycoords=upper, xytext=(0, -below),
            textcoords="offset points", ha="center", va="top",
            fontsize=8.5 if full else 7.5, color="#333333" if full else style.colour,
        )  # fmt: skip
        _literal(label)
        label.set_gid(f"phase-label:{phase.key}")
    for before, after in zip(network.phases, network.phases[1:], strict=False):
        if before.end is not None and before.end == after.start:
            line = ax.axvline(
                before.end - shift, color="#777777" if full else style.colour, lw=1, ls=":",
                zorder=1,
            )  # fmt: skip
            line.set_gid(f"boundary:{before.end}")


def _draw_milestones(ax: Axes, network: Network, lang: str, shift: int) -> None:
    """A diamond on the year axis per milestone, with its name (and * if its year is inferred)."""
    for milestone in network.milestones:
        year = milestone.year - shift
        marker = ax.scatter([year], [0], marker="D", s=40, color=MILESTONE, zorder=6, clip_on=False)
        marker.set_gid(f"milestone:{milestone.key}")
        name = milestone.name.pick(lang) + ("*" if milestone.is_inferred("year") else "")
        label = ax.annotate(
            name, (year, 0), xytext=(6, 5), textcoords="offset points", ha="left",
            va="bottom", fontsize=8, color=MILESTONE, zorder=6,
        )  # fmt: skip
        _literal(label)
        label.set_gid(f"milestone-label:{milestone.key}")


def _growth_text(network: Network, lang: str) -> str | None:
    """
    The whole history's growth, short: "≈ ×7,1 en 15 ans", "stable sur 1 an"; or `None`.

    When an end is dated only by its phase, the years are a convention and no
    duration is claimed: "×2,9 en 2012–2022 (années par convention)".
    """
    if len(network.snapshots) < 2:
        return None
    whole = growth(network)
    if whole.ratio is None or whole.years == 0:
        return None
    start, end = whole.start.members, whole.end.members
    years = duration(whole.years, lang)
    if whole.dating is Dating.PHASE:  # an end's year is a convention: no duration
        years = words(lang)["chart_convention"].format(start=whole.start.year, end=whole.end.year)
    if start == end:
        text = words(lang)["chart_steady"].format(years=years)
    else:
        text = words(lang)["chart_growth"].format(ratio=multiplier(end, start, lang), years=years)
    return hedge(text, whole.qualifier)


def _with_growth(network: Network, lang: str) -> str:
    """The network's name in *lang*, with its whole history's growth (or that it has no count)."""
    name = network.name.pick(lang)
    text = _growth_text(network, lang) if network.snapshots else words(lang)["chart_no_counts"]
    return name if text is None else f"{name}{colon(lang)} {text}"


def _draw_growth(ax: Axes, network: Network, lang: str, style: _Style) -> None:
    """Write the whole history's growth on the chart: "×7,1 en 15 ans", "stable sur 1 an"."""
    text = _growth_text(network, lang)
    if text is None:
        return
    note = ax.annotate(
        text, (0.03, 0.66), xycoords="axes fraction", ha="left",
        va="center", fontsize=15, fontweight="bold", color=style.colour,
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": style.colour},
    )  # fmt: skip
    _literal(note)
    note.set_gid("growth")


def _titles(network: Network, lang: str) -> tuple[str, ...]:
    """The titles of *network*'s sources in *lang*, as the source line writes them."""
    label = words(lang)
    titles = []
    for source in network.sources:
        title = source.title.pick(lang)
        title = quoted(title, lang) if lang == "fr" else title
        if source.part is not None and source.parts is not None:
            title += f", {label['article']} {source.part}/{source.parts}"
        titles.append(title)
    return tuple(titles)


def _source_text(ax: Axes, lang: str) -> str:
    """
    The source line of the networks on *ax*: "Source : « … »", or "" when none has a source.

    Among several networks, each one's titles follow its name ("Sources: A — t1; B —
    t2 / t3"); a network with no source is not named.
    """
    drawn = [_SOURCES[line] for line in ax.lines if line in _SOURCES]
    several = len(drawn) > 1
    groups = [
        f"{name} — {' / '.join(titles)}" if several else f"{semicolon(lang)} ".join(titles)
        for name, titles in drawn
        if titles
    ]
    head = words(lang)["source" if sum(len(t) for _, t in drawn) == 1 else "chart_sources"]
    return f"{head}{colon(lang)} {f'{semicolon(lang)} '.join(groups)}" if groups else ""


def _draw_source(ax: Axes, lang: str) -> None:
    """
    Write the source line under *ax*'s year axis, in place of the one it had.

    The line wraps at the figure's right edge, so a long one stays in the figure.
    """
    for old in [t for t in ax.texts if t.get_gid() == "source"]:
        old.remove()
    text = _source_text(ax, lang)
    if not text:
        return
    from matplotlib import cbook

    # matplotlib measures a line it wraps as mathtext if it looks like some ("$5 or $6"),
    # whatever `parse_math` says, and fails on it: such a line is cut here instead, in
    # columns of the figure's width at about 0.6 em a character.
    math_like = cbook.is_math_text(text)
    if math_like:
        figure = ax.get_figure(root=True)
        assert figure is not None  # noqa: S101 - the axes were drawn into a figure
        columns = int(figure.get_figwidth() * 72 / (8 * 0.62)) - 12
        text = "\n".join(wrap(text, "", width=columns))
    note = ax.annotate(
        text, (0, 0), xycoords="axes fraction", xytext=(0, -42), textcoords="offset points",
        ha="left", va="top", fontsize=8, color="#555555", wrap=not math_like,
    )  # fmt: skip
    _literal(note)
    note.set_gid("source")


def _phase_labels(ax: Axes) -> list[Annotation]:
    """The phases' names on *ax*, in rows under its top."""
    from matplotlib.text import Annotation

    return [
        t
        for t in ax.texts
        if isinstance(t, Annotation) and str(t.get_gid() or "").startswith("phase-label:")
    ]


def _next_row(ax: Axes) -> float:
    """How far under *ax*'s top, in points, a new row of phase labels goes: under those there."""
    return max(
        [
            _TOP,
            *(
                -t.xyann[1]
                + (t.get_text().count("\n") + 1) * t.get_fontproperties().get_size_in_points() * 1.2
                + _GAP
                for t in _phase_labels(ax)
            ),
        ]
    )


def _make_headroom(ax: Axes) -> None:
    """
    Raise the far end of *ax*'s y axis until the data stands under the phase labels.

    The labels stand a fixed number of points under the axes' top; each point (with
    the reach of its marker) and each count written over one must end lower, by a
    margin. The axis only ever grows, as `_keep` grows it; an axes too short to hold
    both keeps the data on at least a tenth of its height.
    """
    labels = _phase_labels(ax)
    if not labels:
        return
    from matplotlib.text import Annotation

    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101 - the axes were drawn into a figure
    figure.draw_without_rendering()
    box, points = ax.bbox, figure.dpi / 72
    floor = min(t.get_window_extent().y0 for t in labels) - _MARGIN * points
    # What must stay under the floor: each anchor's height in the axes, and what stands over it.
    reach = [
        ((y - box.y0) / box.height, _REACH * points)
        for x, y in _points_on(ax)
        if box.contains(x, y)
    ]
    counts = [
        (ax.transData.transform(t.xy), t.get_window_extent().y1)
        for t in ax.texts
        if isinstance(t, Annotation) and t.xycoords == "data"
    ]
    reach += [((y - box.y0) / box.height, top - y) for (x, y), top in counts if box.contains(x, y)]
    # Stretching the y span by k brings an anchor at height f down to f / k.
    stretch = max([1.0, *(f / max((floor - over - box.y0) / box.height, 0.1) for f, over in reach)])
    if stretch > 1:
        scale = ax.yaxis.get_transform()
        low, high = scale.transform(ax.get_ylim())
        top = scale.inverted().transform([low + stretch * (high - low)])[0]
        ax.set_ylim(ax.get_ylim()[0], float(top))


def _depth(ax: Axes) -> float:
    """How far under *ax*, in points, its year axis and source line reach, with a margin."""
    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101 - the axes were drawn into a figure
    figure.draw_without_rendering()
    source = [t.get_window_extent() for t in ax.texts if t.get_gid() == "source"]
    parts = [ax.bbox, ax.xaxis.get_tightbbox(), *source]
    lowest = min(b.y0 for b in parts if b is not None)
    return float(ax.bbox.y0 - lowest) * 72 / figure.dpi + _MARGIN
