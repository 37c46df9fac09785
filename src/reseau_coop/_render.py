"""
What the command shows, as text lines or JSON-ready data, from plain values.

Nothing here knows about argparse or the standard streams: each function takes a
network (or a growth, a phase, a validation report) and a language, and returns
lines for people or data for machines. The command writes what these return.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from ._claims import ClaimCheck, verdict_word
from ._compare import ComparisonRow, compare
from ._errors import Problem
from ._lookup import phases_at
from ._metrics import Estimate, Growth, growth, phase_end_snapshot, phase_growth
from ._model import (
    Dating,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Service,
    Share,
    Source,
)
from ._output import visible
from ._text import (
    QUALIFIER_WORDS,
    colon,
    count,
    duration,
    hedge,
    percent,
    resolve,
    semicolon,
    words,
)
from ._words import describe_growth, growth_figures

WIDTH: Final = 80
"""The columns text is cut to, by default."""
INFERRED: Final = "*"
"""The mark beside a value the source does not state but that is inferred from it."""


@attrs.frozen
class FileReport:
    """What `validate` found in one file: its name as shown, and its problems."""

    file: str
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the file has no problem."""
        return not self.problems


# ---------------------------------------------------------------- pieces


def _text(value: LocalizedText | None, lang: str) -> str:
    return "" if value is None else value.pick(lang)


def figure(snapshot: MembershipSnapshot | Estimate, lang: str) -> str:
    """A snapshot's (or an estimate's) count with its hedge sign: `≈ 35`, `≈ 26,6`."""
    return hedge(count(snapshot.members, lang), snapshot.qualifier)


def mark(record: Phase | Service | MembershipSnapshot | Milestone | Share, *names: str) -> str:
    """`*` when the source does not state one of the fields *names* of *record*, else `""`."""
    return INFERRED if any(record.is_inferred(name) for name in names) else ""


def share_mark(snapshot: MembershipSnapshot) -> str:
    """
    `*` when *snapshot*'s share is inferred: tied to the snapshot's year, or a value of its own.

    Examples:
        >>> from reseau_coop import default_network
        >>> share_mark(default_network().snapshots[-1])
        '*'

    """
    share = snapshot.share
    if share is None:
        return ""
    return mark(snapshot, "share") or mark(share, "value", "of", "qualifier")


def since(service: Service, phases: dict[str, Phase], lang: str) -> str:
    """
    When *service* began, as a phrase: "depuis 2007–2012 (Phase d’expérimentation)".

    The phase is named by its span, and its name follows as written, in
    parentheses, so the phrase needs no article and reads well for any name. A
    service whose phase is not known is "date inconnue" / "date unknown".
    """
    label = words(lang)
    phase = None if service.introduced is None else phases.get(service.introduced)
    if phase is None:
        return label["no_date"]
    name = _text(phase.name, lang)
    return f"{label['since']} {phase.span} ({name}){mark(service, 'introduced')}"


def dating(snapshot: MembershipSnapshot, phases: dict[str, Phase], lang: str) -> str:
    """How *snapshot* is dated when by its phase: "daté par sa phase, 2007–2012 (…)"; or `""`."""
    phase = None if snapshot.phase is None else phases.get(snapshot.phase)
    if snapshot.dating is not Dating.PHASE or phase is None:
        return ""
    return f"{words(lang)['dated_by']}, {phase.span} ({_text(phase.name, lang)})"


def share_text(share: Share, lang: str) -> str:
    """
    A share as a figure of what: "≲ 50 % de l’ensemble : coopératives…", "≲ 50% of co-ops…".

    In French what it is a share of follows a colon, so no article is built before
    it ("des les coops" is what a contraction would give for "les coops").
    """
    value = hedge(percent(share.value * 100, lang), share.qualifier)
    return f"{value} {words(lang)['of']} {_text(share.of, lang)}"


def marked_span(phase: Phase) -> str:
    """A phase's span with a mark beside each inferred year: "2012*–2017", "2007–2012*"."""
    end = "" if phase.end is None else f"{phase.end}{mark(phase, 'end')}"
    return f"{phase.start}{mark(phase, 'start')}–{end}"


def source_title(source: Source, lang: str) -> str:
    """A source's title in *lang*, with its place in a series: "…, article 4/4"."""
    where = f", {words(lang)['article']} {source.part}/{source.parts}" if source.parts else ""
    return f"{_text(source.title, lang)}{where}"


