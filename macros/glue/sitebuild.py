"""One build's state, shared by the MkDocs hook and mkdocs-macros, without importing MkDocs.

The catalog is loaded and validated once per build (``prepare``), then both the hook
(generated pages, exports) and ``pagemacros`` (hand-written pages) read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.catalog.build import load_catalog
from macros.catalog.store import Catalog
from macros.glue.pagestream import PageStream
from macros.load.problems import Problem, summary_line
from macros.render.charts.jobs import ChartService
from macros.render.renderer import Renderer


class DataError(Exception):
    """The data has errors; the message lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [p.text() for p in problems if p.severity == "error"]
        super().__init__("\n".join([*lines, summary_line(problems), "the site was not built"]))


@dataclass
class BuildState:
    """The catalog, renderer and chart service of the build in progress."""

    root: Path
    catalog: Catalog
    renderer: Renderer
    edit_base: str
    charts: ChartService
    pages: PageStream | None = None


_STATE: BuildState | None = None


def prepare(
    root: Path,
    *,
    use_directory_urls: bool,
    repository: str = "",
    branch: str = "main",
    parallel_charts: bool | None = None,
) -> BuildState:
    """Load and validate data/ under ``root``; raise DataError listing all errors."""
    global _STATE
    catalog, problems = load_catalog(root, style=False)
    if catalog is None:
        _STATE = None
        raise DataError(problems)
    edit_base = f"{repository.rstrip('/')}/edit/{branch}" if repository else ""
    if _STATE is not None:
        _STATE.charts.close()
        if _STATE.pages is not None:
            _STATE.pages.close()
    service = ChartService(catalog)
    service.start(parallel_charts)
    renderer = Renderer(
        catalog, use_directory_urls=use_directory_urls, edit_base=edit_base, charts=service
    )
    _STATE = BuildState(root, catalog, renderer, edit_base, service)
    return _STATE


def current() -> BuildState:
    """The state of the build in progress (``prepare`` must have run)."""
    if _STATE is None:
        raise RuntimeError("the atlas catalog is not loaded: is the MkDocs hook configured?")
    return _STATE


def set_directory_urls(value: bool) -> None:
    """Follow a late change of use_directory_urls (the offline plugin turns it off)."""
    state = current()
    if state.renderer.directory_urls != value:
        state.renderer = Renderer(
            state.catalog, use_directory_urls=value, edit_base=state.edit_base, charts=state.charts
        )


def start_pages(*, parallel: bool, exports: dict | None = None) -> PageStream:
    """Start rendering the generated pages of this build (with a worker if ``parallel``,
    which then also writes the ``exports``: site_dir, site_name, site_url)."""
    state = current()
    if state.pages is not None:
        state.pages.close()
    state.pages = PageStream(state.renderer, state.charts, parallel=parallel, exports=exports)
    return state.pages
