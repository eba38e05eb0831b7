"""A newcomer's walk, message by message: `atlas new model`, a template filled in part,
`validate`, fixes, `fmt`, and `validate --base` listing the number they changed."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import BUILD_ENV, ROOT

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


def atlas(root, *args):
    done = subprocess.run(
        [sys.executable, "-m", "macros.tools.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
    )
    return done.returncode, done.stdout + done.stderr


def problems(out: str) -> list[tuple[str, str, str]]:
    """(severity, code, field) of each problem line."""
    return re.findall(r"^\S+:\d+:\d+: (error|warning)\[([a-z-]+)\] (\S+):", out, re.M)


def fill(path, values: dict) -> None:
    text = path.read_text()
    for key, value in values.items():
        text = text.replace(f"<{key}>", value)
    path.write_text(text)


def test_a_newcomer_goes_from_template_to_a_reviewed_change(tmp_path, base_data):
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(base_data, repo / "data")
    shutil.copytree(ROOT / "data" / "_templates", repo / "data" / "_templates")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "base"], check=True)

    # 1. A near-duplicate name is refused; a new one gets its template.
    code, out = atlas(repo, "new", "model", "Syn Model00001")
    assert code == 2 and "looks like the existing data/models/syn-model-00001.yaml" in out
    code, out = atlas(repo, "new", "model", "Walk Med 7B")
    assert code == 0 and "data/models/walk-med-7b.yaml" in out
    path = repo / "data" / "models" / "walk-med-7b.yaml"

    # 2. Partly filled: every unfilled value is one placeholder message, nothing about HTML.
    fill(path, {"SURVEY_TYPE": "fine-tuned", "WEIGHTS": "open", "SUMMARY": "A model for the walk."})
    code, out = atlas(repo, "validate")
    found = problems(out)
    assert code == 1
    assert {c for _, c, _ in found} == {"placeholder"}, out
    assert ("error", "placeholder", "released") in found and "raw-html" not in out

    # 3. Filled carelessly: a month 13, a typo in a reference, a fraction for a percentage.
    fill(
        path,
        {
            "ALIAS": "WalkMed",
            "FAMILY": "Walk",
            "ORGANISATION": "syn-org-0000",
            "RELEASED": "2025-13",
            "PARAMETERS": "7",
            "ARCHITECTURE": "decoder",
            "LICENCE": "Apache-2.0",
            "BASE_MODEL": "syn-model-0000",
            "TECHNIQUE": "lora",
            "TRAINING_DATA": "Exam questions",
            "APPLICATION": "medical-education",
            "PAPER": "syn-paper-00001",
            "PAPER_URL": "https://example.org/p",
            "LOCATOR": "Section 2",
            "CLAIM_FIELDS": "organisations, parameters, weights",
            "BENCHMARK": "medqa",
            "VARIANT": "a",
            "SPLIT": "test",
            "VALUE": "0.62",
            "SHOTS": "0",
            "PROMPTING": "cot",
            "RESULT_LOCATOR": "Table 2",
        },
    )
    code, out = atlas(repo, "validate")
    assert code == 1
    assert "released: 2025-13: month 13 is not a month (01 to 12)" in out
    assert "no model 'syn-model-0000' (did you mean 'syn-model-000" in out
    assert "did you mean 62?" in out
    assert "unsourced-claim" in out  # released, base_models... need a source too

    # 4. Fixed: the right month, the right id, the percentage, every claim sourced.
    text = (
        path.read_text()
        .replace("2025-13", "2025-03")
        .replace("syn-model-0000]", "syn-model-00000]")
    )
    text = text.replace("value: 0.62", "value: 62")
    text = re.sub(
        r"supports: \[[^\]]*\]",
        "supports: ["
        + ", ".join(
            sorted(
                [
                    "organisations",
                    "parameters",
                    "weights",
                    "released",
                    "architecture",
                    "licence",
                    "base_models",
                    "techniques",
                    "training_data",
                    "modalities",
                    "languages",
                ]
            )
        )
        + "]",
        text,
    )
    path.write_text(text)
    code, out = atlas(repo, "validate")
    assert [p for p in problems(out) if p[0] == "error"] == [], out

    # 5. fmt puts it in canonical form and keeps the editor's schema line; then it is clean.
    code, out = atlas(repo, "fmt")
    assert code == 0 and "reformatted data/models/walk-med-7b.yaml" in out
    assert path.read_text().startswith("# yaml-language-server: $schema=")
    code, out = atlas(repo, "validate", "--fail-on-warnings")
    assert code == 0, out

    # 6. A corrected value is listed for the reviewer by validate --base.
    subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "walk"], check=True)
    path.write_text(path.read_text().replace("value: 62", "value: 62.5"))
    code, out = atlas(repo, "validate", "--base", "HEAD")
    assert "Changed numbers since HEAD: 1" in out
    assert re.search(
        r"walk-med-7b on medqa/a \(accuracy\): value 62 -> 62.5 \[source syn-paper-00001, Table 2\]",
        out,
    )
