"""Identity: one entry per file, named by its id; variant ids unique within a benchmark.

The id's own form (kebab-case, ASCII, not reserved) is the schema's ``Id`` type, checked
before any rule runs.
"""

from __future__ import annotations

from macros.load.entry import Entry
from macros.rules.registry import Context, rule


def filename_mismatch(entry: Entry, stem: str) -> str | None:
    """filename-mismatch: the file name must be the entry's id (checked while loading, since
    an entry with the wrong name is not admitted to the catalog)."""
    if stem != entry.id:
        return (
            f"the id '{entry.id}' and the file name '{stem}.yaml' must be the same: rename the "
            f"file to {entry.id}.yaml, or, if the id is the typo, change it to '{stem}'"
        )
    return None


@rule("duplicate-variant", scope="benchmarks")
def duplicate_variant(ctx: Context, entry: Entry) -> None:
    """duplicate-variant: a benchmark lists each variant id once."""
    ids = [v.id for v in entry.obj.variants]
    for i, vid in enumerate(ids):
        if ids.index(vid) != i:
            ctx.report(
                entry,
                ("variants", i, "id"),
                "duplicate-variant",
                f"variant '{vid}' is listed twice",
            )
