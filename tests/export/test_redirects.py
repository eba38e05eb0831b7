"""A removed or renamed id keeps its address: validation demands a redirect, the build writes it."""

from __future__ import annotations

import subprocess

import pytest
from conftest import mkdocs_build, project_copy

from macros.catalog.build import load_catalog


def git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repo(project):
    git(project, "init", "-q")
    git(project, "add", "data")
    git(project, "commit", "-q", "-m", "base")
    return project


def test_a_removed_id_without_redirect_is_an_error(repo):
    (repo / "data" / "models" / "syn-model-00011.yaml").unlink()
    catalog, problems = load_catalog(repo, base="HEAD")
    assert catalog is None
    assert [p.text() for p in problems] == [
        "data/models/syn-model-00011.yaml:1:1: error[removed-id] (file): 'syn-model-00011' existed "
        "at HEAD and was removed; add 'syn-model-00011: <new id>' under 'models:' in "
        "data/redirects.yaml so its address keeps working"
    ]


def test_a_redirect_fixes_it_and_must_point_at_an_existing_entry(repo):
    (repo / "data" / "models" / "syn-model-00011.yaml").unlink()
    (repo / "data" / "redirects.yaml").write_text("models:\n  syn-model-00011: syn-model-00010\n")
    catalog, problems = load_catalog(repo, base="HEAD")
    assert problems == [] and catalog.redirects == {
        "models": {"syn-model-00011": "syn-model-00010"}
    }
    (repo / "data" / "redirects.yaml").write_text(
        "models:\n  syn-model-00011: no-such-model\n  syn-model-00010: syn-model-00009\n"
    )
    _, problems = load_catalog(repo, base="HEAD")
    assert sorted(p.code for p in problems) == ["redirect-shadows", "removed-id", "unknown-ref"]


@pytest.mark.build
@pytest.mark.xdist_group("site")
def test_the_build_writes_a_forwarding_page_at_the_old_address(tmp_path, base_data):
    proj = project_copy(tmp_path, base_data, copy_docs=False)
    (proj / "data" / "models" / "syn-model-00011.yaml").unlink()
    (proj / "data" / "redirects.yaml").write_text("models:\n  syn-model-00011: syn-model-00010\n")
    site = tmp_path / "site"
    mkdocs_build(proj, site)
    page = (site / "models" / "syn-model-00011" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../syn-model-00010/">' in page
    assert (site / "models" / "syn-model-00010" / "index.html").exists()
