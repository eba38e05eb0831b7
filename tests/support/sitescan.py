"""Post-build checks over the HTML of a built site (defence in depth).

- security: no script other than the theme's and the atlas's own, no ``on*=`` event
  handler, no ``javascript:``/``data:``/``vbscript:`` URL anywhere;
- offline: nothing the browser would fetch from the network (scripts, styles, images,
  fonts, frames, CSS ``url()``);
- links: every relative link resolves to a file of the site, and its ``#anchor`` to an id.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from support.deferred import deferred_fragments

# Script sources that belong to the site: the theme's bundle, the search worker, our own.
ALLOWED_SCRIPT_SRC = re.compile(
    r"(^|/)(assets/javascripts/(bundle|workers/search)\.[0-9a-f]+\.min\.js"
    r"|assets/atlas\.js|assets/atlas-search\.js|assets/compare-data\.js|assets/vendor/iframe-worker/shim\.js|search/search_index\.js)$"
)
# Inline scripts the theme writes into every page (configuration and palette bootstrap).
ALLOWED_INLINE = (
    re.compile(r"^\s*__md_scope="),
    re.compile(r"^\s*var palette=__md_get"),
    re.compile(r'^\s*\{"base":'),
    re.compile(r"^\s*var target=document\.getElementById\(location\.hash\.slice\(1\)\)"),
)
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|livescript):", re.IGNORECASE)
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset"}
FETCHED = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("image", "xlink:href"),
    ("use", "xlink:href"),
}
CSS_URL = re.compile(r"url\(\s*['\"]?(https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One problem in one built file."""

    path: str
    code: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}: [{self.code}] {self.detail}"


@dataclass
class _Page:
    """What the checks need of one parsed page."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    findings: list[tuple[str, str]] = field(default_factory=list)


def _check_attributes(page: _Page, tag: str, attrs: dict) -> None:
    for name, value in attrs.items():
        value = value or ""
        if name.startswith("on"):
            page.findings.append(("event-handler", f"<{tag} {name}=...>"))
        if name in URL_ATTRS and value and BAD_SCHEME.match(value):
            # The theme's own inline SVG icons use data: only in CSS, never in attributes.
            page.findings.append(("url-scheme", f"<{tag} {name}={value[:60]!r}>"))
        if (tag, name) in FETCHED and re.match(r"^\s*(https?:)?//", value):
            rel = attrs.get("rel") or ""
            if tag != "link" or rel not in ("canonical", "alternate", "license"):
                page.findings.append(("external-fetch", f"<{tag} {name}={value[:80]!r}>"))
        if name == "style" and CSS_URL.search(value):
            page.findings.append(("external-fetch", f"style url() in <{tag}>"))


def _check_script(page: _Page, attrs: dict, text: str) -> None:
    src = attrs.get("src")
    kind = (attrs.get("type") or "").lower()
    if src:
        if not ALLOWED_SCRIPT_SRC.search(src.split("?")[0]):
            page.findings.append(("foreign-script", f"<script src={src[:80]!r}>"))
    elif kind in ("application/json", "application/ld+json"):
        # A data block that was broken out of ends early, so what is left does not parse.
        if "<!--" in text or not _is_json(text):
            page.findings.append(("foreign-script", "JSON data block does not parse"))
    elif not any(p.search(text) for p in ALLOWED_INLINE):
        page.findings.append(("foreign-script", f"inline <script>{text.strip()[:60]!r}"))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _parse(path: Path, site: Path) -> _Page:
    """Parse a page with lexbor (an HTML parser that follows the spec) and collect its ids,
    links and findings; the rows its long tables draw from its data file are part of it."""
    page = _Page()
    html = path.read_text(encoding="utf-8", errors="replace")
    _walk(page, LexborHTMLParser(html))
    if "data-deferred-src" in html:
        for fragment in deferred_fragments(site, html):
            _walk(page, LexborHTMLParser(fragment))
    return page


def _walk(page: _Page, tree) -> None:
    for node in tree.root.traverse():
        tag = node.tag
        if tag.startswith("-"):  # text, comments
            continue
        attrs = node.attributes
        _check_attributes(page, tag, attrs)
        if attrs.get("id"):
            page.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            page.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            page.links.append(attrs["href"])
        if tag == "script":
            _check_script(page, attrs, node.text(deep=True))


def scan_site(
    site: Path,
    *,
    offline: bool = False,
    check_links: bool = True,
    publish_time: tuple[str, ...] = (),
) -> list[Finding]:
    """Every finding in the built site at ``site``.

    ``publish_time`` names files that are added after the MkDocs build (the offline zip)
    and so may be linked before they exist.
    """
    findings: list[Finding] = []
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    parsed = {
        rel: _parse(path, site) for rel, path in sorted(files.items()) if rel.endswith(".html")
    }
    site_files = _SiteFiles(set(files) | set(publish_time), parsed)
    for rel, page in parsed.items():
        for code, detail in page.findings:
            if code == "external-fetch" and not offline:
                continue
            findings.append(Finding(rel, code, detail))
        if check_links and not rel.endswith("404.html"):
            findings.extend(_check_links(rel, page, site_files))
    if offline:
        for rel in sorted(r for r in files if r.endswith(".css")):
            text = files[rel].read_text(encoding="utf-8", errors="replace")
            for m in re.finditer(
                r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text
            ):
                findings.append(Finding(rel, "external-fetch", m.group(0)))
    return findings


@dataclass(frozen=True)
class _SiteFiles:
    """The files of the site (relative posix paths) and its parsed pages."""

    paths: set[str]
    pages: dict[str, _Page]

    def target(self, rel_page: str, path: str) -> str | None:
        """The file a relative link's path points to, or None when it leaves the site."""
        if not path:
            return rel_page
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), path))
        if joined.startswith(".."):
            return None
        index = "index.html" if joined == "." else f"{joined}/index.html"
        if path.endswith("/") or (joined not in self.paths and index in self.paths):
            return index
        return joined


