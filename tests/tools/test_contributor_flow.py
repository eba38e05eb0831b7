"""Following CONTRIBUTING.md from a fresh copy: add a model with a result, validate,
build, and find it on the site with its cross-links."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import BUILD_ENV, ROOT, mkdocs_build

pytestmark = [pytest.mark.build]


def copy_repository(dest, data):
    """A copy of the repository whose data is the synthetic catalogue (the real site is
    built once per run, elsewhere), with the real templates for contributors."""
    ignore = shutil.ignore_patterns(
        ".venv", "site", "build", "dist", ".git", "__pycache__", ".pytest_cache", "data"
    )
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    shutil.copytree(data, dest / "data")
    shutil.copytree(ROOT / "data" / "_templates", dest / "data" / "_templates")
    return dest


def atlas(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "macros.tools.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
    )


def test_a_contributor_adds_a_model_with_a_result_and_sees_it_cross_linked(tmp_path, base_data):
    repo = copy_repository(tmp_path / "repo", base_data)
    # `atlas new model "..."` writes the template under the right id.
    made = atlas(repo, "new", "model", "Example Med 7B")
    assert made.returncode == 0, made.stderr
    path = repo / "data" / "models" / "example-med-7b.yaml"
    base, paper = "syn-model-00000", "syn-paper-00001"
    values = {
        "ALIAS": "ExampleMed",
        "FAMILY": "Example Med",
        "SURVEY_TYPE": "fine-tuned",
        "ORGANISATION": "syn-org-0000",
        "RELEASED": "2025-01",
        "PARAMETERS": "7",
        "ARCHITECTURE": "decoder",
        "WEIGHTS": "open",
        "LICENCE": "Apache-2.0",
        "BASE_MODEL": base,
        "TECHNIQUE": "lora",
        "TRAINING_DATA": "Exam questions",
        "APPLICATION": "medical-education",
        "PAPER": paper,
        "PAPER_URL": "https://example.org/p",
        "LOCATOR": "Section 2",
        "CLAIM_FIELDS": "architecture, base_models, languages, licence, modalities, organisations, parameters, released, techniques, training_data, weights",
        "SUMMARY": "An example entry written by following the contributing guide.",
        "BENCHMARK": "medqa",
        "VARIANT": "a",
        "VALUE": "61.5",
        "SHOTS": "0",
        "SPLIT": "test",
        "PROMPTING": "plain",
        "RESULT_LOCATOR": "Table 2",
    }
    path.write_text(re.sub(r"<([A-Z_]+)>", lambda m: values[m.group(1)], path.read_text()))
    # `make validate` is `atlas validate --fail-on-warnings`; fmt first, as the guide says.
    assert atlas(repo, "fmt").returncode == 0
    check = atlas(repo, "validate", "--fail-on-warnings")
    assert check.returncode == 0, check.stdout
    shown = atlas(repo, "show", "example-med-7b")
    assert "benchmarks (scores): medqa" in shown.stdout and base in shown.stdout
    site = tmp_path / "site"
    mkdocs_build(repo, site)
    page = (site / "models" / "example-med-7b" / "index.html").read_text(encoding="utf-8")
    assert "Example Med 7B" in page and 'href="../../benchmarks/medqa/' in page
    assert f'href="../{base}/"' in page
    medqa = (site / "benchmarks" / "medqa" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../models/example-med-7b/"' in medqa
    base_page = (site / "models" / base / "index.html").read_text(encoding="utf-8")
    assert 'href="../example-med-7b/"' in base_page, "the base model lists its new derivative"
    assert "/edit/main/data/models/example-med-7b.yaml" in page
