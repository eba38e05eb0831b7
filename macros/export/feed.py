"""The Atom feed of the newest entries (feed.xml)."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from macros.catalog.links import dest_url, src_path
from macros.catalog.store import Catalog


def atom_feed(catalog: Catalog, site_url: str = "", limit: int = 100) -> str:
    """An Atom feed of the newest entries by ``added`` date."""
    items = []
    for kind in ("models", "benchmarks", "techniques", "applications", "results"):
        for eid, e in catalog.kind(kind).items():
            items.append((e.added, kind, eid, e))
    items.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
    items = items[:limit]
    updated = (items[0][0] if items else "1970-01-01") + "T00:00:00Z"
    base = site_url.rstrip("/") + "/" if site_url else ""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "  <title>MedLLM Atlas: new entries</title>",
        "  <id>tag:medllm-atlas,2026:feed</id>",
        f"  <updated>{updated}</updated>",
        "  <author><name>MedLLM Atlas contributors</name></author>",
        f'  <link rel="self" href="{xml_escape(base)}feed.xml"/>' if base else "",
    ]
    out += _changes_entry(catalog, base, updated)
    for added, kind, eid, e in items:
        title = getattr(e, "name", eid)
        summary = getattr(e, "summary", None) or getattr(e, "note", None) or title
        href = base + dest_url(src_path(kind, eid), True)
        out += [
            "  <entry>",
            f"    <title>{xml_escape(title)}</title>",
            f"    <id>tag:medllm-atlas,2026:{kind}/{eid}</id>",
            f"    <updated>{added}T00:00:00Z</updated>",
            f'    <link rel="alternate" href="{xml_escape(href)}"/>',
            f'    <category term="{kind}"/>',
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(line for line in out if line) + "\n"


def _changes_entry(catalog: Catalog, base: str, updated: str) -> list[str]:
    """One feed entry for the data changes since the previous release, if there is one."""
    doc = catalog.changes
    if not doc:
        return []
    counts = ", ".join(
        f"{len(doc[group][what])} {group} {what}"
        for group in ("entries", "results")
        for what in ("added", "changed", "removed")
    )
    href = base + dest_url("changes.md", True)
    return [
        "  <entry>",
        f"    <title>Data changes since {xml_escape(doc['base'])}</title>",
        f"    <id>tag:medllm-atlas,2026:changes/{xml_escape(doc['base'])}</id>",
        f"    <updated>{updated}</updated>",
        f'    <link rel="alternate" href="{xml_escape(href)}"/>',
        '    <category term="changes"/>',
        f"    <summary>{xml_escape(counts)}</summary>",
        "  </entry>",
    ]
