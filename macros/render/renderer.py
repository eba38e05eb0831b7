"""Render the catalog into Markdown pages (mostly HTML blocks) for MkDocs.

Templates are trusted files in ``templates/``, reviewed like the Python beside them;
contributor text only ever reaches them as values, and the environment autoescapes every
value. No template source ever comes from data, so the environment is not sandboxed: a
sandbox guards against untrusted templates, of which there are none, and would double
the cost of rendering. Generated pages carry
``render_macros: false``, so mkdocs-macros never treats their text as a template.
This module imports no MkDocs code: the hook in ``mkdocs_hooks`` turns the pages into
MkDocs files.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros.catalog.leaderboards import (
    Group,
    disagreements,
    groups_for,
    setting_title,
    variant_name,
)
from macros.catalog.links import Linker, src_path
from macros.catalog.store import Catalog, Score
from macros.export import bibtex
from macros.kinds import FOLDERS, spec
from macros.render.charts import jobs as chartjobs
from macros.render.charts.jobs import ChartService
from macros.schema import vocab

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site.

    ``content`` is the Markdown MkDocs reads: front matter, the section headings (so the
    table of contents and search sections come from Markdown) and one placeholder comment
    per block of HTML. ``blocks`` holds that HTML, already rendered and escaped; the hook
    puts it back after Markdown has run, so Markdown never re-parses large tables.
    ``search_blocks`` are the same blocks as the search indexer should see them, with the
    search-excluded parts left out (worked out once, while rendering).
    """

    src: str
    content: str
    data_file: str | None = None
    blocks: tuple[str, ...] = ()
    search_blocks: tuple[str, ...] = ()

    def markdown(self) -> str:
        """The page as one Markdown document (blocks inline), e.g. for a plain MkDocs build."""
        return fill_blocks(self.content, self.blocks)


@dataclass(frozen=True)
class PageJob:
    """A generated page to render: its source path and the Renderer method that draws it."""

    src: str
    method: str
    arg: str | None = None


def placeholder(i: int) -> str:
    """The comment that stands for block ``i`` in a page's Markdown."""
    return f"<!--atlas-block:{i}-->"


def fill_blocks(text: str, blocks: tuple[str, ...]) -> str:
    """Put rendered blocks back in place of their placeholders."""
    for i, block in enumerate(blocks):
        text = text.replace(placeholder(i), block, 1)
    return text


_ARTICLE_TAG = re.compile(r"<(/?)article\b([^>]*)>")


def without_search_excluded(html_text: str) -> str:
    """``html_text`` minus every ``<article data-search-exclude>`` element.

    The search plugin skips these elements anyway, but only after parsing them with
    Python's HTML parser; handing it the page without them indexes the same text for a
    fraction of the parsing. Nested articles are matched by depth.
    """
    if "data-search-exclude" not in html_text:
        return html_text
    out: list[str] = []
    pos = 0
    depth = 0  # >0 while inside an excluded article
    for tag in _ARTICLE_TAG.finditer(html_text):
        closing = tag.group(1) == "/"
        if depth:
            depth += -1 if closing else 1
            if depth == 0:
                pos = tag.end()
        elif not closing and "data-search-exclude" in tag.group(2):
            out.append(html_text[pos : tag.start()])
            depth = 1
    if depth:
        raise ValueError("unbalanced <article> in a generated block")
    out.append(html_text[pos:])
    return "".join(out)


# Templates start each section heading line with this marker. Contributor text can never
# produce it (autoescaping turns "<" into "&lt;"), so a line of a summary that happens to
# start with "#" stays text inside its block instead of being taken for a heading.
HEADING = "<!--atlas-heading-->"
_TAG = re.compile(r"<[^>]*>")


