"""The rules of the model, one vocabulary: the same bad value, the same problem, from anywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reseau_coop import DataError, MembershipSnapshot, Network, Problem, Share, loads
from reseau_coop._checks import describe, expected, is_language_tag, validate
from reseau_coop._convert import network_to_dict
from reseau_coop.strategies import networks

# Bad values a document can write and Python can give alike, by field.
BAD_VALUES: dict[str, list[object]] = {
    "key": ["", "   ", " padded ", 3, None, True],
    "year": [0, 10_000, -5, True, "2007", 2007.5, None, 10**30],
    "start": [0, 10_000, False, "2000", 1999.5],
    "end": [0, 10_000, True, "2010"],
    "members": [-1, 2**53, True, "12", 12.5, None],
    "qualifier": ["about", "EXACT", 3, None],
    "dating": ["month", 1],
    "kind": ["consultancy", 0],
    "flagship": [1, "yes", None],
    "quote": ["", "  ", 5],
    "source": ["", " x", 7],
    "phase": ["", 4],
    "introduced": [" early", 2.5],
    "inferred": [["yaer"], ["year", "year"], [3], "year"],
    "language": ["EN", "english", 3],
    "part": [0, -2, True],
    "url": ["", 1],
    "references": ["https://x", [3], [""]],
}

COLLECTIONS = ["sources", "phases", "services", "snapshots", "milestones"]


def _problems(build: Callable[[], object]) -> list[Problem]:
    try:
        build()
    except DataError as exc:
        return sorted(exc.problems, key=lambda p: (p.where, p.message))
    return []


@given(networks(), st.data())
def test_python_and_documents_give_the_same_problems(net: Network, data: st.DataObject) -> None:
    """A bad value gives the same problems built in Python as loaded from a document."""
    assume(any(getattr(net, c) for c in COLLECTIONS))
    collection = data.draw(st.sampled_from([c for c in COLLECTIONS if getattr(net, c)]))
    records = getattr(net, collection)
    index = data.draw(st.integers(0, len(records) - 1))
    record = records[index]
    names = [a.name for a in attrs.fields(type(record)) if a.init and a.name in BAD_VALUES]
    name = data.draw(st.sampled_from(names))
    bad = data.draw(st.sampled_from(BAD_VALUES[name]))
    document = network_to_dict(net)
    document[collection][index][name] = bad
    from_document = _problems(lambda: loads(json.dumps(document)))
    value = tuple(bad) if isinstance(bad, list) else bad

    try:
        changed = attrs.evolve(record, **{name: value})
    except DataError as exc:  # the record's own problems: a network is never built of it
        from_python = sorted(
            (p.under((collection, index)) for p in exc.problems), key=lambda p: (p.where, p.message)
        )
        from_document = [p for p in from_document if p.path[:2] == (collection, index)]
    else:  # a record fine by itself: the network's problems
        rest = (*records[:index], changed, *records[index + 1 :])
        changes: dict[str, Any] = {collection: rest}
        from_python = _problems(lambda: attrs.evolve(net, **changes))

    assert from_python == from_document


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "null"),
        (True, "a boolean (true)"),
        (7, "an integer (7)"),
        (2**100, "an integer (of 101 bits)"),
        (0.5, "a number with a fraction (0.5)"),
        ("x" * 100, "a string ('" + "x" * 40 + "…')"),
        ([1, 2], "a list"),
        ({"a": 1}, "a table"),
        ((1, 2), "a tuple"),
        (Share, "a type"),
    ],
)
def test_one_describer(value: object, words: str) -> None:
    """Every bad value is described one way, in words bounded whatever its size."""
    assert words == describe(value)
    assert f"expected a year, got {words}" == expected("a year", value)


@given(st.text(max_size=12))
def test_language_tags(tag: str) -> None:
    """A tag is an ISO 639 code in lower case, then subtags of letters and digits."""
    head, *rest = tag.split("-")
    by_hand = (
        2 <= len(head) <= 3
        and head.isascii()
        and head.isalpha()
        and head.islower()
        and all(1 <= len(part) <= 8 and part.isascii() and part.isalnum() for part in rest)
    )

    assert by_hand == is_language_tag(tag)


def test_validate_names_every_field() -> None:
    """`validate` gathers every problem of a record built without its checks."""
    snapshot = MembershipSnapshot(year=2000, members=1)
    broken = attrs.evolve(snapshot)
    object.__setattr__(broken, "year", "2000")
    object.__setattr__(broken, "members", -3)

    with pytest.raises(DataError) as ei:
        validate(broken)

    assert ["$.year", "$.members"] == [p.where for p in ei.value.problems]
    assert "invalid snapshot: 2 problems" == str(ei.value).splitlines()[0]


@attrs.frozen
class _Counted:
    members: int
    cached: int = attrs.field(init=False, default=0)


def test_rules_are_for_the_fields_documents_hold() -> None:
    """A field outside `__init__` has no rule: no document gives it."""
    from reseau_coop._checks import rules

    assert ["members"] == [rule.name for rule in rules(_Counted)]


def test_a_number_no_float_holds_shows_its_literal() -> None:
    """The stand-in for a literal like `1e-400` shows the literal in its repr."""
    from reseau_coop._checks import BadNumber
    from reseau_coop._convert import _BAD

    assert "BadNumber('1e-400')" == repr(BadNumber("1e-400"))
    assert "<bad value>" == repr(_BAD)
