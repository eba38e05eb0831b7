"""Synthetic catalogues that satisfy the real schema and validator.

Used by the build benchmark (``bench/run.py``) and by tests that need a project of a
known shape. Every synthetic entry says so in its name and summary; none of it is
published. ``make_project`` lays out a throwaway project: the synthetic ``data/`` plus
links to the real ``docs/``, ``macros/`` and ``mkdocs.yml``.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-01-15"

# Ids that the hand-written pages in docs/ link to; a synthetic catalogue must have them.
REQUIRED_TECHNIQUES = {
    "continued-pretraining": "pre-training",
    "retrieval-augmented-generation": "inference-time",
    "knowledge-graph": "inference-time",
    "self-consistency": "inference-time",
    "chain-of-thought": "inference-time",
    "long-chain-of-thought": "inference-time",
    "rlvr": "alignment",
    "lora": "efficiency",
    "knowledge-distillation": "efficiency",
    "quantisation": "efficiency",
    "supervised-fine-tuning": "fine-tuning",
}
STAGES = (
    "data",
    "pre-training",
    "fine-tuning",
    "alignment",
    "efficiency",
    "multimodal",
    "inference-time",
)
APPLICATIONS = (
    "clinical-decision-support",
    "personalized-treatment",
    "drug-discovery",
    "medical-imaging",
    "medical-education",
)


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _write_sources(data_dir: Path, n_papers: int, n_orgs: int) -> None:
    """Papers (each with an arXiv id and a URL) and organisations."""
    for i in range(n_papers):
        _dump(
            data_dir / "papers" / f"syn-paper-{i:05d}.yaml",
            {
                "id": f"syn-paper-{i:05d}",
                "type": "preprint",
                "title": f"Synthetic source {i} for benchmarking the build",
                "authors": [f"Author {i} Example", "Second Author"],
                "et_al": True,
                "year": 2019 + i % 7,
                "month": 1 + i % 12,
                "arxiv": f"2001.{i:05d}",
                "url": f"https://example.org/synthetic/{i}",
                "added": DAY,
                "reviewed": DAY,
            },
        )
    for i in range(n_orgs):
        _dump(
            data_dir / "organisations" / f"syn-org-{i:04d}.yaml",
            {
                "id": f"syn-org-{i:04d}",
                "name": f"Synthetic Organisation {i}",
                "country": "CH",
                "sector": "academia",
                "added": DAY,
                "reviewed": DAY,
            },
        )


def _write_techniques(data_dir: Path, n_tech: int, n_papers: int) -> list[str]:
    """The techniques the docs link to plus synthetic ones, and the application areas."""
    tech_ids = list(REQUIRED_TECHNIQUES)
    tech_ids += [f"syn-technique-{i:04d}" for i in range(n_tech - len(tech_ids))]
    for i, tid in enumerate(tech_ids):
        _dump(
            data_dir / "techniques" / f"{tid}.yaml",
            {
                "id": tid,
                "name": f"Synthetic technique {tid}",
                "stage": REQUIRED_TECHNIQUES.get(tid, STAGES[i % len(STAGES)]),
                "papers": [f"syn-paper-{i % n_papers:05d}"],
                "summary": "A synthetic technique used to measure the build.",
                "added": DAY,
                "reviewed": DAY,
            },
        )
    for aid in APPLICATIONS:
        _dump(
            data_dir / "applications" / f"{aid}.yaml",
            {
                "id": aid,
                "name": f"Synthetic application {aid}",
                "survey_keyword": aid in APPLICATIONS[:4],
                "techniques": [tech_ids[0]],
                "summary": "A synthetic application area.",
                "added": DAY,
                "reviewed": DAY,
            },
        )
    return tech_ids


def _write_benchmarks(data_dir: Path, n_bench: int, n_papers: int) -> list[str]:
    """MedQA (synthetic) and other two-variant multiple-choice benchmarks."""
    bench_ids = ["medqa"] + [f"syn-bench-{i:04d}" for i in range(n_bench - 1)]
    for i, bid in enumerate(bench_ids):
        bench = {
            "id": bid,
            "name": "MedQA (synthetic)" if bid == "medqa" else f"Synthetic benchmark {i}",
            "category": "automatic" if i % 5 else "human",
            "task": "multiple-choice-qa",
            "languages": ["en"],
            "metrics": ["accuracy"],
            "variants": [
                {"id": "a", "name": "Variant A", "options": 4},
                {"id": "b", "name": "Variant B", "options": 5},
            ],
            "main": i < 4,
            "applications": [APPLICATIONS[i % len(APPLICATIONS)]],
            "papers": [f"syn-paper-{i % n_papers:05d}"],
            "sources": [
                {
                    "source": f"syn-paper-{i % n_papers:05d}",
                    "locator": "Table 1",
                    "supports": ["languages", "task", "variants"],
                }
            ],
            "summary": "A synthetic benchmark used to measure the build.",
            "added": DAY,
            "reviewed": DAY,
        }
        _dump(data_dir / "benchmarks" / f"{bid}.yaml", bench)
    return bench_ids


def _provenance(j: int, contaminated: bool, paper: str) -> dict:
    """The first result states how many items were scored; every tenth model's third-party
    result is flagged as possibly contaminated."""
    out: dict = {"n": 200} if j == 0 else {}
    if contaminated:
        out["contamination"] = {"status": "suspected", "source": paper, "locator": "Section 5"}
    return out


def _results(i: int, paper: str, n_papers: int, bench_ids, per_model: int, rng) -> list[dict]:
    """Model i's results; every fifth model's last result is a third party's (another
    model's paper)."""
    results = []
    for j in range(per_model):
        third_party = i % 5 == 0 and j == per_model - 1
        results.append(
            {
                "benchmark": bench_ids[(i + j) % len(bench_ids)],
                "variant": "a" if j % 2 else "b",
                "split": "test",
                "metric": "accuracy",
                "value": round(rng.uniform(20, 95), 1),
                "setting": {
                    "shots": (0, 3, 5)[j % 3],
                    "prompting": ("plain", "cot", "ensemble")[j % 3],
                },
                **_provenance(j, third_party and i % 10 == 0, paper),
                "source": f"syn-paper-{(i + 1) % n_papers:05d}" if third_party else paper,
                "locator": f"Table {1 + j}",
            }
        )
    return results