def split_blocks(body: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Separate Markdown headings from HTML blocks.

    Returns the skeleton (headings and placeholders), the blocks, and the blocks as the
    search indexer should see them (``without_search_excluded``).

    A heading whose section holds no searchable text (only tables and lists kept out of
    search) is marked ``{ data-search-exclude }``, so search does not list a bare
    "Results" or "Cite" section for every entry.
    """
    skeleton: list[str] = []
    blocks: list[str] = []
    search_blocks: list[str] = []
    chunk: list[str] = []
    heading: list[int] = []  # index in skeleton of the current section's heading

    def flush() -> None:
        text = "\n".join(chunk).strip("\n")
        chunk.clear()
        searchable = without_search_excluded(text)
        if heading and not _TAG.sub("", searchable).strip():
            skeleton[heading[-1]] += " { data-search-exclude }"
        if text.strip():
            skeleton.extend(["", placeholder(len(blocks)), ""])
            blocks.append(text)
            search_blocks.append(searchable)

    for line in body.split("\n"):
        if line.startswith(HEADING):
            flush()
            skeleton.extend(["", line[len(HEADING) :], ""])
            heading.append(len(skeleton) - 2)
        else:
            chunk.append(line)
    flush()
    return "\n".join(skeleton).strip("\n") + "\n", tuple(blocks), tuple(search_blocks)


def page(src: str, head: str, body: str, data_file: str | None = None) -> GeneratedPage:
    """A generated page from its front matter and rendered body."""
    skeleton, blocks, search_blocks = split_blocks(body)
    return GeneratedPage(src, head + skeleton, data_file, blocks, search_blocks)


def make_env() -> Environment:
    """The Jinja environment for generated pages: autoescaped, strict about undefined names."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["label_language"] = lambda v: vocab.label("language", v)
    env.filters["label_modality"] = lambda v: vocab.label("modality", v)
    env.globals["label"] = vocab.label
    env.globals["fmt"] = fmt_value
    env.globals["metric_label"] = lambda m: vocab.METRIC_BY_ID[m].label
    env.globals["singular"] = lambda k: spec(k).singular
    return env


def fmt_value(value: float) -> str:
    """A score as written in sources: no trailing zeros, at most 4 decimals."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


# libyaml's emitter when present (same output, several times faster), else PyYAML's own.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(title: str, description: str = "", **extra) -> str:
    """YAML front matter for a generated page. Titles are escaped and can hold no tag."""
    safe_title = html.escape(title.replace("<", "‹").replace(">", "›"), quote=False)
    data = {"title": safe_title, "render_macros": False}
    if description:
        data["description"] = html.escape(description.replace("<", "‹").replace(">", "›"))
    data.update(extra)
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=True)
    return "---\n" + text + "---\n\n"


def _first_sentence(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    sentence = text[: cut + 1] if 0 < cut < limit else text[:limit]
    return sentence


def size_bucket(params: list[float]) -> str:
    """Filter bucket of a model's size (largest size in the entry)."""
    if not params:
        return "unknown"
    p = max(params)
    if p < 1:
        return "lt1"
    if p < 10:
        return "1-10"
    if p < 100:
        return "10-100"
    return "ge100"


SHORT_TYPE = {
    "pretrained": "Pre-trained",
    "fine-tuned": "Adapted",
    "prompted": "Prompted",
    "general": "General",
}


def _first_and_more(names: list[str]) -> str:
    """'A' or 'A +2': keeps table cells short; the entry page lists every name."""
    if not names:
        return ""
    return names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")


SIZE_BUCKETS = (
    ("lt1", "under 1B"),
    ("1-10", "1B to 10B"),
    ("10-100", "10B to 100B"),
    ("ge100", "100B and over"),
    ("unknown", "not published"),
)


class Renderer:
    """Renders every generated page of the site from one catalog."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        use_directory_urls: bool = True,
        edit_base: str = "",
        charts: ChartService | None = None,
    ):
        self.catalog = catalog
        # Without a chart service (tests, benchmark dumps) charts are drawn inline.
        self.charts = charts
        self.directory_urls = use_directory_urls
        self.edit_base = edit_base.rstrip("/")
        self.env = make_env()
        self._groups: dict[str, list[Group]] = {}
        self._slug_of: dict[tuple, str] = {}

    # ------------------------------------------------------------ helpers

    def chart(self, job: chartjobs.Job) -> Markup:
        """A chart for a page: a placeholder filled after the build, or the SVG itself."""
        if self.charts is not None:
            return Markup(self.charts.request(job))
        svg = chartjobs.render(self.catalog, job)
        return Markup(svg or "<p><em>Not enough sourced data for this chart yet.</em></p>")

    def groups(self, benchmark_id: str) -> list[Group]:
        """Comparable groups of a benchmark, computed once."""
        if benchmark_id not in self._groups:
            groups = groups_for(self.catalog, benchmark_id)
            self._groups[benchmark_id] = groups
            for g in groups:
                self._slug_of[g.key] = g.slug
        return self._groups[benchmark_id]

    def group_slug(self, score: Score) -> str:
        self.groups(score.benchmark)
        return self._slug_of[score.group]

    def edit_url(self, kind: str, eid: str) -> str:
        """Link to edit an entry's YAML file on the repository host."""
        path = self.catalog.files[(kind, eid)]
        return f"{self.edit_base}/{path}" if self.edit_base else path

    def _render(self, template: str, page_src: str, **ctx) -> str:
        link = Linker(page_src, self.directory_urls)
        c = self.catalog
        ctx.update(
            catalog=c,
            link=link,
            edit_url=self.edit_url,
            variant_name=lambda s: variant_name(c, s),
            group_slug=self.group_slug,
            benchmark_name=lambda b: c.benchmarks[b].name if b in c.benchmarks else b,
            short_source=self.short_source,
            size_text=size_text,
            detail_text=detail_text,
            group_key=lambda s: "|".join(str(part) for part in s.group),
            export_name=lambda k: spec(k).export,
            model_table=lambda ids: self.model_table(page_src, ids),
            benchmark_table=lambda ids: self.benchmark_table(page_src, ids),
        )
        return self.env.get_template(template).render(**ctx)

    def short_source(self, sid: str) -> str:
        """A short label for a source: 'Singhal et al. 2023' or its title."""
        p = self.catalog.papers.get(sid)
        if p is None:
            return sid
        if p.authors:
            surname = p.authors[0].split()[-1]
            more = " et al." if (len(p.authors) > 1 or p.et_al) else ""
            return f"{surname}{more} {p.year}"
        title = p.title if len(p.title) <= 48 else p.title[:48].rsplit(" ", 1)[0] + "…"
        return f"{title} ({p.year})"

    def _provenance(self, sources) -> tuple[list[dict], dict[str, list[dict]]]:
        refs: list[dict] = []
        by_field: dict[str, list[dict]] = {}
        for n, s in enumerate(sources, start=1):
            paper = self.catalog.papers.get(s.source)
            ref = {
                "n": n,
                "source": s.source,
                "locator": s.locator,
                "supports": s.supports,
                "title": paper.title if paper else s.source,
            }
            refs.append(ref)
            for name in s.supports:
                by_field.setdefault(name, []).append(ref)
        return refs, by_field

    def _bib(self, ids: list[str]) -> Markup:
        papers = [self.catalog.papers[i] for i in ids if i in self.catalog.papers]
        return bib_html(bibtex.entries(papers))

    @staticmethod
    def _links(links) -> list[tuple[str, str]]:
        return [(name.capitalize(), url) for name, url in links.model_dump().items() if url]

    # ------------------------------------------------------------ entry pages

    def model_page(self, mid: str) -> GeneratedPage:
        c = self.catalog
        m = c.models[mid]
        src = src_path("models", mid)
        refs, by_field = self._provenance(m.sources)
        org_names = ", ".join(
            c.organisations[o].name for o in m.organisations if o in c.organisations
        )
        facts = [
            ("Kind", vocab.label("model_kind", m.kind), []),
            ("Survey type", vocab.label("survey_type", m.survey_type) if m.survey_type else "", []),
            ("Organisations", org_names, by_field.get("organisations", [])),
            ("Released", m.released or "", by_field.get("released", [])),
            (
                "Parameters",
                ", ".join(f"{fmt_value(p)}B" for p in m.parameters),
                by_field.get("parameters", []),
            ),
            (
                "Architecture",
                vocab.label("architecture", m.architecture) if m.architecture else "",
                by_field.get("architecture", []),
            ),
            (
                "Weights",
                vocab.label("weights", m.weights) if m.weights else "",
                by_field.get("weights", []),
            ),
            ("Licence", m.licence or "", by_field.get("licence", [])),
            (
                "Base models",
                ", ".join(c.models[b].name for b in m.base_models if b in c.models),
                by_field.get("base_models", []),
            ),
        ]
        scores = sorted(
            c.model_scores.get(mid, []),
            key=lambda s: (c.benchmarks[s.benchmark].name.lower(), s.variant or "", -s.value),
        )
        related = self._related_models(mid)
        body = self._render(
            "model.md.j2",
            src,
            m=m,
            facts=facts,
            provenance=refs,
            derivatives=c.derivatives.get(mid, []),
            in_tree=bool(m.base_models or c.derivatives.get(mid) or m.kind == "medical"),
            scores=scores,
            benchmarks=sorted({s.benchmark for s in scores}),
            related=related,
            links=self._links(m.links),
            bibtex=self._bib(m.papers),
        )
        tags = [vocab.label("survey_type", m.survey_type)] if m.survey_type else ["General model"]
        head = front_matter(m.name, _first_sentence(m.summary), tags=tags, hide=["navigation"])
        return page(src, head, body, c.files[("models", mid)])

    def _related_models(self, mid: str) -> list[str]:
        """Siblings: models sharing a base model or a family, excluding lineage already shown."""
        c = self.catalog
        m = c.models[mid]
        shown = set(m.base_models) | set(c.derivatives.get(mid, [])) | {mid}
        related: set[str] = set()
        for base in m.base_models:
            related.update(c.derivatives.get(base, []))
        if m.family:
            related.update(o.id for o in self._family_index().get(m.family, []))
        return sorted(related - shown)[:12]

    def _family_index(self) -> dict[str, list]:
        if not hasattr(self, "_families"):
            fam: dict[str, list] = {}
            for m in self.catalog.models.values():
                if m.family:
                    fam.setdefault(m.family, []).append(m)
            self._families = fam
        return self._families

    def benchmark_page(self, bid: str) -> GeneratedPage:
        c = self.catalog
        b = c.benchmarks[bid]
        src = src_path("benchmarks", bid)
        refs, by_field = self._provenance(b.sources)
        groups = self.groups(bid)
        chart_list = []
        if b.main:
            for job in chartjobs.benchmark_jobs(c, bid):
                chart_list.append((groups[job.group], self.chart(job)))
        facts = [
            ("Category", vocab.label("evaluation_category", b.category), []),
            ("Task", vocab.label("task", b.task), by_field.get("task", [])),
            (
                "Organisations",
                ", ".join(c.organisations[o].name for o in b.organisations if o in c.organisations),
                by_field.get("organisations", []),
            ),
            ("Released", b.released or "", by_field.get("released", [])),
            ("Answer format", b.answer_format or "", by_field.get("answer_format", [])),
            ("Metrics", ", ".join(vocab.METRIC_BY_ID[x].label for x in b.metrics), []),
            ("Size", size_text(b.size), by_field.get("size", [])),
            (
                "Access",
                vocab.label("access", b.access) if b.access else "",
                by_field.get("access", []),
            ),
            ("Licence", b.licence or "", by_field.get("licence", [])),
        ]
        body = self._render(
            "benchmark.md.j2",
            src,
            b=b,
            facts=facts,
            provenance=refs,
            groups=groups,
            n_scores=sum(len(g.scores) for g in groups),
            charts=chart_list,
            links=self._links(b.links),
            bibtex=self._bib(b.papers),
        )
        tags = [vocab.label("evaluation_category", b.category)]
        head = front_matter(b.name, _first_sentence(b.summary), tags=tags, hide=["navigation"])
        return page(src, head, body, c.files[("benchmarks", bid)])

    def technique_page(self, tid: str) -> GeneratedPage:
        c = self.catalog
        t = c.techniques[tid]
        src = src_path("techniques", tid)
        apps = sorted(a for a, ts in c.application_techniques.items() if tid in ts)
        body = self._render(
            "technique.md.j2",
            src,
            t=t,
            children=c.technique_children.get(tid, []),
            models=c.technique_models.get(tid, []),
            applications=apps,
        )
        head = front_matter(t.name, _first_sentence(t.summary))
        return page(src, head, body, c.files[("techniques", tid)])

    def paper_page(self, pid: str) -> GeneratedPage:
        c = self.catalog
        x = c.papers[pid]
        src = src_path("papers", pid)
        scores = c.source_scores.get(pid, [])
        body = self._render(
            "paper.md.j2",
            src,
            x=x,
            cited=c.citations.get(pid, []),
            scores=scores,
            bibtex=bib_html(bibtex.entry(x)),
        )
        head = front_matter(x.title, x.summary or "")
        return page(src, head, body, c.files[("papers", pid)])

    def application_page(self, aid: str) -> GeneratedPage:
        c = self.catalog
        a = c.applications[aid]
        src = src_path("applications", aid)
        body = self._render(
            "application.md.j2",
            src,
            a=a,
            techniques=c.application_techniques.get(aid, []),
            models=c.application_models.get(aid, []),
            benchmarks=c.application_benchmarks.get(aid, []),
        )
        head = front_matter(a.name, _first_sentence(a.summary))
        return page(src, head, body, c.files[("applications", aid)])

    def organisation_page(self, oid: str) -> GeneratedPage:
        c = self.catalog
        o = c.organisations[oid]
        src = src_path("organisations", oid)
        body = self._render(
            "organisation.md.j2",
            src,
            o=o,
            models=c.organisation_models.get(oid, []),
            benchmarks=c.organisation_benchmarks.get(oid, []),
        )
        return page(src, front_matter(o.name), body, c.files[("organisations", oid)])

    def results_page(self, rid: str) -> GeneratedPage:
        c = self.catalog
        r = c.results[rid]
        src = src_path("results", rid)
        scores = c.table_scores.get(rid, [])
        body = self._render("results.md.j2", src, r=r, scores=scores)
        return page(src, front_matter(r.name), body, c.files[("results", rid)])

    # ------------------------------------------------------------ tables

    def model_rows(self, ids) -> list[dict]:
        c = self.catalog
        rows = []
        for mid in ids:
            m = c.models[mid]
            type_ = m.survey_type if m.kind == "medical" else "general"
            rows.append(
                {
                    "m": m,
                    "type": type_,
                    "type_label": SHORT_TYPE[type_],
                    "year": m.released[:4] if m.released else "",
                    "size": size_bucket(m.parameters),
                    "params": ", ".join(fmt_value(p) for p in m.parameters),
                    "params_sort": max(m.parameters) if m.parameters else "",
                    "orgs": _first_and_more(
                        [c.organisations[o].name for o in m.organisations if o in c.organisations]
                    ),
                    "q": " ".join([m.name, *m.aliases, m.family or "", m.id]).lower(),
                    "n": len(c.model_scores.get(mid, [])),
                }
            )
        return rows

    def model_table(self, page_src: str, ids, *, filters: bool = False, table_id: str = "") -> str:
        """An HTML table of models (sortable; filterable when ``filters``)."""
        ids = sorted(ids, key=lambda i: self.catalog.models[i].name.lower())
        rows = self.model_rows(ids)
        opts = self._model_filter_options(rows) if filters else {}
        return self._render(
            "models_table.html.j2",
            page_src,
            rows=rows,
            filters=filters,
            opts=opts,
            table_id=table_id or "models-table",
        )

    def _model_filter_options(self, rows: list[dict]) -> dict:
        c = self.catalog
        present = {
            "types": {r["type"] for r in rows},
            "years": {r["year"] for r in rows if r["year"]},
            "sizes": {r["size"] for r in rows},
            "weights": {r["m"].weights for r in rows if r["m"].weights},
            "modalities": {x for r in rows for x in r["m"].modalities},
            "languages": {x for r in rows for x in r["m"].languages},
            "orgs": {x for r in rows for x in r["m"].organisations},
        }
        types = [(t, vocab.label("survey_type", t)) for t in vocab.ids("survey_type")]
        types.append(("general", "General model"))
        return {
            "types": [t for t in types if t[0] in present["types"]],
            "years": sorted(present["years"]),
            "sizes": [s for s in SIZE_BUCKETS if s[0] in present["sizes"]],
            "weights": [
                (w, vocab.label("weights", w))
                for w in vocab.ids("weights")
                if w in present["weights"]
            ],
            "modalities": [
                (x, vocab.label("modality", x))
                for x in vocab.ids("modality")
                if x in present["modalities"]
            ],
            "languages": sorted(
                ((x, vocab.label("language", x)) for x in present["languages"]), key=lambda p: p[1]
            ),
            "orgs": sorted(
                ((o, c.organisations[o].name) for o in present["orgs"] if o in c.organisations),
                key=lambda p: p[1].lower(),
            ),
        }

    def benchmark_table(
        self, page_src: str, ids, *, filters: bool = False, table_id: str = ""
    ) -> str:
        """An HTML table of benchmarks."""
        c = self.catalog
        ids = sorted(ids, key=lambda i: c.benchmarks[i].name.lower())
        rows = [
            {
                "b": c.benchmarks[b],
                "n": len(c.benchmark_scores.get(b, [])),
                "groups": len(self.groups(b)),
                "q": " ".join([c.benchmarks[b].name, *c.benchmarks[b].aliases, b]).lower(),
            }
            for b in ids
        ]
        opts = {}
        if filters:
            opts = {
                "categories": [(x.id, x.label) for x in vocab.EVALUATION_CATEGORIES],
                "tasks": [
                    (t.id, t.label) for t in vocab.TASKS if any(r["b"].task == t.id for r in rows)
                ],
                "languages": sorted(
                    {(x, vocab.label("language", x)) for r in rows for x in r["b"].languages},
                    key=lambda p: p[1],
                ),
            }
        return self._render(
            "benchmarks_table.html.j2",
            page_src,
            rows=rows,
            filters=filters,
            opts=opts,
            table_id=table_id or "benchmarks-table",
        )

    def simple_table(self, page_src: str, kind: str) -> str:
        """Index table for techniques, sources, organisations, applications and result tables."""
        c = self.catalog
        link = Linker(page_src, self.directory_urls)
        e = html.escape
        rows: list[str] = []
        if kind == "techniques":
            head = ["Technique", "Stage", "Refines", "Models"]
            for tid, t in sorted(c.techniques.items(), key=lambda kv: kv[1].name.lower()):
                parent = c.techniques.get(t.parent) if t.parent else None
                rows.append(
                    f'<tr data-q="{e(t.name.lower())}"><td><a href="{link.entry("techniques", tid)}">{e(t.name)}</a></td>'
                    f"<td>{e(vocab.label('technique_stage', t.stage))}</td>"
                    f"<td>{e(parent.name) if parent else ''}</td>"
                    f'<td data-value="{len(c.technique_models.get(tid, []))}">{len(c.technique_models.get(tid, []))}</td></tr>'
                )
        elif kind == "papers":
            head = ["Source", "First author", "Year", "Type", "Cited by"]
            for pid, p in sorted(
                c.papers.items(), key=lambda kv: (-kv[1].year, kv[1].title.lower())
            ):
                n = len(c.citations.get(pid, []))
                rows.append(
                    f'<tr data-q="{e(p.title.lower())}"><td><a href="{link.entry("papers", pid)}">{e(p.title)}</a></td>'
                    f"<td>{e(p.authors[0]) if p.authors else ''}</td><td>{p.year}</td>"
                    f'<td>{e(vocab.label("source_type", p.type))}</td><td data-value="{n}">{n}</td></tr>'
                )
        elif kind == "organisations":
            head = ["Organisation", "Sector", "Country", "Models", "Benchmarks"]
            for oid, o in sorted(c.organisations.items(), key=lambda kv: kv[1].name.lower()):
                nm = len(c.organisation_models.get(oid, []))
                nb = len(c.organisation_benchmarks.get(oid, []))
                rows.append(
                    f'<tr data-q="{e(o.name.lower())}"><td><a href="{link.entry("organisations", oid)}">{e(o.name)}</a></td>'
                    f"<td>{e(vocab.label('sector', o.sector))}</td><td>{e(o.country or '')}</td>"
                    f'<td data-value="{nm}">{nm}</td><td data-value="{nb}">{nb}</td></tr>'
                )
        elif kind == "applications":
            head = ["Application", "Survey keyword", "Models", "Benchmarks"]
            for aid, a in sorted(c.applications.items(), key=lambda kv: kv[1].name.lower()):
                nm = len(c.application_models.get(aid, []))
                nb = len(c.application_benchmarks.get(aid, []))
                rows.append(
                    f'<tr data-q="{e(a.name.lower())}"><td><a href="{link.entry("applications", aid)}">{e(a.name)}</a></td>'
                    f"<td>{'yes' if a.survey_keyword else ''}</td>"
                    f'<td data-value="{nm}">{nm}</td><td data-value="{nb}">{nb}</td></tr>'
                )
        elif kind == "results":
            head = ["Result table", "Source", "Locator", "Rows"]
            for rid, r in sorted(c.results.items(), key=lambda kv: kv[1].name.lower()):
                rows.append(
                    f'<tr data-q="{e(r.name.lower())}"><td><a href="{link.entry("results", rid)}">{e(r.name)}</a></td>'
                    f'<td><a href="{link.entry("papers", r.source)}">{e(self.short_source(r.source))}</a></td>'
                    f'<td>{e(r.locator)}</td><td data-value="{len(r.rows)}">{len(r.rows)}</td></tr>'
                )
        else:
            raise ValueError(kind)
        numeric = {"Models", "Benchmarks", "Rows", "Cited by", "Year"}
        number = ' data-type="number"'
        ths = "".join(f'<th scope="col"{number if h in numeric else ""}>{h}</th>' for h in head)
        return (
            f'<div class="atlas-filters atlas-filters--simple" data-filter-for="{kind}-table">'
            f'<label>Filter <input type="search" data-filter="q" placeholder="text"/></label>'
            f'<output class="atlas-count" aria-live="polite"></output></div>'
            f'<div class="atlas-table-wrap"><table class="atlas-table" id="{kind}-table" data-sortable>'
            f"<thead><tr>{ths}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>"
        )

    # ------------------------------------------------------------ index and special pages

    def index_page(self, kind: str) -> GeneratedPage:
        src = src_path(kind)
        c = self.catalog
        if kind == "models":
            table = self.model_table(src, c.models, filters=True)
        elif kind == "benchmarks":
            table = self.benchmark_table(src, c.benchmarks, filters=True)
        else:
            table = self.simple_table(src, kind)
        title = f"{spec(kind).title} ({len(c.kind(kind))})"
        body = self._render("index.md.j2", src, title=title, intro=spec(kind).intro, table=table)
        # Index tables are long and duplicate the entry pages: keep them out of search.
        head = front_matter(
            spec(kind).title,
            spec(kind).intro[:150],
            hide=["navigation", "toc"],
            search={"exclude": True},
        )
        return page(src, head, body)

    def compare_page(self) -> GeneratedPage:
        """Pick two to four models and see facts and shared results side by side."""
        src = "compare.md"
        link = Linker(src, self.directory_urls)
        c = self.catalog
        models = {}
        for mid, m in c.models.items():
            models[mid] = {
                "name": m.name,
                "url": link.entry("models", mid),
                "facts": {
                    "Type": vocab.label("survey_type", m.survey_type)
                    if m.survey_type
                    else "General model",
                    "Released": m.released or "",
                    "Parameters (B)": ", ".join(fmt_value(p) for p in m.parameters),
                    "Weights": vocab.label("weights", m.weights) if m.weights else "",
                    "Modalities": ", ".join(vocab.label("modality", x) for x in m.modalities),
                    "Languages": ", ".join(m.languages),
                    "Base models": ", ".join(
                        c.models[b].name for b in m.base_models if b in c.models
                    ),
                    "Organisations": ", ".join(
                        c.organisations[o].name for o in m.organisations if o in c.organisations
                    ),
                },
                "scores": [
                    [
                        s.benchmark,
                        self.group_slug(s),
                        s.value,
                        s.reported_by,
                        self.short_source(s.source) + ", " + s.locator,
                    ]
                    for s in c.model_scores.get(mid, [])
                ],
            }
        groups = {}
        for bid in c.benchmarks:
            for g in self.groups(bid):
                groups[g.slug + "@" + bid] = {
                    "benchmark": c.benchmarks[bid].name,
                    "title": g.title,
                    "url": link.entry("benchmarks", bid, g.slug),
                }
        payload = json.dumps(
            {"models": models, "groups": groups}, sort_keys=True, ensure_ascii=True
        )
        payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        options = "".join(
            f'<option value="{html.escape(mid)}">{html.escape(c.models[mid].name)}</option>'
            for mid in sorted(c.models, key=lambda i: c.models[i].name.lower())
        )
        selects = "".join(
            f'<label>Model {n} <select data-compare-slot="{n}"><option value="">(none)</option>{options}</select></label>'
            for n in range(1, 5)
        )
        body = (
            '<article class="atlas-compare" data-search-exclude>\n'
            '<h1 id="top">Compare models</h1>\n'
            "<p>Choose two to four models. Their facts appear side by side, then every benchmark "
            "setting on which at least two of them have a result. Values are compared only within "
            "the same comparable group. The choice is kept in the address, so it can be shared.</p>\n"
            f'<form class="atlas-compare-form">{selects}</form>\n'
            '<div id="compare-output" aria-live="polite"></div>\n'
            f'<script type="application/json" id="compare-data">{payload}</script>\n'
            "</article>\n"
        )
        head = front_matter(
            "Compare models",
            "Two to four models side by side: facts and shared results.",
            hide=["navigation", "toc"],
            search={"exclude": True},
        )
        return page(src, head, body)

    def lineage_page(self) -> GeneratedPage:
        """The whole family tree, from general models to medical ones, as nested lists."""
        src = "lineage.md"
        c = self.catalog
        link = Linker(src, self.directory_urls)
        e = html.escape

        anchored: set[str] = set()

        def anchor(mid: str) -> str:
            # A model with several bases appears several times; only the first gets the id.
            if mid in anchored:
                return ""
            anchored.add(mid)
            return f' id="{e(mid)}"'

        def node(mid: str, seen: frozenset) -> str:
            m = c.models[mid]
            kids = [k for k in c.derivatives.get(mid, []) if k not in seen]
            badge = (
                f' <span class="atlas-badge atlas-badge--type-{e(m.survey_type)}">{e(vocab.label("survey_type", m.survey_type))}</span>'
                if m.survey_type
                else ' <span class="atlas-badge">general</span>'
            )
            label = f'<a{anchor(mid)} href="{link.entry("models", mid)}">{e(m.name)}</a>{badge}'
            if not kids:
                return f"<li>{label}</li>"
            inner = "".join(node(k, seen | {mid}) for k in kids)
            return f'<li><details open><summary>{label} <span class="atlas-count">({len(kids)})</span></summary><ul>{inner}</ul></details></li>'

        roots = sorted(
            (mid for mid, m in c.models.items() if not m.base_models and c.derivatives.get(mid)),
            key=lambda i: (-_descendants(c, i), c.models[i].name.lower()),
        )
        trees = "".join(node(r, frozenset()) for r in roots)
        alone = [
            mid
            for mid, m in c.models.items()
            if m.kind == "medical" and not m.base_models and not c.derivatives.get(mid)
        ]
        alone_html = ", ".join(
            f'<a{anchor(mid)} href="{link.entry("models", mid)}">{e(c.models[mid].name)}</a>'
            for mid in sorted(alone, key=lambda i: c.models[i].name.lower())
        )
        body = (
            "# Family tree\n\n"
            '<article class="atlas-tree" data-search-exclude>\n'
            "<p>Each tree starts at a model with no recorded base and lists the models built on "
            "it, from general foundations to their medical adaptations. Expand or collapse a "
            "branch by clicking it. A model with several bases appears under each of them.</p>\n"
            f'<ul class="atlas-tree-root">{trees}</ul>\n'
            '<h2 id="standalone">Medical models with no recorded base or derivative</h2>\n'
            f"<p>{alone_html or 'None.'}</p>\n"
            "</article>\n"
        )
        return page(
            src,
            front_matter("Family tree", hide=["navigation", "toc"], search={"exclude": True}),
            body,
        )

    def disagreements_page(self) -> GeneratedPage:
        """Every (model, benchmark, setting) where sources report different numbers."""
        src = "disagreements.md"
        c = self.catalog
        link = Linker(src, self.directory_urls)
        e = html.escape
        items = disagreements(c)
        blocks = []
        for d in items:
            rows = "".join(
                f'<tr><td data-value="{s.value}">{fmt_value(s.value)}</td>'
                f"<td>{'authors' if s.reported_by == 'authors' else 'third party'}</td>"
                f'<td><a href="{link.entry("papers", s.source)}">{e(self.short_source(s.source))}</a>, {e(s.locator)}</td>'
                f"<td>{e(detail_text(s.setting))}</td></tr>"
                for s in d.scores
            )
            slug = self.group_slug(d.scores[0])
            blocks.append(
                f'<section class="atlas-disagreement"><h3><a href="{link.entry("models", d.model)}">{e(c.models[d.model].name)}</a> on '
                f'<a href="{link.entry("benchmarks", d.benchmark, slug)}">{e(c.benchmarks[d.benchmark].name)}</a></h3>'
                f"<p>{e(d.title)} · spread {fmt_value(d.spread)} points</p>"
                f'<div class="atlas-table-wrap"><table class="atlas-table"><thead><tr><th scope="col">Score</th><th scope="col">Reported by</th><th scope="col">Source</th><th scope="col">Details</th></tr></thead><tbody>{rows}</tbody></table></div></section>'
            )
        body = (
            "# Disagreements\n\n"
            '<article class="atlas-disagreements" data-search-exclude>\n'
            f"<p>{len(items)} cases where two or more sources report different numbers for the same "
            "model, benchmark and comparable setting. The atlas keeps every number with its source "
            "rather than picking one. Differences often come from paper versions, prompts, answer "
            "parsing or harness changes; details not captured by the setting (such as the number of "
            "ensemble samples) are listed per row.</p>\n" + "\n".join(blocks) + "\n</article>\n"
        )
        return page(
            src,
            front_matter(
                "Disagreements between sources",
                hide=["navigation", "toc"],
                search={"exclude": True},
            ),
            body,
        )

    # ------------------------------------------------------------ everything

    ENTRY_PAGES: ClassVar[dict[str, str]] = {
        "models": "model_page",
        "benchmarks": "benchmark_page",
        "techniques": "technique_page",
        "papers": "paper_page",
        "applications": "application_page",
        "organisations": "organisation_page",
        "results": "results_page",
    }

    def plan(self) -> list[PageJob]:
        """Every generated page as a job to render, in a stable order."""
        c = self.catalog
        jobs = [
            PageJob(src_path(kind, eid), method, eid)
            for kind, method in ((k, self.ENTRY_PAGES[k]) for k in FOLDERS)
            for eid in c.kind(kind)
        ]
        jobs += [PageJob(src_path(kind), "index_page", kind) for kind in FOLDERS]
        jobs += [
            PageJob("compare.md", "compare_page"),
            PageJob("lineage.md", "lineage_page"),
            PageJob("disagreements.md", "disagreements_page"),
        ]
        return jobs

    def render_job(self, job: PageJob) -> GeneratedPage:
        """Render one planned page."""
        method = getattr(self, job.method)
        generated = method(job.arg) if job.arg is not None else method()
        if generated.src != job.src:
            raise RuntimeError(f"planned {job.src} but rendered {generated.src}")
        return generated

    def all_pages(self) -> Iterator[GeneratedPage]:
        """Every generated page, in the order of ``plan``."""
        for job in self.plan():
            yield self.render_job(job)


def _descendants(catalog: Catalog, mid: str) -> int:
    seen: set[str] = set()
    stack = list(catalog.derivatives.get(mid, []))
    while stack:
        cur = stack.pop()
        if cur not in seen:
            seen.add(cur)
            stack.extend(catalog.derivatives.get(cur, []))
    return len(seen)


def bib_html(text: str) -> Markup:
    """BibTeX escaped for HTML, braces as character references (no template markers in pages)."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def size_text(size) -> str:
    """'train 10,178 · dev 1,272 · test 1,273' for a Size, or ''."""
    if size is None:
        return ""
    parts = [
        f"{name} {getattr(size, name):,}"
        for name in ("train", "dev", "test", "total")
        if getattr(size, name) is not None
    ]
    return " · ".join(parts)


def detail_text(setting) -> str:
    """Setting details that do not define the comparable group."""
    parts = []
    if setting.samples:
        parts.append(f"{setting.samples} samples")
    if setting.method:
        parts.append(setting.method)
    if setting.harness:
        parts.append(f"harness: {setting.harness}")
    if setting.grader:
        parts.append(f"grader: {setting.grader}")
    return " · ".join(parts)


__all__ = ["GeneratedPage", "Renderer", "setting_title"]
