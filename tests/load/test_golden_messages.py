"""Every bad input in tests/fixtures/invalid/ gets exactly its golden error lines.

Each fixture starts with a comment saying what it shows and where it is placed
(`# path: models/x.yaml`); the expected lines are in the `.expected` file beside it.
The fixture is dropped into a copy of a valid synthetic catalogue and validated. A fixture
with `# remove-after-commit: models/y.yaml` is validated against a git base (`--base`)
in which that file still exists; its expected lines may then be in any file. A fixture with
`# against-base` is validated against a git base without it (it is the new file).
"""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from conftest import FIXTURES

from macros.catalog.build import load_catalog

CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))
TODAY = date(2026, 6, 1)


def _commit(project) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=project,
            check=True,
        )


def run_case(case, project) -> list[str]:
    raw = case.read_bytes()
    rel = re.search(rb"^# path: (\S+)", raw, re.M).group(1).decode()
    removed = re.search(rb"^# remove-after-commit: (\S+)", raw, re.M)
    base = None
    if removed or re.search(rb"^# against-base$", raw, re.M):
        _commit(project)
        if removed:
            (project / "data" / removed.group(1).decode()).unlink()
        base = "HEAD"
    target = project / "data" / rel
    target.write_bytes(raw)
    catalog, problems = load_catalog(project, today=TODAY, base=base)
    wanted = [p for p in problems if removed or p.path == f"data/{rel}"]
    return [p.text() for p in wanted], catalog, problems


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_gets_its_golden_error(case, project):
    got, catalog, _problems = run_case(case, project)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert got == expected
    if any(line.split(": ", 2)[1].startswith("error") for line in expected):
        assert catalog is None, "a catalog must not be built when there are errors"


def test_every_fixture_has_a_golden_file():
    missing = [c.name for c in CASES if not c.with_suffix(".expected").exists()]
    assert missing == []


def test_the_base_catalogue_is_valid(project):
    catalog, problems = load_catalog(project, today=TODAY)
    assert problems == []
    assert catalog is not None
