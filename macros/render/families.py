"""Every page family: the function that draws a planned page, by the family's name."""

from __future__ import annotations

from macros.render import changes, entries, indexes, special, wanted

FAMILIES = {
    "models": entries.model_page,
    "benchmarks": entries.benchmark_page,
    "techniques": entries.technique_page,
    "papers": entries.paper_page,
    "applications": entries.application_page,
    "organisations": entries.organisation_page,
    "results": entries.results_page,
    "index": indexes.index_page,
    "compare": special.compare_page,
    "lineage": special.lineage_page,
    "disagreements": special.disagreements_page,
    "changes": changes.changes_page,
    "wanted": wanted.wanted_page,
}
