"""The exceptions: their messages, their data, and copies of them (pickle, copy)."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reseau_coop import (
    DataError,
    PhaseLookupError,
    ReseauCoopError,
    SnapshotLookupError,
    default_network,
    growth,
    loads,
    phase_at,
)
from reseau_coop._errors import Problem

from .strategies import errors, problems

Copier = Callable[[object], object]


def _pickler(protocol: int) -> Copier:
    def copier(value: object) -> object:
        return pickle.loads(pickle.dumps(value, protocol))  # noqa: S301 - our own bytes

    return copier


COPIERS: dict[str, Copier] = {
    **{f"pickle-{p}": _pickler(p) for p in range(pickle.HIGHEST_PROTOCOL + 1)},
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def _data(error: BaseException) -> dict[str, object]:
    """What a copy must keep: class, args, message, and every attribute we set."""
    return {
        "type": type(error),
        "args": error.args,
        "str": str(error),
        **{k: v for k, v in vars(error).items() if k != "__traceback__"},
    }


def _raised(call: Callable[[], object]) -> ReseauCoopError:
    with pytest.raises(ReseauCoopError) as ei:
        call()
    return ei.value


@pytest.mark.parametrize("copier", COPIERS.values(), ids=COPIERS.keys())
@pytest.mark.parametrize(
    "error",
    [
        _raised(lambda: phase_at(default_network(), 1990)),
        _raised(lambda: growth(default_network(), 2010, 2022)),
        _raised(lambda: loads('{"format": 1, "name": {"en": "X"}, "languages": [], "x": 1}')),
    ],
    ids=["PhaseLookupError", "SnapshotLookupError", "DataError"],
)
def test_raised_errors_survive_copies(error: ReseauCoopError, copier: Copier) -> None:
    """Errors the library really raised come back from pickle and copy whole."""
    again = copier(error)

    assert isinstance(again, ReseauCoopError)
    assert _data(error) == _data(again)


@given(errors, st.sampled_from(sorted(COPIERS)))
def test_any_error_survives_copies(error: ReseauCoopError, how: str) -> None:
    """Any message and any data (problems, years, lists of years) survive every copier."""
    error.add_note("a note added on the way")
    again = COPIERS[how](error)

    assert isinstance(again, ReseauCoopError)
    assert _data(error) == _data(again)
    if isinstance(error, DataError):
        assert isinstance(again, DataError)
        assert error.errors == again.errors
        assert error.problems == again.problems


@given(problems, st.sampled_from(sorted(COPIERS)))
def test_problems_survive_copies(problem: Problem, how: str) -> None:
    """A `Problem` record survives pickle and copy, path and message alike."""
    assert problem == COPIERS[how](problem)


def test_copies_stay_catchable_as_before() -> None:
    """A copy is still caught by the builtin parent it had: ValueError, LookupError."""
    data = pickle.loads(pickle.dumps(DataError.single("bad", "phases", 0)))  # noqa: S301
    phase = copy.deepcopy(PhaseLookupError("no phase", when=3))
    snapshot = copy.copy(SnapshotLookupError("none", year=3, available=()))

    assert isinstance(data, DataError)
    assert isinstance(data, ValueError)
    assert isinstance(phase, LookupError)
    assert isinstance(snapshot, LookupError)
    assert ["bad @ $.phases[0]"] == data.errors
    assert 3 == phase.when
    assert (3, ()) == (snapshot.year, snapshot.available)


def test_a_copy_can_be_raised_again() -> None:
    """A copy is a working exception: it raises and reads the same."""
    error = pickle.loads(pickle.dumps(PhaseLookupError("no phase for 3", when=3)))  # noqa: S301

    with pytest.raises(PhaseLookupError, match="no phase for 3") as ei:
        raise error
    assert 3 == ei.value.when
