"""MkDocs hook: publish what the package generates, so the site shows the real thing.

- `reference/network.schema.json`: the JSON Schema, from the same generator as the package;
- `images/membership-en.png` and `images/membership-fr.png`: the membership chart of the
  embedded dataset, drawn by `reseau_coop.plot.membership_chart`;
- `images/comparison-en.png` and `images/comparison-fr.png`: the embedded dataset beside the
  two invented networks of `docs/examples/`, drawn by `reseau_coop.plot.comparison_chart`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from reseau_coop._schema import json_schema_text


def on_files(files: Files, config: Any) -> Files:  # noqa: ANN401 - MkDocs' config object
    """Add `reference/network.schema.json` to the site, from the same generator as the package."""
    schema = File.generated(config, "reference/network.schema.json", content=json_schema_text())
    files.append(schema)
    for lang in ("en", "fr"):
        image = File.generated(config, f"images/membership-{lang}.png", content=_chart(lang))
        files.append(image)
        both = File.generated(config, f"images/comparison-{lang}.png", content=_comparison(lang))
        files.append(both)
    return files


def _chart(lang: str) -> bytes:
    from reseau_coop import default_network
    from reseau_coop.plot import membership_chart

    return _png(membership_chart(default_network(), lang=lang))


def _comparison(lang: str) -> bytes:
    from reseau_coop import default_network, load
    from reseau_coop.plot import comparison_chart

    examples = Path(__file__).parent / "examples"
    networks = [default_network()]
    networks += [load(examples / name) for name in ("val-imaginaire.toml", "lac-exemple.toml")]
    return _png(comparison_chart(networks, lang=lang))


def _png(ax: Any) -> bytes:  # noqa: ANN401 - a matplotlib Axes
    import io

    figure = ax.get_figure(root=True)
    assert figure is not None  # noqa: S101
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()
