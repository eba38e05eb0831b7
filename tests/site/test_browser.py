"""What a reader does, in a real headless Chromium against the real built site."""

from __future__ import annotations

import re

import pytest
from support.browser import search_and_open

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.xdist_group("site")]


def a_model_with_results(catalog):
    """A medical model with a score on a benchmark, by name order (stable)."""
    for mid in sorted(catalog.models, key=lambda i: catalog.models[i].name.lower()):
        m = catalog.models[mid]
        if m.kind == "medical" and catalog.model_scores.get(mid) and len(m.name) > 5:
            return m, catalog.model_scores[mid][0]
    raise AssertionError("no medical model with a result")


def test_search_a_model_open_it_follow_a_benchmark_and_find_it_listed(
    page, real_server, real_catalog
):
    model, score = a_model_with_results(real_catalog)
    bench = real_catalog.benchmarks[score.benchmark]
    page.goto(real_server)
    search_and_open(page, model.name, f"models/{model.id}/")
    assert page.locator("h1").first.inner_text().strip() == model.name
    page.locator(".atlas-results a", has_text=bench.name).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip() == bench.name
    assert page.locator(".atlas-board tr:not([hidden]) a", has_text=model.name).count() >= 1
    assert page.errors == []


PARAMETER_VALUES = (
    "() => Array.from(document.querySelectorAll('#models-table tbody tr'))"
    ".map(r => r.cells[3].getAttribute('data-value')).filter(v => v !== '').map(Number)"
)


def test_sorting_a_column_orders_the_rows(page, real_server):
    def wait_until_sorted(descending: bool) -> list[float]:
        # The first sort loads the index's data file and redraws the rows afterwards.
        page.wait_for_function(
            f"down => ({PARAMETER_VALUES})()"
            ".every((x, i, v) => i === 0 || (down ? v[i - 1] >= x : v[i - 1] <= x))",
            arg=descending,
        )
        return page.evaluate(PARAMETER_VALUES)

    page.goto(real_server + "models/")
    header = page.locator("#models-table th", has_text="Parameters (B)")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = wait_until_sorted(descending=False)
    assert len(values) > 10
    assert values == sorted(values)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    values = wait_until_sorted(descending=True)
    assert values == sorted(values, reverse=True)


def deferred_loaded(page) -> None:
    """Wait until the page has drawn the rows its long tables keep in its data file."""
    page.wait_for_function("() => window.__atlasDeferred !== undefined")


def rows_loaded(page) -> None:
    """Wait until the models index has loaded its data file (on the first filter or sort)."""
    page.wait_for_function("() => window.__atlasRows !== undefined")


def visible_rows(page, table: str = "models-table") -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not([hidden])", "rows => rows.map(r => r.cells[0].innerText)"
    )


def test_filtering_by_survey_type_survives_a_reload(page, real_server, real_catalog):
    page.goto(real_server + "models/")
    total = len(visible_rows(page))
    page.select_option("[data-filter=type]", "pretrained")
    rows_loaded(page)
    shown = visible_rows(page)
    expected = sorted(m.name for m in real_catalog.models.values() if m.survey_type == "pretrained")
    assert sorted(shown) == expected
    assert 0 < len(shown) < total
    assert "type=pretrained" in page.url
    page.reload()
    rows_loaded(page)
    assert sorted(visible_rows(page)) == expected
    assert page.input_value("[data-filter=type]") == "pretrained"
    page.fill("[data-filter=q]", expected[0].lower()[:6])
    assert 1 <= len(visible_rows(page)) <= len(expected)
    assert page.errors == []


