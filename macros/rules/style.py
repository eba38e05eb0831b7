"""The canonical layout of a data file: key order and sorted lists.

One rule set, used twice: ``atlas validate`` reports departures as fixable warnings,
and ``atlas fmt`` rewrites files to follow it. Because both read the rules from here,
a file that ``fmt`` wrote never gets a style warning from ``validate``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from macros.kinds import LOAD_ORDER, model_of
from macros.rules.registry import rule
from macros.schema.fields import expected_order, shape, submodel

# Lists whose order carries no meaning; they are kept sorted so diffs stay small.
SORTED_LISTS = frozenset(
    {"techniques", "applications", "modalities", "languages", "metrics", "related", "supports"}
)


def style_issues(
    data: Any, model: type[BaseModel], loc: tuple = ()
) -> list[tuple[tuple, str, str]]:
    """Departures from the canonical layout as (location, code, message); data must be valid."""
    issues: list[tuple[tuple, str, str]] = []
    if not isinstance(data, dict):
        return issues
    _, position, subs = shape(model)
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
        sub = submodel(model.model_fields[key].annotation) if key in model.model_fields else None
        if isinstance(value, list):
            if key in SORTED_LISTS and all(isinstance(v, str) for v in value):
                value = sorted(value)
            elif sub:
                value = [canonical(item, sub) for item in value]
        elif isinstance(value, dict) and sub:
            value = canonical(value, sub)
        out[key] = value
    return out


def _issues(ctx, entry) -> list[tuple[tuple, str, str]]:
    """The entry's style issues, worked out once for both style rules."""
    key = ("style", entry.kind, entry.id)
    if key not in ctx.memo:
        ctx.memo[key] = style_issues(entry.loaded.data, model_of(entry.kind))
    return ctx.memo[key]


def _report(ctx, entry, code: str) -> None:
    for loc, found, message in _issues(ctx, entry):
        if found == code:
            ctx.report(entry, loc, code, message, key=True, severity="warning")


@rule("key-order", scope=LOAD_ORDER)
def key_order(ctx, entry) -> None:
    """key-order (warning, fixed by ``atlas fmt``): keys follow the schema's field order."""
    _report(ctx, entry, "key-order")


@rule("list-order", scope=LOAD_ORDER)
def list_order(ctx, entry) -> None:
    """list-order (warning, fixed by ``atlas fmt``): unordered lists such as ``techniques``
    are sorted."""
    _report(ctx, entry, "list-order")