def _model(i, n_papers, n_orgs, bench_ids, tech_ids, results_per_model, rng) -> dict:
    """Model i: its facts, sources and results (every fifth model has a third-party one)."""
    mid = f"syn-model-{i:05d}"
    paper = f"syn-paper-{i % n_papers:05d}"
    medical = i % 4 != 0
    results = _results(i, paper, n_papers, bench_ids, results_per_model, rng)
    model = {
        "id": mid,
        "name": f"Synthetic Model {i}",
        "family": f"Synthetic family {i // 10}",
        "kind": "medical" if medical else "general",
    }
    if medical:
        model["survey_type"] = ("pretrained", "fine-tuned", "prompted")[i % 3]
    model.update(
        {
            "organisations": [f"syn-org-{i % n_orgs:04d}"],
            "released": f"{2019 + i % 7}-{1 + i % 12:02d}",
            "parameters": [float(1 + i % 70)],
            "modalities": ["text"],
            "languages": ["en"],
            "weights": ("open", "gated", "closed")[i % 3],
        }
    )
    if i >= 10 and medical:
        model["base_models"] = [f"syn-model-{(i // 10) * 4:05d}"]
    model.update(
        {
            "techniques": sorted({tech_ids[i % len(tech_ids)], tech_ids[(i * 7) % len(tech_ids)]}),
            "applications": [APPLICATIONS[i % len(APPLICATIONS)]],
            "papers": [paper],
            "sources": [
                {
                    "source": paper,
                    "locator": "Section 2",
                    "supports": sorted(
                        [
                            "organisations",
                            "released",
                            "parameters",
                            "modalities",
                            "languages",
                            "weights",
                            "techniques",
                        ]
                        + (["base_models"] if "base_models" in model else [])
                    ),
                }
            ],
            "summary": f"Synthetic model number {i}, generated to measure how the build scales.",
            "results": results,
            "added": DAY,
            "reviewed": DAY,
        }
    )
    # The base of model i (i >= 10) is model (i // 10) * 4, which is general: no cycles.
    if "base_models" in model and model["base_models"][0] == mid:
        del model["base_models"]
    return model


def _write_result_table(data_dir: Path, bench_ids: list[str], n_models: int) -> int:
    """One result table: a third party's comparison of the first models, with a shared
    setting and one row that overrides it."""
    rows = [
        {
            "model": f"syn-model-{i:05d}",
            "benchmark": bench_ids[0],
            "variant": "a",
            "split": "test",
            "metric": "accuracy",
            "value": 40.0 + i,
        }
        for i in range(min(n_models, 3))
    ]
    rows[-1]["setting"] = {"prompting": "cot"}
    _dump(
        data_dir / "results" / "syn-table-0000.yaml",
        {
            "id": "syn-table-0000",
            "name": "Synthetic comparison table",
            "source": "syn-paper-00009",
            "locator": "Table 9",
            "setting": {"shots": 0},
            "rows": rows,
            "added": DAY,
            "reviewed": DAY,
        },
    )
    return len(rows)


def write_catalog(
    data_dir: Path, n_models: int, results_per_model: int = 4, seed: int = 0
) -> dict[str, int]:
    """Write a synthetic catalogue of ``n_models`` models under ``data_dir``; return counts."""
    rng = random.Random(seed)
    n_bench = max(8, n_models // 25)
    n_tech = max(len(REQUIRED_TECHNIQUES) + 4, n_models // 50)
    n_papers = max(10, n_models // 2)
    n_orgs = max(5, n_models // 40)
    _write_sources(data_dir, n_papers, n_orgs)
    tech_ids = _write_techniques(data_dir, n_tech, n_papers)
    bench_ids = _write_benchmarks(data_dir, n_bench, n_papers)
    n_results = 0
    for i in range(n_models):
        model = _model(i, n_papers, n_orgs, bench_ids, tech_ids, results_per_model, rng)
        n_results += len(model["results"])
        _dump(data_dir / "models" / f"{model['id']}.yaml", model)
    n_results += _write_result_table(data_dir, bench_ids, n_models)
    return {
        "models": n_models,
        "benchmarks": n_bench,
        "techniques": len(tech_ids),
        "papers": n_papers,
        "results": n_results,
    }


def make_project(dest: Path, n_models: int, **kwargs) -> Path:
    """A throwaway project at ``dest``: synthetic data/, the real docs/, macros/ and mkdocs.yml."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("docs", "macros"):
        (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    write_catalog(dest / "data", n_models, **kwargs)
    return dest
