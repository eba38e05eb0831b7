"""Results as citable records: stable ids, derived sample sizes, intervals and ties."""

from __future__ import annotations

import random
from datetime import date

import pytest
import yaml

from macros.catalog.boards import boards_for
from macros.catalog.build import load_catalog
from macros.catalog.scores import with_derived_n
from macros.catalog.store import Catalog, Score
from macros.catalog.uncertainty import could_be_a_count, interval, tied_with_leader, wilson
from macros.render.leaderboard import board_view
from macros.render.renderer import Renderer
from macros.schema.entries import Benchmark, Model, Paper, Setting, Size

TODAY = date(2026, 6, 1)


def contents(catalog) -> dict[str, tuple]:
    return {
        s.id: (s.model, s.benchmark, s.variant, s.value, s.source, s.locator)
        for s in catalog.scores
    }


def test_result_ids_are_unique_and_survive_reordering_every_result_list(project):
    before, problems = load_catalog(project, today=TODAY)
    assert problems == [] and len(contents(before)) == len(before.scores)
    rng = random.Random(7)
    for path in sorted((project / "data").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        for key in ("results", "rows"):
            if isinstance(data.get(key), list):
                rng.shuffle(data[key])
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    after, _ = load_catalog(project, today=TODAY, style=False)
    assert contents(after) == contents(before)


def test_a_result_id_does_not_change_with_its_value_but_with_what_it_is():
    s = Score(
        "m",
        "b",
        "a",
        "test",
        "accuracy",
        50.0,
        Setting(shots=0),
        "p",
        "T1",
        None,
        "authors",
        ("models", "m"),
    )
    from dataclasses import replace

    assert replace(s, value=51.0).id == s.id
    assert replace(s, setting=Setting(shots=5)).id != s.id
    assert replace(s, model_version="v2").id != s.id
    assert s.id.startswith("r-") and len(s.id) == 14


def test_n_is_derived_from_the_recorded_split_size_and_marked(project):
    bench = project / "data" / "benchmarks" / "medqa.yaml"
    data = yaml.safe_load(bench.read_text())
    data["variants"][0]["size"] = {"test": 1273}
    bench.write_text(yaml.safe_dump(data, sort_keys=False))
    catalog, _ = load_catalog(project, today=TODAY, style=False)
    on_test = [
        s
        for s in catalog.scores
        if s.benchmark == "medqa" and s.variant == "a" and s.split == "test"
    ]
    assert on_test
    for s in on_test:
        if s.n_derived:
            assert s.n == 1273
        else:
            assert s.n == 200, "a stated n is kept and not marked derived"
    assert any(s.n_derived for s in on_test)


def test_a_percentage_could_be_a_count_only_in_whole_items_at_its_written_precision():
    assert could_be_a_count(66.8, 500) and not could_be_a_count(66.9, 500)  # steps of 0.2
    assert could_be_a_count(79.12, 6150) and not could_be_a_count(79.12, 4183)
    assert could_be_a_count(72.0, 100) and could_be_a_count(72, 100)
    assert could_be_a_count(33.3, 3) and not could_be_a_count(33.33, 7)
    assert could_be_a_count(0.0, 1273) and could_be_a_count(100.0, 1273)


def test_n_is_not_derived_when_the_score_cannot_be_whole_items_of_the_split():
    bench = Benchmark.model_construct(id="b", variants=[], size=Size(test=500))

    def score(value, metric="accuracy"):
        return Score(
            "m", "b", None, "test", metric, value, Setting(), "p", "T", None, "authors", ("x",)
        )

    assert with_derived_n(score(66.8), bench).n == 500
    kept = with_derived_n(score(66.9), bench)
    assert kept.n is None and not kept.n_derived, "a mean of runs or a subset gets no n"
    assert with_derived_n(score(66.9, "rouge-l"), bench).n == 500, "only proportions are counts"


def test_wilson_intervals_match_hand_computed_values():
    # z = 1.96: centre (p + z^2/2n)/(1 + z^2/n), half-width z*sqrt(p(1-p)/n + z^2/4n^2)/(1 + z^2/n)
    for percent, n, expected in (
        (80, 100, (71.12, 86.66)),
        (60, 100, (50.2, 69.06)),
        (95.84, 1273, (94.6, 96.81)),
    ):
        low, high = wilson(percent, n)
        assert (round(low, 2), round(high, 2)) == expected


def test_shares_of_items_get_a_wilson_interval_and_other_metrics_do_not():
    def score(metric, value):
        return Score(
            "m", "b", None, None, metric, value, Setting(), "p", "T", None, "authors", ("x",), n=100
        )

    for metric in ("accuracy", "exact-match", "success-rate", "rated-share", "error-rate"):
        got = interval(score(metric, 80.0))
        assert got.method == "Wilson" and (round(got.low, 2), round(got.high, 2)) == (71.12, 86.66)
    assert interval(score("rouge-l", 80.0)) is None
    assert interval(score("win-rate", 80.0)) is None, "a win rate is not a share of items"
    assert interval(score("hamming-score", 80.0)) is None, "a mean overlap is not a share of items"


def board_catalog() -> Catalog:
    c = Catalog()
    c.benchmarks["b"] = Benchmark.model_construct(
        id="b", name="B", metrics=["accuracy"], variants=[], main=True
    )
    c.papers["p"] = Paper.model_construct(
        id="p", year=2024, month=1, title="P", authors=[], et_al=False
    )
    rows = (("lead", 80, 100), ("close", 75, 100), ("far", 60, 100), ("unknown", 79, None))
    for mid, value, n in rows:
        c.models[mid] = Model.model_construct(
            id=mid, name=mid, kind="general", released="2024-01", weights=None, papers=[]
        )
        c.scores.append(
            Score(
                mid,
                "b",
                None,
                "test",
                "accuracy",
                float(value),
                Setting(),
                "p",
                "T",
                None,
                "third-party",
                ("models", mid),
                n=n,
            )
        )
    c.derive()
    return c


def test_models_whose_interval_overlaps_the_leaders_are_tied_with_it():
    c = board_catalog()
    board = boards_for(c, "b")[0]
    leader = board.leader.best.score
    assert leader.model == "lead"
    assert interval(leader).low == pytest.approx(71.12, abs=0.01)
    tied = {row.model: tied_with_leader(leader, row.best.score) for row in board.rows[1:]}
    # close: 65.7-82.45 overlaps 71.12-86.66; far: 50.2-69.06 does not; unknown has no n.
    assert tied == {"close": True, "far": False, "unknown": False}
    view = board_view(Renderer(c), board)
    assert {row["score"].model: row["tied"] for row in view["rows"]} == {
        "lead": False,
        "unknown": False,
        "close": True,
        "far": False,
    }
    assert {row["score"].model: row["plus_minus"] for row in view["rows"]}["lead"] == "7.8"


def with_evaluation_sets(project, table_source: str, row: int, row_source: str):
    """The synthetic table with a default evaluation set, and another on one of its rows."""
    table = project / "data" / "results" / "syn-table-0000.yaml"
    data = yaml.safe_load(table.read_text())
    data["evaluation_set"] = {"source": table_source, "locator": "Section 4.1"}
    data["rows"][row]["evaluation_set"] = {"source": row_source, "locator": "Table 1"}
    table.write_text(yaml.safe_dump(data, sort_keys=False))
    return load_catalog(project, today=TODAY, style=False)


def test_a_tables_evaluation_set_is_each_rows_default_and_a_row_may_name_its_own(project):
    catalog, problems = with_evaluation_sets(project, "syn-paper-00001", 1, "syn-paper-00002")
    assert problems == []
    rows = {s.model: s for s in catalog.scores if s.origin == ("results", "syn-table-0000")}
    assert rows["syn-model-00000"].evaluation_set == ("syn-paper-00001", "Section 4.1")
    assert rows["syn-model-00001"].evaluation_set == ("syn-paper-00002", "Table 1")
    from macros.export.records import score_record

    record = score_record(rows["syn-model-00000"])
    assert record["evaluation_set_source"] == "syn-paper-00001"
    assert record["evaluation_set_locator"] == "Section 4.1"


def test_an_evaluation_set_naming_an_unknown_source_is_an_error(project):
    _, problems = with_evaluation_sets(project, "no-such-paper", 0, "no-such-paper-2")
    fields = sorted(p.field for p in problems if p.code == "unknown-ref")
    assert fields == ["evaluation_set.source", "rows[0].evaluation_set.source"]


def test_completeness_counts_a_fact_listed_as_not_stated_as_known(project):
    from macros.catalog.completeness import completeness

    def percent(field):
        catalog, _ = load_catalog(project, today=TODAY, style=False)
        return next(r for r in completeness(catalog) if r.field == field)

    model = next(
        p
        for p in sorted((project / "data" / "models").glob("*.yaml"))
        if yaml.safe_load(p.read_text())["kind"] == "medical"
    )
    data = yaml.safe_load(model.read_text())
    data["organisations"] = []
    data.pop("not_stated", None)
    model.write_text(yaml.safe_dump(data, sort_keys=False))
    unknown = percent("organisations")
    data["not_stated"] = ["organisations"]
    model.write_text(yaml.safe_dump(data, sort_keys=False))
    stated = percent("organisations")
    assert stated.total == unknown.total and stated.known == unknown.known + 1
