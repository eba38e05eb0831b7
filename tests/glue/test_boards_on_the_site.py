"""Benchmark pages on the real site open with the answer and keep one claim one row."""

from __future__ import annotations

import html
import json
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from markupsafe import escape
from support.deferred import full_page

from macros.catalog.disagreements import disagreements
from macros.schema import vocab

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("site")]


class Boards(HTMLParser):
    """The board tables of a page: for each, its rows' attributes (hidden or not)."""

    def __init__(self):
        super().__init__()
        self.boards: dict[str, list[dict]] = {}
        self._current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "data-board" in a:
            self._current = a["data-board"]
            self.boards[self._current] = []
        elif tag == "tr" and self._current and "data-model" in a:
            self.boards[self._current].append(a)

    def handle_endtag(self, tag):
        if tag == "table":
            self._current = None


def boards_of(site, bid) -> dict[str, list[dict]]:
    parser = Boards()
    parser.feed((site / "benchmarks" / bid / "index.html").read_text(encoding="utf-8"))
    return parser.boards


def test_medqa_opens_with_the_us_4_option_board_led_by_its_highest_score(real_site, real_catalog):
    us4 = [s for s in real_catalog.benchmark_scores["medqa"] if s.variant == "us-4-option"]
    top = max(us4, key=lambda s: s.value)
    boards = boards_of(real_site, "medqa")
    first_slug, rows = next(iter(boards.items()))
    assert first_slug == "board-us-4-option-accuracy"
    leader = rows[0]
    assert "hidden" not in leader
    assert float(leader["data-value"]) == top.value
    assert leader["data-model"] in {s.model for s in us4 if s.value == top.value}
    html = (real_site / "benchmarks" / "medqa" / "index.html").read_text(encoding="utf-8")
    glance = html.index('id="at-a-glance"')
    assert html.index(real_catalog.models[leader["data-model"]].name, glance) < html.index(
        'id="leaderboards"'
    ), "the leader opens the page, with its setting"


def test_every_board_is_one_variant_and_metric_so_not_stated_never_makes_a_table(
    real_site, real_catalog
):
    for bid in real_catalog.benchmarks:
        expected = {
            f"board-{s.variant or 'all'}-{s.metric}"
            for s in real_catalog.benchmark_scores.get(bid, [])
        }
        assert set(boards_of(real_site, bid)) == expected, bid


def test_a_claim_is_shown_once_and_each_model_once_per_board(real_site, real_catalog):
    for bid in real_catalog.benchmarks:
        for slug, rows in boards_of(real_site, bid).items():
            visible = [r["data-model"] for r in rows if "hidden" not in r]
            assert len(visible) == len(set(visible)), (bid, slug)
            claims = [(r["data-model"], r["data-group"], r["data-value"]) for r in rows]
            assert len(claims) == len(set(claims)), (bid, slug)


def test_a_board_ranks_its_visible_rows_best_first(real_site, real_catalog):
    directions = {}  # benchmark -> higher_is_better, when all its metrics agree
    for bid, scores in real_catalog.benchmark_scores.items():
        found = {vocab.METRIC_BY_ID[s.metric].higher_is_better for s in scores}
        if len(found) == 1:
            directions[bid] = found.pop()
    assert {"medqa", "medmcqa", "pubmedqa", "mmlu-medical"} <= set(directions)
    assert False in directions.values(), "the real data has a lower-is-better board"
    for bid, higher in directions.items():
        for rows in boards_of(real_site, bid).values():
            values = [float(r["data-value"]) for r in rows if "hidden" not in r]
            assert values == sorted(values, reverse=higher), bid


def test_disagreements_never_pair_a_different_variant_or_format(real_catalog):
    for d in disagreements(real_catalog):
        assert len({s.group for s in d.scores}) == 1
        assert len({(s.setting.method, s.setting.harness) for s in d.scores}) == 1
        assert len({s.source for s in d.scores}) > 1


