"""The real data: it validates cleanly and covers the field as the atlas promises."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT

from macros.catalog.build import load_catalog
from macros.kinds import FOLDERS as KIND_ORDER

FAMILIES = {
    # pre-trained on medical data
    "biobert",
    "pubmedbert",
    "clinicalbert",
    "gatortron-large",
    "gatortrongpt-20b",
    "biogpt",
    "biogpt-large",
    "biomedlm",
    "galactica-120b",
    "baichuan-m1-14b",
    # Google
    "med-palm",
    "med-palm-2",
    "med-gemini",
    "amie",
    "medgemma-27b-text",
    # open and academic
    "meditron-70b",
    "pmc-llama-13b",
    "medalpaca-13b",
    "chatdoctor",
    "clinical-camel-70b",
    "biomistral-7b",
    "me-llama-70b",
    "mmed-llama-3-8b",
    "apollo-7b",
    "openbiollm-70b",
    "llama-3-8b-ultramedical",
    "meerkat-7b",
    "med42-70b",
    "llama3-aloe-8b-alpha",
    # Chinese
    "huatuogpt-7b",
    "huatuogpt-ii-7b",
    "huatuogpt-o1-8b",
    "bentsao",
    "doctorglm",
    "zhongjing",
    "disc-medllm",
    "baichuan-m2-32b",
    # multimodal
    "llava-med",
    "biomedgpt",
    "radfm",
    "med-flamingo",
    # prompted and agentic
    "medprompt",
    "medagents",
}
GENERAL_PREFIXES = (
    "gpt-",
    "palm",
    "gemini-",
    "llama-",
    "mistral-",
    "qwen",
    "baichuan",
    "chatglm",
    "gemma-",
    "deepseek-",
    "o1",
    "o3",
)
BENCHMARKS = {
    "medqa",
    "medmcqa",
    "pubmedqa",
    "mmlu-medical",
    "multimedqa",
    "healthsearchqa",
    "bioasq",
    "mednli",
    "emrqa",
    "mimic-cxr",
    "vqa-rad",
    "slake",
    "pathvqa",
    "cmb",
    "cmexam",
    "medbench",
    "healthbench",
    "medhelm",
    "agentclinic",
    "medagentbench",
    "medcalc-bench",
    "medarena",
    "amie-osce-study",
}
TECHNIQUES = {
    "pretraining-from-scratch",
    "continued-pretraining",
    "supervised-fine-tuning",
    "instruction-tuning",
    "rlhf",
    "dpo",
    "rlvr",
    "lora",
    "qlora",
    "knowledge-distillation",
    "synthetic-data",
    "few-shot-prompting",
    "chain-of-thought",
    "self-consistency",
    "ensemble-refinement",
    "knn-few-shot",
    "retrieval-augmented-generation",
    "knowledge-graph",
    "llm-agents",
    "tool-use",
    "multimodal-alignment",
}


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = load_catalog(ROOT)
    assert problems == [], "\n".join(p.text() for p in problems[:40])
    return catalog


def test_all_data_validates_with_no_error_and_no_warning(catalog):
    assert catalog is not None


def test_medical_models_cover_the_field(catalog):
    medical = [m for m in catalog.models.values() if m.kind == "medical"]
    assert len(medical) >= 160
    types = Counter(m.survey_type for m in medical)
    assert set(types) == {"pretrained", "fine-tuned", "prompted"}
    years = {int(m.released[:4]) for m in medical if m.released}
    assert min(years) <= 2019 and max(years) >= 2025
    assert any(m.languages == ["en"] for m in medical)
    assert any("zh" in m.languages for m in medical)
    assert sum(1 for m in medical if len(m.languages) >= 3) >= 3, "multilingual models"
    assert sum(1 for m in medical if set(m.modalities) - {"text"}) >= 15, "multimodal models"
    missing = sorted(FAMILIES - set(catalog.models))
    assert missing == []


def test_recent_medical_reasoning_models_are_covered(catalog):
    reasoning = {"long-chain-of-thought", "rlvr", "grpo"}
    recent = [
        m
        for m in catalog.models.values()
        if m.kind == "medical"
        and m.released
        and m.released >= "2025"
        and reasoning & set(m.techniques)
    ]
    assert len(recent) >= 10


def test_general_base_and_baseline_families_are_present(catalog):
    general = [mid for mid, m in catalog.models.items() if m.kind == "general"]
    for prefix in GENERAL_PREFIXES:
        assert any(mid.startswith(prefix) for mid in general), prefix
    assert all(catalog.models[mid].survey_type is None for mid in general)


def test_benchmarks_cover_both_evaluation_categories(catalog):
    assert len(catalog.benchmarks) >= 45
    assert sorted(BENCHMARKS - set(catalog.benchmarks)) == []
    categories = Counter(b.category for b in catalog.benchmarks.values())
    assert categories["automatic"] >= 30 and categories["human"] >= 3
    medqa = {v.id: v for v in catalog.benchmarks["medqa"].variants}
    assert medqa["us-4-option"].options == 4 and medqa["us-5-option"].options == 5
    assert {"mainland", "taiwan"} <= set(medqa)
    assert all(b.metrics for b in catalog.benchmarks.values())
    # Facts are recorded where a source states them; the gaps are listed in the issue note.
    # A language applies only to sets with text (not to structured EHR or molecule sets), and
    # `not_stated` counts as known. Many authors' own sets (Round 14) do not state a language,
    # so the floor is below the share of the older, public benchmarks. Lowered once, from 0.70
    # in session 8: eleven new sets (CT-RATE, DiagBench, ColonINST, CaReSound and others) come from
    # sources read that state no language.
    with_text = [
        b for b in catalog.benchmarks.values() if "text" in b.modalities or not b.modalities
    ]
    with_language = sum(1 for b in with_text if b.languages or "languages" in b.not_stated)
    with_format = sum(1 for b in catalog.benchmarks.values() if b.answer_format)
    assert with_language >= 0.69 * len(with_text)
    assert with_format >= 0.75 * len(catalog.benchmarks)


def test_techniques_cover_the_listed_methods(catalog):
    assert len(catalog.techniques) >= 32
    assert sorted(TECHNIQUES - set(catalog.techniques)) == []
    assert {t.stage for t in catalog.techniques.values()} >= {
        "pre-training",
        "fine-tuning",
        "alignment",
        "efficiency",
        "inference-time",
        "multimodal",
        "data",
    }


def test_every_application_area_has_models_and_benchmarks(catalog):
    areas = {
        "clinical-decision-support",
        "personalized-treatment",
        "drug-discovery",
        "medical-imaging",
        "medical-education",
        "clinical-documentation",
        "patient-communication",
        "mental-health",
        "biomedical-research",
    }
    assert areas <= set(catalog.applications)
    for area in sorted(areas):
        assert catalog.application_models.get(area), f"{area} has no model"
    keywords = {a for a, x in catalog.applications.items() if x.survey_keyword}
    assert keywords == {
        "clinical-decision-support",
        "personalized-treatment",
        "drug-discovery",
        "medical-imaging",
    }


def test_results_are_many_and_every_one_has_a_source_and_a_locator(catalog):
    assert len(catalog.scores) >= 600
    for s in catalog.scores:
        assert s.source in catalog.papers and s.locator.strip()
    on_core = Counter(
        s.benchmark
        for s in catalog.scores
        if s.benchmark in ("medqa", "medmcqa", "pubmedqa", "mmlu-medical")
    )
    assert all(on_core[b] >= 40 for b in ("medqa", "medmcqa", "pubmedqa", "mmlu-medical")), on_core
    assert {s.reported_by for s in catalog.scores} == {"authors", "benchmark-owner", "third-party"}


def test_every_cited_source_has_an_entry_with_an_identifier(catalog):
    cited = {s.source for s in catalog.scores}
    for m in catalog.models.values():
        cited |= set(m.papers) | {x.source for x in m.sources}
    for b in catalog.benchmarks.values():
        cited |= set(b.papers) | {x.source for x in b.sources}
    assert cited <= set(catalog.papers)
    for pid in cited:
        p = catalog.papers[pid]
        assert p.arxiv or p.doi or p.url, pid


def test_the_known_traps_are_kept_apart(catalog):
    # Flan-PaLM is not Med-PaLM; GatorTron is not GatorTronGPT; BioGPT is not BioGPT-Large;
    # HuatuoGPT is not HuaTuo/BenTsao: separate entries, and no shared score rows.
    for a, b in (
        ("flan-palm", "med-palm"),
        ("gatortron-large", "gatortrongpt-20b"),
        ("biogpt", "biogpt-large"),
        ("huatuogpt-7b", "bentsao"),
    ):
        assert a in catalog.models and b in catalog.models
        assert catalog.models[a].name != catalog.models[b].name
    usmle = {s.model for s in catalog.scores if s.benchmark == "usmle-sample-exam"}
    # The same cell of the same source filed under both (a value may coincide by chance in
    # two columns, as Meditron 7B's 32.0 on MedQA 0-shot and USMLE step 3 5-shot do).
    medqa = {
        (s.model, s.value, s.source, s.locator) for s in catalog.scores if s.benchmark == "medqa"
    }
    assert not any(
        key in medqa
        for key in (
            (s.model, s.value, s.source, s.locator)
            for s in catalog.scores
            if s.benchmark == "usmle-sample-exam"
        )
    ), usmle


def test_every_entry_carries_added_and_reviewed_dates(catalog):
    for kind in KIND_ORDER:
        for e in catalog.kind(kind).values():
            assert e.added and e.reviewed


def test_every_data_file_is_in_canonical_form(capsys):
    """`atlas fmt --check` finds nothing to rewrite, so diffs of data files stay minimal."""
    from macros.tools.cli import main

    assert main(["--root", str(ROOT), "fmt", "--check"]) == 0, capsys.readouterr().out


# Completeness today (percent), as measured when this floor was set: no change to the data
# may lower it. The targets the atlas aims at are TARGETS in macros/catalog/completeness.py;
# `atlas completeness` prints both.
COMPLETENESS_FLOORS = {
    "organisations": 91.0,
    "released": 98.0,
    # Weights and base models were lowered once, in session 7, for the three MedCare models
    # (no source reached states their weights or bases); session 8 raised them past that.
    "weights": 94.0,
    "modalities": 99.5,
    "base_models": 87.0,
    "parameters": 93.5,
    "licence": 93.0,
    "model results": 79.5,
    "benchmark results": 94.0,
}


def test_completeness_per_field_never_falls_below_its_floor(catalog, capsys):
    from macros.catalog.completeness import as_text, completeness

    rows = completeness(catalog)
    with capsys.disabled():
        print("\n" + as_text(rows))
    below = {r.field: round(r.percent, 1) for r in rows if r.percent < COMPLETENESS_FLOORS[r.field]}
    assert below == {}
