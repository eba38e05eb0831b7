"""The thin MkDocs glue (loaded by ``hooks:`` in mkdocs.yml).

- on_startup: note whether this is `serve` (pages and charts drawn in this process, charts
  memoised across rebuilds).
- on_config: load and validate data/ once; any error stops the build with every problem.
- on_files: add one generated page per entry, plus index and special pages. In a full
  build their Markdown arrives when MkDocs reads it, from the page stream shared with a
  worker process (glue/pagestream.py, glue/workers.py); under serve it is rendered here and now, so
  unchanged pages can be skipped.
- on_nav / on_env: let the theme draw its navigation once per folder for pages outside
  the nav (glue/navcache.py) instead of once per page.
- on_page_content: put the pre-rendered HTML blocks of generated pages in place.
- on_page_context: hand the search plugin each generated page without its
  search-excluded parts (then put the full page back); point "edit this page" at the
  entry's YAML file.
- on_post_build: fill in the charts (drawn meanwhile by a worker) and write the exports
  (unless the page worker already has).
- on_build_error (and at exit after a SystemExit): stop the workers and remove the
  half-written site, so nothing partial is ever served.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from macros.export.redirect_pages import write_redirects
from macros.export.write import write_exports
from macros.glue.build import BUILD, DataError
from macros.glue.navcache import NavCache
from macros.glue.pagestream import PageRenderError
from macros.glue.workers import worker_wanted
from macros.render.deferred import data_file
from macros.render.head import PageInfo, head_tags
from macros.render.plan import fill_blocks


def _settings(config) -> dict:
    return dict(config.extra.get("atlas", {}) or {})


def on_startup(command, dirty):
    # `mkdocs serve` rebuilds often: pages and charts are then drawn in this process, where
    # charts are memoised across rebuilds, and only changed pages are written again.
    BUILD.serve = command == "serve"


def _check_publish_url(config) -> None:
    """A publishing build (ATLAS_PUBLISH=1) needs the public https URL of the site."""
    if os.environ.get("ATLAS_PUBLISH") != "1" or os.environ.get("OFFLINE") == "true":
        return
    url = config.site_url or ""
    if not url.startswith("https://"):
        got = f"got {url!r}" if url else "it is not set"
        raise PluginError(
            "publishing build: ATLAS_SITE_URL must be the site's public https URL "
            f"(the sitemap, canonical links and feed are built from it); {got}. "
            "`make serve` and `make offline` need no URL."
        )


def on_config(config):
    _check_publish_url(config)
    root = Path(config.config_file_path).resolve().parent
    settings = _settings(config)
    try:
        BUILD.prepare(
            root,
            use_directory_urls=config.use_directory_urls,
            repository=settings.get("repository", ""),
            branch=settings.get("branch", "main"),
            site_url=config.site_url or "",
        )
    except DataError as exc:
        raise PluginError(f"MedLLM Atlas data errors:\n{exc}") from None
    return config


class _StreamedFile(File):
    """A generated page whose Markdown is taken from the page stream when MkDocs reads it."""

    @property
    def content_string(self) -> str:
        return _take(self.src_uri).content

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")


def _take(src: str):
    """The generated page at ``src``: from the stream the first time, then remembered."""
    page = BUILD.generated.get(src)
    if page is None:
        try:
            page = BUILD.pages.get(src)
        except PageRenderError as exc:
            raise PluginError(str(exc)) from None
        BUILD.remember(page)
    return page


def on_files(files, config):
    # The offline plugin may have switched directory URLs off after our on_config.
    BUILD.set_directory_urls(config.use_directory_urls)
    stream = BUILD.start_pages(
        parallel=not BUILD.serve and worker_wanted(),
        exports={
            "site_dir": config.site_dir,
            "site_name": config.site_name,
            "site_url": config.site_url or "",
        },
    )
    # Hand-written pages pull live data through macros: always rebuild them.
    for doc in files.documentation_pages():
        doc.is_modified = lambda: True
    for src in stream.sources():
        if files.get_file_from_path(src) is not None:
            stream.close()
            raise PluginError(f"generated page {src} collides with docs/{src}")
    if stream.parallel:
        # A full build: pages arrive from the worker while MkDocs works through them.
        for src in stream.sources():
            files.append(_StreamedFile.generated(config, src, content=""))
        return files
    for page in stream.all():
        BUILD.remember(page)
        files.append(_in_process_file(config, page))
    return files


def _in_process_file(config, page) -> File:
    """A generated page rendered here; under `serve --dirty` rebuilt only when changed."""
    file = File.generated(config, page.src, content=page.content)
    digest = hash((page.content, page.blocks))
    changed = BUILD.digests.get(page.src) != digest
    BUILD.digests[page.src] = digest
    file.is_modified = lambda: changed or not Path(file.abs_dest_path).exists()
    return file


def on_nav(nav, config, files):
    BUILD.nav = NavCache(page.url for page in nav.pages)
    return nav


def on_env(env, config, files):
    # "theme/partials/…" names the theme's own partials, which docs/overrides/partials/
    # wrap with the navigation cache.
    custom = config.theme.custom_dir
    own = [d for d in config.theme.dirs if not custom or Path(d) != Path(custom)]
    env.loader = jinja2.ChoiceLoader(
        [env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(own)})]
    )
    env.globals["atlas_nav"] = BUILD.nav
    env.globals["atlas_head"] = _head
    return env


def _head(page, config, feed_href: str):
    """The head metadata of ``page`` (render/head.py); called by docs/overrides/main.html."""
    file = getattr(page, "file", None)
    info = PageInfo(
        src=file.src_uri if file else "",
        title=jinja2.filters.do_striptags(getattr(page, "title", None) or ""),
        canonical=getattr(page, "canonical_url", None) or None,
        feed_href=feed_href,
        description=(getattr(page, "meta", None) or {}).get("description"),
    )
    return head_tags(
        BUILD.ready().catalog,
        info,
        site_name=config.site_name,
        site_description=config.site_description or "",
        site_url=config.site_url or "",
    )


def on_page_content(html, page, config, files):
    # Generated pages carry their HTML as pre-rendered blocks (see render.plan.GeneratedPage).
    src = page.file.src_uri
    generated = BUILD.generated.get(src)
    if generated is not None and generated.blocks:
        skeleton = html
        html = fill_blocks(skeleton, generated.blocks)
        if generated.search_blocks != generated.blocks:
            BUILD.search_view[src] = (fill_blocks(skeleton, generated.search_blocks), html)
    if "<!--atlas-chart:" in html:
        BUILD.chart_pages.append(Path(page.file.abs_dest_path))
    return html


@event_priority(100)  # before the search plugin (priority 0) indexes the page
def _show_search_view(context, page, config, nav):
    views = BUILD.search_view.get(page.file.src_uri)
    if views:
        page.content = views[0]
    return context


@event_priority(-100)  # after the search plugin, before the theme renders the page
def _restore_full_page(context, page, config, nav):
    views = BUILD.search_view.pop(page.file.src_uri, None)
    if views:
        page.content = views[1]
    return context


def _edit_link(context, page, config, nav):
    if not BUILD.edit_base:
        page.edit_url = None
        return context
    data_file = BUILD.data_files.get(page.file.src_uri)
    if data_file:
        page.edit_url = f"{BUILD.edit_base}/{data_file}"
    elif page.file.generated_by:
        page.edit_url = None
    else:
        page.edit_url = f"{BUILD.edit_base}/docs/{page.file.src_uri}"
    return context


on_page_context = CombinedEvent(_show_search_view, _edit_link, _restore_full_page)


def on_post_build(config):
    state = BUILD.ready()
    try:
        state.pages.finish()  # the worker's charts have arrived once it is done
    except PageRenderError as exc:
        raise PluginError(str(exc)) from None
    state.charts.fill_site(state.chart_pages)
    _write_page_assets(Path(config.site_dir))
    write_redirects(state.catalog, Path(config.site_dir), config.use_directory_urls)
    if not state.pages.exports_written:  # the worker writes them when there is one
        write_exports(
            state.catalog,
            Path(config.site_dir),
            site_name=config.site_name,
            site_url=config.site_url or "",
        )
    BUILD.site_dir = None  # finished: nothing to abandon


def _write_page_assets(site_dir: Path) -> None:
    """The data files of generated pages (GeneratedPage.assets) and of hand-written pages'
    long tables, beside the site."""
    files = [(rel, text) for page in BUILD.generated.values() for rel, text in page.assets]
    files += [(rel, data_file(rows)) for rel, rows in BUILD.macro_assets.items()]
    for rel, text in files:
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def on_pre_build(config):
    BUILD.site_dir = config.site_dir


def on_build_error(error):
    _abandon_build()


@atexit.register
def _abandon_build() -> None:
    """Stop the worker, then empty the site folder of a build that did not finish.

    Runs on a build error and at exit, since some plugins end a failed build with
    SystemExit (mkdocs-macros' on_error_fail), which skips on_build_error. The worker goes
    first because it may be writing exports. The folder is emptied as MkDocs itself does
    at the start of a build, so a failed build never leaves half a site for `serve` or a
    deploy to pick up.
    """
    site_dir = BUILD.abandon()
    if site_dir is not None and Path(site_dir).is_dir():
        clean_directory(site_dir)