def _records(network: Network) -> Iterator[Phase | Service | MembershipSnapshot | Milestone]:
    yield from network.phases
    yield from network.milestones
    yield from network.services
    yield from network.snapshots


def shows_inferred(network: Network, *, service_descriptions: bool = False) -> bool:
    """
    Whether the summary marks a value as inferred: a value it shows, that the source infers.

    The report shows services' descriptions too (*service_descriptions*); the
    text summary does not.
    """
    shown = {
        Phase: ("start", "end", "name"),
        Milestone: ("year", "name", "description"),
        Service: ("name", "introduced", "scope", "description")
        if service_descriptions
        else ("name", "introduced", "scope"),
        MembershipSnapshot: ("year", "members"),
    }
    return any(mark(r, *shown[type(r)]) for r in _records(network)) or any(
        map(share_mark, network.snapshots)
    )


def hedged(network: Network) -> bool:
    """Whether the membership shows a figure that is not exact (so it needs the legend)."""
    return any(
        s.qualifier is not Qualifier.EXACT
        or (s.share is not None and s.share.qualifier is not Qualifier.EXACT)
        for s in network.snapshots
    )


_GLUE: Final = frozenset("\u00a0\u2007\u202f\u200d\u2060\ufeff")
"""No-break spaces and joiners: a line never breaks beside one (UAX #14 classes GL, WJ, ZWJ)."""
_NO_BREAK_BEFORE: Final = _GLUE | frozenset(
    "、。，．：；！？・ー々〻ゝゞヽヾ〜～゠‼⁇⁈⁉｡､ｰ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
    ",.:;!?%‰％℃°′″…‥-‐–/"
)
"""What never starts a line, beside closing punctuation: UAX #14 classes IS, EX, NS, PO, IN,
HY, BA, SY and GL."""
_QUOTES: Final = frozenset("\"'")
"""Straight quotes, which open or close: a line never breaks beside one (UAX #14 class QU)."""
_SKIN_TONES: Final = range(0x1F3FB, 0x1F400)
"""Emoji skin-tone modifiers, drawn with the emoji before them (as the tags below are)."""
_TAGS: Final = range(0xE0020, 0xE0080)
"""Tag characters, which make a flag of the emoji before them (🏴 and England's, say)."""
_SPACE: Final = re.compile("( +)")
"""Where `textwrap` cuts text into words, once tabs and line ends are spaces."""
_AS_SPACE: Final = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))
"""What `textwrap` turns into a space (tabs are first expanded to 8 columns)."""


def _width(char: str) -> int:
    """The columns a character takes: 0 for a mark drawn with the one before, 2 if wide, else 1."""
    code = ord(char)
    if unicodedata.category(char) in {"Mn", "Me"} or code in _SKIN_TONES or code in _TAGS:
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def columns(text: str) -> int:
    """
    How many terminal columns *text* takes: two for a wide character (CJK, most emoji).

    A combining mark takes none: it is drawn over the character before it.

    Examples:
        >>> columns("Phase 1"), columns("協同組合"), columns("Été"), columns("E\u0301te\u0301")
        (7, 8, 3, 3)

    """
    return sum(map(_width, text))


def pad(text: str, width: int) -> str:
    """*text* followed by spaces up to *width* terminal columns (at least one space)."""
    return text + " " * max(1, width - columns(text))


def _breaks(before: str, after: str) -> bool:
    """
    Whether a line may break between *before* and *after*, two characters with no space between.

    Between a wide character (a CJK ideograph, kana, hangul) and its neighbour,
    as UAX #14 allows around its class ID; never before closing punctuation, a
    combining mark, an emoji modifier or what `_NO_BREAK_BEFORE` holds, never
    after opening punctuation, never beside a no-break space or a straight quote.
    """
    return (
        (_width(before) == 2 or _width(after) == 2)
        and _width(after) != 0
        and unicodedata.category(before) not in {"Ps", "Pi"}
        and unicodedata.category(after) not in {"Pe", "Pf"}
        and before not in _GLUE
        and after not in _NO_BREAK_BEFORE
        and not {before, after} & _QUOTES
    )


