"""Dates: nothing is dated in the future, and an entry is reviewed after it is added."""

from __future__ import annotations

from datetime import date

from macros.kinds import LOAD_ORDER
from macros.load.entry import Entry
from macros.rules.registry import Context, rule


def starts_after(value: str, today: date) -> bool:
    """True when the period ``value`` (YYYY, YYYY-MM or YYYY-MM-DD) begins after ``today``."""
    parts = [int(x) for x in value.split("-")]
    start = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return start > today


@rule("date-future", scope=LOAD_ORDER)
def future_dates(ctx: Context, entry: Entry) -> None:
    """date-future: ``added``, ``reviewed`` and ``released`` are not after today."""
    for name in ("added", "reviewed", "released"):
        value = getattr(entry.obj, name, None)
        if value and starts_after(value, ctx.today):
            ctx.report(entry, (name,), "date-future", f"{value} is in the future")


@rule("date-order", scope=LOAD_ORDER)
def reviewed_after_added(ctx: Context, entry: Entry) -> None:
    """date-order: an entry cannot be reviewed before it was added."""
    if entry.obj.reviewed < entry.obj.added:
        ctx.report(entry, ("reviewed",), "date-order", "reviewed is before added")
