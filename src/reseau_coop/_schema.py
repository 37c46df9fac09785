"""
The data format as a JSON Schema, generated from the model.

The schema says what a schema can: types, ranges, required and unknown keys,
enum values, non-empty text. The rules that span records are the loader's
alone, and the schema's description lists them: phases in order and
overlapping by at most one year, one snapshot a year and in order, unique
keys, references that resolve, a phase-dated snapshot at its phase's end year,
every text in each of the network's languages.
"""

from __future__ import annotations

import enum
import json
import types
from typing import Any, Final, Union, get_args, get_origin

import attrs

from ._checks import LANGUAGE_TAG
from ._convert import FORMAT_VERSION, converter
from ._model import MAX_COUNT, MAX_YEAR, MIN_YEAR, LocalizedText, Network

SCHEMA_ID: Final = "urn:reseau-coop:network-format:1"

LOADER_RULES: Final = (
    (
        "phases are given in order of start, each start <= end, neighbours share at most one year, "
        "and only the last may be open-ended"
    ),
    "at most one snapshot per year, given in order of year",
    "milestones are given in order of year",
    "keys are unique among the sources, the phases, the services and the milestones",
    (
        "every reference resolves: a service's `introduced` and a snapshot's `phase` name a phase, "
        "a record's `source` names a source"
    ),
    (
        "a snapshot dated by a phase (`dating: phase`) names it and has its end year as `year`; a "
        "snapshot dated by a year that names a phase lies within it"
    ),
    "every text is given in each of the network's `languages`, and in no other",
    "a record's `inferred` lists fields of that record, each once",
    "a source's `part` is at most its `parts`",
    (
        "a claim gives exactly one of `growth`, `trend` and `share`; a growth claim gives both "
        "`start` and `end` or neither; a claim's `end` is not before its `start`; claim keys "
        "are unique"
    ),
    "keys and texts are not blank and keys have no white space at either end",
)

_YEAR: Final = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
_LANGUAGE_TAG: Final = f"^{LANGUAGE_TAG}$"

# Constraints that depend on what a field means, by its name (the same in every record).
_BY_NAME: Final[dict[str, dict[str, Any]]] = {
    "year": _YEAR,
    "start": _YEAR,
    "end": _YEAR,
    "members": {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
    "part": {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
    "parts": {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
    "value": {"type": "number", "minimum": 0, "maximum": 1},
    "language": {"type": "string", "pattern": _LANGUAGE_TAG},
    "languages": {
        "type": "array",
        "items": {"type": "string", "pattern": _LANGUAGE_TAG},
        "minItems": 1,
        "uniqueItems": True,
    },
}
_TEXT: Final = {"type": "string", "pattern": r"\S"}


def _type_schema(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401
    origin = get_origin(kind)
    if origin in {Union, types.UnionType}:
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        inner = _type_schema(options[0], definitions)
        return {"anyOf": [inner, {"type": "null"}]} if len(options) == 1 else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(kind)[0], definitions)}
    if kind is LocalizedText:
        return {"$ref": "#/$defs/LocalizedText"}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        name = kind.__name__
        if name not in definitions:
            definitions[name] = {}  # a placeholder while the class is being described
            definitions[name] = _class_schema(kind, definitions)
        return {"$ref": f"#/$defs/{name}"}
    return {
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        float: {"type": "number"},
        str: dict(_TEXT),
    }[kind]


def _class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        schema = _type_schema(attribute.type, definitions)
        if attribute.name in _BY_NAME:
            specific = _BY_NAME[attribute.name]
            schema = (
                {"anyOf": [specific, {"type": "null"}]} if "anyOf" in schema else dict(specific)
            )
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
        elif attribute.default is not None:
            schema = {**schema, "default": converter().unstructure(attribute.default)}
        properties[attribute.name] = schema
    described: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        described["required"] = required
    if cls.__doc__:
        described["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    return described


def json_schema() -> dict[str, Any]:
    """
    The data format, version 1, as a JSON Schema (draft 2020-12), generated from the model.

    Use it to check files in an editor or from another language. It refuses what a
    schema can express; the rules only the loader checks are listed in its
    `description` (and in the data-format reference).

    Examples:
        >>> schema = json_schema()
        >>> schema["properties"]["format"]
        {'const': 1}
        >>> schema["$defs"]["MembershipSnapshot"]["properties"]["members"]["minimum"]
        0

    """
    converter()  # resolves the model's field types, which are strings until then
    definitions: dict[str, Any] = {
        "LocalizedText": {
            "type": "object",
            "description": 'Text by language tag: {"fr": "…", "en": "…"}.',
            "minProperties": 1,
            "propertyNames": {"pattern": _LANGUAGE_TAG},
            "additionalProperties": dict(_TEXT),
        }
    }
    body = _class_schema(Network, definitions)
    rules = "".join(f"\n- {rule}" for rule in LOADER_RULES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "reseau_coop network history (format 1)",
        "description": "The history of a co-operative network: its phases, services, "
        "membership snapshots and milestones. Besides what this schema checks, "
        f"the loader (reseau_coop.load) refuses documents that break these rules:{rules}",
        "type": "object",
        "properties": {"format": {"const": FORMAT_VERSION}, **body["properties"]},
        "required": ["format", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def json_schema_text() -> str:
    """The schema as the JSON text the package ships (`data/network.schema.json`)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