def two_models_sharing_a_group(catalog):
    by_group: dict = {}
    for s in catalog.scores:
        by_group.setdefault(s.group, set()).add(s.model)
    for group, models in sorted(by_group.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        if len(models) >= 2:
            a, b = sorted(models)[:2]
            return a, b, group
    raise AssertionError("no two models share a comparable group")


def test_comparing_two_models_shows_facts_and_shared_results(page, real_server, real_catalog):
    a, b, group = two_models_sharing_a_group(real_catalog)
    page.goto(real_server + "compare/")
    page.select_option("[data-compare-slot='1']", a)
    page.select_option("[data-compare-slot='2']", b)
    facts = page.locator("#compare-facts")
    facts.wait_for()
    assert real_catalog.models[a].name in facts.inner_text()
    assert real_catalog.models[b].name in facts.inner_text()
    shared = page.locator("#compare-results")
    assert real_catalog.benchmarks[group[0]].name in shared.inner_text()
    # The choice is in the address: a reload shows the same comparison.
    page.reload()
    page.locator("#compare-results").wait_for()
    assert page.input_value("[data-compare-slot='1']") == a
    assert page.errors == []


def test_the_home_page_chart_has_an_accessible_title(page, real_server):
    page.goto(real_server)
    chart = page.locator("svg.atlas-chart").first
    chart.wait_for()
    assert chart.get_attribute("role") == "img"
    labelled = chart.get_attribute("aria-labelledby").split()
    title = page.locator(f"#{labelled[0]}")
    assert title.evaluate("el => el.tagName.toLowerCase()") == "title"
    assert title.text_content().strip()
    assert page.locator(f"#{labelled[1]}").text_content().strip()


def reranked(page, only: str) -> None:
    """Wait until the boards are re-ranked under a filter: the long boards' rows are loaded
    first, and the address is written last, after the ranking."""
    deferred_loaded(page)
    page.wait_for_function("only => location.hash.includes('only=' + only)", arg=only)


def board_rows(page, board):
    return page.locator(f'table[data-board="{board}"] tbody tr:not([hidden])')


def test_the_strict_filter_keeps_only_the_leaders_exact_setting(page, real_server, real_catalog):
    page.goto(real_server + "benchmarks/medqa/")
    board = "board-us-4-option-accuracy"
    page.check('input[data-board-filter="strict"]')
    reranked(page, "strict")
    rows = board_rows(page, board).evaluate_all(
        "rows => rows.map(r => [r.dataset.model, parseFloat(r.dataset.value)])"
    )
    assert len(rows) >= 2
    # The setting of each visible row, worked out from the data, not from the page.
    scores = [s for s in real_catalog.benchmark_scores["medqa"] if s.variant == "us-4-option"]

    def groups_of(model, value):
        return {s.group for s in scores if s.model == model and s.value == value}

    common = set.intersection(*(groups_of(m, v) for m, v in rows))
    assert common, "every row of the strict board shares the leader's setting"
    assert "only=strict" in page.url


def test_board_filters_rerank_and_survive_a_reload(page, real_server):
    page.goto(real_server + "benchmarks/medqa/")
    board = "board-us-4-option-accuracy"
    table = page.locator(f'table[data-board="{board}"]')
    before = board_rows(page, board).count() + int(table.get_attribute("data-deferred-rows") or 0)
    page.check('input[data-board-filter="zero-shot"]')
    reranked(page, "zero-shot")
    rows = board_rows(page, board)
    shots = rows.evaluate_all("rows => rows.map(r => r.dataset.shots)")
    ranks = rows.evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    assert shots and set(shots) == {"0"} and len(shots) < before
    assert ranks == [str(i) for i in range(1, len(ranks) + 1)]
    assert "only=zero-shot" in page.url
    page.reload()
    deferred_loaded(page)
    assert page.is_checked('input[data-board-filter="zero-shot"]')
    assert board_rows(page, board).count() == len(shots)
    assert page.errors == []


def test_more_shows_a_models_other_scores(page, real_server):
    page.goto(real_server + "benchmarks/medqa/")
    button = page.locator('table[data-board="board-us-4-option-accuracy"] .atlas-more').first
    model = button.locator("xpath=ancestor::tr").get_attribute("data-model")
    rows = page.locator(f'table[data-board="board-us-4-option-accuracy"] tr[data-model="{model}"]')
    assert rows.evaluate_all("rows => rows.filter(r => !r.hidden).length") == 1
    button.click()
    deferred_loaded(page)
    assert rows.evaluate_all("rows => rows.filter(r => !r.hidden).length") > 1


def test_a_long_board_draws_its_first_rows_and_the_rest_on_demand(page, real_server, real_catalog):
    board = "board-us-4-option-accuracy"
    requested = []
    page.on("request", lambda r: requested.append(r.url) if "assets/rows/" in r.url else None)
    page.goto(real_server + "benchmarks/medqa/")
    page.wait_for_load_state("networkidle")
    table = page.locator(f'table[data-board="{board}"]')
    later = int(table.get_attribute("data-deferred-rows"))
    first = board_rows(page, board).count()
    assert first == 20 and later > 0 and requested == []
    ranks = board_rows(page, board).evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    page.locator(".atlas-show-all button").first.click()
    deferred_loaded(page)
    rows = board_rows(page, board)
    assert rows.count() == first + later
    everything = rows.evaluate_all("rows => rows.map(r => r.cells[0].textContent)")
    assert everything[:first] == ranks and everything == [
        str(i) for i in range(1, first + later + 1)
    ]
    assert not page.locator(".atlas-show-all").first.is_visible()
    # A link to a row that is not drawn yet opens the board at that row.
    last = page.locator(f'table[data-board="{board}"] tbody tr:not([hidden])').last
    target = last.get_attribute("id")
    page.goto(real_server + "models/")
    page.goto(real_server + f"benchmarks/medqa/#{target}")
    deferred_loaded(page)
    page.wait_for_function(f"() => document.getElementById('{target}') !== null")
    assert page.locator(f"#{target}").is_visible()
    assert page.errors == []


def test_hovering_a_chart_point_names_the_model_its_score_and_source(page, real_server):
    page.goto(real_server)
    point = page.locator('svg.atlas-chart g[id^="chart-best-medqa-pt"]').first
    point.scroll_into_view_if_needed()
    point.hover()
    tip = point.locator("title").text_content()
    assert re.fullmatch(r".+: \d+(\.\d+)? · .+ · source: .+", tip), tip


def test_benchmark_pages_fit_a_390px_screen_with_legible_charts(browser, real_server, real_catalog):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    smallest = {}
    # Every benchmark page, and the hand-written pages that embed charts.
    pages = [f"benchmarks/{bid}/" for bid in sorted(real_catalog.benchmarks)]
    pages += ["", "survey/adaptation/", "survey/future/"]
    for bid in pages:
        # The layout is settled once the document and its script have run; no need to wait
        # for every image and font.
        page.goto(real_server + bid, wait_until="domcontentloaded")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, bid
        size = page.evaluate(
            """() => Math.min(Infinity, ...[...document.querySelectorAll('svg.atlas-chart text')].map(t =>
                 parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a))"""
        )
        if size != float("inf") and size is not None:
            smallest[bid] = size
    context.close()
    assert smallest, "some benchmark pages have charts"
    assert min(smallest.values()) >= 11, smallest


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violations(browser, real_server, real_catalog, scheme):
    from axe_playwright_python.sync_playwright import Axe

    model, score = a_model_with_results(real_catalog)
    urls = ["", f"models/{model.id}/", f"benchmarks/{score.benchmark}/", "models/", "lineage/"]
    urls += ["compare/", "disagreements/", "changes/", "papers/", "benchmarks/", "wanted/"]
    for kind in ("papers", "techniques", "organisations", "applications", "results"):
        urls.append(f"{kind}/{sorted(real_catalog.kind(kind))[0]}/")
    with_graph = next(
        m for m in sorted(real_catalog.derivatives) if real_catalog.models[m].base_models
    )
    urls.append(f"models/{with_graph}/")
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    axe = Axe()
    problems = []
    for url in urls:
        pg.goto(real_server + url)
        body_scheme = pg.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert body_scheme == ("slate" if scheme == "dark" else "default")
        results = axe.run(pg)
        for v in results.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"][:3]]
                problems.append(f"{url or 'home'}: {v['id']} ({v['impact']}) {targets}")
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_family_tree_lists_derivatives_under_their_base(page, real_server, real_catalog):
    base = max(real_catalog.derivatives, key=lambda m: len(real_catalog.derivatives[m]))
    page.goto(real_server + "lineage/")
    node = page.locator(f"li:has(> a#{base})").first
    text = node.inner_text()
    for child in real_catalog.derivatives[base][:5]:
        assert real_catalog.models[child].name in text
    assert re.search(r"\(\d+\)", text)


def test_contamination_is_flagged_and_can_be_filtered_out(browser, synthetic_site):
    from support.browser import serve

    from macros.catalog.build import load_catalog

    project, site = synthetic_site
    catalog, _ = load_catalog(project, style=False)
    flagged = next(s for s in catalog.scores if s.contamination)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + f"models/{flagged.model}/")
        row = page.locator(f'tr[id="{flagged.id}"]')
        assert row.locator(".atlas-contamination").inner_text() == "contamination suspected"
        page.goto(url + f"benchmarks/{flagged.benchmark}/")
        marked = page.locator('tr[data-contamination="suspected"]')
        assert marked.count() >= 1
        assert marked.first.locator(".atlas-contamination").count() == 1
        page.check('input[data-board-filter="clean"]')
        visible = page.locator('tr[data-contamination="suspected"]:not([hidden])')
        assert visible.count() == 0
        assert "only=clean" in page.url
    context.close()