def _pieces(text: str) -> Iterator[str]:
    """*text* cut into what a line may break between: runs of spaces, words, CJK characters."""
    for chunk in _SPACE.split(text.expandtabs().translate(_AS_SPACE)):
        start = 0
        base = ""  # the character a combining mark goes with
        for index, char in enumerate(chunk):
            if base and _breaks(base, char):
                yield chunk[start:index]
                start = index
            if _width(char) or not base:
                base = char
        if chunk:
            yield chunk[start:]


def wrap(text: str, indent: str, hanging: str | None = None, *, width: int = WIDTH) -> list[str]:
    """
    *text* cut to *width* terminal columns; lines after the first indented by *hanging* if given.

    Lines break at spaces, as `textwrap.wrap` breaks them (tabs and line ends are
    spaces, the spaces at a break are dropped), without breaking a word too long
    for a line (a URL) nor at its hyphens; and, as text without spaces in Chinese,
    Japanese or Korean needs, beside a wide character (see `_breaks`). Lines are
    measured in terminal columns (see `columns`), not characters.

    Examples:
        >>> wrap("Réseau coopératif de Montréal", "", "  ", width=16)
        ['Réseau', '  coopératif de', '  Montréal']
        >>> wrap("協同組合（コープ）のネットワーク。", "  ", width=14)
        ['  協同組合', '  （コープ）の', '  ネットワー', '  ク。']

    """
    pieces = list(_pieces(text))
    pieces.reverse()
    lines: list[str] = []
    while pieces:
        lead = indent if not lines or hanging is None else hanging
        room = width - columns(lead)
        if lines and not pieces[-1].strip():  # a line starts with no space, but the first
            pieces.pop()
        line: list[str] = []
        used = 0
        while pieces and used + columns(pieces[-1]) <= room:
            used += columns(pieces[-1])
            line.append(pieces.pop())
        if not line and pieces:  # too wide for any line: on a line of its own
            line.append(pieces.pop())
        if line and not line[-1].strip():  # nor ends with one
            line.pop()
        if line:
            lines.append(lead + "".join(line))
    return lines


def plain(value: object, lang: str) -> Any:  # noqa: ANN401 - JSON-ready data of any shape
    """
    A record as JSON-ready data: texts in *lang*, enums as their values, tuples as lists.

    Examples:
        >>> from reseau_coop import default_network
        >>> plain(default_network().milestones[0], "en")["name"]
        'Merger'

    """
    if isinstance(value, LocalizedText):
        return value.pick(lang)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [plain(item, lang) for item in value]
    if attrs.has(type(value)):
        names = [a.name for a in attrs.fields(type(value))]  # type: ignore[arg-type]
        return {name: plain(getattr(value, name), lang) for name in names}
    return value


# ---------------------------------------------------------------- summary


def summary(network: Network, lang: str | None = None) -> dict[str, Any]:
    """
    The content of the network's summary as JSON-ready data, in one language.

    It is what `reseau-coop --json` prints for the same network and language, and
    what `render` shows: the network's `name`, `language`, `description`,
    `sources`, `phases` (each with `members_at_end`, the snapshot at or last within
    its end), `milestones`, `services`, `snapshots`, the whole history's `growth`
    (`None` with fewer than two snapshots) and `phase_growth`, each growth with its
    `sentence`. Texts are strings in *lang*; every record keeps its provenance:
    `source`, `quote`, `inferred` (the names of the fields the source does not
    state) and `note`. Enums are their lower-case values.

    Args:
        network: The network.
        lang: `"fr"` or `"en"` (a regional tag such as `"fr-CA"` is read as its
            language); by default the network's first language (English when the
            library does not speak it).

    Raises:
        ValueError: For a language other than French or English.

    Examples:
        >>> from reseau_coop import default_network, summary
        >>> data = summary(default_network(), "en")
        >>> data["name"], data["phases"][0]["name"], data["phases"][0]["members_at_end"]["members"]
        ('Réseau COOP', 'Experimentation phase', 35)
        >>> data["milestones"][0]["name"], data["milestones"][0]["inferred"]
        ('Merger', ['year', 'description'])
        >>> print(data["growth"]["sentence"])
        In 15 years (2007–2022), membership more than septupled, from 14 to 100 members.

    Added in version 0.1.

    """
    language = resolve(lang, network.languages[0], who="summary")
    whole = growth(network) if len(network.snapshots) > 1 else None  # one is not a growth
    return {
        "name": network.name.pick(language),
        "language": language,
        "description": plain(network.description, language),
        "sources": plain(network.sources, language),
        "phases": [
            {
                **plain(phase, language),
                "members_at_end": plain(phase_end_snapshot(network.snapshots, phase), language),
            }
            for phase in network.phases
        ],
        "milestones": plain(network.milestones, language),
        "services": plain(network.services, language),
        "snapshots": plain(network.snapshots, language),
        "growth": None if whole is None else growth_data(whole, language),
        "phase_growth": [growth_data(g, language) for g in phase_growth(network)],
    }


