"""Open-data exports written next to the site: JSON API, CSV, BibTeX and an Atom feed.

Every export is deterministic: entries sorted by id, keys sorted, and the only date is
the build date taken from SOURCE_DATE_EPOCH when it is set (as reproducible builds do),
else the newest ``reviewed`` date in the data.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from macros.catalog.links import dest_url, src_path
from macros.catalog.store import KIND_ORDER, Catalog, Score
from macros.export import bibtex
from macros.schema import vocab
from macros.schema.entries import KINDS

API = "api/v1"
EXPORT_VERSION = "1"
MODEL_CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "survey_type",
    "family",
    "released",
    "parameters_b",
    "architecture",
    "weights",
    "licence",
    "modalities",
    "languages",
    "organisations",
    "base_models",
    "techniques",
    "applications",
    "papers",
    "results",
    "added",
    "reviewed",
)
RESULT_CSV_COLUMNS = (
    "model",
    "benchmark",
    "variant",
    "split",
    "metric",
    "value",
    "shots",
    "prompting",
    "samples",
    "method",
    "finetuned_on_train",
    "harness",
    "grader",
    "reported_by",
    "source",
    "locator",
    "note",
    "origin",
)


def export_name(kind: str) -> str:
    """File name of a kind in the API: result tables are `result-tables` (results.json holds
    every result, flattened)."""
    return "result-tables" if kind == "results" else kind


def build_date(catalog: Catalog) -> str:
    """ISO date-time of the build: SOURCE_DATE_EPOCH if set, else the newest review date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.reviewed for kind in KINDS for e in catalog.kind(kind).values()]
    return (max(dates) if dates else "1970-01-01") + "T00:00:00Z"


def score_record(s: Score) -> dict:
    """A result as an export record (setting flattened)."""
    st = s.setting
    return {
        "model": s.model,
        "benchmark": s.benchmark,
        "variant": s.variant,
        "split": s.split,
        "metric": s.metric,
        "value": s.value,
        "shots": st.shots,
        "prompting": st.prompting,
        "samples": st.samples,
        "method": st.method,
        "finetuned_on_train": st.finetuned_on_train,
        "harness": st.harness,
        "grader": st.grader,
        "reported_by": s.reported_by,
        "source": s.source,
        "locator": s.locator,
        "note": s.note,
        "origin": f"{s.origin[0]}/{s.origin[1]}",
    }


def entry_record(catalog: Catalog, kind: str, eid: str) -> dict:
    """An entry as written in data/, with all defaults, plus derived links under ``derived``."""
    entry = catalog.kind(kind)[eid]
    record = entry.model_dump(mode="json")
    derived: dict = {
        "page": dest_url(src_path(kind, eid), True),
        "data_file": catalog.files[(kind, eid)],
    }
    if kind == "models":
        record.pop("results", None)
        derived["derivatives"] = catalog.derivatives.get(eid, [])
        derived["results"] = len(catalog.model_scores.get(eid, []))
    elif kind == "benchmarks":
        derived["results"] = len(catalog.benchmark_scores.get(eid, []))
        derived["models"] = sorted({s.model for s in catalog.benchmark_scores.get(eid, [])})
    elif kind == "techniques":
        derived["models"] = catalog.technique_models.get(eid, [])
    elif kind == "papers":
        derived["cited_by"] = [f"{k}/{i}" for k, i in catalog.citations.get(eid, [])]
    elif kind == "applications":
        derived["models"] = catalog.application_models.get(eid, [])
        derived["benchmarks"] = catalog.application_benchmarks.get(eid, [])
    elif kind == "organisations":
        derived["models"] = catalog.organisation_models.get(eid, [])
        derived["benchmarks"] = catalog.organisation_benchmarks.get(eid, [])
    elif kind == "results":
        record.pop("rows", None)
        derived["results"] = len(catalog.table_scores.get(eid, []))
    record["derived"] = derived
    return record