def test_the_leader_is_never_tied_with_itself_and_ties_are_shown(page, real_server):
    page.goto(real_server + "benchmarks/medqa/")
    rows = board_rows(page, "board-us-4-option-accuracy")
    shown = [rows.nth(i).locator(".atlas-tie").is_visible() for i in range(min(8, rows.count()))]
    assert shown[0] is False and any(shown[1:])


def test_report_incorrect_data_opens_a_prefilled_issue_form(page, real_server, real_catalog):
    model, _score = a_model_with_results(real_catalog)
    opened = []
    page.route(
        "https://github.com/**", lambda route: (opened.append(route.request.url), route.abort())
    )
    page.goto(f"{real_server}models/{model.id}/")
    with page.expect_request(lambda r: "github.com" in r.url):
        page.locator("a.atlas-report").click()
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(opened[0]).query)
    assert urlsplit(opened[0]).path.endswith("/issues/new")
    assert query["template"] == ["report-incorrect-data.yml"]
    assert query["entry"] == [f"models/{model.id}"]
    assert query["page"] == [f"https://example.org/atlas/models/{model.id}/"]


def _nav_tree():
    """mkdocs.yml's nav as [(title, url or [(title, url)...])]."""
    import yaml
    from conftest import ROOT

    # Only the nav: the rest of mkdocs.yml holds !ENV tags that safe_load refuses.
    nav = yaml.safe_load("nav:" + (ROOT / "mkdocs.yml").read_text().split("\nnav:", 1)[1])

    def url(target: str) -> str:
        path = target.removesuffix(".md").removesuffix("index")
        return path if not path or path.endswith("/") else path + "/"

    tree = []
    for item in nav["nav"]:
        ((title, target),) = item.items()
        if isinstance(target, list):
            tree.append((title, [(t, url(u)) for child in target for t, u in child.items()]))
        else:
            tree.append((title, url(target)))
    return tree


