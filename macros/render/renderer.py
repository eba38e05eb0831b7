"""The Renderer: one catalog's pages, and what every page family shares.

Page families live in their own modules (``entries``, ``indexes``, ``special``) as
functions ``(renderer, arg) -> GeneratedPage``, registered in ``FAMILIES``; tables
shared by several pages are in ``tables``. This package imports no MkDocs code: the
glue turns generated pages into MkDocs files.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

from markupsafe import Markup

from macros.catalog.boards import Board, board_slug, boards_for
from macros.catalog.comparable import Group, groups_for, variant_name
from macros.catalog.links import Linker, dest_url, src_path
from macros.catalog.store import Catalog, Score
from macros.export import bibtex
from macros.kinds import FOLDERS, spec
from macros.render.charts import jobs as chartjobs
from macros.render.charts.jobs import NO_CHART, ChartService
from macros.render.env import bib_html, detail_text, make_env, size_text
from macros.render.leaderboard import details_text, interval_text, setting_text, setting_words
from macros.render.plan import GeneratedPage, PageJob
from macros.schema import vocab


class Renderer:
    """Renders every generated page of the site from one catalog."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        use_directory_urls: bool = True,
        edit_base: str = "",
        charts: ChartService | None = None,
        site_url: str = "",
    ):
        self.catalog = catalog
        # Without a chart service (tests, benchmark dumps) charts are drawn inline.
        self.charts = charts
        self.directory_urls = use_directory_urls
        self.edit_base = edit_base.rstrip("/")
        self.site_url = site_url
        self.env = make_env()
        self._groups: dict[str, list[Group]] = {}
        self._boards: dict[str, list[Board]] = {}
        self._slug_of: dict[tuple, str] = {}
        self._families: dict[str, list] | None = None

    # ------------------------------------------------------------ shared by pages

    def chart(self, job: chartjobs.Job) -> Markup:
        """A chart for a page: a placeholder filled after the build, or the SVG itself."""
        if self.charts is not None:
            return Markup(self.charts.request(job))
        svg = chartjobs.render(self.catalog, job)
        return Markup(svg or NO_CHART)

    def groups(self, benchmark_id: str) -> list[Group]:
        """Comparable groups of a benchmark, computed once."""
        if benchmark_id not in self._groups:
            groups = groups_for(self.catalog, benchmark_id)
            self._groups[benchmark_id] = groups
            for g in groups:
                self._slug_of[g.key] = g.slug
        return self._groups[benchmark_id]

    def boards(self, benchmark_id: str) -> list[Board]:
        """The headline boards of a benchmark, main variant first, computed once."""
        if benchmark_id not in self._boards:
            self._boards[benchmark_id] = boards_for(self.catalog, benchmark_id)
        return self._boards[benchmark_id]

    @staticmethod
    def higher_is_better(metric: str) -> bool:
        return vocab.METRIC_BY_ID[metric].higher_is_better

    def group_slug(self, score: Score) -> str:
        """The anchor of the comparable group a score is ranked in."""
        self.groups(score.benchmark)
        return self._slug_of[score.group]

    def families(self) -> dict[str, list]:
        """Models by family name, computed once."""
        if self._families is None:
            fam: dict[str, list] = {}
            for m in self.catalog.models.values():
                if m.family:
                    fam.setdefault(m.family, []).append(m)
            self._families = fam
        return self._families

    def edit_url(self, kind: str, eid: str) -> str:
        """Link to edit an entry's YAML file on the repository host."""
        path = self.catalog.files[(kind, eid)]
        return f"{self.edit_base}/{path}" if self.edit_base else path

    def row_url(self, score: Score) -> str:
        """Link to the file and line where a result row is written (``#L<line>``)."""
        path = self.catalog.files[score.origin]
        line = f"#L{score.line}" if score.line else ""
        if not self.edit_base:
            return path + line
        return f"{self.edit_base.replace('/edit/', '/blob/', 1)}/{path}{line}"

    def report_url(self, kind: str, eid: str, page_src: str) -> str:
        """A "report incorrect data" issue, pre-filled with the entry's id and page URL."""
        page = dest_url(page_src, self.directory_urls)
        page = self.site_url.rstrip("/") + "/" + page if self.site_url else page
        query = urlencode(
            {
                "template": "report-incorrect-data.yml",
                "title": f"[correction] {kind}/{eid}",
                "entry": f"{kind}/{eid}",
                "page": page,
            }
        )
        repo = self.edit_base.split("/edit/", 1)[0]
        return f"{repo}/issues/new?{query}" if repo else f"issues/new?{query}"

    def linker(self, page_src: str) -> Linker:
        """Relative links from the page at ``page_src``."""
        return Linker(page_src, self.directory_urls)

    def render(self, template: str, page_src: str, **ctx) -> str:
        """Render a template for the page at ``page_src`` with the shared helpers."""
        from macros.render import tables

        c = self.catalog
        ctx.update(
            catalog=c,
            link=self.linker(page_src),
            edit_url=self.edit_url,
            row_url=self.row_url,
            report_url=lambda kind, eid: self.report_url(kind, eid, page_src),
            variant_name=lambda s: variant_name(c, s),
            group_slug=self.group_slug,
            board_slug=board_slug,
            score_setting=setting_text,
            details_text=details_text,
            setting_words=setting_words,
            interval_of=interval_text,
            benchmark_name=lambda b: c.benchmarks[b].name if b in c.benchmarks else b,
            short_source=self.short_source,
            size_text=size_text,
            detail_text=detail_text,
            group_key=lambda s: "|".join(str(part) for part in s.group),
            export_name=lambda k: spec(k).export,
            model_table=lambda ids: tables.model_table(self, page_src, ids),
            benchmark_table=lambda ids: tables.benchmark_table(self, page_src, ids),
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

    def provenance(self, sources) -> tuple[list[dict], dict[str, list[dict]]]:
        """Numbered references for a facts box, and the references backing each field."""
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

    def bib(self, ids: list[str]) -> Markup:
        """The BibTeX of these sources, ready for a page."""
        papers = [self.catalog.papers[i] for i in ids if i in self.catalog.papers]
        return bib_html(bibtex.entries(papers))

    # ------------------------------------------------------------ the plan

    def entry_page(self, kind: str, eid: str) -> GeneratedPage:
        """The page of one entry."""
        return self.render_job(PageJob(src_path(kind, eid), kind, eid))

    def plan(self) -> list[PageJob]:
        """Every generated page as a job to render, in a stable order."""
        c = self.catalog
        jobs = [PageJob(src_path(kind, eid), kind, eid) for kind in FOLDERS for eid in c.kind(kind)]
        jobs += [PageJob(src_path(kind), "index", kind) for kind in FOLDERS]
        jobs += [
            PageJob("compare.md", "compare"),
            PageJob("lineage.md", "lineage"),
            PageJob("disagreements.md", "disagreements"),
            PageJob("changes.md", "changes"),
            PageJob("wanted.md", "wanted"),
        ]
        return jobs

    def render_job(self, job: PageJob) -> GeneratedPage:
        """Render one planned page with its family's function."""
        from macros.render.families import FAMILIES

        draw = FAMILIES.get(job.family)
        if draw is None:
            raise RuntimeError(f"{job.src}: no page family '{job.family}'")
        generated = draw(self, job.arg)
        if generated.src != job.src:
            raise RuntimeError(f"planned {job.src} but rendered {generated.src}")
        return generated

    def all_pages(self) -> Iterator[GeneratedPage]:
        """Every generated page, in the order of ``plan``."""
        for job in self.plan():
            yield self.render_job(job)
