"""API stability: what in a new export schema would break a reader of the committed one.

Within v1 the export may gain fields, entries and definitions. A removed or renamed field,
a field whose type changed, or a removed definition breaks readers, and needs api/v2.
"""

from __future__ import annotations

import json
from pathlib import Path

COMMITTED = Path("schemas") / "export-v1.schema.json"


def _types(prop: dict) -> tuple:
    kinds = prop.get("type")
    if kinds is None:
        branches = prop.get("anyOf") or prop.get("oneOf") or []
        return tuple(sorted(json.dumps(b, sort_keys=True) for b in branches)) or (
            json.dumps(
                {k: prop[k] for k in ("$ref", "enum", "const") if k in prop}, sort_keys=True
            ),
        )
    return tuple(sorted([kinds] if isinstance(kinds, str) else kinds))


def breaking_changes(old: dict, new: dict) -> list[str]:
    """Every change from ``old`` to ``new`` that a reader of ``old`` would trip over."""
    out = []
    old_defs, new_defs = old.get("$defs", {}), new.get("$defs", {})
    for name, old_def in sorted(old_defs.items()):
        new_def = new_defs.get(name)
        if new_def is None:
            out.append(f"{name}: definition removed")
            continue
        old_props, new_props = old_def.get("properties", {}), new_def.get("properties", {})
        for field, prop in sorted(old_props.items()):
            if field not in new_props:
                out.append(f"{name}.{field}: field removed or renamed")
            elif _types(prop) != _types(new_props[field]):
                out.append(
                    f"{name}.{field}: type changed from {_types(prop)} to {_types(new_props[field])}"
                )
    return out


def committed_schema(root: Path) -> dict:
    """The export schema committed as the v1 contract."""
    return json.loads((root / COMMITTED).read_text(encoding="utf-8"))


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
