"""Lineage: chains of parent techniques and of base models end."""

from __future__ import annotations

from macros.load.entry import Entry
from macros.rules.registry import Context, rule


@rule("cycle", scope="techniques")
def technique_parent_cycle(ctx: Context, entry: Entry) -> None:
    """cycle: following ``parent`` from a technique never comes back to it."""
    techniques = ctx.entries["techniques"]
    seen, cur = {entry.id}, entry.obj.parent
    while cur and cur in techniques:
        if cur in seen:
            ctx.report(entry, ("parent",), "cycle", "parent techniques form a cycle")
            return
        seen.add(cur)
        cur = techniques[cur].obj.parent


@rule("cycle", scope="models")
def base_model_cycle(ctx: Context, entry: Entry) -> None:
    """cycle: a model is not its own base, directly or through its bases' bases."""
    m, models = entry.obj, ctx.entries["models"]
    if m.id in m.base_models:
        ctx.report(entry, ("base_models",), "cycle", "a model cannot be its own base")
        return
    stack, seen = list(m.base_models), set()
    while stack:
        cur = stack.pop()
        if cur == m.id:
            ctx.report(entry, ("base_models",), "cycle", "base models form a cycle")
            return
        if cur in seen or cur not in models:
            continue
        seen.add(cur)
        stack.extend(models[cur].obj.base_models)
