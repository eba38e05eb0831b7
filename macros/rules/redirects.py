"""Renamed or removed entries keep their old address.

``data/redirects.yaml`` maps, per kind, an old id to the id that replaces it::

    models:
      med-palm2: med-palm-2

``check`` validates the file and, given the ids that existed at a git revision (``atlas
validate --base origin/main``), reports every id that disappeared without a redirect.
The build writes a small page at each old address that forwards to the new one.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from macros.kinds import LOAD_ORDER as KINDS
from macros.kinds import singular
from macros.load.problems import Problem
from macros.load.yamlload import load_yaml
from macros.rules.registry import CATALOG, Context, rule
from macros.schema.types import ID_PATTERN, RESERVED_IDS

PATH = "data/redirects.yaml"
# Names whose forwarding page would overwrite a page of the site: section indexes, the
# special pages, the site's own folders, and every reserved id.
RESERVED_PAGES = (
    RESERVED_IDS
    | {
        "index",
        "compare",
        "lineage",
        "disagreements",
        "download",
        "methodology",
        "survey",
        "contributing",
        "changes",
        "wanted",
        "404",
    }
    | set(KINDS)
)
_ID = re.compile(ID_PATTERN)


def load(root: Path, ids: dict[str, set[str]]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Read and check data/redirects.yaml against the current ids of each kind."""
    path = root / PATH
    if not path.exists():
        return {}, []
    loaded = load_yaml(path, PATH)
    if loaded.data is None:
        return {}, loaded.problems
    problems: list[Problem] = []
    out: dict[str, dict[str, str]] = {}

    def add(loc: tuple, code: str, message: str) -> None:
        line, col = loaded.position(loc)
        field = ".".join(str(p) for p in loc) or "(file)"
        problems.append(Problem(PATH, line, col, code, field, message))

    for kind, table in loaded.data.items():
        if kind not in KINDS:
            add((kind,), "unknown-field", f"'{kind}' is not a kind; use one of {', '.join(KINDS)}")
            continue
        if not isinstance(table, dict):
            add((kind,), "type", "expected a mapping of old id: new id")
            continue
        for old, new in table.items():
            if not isinstance(new, str) or not _ID.match(new) or not _ID.match(old):
                add((kind, old), "id-format", "old and new ids must be kebab-case ids")
            elif old in RESERVED_PAGES or (root / "docs" / kind / f"{old}.md").exists():
                add(
                    (kind, old),
                    "redirect-reserved",
                    f"'{old}' names a page of the site ({kind}/{old}); a redirect may not "
                    "replace it",
                )
            elif old in ids[kind]:
                add(
                    (kind, old),
                    "redirect-shadows",
                    f"'{old}' still exists; remove the redirect or the entry",
                )
            elif new not in ids[kind]:
                add((kind, old), "unknown-ref", f"no {singular(kind)} '{new}' to redirect to")
            else:
                out.setdefault(kind, {})[old] = new
    return out, problems


def ids_at(root: Path, revision: str) -> dict[str, set[str]]:
    """The entry ids of each kind at a git revision (empty when git cannot say)."""
    result = subprocess.run(
        ["git", "-C", str(root), "ls-tree", "-r", "--name-only", revision, "--", "data/"],
        capture_output=True,
        text=True,
    )
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    if result.returncode != 0:
        raise ValueError(f"git cannot list data/ at '{revision}': {result.stderr.strip()}")
    for name in result.stdout.splitlines():
        parts = name.split("/")
        if len(parts) == 3 and parts[1] in KINDS and parts[2].endswith(".yaml"):
            found[parts[1]].add(parts[2][: -len(".yaml")])
    return found


def removed_without_redirect(
    before: dict[str, set[str]],
    now: dict[str, set[str]],
    redirects: dict[str, dict[str, str]],
    revision: str,
) -> list[Problem]:
    """An error for every id of ``before`` that is gone from ``now`` with no redirect."""
    problems = []
    for kind in KINDS:
        for old in sorted(before.get(kind, set()) - now[kind]):
            if old not in redirects.get(kind, {}):
                problems.append(
                    Problem(
                        f"data/{kind}/{old}.yaml",
                        1,
                        1,
                        "removed-id",
                        "(file)",
                        f"'{old}' existed at {revision} and was removed; add '{old}: <new id>' "
                        f"under '{kind}:' in {PATH} so its address keeps working",
                    )
                )
    return problems


def _current_ids(ctx: Context) -> dict[str, set[str]]:
    """Ids in use now: every admitted entry and every data file's stem."""
    return {
        kind: set(ctx.entries[kind]) | {Path(f[1]).stem for f in ctx.files if f[0] == kind}
        for kind in KINDS
    }


@rule("redirect-shadows", scope=CATALOG)
def redirects_resolve(ctx: Context) -> None:
    """redirect-shadows (and unknown-ref, id-format, unknown-field, type in
    data/redirects.yaml): each redirect maps a gone id to an existing one of its kind."""
    moved, problems = load(ctx.root, _current_ids(ctx))
    ctx.redirects = moved
    ctx.problems.extend(problems)


def base_ids(ctx: Context) -> dict[str, set[str]]:
    """The ids of each kind at ``ctx.base``, listed once per run for every rule that needs
    them; ValueError when git cannot list data/ there."""
    if "base_ids" not in ctx.memo:
        try:
            ctx.memo["base_ids"] = ids_at(ctx.root, ctx.base)
        except ValueError as exc:
            ctx.memo["base_ids"] = exc
    found = ctx.memo["base_ids"]
    if isinstance(found, ValueError):
        raise found
    return found


@rule("removed-id", scope=CATALOG)
def removed_ids_redirect(ctx: Context) -> None:
    """removed-id (with ``--base REV``): an id that existed at REV and is gone has a redirect;
    ``base`` when git cannot list data/ at REV."""
    if not ctx.base:
        return
    try:
        before = base_ids(ctx)
    except ValueError as exc:
        ctx.problems.append(Problem(PATH, 1, 1, "base", "(file)", str(exc)))
        return
    now = _current_ids(ctx)
    # The resolve rule runs first (registry order) and records the valid redirects.
    ctx.problems.extend(removed_without_redirect(before, now, ctx.redirects, ctx.base))
