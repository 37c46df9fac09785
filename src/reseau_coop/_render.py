"""
What the command shows, as text lines or JSON-ready data, from plain values.

Nothing here knows about argparse or the standard streams: each function takes a
network (or a growth, a phase, a validation report) and a language, and returns
lines for people or data for machines. The command writes what these return.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from ._convert import converter
from ._errors import Problem
from ._lookup import phases_at
from ._metrics import Growth, growth, phase_end_snapshot
from ._model import LocalizedText, MembershipSnapshot, Network, Phase, Qualifier, Service
from ._text import QUALIFIER_WORDS, colon, duration, hedge, integer, percent, words
from ._words import describe_growth, growth_figures

WIDTH: Final = 80
"""The columns text is cut to, by default."""


@attrs.frozen
class FileReport:
    """What `validate` found in one file: its name as shown, and its problems."""

    file: str
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the file has no problem."""
        return not self.problems


# ---------------------------------------------------------------- helpers


def _text(value: LocalizedText | None, lang: str) -> str:
    return "" if value is None else value.pick(lang)


def _figure(snapshot: MembershipSnapshot, lang: str) -> str:
    return hedge(integer(snapshot.members, lang), snapshot.qualifier)


def wrap(text: str, indent: str, hanging: str | None = None, *, width: int = WIDTH) -> list[str]:
    """*text* cut to *width* columns; lines after the first indented by *hanging* if given."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _snapshot_json(snapshot: MembershipSnapshot) -> dict[str, Any]:
    out: dict[str, Any] = converter().unstructure(snapshot)
    return out


def _maybe(snapshot: MembershipSnapshot | None) -> dict[str, Any] | None:
    return None if snapshot is None else _snapshot_json(snapshot)


# ---------------------------------------------------------------- summary


def summary_data(network: Network, lang: str) -> dict[str, Any]:
    """The summary as JSON-ready data."""
    whole = growth(network) if len(network.snapshots) > 1 else None  # one is not a growth
    conv = converter()
    return {
        "name": conv.unstructure(network.name),
        "language": lang,
        "sources": conv.unstructure(network.sources),
        "phases": [
            {
                **conv.unstructure(phase),
                "members_at_end": _maybe(phase_end_snapshot(network.snapshots, phase)),
            }
            for phase in network.phases
        ],
        "services": conv.unstructure(network.services),
        "snapshots": conv.unstructure(network.snapshots),
        "growth": None if whole is None else growth_data(whole, lang),
    }


def summary_lines(network: Network, lang: str, *, width: int = WIDTH) -> Iterator[str]:
    """The summary as lines of text, cut to *width* columns."""
    label = words(lang)
    sep = colon(lang)
    yield _text(network.name, lang)
    for source in network.sources:
        where = f", {label['article']} {source.part}/{source.parts}" if source.parts else ""
        title = f"{label['source']}{sep} {_text(source.title, lang)}{where}"
        yield from wrap(title, "", "  ", width=width)
    if network.description is not None:
        yield from wrap(_text(network.description, lang), "", width=width)
    if network.phases:
        yield ""
        yield label["phases"]
        name_width = min(34, max(len(_text(p.name, lang)) for p in network.phases))
        yield f"  {label['years']:<11}{label['phase']:<{name_width + 2}}{label['members_end']}"
        for phase in network.phases:
            end = phase_end_snapshot(network.snapshots, phase)
            members = label["none"] if end is None else _figure(end, lang)
            name = _text(phase.name, lang)
            yield f"  {phase.span:<11}{name:<{name_width + 2}}{members}"
            if phase.summary is not None:
                yield from wrap(_text(phase.summary, lang), " " * 13, width=width)
    if network.services:
        yield ""
        yield label["services"]
        phases = {p.key: p for p in network.phases}
        for service in network.services:
            yield from wrap(_service_line(service, phases, lang), "  ", "    ", width=width)
    if network.snapshots:
        yield ""
        yield label["membership"]
        yield from _membership(network, lang, width)
    if len(network.snapshots) > 1:
        yield ""
        yield label["growth"]
        yield from wrap(describe_growth(growth(network), lang), "  ", width=width)


def _service_line(service: Service, phases: dict[str, Phase], lang: str) -> str:
    label = words(lang)
    parts = [_text(service.name, lang)]
    if service.scope is not None:
        parts.append(f"({_text(service.scope, lang)})")
    if service.introduced is not None and service.introduced in phases:
        phase = phases[service.introduced]
        name = _text(phase.name, lang)
        parts.append(f"— {label['since']}{colon(lang)} {name} ({phase.span})")
    else:
        parts.append(f"— {label['no_date']}")
    if service.flagship:
        parts.append(f"[{label['flagship']}]")
    return " ".join(parts)


def _membership(network: Network, lang: str, width: int) -> Iterator[str]:
    label = words(lang)
    phases = {p.key: p for p in network.phases}
    hedged = False
    for snapshot in network.snapshots:
        hedged = hedged or snapshot.qualifier is not Qualifier.EXACT
        line = f"  {snapshot.year:<6}{_figure(snapshot, lang):<9}"
        notes = []
        if snapshot.phase is not None and snapshot.phase in phases:
            name = _text(phases[snapshot.phase].name, lang)
            if snapshot.dating.value == "phase":
                notes.append(f"{label['dated_by']}{colon(lang)} {name}")
        if snapshot.share is not None:
            share = snapshot.share
            hedged = hedged or share.qualifier is not Qualifier.EXACT
            value = hedge(percent(share.value * 100, lang), share.qualifier)
            notes.append(f"{value} {label['of']} {_text(share.of, lang)}")
        text = (line + "; ".join(notes)).rstrip()
        yield from wrap(text, "", " " * 17, width=width) if len(text) > width else [text]
    if hedged:
        yield f"  ({label['legend']})"


# ---------------------------------------------------------------- phase


def phase_data(when: int | dt.date, found: Sequence[Phase], *, every: bool) -> dict[str, Any]:
    """What `phase` shows as JSON: *when*, its year, and its phase (or *every* phase)."""
    conv = converter()
    year = when if isinstance(when, int) else when.year
    if every:
        return {"when": str(when), "year": year, "phases": conv.unstructure(list(found))}
    return {"when": str(when), "year": year, "phase": conv.unstructure(found[0])}


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
        yield f"{year}: {_text(phase.name, lang)} ({phase.span})"
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
        "start": _snapshot_json(value.start),
        "end": _snapshot_json(value.end),
        "phase": None if value.phase is None else value.phase.key,
        "years": value.years,
        "change": value.change,
        "ratio": value.ratio,
        "percent": value.percent,
        "cagr": value.cagr,
        "doubling_time": value.doubling_time,
        "qualifier": value.qualifier.value,
        "doubling_time_qualifier": value.doubling_time_qualifier.value,
        "sentence": describe_growth(value, lang),
    }


def growth_lines(value: Growth, lang: str, *, width: int = WIDTH) -> Iterator[str]:
    """A growth as a table of its figures, their bounds and its sentence."""
    label = words(lang)
    span = f"{value.start.year}–{value.end.year}"
    head = f"{label['growth']} {span} ({duration(value.years, lang)})"
    if value.phase is not None:
        head += f" · {_text(value.phase.name, lang)}"
    yield head

    def row(name: str, text: str) -> str:
        return f"  {label[name]:<21}{text}"

    yield row("members", f"{_figure(value.start, lang)} → {_figure(value.end, lang)}")
    for name, text in growth_figures(value, lang).items():
        yield row(name, text)
    qualifiers = QUALIFIER_WORDS["fr" if lang == "fr" else "en"]
    bounds = qualifiers[value.qualifier]
    if value.doubling_time is not None and value.doubling_time_qualifier != value.qualifier:
        doubling = qualifiers[value.doubling_time_qualifier]
        bounds += f" · {label['doubling'].lower()}{colon(lang)} {doubling}"
    yield from wrap(row("figures", bounds), "", " " * 23, width=width)
    yield from wrap(describe_growth(value, lang), "  ", width=width)


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
            yield f"{report.file}: {label['valid']}"
            continue
        n = len(report.problems)
        count = label["problem" if n == 1 else "problems"].format(n=n)
        yield f"{report.file}: {count}"
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
