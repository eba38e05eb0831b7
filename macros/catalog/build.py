"""From data/ to a Catalog: load every file, flatten the results, run the rules, assemble.

1. load (``macros.load``): discover files; strict YAML; the schema; the file name is the id;
2. flatten: every result row becomes a ``Score`` with its provenance (``catalog.scores``);
3. rules (``macros.rules``): references, dates, claims, results, sources, lineage, survey
   types, redirects and style, each a registered rule with its own error code;
4. assemble: when there is no error, the Catalog and every derived cross-link.

All problems are collected and sorted; the catalog is returned only when none is an error.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from macros.catalog.scores import located_scores, with_derived_n
from macros.catalog.store import Catalog
from macros.kinds import LOAD_ORDER
from macros.load.discover import discover
from macros.load.entry import Entry
from macros.load.problems import Problem
from macros.load.schema_errors import read_entry
from macros.rules.identity import filename_mismatch
from macros.rules.registry import Context, run_rules


def _today() -> date:
    return datetime.now(UTC).date()


def load_entries(root: Path) -> tuple[dict[str, dict[str, Entry]], list, list[Problem]]:
    """Every data file that passes YAML, the schema and the name check, by kind and id."""
    files, problems = discover(root)
    entries: dict[str, dict[str, Entry]] = {kind: {} for kind in LOAD_ORDER}
    for kind, path, display in files:
        entry, _loaded, found = read_entry(kind, path, display)
        problems.extend(found)
        if entry is None:
            continue
        message = filename_mismatch(entry, path.stem)
        if message:
            line, col = entry.position(("id",))
            problems.append(Problem(display, line, col, "filename-mismatch", "id", message))
            continue
        entries[kind][entry.id] = entry
    return entries, files, problems


def load_catalog(
    root: Path, *, today: date | None = None, style: bool = True, base: str | None = None
) -> tuple[Catalog | None, list[Problem]]:
    """Validate everything under ``root/data``; return (catalog or None, problems).

    With ``base`` (a git revision), ids that existed there and are gone now must have a
    redirect in data/redirects.yaml.
    """
    entries, files, problems = load_entries(root)
    located = located_scores(entries)
    ctx = Context(root, entries, located, today or _today(), base, files)
    problems.extend(run_rules(ctx, style=style))
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.code, p.field))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return assemble(entries, [x.score for x in located], ctx.redirects), problems


def assemble(entries: dict[str, dict[str, Entry]], scores: list, redirects: dict) -> Catalog:
    """The Catalog of valid entries and scores, with every cross-link derived."""
    catalog = Catalog()
    for kind, by_id in entries.items():
        store = catalog.kind(kind)
        for eid in sorted(by_id):
            store[eid] = by_id[eid].obj
            catalog.files[(kind, eid)] = by_id[eid].path
    benchmarks = {bid: e.obj for bid, e in entries["benchmarks"].items()}
    scores = [with_derived_n(s, benchmarks.get(s.benchmark)) for s in scores]
    catalog.scores = sorted(
        scores, key=lambda s: (s.benchmark, s.variant or "", s.model, s.source, s.locator, s.value)
    )
    catalog.redirects = redirects
    catalog.derive()
    return catalog
