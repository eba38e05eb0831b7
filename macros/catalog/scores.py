"""Every result row of the data, flattened into a ``Score`` with its provenance.

A result is written either inside its model's file (``results:``) or as a row of a result
table (``data/results/``), whose source, locator and setting the row inherits. Who
reported it is derived, never typed: the model's own papers make it the authors'.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.catalog.store import Score
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


def reported_by(model, source: str) -> str:
    """'authors' when the source is one of the model's own papers, else 'third-party'."""
    return "authors" if model is not None and source in model.papers else "third-party"


def effective_setting(table_setting: Setting, row_setting: Setting | None) -> Setting:
    """A table row's setting: the table's, with the keys the row gives overriding it."""
    if row_setting is None:
        return table_setting
    update = {k: getattr(row_setting, k) for k in row_setting.model_fields_set}
    return table_setting.model_copy(update=update)


def _score(entry: Entry, model_id: str, model, row, source: str, locator: str, setting) -> Score:
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
        reported_by=reported_by(model, source),
        origin=(entry.kind, entry.id),
    )


def located_scores(entries: dict[str, dict[str, Entry]]) -> list[LocatedScore]:
    """Every result row, model files first, then result tables, each in file order."""
    out: list[LocatedScore] = []
    models = entries["models"]
    for entry in models.values():
        m = entry.obj
        for i, r in enumerate(m.results):
            s = _score(entry, m.id, m, r, r.source, r.locator, r.setting)
            out.append(LocatedScore(entry, ("results", i), r, s, True))
    for entry in entries["results"].values():
        t = entry.obj
        for i, row in enumerate(t.rows):
            model = models.get(row.model)
            setting = effective_setting(t.setting, row.setting)
            s = _score(
                entry,
                row.model,
                model.obj if model else None,
                row,
                t.source,
                row.locator or t.locator,
                setting,
            )
            out.append(LocatedScore(entry, ("rows", i), row, s, model is not None))
    return out
