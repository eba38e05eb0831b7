"""The help-wanted page: per field, the entries that do not know it yet, for contributors."""

from __future__ import annotations

from macros.catalog.completeness import completeness, missing
from macros.render.env import front_matter
from macros.render.html import el, join
from macros.render.plan import HEADING, GeneratedPage, page
from macros.render.special import OUT_OF_SEARCH

# Per field: its heading, whom it is counted over, and the kind of entry it lists.
FIELDS = {
    "organisations": ("Organisation", "medical models", "models"),
    "released": ("Release month", "medical models", "models"),
    "weights": ("Weights status", "medical models", "models"),
    "modalities": ("Modalities", "medical models", "models"),
    "base_models": ("Base model", "fine-tuned medical models", "models"),
    "parameters": ("Parameter count", "open-weights medical models", "models"),
    "licence": ("Licence", "open-weights medical models", "models"),
    "model results": ("A first result", "medical models", "models"),
    "benchmark results": ("A first result", "benchmarks", "benchmarks"),
}


def _coverage_table(rows) -> str:
    head = el("tr", [el("th", h, scope="col") for h in ("Field", "Known", "Share", "Target")])
    body = [
        el(
            "tr",
            el("td", el("a", f"{FIELDS[r.field][0]} ({FIELDS[r.field][1]})", href=f"#{_slug(r)}")),
            el("td", f"{r.known} of {r.total}", data_value=r.known),
            el("td", f"{r.percent:.1f}%", data_value=f"{r.percent:.1f}"),
            el("td", f"{r.target:.0f}%"),
        )
        for r in rows
    ]
    table = el("table", el("thead", head), el("tbody", body), class_="atlas-table")
    return el("div", table, class_="atlas-table-wrap")


def _slug(row) -> str:
    return row.field.replace("_", "-").replace(" ", "-")


def _section(r, link, row, ids: list[str]) -> str:
    label, over, kind = FIELDS[row.field]
    entries = r.catalog.models if kind == "models" else r.catalog.benchmarks
    links = join((el("a", entries[i].name, href=link.entry(kind, i)) for i in ids), sep=", ")
    heading = f"{HEADING}## {label}: {over} {{ #{_slug(row)} }}"
    count = el("p", f"{len(ids)} of {row.total} {over} do not have it yet.")
    return f"{heading}\n{count}\n{el('p', links) if ids else el('p', 'None.')}"


def wanted_page(r, _arg=None) -> GeneratedPage:
    """Per tracked field, the share known and every entry that lacks it, linked."""
    src = "wanted.md"
    link = r.linker(src)
    rows = completeness(r.catalog)
    gaps = missing(r.catalog)
    intro = el(
        "p",
        "Facts and results the atlas does not have yet, for contributors who can source them. "
        "A fact counts as known when an entry gives it, or lists it under ",
        el("code", "not_stated"),
        ": the entry's paper, card and repository were read and none states it. An entry "
        "listed here has not been settled either way. Every addition needs a source and a "
        "locator; see the ",
        el("a", "contributing guide", href=link.page("contributing/index.md")),
        ".",
    )
    sections = "\n".join(_section(r, link, row, gaps[row.field]) for row in rows)
    body = (
        '<article class="atlas-wanted" data-search-exclude>\n'
        f"{intro}\n{_coverage_table(rows)}\n</article>\n"
        f"{sections}\n"
    )
    return page(src, front_matter("Help wanted", **OUT_OF_SEARCH), body)
