"""`make release VERSION=...`: a frozen bundle with data/, every export, the schemas and a
manifest of SHA-256 sums; the version and date set in CITATION.cff and .zenodo.json."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from synth import write_catalog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path) -> Path:
    """A project copy that shares this checkout's .venv (its install stamp stays newer)."""
    proj = tmp_path / "proj"
    write_catalog(proj / "data", 12)
    for name in ("Makefile", "pyproject.toml", "CITATION.cff", "requirements/constraints.txt"):
        (proj / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, proj / name)
        os.utime(proj / name, (0, 0))
    return proj


def _release(project: Path, version: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    cmd = [
        "make",
        "--no-print-directory",
        "release",
        f"VERSION={version}",
        f"VENV={ROOT / '.venv'}",
    ]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)


def test_make_release_writes_the_bundle_its_manifest_and_the_citation(project):
    done = _release(project, "0.0.0-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "git tag -a v0.0.0-test" in done.stdout
    bundle = project / "dist" / "medllm-atlas-data-0.0.0-test.zip"
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
        top = "medllm-atlas-data-0.0.0-test/"
        manifest = json.loads(zf.read(top + "manifest.json"))
        listed = {f["path"] for f in manifest["files"]}
        assert {n.removeprefix(top) for n in names} == listed | {"manifest.json"}
        for f in manifest["files"]:
            assert hashlib.sha256(zf.read(top + f["path"])).hexdigest() == f["sha256"]
        index = json.loads(zf.read(top + "exports/api/v1/index.json"))
        croissant = json.loads(zf.read(top + "exports/croissant.json"))
    data_files = {p.relative_to(project).as_posix() for p in (project / "data").rglob("*.yaml")}
    assert data_files <= listed
    assert {
        "exports/api/v1/results.csv",
        "exports/atlas.bib",
        "schemas/models.schema.json",
    } <= listed
    assert manifest["version"] == "0.0.0-test" and manifest["date"] == "2026-01-01"
    assert index["counts"]["models"] == 12
    assert croissant["version"] == "0.0.0-test"
    cff = (project / "CITATION.cff").read_text()
    assert 'version: "0.0.0-test"' in cff and 'date-released: "2026-01-01"' in cff
    zenodo = json.loads((project / ".zenodo.json").read_text())
    assert zenodo["version"] == "0.0.0-test" and zenodo["upload_type"] == "dataset"


def test_a_release_is_reproducible_and_refuses_a_bad_version(project):
    assert _release(project, "1.2.3").returncode == 0
    first = (project / "dist" / "medllm-atlas-data-1.2.3.zip").read_bytes()
    assert _release(project, "1.2.3").returncode == 0
    assert (project / "dist" / "medllm-atlas-data-1.2.3.zip").read_bytes() == first
    cff = (project / "CITATION.cff").read_text()
    assert cff.count("version:") == 2  # cff-version and version, never duplicated
    bad = _release(project, "latest")
    assert bad.returncode != 0 and "is not x.y.z" in bad.stderr
    assert _release(project, "").returncode != 0
