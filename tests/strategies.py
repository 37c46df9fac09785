"""
Test-only strategies: what the public `reseau_coop.strategies` has no reason to draw.

Valid networks and their records come from `reseau_coop.strategies`; here are
arbitrary JSON values (for documents that are not networks) and the library's errors.
"""

from __future__ import annotations

from hypothesis import strategies as st

from reseau_coop import (
    DataError,
    LanguageKeyError,
    PhaseKeyError,
    PhaseLookupError,
    ReseauCoopError,
    ServiceKeyError,
    SnapshotLookupError,
)
from reseau_coop._errors import Problem
from reseau_coop._model import MAX_YEAR, MIN_YEAR
from reseau_coop._render import columns


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
    *(
        st.builds(
            kind,
            st.text(max_size=40),
            key=st.text(max_size=12),
            available=st.lists(st.text(max_size=12), max_size=6).map(tuple),
        )
        for kind in (PhaseKeyError, ServiceKeyError)
    ),
    st.builds(
        LanguageKeyError,
        st.text(max_size=40),
        language=st.text(max_size=8),
        available=st.lists(st.text(max_size=8), max_size=4).map(tuple),
    ),
)


# ---------------------------------------------------------------- text for a terminal

_IDEOGRAPHS = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)

#: Text whose every character takes one terminal column: `textwrap` measures it right.
narrow_text = st.text(
    st.sampled_from(" \t\n\u00a0-/")
    | st.characters(codec="utf-8").filter(lambda c: columns(c) == 1),
    max_size=120,
)

#: A word without spaces, as each script writes one: Latin (of any length, so a
#: URL), Latin with decomposed accents, or a run of CJK ideographs, opened by "「"
#: or "（" and closed by "。", "、" or "）" now and then.
words = st.one_of(
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz-/:."), min_size=1, max_size=30),
    st.lists(
        st.sampled_from(["e\u0301", "E\u0301", "a\u0300", "c\u0327", "o", "n"]), min_size=1
    ).map("".join),
    st.builds(
        "{}{}{}".format,
        st.sampled_from(["", "", "「", "（"]),
        st.text(_IDEOGRAPHS, min_size=1, max_size=40),
        st.sampled_from(["", "", "。", "、", "）"]),
    ),
)

#: Text in any of those scripts: words apart by spaces, or side by side (as CJK writes them).
mixed_text = st.lists(st.tuples(words, st.sampled_from([" ", " ", "", "  "])), max_size=12).map(
    lambda pairs: "".join(word + space for word, space in pairs)
)
