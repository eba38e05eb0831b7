"""Sources: every source can be found again, and no work is entered twice."""

from __future__ import annotations

from macros.load.entry import Entry
from macros.rules.registry import Context, rule


@rule("source-identifier", scope="papers")
def source_identifier(ctx: Context, entry: Entry) -> None:
    """source-identifier: a source gives an arXiv id, a DOI or an https URL."""
    p = entry.obj
    if not (p.arxiv or p.doi or p.url):
        ctx.report(
            entry,
            ("title",),
            "source-identifier",
            "give an arxiv id, a doi or an https url",
            about=("arxiv", "doi", "url"),
        )


@rule("duplicate-source", scope="catalog")
def duplicate_source(ctx: Context) -> None:
    """duplicate-source: no two sources share an arXiv id or a DOI (case-insensitive)."""
    seen: dict[tuple[str, str], Entry] = {}
    for entry in ctx.entries["papers"].values():
        for name in ("arxiv", "doi"):
            value = getattr(entry.obj, name)
            if not value:
                continue
            key = (name, value.lower())
            if key in seen:
                ctx.report(
                    entry,
                    (name,),
                    "duplicate-source",
                    f"{seen[key].path} already has {name} {value}",
                )
            else:
                seen[key] = entry
