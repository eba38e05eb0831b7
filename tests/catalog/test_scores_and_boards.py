"""Scores, comparable groups, boards and disagreements: the rule the atlas exists for."""

from __future__ import annotations

from datetime import date

import pytest

from macros.catalog.boards import boards_for, claims_of, progress
from macros.catalog.build import load_catalog
from macros.catalog.comparable import groups_for, setting_title
from macros.catalog.disagreements import disagreements
from macros.catalog.store import Catalog, Score
from macros.schema.entries import Setting

TODAY = date(2026, 6, 1)


def score(
    model="m1",
    value=50.0,
    *,
    variant="a",
    split="test",
    metric="accuracy",
    source="p1",
    locator="Table 1",
    reported_by="authors",
    **setting,
) -> Score:
    return Score(
        model=model,
        benchmark="b",
        variant=variant,
        split=split,
        metric=metric,
        value=value,
        setting=Setting(**setting),
        source=source,
        locator=locator,
        note=None,
        reported_by=reported_by,
        origin=("models", model),
    )


def catalog_of(*scores: Score) -> Catalog:
    from macros.schema.entries import Benchmark, Model, Paper

    c = Catalog()
    c.benchmarks["b"] = Benchmark.model_construct(
        id="b", name="B", metrics=["accuracy", "f1"], variants=[], main=True
    )
    for s in scores:
        c.models.setdefault(
            s.model,
            Model.model_construct(id=s.model, name=s.model.upper(), released=None, kind="general"),
        )
        c.papers.setdefault(s.source, Paper.model_construct(id=s.source, year=2024, month=5))
    c.scores = list(scores)
    c.derive()
    return c


def test_reported_by_is_derived_from_the_models_own_papers(project):
    catalog, problems = load_catalog(project, today=TODAY)
    assert problems == []
    seen = set()
    for s in catalog.scores:
        own = s.source in catalog.models[s.model].papers
        assert s.reported_by == ("authors" if own else "third-party")
        seen.add(s.reported_by)
    assert seen == {"authors", "third-party"}, "the synthetic catalogue has both kinds"


@pytest.mark.parametrize(
    "change",
    [
        {"variant": "b"},
        {"split": "dev"},
        {"metric": "f1"},
        {"shots": 5},
        {"prompting": "cot"},
        {"finetuned_on_train": True},
    ],
)
def test_each_part_of_the_setting_makes_a_different_group(change):
    setting = {k: v for k, v in change.items() if k in Setting.model_fields}
    fields = {k: v for k, v in change.items() if k not in Setting.model_fields}
    assert score(shots=0).group != score(**{"shots": 0, **fields, **setting}).group


def test_details_that_do_not_define_comparability_share_a_group():
    plain = score(shots=0, prompting="plain")
    for detail in ({"harness": "lm-eval 0.4"}, {"grader": "GPT-4"}, {"method": "X"}):
        assert score(shots=0, prompting="plain", **detail).group == plain.group


def test_groups_rank_best_first_and_never_mix_settings():
    c = catalog_of(
        score("m1", 60, shots=0),
        score("m2", 70, shots=0),
        score("m3", 90, shots=5),
        score("m4", 40, shots=0, source="p2"),
    )
    groups = groups_for(c, "b")
    assert [len(g.scores) for g in groups] == [3, 1], "largest group first"
    assert [s.model for s in groups[0].scores] == ["m2", "m1", "m4"]
    for g in groups:
        assert len({s.group for s in g.scores}) == 1
    assert groups[1].scores[0].setting.shots == 5


def test_a_group_title_names_its_setting_and_what_is_not_stated():
    s = score(shots=3, prompting="cot", finetuned_on_train=True)
    stated = "a · test split · Accuracy · 3-shot · Chain-of-thought"
    assert setting_title(s, catalog_of(s)) == stated + " · fine-tuned on the training split"
    unstated = setting_title(score(), catalog_of(score()))
    assert unstated == "a · test split · Accuracy · shots not stated · prompting not stated"


