"""The canonical layout of a data file: key order and sorted lists.

One rule set, used twice: ``atlas validate`` reports departures as fixable warnings,
and ``atlas fmt`` rewrites files to follow it. Because both read the rules from here,
a file that ``fmt`` wrote never gets a style warning from ``validate``.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from macros.schema.entries import KINDS

# Lists whose order carries no meaning; they are kept sorted so diffs stay small.
SORTED_LISTS = frozenset(
    {"techniques", "applications", "modalities", "languages", "metrics", "related", "supports"}
)


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as ``Setting | None`` or ``list[Result]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _submodel(arg)
            if found:
                return found
    return None


_SHAPES: dict[type, tuple[list[str], dict[str, int], dict[str, type[BaseModel] | None]]] = {}


def _shape(model: type[BaseModel]):
    """(field order, position of each field, sub-model of each field), computed once per model."""
    shape = _SHAPES.get(model)
    if shape is None:
        order = list(model.model_fields)
        subs = {name: _submodel(info.annotation) for name, info in model.model_fields.items()}
        shape = _SHAPES[model] = (order, {name: i for i, name in enumerate(order)}, subs)
    return shape


def expected_order(model: type[BaseModel]) -> list[str]:
    """Field names of ``model`` in canonical order."""
    return _shape(model)[0]


def style_issues(
    data: Any, model: type[BaseModel], loc: tuple = ()
) -> list[tuple[tuple, str, str]]:
    """Departures from the canonical layout as (location, code, message); data must be valid."""
    issues: list[tuple[tuple, str, str]] = []
    if not isinstance(data, dict):
        return issues
    _, position, subs = _shape(model)
    present = [k for k in data if k in position]
    wanted = sorted(present, key=position.__getitem__)
    if present != wanted:
        first = next(i for i, (a, b) in enumerate(zip(present, wanted, strict=True)) if a != b)
        issues.append(
            (
                (*loc, present[first]),
                "key-order",
                f"keys are not in canonical order (expected '{wanted[first]}' here); run `atlas fmt`",
            )
        )
    for key, value in data.items():
        if key not in position:
            continue
        sub = subs[key]
        if isinstance(value, list):
            is_set = key in SORTED_LISTS and all(isinstance(v, str) for v in value)
            if is_set and value != sorted(value):
                issues.append(((*loc, key), "list-order", "list is not sorted; run `atlas fmt`"))
            if sub:
                for i, item in enumerate(value):
                    issues.extend(style_issues(item, sub, (*loc, key, i)))
        elif isinstance(value, dict) and sub:
            issues.extend(style_issues(value, sub, (*loc, key)))
    return issues


def canonical(data: Any, model: type[BaseModel]) -> Any:
    """A copy of ``data`` with keys in canonical order and unordered lists sorted."""
    if not isinstance(data, dict):
        return data
    order = expected_order(model)
    known = sorted((k for k in data if k in model.model_fields), key=order.index)
    out: dict[str, Any] = {}
    for key in known + [k for k in data if k not in model.model_fields]:
        value = data[key]
        sub = _submodel(model.model_fields[key].annotation) if key in model.model_fields else None
        if isinstance(value, list):
            if key in SORTED_LISTS and all(isinstance(v, str) for v in value):
                value = sorted(value)
            elif sub:
                value = [canonical(item, sub) for item in value]
        elif isinstance(value, dict) and sub:
            value = canonical(value, sub)
        out[key] = value
    return out


def model_for(kind: str) -> type[BaseModel]:
    """The schema model of a data folder name such as ``models``."""
    return KINDS[kind]
