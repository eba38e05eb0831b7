"""Generate the JSON Schemas for editors (yaml-language-server) from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from macros.kinds import LOAD_ORDER, model_of, singular

SCHEMA_DIR = "schemas"


def schema_for(kind: str) -> dict:
    """The JSON Schema of one data kind, with a stable id and title."""
    schema = model_of(kind).model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"MedLLM Atlas {singular(kind)}"
    return schema


def render_all() -> dict[str, str]:
    """File name -> JSON text for every kind, deterministic."""
    return {
        f"{kind}.schema.json": json.dumps(
            schema_for(kind), indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
        for kind in LOAD_ORDER
    }


def write_export_contract(root: Path) -> Path:
    """Refresh the committed export schema (the api/v1 contract) with what v1 may gain;
    refuse a breaking change, which needs api/v2."""
    from macros.export.api import export_schema
    from macros.export.compat import COMMITTED, breaking_changes, committed_schema, schema_text

    current = export_schema()
    path = root / COMMITTED
    if path.exists():
        broken = breaking_changes(committed_schema(root), current)
        if broken:
            raise ValueError("breaking change to api/v1 (needs api/v2): " + "; ".join(broken))
    path.write_text(schema_text(current), encoding="utf-8")
    return path


def write_all(root: Path) -> list[Path]:
    """Write every schema under ``root/schemas``; return the paths written."""
    out_dir = root / SCHEMA_DIR
    out_dir.mkdir(exist_ok=True)
    written = [write_export_contract(root)]
    for name, text in render_all().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
