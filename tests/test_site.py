"""
The documentation site in a real browser: built once, served under its sub-path.

The site is opened in headless Chromium, at desktop and phone widths.

Needs the `docs` extra (MkDocs and its plugins) and the `browser` extra (Playwright) with a
Chromium on the machine, as tests/test_browser.py does. Without them the tests skip and say
why, unless `RESEAU_COOP_REQUIRE_BROWSER=1` (as in CI), where a missing tool fails. Each page's
screenshot goes to pytest's temporary folder, and to the folder `RESEAU_COOP_SCREENSHOTS`
names when it is set.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .helpers import keep, missing

ROOT = Path(__file__).parent.parent
# The path of `site_url` in mkdocs.yml: the site is served under it, as it will be.
PREFIX = "/en/latest/"
PHONE = {"/", "tutorial/", "demarrage-rapide/", "reference/api/", "how-to/own-network/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with `mkdocs build --strict` into a temporary folder."""
    if not (ROOT / "src").is_dir():
        pytest.skip("the site is built from a checkout (its reference reads src/)")
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        missing('MkDocs is not installed (pip install -e ".[docs]")')
    folder = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert 0 == done.returncode, done.stderr
    return folder


class _Handler(SimpleHTTPRequestHandler):
    """Serve the site under PREFIX, with its 404 page for anything missing, as a host does."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        """Keep the test's output quiet."""


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    """The address of the served site, ending in PREFIX."""
    handler = functools.partial(_Handler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def _pages(site: Path) -> list[str]:
    """The site's pages, as paths under PREFIX (`""` is the home page)."""
    return sorted(
        str(page.parent.relative_to(site)).removeprefix(".") + "/"
        for page in site.rglob("index.html")
    )


def test_every_page_loads_alone(browser: Any, site: Path, base: str, tmp_path: Path) -> None:  # noqa: ANN401
    """Every page opens without a console error and asks nothing of any other site."""
    problems: list[str] = []
    pages = _pages(site)
    for width, kind in ((1280, "desktop"), (390, "phone")):
        context = browser.new_context(viewport={"width": width, "height": 900})
        # Every page on a desktop; on a phone, one of each kind (the layout is the theme's).
        shown = pages if kind == "desktop" else [p for p in pages if p in PHONE]
        for path in shown:
            page = context.new_page()
            page.on("request", lambda r, p=path: problems.extend(_outside(r.url, base, p)))
            page.on("console", lambda m, p=path: _console(m, p, problems))
            page.on("pageerror", lambda e, p=path: problems.append(f"{p}: {e}"))
            page.goto(base + path.removeprefix("/"), wait_until="load")
            name = path.strip("/").replace("/", "-") or "home"
            shot = tmp_path / f"site.{name}.{kind}.png"
            page.screenshot(path=str(shot))
            keep(shot)
            page.close()
        context.close()

    assert len(pages) >= 15
    assert [] == problems


def _outside(url: str, base: str, path: str) -> list[str]:
    """A problem when *url* is neither the site's own nor inline data."""
    return [] if url.startswith((base, "data:", "blob:")) else [f"{path}: requested {url}"]


def _console(message: Any, path: str, problems: list[str]) -> None:  # noqa: ANN401
    if message.type == "error":
        problems.append(f"{path}: {message.text}")


def _smallest_label(site: Path, page: Any) -> float:  # noqa: ANN401 - a Playwright page
    """The size, in CSS pixels, at which the page's first chart shows its smallest text."""
    box = page.locator("img.chart").first.bounding_box()
    source = page.locator("img.chart").first.get_attribute("src")
    svg = (site / "images" / Path(source).name).read_text("utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])  # type: ignore[index]
    smallest = min(float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg))

    assert box is not None
    assert box["height"] > 0
    assert "<text" in svg  # text kept as text, not paths
    return float(smallest * box["width"] / width)


def test_chart_labels_read_at_11_px(browser: Any, site: Path, base: str) -> None:  # noqa: ANN401
    """The home page's chart is an SVG, shown so large that its smallest text is 11 px or more."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base, wait_until="load")
    smallest = _smallest_label(site, page)
    page.close()

    assert smallest >= 11


# The chart's paragraph: how far it reaches, its overflow, and whether it scrolls sideways.
_SCROLL_BOX = """() => {
  const box = document.querySelector("img.chart").parentElement;
  return [box.getBoundingClientRect().right, getComputedStyle(box).overflowX,
          box.scrollWidth > box.clientWidth];
}"""


@pytest.mark.parametrize("path", ["", "demarrage-rapide/", "how-to/compare-networks/"])
def test_chart_labels_read_at_9_px_on_a_phone(
    browser: Any,  # noqa: ANN401
    site: Path,
    base: str,
    path: str,
    tmp_path: Path,
) -> None:
    """On a 390 px phone the chart's smallest text is 9 px or more; only the chart scrolls."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + path, wait_until="load")
    smallest = _smallest_label(site, page)
    right, overflow, scrolls = page.evaluate(_SCROLL_BOX)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    shot = tmp_path / f"chart.{path.strip('/').replace('/', '-') or 'home'}.phone.png"
    page.screenshot(path=str(shot))
    keep(shot)
    page.close()

    assert smallest >= 9
    assert ("auto", True) == (overflow, scrolls)  # the chart scrolls in its own box
    assert right <= 390
    assert page_width <= 390  # and the page itself does not


def test_french_page_is_french(browser: Any, base: str) -> None:  # noqa: ANN401
    """The quick start in French is served as French, its interface too."""
    page = browser.new_page()
    page.goto(base + "demarrage-rapide/", wait_until="load")
    lang = page.get_attribute("html", "lang")
    placeholder = page.get_attribute("input.md-search__input", "placeholder")
    copy = page.locator("[data-clipboard-target]").first.get_attribute("title")
    page.close()

    assert ("fr", "Rechercher", "Copier dans le presse-papier") == (lang, placeholder, copy)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pycon", None), ("console", "python -m pip install reseau-coop")],
)
def test_copy_button_copies_code_alone(
    browser: Any,  # noqa: ANN401
    base: str,
    language: str,
    expected: str | None,
) -> None:
    """Clicking copy on a `>>>` example gives code that runs; on a `$ ` command, the command."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base, wait_until="load")
    block = page.locator(f".language-{language}").first
    block.hover()
    block.locator("[data-clipboard-target]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()

    assert ">>>" not in copied
    assert "$ " not in copied
    if expected is not None:
        assert expected == copied
        return
    assert "'Establishment phase'" not in copied  # outputs left out
    names: dict[str, object] = {}
    exec(compile(copied, "copied", "exec"), names)  # noqa: S102 - the page's own example
    assert "net" in names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("phase_index", "how-to/tag-dates/"),  # in `rc.phase_index(events["date"])`
        ("phase_growth", "how-to/growth-per-phase/"),
        ("DataFrame", "how-to/tag-dates/"),
        ("members_at", "explanation/qualifiers/"),
    ],
)
def test_search_finds_a_name_inside_code(
    browser: Any,  # noqa: ANN401
    base: str,
    query: str,
    expected: str,
) -> None:
    """Searching a name finds the pages that use it in code, not only the reference."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base, wait_until="load")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # typed, as the theme listens to key presses
    page.locator(".md-search-result__item").first.wait_for()
    links = [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]
    page.close()

    assert any(expected in (link or "") for link in links), links


