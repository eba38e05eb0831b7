"""Validation rules that span several files, and the shape of the report."""

from __future__ import annotations

from datetime import date

from macros.catalog.build import load_catalog

TODAY = date(2026, 6, 1)


def codes(problems):
    return [p.code for p in problems]


def test_two_source_files_for_one_arxiv_id_are_refused(project):
    for name in ("a-copy", "b-copy"):
        (project / "data" / "papers" / f"{name}.yaml").write_text(
            f"id: {name}\ntype: preprint\ntitle: Same paper\nyear: 2023\narxiv: '2305.09617'\n"
            "added: 2026-01-15\nreviewed: 2026-01-15\n"
        )
    catalog, problems = load_catalog(project, today=TODAY)
    assert catalog is None
    dup = [p for p in problems if p.code == "duplicate-source"]
    assert len(dup) == 1
    assert dup[0].path == "data/papers/b-copy.yaml"
    assert "data/papers/a-copy.yaml already has arxiv 2305.09617" in dup[0].message


def test_a_lineage_cycle_across_two_files_is_refused(project):
    for me, other in (("cyc-a", "cyc-b"), ("cyc-b", "cyc-a")):
        (project / "data" / "models" / f"{me}.yaml").write_text(
            f"id: {me}\nname: {me}\nkind: general\nbase_models: [{other}]\n"
            "sources:\n  - {source: syn-paper-00000, locator: Section 1, supports: [base_models]}\n"
            "summary: A cycle.\nadded: 2026-01-15\nreviewed: 2026-01-15\n"
        )
    catalog, problems = load_catalog(project, today=TODAY)
    assert catalog is None
    assert sorted(p.path for p in problems if p.code == "cycle") == [
        "data/models/cyc-a.yaml",
        "data/models/cyc-b.yaml",
    ]


def test_the_same_result_in_a_model_and_a_result_table_is_a_duplicate(project):
    (project / "data" / "results").mkdir(exist_ok=True)
    (project / "data" / "results" / "table.yaml").write_text(
        "id: table\nname: A table\nsource: syn-paper-00001\nlocator: Table 1\n"
        "setting: {shots: 0, prompting: plain}\n"
        "rows:\n  - {model: syn-model-00001, benchmark: medqa, variant: b, split: test, metric: accuracy, value: 50}\n"
        "  - {model: syn-model-00001, benchmark: medqa, variant: b, split: test, metric: accuracy, value: 50}\n"
        "added: 2026-01-15\nreviewed: 2026-01-15\n"
    )
    _catalog, problems = load_catalog(project, today=TODAY)
    assert codes(problems) == ["duplicate-result"]
    assert problems[0].message == "the same result is already recorded in data/results/table.yaml:7"


def test_all_problems_are_reported_together_in_file_order(project):
    (project / "data" / "models" / "a-bad.yaml").write_text("id: a-bad\nid: again\n")
    (project / "data" / "models" / "b-bad.yaml").write_text(
        "id: b-bad\nname: B\nkind: medical\nsummary: x\nadded: 2026-01-15\nreviewed: 2026-01-15\n"
    )
    (project / "data" / "papers" / "c-bad.yaml").write_text(
        "id: c-bad\ntype: web\ntitle: T\nyear: 2024\nurl: http://x\nadded: 2026-01-15\nreviewed: 2026-01-15\n"
    )
    _, problems = load_catalog(project, today=TODAY)
    assert [(p.path, p.code, p.field) for p in problems] == [
        ("data/models/a-bad.yaml", "missing-field", "added"),
        ("data/models/a-bad.yaml", "missing-field", "kind"),
        ("data/models/a-bad.yaml", "missing-field", "name"),
        ("data/models/a-bad.yaml", "missing-field", "reviewed"),
        ("data/models/a-bad.yaml", "missing-field", "summary"),
        ("data/models/a-bad.yaml", "duplicate-key", "id"),
        ("data/models/b-bad.yaml", "survey-type", "kind"),
        ("data/papers/c-bad.yaml", "url-scheme", "url"),
    ]


CARELESS = """id: four-layers
name: Four Layers
family: Four
family: Again
kind: medical
survey_type: fine-tuned
released: 2031-01
parameters: [seven]
base_models: [no-such-model]
summary: A model written carelessly, with a problem in each layer of the checks.
results:
  - benchmark: medqa
    variant: a
    metric: accuracy
    value: 130
    source: syn-paper-00001
    locator: Table 1
added: '2026-01-15'
reviewed: '2026-01-15'
"""


def test_one_run_reports_the_problems_of_every_layer_of_a_careless_file(project):
    (project / "data" / "models" / "four-layers.yaml").write_text(CARELESS)
    _, problems = load_catalog(project, today=TODAY)
    by_code = {p.code: p.field for p in problems if p.path == "data/models/four-layers.yaml"}
    assert by_code["duplicate-key"] == "family"  # YAML
    assert by_code["type"] == "parameters[0]"  # schema
    assert by_code["unknown-ref"] == "base_models[0]"  # references
    assert by_code["date-future"] == "released"  # dates
    assert by_code["value-range"] == "results[0].value"  # ranges


def test_a_reference_to_a_file_that_failed_is_not_reported_again(project):
    (project / "data" / "models" / "broken.yaml").write_text("id: broken\nname: [unclosed\n")
    model = (project / "data" / "models" / "syn-model-00003.yaml").read_text()
    (project / "data" / "models" / "syn-model-00003.yaml").write_text(
        model.replace("kind: medical", "kind: medical\nbase_models: [broken]", 1)
    )
    _, problems = load_catalog(project, today=TODAY, style=False)
    assert "unknown-ref" not in {p.code for p in problems}
    assert any(p.path == "data/models/broken.yaml" and p.code == "syntax" for p in problems)
