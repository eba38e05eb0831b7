"""Introspection of the schema's models: sub-models and canonical field order."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``Setting | None`` or ``list[Result]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = submodel(arg)
            if found:
                return found
    return None


_SHAPES: dict[type, tuple[list[str], dict[str, int], dict[str, type[BaseModel] | None]]] = {}


def shape(model: type[BaseModel]):
    """(field order, position of each field, sub-model of each field), computed once per model."""
    found = _SHAPES.get(model)
    if found is None:
        order = list(model.model_fields)
        subs = {name: submodel(info.annotation) for name, info in model.model_fields.items()}
        found = _SHAPES[model] = (order, {name: i for i, name in enumerate(order)}, subs)
    return found


def expected_order(model: type[BaseModel]) -> list[str]:
    """Field names of ``model`` in canonical order."""
    return shape(model)[0]
