"""The JSON Schema: generated from the model, shipped, and in step with the loader."""

from __future__ import annotations

import copy
import json
import pkgutil
from collections.abc import Callable
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

from reseau_coop import DataError, Network, default_network, dumps, json_schema, loads
from reseau_coop._convert import network_to_dict
from reseau_coop._schema import LOADER_RULES, json_schema_text
from reseau_coop.strategies import networks

from .test_adversarial import mutated
from .test_model import INVARIANTS, base_document

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _schema_accepts(document: object) -> bool:
    return bool(VALIDATOR.is_valid(document))


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema is itself a valid JSON Schema."""
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_shipped_schema_is_the_generated_one() -> None:
    """The file in the package is exactly what the generator writes today."""
    shipped = pkgutil.get_data("reseau_coop", "data/network.schema.json")

    assert shipped is not None
    assert json_schema_text() == shipped.decode("utf-8")


def test_schema_lists_the_loader_only_rules() -> None:
    """The rules a schema cannot express are listed in its description."""
    description = json_schema()["description"]

    for rule in LOADER_RULES:
        assert rule in description


def test_schema_accepts_the_default_dataset() -> None:
    """The embedded dataset passes the schema."""
    assert _schema_accepts(json.loads(dumps(default_network())))


@given(networks())
def test_schema_accepts_generated_networks(net: Network) -> None:
    """Every valid network's document passes the schema."""
    assert _schema_accepts(network_to_dict(net))


SCHEMA_EXPRESSIBLE: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("bool for an int", lambda d: d["snapshots"][0].update(members=True)),
    ("float for an int", lambda d: d["snapshots"][0].update(members=12.5)),
    ("string for an int", lambda d: d["snapshots"][0].update(year="2000")),
    ("negative count", lambda d: d["snapshots"][0].update(members=-1)),
    ("count too large", lambda d: d["snapshots"][0].update(members=2**53)),
    ("year 0", lambda d: d["phases"][0].update(start=0)),
    ("year 10000", lambda d: d["milestones"][0].update(year=10_000)),
    ("unknown key", lambda d: d["phases"][0].update(strat=2000)),
    ("unknown top-level key", lambda d: d.update(bogus=1)),
    ("unknown qualifier", lambda d: d["snapshots"][0].update(qualifier="about")),
    ("unknown dating", lambda d: d["snapshots"][0].update(dating="decade")),
    ("unknown kind", lambda d: d["services"][0].update(kind="consultancy")),
    (
        "share above one",
        lambda d: d["snapshots"][0].update(share={"value": 1.5, "of": {"en": "x"}}),
    ),
    ("missing name", lambda d: d.pop("name")),
    ("missing members", lambda d: d["snapshots"][0].pop("members")),
    ("format 2", lambda d: d.update(format=2)),
    ("no format", lambda d: d.pop("format")),
    ("empty text", lambda d: d.update(name={"en": ""})),
    ("blank key", lambda d: d["phases"][0].update(key="  ")),
    ("no text at all", lambda d: d.update(name={})),
    ("bad language tag", lambda d: d.update(languages=["English"])),
    ("no languages", lambda d: d.update(languages=[])),
    ("language twice", lambda d: d.update(languages=["en", "en"])),
    ("a list for a table", lambda d: d.update(phases={"a": 1})),
    ("part zero", lambda d: d["sources"][0].update(part=0)),
    ("flagship as text", lambda d: d["services"][0].update(flagship="yes")),
]


@pytest.mark.parametrize("mutate", [pytest.param(m, id=name) for name, m in SCHEMA_EXPRESSIBLE])
def test_schema_refuses_what_it_can_express(mutate: Callable[[dict[str, Any]], None]) -> None:
    """What a schema can express is refused by the schema and by the loader alike."""
    document = copy.deepcopy(base_document())
    mutate(document)

    assert not _schema_accepts(document)
    with pytest.raises(DataError):
        loads(json.dumps(document))


@pytest.mark.parametrize("mutate", [pytest.param(m, id=name) for name, m, _, _ in INVARIANTS])
def test_loader_refuses_every_invariant_case(mutate: Callable[[dict[str, Any]], None]) -> None:
    """Every invariant case is refused by the loader; the schema never refuses more."""
    document = copy.deepcopy(base_document())
    mutate(document)

    with pytest.raises(DataError):
        loads(json.dumps(document))


@given(mutated())
def test_schema_is_never_stricter_than_the_loader(case: tuple[dict[str, Any], Any, str]) -> None:
    """A document the schema refuses, the loader refuses too."""
    document, _, _ = case
    if _schema_accepts(document):
        return
    with pytest.raises(DataError):
        loads(json.dumps(document))


@attrs.frozen
class _Leaf:
    count: int = 0


@attrs.frozen
class _Pair:
    """Two leaves, and a field no document holds."""

    first: _Leaf
    second: _Leaf
    hidden: int = attrs.field(init=False, default=0)


def test_a_class_is_described_once_and_only_by_what_documents_hold() -> None:
    """A class met twice is one definition; a field not in `__init__` is left out."""
    from reseau_coop._schema import _class_schema

    attrs.resolve_types(_Leaf)
    attrs.resolve_types(_Pair)
    definitions: dict[str, Any] = {}
    pair = _class_schema(_Pair, definitions)

    assert {
        "type": "object",
        "properties": {"first": {"$ref": "#/$defs/_Leaf"}, "second": {"$ref": "#/$defs/_Leaf"}},
        "additionalProperties": False,
        "required": ["first", "second"],
        "description": "Two leaves, and a field no document holds.",
    } == pair
    assert {  # nothing required, no docstring: neither is said
        "_Leaf": {
            "type": "object",
            "properties": {"count": {"type": "integer", "default": 0}},
            "additionalProperties": False,
        }
    } == definitions
