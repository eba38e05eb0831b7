"""The data changelog page: what changed since the previous release (catalog.changes)."""

from __future__ import annotations

from macros.render.env import fmt_value, front_matter
from macros.render.html import el, join
from macros.render.plan import GeneratedPage, page

SRC = "changes.md"


def _entry_item(r, link, kind: str, eid: str, fields: list[str] | None = None):
    entry = r.catalog.kind(kind).get(eid)
    name = el("a", getattr(entry, "name", eid), href=link.entry(kind, eid)) if entry else eid
    detail = f": {', '.join(fields)}" if fields else ""
    return el("li", f"{kind[:-1]} ", name, detail)


def _result_row(r, link, result: dict, what: str):
    changes = result.get("changes") or {}
    value = changes.get("value")
    shown = (
        f"{fmt_value(value[0])} → {fmt_value(value[1])}" if value else fmt_value(result["value"])
    )
    others = "; ".join(
        f"{k} {a} → {b}" for k, (a, b) in changes.items() if k not in ("value", "origin")
    )
    variant = f" ({result['variant']})" if result.get("variant") else ""
    return el(
        "tr",
        el("td", what),
        el("td", el("a", result["model"], href=link.entry("models", result["model"]))),
        el("td", result["benchmark"], variant),
        el("td", shown, f" ({others})" if others else ""),
        el(
            "td",
            el("a", result["source"], href=link.entry("papers", result["source"])),
            ", ",
            result["locator"],
        ),
        id=result["id"],
    )


def _entries_section(r, link, doc: dict):
    items = [_entry_item(r, link, e["kind"], e["id"]) for e in doc["added"]]
    items += [el("li", f"removed: {e['kind'][:-1]} {e['id']}") for e in doc["removed"]]
    items += [_entry_item(r, link, e["kind"], e["id"], e["fields"]) for e in doc["changed"]]
    return el("ul", items) if items else el("p", "No entry was added, changed or removed.")


def _results_section(r, link, doc: dict):
    rows = [_result_row(r, link, x, "added") for x in doc["added"]]
    rows += [_result_row(r, link, x, "changed") for x in doc["changed"]]
    rows += [_result_row(r, link, x, "removed") for x in doc["removed"]]
    if not rows:
        return el("p", "No result was added, changed or removed.")
    head = el(
        "tr", [el("th", h, scope="col") for h in ("", "Model", "Benchmark", "Value", "Source")]
    )
    return el(
        "div",
        el("table", el("thead", head), el("tbody", rows), class_="atlas-table"),
        class_="atlas-table-wrap",
    )


def changes_page(r, _arg=None) -> GeneratedPage:
    """The entries and results added, changed and removed since the previous release."""
    link = r.linker(SRC)
    doc = r.catalog.changes
    if doc is None:
        intro = el(
            "p",
            "No release has been tagged yet, so there is nothing to compare with. Each release "
            "(a git tag vX.Y.Z) starts the list: entries and results added, changed and removed "
            "since the one before, also in changes.json and the feed.",
        )
        body = [intro]
    else:
        intro = el(
            "p",
            f"Changes in the data since release {doc['base']}. A result keeps its id when it "
            "moves between files, so only real changes are listed; a corrected value shows old → new.",
        )
        body = [
            intro,
            el("h2", "Entries", id="entries"),
            _entries_section(r, link, doc["entries"]),
            el("h2", "Results", id="results"),
            _results_section(r, link, doc["results"]),
        ]
    text = str(el("article", join(body, "\n"), class_="atlas-changes", data_search_exclude=True))
    text += "\n"
    return page(SRC, front_matter("Data changes", hide=["toc"]), text)
