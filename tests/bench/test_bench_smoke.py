"""The build benchmark runs end to end at a small size (no assertion on time)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BUILD_ENV, ROOT

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("bench")]


def test_the_benchmark_produces_its_table_at_n_300(tmp_path):
    out = tmp_path / "bench.md"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--sizes",
            "300",
            "--repeat",
            "1",
            "--no-real",
            "--write",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    table = out.read_text()
    assert "<!-- results -->" in table
    row = next(line for line in table.splitlines() if line.startswith("| 300 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 11 and all(cells), row
    assert "| target | measured | limit | met |" in table
