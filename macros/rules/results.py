"""Results: each score names a variant, metric and value its benchmark allows, once.

These rules skip a row whose benchmark (or, in a result table, whose model) does not
exist; ``unknown-ref`` reports those.
"""

from __future__ import annotations

import difflib

from macros.rules.registry import CATALOG, GAPS_GUIDE, RESULT, Context, rule
from macros.schema import vocab


def _benchmark(ctx: Context, located):
    if not located.model_known:
        return None
    return ctx.obj("benchmarks", located.row.benchmark)


@rule("missing-variant", scope=RESULT)
def variant_given(ctx: Context, located) -> None:
    """missing-variant: a result on a benchmark with variants says which variant."""
    bench = _benchmark(ctx, located)
    if bench is None or located.row.variant is not None or not bench.variants:
        return
    ids = [v.id for v in bench.variants]
    ctx.report(
        located.entry,
        (*located.loc, "benchmark"),
        "missing-variant",
        f"{bench.name} has variants; say which: {', '.join(ids)} (if the source does not "
        f"say, see {GAPS_GUIDE})",
    )


@rule("unknown-variant", scope=RESULT)
def variant_known(ctx: Context, located) -> None:
    """unknown-variant: a result's variant is one of its benchmark's variants."""
    bench = _benchmark(ctx, located)
    variant = located.row.variant
    if bench is None or variant is None:
        return
    ids = [v.id for v in bench.variants]
    if variant in ids:
        return
    hint = difflib.get_close_matches(variant, ids, n=1)
    ctx.report(
        located.entry,
        (*located.loc, "variant"),
        "unknown-variant",
        f"{bench.name} has no variant '{variant}'"
        + (f" (did you mean '{hint[0]}'?)" if hint else f"; known: {', '.join(ids) or 'none'}"),
    )


@rule("metric-mismatch", scope=RESULT)
def metric_of_benchmark(ctx: Context, located) -> None:
    """metric-mismatch: a result uses one of its benchmark's metrics."""
    bench = _benchmark(ctx, located)
    metric = located.row.metric
    if bench is not None and metric not in bench.metrics:
        ctx.report(
            located.entry,
            (*located.loc, "metric"),
            "metric-mismatch",
            f"{bench.name} is scored with {', '.join(bench.metrics)}, not {metric}",
        )


@rule("value-range", scope=RESULT)
def value_in_range(ctx: Context, located) -> None:
    """value-range: a value lies in its metric's range (accuracy 0-100, in percent)."""
    if not located.model_known:
        return
    value = located.row.value
    metric = vocab.METRIC_BY_ID[located.row.metric]
    if not metric.low <= value <= metric.high:
        ctx.report(
            located.entry,
            (*located.loc, "value"),
            "value-range",
            f"{value:g} is outside {metric.label}'s range {metric.low:g}-{metric.high:g} ({metric.unit})",
        )


@rule("setting", scope=RESULT)
def ensemble_has_samples(ctx: Context, located) -> None:
    """setting: an ensemble that gives its sample count aggregates two or more samples."""
    s = located.score.setting
    if (
        located.model_known
        and s.prompting == "ensemble"
        and s.samples is not None
        and s.samples < 2
    ):
        ctx.report(
            located.entry,
            (*located.loc, "setting", "samples"),
            "setting",
            "an ensemble aggregates 2 or more samples",
        )


@rule("duplicate-result", scope="catalog")
def duplicate_results(ctx: Context) -> None:
    """duplicate-result: the same claim (model, comparable setting, details, source and
    locator) is written once; later copies are reported at their own place."""
    first: dict[tuple, object] = {}
    for located in ctx.located:
        if not located.model_known:
            continue
        key = located.score.identity
        if key in first:
            original = first[key]
            line = original.entry.position(original.loc)[0]
            ctx.report(
                located.entry,
                located.loc,
                "duplicate-result",
                f"the same result is already recorded in {original.entry.path}:{line}",
            )
        else:
            first[key] = located


def _stated(score) -> dict:
    """The setting fields a score's source states, by name."""
    st = score.setting
    fields = {
        "split": score.split,
        "shots": st.shots,
        "prompting": st.prompting,
        "finetuned_on_train": st.finetuned_on_train,
    }
    return {k: v for k, v in fields.items() if v is not None}


def _contradicts(copy, original) -> list[str]:
    """The fields the original states and the copy gives otherwise (or leaves out)."""
    mine = _stated(copy)
    return sorted(k for k, v in _stated(original).items() if mine.get(k) != v)


@rule("cites-setting", scope=CATALOG)
def copied_setting_travels(ctx: Context) -> None:
    """cites-setting (warning): a row that reproduces another source's number (``cites``)
    keeps every part of the setting that the original states for that number."""
    original: dict[tuple, list] = {}
    for located in ctx.located:
        s = located.score
        key = (s.source, s.model, s.benchmark, s.variant, s.metric, round(s.value, 4))
        original.setdefault(key, []).append(s)
    for located in ctx.located:
        cites = getattr(located.row, "cites", None)
        if cites is None or not located.model_known:
            continue
        s = located.score
        key = (cites.source, s.model, s.benchmark, s.variant, s.metric, round(s.value, 4))
        theirs = original.get(key, [])
        if not theirs or any(not _contradicts(s, o) for o in theirs):
            continue
        o = theirs[0]
        fields = ", ".join(f"{k}: {_stated(o)[k]}" for k in _contradicts(s, o))
        ctx.report(
            located.entry,
            (*located.loc, "setting"),
            "cites-setting",
            f"{cites.source} reports {o.value:g} with {fields}; a copied number keeps the "
            "original's setting",
            severity="warning",
        )
