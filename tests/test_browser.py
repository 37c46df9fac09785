"""
The HTML report in a real browser: headless Chromium, driven by Playwright.

Needs the `browser` extra (`pip install -e ".[browser]"`) and a Chromium on the machine
(Debian: `apt-get install chromium`; another binary: `RESEAU_COOP_CHROMIUM=/path`). Without
them the tests skip and say why, unless `RESEAU_COOP_REQUIRE_BROWSER=1` (as in CI), where a
missing tool fails. Each test writes a screenshot for people to look at: to pytest's
temporary folder, and to the folder `RESEAU_COOP_SCREENSHOTS` names when it is set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reseau_coop import default_network, describe_growth, growth, render

from .helpers import keep


@pytest.mark.parametrize(("lang", "width"), [("fr", 1280), ("en", 390)])
def test_report_in_a_browser(browser: Any, tmp_path: Path, lang: str, width: int) -> None:  # noqa: ANN401
    """No console error, nothing requested beyond the file, a visible chart, the growth sentence."""
    page_file = tmp_path / f"report.{lang}.html"
    page_file.write_text(render(default_network(), lang, format="html"), "utf-8")
    url = page_file.as_uri()
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(url, wait_until="load")
    box = page.locator("figure svg").bounding_box()
    text = page.inner_text("body")
    shot = tmp_path / f"report.{lang}.{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    keep(shot)

    assert [] == errors
    assert [] == [r for r in requests if r != url and not r.startswith("data:")]
    assert box is not None
    assert box["width"] > 0
    assert box["height"] > 0
    assert describe_growth(growth(default_network()), lang) in " ".join(text.split())
    assert shot.stat().st_size > 0
