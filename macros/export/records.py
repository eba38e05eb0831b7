"""Export records: a result or an entry as it appears in every JSON and CSV export."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from macros.catalog.links import dest_url, src_path
from macros.catalog.store import Catalog, Score
from macros.catalog.uncertainty import interval
from macros.kinds import LOAD_ORDER


def build_date(catalog: Catalog) -> str:
    """ISO date-time of the build: SOURCE_DATE_EPOCH if set, else the newest review date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.reviewed for kind in LOAD_ORDER for e in catalog.kind(kind).values()]
    return (max(dates) if dates else "1970-01-01") + "T00:00:00Z"


# Every field of a result record, in order, with what it means. null means "not stated".
RESULT_FIELDS: tuple[tuple[str, dict], ...] = (
    (
        "id",
        {
            "type": "string",
            "description": "stable id of the result, derived from what it is (not its value): r- and 12 hex digits",
        },
    ),
    ("model", {"type": "string", "description": "model id"}),
    ("benchmark", {"type": "string", "description": "benchmark id"}),
    ("variant", {"type": ["string", "null"], "description": "the benchmark's variant id"}),
    (
        "split",
        {"type": ["string", "null"], "description": "test, dev, train or full; null: not stated"},
    ),
    ("metric", {"type": "string", "description": "metric id (index.json lists units and ranges)"}),
    ("value", {"type": "number", "description": "the score, in the metric's unit"}),
    (
        "n",
        {
            "type": ["integer", "null"],
            "description": "number of items scored, stated by the source or derived",
        },
    ),
    (
        "n_derived",
        {
            "type": "boolean",
            "description": "true when n is the benchmark's recorded split size, not a number the source states",
        },
    ),
    ("ci_low", {"type": ["number", "null"], "description": "lower end of the 95% interval"}),
    ("ci_high", {"type": ["number", "null"], "description": "upper end of the 95% interval"}),
    (
        "ci_method",
        {
            "type": ["string", "null"],
            "description": "reported, from the reported standard error, or Wilson (derived by the atlas from n)",
        },
    ),
    ("stderr", {"type": ["number", "null"], "description": "standard error as reported"}),
    (
        "shots",
        {"type": ["integer", "null"], "description": "in-context examples; null: not stated"},
    ),
    ("prompting", {"type": ["string", "null"], "description": "prompting class; null: not stated"}),
    ("samples", {"type": ["integer", "null"], "description": "samples aggregated"}),
    ("method", {"type": ["string", "null"], "description": "named method"}),
    (
        "finetuned_on_train",
        {
            "type": ["boolean", "null"],
            "description": "fine-tuned on the benchmark's training split; null: not stated",
        },
    ),
    ("harness", {"type": ["string", "null"], "description": "evaluation harness"}),
    (
        "grader",
        {"type": ["string", "null"], "description": "grader model or raters, rubric version"},
    ),
    (
        "reasoning_effort",
        {"type": ["string", "null"], "description": "reasoning effort or thinking budget"},
    ),
    (
        "model_version",
        {"type": ["string", "null"], "description": "exact snapshot or checkpoint scored"},
    ),
    (
        "evaluated",
        {
            "type": ["string", "null"],
            "description": "month of the run (YYYY-MM), when the source gives it",
        },
    ),
    (
        "contamination",
        {
            "enum": ["none-found", "suspected", "confirmed", None],
            "description": "what a source says about test-set exposure",
        },
    ),
    (
        "contamination_source",
        {"type": ["string", "null"], "description": "id of the source that says so"},
    ),
    (
        "reported_by",
        {
            "enum": ["authors", "benchmark-owner", "third-party"],
            "description": "derived: the model's own paper, the benchmark's own paper, or anyone else",
        },
    ),
    ("source", {"type": "string", "description": "id of the source the number was read from"}),
    ("locator", {"type": "string", "description": "where in the source"}),
    (
        "cites_source",
        {
            "type": ["string", "null"],
            "description": "the original source, when the source reproduces another's number",
        },
    ),
    ("cites_locator", {"type": ["string", "null"], "description": "where in the original"}),
    (
        "evaluation_set_source",
        {
            "type": ["string", "null"],
            "description": "the source defining the evaluation set (variant, split, n), when the "
            "result's own source does not",
        },
    ),
    (
        "evaluation_set_locator",
        {"type": ["string", "null"], "description": "where in that source"},
    ),
    ("note", {"type": ["string", "null"], "description": "a reading note"}),
    ("origin", {"type": "string", "description": "the data file the row is written in: kind/id"}),
)


def score_record(s: Score) -> dict:
    """A result as an export record: setting and provenance flattened, derived fields marked."""
    st = s.setting
    iv = interval(s)
    contamination = s.contamination or (None, None, None)
    cites = s.cites or (None, None)
    evaluation_set = s.evaluation_set or (None, None)
    return {
        "id": s.id,
        "model": s.model,
        "benchmark": s.benchmark,
        "variant": s.variant,
        "split": s.split,
        "metric": s.metric,
        "value": s.value,
        "n": s.n,
        "n_derived": s.n_derived,
        "ci_low": round(iv.low, 4) if iv else None,
        "ci_high": round(iv.high, 4) if iv else None,
        "ci_method": iv.method if iv else None,
        "stderr": s.stderr,
        "shots": st.shots,
        "prompting": st.prompting,
        "samples": st.samples,
        "method": st.method,
        "finetuned_on_train": st.finetuned_on_train,
        "harness": st.harness,
        "grader": st.grader,
        "reasoning_effort": st.reasoning_effort,
        "model_version": s.model_version,
        "evaluated": s.evaluated,
        "contamination": contamination[0],
        "contamination_source": contamination[1],
        "reported_by": s.reported_by,
        "source": s.source,
        "locator": s.locator,
        "cites_source": cites[0],
        "cites_locator": cites[1],
        "evaluation_set_source": evaluation_set[0],
        "evaluation_set_locator": evaluation_set[1],
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
        derived["results"] = [score_record(s) for s in catalog.model_scores.get(eid, [])]
    elif kind == "benchmarks":
        derived["results"] = [score_record(s) for s in catalog.benchmark_scores.get(eid, [])]
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
        derived["results"] = [score_record(s) for s in catalog.table_scores.get(eid, [])]
    record["derived"] = derived
    return record
