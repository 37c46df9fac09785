"""
Test-only strategies: what the public `reseau_coop.strategies` has no reason to draw.

Valid networks and their records come from `reseau_coop.strategies`; here are
arbitrary JSON values (for documents that are not networks) and the library's errors.
"""

from __future__ import annotations

from hypothesis import strategies as st

from reseau_coop import (
    DataError,
    PhaseLookupError,
    ReseauCoopError,
    SnapshotLookupError,
)
from reseau_coop._errors import Problem
from reseau_coop._model import MAX_YEAR, MIN_YEAR


def _json_containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)


#: Any value JSON can hold (floats include NaN and the infinities, as Python writes them).
json_values: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    _json_containers,
    max_leaves=40,
)


# ---------------------------------------------------------------- errors

#: Problems at any path: keys of any text, indices of any size.
problems = st.builds(
    Problem,
    st.lists(st.text(max_size=12) | st.integers(min_value=0), max_size=5).map(tuple),
    st.text(max_size=40),
)

#: Every kind of error the library raises, with any message and data.
errors: st.SearchStrategy[ReseauCoopError] = st.one_of(
    st.builds(ReseauCoopError, st.text(max_size=40)),
    st.builds(
        DataError, st.lists(problems, max_size=120), subject=st.sampled_from(["data", "file"])
    ),
    st.builds(PhaseLookupError, st.text(max_size=40), when=st.integers()),
    st.builds(
        SnapshotLookupError,
        st.text(max_size=40),
        year=st.integers(),
        available=st.lists(st.integers(MIN_YEAR, MAX_YEAR), max_size=6).map(tuple),
    ),
)