def summary_lines(network: Network, lang: str, *, width: int = WIDTH) -> Iterator[str]:
    """The summary as lines of text, cut to *width* columns (tables keep their columns)."""
    label = words(lang)
    # The name as written (its controls shown before it is measured), cut only if too wide.
    name = visible(_text(network.name, lang))
    yield from wrap(name, "", "  ", width=width) if columns(name) > width else [name]
    for source in network.sources:
        line = f"{label['source']}{colon(lang)} {source_title(source, lang)}"
        yield from wrap(line, "", "  ", width=width)
    if network.description is not None:
        yield from wrap(_text(network.description, lang), "", width=width)
    phases = {p.key: p for p in network.phases}
    sections = (
        (label["phases"], _phase_table(network, lang, width)),
        (label["milestones"], _milestone_lines(network, lang, width)),
        (label["services"], _service_lines(network, phases, lang, width)),
        (label["membership"], _membership(network, phases, lang, width)),
        (label["growth"], _growth_sentence(network, lang, width)),
    )
    for title, lines in sections:
        body = list(lines)
        if body:
            yield ""
            yield title
            yield from body
    if shows_inferred(network):
        yield ""
        yield from wrap(label["inferred_legend"], "", "  ", width=width)


def _milestone_lines(network: Network, lang: str, width: int) -> Iterator[str]:
    for milestone in network.milestones:
        year = f"{milestone.year}{mark(milestone, 'year')}"
        text = _text(milestone.name, lang) + mark(milestone, "name")
        if milestone.description is not None:
            text += f" — {_text(milestone.description, lang)}{mark(milestone, 'description')}"
        yield from wrap(f"  {year:<7}{text}", "", " " * 9, width=width)


def _service_lines(
    network: Network, phases: dict[str, Phase], lang: str, width: int
) -> Iterator[str]:
    for service in network.services:
        yield from wrap(_service_line(service, phases, lang), "  ", "    ", width=width)


def _growth_sentence(network: Network, lang: str, width: int) -> Iterator[str]:
    if len(network.snapshots) > 1:  # one snapshot is not a growth
        yield from wrap(describe_growth(growth(network), lang), "  ", width=width)


def _phase_table(network: Network, lang: str, width: int) -> Iterator[str]:
    if not network.phases:
        return
    label = words(lang)
    names = [visible(_text(p.name, lang)) + mark(p, "name") for p in network.phases]
    spans = [marked_span(p) for p in network.phases]
    span_width = max([11, *(len(span) + 2 for span in spans)])
    name_width = min(34, max([0, *(columns(name) for name in names)]))
    header = f"  {label['years']:<{span_width}}{pad(label['phase'], name_width + 2)}"
    yield header + label["members_end"]
    for phase, name, span in zip(network.phases, names, spans, strict=True):
        end = phase_end_snapshot(network.snapshots, phase)
        members = label["none"] if end is None else figure(end, lang) + mark(end, "members")
        first, *more = wrap(name, "", width=name_width) or [""]  # a long name goes on in its column
        yield f"  {span:<{span_width}}{pad(first, name_width + 2)}{members}"
        yield from (f"  {'':<{span_width}}{line}" for line in more)
        if phase.summary is not None:
            yield from wrap(_text(phase.summary, lang), " " * (span_width + 2), width=width)


def _service_line(service: Service, phases: dict[str, Phase], lang: str) -> str:
    label = words(lang)
    parts = [_text(service.name, lang) + mark(service, "name")]
    if service.scope is not None:
        parts.append(f"({_text(service.scope, lang)}{mark(service, 'scope')})")
    parts.append(f"— {since(service, phases, lang)}")
    if service.flagship:
        parts.append(f"[{label['flagship']}]")
    return " ".join(parts)


