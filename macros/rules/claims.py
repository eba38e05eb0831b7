"""Claims: every fact of a model or benchmark is backed by a source with a locator.

A claim field is filled only when one of the entry's ``sources`` lists it under
``supports``; a fact that no source states is listed under ``not_stated`` instead.
"""

from __future__ import annotations

import difflib

from macros.load.entry import Entry
from macros.rules.registry import Context, rule
from macros.schema.entries import BENCHMARK_CLAIMS, MODEL_CLAIMS

CLAIMS = {"models": MODEL_CLAIMS, "benchmarks": BENCHMARK_CLAIMS}


def _filled(value) -> bool:
    return value not in (None, [], "")


@rule("unknown-claim", scope=tuple(CLAIMS))
def supports_name_claims(ctx: Context, entry: Entry) -> None:
    """unknown-claim: ``supports`` lists only claim fields of the entry's kind."""
    allowed = CLAIMS[entry.kind]
    for i, src in enumerate(entry.obj.sources):
        for j, name in enumerate(src.supports):
            if name not in allowed:
                hint = difflib.get_close_matches(name, allowed, n=1)
                ctx.report(
                    entry,
                    ("sources", i, "supports", j),
                    "unknown-claim",
                    f"'{name}' is not a claim field"
                    + (f" (did you mean '{hint[0]}'?)" if hint else ""),
                )


@rule("unsourced-claim", scope=tuple(CLAIMS))
def claims_have_sources(ctx: Context, entry: Entry) -> None:
    """unsourced-claim: every filled claim field is in some source's ``supports``."""
    covered = {name for src in entry.obj.sources for name in src.supports}
    for name in CLAIMS[entry.kind]:
        if _filled(getattr(entry.obj, name)) and name not in covered:
            ctx.report(
                entry,
                (name,),
                "unsourced-claim",
                f"no entry in sources: lists '{name}' in its supports; cite where you read it",
            )


@rule("not-stated-filled", scope=tuple(CLAIMS))
def not_stated_is_empty(ctx: Context, entry: Entry) -> None:
    """not-stated-filled: a field listed under ``not_stated`` has no value."""
    for i, name in enumerate(entry.obj.not_stated):
        if _filled(getattr(entry.obj, name)):
            ctx.report(
                entry,
                ("not_stated", i),
                "not-stated-filled",
                f"'{name}' has a value; remove it from not_stated or remove the value",
            )
