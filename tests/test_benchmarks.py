"""
The benchmarks' peers keep up with the model, so the figures compare like with like.

The benchmarks run on demand, not here; but their hand-written attrs + cattrs peer must
read and write every document `reseau_coop` does, field for field, or a new field of the
model breaks them unseen (it did once, when claims came). These tests load the script
and check its peers on small documents. pydantic and msgspec (the `bench` extra) are
checked where they are installed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import reseau_coop
from reseau_coop._dataset import default_document

from .helpers import load_module

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def bench() -> Any:  # noqa: ANN401 - a module loaded by path
    """`benchmarks/bench_load.py`, loaded as a module."""
    return load_module("bench_load", ROOT / "benchmarks" / "bench_load.py")


def _documents(bench: Any) -> dict[str, str]:  # noqa: ANN401
    return {
        "default": default_document(),
        "snapshots": bench.snapshots_document(30),
        "texts": bench.texts_document(4),
    }


def test_the_hand_written_peer_has_every_field_of_the_model(bench: Any) -> None:  # noqa: ANN401
    """Each record class of the peer has the model's fields, in the model's order."""
    pairs = {
        bench.HNetwork: reseau_coop.Network,
        bench.HSource: reseau_coop.Source,
        bench.HPhase: reseau_coop.Phase,
        bench.HService: reseau_coop.Service,
        bench.HSnapshot: reseau_coop.MembershipSnapshot,
        bench.HShare: reseau_coop.Share,
        bench.HMilestone: reseau_coop.Milestone,
        bench.HClaim: reseau_coop.Claim,
        bench.HGrowthClaim: reseau_coop.GrowthClaim,
        bench.HTrendClaim: reseau_coop.TrendClaim,
        bench.HShareClaim: reseau_coop.ShareClaim,
    }
    for peer, model in pairs.items():
        wanted = [a.name for a in attrs.fields(model) if a.init]
        if peer is bench.HNetwork:
            wanted = ["format", *wanted]  # the document's version, which the model does not keep
        assert wanted == [a.name for a in attrs.fields(peer)], peer.__name__


@pytest.mark.parametrize("name", ["default", "snapshots", "texts"])
def test_the_peers_read_and_write_the_benchmark_documents(bench: Any, name: str) -> None:  # noqa: ANN401
    """The hand-written peer reads each document and writes it back as `dumps` does."""
    document = _documents(bench)[name]
    conv = bench.hand_converter()

    bench.check_peers_agree(document, conv)  # asserts, and refuses the document full of errors
    for peer, load in bench.peer_loaders().items():  # those installed
        assert load(document) is not None, peer
    assert json.loads(bench.hand_dumps(conv, bench.hand_loads(conv, document))) == json.loads(
        reseau_coop.dumps(reseau_coop.loads(document))
    )


def test_the_peers_refuse_a_document_full_of_errors(bench: Any) -> None:  # noqa: ANN401
    """The document the error benchmark reads is refused by every loader."""
    document = bench.with_errors(bench.snapshots_document(5))
    conv = bench.hand_converter()

    with pytest.raises(reseau_coop.DataError):
        reseau_coop.loads(document)
    with pytest.raises(Exception):  # noqa: B017, PT011 - cattrs' exception group, any is fine
        bench.hand_loads(conv, document)
    for load in bench.peer_loaders().values():
        with pytest.raises(Exception):  # noqa: B017, PT011 - each library's own error
            load(document)