def _membership(network: Network, phases: dict[str, Phase], lang: str, width: int) -> Iterator[str]:
    label = words(lang)
    counts = [figure(s, lang) + mark(s, "members") for s in network.snapshots]
    width_count = max([9, *(len(shown) + 2 for shown in counts)])
    for snapshot, shown in zip(network.snapshots, counts, strict=True):
        year = f"{snapshot.year}{mark(snapshot, 'year')}"
        line = f"  {year:<7}{shown:<{width_count}}"
        notes = [note for note in (dating(snapshot, phases, lang),) if note]
        if snapshot.share is not None:
            notes.append(share_text(snapshot.share, lang) + share_mark(snapshot))
        text = (line + f"{semicolon(lang)} ".join(notes)).rstrip()
        hanging = " " * (9 + width_count)
        yield from wrap(text, "", hanging, width=width) if columns(text) > width else [text]
    if hedged(network):
        yield from wrap(f"({label['legend']})", "  ", "   ", width=width)


# ---------------------------------------------------------------- phase


def phase_data(
    when: int | dt.date, found: Sequence[Phase], lang: str, *, every: bool
) -> dict[str, Any]:
    """What `phase` shows as JSON: *when*, its year, and its phase (or *every* phase)."""
    year = when if isinstance(when, int) else when.year
    if every:
        return {"when": str(when), "year": year, "phases": plain(tuple(found), lang)}
    return {"when": str(when), "year": year, "phase": plain(found[0], lang)}


def phase_lines(
    network: Network,
    when: int | dt.date,
    found: Sequence[Phase],
    lang: str,
    *,
    every: bool,
    width: int = WIDTH,
) -> Iterator[str]:
    """The phases *found* for *when*, as text; one phase tells of a neighbour sharing the year."""
    label = words(lang)
    year = when if isinstance(when, int) else when.year
    for phase in found:
        when_said = f"{year}{colon(lang)} "  # the name's next lines go on under the name
        heading = visible(f"{when_said}{_text(phase.name, lang)} ({phase.span})")
        yield from wrap(heading, "", " " * columns(when_said), width=width)
        if phase.summary is not None:
            yield from wrap(_text(phase.summary, lang), "  ", width=width)
    if not every:
        others = [p for p in phases_at(network, when) if p is not found[0]]
        if others:
            other = ", ".join(f"{_text(p.name, lang)} ({p.span})" for p in others)
            yield from wrap(label["shared"].format(year=year, other=other), "  ", width=width)


# ---------------------------------------------------------------- growth


def growth_data(value: Growth, lang: str) -> dict[str, Any]:
    """A growth as JSON-ready data, with its sentence in *lang*."""
    return {
        "start": plain(value.start, lang),
        "end": plain(value.end, lang),
        "phase": None if value.phase is None else value.phase.key,
        "years": value.years,
        "change": value.change,
        "ratio": value.ratio,
        "percent": value.percent,
        "cagr": value.cagr,
        "doubling_time": value.doubling_time,
        "qualifier": value.qualifier.value,
        "doubling_time_qualifier": value.doubling_time_qualifier.value,
        "dating": value.dating.value,
        "time_qualifier": value.time_qualifier.value,
        "sentence": describe_growth(value, lang),
    }


def growth_lines(value: Growth, lang: str, *, width: int = WIDTH) -> Iterator[str]:
    """A growth as a table of its figures, their bounds and its sentence."""
    label = words(lang)
    span = f"{value.start.year}–{value.end.year}"
    head = f"{label['growth']} {span}"
    if value.time_qualifier is Qualifier.EXACT:  # a duration only when both years are known
        head += f" ({duration(value.years, lang)})"
    if value.phase is not None:
        head += f" · {_text(value.phase.name, lang)}"
    yield from wrap(visible(head), "", "    ", width=width)  # deeper than the rows under it

    def row(name: str, text: str) -> str:
        return f"  {label[name]:<21}{text}"

    yield row("members", f"{figure(value.start, lang)} → {figure(value.end, lang)}")
    for name, text in growth_figures(value, lang).items():
        yield row(name, text)
    qualifiers = QUALIFIER_WORDS["fr" if lang == "fr" else "en"]
    bounds = precision(value, lang)
    if value.doubling_time is not None and value.doubling_time_qualifier != value.qualifier:
        doubling = qualifiers[value.doubling_time_qualifier]
        counts, _, years = bounds.rpartition(" · ")
        bounds = f"{counts} · {label['doubling'].lower()}{colon(lang)} {doubling} · {years}"
    yield from wrap(row("figures", bounds), "", " " * 23, width=width)
    yield from wrap(describe_growth(value, lang), "  ", width=width)
    if _rates_by_convention(value):
        yield from wrap(label["convention_note"], "  ", "    ", width=width)


