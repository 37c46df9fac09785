"""
The hook Hypothesis calls when it is imported (the package's `hypothesis` entry point).

It registers `reseau_coop.strategies` for `st.from_type`, deferred: that module
imports Hypothesis, which may be what is being imported, so it is read only when
a strategy is first drawn from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._model import (
    Claim,
    LocalizedText,
    MembershipSnapshot,
    Milestone,
    Network,
    Phase,
    Service,
    Share,
    Source,
)

#: The strategy of `reseau_coop.strategies` that draws each class, by name.
STRATEGIES: dict[type[Any], str] = {
    Network: "networks",
    Phase: "phases",
    MembershipSnapshot: "snapshots",
    Service: "services",
    Milestone: "milestones",
    Source: "sources",
    Share: "shares",
    Claim: "claims",
    LocalizedText: "texts",
}


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each class of the model with `st.register_type_strategy`."""
    from hypothesis import strategies as st

    for cls, name in STRATEGIES.items():
        st.register_type_strategy(cls, st.deferred(_strategy(name)))


def _strategy(name: str) -> Callable[[], Any]:
    def strategy() -> Any:  # noqa: ANN401 - a SearchStrategy; hypothesis may not be installed
        from . import strategies

        return getattr(strategies, name)()

    return strategy
