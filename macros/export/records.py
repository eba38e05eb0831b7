"""Export records: a result or an entry as it appears in every JSON and CSV export."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from macros.catalog.links import dest_url, src_path
from macros.catalog.store import Catalog, Score
from macros.kinds import LOAD_ORDER


def build_date(catalog: Catalog) -> str:
    """ISO date-time of the build: SOURCE_DATE_EPOCH if set, else the newest review date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.reviewed for kind in LOAD_ORDER for e in catalog.kind(kind).values()]
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
