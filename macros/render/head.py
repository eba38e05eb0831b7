"""The metadata in every page's head: description, canonical link, Open Graph and Twitter
cards, feed autodiscovery, licence and schema.org JSON-LD.

Every value goes through ``html.void`` (attributes escaped, quotes included) or
``json_ld`` (JSON with ``<``, ``>`` and ``&`` as escapes), so no text in any field can end
an attribute or the script element early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from macros.catalog.store import Catalog
from macros.export import metadata
from macros.kinds import FOLDERS
from macros.render.html import join, script_json, void

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`#>|]+")
DATASET_PAGES = ("index.md", "download.md")


@dataclass(frozen=True)
class PageInfo:
    """What the theme knows of a page: its source path, title and URLs."""

    src: str  # e.g. models/meditron-70b.md
    title: str
    canonical: str | None  # absolute URL, when the site URL is known
    feed_href: str  # the feed's URL relative to this page
    description: str | None = None  # from the page's front matter


def plain_summary(text: str, limit: int = 200) -> str:
    """Prose as one line of plain text, cut at a word boundary to ``limit`` characters."""
    line = " ".join(_MARKS.sub("", _LINK.sub(r"\1", text)).split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def entry_of(src: str) -> tuple[str, str] | None:
    """(kind, id) of a generated entry page, from its source path."""
    folder, _, name = src.partition("/")
    if folder in FOLDERS and name.endswith(".md") and "/" not in name and name != "index.md":
        return folder, name[:-3]
    return None


def json_ld(obj: dict) -> Markup:
    """A JSON-LD script element; the text cannot close the element or open a comment."""
    text = script_json(metadata.without_nulls(obj), ensure_ascii=False, sort_keys=True)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _description(catalog: Catalog, page: PageInfo, site_description: str) -> str:
    if page.description:
        return plain_summary(page.description)
    found = entry_of(page.src)
    if found:
        entry = catalog.kind(found[0]).get(found[1])
        text = getattr(entry, "summary", None) or getattr(entry, "note", None)
        if text:
            return plain_summary(text)
    return plain_summary(site_description)


def structured_data(catalog: Catalog, page: PageInfo, site_url: str, version: str) -> list:
    """The schema.org objects of a page: the atlas's Dataset on the home and download
    pages, a ScholarlyArticle on a source's page, a Dataset on a benchmark's page."""
    if page.src in DATASET_PAGES:
        return [metadata.dataset(catalog, site_url, version)]
    found = entry_of(page.src)
    if found and found[0] == "papers":
        return [metadata.scholarly_article(catalog.papers[found[1]], page.canonical)]
    if found and found[0] == "benchmarks":
        return [metadata.benchmark_dataset(catalog.benchmarks[found[1]], page.canonical)]
    return []


def head_tags(
    catalog: Catalog, page: PageInfo, *, site_name: str, site_description: str, site_url: str
) -> Markup:
    """Every tag this module owns in the head of ``page``."""
    description = _description(catalog, page, site_description)
    title = site_name if page.src == "index.md" else f"{page.title} - {site_name}"
    kind = "website" if page.src == "index.md" else "article"
    tags = [
        void("meta", name="description", content=description),
        void("meta", name="author", content="MedLLM Atlas contributors"),
        void("link", rel="canonical", href=page.canonical) if page.canonical else None,
        void("meta", property="og:title", content=title),
        void("meta", property="og:description", content=description),
        void("meta", property="og:type", content=kind),
        void("meta", property="og:site_name", content=site_name),
        void("meta", property="og:url", content=page.canonical) if page.canonical else None,
        void("meta", name="twitter:card", content="summary"),
        void("meta", name="twitter:title", content=title),
        void("meta", name="twitter:description", content=description),
        void(
            "link",
            rel="alternate",
            type="application/atom+xml",
            title=f"{site_name}: new entries and data changes",
            href=page.feed_href,
        ),
        void("link", rel="license", href=metadata.LICENCE_URL),
    ]
    tags += [json_ld(obj) for obj in structured_data(catalog, page, site_url, catalog.version)]
    return join([t for t in tags if t is not None], Markup("\n"))
