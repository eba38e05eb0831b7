"""CSV exports: models.csv and results.csv, one row per model and per result."""

from __future__ import annotations

import csv
import io

from macros.catalog.store import Catalog
from macros.export.records import RESULT_FIELDS

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
RESULT_CSV_COLUMNS = tuple(name for name, _ in RESULT_FIELDS)


# A cell starting with one of these is read as a formula by Excel, LibreOffice and
# Google Sheets. Such a cell is written with a leading apostrophe and quoted (OWASP's
# advice for CSV injection), so it opens as the text it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(columns, rows) -> str:
    """CSV with a header row; None is empty, text cells are quoted and formula-safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else neutralise(row[c]) for c in columns])
    return buf.getvalue()


def model_rows(catalog: Catalog) -> list[dict]:
    """One row per model, list fields joined with ';'."""
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
    return model_rows
