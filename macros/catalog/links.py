"""Where each entry lives on the site, relative links between pages, and ``atlas show``."""

from __future__ import annotations

import posixpath

from macros.catalog.store import Catalog
from macros.kinds import FOLDERS, singular


def src_path(kind: str, entry_id: str | None = None) -> str:
    """Source path of a generated page: ``models/x.md``, or the index ``models/index.md``."""
    return f"{kind}/{entry_id or 'index'}.md"


def dest_url(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a page with this source path (same rules as mkdocs.structure.files)."""
    stem, _ = posixpath.splitext(src)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        url = folder + "/" if folder else ""
        return url + ("" if use_directory_urls else "index.html")
    if use_directory_urls:
        return stem + "/"
    return stem + ".html"


def _base_dir(src: str, use_directory_urls: bool) -> str:
    here = dest_url(src, use_directory_urls)
    return here if here.endswith("/") or not here else posixpath.dirname(here) + "/"


def _relpath(target: str, base_dir: str) -> str:
    """posixpath.relpath for clean site paths (no '.', '..' or leading '/'), without its cost."""
    t = [p for p in target.split("/") if p]
    b = [p for p in base_dir.split("/") if p]
    common = 0
    for x, y in zip(t, b, strict=False):
        if x != y:
            break
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


def relative_url(from_src: str, to_src: str, use_directory_urls: bool, anchor: str = "") -> str:
    """A relative link from one page to another that works from any host and from file://."""
    there = dest_url(to_src, use_directory_urls)
    rel = _relpath(there, _base_dir(from_src, use_directory_urls))
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def relative_asset(from_src: str, path: str, use_directory_urls: bool) -> str:
    """A relative link from a page to a static file such as ``api/v1/models.json``."""
    return _relpath(path, _base_dir(from_src, use_directory_urls))


class Linker:
    """Builds relative links from one page, for templates. One per rendered page."""

    def __init__(self, page_src: str, use_directory_urls: bool):
        self.page_src = page_src
        self.directory_urls = use_directory_urls

    def entry(self, kind: str, entry_id: str, anchor: str = "") -> str:
        """Link to an entry page."""
        return relative_url(self.page_src, src_path(kind, entry_id), self.directory_urls, anchor)

    def index(self, kind: str) -> str:
        """Link to a kind's index page."""
        return relative_url(self.page_src, src_path(kind), self.directory_urls)

    def page(self, src: str, anchor: str = "") -> str:
        """Link to any page by its source path (e.g. ``compare.md``)."""
        return relative_url(self.page_src, src, self.directory_urls, anchor)

    def asset(self, path: str) -> str:
        """Link to a static file under docs/ (e.g. ``api/v1/models.json``)."""
        return relative_asset(self.page_src, path, self.directory_urls)


def describe(catalog: Catalog, entry_id: str) -> str | None:
    """Plain-text summary of an entry's outgoing links and backlinks (for ``atlas show``)."""
    lines: list[str] = []
    for kind in FOLDERS:
        entry = catalog.kind(kind).get(entry_id)
        if entry is None:
            continue
        name = getattr(entry, "name", None) or getattr(entry, "title", entry_id)
        lines.append(f"{singular(kind)} {entry_id}: {name}")
        lines.append(f"  file: {catalog.files[(kind, entry_id)]}")
        out = _outgoing(catalog, kind, entry)
        back = _incoming(catalog, kind, entry_id)
        lines.append("  links to:" if out else "  links to: nothing")
        lines.extend(f"    {label}: {', '.join(values)}" for label, values in out)
        lines.append("  linked from:" if back else "  linked from: nothing")
        lines.extend(f"    {label}: {', '.join(values)}" for label, values in back)
        lines.extend(_score_lines(catalog, kind, entry_id))
    return "\n".join(lines) if lines else None


def _score_lines(catalog: Catalog, kind: str, entry_id: str) -> list[str]:
    """Each result of a model or result table, with the file and line where it is written:
    where a correction starts."""
    scores = {"models": catalog.model_scores, "results": catalog.table_scores}.get(kind, {})
    found = scores.get(entry_id, [])
    if not found:
        return []
    out = ["  results (file:line):"]
    for s in found:
        where = f"{catalog.files[s.origin]}:{s.line}" if s.line else catalog.files[s.origin]
        variant = f"/{s.variant}" if s.variant else ""
        out.append(f"    {s.model} on {s.benchmark}{variant} = {s.value:g} {s.metric}: {where}")
    return out


def _outgoing(catalog: Catalog, kind: str, entry) -> list[tuple[str, list[str]]]:
    fields = {
        "models": ("organisations", "base_models", "techniques", "applications", "papers"),
        "benchmarks": ("organisations", "applications", "papers"),
        "techniques": ("related", "papers"),
        "applications": ("techniques",),
        "results": (),
        "papers": (),
        "organisations": (),
    }[kind]
    out = [(f, list(getattr(entry, f))) for f in fields if getattr(entry, f)]
    if kind == "techniques" and entry.parent:
        out.insert(0, ("parent", [entry.parent]))
    if kind == "results":
        out.append(("source", [entry.source]))
        out.append(("models", sorted({r.model for r in entry.rows})))
        out.append(("benchmarks", sorted({r.benchmark for r in entry.rows})))
    if kind == "models":
        scores = catalog.model_scores.get(entry.id, [])
        if scores:
            out.append(("benchmarks (scores)", sorted({s.benchmark for s in scores})))
    return out


def _incoming(catalog: Catalog, kind: str, entry_id: str) -> list[tuple[str, list[str]]]:
    back: list[tuple[str, list[str]]] = []
    if kind == "models":
        back.append(("derivatives", catalog.derivatives.get(entry_id, [])))
    if kind == "techniques":
        back.append(("models", catalog.technique_models.get(entry_id, [])))
        back.append(("refined by", catalog.technique_children.get(entry_id, [])))
    if kind == "benchmarks":
        scores = catalog.benchmark_scores.get(entry_id, [])
        back.append(("models scored", sorted({s.model for s in scores})))
    if kind == "applications":
        back.append(("models", catalog.application_models.get(entry_id, [])))
        back.append(("benchmarks", catalog.application_benchmarks.get(entry_id, [])))
    if kind == "organisations":
        back.append(("models", catalog.organisation_models.get(entry_id, [])))
        back.append(("benchmarks", catalog.organisation_benchmarks.get(entry_id, [])))
    if kind == "papers":
        cited = catalog.citations.get(entry_id, [])
        back.append(("cited by", [f"{singular(k)} {i}" for k, i in cited]))
    return [(label, values) for label, values in back if values]
