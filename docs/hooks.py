"""MkDocs hook: publish the JSON Schema the package ships, generated from the model."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from reseau_coop._schema import json_schema_text


def on_files(files: Files, config: Any) -> Files:  # noqa: ANN401 - MkDocs' config object
    """Add `reference/network.schema.json` to the site, from the same generator as the package."""
    schema = File.generated(config, "reference/network.schema.json", content=json_schema_text())
    files.append(schema)
    return files
