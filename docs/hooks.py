"""MkDocs hook: publish what the package generates, so the site shows the real thing.

- `reference/network.schema.json`: the JSON Schema, from the same generator as the package;
- `images/membership-en.svg` and `images/membership-fr.svg`: the membership chart of the
  embedded dataset, drawn by `reseau_coop.plot.membership_chart` at the size of the page's
  column (`CHART_INCHES`), so that its smallest label (8 pt) shows at 11 px or more on a
  desktop screen (on a phone, docs/stylesheets/extra.css keeps it 520 px wide, scrolling
  sideways in its own paragraph, so that label shows at 9 px); its text stays text, to select,
  search and read aloud;
- `images/comparison-en.svg` and `images/comparison-fr.svg`: the embedded dataset beside the two
  invented networks of `docs/examples/`, drawn by `reseau_coop.plot.comparison_chart` at the
  same width, in the same way.

Every code span of prose that names a public object (`phase_at`, `Network.phase()`,
`reseau_coop.frames.phases_frame`) becomes a link to its entry in the reference, so pages
written later are linked without anyone remembering to (`link_names`; tests/test_docs.py
checks that no page keeps an unlinked one). A bare lowercase name that is also a command of
`reseau-coop` (`summary`, `growth`) is the command, and stays as written; `growth()` links.

A fenced block after `<!-- file:NAME -->` (a file the page's examples use, written by
tests/test_docs.py) shows NAME as its title.

It also points the reference's object inventories (`docs/inventories/*.inv`, written by
`docs/inventories/make.py`) at the files of this checkout, read afresh at each build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from reseau_coop._schema import json_schema_text


@event_priority(100)  # before mkdocstrings reads its inventories, in its own on_config
def on_config(config: Any) -> None:  # noqa: ANN401 - MkDocs' config object
    """
    Set the version shown; make the `file:` inventories absolute and drop MkDocs' cache of them.

    MkDocs keeps what it "downloads" for a day: without this, an edited inventory would not
    be read again until tomorrow.
    """
    import hashlib
    from importlib.metadata import version
    from pathlib import Path

    import platformdirs

    config.extra["version"] = version("reseau-coop")
    root = Path(config.config_file_path).parent
    cache = Path(platformdirs.user_cache_dir("mkdocs")) / "mkdocs_url_cache"
    handler = config.plugins["mkdocstrings"].config.handlers["python"]
    for inventory in handler.get("inventories", ()):
        if inventory["url"].startswith("file:"):
            inventory["url"] = (root / inventory["url"].removeprefix("file:")).resolve().as_uri()
            digest = hashlib.sha256(inventory["url"].encode()).hexdigest()[:32]
            (cache / f"{digest}.inv").unlink(missing_ok=True)


def on_files(files: Files, config: Any) -> Files:  # noqa: ANN401 - MkDocs' config object
    """Add `reference/network.schema.json` to the site, from the same generator as the package."""
    schema = File.generated(config, "reference/network.schema.json", content=json_schema_text())
    files.append(schema)
    for lang in ("en", "fr"):
        image = File.generated(config, f"images/membership-{lang}.svg", content=_chart(lang))
        files.append(image)
        both = File.generated(config, f"images/comparison-{lang}.svg", content=_comparison(lang))
        files.append(both)
    return files


# The column of text is about 690 px wide on a desktop screen: a 6.4-inch figure (460.8 pt)
# fills it at 1.5 px a point, so its smallest text, 8 pt, shows at 12 px.
CHART_INCHES = (6.4, 4.4)


def _chart(lang: str) -> bytes:
    from matplotlib.figure import Figure

    from reseau_coop import default_network
    from reseau_coop.plot import membership_chart

    figure = Figure(figsize=CHART_INCHES, layout="constrained")
    membership_chart(default_network(), lang=lang, ax=figure.subplots())
    return _svg(figure)


def _comparison(lang: str) -> bytes:
    from matplotlib.figure import Figure

    from reseau_coop import default_network, load
    from reseau_coop.plot import comparison_chart

    examples = Path(__file__).parent / "examples"
    networks = [default_network()]
    networks += [load(examples / name) for name in ("val-imaginaire.toml", "lac-exemple.toml")]
    figure = Figure(figsize=(CHART_INCHES[0], CHART_INCHES[1] + 1.2), layout="constrained")
    comparison_chart(networks, figure.subplots(), lang=lang)
    return _svg(figure)


def _svg(figure: Any) -> bytes:  # noqa: ANN401 - a matplotlib Figure
    import io

    import matplotlib as mpl

    buffer = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "reseau_coop"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


# A fenced block (its fence may be indented, in a list or an admonition), or a code span with
# the link around it when it has one: `[`x`][id]`, `[`x`](url)`.
_FENCE_OR_SPAN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>```|~~~).*?^(?P=indent)(?P=fence)[ \t]*$"
    r"|(?P<linked>\[`[^`\n]+`\](?:\[[^\]\n]*\]|\([^)\n]*\)))"
    r"|`(?P<code>[^`\n]+)`",
    re.MULTILINE | re.DOTALL,
)
_NAME = re.compile(r"(?:reseau_coop\.)?(?P<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)(?P<call>\(.*\))?")


def target(code: str) -> str | None:
    """
    The reference entry that code span *code* names, or `None` when it names none.

    `phase_at`, `phase_at()`, `reseau_coop.phase_at(2012)` name `reseau_coop.phase_at`;
    `Network.phase` names the method, `Phase.key` (a field) the class; `frames.X` and
    `plot.X` name the extras' functions.
    """
    import inspect

    import reseau_coop
    from reseau_coop import frames, plot
    from reseau_coop._cli import EXAMPLES

    match = _NAME.fullmatch(code)
    if match is None:
        return None
    head, _, member = match["path"].partition(".")
    modules = {"frames": frames, "plot": plot}
    if head in modules:
        public = getattr(modules[head], "__all__", None) or dir(modules[head])
        found = member in public and callable(getattr(modules[head], member))
        return f"reseau_coop.{head}.{member}" if found else None
    if head not in reseau_coop.__all__:
        return None
    if not member:
        is_command = head in EXAMPLES and not match["call"] and not code.startswith("reseau_coop.")
        return None if is_command else f"reseau_coop.{head}"
    owner = getattr(reseau_coop, head)
    if not isinstance(owner, type) or not hasattr(owner, member):
        return None
    static = inspect.getattr_static(owner, member)
    own_entry = callable(static) or isinstance(static, property)
    return f"reseau_coop.{head}.{member}" if own_entry else f"reseau_coop.{head}"


def link_names(markdown: str) -> str:
    """*markdown* with each code span that names a public object linked to its entry."""

    def link(match: re.Match[str]) -> str:
        code = match["code"]
        found = None if code is None else target(code)
        return match[0] if found is None else f"[`{code}`][{found}]"

    return _FENCE_OR_SPAN.sub(link, markdown)


_FILE_BLOCK = re.compile(r"^(<!-- file:(\S+) -->\n[ \t]*```\w*)([^\n]*)$", re.MULTILINE)


def title_files(markdown: str) -> str:
    """*markdown* with each block after `<!-- file:NAME -->` titled NAME, unless it has a title."""

    def title(match: re.Match[str]) -> str:
        fence, name, options = match.groups()
        return match[0] if "title=" in options else f'{fence} title="{name}"{options}'

    return _FILE_BLOCK.sub(title, markdown)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:  # noqa: ANN401 - MkDocs' objects
    """Title file blocks; link the public names of prose (not of the reference or changelog)."""
    markdown = title_files(markdown)
    uri = page.file.src_uri
    if uri.startswith("reference/") or uri == "changelog.md":
        return markdown
    return link_names(markdown)
