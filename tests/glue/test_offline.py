"""The offline copy works from file:// with every network request blocked, and builds
are reproducible byte for byte."""

from __future__ import annotations

import filecmp
import re
import zipfile

import pytest
from conftest import mkdocs_build, project_copy
from support.browser import search_and_open
from support.sitescan import scan_site

from macros.export.offline import zip_site

pytestmark = [pytest.mark.xdist_group("site")]


@pytest.mark.build
def test_the_offline_copy_references_nothing_on_the_network(offline_copy):
    assert (offline_copy / "search" / "search_index.js").read_text()[:12] == "var __index "
    findings = scan_site(
        offline_copy, offline=True, publish_time=("downloads/medllm-atlas-offline.zip",)
    )
    assert [str(f) for f in findings] == []
    html = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "unpkg.com" not in html


@pytest.mark.browser
@pytest.mark.build
def test_the_offline_copy_works_from_file_with_the_network_blocked(
    browser, offline_copy, real_catalog
):
    context = browser.new_context()
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    home = (offline_copy / "index.html").as_uri()
    page.goto(home)
    # A chart is there, drawn at build time.
    assert page.locator("svg.atlas-chart title").count() >= 1
    # Search for a model and open it.
    model = next(
        m
        for m in sorted(real_catalog.models.values(), key=lambda m: m.name.lower())
        if m.kind == "medical" and len(m.name) > 5
    )
    search_and_open(page, model.name, f"models/{model.id}.html")
    assert page.locator("h1").first.inner_text().strip() == model.name
    assert page.url.startswith("file://") and page.url.split("?")[0].endswith(
        f"models/{model.id}.html"
    )
    # Sort and filter the models index.
    page.goto((offline_copy / "models" / "index.html").as_uri())
    header = page.locator("#models-table th", has_text="Released")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    page.select_option("[data-filter=type]", "fine-tuned")
    page.wait_for_function("() => window.__atlasRows !== undefined")  # its data, from file://
    shown = page.locator("#models-table tbody tr:not([hidden])").count()
    expected = sum(1 for m in real_catalog.models.values() if m.survey_type == "fine-tuned")
    assert shown == min(200, expected), "drawn from the data, 200 at a time"
    assert page.locator(".atlas-count").inner_text().startswith(f"{expected} of ")
    # A long board draws the rest of its rows from its data file too.
    page.goto((offline_copy / "benchmarks" / "medqa.html").as_uri())
    board = page.locator("table[data-deferred-src]").first
    drawn = board.locator("tbody tr").count()
    page.locator(".atlas-show-all button").first.click()
    page.wait_for_function("() => window.__atlasDeferred !== undefined")
    assert board.locator("tbody tr").count() > drawn
    # Compare, the family tree and a cite block work too.
    page.goto(
        (offline_copy / "compare.html").as_uri()
        + "#models="
        + ",".join(sorted(real_catalog.models)[:2])
    )
    page.locator("#compare-facts").wait_for()
    page.goto((offline_copy / "lineage.html").as_uri())
    assert page.locator(".atlas-tree svg.atlas-lineage-graph a").count() >= 3
    assert page.locator(".atlas-tree-root li").count() >= 10
    cited = next(m for m in sorted(real_catalog.models.values(), key=lambda m: m.id) if m.papers)
    page.goto((offline_copy / "models" / f"{cited.id}.html").as_uri())
    button = page.locator(".atlas-cite button")
    assert "@" in page.locator(".atlas-cite pre").inner_text()
    button.click()
    page.wait_for_function(
        "document.querySelector('.atlas-cite button').textContent === 'Copied'", timeout=5000
    )
    context.close()
    assert outside == []
    assert errors == []


@pytest.mark.build
def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path, synthetic_site):
    """However the work is shared out, the site is the same bytes.

    The first build shares the generated pages, the exports and the charts with the
    worker and reuses the theme's navigation across pages outside the nav. The second
    does everything in the main process (ATLAS_INLINE=1) and lets the theme draw the
    navigation on every page (the navigation-cache partials removed). The synthetic
    catalogue is used so that the real site is built only once per run.
    """
    project, first = synthetic_site
    proj = project_copy(tmp_path, project / "data")
    for name in ("nav.html", "tabs.html"):
        (proj / "docs" / "overrides" / "partials" / name).unlink()
    second = tmp_path / "second"
    mkdocs_build(proj, second, env={"ATLAS_INLINE": "1"})
    cmp = filecmp.dircmp(first, second)

    def differences(c) -> list[str]:
        out = [*c.left_only, *c.right_only, *c.diff_files]
        for sub in c.subdirs.values():
            out += differences(sub)
        return out

    assert differences(cmp) == []
    # The zip of the offline copy is deterministic too.
    zip_site(first, tmp_path / "a.zip")
    zip_site(second, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert all(n.startswith("medllm-atlas/") for n in zf.namelist())


@pytest.mark.build
def test_the_offline_copys_download_page_says_it_is_the_download(offline_copy):
    text = (offline_copy / "download.html").read_text(encoding="utf-8")
    assert "This is the offline copy" in text
    assert not re.search(r'<a [^>]*href="[^"]*medllm-atlas-offline\.zip"', text), (
        "no link to a zip it lacks"
    )
    assert "the online atlas" in text
