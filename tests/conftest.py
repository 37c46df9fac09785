"""Shared set-up: Hypothesis profiles and a fresh default dataset for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

import reseau_coop

# "ci" is the default: fast enough for every push. "thorough" is for release checks:
#   HYPOTHESIS_PROFILE=thorough python -m pytest   (or --hypothesis-profile=thorough)
settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _fresh_default_network() -> Iterator[None]:
    """Each test reads the embedded dataset anew, so no test sees another's cache."""
    reseau_coop.default_network.cache_clear()
    yield
    reseau_coop.default_network.cache_clear()
