"""What is understood of a file that is not valid yet, so later layers can still check it.

- Template placeholders (``<VALUE>``) are values not filled in: each gets one
  ``placeholder`` problem and is taken out before the schema runs.
- ``salvage`` drops what the schema refused (a bad field, or the list item holding it)
  until the rest validates. The rules then run on that partial entry, so one run reports
  the problems of every layer. A partial entry never reaches a catalog: its file has errors.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import BaseModel, ValidationError

PLACEHOLDER = re.compile(r"^<[A-Z][A-Z0-9_]*>$")
ROUNDS = 6  # each round drops what the schema refused; nested rows need a few


def placeholder_paths(data: Any, here: tuple = ()) -> list[tuple]:
    """The path of every template placeholder left in ``data``."""
    if isinstance(data, str):
        return [here] if PLACEHOLDER.match(data.strip()) else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    return [p for key, value in items for p in placeholder_paths(value, (*here, key))]


def without(data: Any, paths: list[tuple]) -> Any:
    """A copy of ``data`` with the values at ``paths`` removed (list items taken out)."""
    out = copy.deepcopy(data)
    for path in sorted(paths, key=_order, reverse=True):
        _remove(out, path)
    return out


def _order(path: tuple) -> tuple:
    return tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in path)


def _remove(data: Any, path: tuple) -> bool:
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    try:
        del node[path[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _prunable(data: Any, loc: tuple, missing: bool) -> tuple | None:
    """What to drop for a schema error at ``loc``: the field itself, or, when a required
    field is missing, the nearest list item that holds it. None when only the whole file
    would do (a required top-level field)."""
    target = loc[:-1] if missing else loc
    if not missing and target:
        return target
    node, last_item = data, None
    for i, part in enumerate(target):
        if isinstance(node, list):
            last_item = target[: i + 1]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return last_item


def salvage(
    model: type[BaseModel], data: dict, errors: list[dict], locate
) -> tuple[BaseModel | None, list[tuple]]:
    """The entry made of what the schema accepts and the paths left out; the entry is None
    when a required top-level field is wrong. ``locate(data, loc)`` turns a pydantic
    location into a data path."""
    current = copy.deepcopy(data)
    dropped: list[tuple] = []
    for _ in range(ROUNDS):
        drops = []
        for err in errors:
            path = _prunable(current, locate(current, err["loc"]), err["type"] == "missing")
            if path is None:
                return None, dropped
            drops.append(path)
        dropped += drops
        current = without(current, drops)
        try:
            return model.model_validate(current), dropped
        except ValidationError as exc:
            errors = exc.errors()
    return None, dropped
