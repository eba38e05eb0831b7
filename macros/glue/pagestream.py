"""Generated pages, rendered beside MkDocs by the worker and handed over in order.

MkDocs works through its pages one at a time on one core. Rendering the atlas's own
pages from the catalog is independent of that work, so on a machine with a second core
the two share it: MkDocs reads the generated pages from the first to the last, rendering
each one it has not received yet itself (``get``), while the worker (``workers``) renders
from the last page backwards and sends what it has drawn. They meet somewhere in the
middle, wherever the two cores' speeds put that point; a shared counter tells the worker
where the build has got to, so at most a few pages are drawn twice. The pages are the
same bytes either way.

Chart requests made while rendering are sent back with the pages, and the charts the
worker draws at the end reach the build's chart service, which fills them in.
"""

from __future__ import annotations

import queue
from collections.abc import Iterable

from macros.glue.workers import Worker
from macros.render.charts.jobs import ChartService
from macros.render.plan import GeneratedPage
from macros.render.renderer import Renderer

POLL = 0.5  # seconds between checks that the worker is still alive


class PageRenderError(RuntimeError):
    """The worker could not render its pages; the message carries its traceback."""


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
        self._worker: Worker | None = None
        self._done = False
        self._charts_in = False
        self.exports_written = False
        self.rendered_here = 0
        self.received = 0
        if parallel and self.jobs:
            self._start(exports)

    @property
    def parallel(self) -> bool:
        """Whether a worker shares the rendering."""
        return self._worker is not None

    def sources(self) -> list[str]:
        """Source paths of every generated page, in the order MkDocs should read them."""
        return [job.src for job in self.jobs]

    def _start(self, exports: dict | None) -> None:
        self._worker = Worker(self.renderer, self.jobs, exports)

    def get(self, src: str) -> GeneratedPage:
        """The generated page at ``src``: received from the worker, or rendered now."""
        index = self._index[src]
        if self.parallel:
            self._drain(block=False)
            page = self._arrived.pop(src, None)
            if page is not None:
                return page
            self._worker.reached.value = max(self._worker.reached.value, index)
        self.rendered_here += 1
        return self.renderer.render_job(self.jobs[index])

    def all(self) -> Iterable[GeneratedPage]:
        """Every page, in order."""
        for job in self.jobs:
            yield self.get(job.src)

    def _drain(self, block: bool, until_charts: bool = False) -> None:
        while not (self._charts_in if until_charts else self._done):
            try:
                q = self._worker.queue
                message = q.get(timeout=POLL) if block else q.get_nowait()
            except queue.Empty:
                if block and not self._worker.alive():
                    code = self._worker.process.exitcode
                    self.close()
                    raise PageRenderError(f"the page worker stopped (exit code {code})") from None
                if not block:
                    return
                continue
            self._receive(message)

    def _receive(self, message: tuple) -> None:
        kind = message[0]
        if kind == "pages":
            for page in message[1]:
                self._arrived[page.src] = page
            self.received += len(message[1])
            if self.charts is not None:
                for chart in message[2]:
                    self.charts.request(chart)
        elif kind == "done":
            self._done = True
            self.exports_written = message[1]
        elif kind == "charts":
            self._charts_in = True
            if self.charts is not None:
                self.charts.supply(message[1])
        else:
            self.close()
            raise PageRenderError("rendering the generated pages failed:\n" + message[1])

    def finish(self) -> None:
        """After the build has read every page: let the worker finish, collect its charts."""
        if self._worker is None:
            return
        self._worker.reached.value = len(self.jobs)
        self._drain(block=True, until_charts=True)
        self._worker.process.join(timeout=10)
        self.close()

    def close(self) -> None:
        """Stop the worker, e.g. when the build fails."""
        if self._worker is not None:
            self._worker.stop()
