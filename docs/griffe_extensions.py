"""Griffe extensions of the reference (mkdocstrings loads them by path from `mkdocs.yml`)."""

from __future__ import annotations

import typing
from typing import Any

from griffe import (
    Class,
    DocstringSectionAttributes,
    DocstringSectionParameters,
    dynamic_import,
)
from griffe_fieldz import FieldzExtension


class Fields(FieldzExtension):
    """
    The fields of each attrs class as one table: name, type, default and one line.

    The line is the one the class docstring's `Attributes:` section gives the field (or, for
    the provenance fields, the section of the class that declares them); griffe-fieldz alone
    would drop it. A `TypedDict` (`ComparisonRow`) is left as its docstring describes it: its
    keys are a `dict`'s, not constructor parameters.
    """

    def on_class_members(self, *, cls: Class, **kwargs: Any) -> None:  # noqa: ANN401, D102
        try:
            runtime = dynamic_import(cls.path)
        except ImportError:
            return
        if typing.is_typeddict(runtime):
            return
        sections = cls.docstring.parsed if cls.docstring else []
        described = {
            item.name: item.description
            for section in sections
            if isinstance(section, DocstringSectionAttributes)
            for item in section.value
        }
        super().on_class_members(cls=cls, **kwargs)
        assert cls.docstring is not None  # noqa: S101 - the base class gives one
        sections = cls.docstring.parsed
        for section in sections:
            if isinstance(section, DocstringSectionParameters):
                for item in section.value:
                    item.description = item.description or described.get(item.name, "")
        sections[:] = [
            section
            for section in sections
            if not (isinstance(section, DocstringSectionAttributes) and not section.value)
        ]