def _json(data) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _csv(columns, rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return buf.getvalue()


def export_schema() -> dict:
    """JSON Schema describing the export files (records are the data schema plus ``derived``)."""
    defs: dict[str, dict] = {}
    shared: dict[str, dict] = {}
    for kind, model in KINDS.items():
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
    result_props = {c: {} for c in RESULT_CSV_COLUMNS}
    result_props["value"] = {"type": "number"}
    result_props["reported_by"] = {"enum": ["authors", "third-party"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "MedLLM Atlas export v1",
        "description": "Files under api/v1/: <kind>.json is a list of records; results.json a list of results.",
        "$defs": {
            **shared,
            **{f"{export_name(k)}_record": v for k, v in defs.items()},
            "result": {
                "type": "object",
                "properties": result_props,
                "required": list(RESULT_CSV_COLUMNS),
                "additionalProperties": False,
            },
        },
    }


def atom_feed(catalog: Catalog, site_url: str = "", limit: int = 100) -> str:
    """An Atom feed of the newest entries by ``added`` date."""
    items = []
    for kind in ("models", "benchmarks", "techniques", "applications", "results"):
        for eid, e in catalog.kind(kind).items():
            items.append((e.added, kind, eid, e))
    items.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
    items = items[:limit]
    updated = (items[0][0] if items else "1970-01-01") + "T00:00:00Z"
    base = site_url.rstrip("/") + "/" if site_url else ""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "  <title>MedLLM Atlas: new entries</title>",
        "  <id>tag:medllm-atlas,2026:feed</id>",
        f"  <updated>{updated}</updated>",
        "  <author><name>MedLLM Atlas contributors</name></author>",
        f'  <link rel="self" href="{xml_escape(base)}feed.xml"/>' if base else "",
    ]
    for added, kind, eid, e in items:
        title = getattr(e, "name", eid)
        summary = getattr(e, "summary", None) or getattr(e, "note", None) or title
        href = base + dest_url(src_path(kind, eid), True)
        out += [
            "  <entry>",
            f"    <title>{xml_escape(title)}</title>",
            f"    <id>tag:medllm-atlas,2026:{kind}/{eid}</id>",
            f"    <updated>{added}T00:00:00Z</updated>",
            f'    <link rel="alternate" href="{xml_escape(href)}"/>',
            f'    <category term="{kind}"/>',
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(line for line in out if line) + "\n"


def render_exports(
    catalog: Catalog, *, site_name: str = "MedLLM Atlas", site_url: str = ""
) -> dict[str, str]:
    """Every export file: relative path -> text."""
    files: dict[str, str] = {}
    counts = catalog.counts()
    for kind in KIND_ORDER:
        name = export_name(kind)
        records = [entry_record(catalog, kind, eid) for eid in sorted(catalog.kind(kind))]
        files[f"{API}/{name}.json"] = _json(records)
        for record in records:
            files[f"{API}/{name}/{record['id']}.json"] = _json(record)
    results = [score_record(s) for s in catalog.scores]
    files[f"{API}/results.json"] = _json(results)
    files[f"{API}/index.json"] = _json(
        {
            "name": site_name,
            "version": EXPORT_VERSION,
            "build_date": build_date(catalog),
            "counts": counts,
            "files": sorted(
                [f"{export_name(k)}.json" for k in KIND_ORDER]
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
    files[f"{API}/schema.json"] = _json(export_schema())
    model_rows = []
    for mid in sorted(catalog.models):
        m = catalog.models[mid]
        model_rows.append(
            {
                "id": m.id,
                "name": m.name,
                "kind": m.kind,
                "survey_type": m.survey_type,
                "family": m.family,
                "released": m.released,
                "parameters_b": ";".join(f"{p:g}" for p in m.parameters),
                "architecture": m.architecture,
                "weights": m.weights,
                "licence": m.licence,
                "modalities": ";".join(m.modalities),
                "languages": ";".join(m.languages),
                "organisations": ";".join(m.organisations),
                "base_models": ";".join(m.base_models),
                "techniques": ";".join(m.techniques),
                "applications": ";".join(m.applications),
                "papers": ";".join(m.papers),
                "results": len(catalog.model_scores.get(mid, [])),
                "added": m.added,
                "reviewed": m.reviewed,
            }
        )
    files[f"{API}/models.csv"] = _csv(MODEL_CSV_COLUMNS, model_rows)
    files[f"{API}/results.csv"] = _csv(RESULT_CSV_COLUMNS, results)
    files["atlas.bib"] = bibtex.entries([catalog.papers[p] for p in sorted(catalog.papers)])
    files["feed.xml"] = atom_feed(catalog, site_url)
    return files


def write_redirects(catalog: Catalog, site: Path, use_directory_urls: bool) -> list[Path]:
    """A forwarding page at the address of every renamed entry (data/redirects.yaml)."""
    from macros.catalog.links import relative_url
    from macros.rules.redirects import redirect_html

    written = []
    for kind, table in sorted(catalog.redirects.items()):
        for old, new in sorted(table.items()):
            src = src_path(kind, old)
            url = dest_url(src, use_directory_urls)
            path = site / (url + "index.html" if url.endswith("/") else url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                redirect_html(relative_url(src, src_path(kind, new), use_directory_urls))
            )
            written.append(path)
    return written


def write_exports(
    catalog: Catalog, out_dir: Path, *, site_name: str = "MedLLM Atlas", site_url: str = ""
) -> list[Path]:
    """Write every export under ``out_dir``; return the paths written."""
    written = []
    for rel, text in render_exports(catalog, site_name=site_name, site_url=site_url).items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
