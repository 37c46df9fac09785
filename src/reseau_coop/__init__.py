"""
`reseau_coop`: the development history of a co-operative network, as typed data.

The history of the Réseau COOP (Québec, 2007–2022) ships as the default dataset
(`default_network()`); `load`/`loads` read any other network from JSON or TOML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._dataset import default_network
from ._errors import (
    DataError,
    LanguageKeyError,
    PhaseKeyError,
    PhaseLookupError,
    Problem,
    ReseauCoopError,
    ServiceKeyError,
    SnapshotLookupError,
)
from ._io import dump, dumps, load, loads
from ._lookup import phase_at, phase_index, phases_at
from ._model import (
    Claim,
    Dating,
    Direction,
    GrowthClaim,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Qualifier,
    Relation,
    Service,
    ServiceKind,
    Share,
    ShareClaim,
    Source,
    TrendClaim,
)

if TYPE_CHECKING:
    from ._claims import ClaimCheck, Verdict, check_claims
    from ._compare import ComparisonRow, compare
    from ._metrics import (
        Estimate,
        Growth,
        cagr,
        doubling_time,
        growth,
        members_at,
        membership_series,
        percent_change,
        phase_growth,
        ratio,
    )
    from ._records import MilestoneRow, PhaseRow, ServiceRow, SnapshotRow, records
    from ._render import summary
    from ._report import render
    from ._schema import json_schema
    from ._text import format_count, format_decimal, format_percent
    from ._words import describe_growth

    __version__: str  # served by `__getattr__`, from the installed distribution's metadata

# The modules of these names are imported on first use (PEP 562), not by `import reseau_coop`:
# metrics, texts, reports and the schema are not needed to load a network and look it up.
_LAZY: Final = {
    "ClaimCheck": "_claims",
    "ComparisonRow": "_compare",
    "Estimate": "_metrics",
    "Growth": "_metrics",
    "Verdict": "_claims",
    "cagr": "_metrics",
    "check_claims": "_claims",
    "compare": "_compare",
    "describe_growth": "_words",
    "doubling_time": "_metrics",
    "format_count": "_text",
    "format_decimal": "_text",
    "format_percent": "_text",
    "growth": "_metrics",
    "json_schema": "_schema",
    "members_at": "_metrics",
    "membership_series": "_metrics",
    "percent_change": "_metrics",
    "phase_growth": "_metrics",
    "MilestoneRow": "_records",
    "PhaseRow": "_records",
    "ServiceRow": "_records",
    "SnapshotRow": "_records",
    "ratio": "_metrics",
    "records": "_records",
    "render": "_report",
    "summary": "_render",
}

__all__ = [
    "Claim",
    "ClaimCheck",
    "ComparisonRow",
    "DataError",
    "Dating",
    "Direction",
    "Estimate",
    "Growth",
    "GrowthClaim",
    "LanguageKeyError",
    "LocalizedText",
    "MembershipSnapshot",
    "Milestone",
    "MilestoneRow",
    "Network",
    "Phase",
    "PhaseKeyError",
    "PhaseLookupError",
    "PhaseRow",
    "Problem",
    "Qualifier",
    "Relation",
    "ReseauCoopError",
    "Service",
    "ServiceKeyError",
    "ServiceKind",
    "ServiceRow",
    "Share",
    "ShareClaim",
    "SnapshotLookupError",
    "SnapshotRow",
    "Source",
    "TrendClaim",
    "Verdict",
    "cagr",
    "check_claims",
    "compare",
    "default_network",
    "describe_growth",
    "doubling_time",
    "dump",
    "dumps",
    "format_count",
    "format_decimal",
    "format_percent",
    "growth",
    "json_schema",
    "load",
    "loads",
    "members_at",
    "membership_series",
    "percent_change",
    "phase_at",
    "phase_growth",
    "phase_index",
    "phases_at",
    "ratio",
    "records",
    "render",
    "summary",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value: object = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # the next lookup is an ordinary one
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("reseau-coop")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
