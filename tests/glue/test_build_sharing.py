"""How the build shares out its work, and why none of it changes a byte of the site.

- The search plugin reads each generated page without its search-excluded parts.
- Pages outside the nav share one drawing of the theme's navigation per folder class.
- Generated pages are rendered by the build and a worker process, meeting in the middle.

The end-to-end check (a whole site built both ways is byte-identical) lives in
test_offline.py; these tests pin down each mechanism on its own.
"""

from __future__ import annotations

import json
import time

import pytest
from conftest import ROOT
from material.plugins.search.plugin import Parser
from mkdocs.utils.meta import get_data

from macros.catalog.build import load_catalog
from macros.glue.navcache import NavCache, page_folder
from macros.glue.pagestream import PageRenderError, PageStream
from macros.render.charts.jobs import ChartService
from macros.render.plan import PageJob, fill_blocks, without_search_excluded
from macros.render.renderer import Renderer


def indexed(html: str) -> list[tuple]:
    """What Material's search plugin indexes from a page: (id, title, text) per section."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [
        (s.id, "".join(s.title).strip(), "".join(s.text).strip())
        for s in parser.data
        if not s.is_excluded()
    ]


def test_search_view_drops_only_the_excluded_articles():
    html = (
        "<p>kept</p>"
        '<article class="x" data-search-exclude><table><tr><td>gone</td></tr></table></article>'
        "<article><p>also kept</p></article>"
        "<article data-search-exclude><article><p>nested, gone</p></article><p>gone</p></article>"
        "<p>tail</p>"
    )
    assert without_search_excluded(html) == (
        "<p>kept</p><article><p>also kept</p></article><p>tail</p>"
    )
    assert without_search_excluded("<p>no exclusions</p>") == "<p>no exclusions</p>"


def test_an_unclosed_excluded_article_is_an_error_not_a_silent_cut():
    with pytest.raises(ValueError, match="unbalanced"):
        without_search_excluded("<article data-search-exclude><p>never closed</p>")


@pytest.fixture(scope="module")
def real_renderer() -> Renderer:
    catalog, problems = load_catalog(ROOT, style=False)
    assert catalog is not None, problems[:3]
    return Renderer(catalog)


def test_every_searchable_page_indexes_the_same_text_from_its_search_view(real_renderer):
    checked = 0
    for page in real_renderer.all_pages():
        _, meta = get_data(page.content)
        if (meta.get("search") or {}).get("exclude"):
            continue  # never indexed (index tables, compare, family tree, disagreements)
        full = fill_blocks(page.content, page.blocks)
        view = fill_blocks(page.content, page.search_blocks)
        assert indexed(view) == indexed(full), page.src
        checked += 1
    assert checked > 0.9 * len(real_renderer.plan())


@pytest.mark.build
@pytest.mark.xdist_group("site")
def test_search_lists_no_empty_section_of_an_entry_page(real_site):
    """Sections holding only tables and lists kept out of search get no index entry."""
    index = json.loads((real_site / "search" / "search_index.json").read_text())
    entry_kinds = ("models/", "benchmarks/", "techniques/", "papers/", "organisations/")
    entries = [d for d in index["docs"] if d["location"].startswith(entry_kinds)]
    assert entries
    assert [d["location"] for d in entries if not d["text"].strip()] == []
    # Each model still has its top section (summary and facts) in the index.
    assert any(d["location"] == "models/meditron-70b/" and d["text"] for d in entries)


@pytest.mark.parametrize(
    ("url", "folder"),
    [("", ""), ("models/", "models/"), ("models/x/", "models/x/"), ("models/x.html", "models/")],
)
def test_page_folder_is_where_relative_links_resolve(url, folder):
    assert page_folder(url) == folder


def test_pages_outside_the_nav_share_the_navigation_of_their_sibling_folders():
    cache = NavCache(["", "models/", "survey/", "survey/techniques/"])
    # Entry pages are siblings: one drawing serves them all.
    assert cache.key("models/a/") == cache.key("models/b/") == "models/*/"
    # Another parent folder means other relative links.
    assert cache.key("papers/p/") == "papers/*/"
    # A page in the nav has an active item: drawn for itself.
    assert cache.key("survey/") is None
    # A nav page inside the page's own folder: shared only within that exact folder.
    assert cache.key("survey/x.html") == "survey/"
    # Without directory URLs, pages of one folder share it.
    flat = NavCache(["index.html", "models/index.html"])
    assert flat.key("models/a.html") == flat.key("models/b.html") == "models/"


def test_a_drawn_partial_is_kept_per_partial_and_class():
    cache = NavCache([])
    assert cache.get("nav", "models/*/") is None
    assert cache.put("nav", "models/*/", "<nav/>") == "<nav/>"
    assert cache.get("nav", "models/*/") == "<nav/>"
    assert cache.get("tabs", "models/*/") is None


@pytest.fixture
def small_renderer(catalog40) -> Renderer:
    return Renderer(catalog40, charts=ChartService(catalog40))


def wait_for_worker(stream: PageStream, timeout: float = 60) -> None:
    """Give the worker time to start and send something (or fail)."""
    deadline = time.monotonic() + timeout
    while not stream.received and time.monotonic() < deadline:
        stream._drain(block=False)
        time.sleep(0.05)


def test_pages_from_the_worker_are_the_pages_rendered_here(catalog40):
    alone = ChartService(catalog40)
    inline = PageStream(Renderer(catalog40, charts=alone), alone, parallel=False)
    expected = {page.src: page for page in inline.all()}
    assert list(expected) == [job.src for job in inline.jobs]

    charts = ChartService(catalog40)
    stream = PageStream(Renderer(catalog40, charts=charts), charts, parallel=True)
    assert stream.parallel
    wait_for_worker(stream)
    shared = {src: stream.get(src) for src in stream.sources()}
    stream.finish()
    assert shared == expected
    assert stream.received > 0, "the worker sent no page"
    assert stream.rendered_here + stream.received >= len(expected)
    # Charts asked for by pages the worker rendered reach this build's chart service.
    assert alone.jobs, "the catalogue should have charts"
    assert charts.jobs == alone.jobs


def test_a_failure_in_the_worker_fails_the_build_with_its_traceback(small_renderer, monkeypatch):
    plan = small_renderer.plan()
    monkeypatch.setattr(
        Renderer, "plan", lambda self: [*plan[:3], PageJob("broken.md", "no_such_page")]
    )
    stream = PageStream(small_renderer, None, parallel=True)
    with pytest.raises(PageRenderError, match="no_such_page"):
        wait_for_worker(stream)  # the worker starts from the last page: the broken one
    stream.close()


def test_a_worker_that_dies_fails_the_build(small_renderer):
    stream = PageStream(small_renderer, None, parallel=True)
    stream._worker.process.kill()
    stream._worker.process.join()
    with pytest.raises(PageRenderError, match="stopped"):
        stream.finish()
