"""Validation cost of one data file against its size: the text rules must be linear.

Writes a result table of growing size whose every text field is adversarial (runs of
``{=``, brackets, long lines near the length limits), validates it inside a small
synthetic project, and reports seconds per KB; a linear validator keeps that ratio flat.
Usage: ``python bench/validate_file.py [--write bench/README.md]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "support"))
sys.path.insert(0, str(HERE.parent))

from report import write_section  # noqa: E402
from synth import write_catalog  # noqa: E402

from macros.catalog.build import load_catalog  # noqa: E402

NOTE = ("{=" * 74)[:148]  # a Line field near its limit, the old attribute-list worst case
LOCATOR = ("[" * 80 + "]" * 79)[:159]


def table(rows: int) -> str:
    lines = [
        "id: bench-table",
        "name: Adversarial table",
        "source: syn-paper-00001",
        "locator: Table 1",
        "rows:",
    ]
    for i in range(rows):
        lines += [
            "  - model: syn-model-00001",
            "    benchmark: medqa",
            "    variant: a",
            "    metric: accuracy",
            f"    value: {i % 100}",
            f"    locator: '{LOCATOR} {i}'",
            f"    note: '{NOTE}'",
        ]
    lines += ["added: 2026-01-15", "reviewed: 2026-01-15"]
    return "\n".join(lines) + "\n"


def measure(rows: int, work: Path, repeat: int = 3) -> tuple[float, float]:
    project = work / f"p{rows}"
    shutil.copytree(work / "base", project)
    path = project / "data" / "results" / "bench-table.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(table(rows))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        load_catalog(project, style=False)
        times.append(time.perf_counter() - started)
    return path.stat().st_size / 1024, statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_catalog(work / "base" / "data", 12)
        _, empty = measure(0, work)
        rows = []
        for n in (60, 150, 580):  # files up to the loader's 256 KiB limit
            kb, seconds = measure(n, work)
            rows.append((n, kb, seconds - empty))
    out = [
        "| rows | file (KB) | validation of the file (s) | s per 100 KB |",
        "|---:|---:|---:|---:|",
    ]
    out += [f"| {n:,} | {kb:,.0f} | {s:.3f} | {100 * s / kb:.3f} |" for n, kb, s in rows]
    ratio = (rows[-1][2] / rows[-1][1]) / (rows[0][2] / rows[0][1])
    out.append("")
    out.append(
        f"Cost per KB at the largest size ÷ at the smallest: {ratio:.2f} (1.0 is linear). Every "
        "text field is adversarial (runs of `{=` and brackets near the length limits)."
    )
    text = "\n".join(out)
    print(text)
    if args.write:
        write_section(args.write, "Validating one file", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
