"""Plausibility: warnings for values and ids that are valid but look like a slip.

A warning is a prompt to re-read the source, not a verdict. When the source does print the
value, ``value_checked: true`` on the row records that it was re-read, and the value
warnings stop.
"""

from __future__ import annotations

import difflib
import re
import subprocess

from macros.catalog.uncertainty import PROPORTIONS, could_be_a_count
from macros.rules.redirects import base_ids
from macros.rules.registry import CATALOG, RESULT, Context, rule
from macros.schema import vocab

MARGIN = 0.5  # how far past the others' range, in widths of that range, is "far"
OUTLIER_MIN_GROUP = 8  # fewer other values than this say nothing about a range
NEAR_ID = 0.9  # difflib ratio above which two ids look like the same thing


def _unchecked(located) -> bool:
    return located.model_known and not getattr(located.row, "value_checked", False)


@rule("fraction-value", scope=RESULT)
def percentage_written_as_fraction(ctx: Context, located) -> None:
    """fraction-value (warning): a percentage metric with a value above 0 and at most 1 was
    probably written as a fraction (0.71 for 71%)."""
    metric = vocab.METRIC_BY_ID[located.row.metric]
    value = located.row.value
    if metric.unit == "%" and metric.high == 100 and 0 < value <= 1 and _unchecked(located):
        ctx.report(
            located.entry,
            (*located.loc, "value"),
            "fraction-value",
            f"{value:g} on {metric.label}, which is written in percent: did you mean "
            f"{value * 100:g}? (if the source prints {value:g}, add value_checked: true)",
            severity="warning",
        )


def _others_range(ctx: Context, key: tuple, value: float) -> tuple[float, float] | None:
    """The range of the other values of a (benchmark, variant, metric), widened by
    ``MARGIN`` of its width; None when there are too few to say."""
    if "groups" not in ctx.memo:
        groups: dict[tuple, list[float]] = {}
        for located in ctx.located:
            s = located.score
            groups.setdefault((s.benchmark, s.variant, s.metric), []).append(s.value)
        ctx.memo["groups"] = {k: sorted(v) for k, v in groups.items()}
    values = ctx.memo["groups"].get(key, [])
    if len(values) <= OUTLIER_MIN_GROUP:
        return None
    low = values[1] if value == values[0] else values[0]
    high = values[-2] if value == values[-1] else values[-1]
    width = high - low
    return low - MARGIN * width, high + MARGIN * width


def changed_files(ctx: Context) -> set[str]:
    """Data files added or changed since ``--base`` (committed, staged or not yet tracked)."""
    if "changed" not in ctx.memo:
        out: set[str] = set()
        for args in (
            ["diff", "--name-only", ctx.base, "--", "data/"],
            ["ls-files", "--others", "--exclude-standard", "--", "data/"],
        ):
            done = subprocess.run(
                ["git", "-C", str(ctx.root), *args], capture_output=True, text=True
            )
            out.update(done.stdout.split() if done.returncode == 0 else ())
        ctx.memo["changed"] = out
    return ctx.memo["changed"]


def _new_since_base(ctx: Context, located) -> bool:
    """Whether the row is in a file changed since ``--base``; without a base, no file is:
    the data already in the atlas was checked when it came in."""
    return bool(ctx.base) and located.entry.path in changed_files(ctx)


@rule("outlier-value", scope=RESULT)
def value_far_outside_the_others(ctx: Context, located) -> None:
    """outlier-value (warning): in a file changed since ``--base``, a value far outside the
    range of every other value reported for the same benchmark variant and metric (by more
    than half that range's width). Without a base it stays quiet: the data already in the
    atlas was checked when it came in."""
    if not _new_since_base(ctx, located):
        return
    s = located.score
    fence = _others_range(ctx, (s.benchmark, s.variant, s.metric), s.value)
    if fence and not fence[0] <= s.value <= fence[1] and _unchecked(located):
        ctx.report(
            located.entry,
            (*located.loc, "value"),
            "outlier-value",
            f"{s.value:g} is far outside the other {s.benchmark} values ({fence[0]:.1f} to "
            f"{fence[1]:.1f} with a margin): check the number, its metric and its variant "
            "(if the source prints it, add value_checked: true)",
            severity="warning",
        )


@rule("value-not-a-count", scope=RESULT)
def proportion_not_whole_items_of_n(ctx: Context, located) -> None:
    """value-not-a-count (warning): in a file changed since ``--base``, an accuracy-type value
    that cannot be a whole number of items out of the row's stated ``n`` at the precision it
    is written (66.9% of 500). Either n or the value is misread, or the value is a mean over
    runs or a subset, which the note should say."""
    if not _new_since_base(ctx, located):
        return
    s = located.score
    if s.metric not in PROPORTIONS or located.row.n is None or not _unchecked(located):
        return
    if not could_be_a_count(s.value, s.n):
        ctx.report(
            located.entry,
            (*located.loc, "value"),
            "value-not-a-count",
            f"{s.value:g}% cannot be a whole number of the n = {s.n:,} items: check both "
            "(if the value is a mean over runs or from a subset, say so in the note and add "
            "value_checked: true)",
            severity="warning",
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def near_duplicates(new_id: str, names: dict[str, str]) -> str | None:
    """The existing id whose id or name looks like ``new_id`` (``names``: slug -> id)."""
    slug = _slug(new_id)
    if slug in names:
        return names[slug]
    close = difflib.get_close_matches(slug, list(names), n=1, cutoff=NEAR_ID)
    return names[close[0]] if close else None


@rule("near-duplicate-id", scope=CATALOG)
def new_id_close_to_an_existing_one(ctx: Context) -> None:
    """near-duplicate-id (warning): an entry added since ``--base`` whose id looks like the
    id, name or alias of an entry that was already there (med-palm2 and med-palm-2)."""
    if not ctx.base:
        return
    try:
        at_base = base_ids(ctx)
    except ValueError:
        return  # removed-id reports that git cannot list the base
    for kind in ("models", "benchmarks", "techniques", "organisations"):
        before = at_base[kind]
        names: dict[str, str] = {}
        for eid in before & set(ctx.entries[kind]):
            obj = ctx.entries[kind][eid].obj
            for text in (eid, getattr(obj, "name", ""), *getattr(obj, "aliases", [])):
                if text:
                    names.setdefault(_slug(text), eid)
        for eid in sorted(set(ctx.entries[kind]) - before):
            twin = near_duplicates(eid, names)
            if twin:
                ctx.report(
                    ctx.entries[kind][eid],
                    ("id",),
                    "near-duplicate-id",
                    f"'{eid}' looks like the existing {kind[:-1]} '{twin}': if it is the same, "
                    f"add to data/{kind}/{twin}.yaml instead",
                    severity="warning",
                )
