"""MkDocs hook: publish what the package generates, so the site shows the real thing.

- `reference/network.schema.json`: the JSON Schema, from the same generator as the package;
- `images/membership-en.png` and `images/membership-fr.png`: the membership chart of the
  embedded dataset, drawn by `reseau_coop.plot.membership_chart`.

It also points the reference's object inventories (`docs/inventories/*.inv`, written by
`docs/inventories/make.py`) at the files of this checkout, read afresh at each build.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from reseau_coop._schema import json_schema_text


@event_priority(100)  # before mkdocstrings reads its inventories, in its own on_config
def on_config(config: Any) -> None:  # noqa: ANN401 - MkDocs' config object
    """Make the `file:` inventories absolute, and drop MkDocs' day-long cache of them."""
    import hashlib
    from pathlib import Path

    import platformdirs

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
        image = File.generated(config, f"images/membership-{lang}.png", content=_chart(lang))
        files.append(image)
    return files


def _chart(lang: str) -> bytes:
    import io

    from reseau_coop import default_network
    from reseau_coop.plot import membership_chart

    ax = membership_chart(default_network(), lang=lang)
    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()
