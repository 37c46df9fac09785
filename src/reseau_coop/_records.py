"""Tables of a network as plain records: dicts that pandas, Polars or `csv` take as they are."""

from __future__ import annotations

import csv
import io
from typing import Any, Final, Literal, TypeAlias

from ._metrics import phase_end_snapshot
from ._model import LocalizedText, MembershipSnapshot, Milestone, Network, Phase, Service

Table: TypeAlias = Literal["snapshots", "phases", "services", "milestones"]
"""The tables `records` gives: `"snapshots"`, `"phases"`, `"services"` or `"milestones"`."""

TABLES: tuple[Table, ...] = ("snapshots", "phases", "services", "milestones")

PROVENANCE: tuple[str, ...] = ("source", "quote", "inferred")
"""The columns every table ends with: where its values come from."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "snapshots": (
        "year", "members", "qualifier", "dating", "phase", "share", "share_qualifier", *PROVENANCE,
    ),
    "phases": (
        "key", "name", "start", "end", "summary", "members_at_end", "members_at_end_qualifier",
        *PROVENANCE,
    ),
    "services": (
        "key", "name", "kind", "introduced", "scope", "flagship", "description", *PROVENANCE,
    ),
    "milestones": ("key", "year", "name", "description", *PROVENANCE),
}  # fmt: skip
"""The columns of each table, in order: the keys of every record `records` gives."""


def _text(value: LocalizedText | None, lang: str) -> str | None:
    return None if value is None else value.pick(lang)


def inferred_names(record: Phase | Service | MembershipSnapshot | Milestone) -> str:
    """
    The names of a record's inferred fields as one cell: `"year"`, `"kind, introduced"`.

    Empty when the source states every value.
    """
    return ", ".join(record.inferred)


def _provenance(record: Phase | Service | MembershipSnapshot | Milestone) -> dict[str, Any]:
    return {"source": record.source, "quote": record.quote, "inferred": inferred_names(record)}


def text_language(network: Network, lang: str | None) -> str:
    """
    *lang*, or the network's first language; refused unless the network has texts in it.

    Examples:
        >>> from reseau_coop import default_network
        >>> text_language(default_network(), None), text_language(default_network(), "en")
        ('fr', 'en')
        >>> text_language(default_network(), "de")
        Traceback (most recent call last):
        ...
        ValueError: the network's texts are in ['fr', 'en'], not 'de'; pass lang='fr' or 'en'

    """
    if lang is None:
        return network.languages[0]
    if lang not in network.languages:
        choices = " or ".join(repr(tag) for tag in network.languages)
        msg = (
            f"the network's texts are in {list(network.languages)}, not {lang!r}; "
            f"pass lang={choices}"
        )
        raise ValueError(msg)
    return lang


def records(network: Network, table: Table, *, lang: str | None = None) -> list[dict[str, Any]]:
    """
    One table of *network* as a list of plain dicts, one per row, all with the same keys.

    Every table ends with where its values come from: `source` (the key of the
    network's source), `quote` (the source's own words) and `inferred` (the names of
    the fields the source does not state but that were inferred from it, joined by
    `", "`; empty when it states them all).

    Values are `int`, `float`, `str`, `bool` or `None` (not known), enums as their
    lower-case names, texts in *lang* (by default the network's first language), so
    `pandas.DataFrame(rows)`, `polars.DataFrame(rows)` and `csv.DictWriter` take them as
    they are. `reseau_coop.frames` builds typed data frames from the same rows.

    Args:
        network: The network.
        table: `"snapshots"`, `"phases"`, `"services"` or `"milestones"`.
        lang: The language of texts.

    Raises:
        ValueError: For another table name, or a language the network has no texts in.

    Examples:
        >>> from reseau_coop import default_network
        >>> rows = records(default_network(), "snapshots")
        >>> rows[1]["year"], rows[1]["members"], rows[1]["qualifier"], rows[1]["phase"]
        (2012, 35, 'approximate', 'experimentation')
        >>> [row["members_at_end"] for row in records(default_network(), "phases")]
        [35, 56, 100]
        >>> fusion = records(default_network(), "milestones", lang="en")[0]
        >>> fusion["year"], fusion["name"], fusion["inferred"]
        (2007, 'Merger', 'year, description')

    """
    language = text_language(network, lang)
    if table == "snapshots":
        return [
            {
                "year": s.year,
                "members": s.members,
                "qualifier": s.qualifier.value,
                "dating": s.dating.value,
                "phase": s.phase,
                "share": None if s.share is None else s.share.value,
                "share_qualifier": None if s.share is None else s.share.qualifier.value,
                **_provenance(s),
            }
            for s in network.snapshots
        ]
    if table == "phases":
        rows = []
        for phase in network.phases:
            end = phase_end_snapshot(network.snapshots, phase)
            rows.append(
                {
                    "key": phase.key,
                    "name": _text(phase.name, language),
                    "start": phase.start,
                    "end": phase.end,
                    "summary": _text(phase.summary, language),
                    "members_at_end": None if end is None else end.members,
                    "members_at_end_qualifier": None if end is None else end.qualifier.value,
                    **_provenance(phase),
                }
            )
        return rows
    if table == "services":
        return [
            {
                "key": s.key,
                "name": _text(s.name, language),
                "kind": s.kind.value,
                "introduced": s.introduced,
                "scope": _text(s.scope, language),
                "flagship": s.flagship,
                "description": _text(s.description, language),
                **_provenance(s),
            }
            for s in network.services
        ]
    if table == "milestones":
        return [
            {
                "key": m.key,
                "year": m.year,
                "name": _text(m.name, language),
                "description": _text(m.description, language),
                **_provenance(m),
            }
            for m in network.milestones
        ]
    msg = f"table must be one of {list(TABLES)}, got {table!r}"
    raise ValueError(msg)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# Injection"): `=HYPERLINK(...)`, `+cmd|...`, `-2+3`, `@SUM(...)`, and a leading tab or
# carriage return that hides one.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """
    A record's value as a CSV cell that no spreadsheet runs as a formula.

    Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    `'`, which spreadsheets show as text (the OWASP rule). Only text is changed:
    numbers, negative ones too, and booleans are written as they are.

    Examples:
        >>> csv_cell("=1+2"), csv_cell("-1"), csv_cell(-1), csv_cell("Coop")
        ("'=1+2", "'-1", -1, 'Coop')

    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def csv_text(network: Network, table: Table, *, lang: str | None = None) -> str:
    """
    One table of *network* as CSV text: a header row, then `records`' rows.

    The dialect is RFC 4180's (and spreadsheets'): rows end with CRLF, and a cell
    holding a comma, a quote, a CR or a LF is quoted, so text can never split a row.
    Text cells go through `csv_cell`, so a cell never starts a formula; `None` (not
    known) is an empty cell.

    Examples:
        >>> from reseau_coop import default_network
        >>> print(csv_text(default_network(), "snapshots").splitlines()[1])
        2007,14,exact,year,,,,reseau-coop-3-phases,"Ainsi en 15 ans, le membrariat a plus
        que septuplé (passant de 14 à 100 membres)",year

    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS[table])  # RFC 4180: CRLF, quoted CR
    writer.writeheader()
    for row in records(network, table, lang=lang):
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()
