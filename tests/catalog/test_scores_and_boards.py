"""Scores, comparable groups, boards and disagreements: the rule the atlas exists for."""

from __future__ import annotations

from datetime import date

import pytest

from macros.catalog.build import load_catalog
from macros.catalog.leaderboards import disagreements, groups_for, setting_title
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
    c = Catalog()
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


def test_a_group_title_names_its_setting():
    s = score(shots=3, prompting="cot", finetuned_on_train=True)
    title = setting_title(s, catalog_of(s))
    assert (
        title
        == "test split · Accuracy · 3-shot · Chain-of-thought · fine-tuned on the training split"
    )


def test_disagreements_are_different_values_for_one_model_in_one_group():
    c = catalog_of(
        score("m1", 60, shots=0, source="p1"),
        score("m1", 64, shots=0, source="p2"),
        score("m1", 60, shots=5, source="p3"),  # another setting: not a disagreement
        score("m2", 50, shots=0, source="p1"),
        score("m2", 50, shots=0, source="p2"),  # same value twice: agreement
    )
    found = disagreements(c)
    assert [(d.model, d.spread) for d in found] == [("m1", 4)]
    assert [s.source for s in found[0].scores] == ["p1", "p2"]
