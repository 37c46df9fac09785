"""
A network's history as a document: plain text, Markdown or one self-contained HTML page.

The three formats show the same content, built once as sections of paragraphs,
lists and tables (`_document`); each format only writes them out. Text from the
data is shown as the data spell it (escaped for the format, never reworded); the
library's own words come from `_text`.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from typing import Final, Literal, TypeAlias

import attrs

from ._metrics import growth, phase_end_snapshot, phase_growth
from ._model import (
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Source,
)
from ._output import visible
from ._render import (
    WIDTH,
    dating,
    figure,
    hedged,
    mark,
    share_mark,
    share_text,
    shows_inferred,
    source_title,
    summary_lines,
)
from ._text import colon, quoted, resolve, words
from ._words import describe_growth

ReportFormat: TypeAlias = Literal["text", "markdown", "html"]
"""The formats `render` writes."""
REPORT_FORMATS: Final[tuple[ReportFormat, ...]] = ("text", "markdown", "html")
MIN_WIDTH: Final = 40
"""The narrowest text `render` cuts lines to."""


class _Mark:
    """The mark beside an inferred value (a `*`), written as each format writes it."""

    def __repr__(self) -> str:
        return "MARK"


MARK: Final = _Mark()
Fragment: TypeAlias = "str | _Mark"
Cell: TypeAlias = tuple[Fragment, ...]


@attrs.frozen
class Table:
    """A table: its caption, column headings, the columns of numbers, and its rows."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()

    def trimmed(self) -> Table:
        """The table without the columns (but the first) that are empty in every row."""
        keep = [
            i for i in range(len(self.headers)) if i == 0 or any(_filled(r[i]) for r in self.rows)
        ]
        return Table(
            self.caption,
            tuple(self.headers[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in self.rows),
            frozenset(keep.index(i) for i in self.numeric if i in keep),
        )


def _filled(cell: Cell) -> bool:
    return any(part is MARK or str(part).strip() for part in cell)


@attrs.frozen
class Section:
    """A section: a heading, then paragraphs, a list, tables and subsections, in that order."""

    key: str
    title: str
    paragraphs: tuple[Cell, ...] = ()
    items: tuple[Cell, ...] = ()
    tables: tuple[Table, ...] = ()
    subsections: tuple[Section, ...] = ()
    chart: bool = False


@attrs.frozen
class Document:
    """A whole report: title, the lines under it, and its sections."""

    lang: str
    title: str
    intro: tuple[Cell, ...]
    sections: tuple[Section, ...]


# ---------------------------------------------------------------- content


def _t(value: LocalizedText | None, lang: str) -> str:
    return "" if value is None else value.pick(lang)


def _marked(
    text: str, record: Phase | Service | MembershipSnapshot | Milestone, *names: str
) -> Cell:
    return (text, MARK) if mark(record, *names) else (text,)


def _span_cell(phase: Phase) -> Cell:
    """A phase's span with a mark beside each inferred year."""
    end: Cell = () if phase.end is None else _marked(str(phase.end), phase, "end")
    return (*_marked(str(phase.start), phase, "start"), "–", *end)


def document(network: Network, lang: str) -> Document:
    """The content of the report on *network*, in *lang*."""
    label = words(lang)
    intro: list[Cell] = [
        (f"{label['source']}{colon(lang)} {source_title(s, lang)}",) for s in network.sources
    ]
    if network.description is not None:
        intro.append((_t(network.description, lang),))
    sections = [
        _growth_section(network, lang),
        _membership_section(network, lang),
        _phases_section(network, lang),
        _milestones_section(network, lang),
        _services_section(network, lang),
        _sources_section(network, lang),
        _legend_section(network, lang),
    ]
    return Document(
        lang=lang,
        title=_t(network.name, lang),
        intro=tuple(intro),
        sections=tuple(s for s in sections if s is not None),
    )


def _growth_section(network: Network, lang: str) -> Section | None:
    if len(network.snapshots) < 2:
        return None
    label = words(lang)
    steps = tuple((describe_growth(g, lang),) for g in phase_growth(network))
    return Section(
        "growth",
        label["growth"],
        paragraphs=((describe_growth(growth(network), lang),),),
        items=steps,
    )


def _share_cell(snapshot: MembershipSnapshot, lang: str) -> Cell:
    if snapshot.share is None:
        return ("",)
    text = share_text(snapshot.share, lang)
    return (text, MARK) if share_mark(snapshot) else (text,)


def _membership_section(network: Network, lang: str) -> Section | None:
    if not network.snapshots:
        return None
    label = words(lang)
    phases = {p.key: p for p in network.phases}
    rows = tuple(
        (
            _marked(str(s.year), s, "year"),
            _marked(figure(s, lang), s, "members"),
            (dating(s, phases, lang) or label["by_year"],),
            _share_cell(s, lang),
        )
        for s in network.snapshots
    )
    first, last = network.snapshots[0].year, network.snapshots[-1].year
    caption = label["membership_caption"].format(first=first, last=last)
    table = Table(
        caption,
        (label["year"], label["members"], label["dating"], label["share"]),
        rows,
        numeric=frozenset({0, 1}),
    )
    return Section("membership", label["membership"], tables=(table,), chart=True)


def _phases_section(network: Network, lang: str) -> Section | None:
    if not network.phases:
        return None
    label = words(lang)
    rows = []
    for p in network.phases:
        end = phase_end_snapshot(network.snapshots, p)
        members = (label["none"],) if end is None else _marked(figure(end, lang), end, "members")
        rows.append(
            (
                _span_cell(p),
                _marked(_t(p.name, lang), p, "name"),
                members,
                (_t(p.summary, lang),),
            )
        )
    table = Table(
        label["phases"],
        (label["years"], label["phase"], label["members_end"], label["summary"]),
        tuple(rows),
        numeric=frozenset({0, 2}),
    )
    return Section("phases", label["phases"], tables=(table,))


def _milestones_section(network: Network, lang: str) -> Section | None:
    if not network.milestones:
        return None
    label = words(lang)
    rows = tuple(
        (
            _marked(str(m.year), m, "year"),
            _marked(_t(m.name, lang), m, "name"),
            _marked(_t(m.description, lang), m, "description") if m.description else ("",),
        )
        for m in network.milestones
    )
    table = Table(
        label["milestones"],
        (label["year"], label["milestone"], label["description"]),
        rows,
        numeric=frozenset({0}),
    )
    return Section("milestones", label["milestones"], tables=(table,))


def _services_section(network: Network, lang: str) -> Section | None:
    if not network.services:
        return None
    label = words(lang)
    phases = {p.key: p for p in network.phases}
    rows = []
    for s in network.services:
        phase = None if s.introduced is None else phases.get(s.introduced)
        start: Cell = (label["no_date"],)
        if phase is not None:
            start = _marked(f"{phase.span} ({_t(phase.name, lang)})", s, "introduced")
        rows.append(
            (
                _marked(_t(s.name, lang), s, "name"),
                _marked(_t(s.scope, lang), s, "scope") if s.scope is not None else ("",),
                start,
                (label["yes"] if s.flagship else "",),
                _marked(_t(s.description, lang), s, "description") if s.description else ("",),
            )
        )
    table = Table(
        label["services"],
        (label["service"], label["scope"], label["since_col"], label["flagship_col"],
         label["description"]),
        tuple(rows),
    )  # fmt: skip
    return Section("services", label["services"], tables=(table,))


def _quoted_records(
    network: Network, lang: str
) -> Iterator[tuple[str | None, Cell, str | None, str]]:
    """Each record with a quote or a note: its source, what it is, its quote and its note."""
    label = words(lang)
    for p in network.phases:
        yield p.source, (f"{_t(p.name, lang)} ({p.span})",), p.quote, _t(p.note, lang)
    for m in network.milestones:
        yield (
            m.source,
            (*_marked(f"{_t(m.name, lang)}, {m.year}", m, "year"),),
            m.quote,
            _t(m.note, lang),
        )
    for s in network.services:
        yield s.source, (_t(s.name, lang),), s.quote, _t(s.note, lang)
    for n in network.snapshots:
        what = (f"{label['membership']} ", *_marked(str(n.year), n, "year"), f", {figure(n, lang)}")
        yield n.source, what, n.quote, _t(n.note, lang)
        if n.share is not None:
            share = (f"{label['membership']} {n.year}, ", *_share_cell(n, lang))
            yield n.source, share, n.share.quote, _t(n.share.note, lang)


def _sources_section(network: Network, lang: str) -> Section | None:
    label = words(lang)
    found = [r for r in _quoted_records(network, lang) if r[2] is not None or r[3]]
    keys = [s.key for s in network.sources]
    groups: list[tuple[str, Source | None]] = [(s.key, s) for s in network.sources]
    if any(r[0] not in keys for r in found):
        groups.append(("", None))
    subsections: list[Section] = []
    for key, source in groups:
        rows = tuple(
            (what, (quoted(quote, lang),) if quote is not None else ("",), (note,))
            for where, what, quote, note in found
            if (where if where in keys else "") == key
        )
        paragraphs: list[Cell] = []
        if source is not None:
            if source.url is not None:
                paragraphs.append((f"{label['address']}{colon(lang)} {source.url}",))
            if source.references:
                refs = ", ".join(source.references)
                paragraphs.append((f"{label['references']}{colon(lang)} {refs}",))
            if source.note is not None:
                paragraphs.append((_t(source.note, lang),))
        title = label["unsourced"] if source is None else source_title(source, lang)
        table = Table(title, (label["about"], label["quote"], label["note"]), rows)
        subsections.append(
            Section(
                f"source-{len(subsections) + 1}",
                title,
                paragraphs=tuple(paragraphs),
                tables=(table,) if rows else (),
            )
        )
    if not subsections:
        return None
    return Section("sources", label["sources"], subsections=tuple(subsections))


def _legend_section(network: Network, lang: str) -> Section | None:
    label = words(lang)
    lines: list[Cell] = []
    if hedged(network):
        lines.append((label["legend"],))
    if shows_inferred(network, service_descriptions=True):
        lines.append((MARK, label["inferred_legend"].removeprefix("*")))
    return Section("legend", label["legend_title"], paragraphs=tuple(lines)) if lines else None


# ---------------------------------------------------------------- render


def render(
    network: Network,
    lang: str | None = None,
    *,
    format: ReportFormat = "text",  # noqa: A002 - the word users know, as in str.format
    width: int = WIDTH,
) -> str:
    """
    The network's history as a document: plain text, Markdown or an HTML page.

    - `"text"`: exactly what the `reseau-coop` command prints (its summary), lines
      cut to *width* columns (tables keep their columns).
    - `"markdown"`: headings, tables and the growth sentences, for READMEs and
      reports.
    - `"html"`: one self-contained, accessible HTML5 page (`<html lang="…">`, its
      styles inline, nothing loaded from elsewhere: it works offline and prints
      well), with the membership chart drawn inline as SVG when the `plot` extra
      (matplotlib) is installed, and always the tables of the figures, phases,
      milestones, services and sources with their quotes.

    Every format shows each figure with its hedge (`≈ 35`), marks each value the
    source does not state but that is inferred (`2007*`) and explains both in a
    legend. Text from the data is shown as the data spell it (escaped for the
    format, control characters made visible as in the command).

    Args:
        network: The network.
        lang: `"fr"` or `"en"` (a regional tag such as `"fr-CA"` is read as its
            language); by default the network's first language (English when the
            library does not speak it).
        format: `"text"`, `"markdown"` or `"html"`.
        width: The columns plain text is cut to (40 or more); the other formats
            leave wrapping to their reader.

    Raises:
        ValueError: For another format, a width under 40, or a language other than
            French or English.

    Examples:
        >>> from reseau_coop import default_network, render
        >>> print(render(default_network(), "en").splitlines()[-1])
        * inferred from the source, which does not state it
        >>> print(render(default_network(), "en", format="markdown").splitlines()[0])
        # Réseau COOP
        >>> render(default_network(), "fr", format="html").startswith("<!DOCTYPE html>")
        True

    Added in version 0.1.

    """
    language = resolve(lang, network.languages[0], who="render")
    if format not in REPORT_FORMATS:
        msg = f"render writes {list(REPORT_FORMATS)}, not {format!r}"
        raise ValueError(msg)
    if isinstance(width, bool) or not isinstance(width, int) or width < MIN_WIDTH:
        msg = f"render cuts text to {MIN_WIDTH} columns or more, not {width!r}"
        raise ValueError(msg)
    if format == "text":
        return "".join(
            visible(line) + "\n" for line in summary_lines(network, language, width=width)
        )
    content = document(network, language)
    if format == "markdown":
        return markdown(content)
    return page(content, _chart_svg(network, language))


# ---------------------------------------------------------------- Markdown

_MD_SPACES: Final = re.compile(r"[ \t\n\r\f\v]+")  # ASCII only: no-break spaces are kept
_MD_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#~&])")
_MD_LINE_START: Final = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def _md(text: str) -> str:
    """Data or words as Markdown that shows them as written: one line, specials escaped."""
    flat = visible(_MD_SPACES.sub(" ", text))
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\", escaped, count=1)


def _md_cell(cell: Cell) -> str:
    return "".join("\\*" if part is MARK else _md(str(part)) for part in cell).strip()


def markdown(content: Document) -> str:
    """*content* as Markdown (CommonMark with tables, as GitHub and MkDocs read it)."""
    out = io.StringIO()
    out.write(f"# {_md(content.title)}\n")
    for cell in content.intro:
        out.write(f"\n{_md_cell(cell)}\n")
    for section in content.sections:
        _md_section(out, section, 2)
    return out.getvalue()


def _md_section(out: io.StringIO, section: Section, level: int) -> None:
    out.write(f"\n{'#' * level} {_md(section.title)}\n")
    out.writelines(f"\n{_md_cell(cell)}\n" for cell in section.paragraphs)
    if section.items:
        out.write("\n")
        out.writelines(f"- {_md_cell(cell)}\n" for cell in section.items)
    for table in (t.trimmed() for t in section.tables):
        out.write("\n| " + " | ".join(_md(h) for h in table.headers) + " |\n")
        rules = ("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
        out.write("| " + " | ".join(rules) + " |\n")
        out.writelines(
            "| " + " | ".join(_md_cell(cell) for cell in row) + " |\n" for row in table.rows
        )
    for sub in section.subsections:
        _md_section(out, sub, level + 1)


# ---------------------------------------------------------------- HTML

# Control characters cannot be written in HTML: shown as escapes, as the command does.
_HTML_CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

STYLE: Final = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --accent: #1b4f72;
  --rule: #c9d1d9; --tint: #f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  sans-serif; }
header, main, footer { max-width: 54rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p, li { overflow-wrap: break-word; }
.intro { color: var(--muted); margin: .3rem 0; }
.headline { font-size: 1.25rem; font-weight: 600; color: var(--accent); }
figure { margin: 1rem 0; }
.chart { overflow-x: auto; }
.chart svg { display: block; width: 100%; min-width: 34rem; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
.table { overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); background: var(--tint); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
abbr.mark { text-decoration: none; color: var(--accent); font-weight: 700; cursor: help; }
footer { margin-top: 2.5rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  .table table, .table tbody, .table tr, .table th, .table td { display: block; width: auto; }
  .table thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); }
  .table tr { border-bottom: 1px solid var(--rule); padding: .4rem 0; }
  .table th, .table td { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  .table td:empty { display: none; }
  .table td[data-label]::before { content: attr(data-label) "\\a0: "; font-weight: 600;
    color: var(--muted); }
  .table td[data-label]:lang(en)::before { content: attr(data-label) ": "; }
}
@page { margin: 1.6cm 1.4cm; }
@media print {
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .table, .chart { overflow: visible; }
  .chart svg { min-width: 0; }
  thead th { background: none; }
}
"""


def _h(text: str) -> str:
    """Data or words as HTML text: escaped, control characters shown as escapes."""
    return html.escape(_HTML_CONTROLS.sub(lambda m: visible(m.group()), text), quote=True)


def _h_cell(cell: Cell, lang: str) -> str:
    title = _h(words(lang)["inferred_legend"].removeprefix("* "))
    return "".join(
        f'<abbr class="mark" title="{title}">*</abbr>' if part is MARK else _h(str(part))
        for part in cell
    )


def page(content: Document, chart: str | None) -> str:
    """*content* as one self-contained HTML5 page, with *chart* (inline SVG) if given."""
    lang = content.lang
    out = io.StringIO()
    out.write(
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(content.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_h(content.title)}</h1>\n"
    )
    for cell in content.intro:
        out.write(f'<p class="intro">{_h_cell(cell, lang)}</p>\n')
    out.write("</header>\n<main>\n")
    for section in content.sections:
        if section.key != "legend":
            _h_section(out, section, 2, lang, chart)
    out.write("</main>\n")
    legend = [s for s in content.sections if s.key == "legend"]
    if legend:
        out.write(f'<footer>\n<h2 id="legend">{_h(legend[0].title)}</h2>\n')
        for cell in legend[0].paragraphs:
            out.write(f"<p>{_h_cell(cell, lang)}</p>\n")
        out.write("</footer>\n")
    out.write("</body>\n</html>\n")
    return out.getvalue()


def _h_section(
    out: io.StringIO, section: Section, level: int, lang: str, chart: str | None
) -> None:
    heading = f"h-{section.key}"
    out.write(f'<section aria-labelledby="{heading}">\n')
    out.write(f'<h{level} id="{heading}">{_h(section.title)}</h{level}>\n')
    for index, cell in enumerate(section.paragraphs):
        css = ' class="headline"' if section.key == "growth" and index == 0 else ""
        out.write(f"<p{css}>{_h_cell(cell, lang)}</p>\n")
    if section.items:
        out.write("<ul>\n")
        for cell in section.items:
            out.write(f"<li>{_h_cell(cell, lang)}</li>\n")
        out.write("</ul>\n")
    if section.chart and chart is not None:
        caption = _h(words(lang)["chart_caption"])
        out.write(f'<figure>\n<div class="chart">\n{chart}\n</div>\n')
        out.write(f'<figcaption id="chart-caption">{caption}</figcaption>\n</figure>\n')
    for table in section.tables:
        _h_table(out, table.trimmed(), lang, hide_caption=table.caption == section.title)
    for sub in section.subsections:
        _h_section(out, sub, level + 1, lang, None)
    out.write("</section>\n")


def _h_table(out: io.StringIO, table: Table, lang: str, *, hide_caption: bool) -> None:
    def css(index: int) -> str:
        return ' class="num"' if index in table.numeric else ""

    hidden = ' class="visually-hidden"' if hide_caption else ""
    out.write(f'<div class="table">\n<table>\n<caption{hidden}>{_h(table.caption)}</caption>\n')
    out.write("<thead><tr>")
    out.writelines(
        f'<th scope="col"{css(index)}>{_h(header)}</th>'
        for index, header in enumerate(table.headers)
    )
    out.write("</tr></thead>\n<tbody>\n")
    for row in table.rows:
        out.write("<tr>")
        for index, cell in enumerate(row):
            tag = (
                '<th scope="row"' if index == 0 else f'<td data-label="{_h(table.headers[index])}"'
            )
            end = "</th>" if index == 0 else "</td>"
            out.write(f"{tag}{css(index)}>{_h_cell(cell, lang)}{end}")
        out.write("</tr>\n")
    out.write("</tbody>\n</table>\n</div>\n")


# ---------------------------------------------------------------- the chart, as SVG

_SVG_START: Final = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SVG_METADATA: Final = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def _chart_svg(network: Network, lang: str) -> str | None:
    """The membership chart as inline SVG, or `None` without matplotlib or anything to draw."""
    try:
        import matplotlib as mpl
    except ImportError:  # no matplotlib: the page without its chart
        return None
    if not network.snapshots and not network.phases:
        return None
    from matplotlib.figure import Figure

    from ._plot import membership_chart

    image = io.BytesIO()
    # A fixed salt makes the SVG's ids, and so the page, the same at every run; glyphs
    # are drawn as paths, so no font is loaded.
    with mpl.rc_context({"svg.hashsalt": "reseau-coop", "svg.fonttype": "path"}):
        figure = Figure(figsize=(8, 5), layout="constrained")
        membership_chart(network, lang=lang, ax=figure.add_subplot())
        figure.savefig(image, format="svg", metadata={"Date": None, "Creator": None})
    svg = image.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg") :]
    svg = _SVG_METADATA.sub("", svg, count=1)
    title = _h(words(lang)["chart_alt"])

    def opening(match: re.Match[str]) -> str:
        tag = re.sub(r'\s(width|height)="[^"]*"', "", match.group())
        tag = tag.replace("<svg", '<svg role="img" aria-labelledby="chart-title chart-caption"', 1)
        return f'{tag}\n<title id="chart-title">{title}</title>'

    return _SVG_START.sub(opening, svg, count=1).strip()
