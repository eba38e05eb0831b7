"""How complete the facts are: per field, the share of the entries it applies to that know it.

A fact is known when the entry gives it or lists it under ``not_stated`` (a sourced
statement that no source gives it). Each field is counted over the entries it applies to:
every medical model for organisation, release month, weights and modality; fine-tuned
models for the base model; open-weights models for parameters and licence. Results are
counted per medical model and per benchmark. ``TARGETS`` are the figures the atlas aims at.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.catalog.store import Catalog

TARGETS = {
    "organisations": 95.0,
    "released": 95.0,
    "weights": 95.0,
    "modalities": 95.0,
    "base_models": 95.0,
    "parameters": 90.0,
    "licence": 90.0,
    "model results": 85.0,
    "benchmark results": 90.0,
}


@dataclass(frozen=True)
class Coverage:
    """One field: how many of the entries it applies to know it."""

    field: str
    known: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.known / self.total if self.total else 100.0

    @property
    def target(self) -> float:
        return TARGETS[self.field]


def _known(model, name: str) -> bool:
    return name in model.not_stated or getattr(model, name) not in (None, [], "")


def _applies(catalog: Catalog) -> dict[str, list]:
    """Per field of ``TARGETS``, the entries it is counted over."""
    medical = [m for m in catalog.models.values() if m.kind == "medical"]
    open_weights = [m for m in medical if m.weights == "open"]
    return {
        "organisations": medical,
        "released": medical,
        "weights": medical,
        "modalities": medical,
        "base_models": [m for m in medical if m.survey_type == "fine-tuned"],
        "parameters": open_weights,
        "licence": open_weights,
        "model results": medical,
        "benchmark results": list(catalog.benchmarks.values()),
    }


def _knows(catalog: Catalog, field: str, entry) -> bool:
    if field == "model results":
        return bool(catalog.model_scores.get(entry.id))
    if field == "benchmark results":
        return bool(catalog.benchmark_scores.get(entry.id))
    return _known(entry, field)


def missing(catalog: Catalog) -> dict[str, list[str]]:
    """Per field of ``TARGETS``, the ids of the entries it applies to that do not know it yet.

    An entry that lists the field under ``not_stated`` knows it (its sources were read and
    are silent), so it is not missing; one with no results is missing "model results" or
    "benchmark results". Ids are sorted.
    """
    return {
        f: sorted(e.id for e in entries if not _knows(catalog, f, e))
        for f, entries in _applies(catalog).items()
    }


def completeness(catalog: Catalog) -> list[Coverage]:
    """Coverage of every tracked field, in the order of ``TARGETS``."""
    return [
        Coverage(f, sum(_knows(catalog, f, e) for e in entries), len(entries))
        for f, entries in _applies(catalog).items()
    ]


def as_text(rows: list[Coverage]) -> str:
    """A plain table: field, known of total, percent, target."""
    lines = [f"{'field':<18} {'known':>11} {'percent':>8} {'target':>7}"]
    for r in rows:
        mark = "" if r.percent >= r.target else "  below target"
        lines.append(
            f"{r.field:<18} {f'{r.known}/{r.total}':>11} {r.percent:>7.1f}% {r.target:>6.0f}%{mark}"
        )
    return "\n".join(lines)
