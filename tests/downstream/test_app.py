"""
An app's own tests, as its developers would write them against the installed package.

This module imports only the public API (`reseau_coop`, `reseau_coop.strategies`) and
Hypothesis: nothing from the package's private modules or from this project's tests.
The "app" is a small membership dashboard.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import reseau_coop
from reseau_coop.strategies import documents, networks, snapshots


def dashboard(net: reseau_coop.Network, lang: str) -> tuple[str, int | None, list[int]]:
    """The app under test: a network's name, latest count, and the phase of each snapshot."""
    rows = reseau_coop.records(net, "snapshots", lang=lang)
    latest = rows[-1]["members"] if rows else None
    phases = reseau_coop.phase_index(net, [row["year"] for row in rows])
    return net.name.pick(lang), latest, phases


@given(networks(languages=["fr", "en"]), st.sampled_from(["fr", "en"]))
def test_dashboard_of_any_network(net: reseau_coop.Network, lang: str) -> None:
    """The dashboard shows every network: the latest count is the last snapshot's."""
    name, latest, phases = dashboard(net, lang)

    assert net.name[lang] == name
    assert (net.snapshots[-1].members if net.snapshots else None) == latest
    assert len(net.snapshots) == len(phases)


@given(st.from_type(reseau_coop.Network))
def test_from_type_draws_valid_networks(net: reseau_coop.Network) -> None:
    """`st.from_type` works once the package is installed, and the networks round-trip."""
    assert net == reseau_coop.loads(reseau_coop.dumps(net))


@given(documents(format="json", min_snapshots=1))
def test_uploaded_documents_load(document: str) -> None:
    """Documents users upload load, and have the snapshots the app reads."""
    net = reseau_coop.loads(document)

    assert len(json.loads(document)["snapshots"]) == len(net.snapshots)


@given(st.from_type(reseau_coop.MembershipSnapshot), st.from_type(reseau_coop.Phase))
def test_records_of_their_own(
    snapshot: reseau_coop.MembershipSnapshot, phase: reseau_coop.Phase
) -> None:
    """Single records draw too: a phase-dated snapshot names its phase, a phase is in order."""
    assert snapshot.dating is reseau_coop.Dating.YEAR or snapshot.phase is not None
    assert phase.end is None or phase.start <= phase.end


@given(snapshots(with_provenance=False))
def test_snapshots_without_provenance(snapshot: reseau_coop.MembershipSnapshot) -> None:
    """Options narrow what is drawn: here, snapshots that cite nothing."""
    assert (None, (), None) == (snapshot.source, snapshot.inferred, snapshot.note)
