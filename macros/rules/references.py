"""References: every id an entry names exists, with a "did you mean" when it does not."""

from __future__ import annotations

from macros.load.entry import Entry
from macros.rules.registry import RESULT, Context, rule

# kind -> (field, kind it refers to); list fields are checked item by item.
REFERENCE_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "techniques": (("parent", "techniques"), ("related", "techniques"), ("papers", "papers")),
    "applications": (("techniques", "techniques"),),
    "benchmarks": (
        ("organisations", "organisations"),
        ("applications", "applications"),
        ("papers", "papers"),
    ),
    "models": (
        ("organisations", "organisations"),
        ("base_models", "models"),
        ("techniques", "techniques"),
        ("applications", "applications"),
        ("papers", "papers"),
    ),
    "results": (("source", "papers"),),
}


@rule("unknown-ref", scope=tuple(REFERENCE_FIELDS))
def entry_references(ctx: Context, entry: Entry) -> None:
    """unknown-ref: every id in an entry's reference fields names an existing entry."""
    for name, target in REFERENCE_FIELDS[entry.kind]:
        value = getattr(entry.obj, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                ctx.resolve(entry, (name, i), target, item)
        else:
            ctx.resolve(entry, (name,), target, value)


@rule("unknown-ref", scope=("models", "benchmarks"))
def fact_sources(ctx: Context, entry: Entry) -> None:
    """unknown-ref: each item of ``sources`` (and of a benchmark's ``leakage``) names an
    existing source."""
    for i, src in enumerate(entry.obj.sources):
        ctx.resolve(entry, ("sources", i, "source"), "papers", src.source)
    for i, note in enumerate(getattr(entry.obj, "leakage", [])):
        ctx.resolve(entry, ("leakage", i, "source"), "papers", note.source)


@rule("unknown-ref", scope=RESULT)
def result_references(ctx: Context, located) -> None:
    """unknown-ref: a result names an existing model, benchmark and source (and the sources
    it cites, that report contamination or that define its evaluation set)."""
    entry, loc, row = located.entry, located.loc, located.row
    if entry.kind == "results":
        ctx.resolve(entry, (*loc, "model"), "models", row.model)
        if not located.model_known:
            return
    else:
        ctx.resolve(entry, (*loc, "source"), "papers", row.source)
    ctx.resolve(entry, (*loc, "benchmark"), "benchmarks", row.benchmark)
    if row.cites is not None:
        ctx.resolve(entry, (*loc, "cites", "source"), "papers", row.cites.source)
    if row.contamination is not None:
        ctx.resolve(entry, (*loc, "contamination", "source"), "papers", row.contamination.source)
    if row.evaluation_set is not None:
        ctx.resolve(entry, (*loc, "evaluation_set", "source"), "papers", row.evaluation_set.source)


@rule("unknown-ref", scope=("results",))
def table_evaluation_set(ctx: Context, entry: Entry) -> None:
    """unknown-ref: a result table's default evaluation set names an existing source."""
    es = entry.obj.evaluation_set
    if es is not None:
        ctx.resolve(entry, ("evaluation_set", "source"), "papers", es.source)
