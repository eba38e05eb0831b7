"""Charts as jobs: pages get a placeholder now, the SVG is filled in after the build.

Rendering a chart with matplotlib costs tens of milliseconds, and importing it a third of a
second. A page therefore holds ``<!--atlas-chart:ID-->`` where a chart goes. On a machine
with a second core the build's worker (``glue.workers``) draws the charts the site is
known to use and supplies them here; after the build the placeholders in the written HTML
are replaced (``fill_site``). Any chart not supplied is drawn then, in this process. The
output is the same either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from macros.catalog.boards import boards_for
from macros.catalog.store import Catalog
from macros.render.charts import draw as charts

NO_CHART = "<p><em>Not enough sourced data for this chart yet.</em></p>"
PLACEHOLDER = re.compile(r"<!--atlas-chart:([a-z0-9-]+)-->")
MIN_POINTS = 3  # models a board needs before it is charted


def placeholder(chart_id: str) -> str:
    """The comment that stands for a chart in a page."""
    return f"<!--atlas-chart:{chart_id}-->"


@dataclass(frozen=True)
class Job:
    """One chart: which drawing, with which arguments (``board`` is a board's slug; empty
    for the benchmark's main board)."""

    chart_id: str
    kind: str  # "progress", "per-year" or "size-vs-score"
    benchmark: str = ""
    board: str = ""


def board_of(catalog: Catalog, job: Job):
    """The board a chart draws, or None when the benchmark has none."""
    if job.benchmark not in catalog.benchmarks:
        return None
    boards = boards_for(catalog, job.benchmark)
    if job.board:
        boards = [b for b in boards if b.slug == job.board]
    return boards[0] if boards else None


def render(catalog: Catalog, job: Job) -> str | None:
    """Draw one chart (None when there is not enough data)."""
    if job.kind == "per-year":
        return charts.models_per_year_svg(catalog, job.chart_id)
    board = board_of(catalog, job)
    if board is None:
        return None
    if job.kind == "progress":
        return charts.progress_svg(catalog, board, job.chart_id)
    if job.kind == "size-vs-score":
        return charts.size_vs_score_svg(catalog, board, job.chart_id)
    raise ValueError(f"unknown chart kind '{job.kind}'")


def render_all(catalog: Catalog, jobs: list[Job]) -> dict[str, str | None]:
    """Draw several charts (runs in the worker process)."""
    return {job.chart_id: render(catalog, job) for job in jobs}


def benchmark_jobs(catalog: Catalog, benchmark_id: str, boards=None) -> list[Job]:
    """The chart of a main benchmark's page: progress on its main board (``boards``: the
    benchmark's boards, when the caller has them already)."""
    boards = boards_for(catalog, benchmark_id) if boards is None else boards
    if not boards or len(boards[0].rows) < MIN_POINTS:
        return []
    return [Job(f"chart-{benchmark_id}", "progress", benchmark_id, boards[0].slug)]


def macro_job(name: str, benchmark: str = "medqa") -> Job:
    """The job behind the chart() macro of hand-written pages."""
    if name == "models-per-year":
        return Job("chart-per-year", "per-year")
    if name == "best-over-time":
        return Job(f"chart-best-{benchmark}", "progress", benchmark)
    if name == "size-vs-score":
        return Job(f"chart-size-{benchmark}", "size-vs-score", benchmark)
    raise ValueError(f"unknown chart '{name}'")


def expected_jobs(catalog: Catalog) -> list[Job]:
    """Every chart the site is known to use, to start drawing early."""
    jobs = [macro_job("models-per-year"), macro_job("best-over-time"), macro_job("size-vs-score")]
    for bid in sorted(catalog.benchmarks):
        if catalog.benchmarks[bid].main:
            jobs.extend(benchmark_jobs(catalog, bid))
    return jobs


def chart_csv_path(job: Job) -> str:
    """Where the data behind a progress chart is exported."""
    return f"api/v1/charts/{job.chart_id}.csv"


@dataclass
class ChartService:
    """Collects chart requests during a build and fills them into the written site."""

    catalog: Catalog
    jobs: dict[str, Job] = field(default_factory=dict)
    drawn: dict[str, str | None] = field(default_factory=dict)

    def request(self, job: Job) -> str:
        """Ask for a chart; returns the placeholder to put in the page."""
        known = self.jobs.get(job.chart_id)
        if known is not None and known != job:
            raise ValueError(f"chart id {job.chart_id} used for two different charts")
        self.jobs[job.chart_id] = job
        return placeholder(job.chart_id)

    def supply(self, drawn: dict[str, str | None]) -> None:
        """Charts drawn elsewhere (by the build's worker), by chart id."""
        self.drawn.update(drawn)

    def results(self, wanted: set[str] | None = None) -> dict[str, str | None]:
        """The charts asked for (all requested ones by default), drawn."""
        done = dict(self.drawn)
        for chart_id, job in self.jobs.items():
            if chart_id not in done and (wanted is None or chart_id in wanted):
                done[chart_id] = render(self.catalog, job)
        return done

    def fill_html(self, html: str, drawn: dict[str, str | None]) -> str:
        """Replace chart placeholders in one page's HTML."""
        return PLACEHOLDER.sub(lambda m: drawn.get(m.group(1)) or NO_CHART, html)

    def fill_site(self, paths: list[Path]) -> int:
        """Fill the charts into written HTML files; returns how many files changed."""
        pages = {path: path.read_text(encoding="utf-8") for path in sorted(set(paths))}
        wanted = {m.group(1) for html in pages.values() for m in PLACEHOLDER.finditer(html)}
        drawn = self.results(wanted)
        changed = 0
        for path, html in pages.items():
            filled = self.fill_html(html, drawn)
            if filled != html:
                path.write_text(filled, encoding="utf-8")
                changed += 1
        return changed