def precision(value: Growth, lang: str) -> str:
    """
    What a growth's counts and years are, worded apart: "effectifs exacts · années par convention".

    Examples:
        >>> from reseau_coop import default_network, growth, phase_growth
        >>> precision(growth(default_network()), "en")
        'counts: exact · years: exact'
        >>> precision(phase_growth(default_network())[2], "fr")
        'effectifs exacts · années par convention'

    """
    label = words(lang)
    counts = label["counts_are"].format(
        qualifier=QUALIFIER_WORDS[resolve(lang, lang, who="precision")][value.qualifier]
    )
    by_convention = value.time_qualifier is not Qualifier.EXACT
    return f"{counts} · {label['years_convention' if by_convention else 'years_exact']}"


def _rates_by_convention(value: Growth) -> bool:
    """Whether *value* shows a yearly rate or a doubling time that rests on years by convention."""
    shown = value.cagr is not None or value.doubling_time is not None
    return shown and value.time_qualifier is not Qualifier.EXACT


# ---------------------------------------------------------------- claims


def claims_data(checks: Iterable[ClaimCheck], lang: str) -> list[dict[str, Any]]:
    """What `claims` shows as JSON: each claim, its kind and parameters, verdict, figure, reason."""
    out = []
    for check in checks:
        claim = check.claim
        kind = "growth" if claim.growth else "trend" if claim.trend else "share"
        out.append(
            {
                "key": claim.key,
                "text": claim.text.pick(lang),
                "kind": kind,
                kind: plain(claim.kind, lang),
                "verdict": check.verdict.value,
                "figure": check.figure,
                "reason": check.reason,
                "source": claim.source,
                "quote": claim.quote,
                "inferred": list(claim.inferred),
                "note": plain(claim.note, lang),
            }
        )
    return out


def claims_lines(checks: Sequence[ClaimCheck], lang: str, *, width: int = WIDTH) -> Iterator[str]:
    """Each claim as written, its verdict, and the reason; a legend when one is inferred."""
    label = words(lang)
    for index, check in enumerate(checks):
        if index:
            yield ""
        claim = check.claim
        text = claim.text.pick(lang) + (INFERRED if claim.inferred else "")
        yield from wrap(f"[{verdict_word(check.verdict, lang)}] {text}", "", "  ", width=width)
        yield from wrap(check.reason, "  ", width=width)
    if any(check.claim.inferred for check in checks):
        yield ""
        yield from wrap(label["inferred_legend"], "", "  ", width=width)


# ---------------------------------------------------------------- compare

_LABEL: Final = 23
"""The columns of a comparison's first column: two spaces and a label."""
_CELL: Final = 26
"""The most columns a network's column takes in a comparison (longer cells wrap)."""


def comparison_lines(
    networks: Sequence[Network],
    lang: str,
    *,
    start: int | None = None,
    end: int | None = None,
    width: int = WIDTH,
) -> Iterator[str]:
    """
    Networks side by side: a column per network, a row per figure, cut to *width* columns.

    The figures are `compare`'s: the years the snapshots cover, how many there
    are, the phases, then the whole history's growth and, with *start* or *end*,
    the growth over that window (estimated between snapshots), each metric as the
    `growth` command writes it. Networks that do not fit side by side go on in a
    second table below the first, with the same rows.
    """
    label = words(lang)
    rows = compare(networks, start=start, end=end, lang=lang)
    whole = [growth(n) if len(n.snapshots) > 1 else None for n in networks]
    table: list[tuple[str, list[str]]] = [
        ("", [row["name"] for row in rows]),
        (label["years_covered"], [_covered(row) for row in rows]),
        (label["counts_known"], [str(row["snapshots"]) for row in rows]),
        (label["phases"], [str(row["phases"]) for row in rows]),
        (label["whole_history"], []),
        *_figure_rows(whole, lang),
    ]
    windows = None
    if start is not None or end is not None:
        windows = [growth(n, start, end, estimate=True) for n in networks]
        span = f"{'' if start is None else start}–{'' if end is None else end}"
        table += [
            (label["window"].format(span=span), []),
            (label["years"], [f"{g.start.year}–{g.end.year}" for g in windows]),
            *_figure_rows(windows, lang),
        ]
    yield from _side_by_side(table, width)
    shown = [
        point for g in (*whole, *(windows or ())) if g is not None for point in (g.start, g.end)
    ]
    notes = []
    if any(isinstance(point, Estimate) for point in shown):
        notes += wrap(label["window_estimated"], "", "  ", width=width)
    measured = [g for g in (*whole, *(windows or ())) if g is not None]
    if any(_rates_by_convention(g) for g in measured):
        notes += wrap(label["convention_note"], "", "  ", width=width)
    if any(point.qualifier is not Qualifier.EXACT for point in shown):
        notes += wrap(f"({label['legend']})", "", " ", width=width)
    if notes:
        yield ""
        yield from notes


