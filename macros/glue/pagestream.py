"""Generated pages, rendered beside MkDocs by a worker process and handed over in order.

MkDocs works through its pages one at a time on one core. Rendering the atlas's own
pages from the catalog is independent of that work, so on a machine with a second core
the two share it: MkDocs reads the generated pages from the first to the last, rendering
each one it has not received yet itself (``get``), while a worker process renders from
the last page backwards and sends what it has drawn. They meet somewhere in the middle,
wherever the two cores' speeds put that point; a shared counter tells the worker where
the build has got to, so at most a few pages are drawn twice. The pages are the same
bytes either way; under ``mkdocs serve``, on one core or with ``ATLAS_INLINE=1`` they
are all rendered in this process. Once its pages are done the worker also writes the
data exports (``exports.write_exports``) while MkDocs is still writing pages.

Chart requests made while rendering are sent back with the pages, so the build's chart
service draws every chart a page refers to.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import traceback
from collections.abc import Iterable
from pathlib import Path

from macros.export.write import write_exports
from macros.render.charts.jobs import ChartService
from macros.render.plan import GeneratedPage, PageJob
from macros.render.renderer import Renderer

POLL = 0.5  # seconds between checks that the worker is still alive
BATCH = 4  # pages per message: amortises a send, keeps the meeting point sharp


class PageRenderError(RuntimeError):
    """The worker could not render its pages; the message carries its traceback."""


def worker_wanted() -> bool:
    """Whether a second process is worth starting (a second core, not switched off)."""
    return (os.cpu_count() or 1) > 1 and os.environ.get("ATLAS_INLINE") != "1"


def _render_backwards(
    out, reached, blob: bytes, settings: dict, jobs: list[PageJob], exports: dict | None
) -> None:
    """Worker: render ``jobs`` from the last one down until the build has reached them;
    then write the exports if asked."""
    try:
        catalog = pickle.loads(blob)
        charts = ChartService(catalog)  # records the charts pages ask for; draws none
        renderer = Renderer(catalog, charts=charts, **settings)
        batch: list[GeneratedPage] = []
        sent_charts = 0
        for index in range(len(jobs) - 1, -1, -1):
            if index <= reached.value:
                break
            batch.append(renderer.render_job(jobs[index]))
            if len(batch) == BATCH:
                requested = list(charts.jobs.values())
                out.put(("pages", batch, requested[sent_charts:]))
                sent_charts, batch = len(requested), []
        out.put(("pages", batch, list(charts.jobs.values())[sent_charts:]))
        if exports is not None:
            site_dir = Path(exports.pop("site_dir"))
            write_exports(catalog, site_dir, **exports)
        out.put(("done", exports is not None))
    except BaseException:  # every failure goes back to the build, as text
        out.put(("error", traceback.format_exc()))


class PageStream:
    """The generated pages of one build, rendered here and, if asked, by a worker too."""

    def __init__(
        self,
        renderer: Renderer,
        charts: ChartService | None,
        *,
        parallel: bool,
        exports: dict | None = None,
    ):
        self.renderer = renderer
        self.charts = charts
        self.jobs = renderer.plan()
        self._index = {job.src: i for i, job in enumerate(self.jobs)}
        self._arrived: dict[str, GeneratedPage] = {}
        self._process = None
        self._queue = None
        self._reached = None
        self._done = False
        self.exports_written = False
        self.rendered_here = 0
        self.received = 0
        if parallel and self.jobs:
            self._start(exports)

    @property
    def parallel(self) -> bool:
        """Whether a worker shares the rendering."""
        return self._process is not None

    def sources(self) -> list[str]:
        """Source paths of every generated page, in the order MkDocs should read them."""
        return [job.src for job in self.jobs]

    def _start(self, exports: dict | None) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._queue = ctx.Queue()
        self._reached = ctx.RawValue("q", -1)  # highest index rendered by the build
        blob = pickle.dumps(self.renderer.catalog, protocol=pickle.HIGHEST_PROTOCOL)
        settings = {
            "use_directory_urls": self.renderer.directory_urls,
            "edit_base": self.renderer.edit_base,
        }
        self._process = ctx.Process(
            target=_render_backwards,
            args=(self._queue, self._reached, blob, settings, self.jobs, exports),
            name="atlas-pages",
            daemon=True,
        )
        self._process.start()

    def get(self, src: str) -> GeneratedPage:
        """The generated page at ``src``: received from the worker, or rendered now."""
        index = self._index[src]
        if self.parallel:
            self._drain(block=False)
            page = self._arrived.pop(src, None)
            if page is not None:
                return page
            self._reached.value = max(self._reached.value, index)
        self.rendered_here += 1
        return self.renderer.render_job(self.jobs[index])

    def all(self) -> Iterable[GeneratedPage]:
        """Every page, in order."""
        for job in self.jobs:
            yield self.get(job.src)

    def _drain(self, block: bool) -> None:
        while not self._done:
            try:
                message = self._queue.get(timeout=POLL) if block else self._queue.get_nowait()
            except queue.Empty:
                if block and not self._process.is_alive():
                    code = self._process.exitcode
                    self.close()
                    raise PageRenderError(f"the page worker stopped (exit code {code})") from None
                if not block:
                    return
                continue
            if message[0] == "pages":
                for page in message[1]:
                    self._arrived[page.src] = page
                self.received += len(message[1])
                if self.charts is not None:
                    for chart in message[2]:
                        self.charts.request(chart)
            elif message[0] == "done":
                self._done = True
                self.exports_written = message[1]
            else:
                self.close()
                raise PageRenderError("rendering the generated pages failed:\n" + message[1])

    def finish(self) -> None:
        """After the build has read every page: let the worker finish, collect its charts."""
        if self._process is None:
            return
        self._reached.value = len(self.jobs)
        self._drain(block=True)
        self._process.join(timeout=10)
        self.close()

    def close(self) -> None:
        """Stop the worker, e.g. when the build fails."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)
        if self._queue is not None:
            self._queue.close()
            self._queue.cancel_join_thread()
        self._queue = None
