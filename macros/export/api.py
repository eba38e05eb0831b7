"""The JSON API under api/v1/: one file per kind, one per entry, results, index, schema."""

from __future__ import annotations

import json

from macros.catalog.store import Catalog
from macros.export.csvfiles import RESULT_CSV_COLUMNS
from macros.export.records import RESULT_FIELDS, build_date, entry_record, score_record
from macros.kinds import FOLDERS, LOAD_ORDER, model_of, spec
from macros.schema import vocab

API = "api/v1"
EXPORT_VERSION = "1"


def json_text(data) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def export_schema() -> dict:
    """JSON Schema describing the export files (records are the data schema plus ``derived``)."""
    defs: dict[str, dict] = {}
    shared: dict[str, dict] = {}
    for kind in LOAD_ORDER:
        model = model_of(kind)
        schema = model.model_json_schema(mode="serialization")
        shared.update(schema.pop("$defs", {}))  # Links, Setting, ...: one copy at the top
        schema.setdefault("properties", {})["derived"] = {
            "type": "object",
            "description": "links computed by the atlas, never written by hand",
        }
        schema["additionalProperties"] = False
        # Results are exported once, flattened, in results.json: records leave them out.
        for dropped in ("results", "rows") if kind in ("models", "results") else ():
            schema["properties"].pop(dropped, None)
            if dropped in schema.get("required", []):
                schema["required"].remove(dropped)
        defs[kind] = schema
    result_props = dict(RESULT_FIELDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "MedLLM Atlas export v1",
        "description": "Files under api/v1/: <kind>.json is a list of records; results.json a list of results.",
        "$defs": {
            **shared,
            **{f"{spec(k).export}_record": v for k, v in defs.items()},
            "result": {
                "type": "object",
                "properties": result_props,
                "required": list(RESULT_CSV_COLUMNS),
                "additionalProperties": False,
            },
        },
    }


def api_files(catalog: Catalog, *, site_name: str) -> dict[str, str]:
    """Every JSON file of the API: relative path -> text."""
    files: dict[str, str] = {}
    counts = catalog.counts()
    for kind in FOLDERS:
        name = spec(kind).export
        records = [entry_record(catalog, kind, eid) for eid in sorted(catalog.kind(kind))]
        files[f"{API}/{name}.json"] = json_text(records)
        for record in records:
            files[f"{API}/{name}/{record['id']}.json"] = json_text(record)
    results = [score_record(s) for s in catalog.scores]
    files[f"{API}/results.json"] = json_text(results)
    files[f"{API}/index.json"] = json_text(
        {
            "name": site_name,
            "version": EXPORT_VERSION,
            "build_date": build_date(catalog),
            "counts": counts,
            "files": sorted(
                [f"{spec(k).export}.json" for k in FOLDERS]
                + ["results.json", "schema.json", "models.csv", "results.csv"]
            ),
            "vocabularies": {
                name: [t.id for t in terms] for name, terms in vocab.VOCABULARIES.items()
            },
            "metrics": {
                m.id: {"label": m.label, "unit": m.unit, "min": m.low, "max": m.high}
                for m in vocab.METRICS
            },
            "licence": "CC-BY-4.0",
        }
    )
    files[f"{API}/schema.json"] = json_text(export_schema())
    return files