def _failed(response: Any, missing: str, failed: list[str]) -> None:  # noqa: ANN401
    if response.status >= 400 and response.url != missing:
        failed.append(response.url)


def test_missing_page_gets_the_styled_404(browser: Any, base: str) -> None:  # noqa: ANN401
    """A missing page under the sub-path shows the styled 404 page, with no failed request."""
    missing = base + "no/such/page/"
    page = browser.new_page()
    failed: list[str] = []  # the page's styles, scripts and images, all found
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: _failed(r, missing, failed))
    response = page.goto(missing, wait_until="networkidle")
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    text = page.inner_text("article")
    page.close()

    assert response is not None
    assert 404 == response.status
    assert [] == failed
    assert "404" in text
    assert colour not in {"", "rgba(0, 0, 0, 0)"}


def test_reference_links_every_name(site: Path) -> None:
    """Every name in the reference's signatures links somewhere (docs/inventories/make.py)."""
    text = (site / "reference" / "api" / "index.html").read_text("utf-8")

    # mkdocstrings leaves a name it cannot find as a span titled with its full path.
    assert [] == sorted(set(re.findall(r'<span title="([\w.]+)">', text)))
    assert [] == [b for b in re.findall(r"Bases: (.*?)</p>", text, re.DOTALL) if "Provenance" in b]
