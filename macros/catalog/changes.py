"""What changed in the data between two versions: entries and results added, changed, removed.

A result is named by its id, which is derived from what it is (model, benchmark, variant,
setting, source, locator) and not from its value or its place in a file, so a moved row is
no change and a corrected value is a change of that one result. A version is read as far as
it parses and passes the schema, without the rules, so that an old revision can be compared
after the rules have grown.
"""

from __future__ import annotations

import functools
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from macros.catalog.scores import located_scores
from macros.kinds import LOAD_ORDER

# Bookkeeping that changes without the content changing.
IGNORED_FIELDS = {"reviewed", "results", "rows"}
RESULT_FIELDS_SHOWN = ("model", "benchmark", "variant", "split", "metric", "source", "locator")


@dataclass(frozen=True)
class Snapshot:
    """One version of the data: entries by (kind, id) and results by id."""

    entries: dict[tuple[str, str], dict]
    results: dict[str, dict]


@dataclass
class Changes:
    """The difference between two snapshots, each list sorted."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # fields changed
    results_added: list[dict] = field(default_factory=list)
    results_removed: list[dict] = field(default_factory=list)
    results_changed: list[dict] = field(default_factory=list)  # result + {"changes": ...}

    def __bool__(self) -> bool:
        return any(vars(self).values())


def _result(score) -> dict:
    record = {name: getattr(score, name) for name in RESULT_FIELDS_SHOWN}
    record.update(
        id=score.id,
        value=score.value,
        n=score.n,
        ci=list(score.ci) if score.ci else None,
        stderr=score.stderr,
        origin="/".join(score.origin),
    )
    return record


def snapshot(root: Path) -> Snapshot:
    """The data under ``root/data`` as far as it loads (YAML and schema, no rules)."""
    from macros.catalog.build import load_entries

    entries, _files, _problems = load_entries(root)
    flat = {
        (kind, eid): e.obj.model_dump(mode="json")
        for kind in LOAD_ORDER
        for eid, e in entries[kind].items()
    }
    results = {}
    for located in located_scores(entries):
        results[located.score.id] = _result(located.score)
    return Snapshot(flat, results)


def snapshot_at(repo: Path, revision: str) -> Snapshot:
    """The data at a git ``revision`` of ``repo``."""
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", revision, "--", "data"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise ValueError(f"cannot read data/ at {revision!r}: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        return snapshot(Path(tmp))


def _changed_fields(old: dict, new: dict) -> list[str]:
    keys = (old.keys() | new.keys()) - IGNORED_FIELDS
    return sorted(k for k in keys if old.get(k) != new.get(k))


def _value_changes(old: dict, new: dict) -> dict:
    keys = ("value", "n", "ci", "stderr", "origin")
    return {k: [old.get(k), new.get(k)] for k in keys if old.get(k) != new.get(k)}


def diff(old: Snapshot, new: Snapshot) -> Changes:
    """What ``new`` adds, changes and removes relative to ``old``."""
    out = Changes()
    out.added = sorted(new.entries.keys() - old.entries.keys())
    out.removed = sorted(old.entries.keys() - new.entries.keys())
    for key in sorted(old.entries.keys() & new.entries.keys()):
        fields = _changed_fields(old.entries[key], new.entries[key])
        if fields:
            out.changed.append((*key, fields))
    out.results_added = [new.results[i] for i in sorted(new.results.keys() - old.results.keys())]
    out.results_removed = [old.results[i] for i in sorted(old.results.keys() - new.results.keys())]
    for rid in sorted(old.results.keys() & new.results.keys()):
        moved = _value_changes(old.results[rid], new.results[rid])
        if set(moved) - {"origin"}:  # a row moved to another file alone is no change
            out.results_changed.append({**new.results[rid], "changes": moved})
    return out


def as_json(changes: Changes, base: str, head: str) -> dict:
    """The changes as a JSON-ready document (changes.json)."""
    return {
        "base": base,
        "head": head,
        "entries": {
            "added": [{"kind": k, "id": i} for k, i in changes.added],
            "removed": [{"kind": k, "id": i} for k, i in changes.removed],
            "changed": [{"kind": k, "id": i, "fields": f} for k, i, f in changes.changed],
        },
        "results": {
            "added": changes.results_added,
            "removed": changes.results_removed,
            "changed": changes.results_changed,
        },
    }


def _describe(result: dict) -> str:
    where = result["benchmark"] + (f"/{result['variant']}" if result["variant"] else "")
    return f"{result['id']} {result['model']} on {where} ({result['metric']})"


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def as_text(changes: Changes) -> list[str]:
    """One line per change, for the terminal and the CI job summary."""
    lines = [f"+ {k}/{i}" for k, i in changes.added]
    lines += [f"- {k}/{i}" for k, i in changes.removed]
    lines += [f"~ {k}/{i}: {', '.join(f)}" for k, i, f in changes.changed]
    lines += [f"+ result {_describe(r)} = {r['value']:g}" for r in changes.results_added]
    lines += [f"- result {_describe(r)} (was {r['value']:g})" for r in changes.results_removed]
    for r in changes.results_changed:
        parts = [
            f"{k} {_shown(old)} -> {_shown(new)}"
            for k, (old, new) in r["changes"].items()
            if k != "origin"
        ]
        lines.append(
            f"~ result {_describe(r)}: {'; '.join(parts)} [source {r['source']}, {r['locator']}]"
        )
    return lines


def _git(repo: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def previous_release(repo: Path) -> str | None:
    """The newest release tag (``v*``) reachable from HEAD that does not point at HEAD."""
    tags = _git(repo, "tag", "--list", "v*", "--sort=-v:refname", "--merged", "HEAD")
    head = _git(repo, "rev-parse", "HEAD")
    for tag in (tags or "").split():
        if _git(repo, "rev-list", "-n", "1", tag) != head:
            return tag
    return None


def release_changes(repo: Path) -> dict | None:
    """The data changes from the previous release tag to the working tree, or None when no
    release has been tagged (or ``repo`` is not a git checkout)."""
    base = previous_release(repo)
    if base is None:
        return None
    commit = _git(repo, "rev-parse", f"{base}^{{commit}}") or base
    return as_json(diff(_released(str(repo), commit), snapshot(repo)), base, "this build")


@functools.lru_cache(maxsize=4)
def _released(repo: str, commit: str) -> Snapshot:
    """A release's data, read once per process: `mkdocs serve` prepares every rebuild."""
    return snapshot_at(Path(repo), commit)
