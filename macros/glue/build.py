"""One build's state, kept on one object and shared by the hooks and mkdocs-macros.

The catalog is loaded and validated once per build (``prepare``); then the hooks (generated
pages, search views, edit links, charts, exports) and ``pagemacros`` (hand-written pages)
read it from ``BUILD``. Everything a build keeps between MkDocs events lives here, so a new
build starts from ``reset`` and a failed one ends in ``abandon``.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from macros.catalog.build import load_catalog
from macros.catalog.changes import release_changes
from macros.catalog.store import Catalog
from macros.export.metadata import data_version
from macros.glue.navcache import NavCache
from macros.glue.pagestream import PageStream
from macros.load.problems import Problem, summary_line
from macros.render.charts.jobs import ChartService
from macros.render.plan import GeneratedPage
from macros.render.renderer import Renderer


class DataError(Exception):
    """The data has errors; the message lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [p.text() for p in problems if p.severity == "error"]
        super().__init__("\n".join([*lines, summary_line(problems), "the site was not built"]))


@dataclass
class Build:
    """The catalog, renderer, charts and pages of the build in progress, and its page state."""

    serve: bool = False  # `mkdocs serve`: render in-process, rebuild only changed pages
    root: Path | None = None
    catalog: Catalog | None = None
    renderer: Renderer | None = None
    charts: ChartService | None = None
    pages: PageStream | None = None
    edit_base: str = ""
    site_url: str = ""  # the public URL, when the build knows it
    site_dir: str | None = None  # set while a build is under way
    nav: NavCache | None = None
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    data_files: dict[str, str] = field(default_factory=dict)  # page src -> YAML file
    search_view: dict[str, tuple[str, str]] = field(default_factory=dict)
    chart_pages: list[Path] = field(default_factory=list)
    # data files of hand-written pages: path -> rows cut from their long tables, by key
    macro_assets: dict[str, dict[str, str]] = field(default_factory=dict)
    digests: dict[str, int] = field(default_factory=dict)  # kept across serve rebuilds

    def prepare(
        self,
        root: Path,
        *,
        use_directory_urls: bool,
        repository: str = "",
        branch: str = "main",
        site_url: str = "",
    ) -> None:
        """Load and validate data/ under ``root``; raise DataError listing all errors."""
        catalog, problems = load_catalog(root, style=False)
        self.close_workers()
        if catalog is None:
            self.catalog = None
            raise DataError(problems)
        catalog.changes = release_changes(root)
        catalog.version = data_version(root)
        self.root, self.catalog = root, catalog
        self.edit_base = f"{repository.rstrip('/')}/edit/{branch}" if repository else ""
        self.site_url = site_url
        self.charts = ChartService(catalog)
        self.renderer = self._renderer(use_directory_urls)

    def _renderer(self, use_directory_urls: bool) -> Renderer:
        return Renderer(
            self.catalog,
            use_directory_urls=use_directory_urls,
            edit_base=self.edit_base,
            charts=self.charts,
            site_url=self.site_url,
        )

    def ready(self) -> Build:
        """This build, once ``prepare`` has loaded a catalog."""
        if self.catalog is None:
            raise RuntimeError("the atlas catalog is not loaded: is the MkDocs hook configured?")
        return self

    def set_directory_urls(self, value: bool) -> None:
        """Follow a late change of use_directory_urls (the offline plugin turns it off)."""
        if self.ready().renderer.directory_urls != value:
            self.renderer = self._renderer(value)

    def start_pages(self, *, parallel: bool, exports: dict | None = None) -> PageStream:
        """Start rendering the generated pages (with the worker if ``parallel``, which then
        also writes the ``exports``: site_dir, site_name, site_url)."""
        self.ready()
        if self.pages is not None:
            self.pages.close()
        for store in (self.generated, self.data_files, self.search_view, self.macro_assets):
            store.clear()
        self.chart_pages.clear()
        self.pages = PageStream(self.renderer, self.charts, parallel=parallel, exports=exports)
        return self.pages

    def remember(self, page: GeneratedPage) -> None:
        """Keep a generated page for on_page_content and its data file for the edit link."""
        self.generated[page.src] = page
        if page.data_file:
            self.data_files[page.src] = page.data_file

    def close_workers(self) -> None:
        """Stop the worker of the current build, if any."""
        if self.pages is not None:
            with contextlib.suppress(Exception):
                self.pages.close()
            self.pages = None

    def abandon(self) -> str | None:
        """Stop the workers of a build that did not finish; return its site folder."""
        site_dir, self.site_dir = self.site_dir, None
        if site_dir is not None:
            self.close_workers()
        return site_dir


BUILD = Build()


def current() -> Build:
    """The state of the build in progress (``prepare`` must have run)."""
    return BUILD.ready()
