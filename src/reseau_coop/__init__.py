"""
`reseau_coop`: the development history of a co-operative network, as typed data.

The history of the Réseau COOP (Québec, 2007–2022) ships as the default dataset
(`default_network()`); `load`/`loads` read any other network from JSON or TOML.
"""

from __future__ import annotations

from ._claims import ClaimCheck, Verdict, check_claims
from ._compare import ComparisonRow, compare
from ._dataset import default_network
from ._errors import (
    DataError,
    PhaseKeyError,
    PhaseLookupError,
    Problem,
    ReseauCoopError,
    ServiceKeyError,
    SnapshotLookupError,
)
from ._io import dump, dumps, load, loads
from ._lookup import phase_at, phase_index, phases_at
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
from ._records import MilestoneRow, PhaseRow, ServiceRow, SnapshotRow, records
from ._render import summary
from ._report import render
from ._schema import json_schema
from ._text import format_count, format_decimal, format_percent
from ._words import describe_growth

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


def __getattr__(name: str) -> str:
    if name != "__version__":
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib.metadata import version

    return version("reseau-coop")


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