def _check_links(rel_page: str, page: _Page, files: _SiteFiles) -> list[Finding]:
    out = []
    for href in page.links:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
            continue
        if href.startswith("/"):
            out.append(Finding(rel_page, "absolute-link", href))
            continue
        target = files.target(rel_page, unquote(parts.path))
        if target is None:
            out.append(Finding(rel_page, "broken-link", f"{href} leaves the site"))
            continue
        if target not in files.paths:
            out.append(Finding(rel_page, "broken-link", href))
            continue
        if parts.fragment and target in files.pages:
            anchor = unquote(parts.fragment)
            if anchor not in files.pages[target].ids and "=" not in anchor:
                out.append(Finding(rel_page, "broken-anchor", href))
    return out


MAX_PAGE_BYTES = 2_000_000  # no generated page may grow past this (the lineage page once did)
INDEX_TABLES = {
    "models": "models-table",
    "benchmarks": "benchmarks-table",
    "techniques": "techniques-table",
    "papers": "papers-table",
    "organisations": "organisations-table",
    "applications": "applications-table",
    "results": "results-table",
}


def scan_exports(site: Path) -> list[Finding]:
    """Findings in the exports and page set: formula-leading CSV cells, a BibTeX file or feed
    that does not parse, an over-large page, an index page that is not an index."""
    import csv
    import xml.etree.ElementTree as ET

    import bibtexparser

    findings: list[Finding] = []
    for path in sorted(site.rglob("*.csv")):
        rel = path.relative_to(site).as_posix()
        with open(path, newline="", encoding="utf-8") as f:
            for n, row in enumerate(csv.reader(f), start=1):
                if any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row):
                    findings.append(Finding(rel, "csv-formula", f"row {n}"))
    bib = site / "atlas.bib"
    papers = json.loads((site / "api" / "v1" / "papers.json").read_text(encoding="utf-8"))
    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    if library.failed_blocks or len(library.entries) != len(papers):
        findings.append(
            Finding(
                "atlas.bib", "bibtex", f"{len(library.entries)} entries for {len(papers)} sources"
            )
        )
    try:
        ET.fromstring((site / "feed.xml").read_bytes())
    except ET.ParseError as exc:
        findings.append(Finding("feed.xml", "feed-xml", str(exc)))
    for page in sorted(site.rglob("*.html")):
        if page.stat().st_size > MAX_PAGE_BYTES:
            findings.append(
                Finding(page.relative_to(site).as_posix(), "page-size", str(page.stat().st_size))
            )
    for kind, table in INDEX_TABLES.items():
        index = site / kind / "index.html"
        if not index.is_file() or f'id="{table}"' not in index.read_text(encoding="utf-8"):
            findings.append(Finding(f"{kind}/index.html", "index-replaced", f"no #{table}"))
    return findings
