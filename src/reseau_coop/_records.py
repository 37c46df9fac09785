"""Tables of a network as plain records: dicts that pandas, Polars or `csv` take as they are."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from ._metrics import phase_end_snapshot
from ._model import LocalizedText, Network

Table: TypeAlias = Literal["snapshots", "phases", "services"]
"""The tables `records` gives: `"snapshots"`, `"phases"` or `"services"`."""

TABLES: tuple[Table, ...] = ("snapshots", "phases", "services")

COLUMNS: dict[str, tuple[str, ...]] = {
    "snapshots": (
        "year", "members", "qualifier", "dating", "phase", "share", "share_qualifier", "source",
    ),
    "phases": (
        "key", "name", "start", "end", "summary", "members_at_end", "members_at_end_qualifier",
    ),
    "services": ("key", "name", "kind", "introduced", "scope", "flagship", "description"),
}  # fmt: skip
"""The columns of each table, in order: the keys of every record `records` gives."""


def _text(value: LocalizedText | None, lang: str) -> str | None:
    return None if value is None else value.pick(lang)


def records(network: Network, table: Table, *, lang: str | None = None) -> list[dict[str, Any]]:
    """
    One table of *network* as a list of plain dicts, one per row, all with the same keys.

    Values are `int`, `float`, `str`, `bool` or `None` (not known), enums as their
    lower-case names, texts in *lang* (by default the network's first language), so
    `pandas.DataFrame(rows)`, `polars.DataFrame(rows)` and `csv.DictWriter` take them as
    they are. `reseau_coop.frames` builds typed data frames from the same rows.

    Args:
        network: The network.
        table: `"snapshots"`, `"phases"` or `"services"`.
        lang: The language of texts.

    Raises:
        ValueError: For another table name.

    Examples:
        >>> from reseau_coop import default_network
        >>> rows = records(default_network(), "snapshots")
        >>> rows[1]["year"], rows[1]["members"], rows[1]["qualifier"], rows[1]["phase"]
        (2012, 35, 'approximate', 'experimentation')
        >>> [row["members_at_end"] for row in records(default_network(), "phases")]
        [35, 56, 100]

    """
    language = network.languages[0] if lang is None else lang
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
                "source": s.source,
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
            }
            for s in network.services
        ]
    msg = f"table must be one of {list(TABLES)}, got {table!r}"
    raise ValueError(msg)
