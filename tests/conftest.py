"""Shared set-up: Hypothesis profiles, a fresh default dataset for every test, a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import reseau_coop

from .helpers import missing

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


# Chromium's switches for a headless run in a container, with no call home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str:
    found = os.environ.get("RESEAU_COOP_CHROMIUM") or shutil.which("chromium")
    found = found or shutil.which("chromium-browser")
    if not found:
        missing("Chromium is not installed (Debian: apt-get install chromium)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium, or a skip (a failure in CI) saying what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing('Playwright is not installed (pip install -e ".[browser]")')
    executable = _chromium()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