def test_craft_md_formats_are_separate_variants(real_catalog):
    variants = {v.id for v in real_catalog.benchmarks["craft-md"].variants}
    used = {s.variant for s in real_catalog.benchmark_scores["craft-md"]}
    assert len(used) == 8 and used <= variants
    by_model = defaultdict(set)
    for s in real_catalog.benchmark_scores["craft-md"]:
        by_model[(s.model, s.variant)].add(s.value)
    assert all(len(values) == 1 for values in by_model.values())


def test_the_home_chart_peaks_at_the_highest_main_variant_score(real_site, real_catalog):
    import csv

    with open(real_site / "api" / "v1" / "charts" / "chart-best-medqa.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    us4 = [s.value for s in real_catalog.benchmark_scores["medqa"] if s.variant == "us-4-option"]
    assert max(float(r["value"]) for r in rows) == max(us4)
    home = (real_site / "index.html").read_text(encoding="utf-8")
    chart = home[home.index('aria-labelledby="chart-best-medqa-title') :]
    chart = chart[: chart.index("</svg>")]
    named = [r["model_name"] for r in rows if r["frontier"] == "yes"]
    assert named and all(html.escape(name, quote=False) in chart for name in named), "labelled"


def test_a_result_with_no_setting_is_not_stated_everywhere(real_site, real_catalog):
    bare = next(
        s
        for s in real_catalog.scores
        if s.setting.shots is None and s.setting.prompting is None and s.split is None
    )
    assert all(getattr(bare.setting, f) is None for f in ("finetuned_on_train", "samples"))
    exported = json.loads((real_site / "api" / "v1" / "results.json").read_text())
    record = next(
        r
        for r in exported
        if r["model"] == bare.model and r["source"] == bare.source and r["value"] == bare.value
    )
    assert record["shots"] is None and record["prompting"] is None
    assert record["finetuned_on_train"] is None and record["split"] is None
    page = (real_site / "benchmarks" / bare.benchmark / "index.html").read_text(encoding="utf-8")
    assert "shots not stated · prompting not stated · split not stated" in page


def test_the_medqa_board_shows_intervals_and_marks_ties(real_site):
    html = (real_site / "benchmarks" / "medqa" / "index.html").read_text(encoding="utf-8")
    board = html[html.index('data-board="board-us-4-option-accuracy"') :]
    board = board[: board.index("</table>")]
    assert 'class="atlas-pm" title="95% interval' in board
    assert '<span class="atlas-tie">tied with the leader</span>' in board
    assert "n derived" in board


def test_every_result_has_a_unique_id_in_the_exports_and_an_anchor_on_its_pages(
    real_site, real_catalog
):
    exported = json.loads((real_site / "api" / "v1" / "results.json").read_text())
    ids = [r["id"] for r in exported]
    assert len(ids) == len(set(ids)) == len(real_catalog.scores)
    for s in real_catalog.scores[:: max(1, len(real_catalog.scores) // 40)]:
        bench = full_page(real_site, f"benchmarks/{s.benchmark}/index.html")
        model = (real_site / "models" / s.model / "index.html").read_text(encoding="utf-8")
        assert f'id="{s.id}"' in bench and f'id="{s.id}"' in model


def test_the_methodology_page_explains_the_intervals(real_site):
    html = (real_site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "Wilson" in html and "tied with the leader" in html
    assert "does <strong>not</strong> account for run-to-run variance" in html


def test_documented_leakage_is_noted_on_its_benchmark_page_with_its_source(real_site, real_catalog):
    leaked = {bid: b for bid, b in real_catalog.benchmarks.items() if b.leakage}
    assert leaked, "the data documents leakage for some benchmark"
    for bid, b in leaked.items():
        page = (real_site / "benchmarks" / bid / "index.html").read_text(encoding="utf-8")
        box = page[page.index("Documented leakage into training data") :]
        box = box[: box.index("</div>")]
        for note in b.leakage:
            assert str(escape(note.note)) in box, (bid, note.note[:40])
            assert f'href="../../papers/{note.source}/"' in box, (bid, note.source)
