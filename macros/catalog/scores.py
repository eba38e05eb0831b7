"""Every result row of the data, flattened into a ``Score`` with its provenance.

A result is written either inside its model's file (``results:``) or as a row of a result
table (``data/results/``), whose source, locator and setting the row inherits. Who
reported it is derived, never typed: the model's own papers make it the authors'.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from macros.catalog.store import Score
from macros.catalog.uncertainty import PROPORTIONS, could_be_a_count
from macros.load.entry import Entry
from macros.schema.entries import Setting


@dataclass(frozen=True)
class LocatedScore:
    """A score and where it is written: the file, the field path, and the raw row."""

    entry: Entry
    loc: tuple
    row: object  # schema Result or ResultRow
    score: Score
    model_known: bool  # False when a table row names a model that does not exist


def reported_by(model, benchmark, source: str) -> str:
    """'authors' when the source is one of the model's own papers; 'benchmark-owner' when it
    is one of the benchmark's own papers; else 'third-party'."""
    if model is not None and source in model.papers:
        return "authors"
    if benchmark is not None and source in benchmark.papers:
        return "benchmark-owner"
    return "third-party"


def effective_setting(table_setting: Setting, row_setting: Setting | None) -> Setting:
    """A table row's setting: the table's, with the keys the row gives overriding it."""
    if row_setting is None:
        return table_setting
    update = {k: getattr(row_setting, k) for k in row_setting.model_fields_set}
    return table_setting.model_copy(update=update)


def _provenance(row, table_evaluation_set=None) -> dict:
    """The row's stated provenance fields, as Score fields (a table's evaluation set is the
    default of its rows)."""
    c = row.contamination
    es = row.evaluation_set or table_evaluation_set
    return {
        "n": row.n,
        "ci": tuple(row.ci) if row.ci else None,
        "stderr": row.stderr,
        "model_version": row.model_version,
        "evaluated": row.evaluated,
        "contamination": (c.status, c.source, c.locator) if c else None,
        "cites": (row.cites.source, row.cites.locator) if row.cites else None,
        "evaluation_set": (es.source, es.locator) if es else None,
    }


def _score(
    entry, model_id: str, model, benchmarks: dict, row, source, locator, setting, line=0, table=None
) -> Score:
    return Score(
        model=model_id,
        benchmark=row.benchmark,
        variant=row.variant,
        split=row.split,
        metric=row.metric,
        value=row.value,
        setting=setting,
        source=source,
        locator=locator,
        note=row.note,
        reported_by=reported_by(model, benchmarks.get(row.benchmark), source),
        origin=(entry.kind, entry.id),
        line=line,
        **_provenance(row, table.evaluation_set if table is not None else None),
    )


def _lines(entry, key: str, count: int) -> list[int]:
    """The line of each row, or 0s when they cannot be told apart (a salvaged file)."""
    lines = entry.item_lines(key)
    return lines if len(lines) == count else [0] * count


def located_scores(entries: dict[str, dict[str, Entry]]) -> list[LocatedScore]:
    """Every result row, model files first, then result tables, each in file order."""
    out: list[LocatedScore] = []
    benchmarks = {bid: e.obj for bid, e in entries["benchmarks"].items()}
    models = entries["models"]
    for entry in models.values():
        m = entry.obj
        lines = _lines(entry, "results", len(m.results))
        for i, r in enumerate(m.results):
            s = _score(entry, m.id, m, benchmarks, r, r.source, r.locator, r.setting, lines[i])
            out.append(LocatedScore(entry, ("results", i), r, s, True))
    for entry in entries["results"].values():
        t = entry.obj
        lines = _lines(entry, "rows", len(t.rows))
        for i, row in enumerate(t.rows):
            model = models.get(row.model)
            setting = effective_setting(t.setting, row.setting)
            s = _score(
                entry,
                row.model,
                model.obj if model else None,
                benchmarks,
                row,
                t.source,
                row.locator or t.locator,
                setting,
                lines[i],
                t,
            )
            out.append(LocatedScore(entry, ("rows", i), row, s, model is not None))
    return out


def split_size(benchmark, variant: str | None, split: str | None) -> int | None:
    """The number of items of a benchmark's (variant's) split, when the entry records it."""
    if benchmark is None or split is None:
        return None
    size = benchmark.size
    if variant is not None:
        size = next((v.size for v in benchmark.variants if v.id == variant), None)
    return getattr(size, split, None) if size is not None else None


def with_derived_n(score: Score, benchmark) -> Score:
    """A score whose source states no n gets the recorded size of its split, marked derived.

    Not when the score is a proportion that cannot be a whole number of items out of that
    size: it was then not one run over the whole split (a mean of runs, or a subset), and
    the split's size would be a wrong n.
    """
    if score.n is not None:
        return score
    n = split_size(benchmark, score.variant, score.split)
    if not n or (score.metric in PROPORTIONS and not could_be_a_count(score.value, n)):
        return score
    return replace(score, n=n, n_derived=True)