def test_disagreements_are_two_sources_with_different_values_in_one_full_setting():
    c = catalog_of(
        score("m1", 60, shots=0, source="p1"),
        score("m1", 64, shots=0, source="p2"),
        score("m1", 60, shots=5, source="p3"),  # another setting: not a disagreement
        score("m1", 70, variant="b", shots=0, source="p4"),  # another variant: neither
        score("m1", 75, shots=0, method="Medprompt", source="p5"),  # another method: neither
        score("m2", 50, shots=0, source="p1"),
        score("m2", 50, shots=0, source="p2"),  # same value twice: agreement
        score("m3", 50, shots=0, source="p1", locator="Table 1"),
        score("m3", 55, shots=0, source="p1", locator="Table 2"),  # one source: not between sources
    )
    found = disagreements(c)
    assert [(d.model, d.spread) for d in found] == [("m1", 4)]
    assert [s.source for s in found[0].scores] == ["p1", "p2"]


def test_a_board_lists_each_model_once_at_its_best_in_any_setting():
    c = catalog_of(
        score("m1", 60, shots=0),
        score("m1", 72, shots=5, prompting="cot", source="p2"),
        score("m2", 70),  # shots and prompting not stated
        score("m3", 90, variant="b"),
        score("m4", 0.8, metric="f1"),
    )
    boards = boards_for(c, "b")
    # The variant most sources report first; then by number of models, then by title.
    assert [(b.variant, b.metric) for b in boards] == [
        ("a", "accuracy"),
        ("a", "f1"),
        ("b", "accuracy"),
    ]
    main = boards[0]
    assert [(row.model, row.best.value) for row in main.rows] == [("m1", 72), ("m2", 70)]
    assert [c.value for c in main.rows[0].others] == [60]
    assert main.leader.best.score.setting.shots == 5


def test_not_stated_never_splits_a_board():
    c = catalog_of(score("m1", 60, shots=0), score("m2", 61), score("m3", 62, prompting="plain"))
    boards = boards_for(c, "b")
    assert len(boards) == 1 and len(boards[0].rows) == 3


def test_one_number_from_several_sources_is_one_claim_with_every_source():
    same = [score("m1", 60, shots=0, source=p) for p in ("p2", "p1")]
    claims = claims_of([*same, score("m1", 60, shots=5, source="p3")])
    assert [[s.source for s in claim.scores] for claim in claims] == [["p1", "p2"], ["p3"]]
    board = boards_for(catalog_of(*same), "b")[0]
    assert len(board.rows) == 1 and len(board.rows[0].best.scores) == 2 and not board.rows[0].others


def test_the_main_board_is_the_variant_most_sources_report():
    c = catalog_of(
        score("m1", 60, variant="a", source="p1"),
        score("m2", 61, variant="a", source="p1"),
        score("m3", 62, variant="a", source="p1"),
        score("m1", 50, variant="b", source="p2"),
        score("m2", 51, variant="b", source="p3"),
    )
    assert [b.variant for b in boards_for(c, "b")] == ["b", "a"]


def test_a_variant_whose_set_is_not_stated_never_heads_the_page():
    c = catalog_of(
        score("m1", 90, variant="us-options-not-stated", source="p1"),
        score("m2", 91, variant="us-options-not-stated", source="p2"),
        score("m3", 92, variant="us-options-not-stated", source="p3"),
        score("m1", 80, variant="us-4-option", source="p4"),
    )
    assert [b.variant for b in boards_for(c, "b")] == ["us-4-option", "us-options-not-stated"]


def test_progress_marks_the_models_that_beat_every_earlier_one():
    c = catalog_of(score("m1", 60), score("m2", 55), score("m3", 70))
    for mid, when in (("m1", "2022-01"), ("m2", "2023-01"), ("m3", "2024-01")):
        c.models[mid] = c.models[mid].model_copy(update={"released": when})
    board = boards_for(c, "b")[0]
    assert [(when, row.model, ahead) for when, row, ahead in progress(c, board)] == [
        ("2022-01", "m1", True),
        ("2023-01", "m2", False),
        ("2024-01", "m3", True),
    ]
