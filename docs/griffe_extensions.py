"""Griffe extensions of the reference (mkdocstrings loads them by path from `mkdocs.yml`)."""

from __future__ import annotations

import enum
import typing
from typing import Any

import attrs
from griffe import (
    Class,
    DocstringSectionAttributes,
    DocstringSectionParameters,
    Function,
    Parameter,
    ParameterKind,
    Parameters,
    dynamic_import,
)
from griffe_fieldz import FieldzExtension


class Fields(FieldzExtension):
    """
    The fields of each attrs class as one table: name, type, default and one line.

    The line is the one the class docstring's `Attributes:` section gives the field (or, for
    the provenance fields, the section of the class that declares them); griffe-fieldz alone
    would drop it. The class also gets the signature of the `__init__` attrs writes for it,
    which the source does not show. A `TypedDict` (`ComparisonRow`) is left as its docstring
    describes it: its keys are a `dict`'s, not constructor parameters.
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
        defaults = (
            {f.name: _default(f) for f in attrs.fields(runtime)} if attrs.has(runtime) else {}
        )
        for section in sections:
            if isinstance(section, DocstringSectionParameters):
                for item in section.value:
                    item.description = item.description or described.get(item.name, "")
                    item.value = defaults.get(item.name, item.value)
        sections[:] = [
            section
            for section in sections
            if not (isinstance(section, DocstringSectionAttributes) and not section.value)
        ]
        if attrs.has(runtime) and "__init__" not in cls.members:
            cls.set_member("__init__", _init(cls, runtime, sections))


def _init(cls: Class, runtime: type, sections: list[Any]) -> Function:
    """The `__init__` attrs writes for *runtime*, typed as the fields' table says."""
    annotations = {
        item.name: item.annotation
        for section in sections
        if isinstance(section, DocstringSectionParameters)
        for item in section.value
    }
    parameters = [Parameter("self", kind=ParameterKind.positional_or_keyword)]
    for field in attrs.fields(runtime):
        if not field.init:
            continue
        keyword = field.kw_only or getattr(runtime, "__attrs_kw_only__", False)
        kind = ParameterKind.keyword_only if keyword else ParameterKind.positional_or_keyword
        name = field.alias or field.name
        parameters.append(
            Parameter(
                name, annotation=annotations.get(field.name), kind=kind, default=_default(field)
            )
        )
    return Function("__init__", parameters=Parameters(*parameters), parent=cls, lineno=cls.lineno)


def _default(field: attrs.Attribute[Any]) -> str | None:
    """How a field's default reads in a signature: `None`, `()`, `Qualifier.EXACT`."""
    if field.default is attrs.NOTHING:
        return None
    if isinstance(field.default, enum.Enum):
        return f"{type(field.default).__name__}.{field.default.name}"
    return repr(field.default)
