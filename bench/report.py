"""The benchmark's results table and the targets it is checked against."""

from __future__ import annotations

TARGETS = {
    "ratio": 1.20,
    "linearity": 5.5,
    "build_5000": 40.0,
    "validate_5000": 3.0,
    "entry_kb": 40.0,
    "index_per_entry_kb": 1.5,
    "real_build": 8.0,
    "serve_rebuild": 5.0,
}


def table(rows: list[dict], real: dict | None, serve: float | None) -> str:
    out = [
        "| N models | entries | atlas build (s) | bare MkDocs (s) | atlas ÷ bare | validation (s) | peak memory, all processes (MB) atlas / bare | site (MB) | search index (KB) | index per entry (KB) | median entry page (KB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['n']:,} | {r['entries']:,} | {r['atlas']:.2f} | {r['baseline']:.2f} | "
            f"{r['atlas'] / r['baseline']:.2f} | {r['validate']:.2f} | {r['rss_mb']:.0f} / {r['base_rss_mb']:.0f} | "
            f"{r['site_mb']:.1f} | {r['index_kb']:.0f} | {r['index_kb'] / r['entries']:.2f} | {r['entry_kb']:.1f} |"
        )
    lines = ["\n".join(out), ""]
    by_n = {r["n"]: r for r in rows}
    checks = []
    checks.append(
        (
            "atlas ÷ bare MkDocs at every N",
            max(r["atlas"] / r["baseline"] for r in rows),
            TARGETS["ratio"],
            "×",
        )
    )
    if 1000 in by_n and 5000 in by_n:
        checks.append(
            (
                "build at 5,000 ÷ build at 1,000",
                by_n[5000]["atlas"] / by_n[1000]["atlas"],
                TARGETS["linearity"],
                "×",
            )
        )
    if 5000 in by_n:
        checks.append(("5,000-model build", by_n[5000]["atlas"], TARGETS["build_5000"], "s"))
        checks.append(
            ("validation of 5,000 models", by_n[5000]["validate"], TARGETS["validate_5000"], "s")
        )
    checks.append(
        ("largest median entry page", max(r["entry_kb"] for r in rows), TARGETS["entry_kb"], "KB")
    )
    checks.append(
        (
            "search index per entry",
            max(r["index_kb"] / r["entries"] for r in rows),
            TARGETS["index_per_entry_kb"],
            "KB",
        )
    )
    if real:
        checks.append(
            (
                f"real site build ({real['entries']} entries, {real['pages']} pages)",
                real["wall"],
                TARGETS["real_build"],
                "s",
            )
        )
        checks.append(
            (
                "real site: search index per entry",
                real["index_kb"] / real["entries"],
                TARGETS["index_per_entry_kb"],
                "KB",
            )
        )
        checks.append(("real site: median entry page", real["entry_kb"], TARGETS["entry_kb"], "KB"))
    if serve is not None:
        checks.append(
            ("serve rebuild after one YAML edit (real data)", serve, TARGETS["serve_rebuild"], "s")
        )
    lines.append("| target | measured | limit | met |")
    lines.append("|---|---:|---:|:---:|")
    for name, value, limit, unit in checks:
        lines.append(
            f"| {name} | {value:.2f} {unit} | {limit:g} {unit} | {'yes' if value <= limit else 'NO'} |"
        )
    return "\n".join(lines) + "\n"


def write_section(readme, heading: str, text: str) -> None:
    """Put ``text`` under ``## heading`` in ``readme`` (a Path), replacing that section only."""
    marker = f"## {heading}"
    old = readme.read_text(encoding="utf-8")
    head, _, rest = old.partition(marker)
    tail = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    new = f"{head.rstrip()}\n\n{marker}\n\n{text.strip()}\n"
    readme.write_text(new + (f"\n## {tail}" if tail else ""), encoding="utf-8")
