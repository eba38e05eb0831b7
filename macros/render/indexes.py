"""Index pages: one per kind, a sortable and filterable table of every entry."""

from __future__ import annotations

from macros.catalog.links import src_path
from macros.kinds import spec
from macros.render import tables
from macros.render.env import front_matter
from macros.render.plan import GeneratedPage, page


def index_table(r, src: str, kind: str) -> str:
    """The table of an index page: models and benchmarks get filters of their own."""
    c = r.catalog
    if kind == "models":
        return tables.model_table(r, src, c.models, filters=True, data=True)
    if kind == "benchmarks":
        return tables.benchmark_table(r, src, c.benchmarks, filters=True)
    return tables.simple_table(r, src, kind)


TOP_LEVEL = ("models", "benchmarks")  # tabs of their own in mkdocs.yml's nav


def index_page(r, kind: str) -> GeneratedPage:
    """The index of a kind, kept out of search (it repeats the entry pages)."""
    src = src_path(kind)
    about = spec(kind)
    title = f"{about.title} ({len(r.catalog.kind(kind))})"
    body = r.render(
        "index.md.j2", src, title=title, intro=about.intro, table=index_table(r, src, kind)
    )
    head = front_matter(
        about.title,
        about.intro[:150],
        # The wide tables of the top-level indexes take the sidebar's room; an index inside
        # a menu section keeps the sidebar, so the section's other pages stay one click away.
        hide=["navigation", "toc"] if kind in TOP_LEVEL else ["toc"],
        search={"exclude": True},
    )
    if kind == "models":
        data = tables.models_data(r, src, r.catalog.models)
        return page(src, head, body, assets=((tables.MODELS_DATA, data),))
    return page(src, head, body)
