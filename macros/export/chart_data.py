"""The data behind each progress chart, as CSV next to the API (api/v1/charts/<id>.csv)."""

from __future__ import annotations

from macros.catalog.boards import progress
from macros.catalog.store import Catalog
from macros.export.csvfiles import csv_text
from macros.render.charts.jobs import board_of, chart_csv_path, expected_jobs

CHART_COLUMNS = (
    "model_date",
    "model",
    "model_name",
    "parameters_b",
    "value",
    "frontier",
    "benchmark",
    "variant",
    "metric",
    "shots",
    "prompting",
    "split",
    "source",
    "locator",
)


def chart_rows(catalog: Catalog, board) -> list[dict]:
    """One row per model on the board, by the model's date; frontier = beat all earlier ones."""
    rows = []
    for when, row, ahead in progress(catalog, board):
        s = row.best.score
        rows.append(
            {
                "model_date": when,
                "model": s.model,
                "model_name": catalog.models[s.model].name,
                "parameters_b": ";".join(f"{p:g}" for p in catalog.models[s.model].parameters),
                "value": s.value,
                "frontier": "yes" if ahead else "no",
                "benchmark": s.benchmark,
                "variant": s.variant,
                "metric": s.metric,
                "shots": s.setting.shots,
                "prompting": s.setting.prompting,
                "split": s.split,
                "source": s.source,
                "locator": s.locator,
            }
        )
    return rows


def chart_files(catalog: Catalog) -> dict[str, str]:
    """The data file of every chart drawn from a board: relative path -> CSV text."""
    files = {}
    for job in expected_jobs(catalog):
        board = board_of(catalog, job) if job.kind in ("progress", "size-vs-score") else None
        if board is not None:
            files[chart_csv_path(job)] = csv_text(CHART_COLUMNS, chart_rows(catalog, board))
    return files