def _covered(row: ComparisonRow) -> str:
    first, last = row["first_year"], row["last_year"]
    return "—" if first is None else f"{first}–{last}"


def _figure_rows(results: Sequence[Growth | None], lang: str) -> list[tuple[str, list[str]]]:
    """The rows of the growths *results* (`None`: fewer than two snapshots), as `growth` shows."""
    label = words(lang)
    none = label["none"]
    figures = [{} if g is None else growth_figures(g, lang) for g in results]
    qualifiers = QUALIFIER_WORDS["fr" if lang == "fr" else "en"]
    members = [
        none if g is None else f"{figure(g.start, lang)} → {figure(g.end, lang)}" for g in results
    ]
    return [
        (label["members"], members),
        *(
            (label[name], [cells.get(name, none) for cells in figures])
            for name in ("change", "ratio", "percent", "cagr", "doubling")
        ),
        (label["figures"], [none if g is None else qualifiers[g.qualifier] for g in results]),
    ]


def _side_by_side(table: list[tuple[str, list[str]]], width: int) -> Iterator[str]:
    """
    Lay out *table* (a label and a cell per network on each row) in columns.

    A row with no cells is a section title. Each network's column is as wide as
    its widest cell, up to `_CELL` columns (a longer cell wraps onto more lines);
    the networks that do not fit in *width* go on in a second block, and so on.
    """
    count = len(table[0][1])
    sizes = [
        min(_CELL, max(columns(cells[i]) for _, cells in table if cells)) for i in range(count)
    ]
    blocks: list[list[int]] = []
    used = 0
    for index, size in enumerate(sizes):
        if not blocks or used + size + 2 > width:
            blocks.append([])
            used = _LABEL
        blocks[-1].append(index)
        used += size + 2
    for number, block in enumerate(blocks):
        if number:
            yield ""
        for name, cells in table:
            if not cells:  # a section's title
                yield ""
                yield name
                continue
            parts = [wrap(cells[i], "", width=sizes[i]) or [""] for i in block]
            for line in range(max(len(part) for part in parts)):
                head = pad(name if line == 0 else "", _LABEL - 2)
                text = "".join(
                    pad(part[line] if line < len(part) else "", sizes[i] + 2)
                    for part, i in zip(parts, block, strict=True)
                )
                yield f"  {head}{text}".rstrip()


# ---------------------------------------------------------------- validate


def validate_data(reports: Iterable[FileReport]) -> list[dict[str, Any]]:
    """What `validate` shows as JSON: each file, whether it is valid, its problems."""
    return [
        {
            "file": report.file,
            "valid": report.valid,
            "problems": [{"path": p, "message": m} for p, m in report.problems],
        }
        for report in reports
    ]


def validate_lines(
    reports: Iterable[FileReport], lang: str, *, width: int = WIDTH
) -> Iterator[str]:
    """Each file as valid, or with its count of problems and each problem."""
    label = words(lang)
    for report in reports:
        if report.valid:
            yield f"{report.file}{colon(lang)} {label['valid']}"
            continue
        n = len(report.problems)
        count = label["problem" if n == 1 else "problems"].format(n=n)
        yield f"{report.file}{colon(lang)} {count}"
        yield from problem_lines(report.problems, width=width)


def problem_lines(
    problems: Iterable[Problem] | Iterable[tuple[str, str]], *, width: int = WIDTH
) -> Iterator[str]:
    """Each problem as `  $.path: message`, cut to *width* columns."""
    for problem in problems:
        where, message = (
            (problem.where, problem.message) if isinstance(problem, Problem) else problem
        )
        yield from wrap(f"{where}: {message}", "  ", "      ", width=width)
