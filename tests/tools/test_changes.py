"""`atlas changes REV1 REV2` and the changed-number list of `atlas validate --base`, on a
fixture git repository: a moved row is no change, a corrected value is one, with old and
new value, source and locator."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from synth import write_catalog

from macros.catalog.changes import diff, previous_release, release_changes, snapshot, snapshot_at

TABLE = "data/results/syn-table-0000.yaml"


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _atlas(repo, *args) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "macros.tools.cli", "--root", str(repo), *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path):
    """A data repository with a release v0.1.0, then one commit that moves a row, corrects a
    value and adds a model."""
    repo = tmp_path / "repo"
    write_catalog(repo / "data", 12)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    _git(repo, "tag", "v0.1.0")
    table = yaml.safe_load((repo / TABLE).read_text())
    table["rows"].reverse()  # every row moves
    table["rows"][0]["value"] = 12.5  # and one value is corrected
    (repo / TABLE).write_text(yaml.safe_dump(table, sort_keys=False))
    model = (repo / "data/models/syn-model-00011.yaml").read_text()
    (repo / "data/models/syn-model-99999.yaml").write_text(
        model.replace("syn-model-00011", "syn-model-99999")
    )
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "edit")
    return repo


def test_a_moved_row_is_no_change_and_a_corrected_value_is_one(repo):
    found = diff(snapshot_at(repo, "v0.1.0"), snapshot_at(repo, "HEAD"))
    assert [c["changes"]["value"][1] for c in found.results_changed] == [12.5]
    assert found.results_changed[0]["source"] == "syn-paper-00009"
    assert ("models", "syn-model-99999") in found.added
    assert not found.removed and not found.results_removed
    assert all(r["model"] == "syn-model-99999" for r in found.results_added)


def test_the_command_lists_changes_between_two_revisions(repo):
    out = _atlas(repo, "changes", "v0.1.0", "HEAD")
    assert "+ models/syn-model-99999" in out
    changed = [line for line in out.splitlines() if line.startswith("~ result")]
    assert len(changed) == 1
    assert "value " in changed[0] and "-> 12.5" in changed[0]
    assert "[source syn-paper-00009, Table 9]" in changed[0]
    assert _atlas(repo, "changes", "HEAD", "HEAD").strip() == "no changes"


def test_validate_with_a_base_lists_every_changed_number_for_the_reviewer(repo):
    out = _atlas(repo, "validate", "--base", "v0.1.0")
    assert "Changed numbers since v0.1.0: 1" in out
    assert "-> 12.5 [source syn-paper-00009, Table 9]" in out


def test_the_build_compares_with_the_previous_release_tag(repo):
    assert previous_release(repo) == "v0.1.0"
    doc = release_changes(repo)
    assert doc["base"] == "v0.1.0"
    assert [r["changes"]["value"][1] for r in doc["results"]["changed"]] == [12.5]
    _git(repo, "tag", "v0.2.0")  # HEAD is itself a release: compare with the one before
    assert previous_release(repo) == "v0.1.0"


def test_without_a_release_tag_there_is_nothing_to_compare(tmp_path):
    write_catalog(tmp_path / "data", 3)
    assert release_changes(tmp_path) is None
    assert snapshot(tmp_path).results
