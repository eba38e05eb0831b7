"""Every export of the atlas, rendered and written next to the site.

Every export is deterministic: entries sorted by id, keys sorted, and the only date is
the build date taken from SOURCE_DATE_EPOCH when it is set (as reproducible builds do),
else the newest ``reviewed`` date in the data.
"""

from __future__ import annotations

from pathlib import Path

from macros.catalog.changes import Changes, as_json
from macros.catalog.store import Catalog
from macros.export import bibtex
from macros.export.api import API, api_files, json_text
from macros.export.chart_data import chart_files
from macros.export.croissant import croissant
from macros.export.csvfiles import MODEL_CSV_COLUMNS, RESULT_CSV_COLUMNS, csv_text, model_rows
from macros.export.feed import atom_feed
from macros.export.records import score_record


def render_exports(
    catalog: Catalog, *, site_name: str = "MedLLM Atlas", site_url: str = ""
) -> dict[str, str]:
    """Every export file: relative path -> text."""
    files = api_files(catalog, site_name=site_name)
    results = [score_record(s) for s in catalog.scores]
    files[f"{API}/models.csv"] = csv_text(MODEL_CSV_COLUMNS, model_rows(catalog))
    files[f"{API}/results.csv"] = csv_text(RESULT_CSV_COLUMNS, results)
    files["atlas.bib"] = bibtex.entries([catalog.papers[p] for p in sorted(catalog.papers)])
    files["feed.xml"] = atom_feed(catalog, site_url)
    files.update(chart_files(catalog))
    files["changes.json"] = json_text(catalog.changes or as_json(Changes(), None, "this build"))
    files["croissant.json"] = croissant(files, catalog, site_url=site_url)
    return files


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
