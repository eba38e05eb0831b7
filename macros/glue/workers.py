"""The build's one worker process, which shares the work of pages and charts with MkDocs.

On a machine with a second core a full build starts one spawned worker and sends it the
catalogue once. The worker renders generated pages from the last one backwards until it
meets the build (``pagestream``), writes the data exports, then draws the charts the site
is known to use, and sends everything back over one queue. Under ``mkdocs serve``, on one
core or with ``ATLAS_INLINE=1`` there is no worker and all of it happens in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from pathlib import Path

from macros.catalog.store import Catalog
from macros.export.write import write_exports
from macros.render.charts.jobs import ChartService, expected_jobs, render_all
from macros.render.plan import GeneratedPage, PageJob
from macros.render.renderer import Renderer

BATCH = 4  # pages per message: amortises a send, keeps the meeting point sharp


def worker_wanted() -> bool:
    """Whether a second process is worth starting (a second core, not switched off)."""
    return (os.cpu_count() or 1) > 1 and os.environ.get("ATLAS_INLINE") != "1"


def _render_pages(out, reached, renderer: Renderer, jobs: list[PageJob]) -> None:
    """Render ``jobs`` from the last one down until the build has reached them."""
    charts = renderer.charts
    batch: list[GeneratedPage] = []
    sent = 0
    for index in range(len(jobs) - 1, -1, -1):
        if index <= reached.value:
            break
        batch.append(renderer.render_job(jobs[index]))
        if len(batch) == BATCH:
            requested = list(charts.jobs.values())
            out.put(("pages", batch, requested[sent:]))
            sent, batch = len(requested), []
    out.put(("pages", batch, list(charts.jobs.values())[sent:]))


def _work(out, reached, blob: bytes, settings: dict, jobs: list, exports: dict | None) -> None:
    """The worker: pages, then exports, then charts; every failure goes back as text."""
    try:
        catalog: Catalog = pickle.loads(blob)
        charts = ChartService(catalog)  # records the charts its pages ask for
        _render_pages(out, reached, Renderer(catalog, charts=charts, **settings), jobs)
        if exports is not None:
            site_dir = Path(exports.pop("site_dir"))
            write_exports(catalog, site_dir, **exports)
        out.put(("done", exports is not None))
        wanted = {job.chart_id: job for job in expected_jobs(catalog)} | charts.jobs
        out.put(("charts", render_all(catalog, list(wanted.values()))))
    except BaseException:
        out.put(("error", traceback.format_exc()))


class Worker:
    """A handle on the worker process: its queue and the build's progress counter."""

    def __init__(self, renderer: Renderer, jobs: list[PageJob], exports: dict | None):
        ctx = multiprocessing.get_context("spawn")
        self.queue = ctx.Queue()
        self.reached = ctx.RawValue("q", -1)  # highest page index rendered by the build
        blob = pickle.dumps(renderer.catalog, protocol=pickle.HIGHEST_PROTOCOL)
        settings = {"use_directory_urls": renderer.directory_urls, "edit_base": renderer.edit_base}
        self.process = ctx.Process(
            target=_work,
            args=(self.queue, self.reached, blob, settings, jobs, exports),
            name="atlas-worker",
            daemon=True,
        )
        self.process.start()

    def alive(self) -> bool:
        """Whether the process still runs."""
        return self.process.is_alive()

    def stop(self) -> None:
        """Kill the process (a failed build) and release the queue."""
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.queue.close()
        self.queue.cancel_join_thread()
