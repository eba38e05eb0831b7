"""Post-build checks over the HTML of a built site (defence in depth).

- security: no script other than the theme's and the atlas's own, no ``on*=`` event
  handler, no ``javascript:``/``data:``/``vbscript:`` URL anywhere;
- offline: nothing the browser would fetch from the network (scripts, styles, images,
  fonts, frames, CSS ``url()``);
- links: every relative link resolves to a file of the site, and its ``#anchor`` to an id.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Script sources that belong to the site: the theme's bundle, the search worker, our own.
ALLOWED_SCRIPT_SRC = re.compile(
    r"(^|/)(assets/javascripts/(bundle|workers/search)\.[0-9a-f]+\.min\.js"
    r"|assets/atlas\.js|assets/vendor/iframe-worker/shim\.js|search/search_index\.js)$"
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


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.findings: list[tuple[str, str]] = []
        self._script: dict | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs_d = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(("event-handler", f"<{tag} {name}=...>"))
            if name == "id" and value:
                self.ids.add(value)
            if name == "name" and tag == "a" and value:
                self.ids.add(value)
            if name in URL_ATTRS and value and BAD_SCHEME.match(value):
                # The theme's own inline SVG icons use data: only in CSS, never in attributes.
                self.findings.append(("url-scheme", f"<{tag} {name}={value[:60]!r}>"))
            if (tag, name) in FETCHED and value and re.match(r"^\s*(https?:)?//", value):
                rel = attrs_d.get("rel") or ""
                if tag != "link" or rel not in ("canonical", "alternate"):
                    self.findings.append(("external-fetch", f"<{tag} {name}={value[:80]!r}>"))
            if name == "style" and value and CSS_URL.search(value):
                self.findings.append(("external-fetch", f"style url() in <{tag}>"))
        if tag == "a" and attrs_d.get("href"):
            self.links.append(attrs_d["href"])
        if tag == "script":
            self._script = attrs_d
            self._script_text = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag("script")

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            attrs, text = self._script, "".join(self._script_text)
            self._script = None
            src = attrs.get("src")
            kind = (attrs.get("type") or "").lower()
            if src:
                if not ALLOWED_SCRIPT_SRC.search(src.split("?")[0]):
                    self.findings.append(("foreign-script", f"<script src={src[:80]!r}>"))
            elif kind == "application/json":
                if "</" in text:
                    self.findings.append(("foreign-script", "JSON data block contains '</'"))
            elif not any(p.search(text) for p in ALLOWED_INLINE):
                self.findings.append(("foreign-script", f"inline <script>{text.strip()[:60]!r}"))
        if tag == "style":
            pass


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


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
    pages = sorted(site.rglob("*.html"))
    parsed = {p: _parse(p) for p in pages}
    for page, parser in parsed.items():
        rel = page.relative_to(site).as_posix()
        for code, detail in parser.findings:
            if code == "external-fetch" and not offline:
                continue
            findings.append(Finding(rel, code, detail))
        if check_links and page.name != "404.html":
            findings.extend(_check_links(site, page, parser, parsed, publish_time))
    if offline:
        for css in sorted(site.rglob("*.css")):
            text = css.read_text(encoding="utf-8", errors="replace")
            for m in re.finditer(
                r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text
            ):
                findings.append(
                    Finding(css.relative_to(site).as_posix(), "external-fetch", m.group(0))
                )
    return findings


def _check_links(
    site: Path, page: Path, parser: _PageParser, parsed: dict, publish_time=()
) -> list[Finding]:
    out = []
    rel_page = page.relative_to(site).as_posix()
    for href in parser.links:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
            continue
        if href.startswith("/"):
            out.append(Finding(rel_page, "absolute-link", href))
            continue
        target_path = unquote(parts.path)
        if target_path:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), target_path))
            if joined.startswith(".."):
                out.append(Finding(rel_page, "broken-link", f"{href} leaves the site"))
                continue
            target = site / joined
            if target.is_dir() or href.endswith("/"):
                target = target / "index.html"
        else:
            target = page
        if not target.is_file() and target.relative_to(site).as_posix() not in publish_time:
            out.append(Finding(rel_page, "broken-link", href))
            continue
        if parts.fragment and target.suffix == ".html":
            ids = parsed[target].ids if target in parsed else _parse(target).ids
            anchor = unquote(parts.fragment)
            if anchor not in ids and "=" not in anchor:
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
    import json
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