def _visible_link(page, server: str, url: str):
    """The visible primary-nav link to ``url``, or None."""
    links = page.locator(".md-nav--primary a.md-nav__link")
    hrefs = links.evaluate_all("els => els.map(e => e.href)")
    for i, href in enumerate(hrefs):
        if href.split("#")[0] == server + url and links.nth(i).is_visible():
            return links.nth(i)
    return None


def test_every_menu_item_is_reachable_on_desktop(page, real_server):
    tree = _nav_tree()
    page.goto(real_server)
    tabs = page.locator(".md-tabs__link")
    assert [t.inner_text().strip() for t in tabs.all()] == [title for title, _ in tree]
    for title, target in tree:
        if isinstance(target, str):
            continue
        page.locator(".md-tabs__link", has_text=title).first.click()
        page.wait_for_load_state()
        for child, url in target:
            link = _visible_link(page, real_server, url)
            assert link is not None, (title, child, url)
            assert link.inner_text().strip() == child


def test_every_menu_item_is_reachable_in_the_mobile_drawer(browser, real_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for title, target in _nav_tree():
        page.goto(real_server, wait_until="domcontentloaded")
        page.locator("label.md-header__button[for='__drawer']").click()
        children = [(title, target)] if isinstance(target, str) else target
        if not isinstance(target, str):
            page.locator(".md-nav--primary label.md-nav__link", has_text=title).first.click()
        for child, url in children:
            link = _visible_link(page, real_server, url)
            assert link is not None, (title, child, url)
    context.close()


@pytest.mark.parametrize("query", ["medpalm", "Med PaLM", "med-palm", "MED_PALM"])
def test_text_filter_is_tolerant_of_case_spaces_hyphens_and_accents(page, real_server, query):
    page.goto(real_server + "models/")
    page.fill("[data-filter=q]", query)
    rows_loaded(page)
    shown = visible_rows(page)
    assert "Med-PaLM" in shown and "Med-PaLM 2" in shown, shown


def test_sort_order_is_kept_in_the_address_with_empty_cells_last(page, real_server):
    page.goto(real_server + "models/")
    header = page.locator("#models-table th", has_text="Parameters (B)")
    for direction in ("ascending", "descending"):
        header.locator("button").click()
        rows_loaded(page)
        assert header.get_attribute("aria-sort") == direction
        assert f"dir={'asc' if direction == 'ascending' else 'desc'}" in page.url
        page.reload()
        rows_loaded(page)
        assert header.get_attribute("aria-sort") == direction
        values = page.eval_on_selector_all(
            "#models-table tbody tr", "rows => rows.map(r => r.cells[3].getAttribute('data-value'))"
        )
        filled = [float(v) for v in values if v]
        assert values[: len(filled)] == [v for v in values if v], "empty cells come last"
        assert filled == sorted(filled, reverse=direction == "descending")


def test_the_models_index_keeps_its_header_in_view_and_filters_on_results(
    page, real_server, real_catalog
):
    page.goto(real_server + "models/")
    head = page.locator("#models-table thead th").first
    top = head.bounding_box()["y"]
    page.locator(".atlas-table-wrap--tall").evaluate("w => w.scrollTop = 2000")
    assert abs(head.bounding_box()["y"] - top) < 2, "the header row is sticky"
    page.select_option("[data-filter=results]", "no")
    rows_loaded(page)
    none = {
        m.name for mid, m in real_catalog.models.items() if not real_catalog.model_scores.get(mid)
    }
    more = page.locator("[data-more-rows]")
    while more.is_visible():  # rows are drawn from the page's data, a page at a time
        more.click()
    assert set(visible_rows(page)) == none
    assert page.locator(".atlas-count").inner_text().startswith(f"{len(none)} of ")
    score_cell = page.locator("#models-table th.atlas-col-score").first
    assert not score_cell.is_visible()
    page.check("[data-columns=scores]")
    assert score_cell.is_visible() and "cols=scores" in page.url
    page.reload()
    assert score_cell.is_visible()


def test_survey_type_tables_use_the_full_width(browser, real_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(real_server + "survey/pretrained/")
    width = page.locator(".atlas-table-wrap").first.bounding_box()["width"]
    context.close()
    assert width > 1000, width


def test_the_search_index_loads_only_when_search_is_first_used(page, real_server):
    requested = []
    page.on("request", lambda r: requested.append(r.url) if "search_index" in r.url else None)
    page.goto(real_server + "methodology/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 800)
    page.wait_for_timeout(800)
    assert requested == [], "no index before the search box is used"
    page.click(".md-search__input")
    page.keyboard.type("RLHF", delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=20000)
    assert any(u.endswith("search/search_index.json") for u in requested)
    hits = page.eval_on_selector_all(
        ".md-search-result__item > a",
        "as => as.map(a => a.getAttribute('href').split('?')[0].split('#')[0])",
    )
    assert len(hits) == len(set(hits)), "no page is listed twice"
    entry = next(i for i, h in enumerate(hits) if h.endswith("techniques/rlhf/"))
    folders = (
        "models/",
        "benchmarks/",
        "techniques/",
        "papers/",
        "applications/",
        "organisations/",
    )
    mentions = [i for i, h in enumerate(hits) if not any(f in h for f in folders)]
    assert all(entry < i for i in mentions), ("the entry page ranks above mere mentions", hits)


def _one_page_per_family(catalog) -> list[str]:
    pages = ["", "models/", "benchmarks/", "techniques/", "papers/", "organisations/"]
    pages += ["applications/", "results/", "compare/", "lineage/", "disagreements/", "changes/"]
    pages += ["wanted/"]
    pages += ["download/", "methodology/", "survey/", "survey/pretrained/", "contributing/"]
    for kind in (
        "models",
        "benchmarks",
        "techniques",
        "papers",
        "organisations",
        "applications",
        "results",
    ):
        ids = sorted(catalog.kind(kind))
        pages.append(f"{kind}/{ids[len(ids) // 2]}/")
    rich = max(catalog.models, key=lambda m: len(catalog.model_scores.get(m, [])))
    pages.append(f"models/{rich}/")
    return pages


def test_no_page_family_scrolls_sideways_at_390px(browser, real_server, real_catalog):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wide = {}
    for path in _one_page_per_family(real_catalog):
        page.goto(real_server + path, wait_until="domcontentloaded")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
    context.close()
    assert wide == {}


def test_the_family_graphs_link_every_model_once(page, real_server, real_catalog):
    page.goto(real_server + "lineage/")
    graphs = page.locator("svg.atlas-lineage-graph")
    assert graphs.count() >= 5
    first = graphs.first
    hrefs = first.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs)) >= 3
    first.locator("a").first.click()
    page.wait_for_load_state()
    assert "/models/" in page.url and page.locator("h1").count() == 1


def test_on_a_phone_board_and_result_rows_show_model_score_and_source_on_screen(
    browser, real_server, real_catalog
):
    rich = max(real_catalog.model_scores, key=lambda m: len(real_catalog.model_scores[m]))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for url, row in (
        ("benchmarks/medqa/", ".atlas-board-table tbody tr:not([hidden])"),
        (f"models/{rich}/", ".atlas-results table.atlas-cards tbody tr"),
    ):
        page.goto(real_server + url, wait_until="domcontentloaded")
        first = page.locator(row).first
        cells = first.locator("td")
        for i in range(cells.count()):
            box = cells.nth(i).bounding_box()
            if box and box["width"] > 0:
                assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, (url, i, box)
        score_box = first.locator("td.atlas-score").bounding_box()
        assert score_box["y"] - first.bounding_box()["y"] < 40, (
            "the score is on the card's first line"
        )
    context.close()


def test_the_models_index_draws_its_rows_from_its_data_a_page_at_a_time(
    page, real_server, real_catalog
):
    requested = []
    page.on("request", lambda r: requested.append(r.url) if "models-index" in r.url else None)
    page.goto(real_server + "models/")
    page.wait_for_load_state("networkidle")
    total = len(real_catalog.models)
    assert len(visible_rows(page)) == min(100, total), "the page draws its first rows itself"
    assert requested == [], "and loads its data only when a reader asks for more"
    assert page.locator(".atlas-count").inner_text() == f"{total} of {total} shown"
    more = page.locator("[data-more-rows]")
    assert more.is_visible() == (total > 200)
    while more.is_visible():
        more.click()
    assert len(visible_rows(page)) == total
    assert page.locator(".atlas-count").inner_text() == f"{total} of {total} shown"


def test_the_benchmarks_index_tells_shared_benchmarks_from_single_source_sets(
    page, real_server, real_catalog
):
    def sources(bid):
        return len({s.source for s in real_catalog.benchmark_scores.get(bid, [])})

    page.goto(real_server + "benchmarks/")
    page.select_option("[data-filter=use]", "single")
    shown = visible_rows(page, "benchmarks-table")
    single = {b.name for bid, b in real_catalog.benchmarks.items() if sources(bid) == 1}
    assert single and set(shown) == single
    page.select_option("[data-filter=use]", "several")
    shown = visible_rows(page, "benchmarks-table")
    assert "MedQA" in shown and not set(shown) & single
    assert "use=several" in page.url, "the filter is kept in the address"
