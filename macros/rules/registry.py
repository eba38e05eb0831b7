"""The rule registry: every check that runs after the schema, as (code, scope, check).

A rule is a function registered with ``@rule(code, scope=...)``; its docstring names its
code and says what it checks. Scopes:

- a kind's folder name (``"models"``): called as ``check(ctx, entry)`` for each entry;
- ``RESULT``: called as ``check(ctx, located)`` for every result row, wherever written;
- ``CATALOG``: called once as ``check(ctx)``, for rules over the whole data set.

``run_rules`` runs them all and returns the problems; their order does not matter,
because the caller sorts the problems.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from macros.kinds import LOAD_ORDER, singular
from macros.load.entry import Entry
from macros.load.problems import Problem, format_field

RESULT = "result"
CATALOG = "catalog"


@dataclass(frozen=True)
class Rule:
    """One registered check."""

    code: str
    scope: str
    check: Callable
    family: str  # the module the rule lives in: identity, dates, results...

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: list[Rule] = []


def rule(code: str, *, scope: str | tuple[str, ...]) -> Callable[[Callable], Callable]:
    """Register ``check`` under ``code`` for ``scope`` (or for each scope of a tuple)."""

    def register(check: Callable) -> Callable:
        family = check.__module__.rsplit(".", 1)[-1]
        for one in (scope,) if isinstance(scope, str) else scope:
            RULES.append(Rule(code, one, check, family))
        return check

    return register


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _norm(text)).strip("-")


class Refs:
    """Resolves references to one kind, with suggestions for typos and names."""

    def __init__(self, entries: dict[str, Entry], unread: set[str] = frozenset()):
        # A file that failed the schema still names its id (its file name): references to
        # it are not reported again as unknown, its own problems say what is wrong.
        self.ids = set(entries) | set(unread)
        self.by_name: dict[str, str] = {}
        for eid, e in entries.items():
            for name in [getattr(e.obj, "name", None), *getattr(e.obj, "aliases", [])]:
                if name:
                    self.by_name.setdefault(_slug(name), eid)

    def suggest(self, ref: str) -> str | None:
        """The id the author probably meant: same name or alias, else the closest id."""
        if _slug(ref) in self.by_name:
            return self.by_name[_slug(ref)]
        close = difflib.get_close_matches(ref, sorted(self.ids), n=1, cutoff=0.75)
        return close[0] if close else None


GAPS_GUIDE = "CONTRIBUTING.md#when-the-source-does-not-say"


@dataclass
class Context:
    """What rules see: the entries that passed the schema, result rows, and a problem list."""

    root: Path
    entries: dict[str, dict[str, Entry]]
    located: list  # LocatedScore rows, in file order (see catalog.scores)
    today: date
    base: str | None = None
    files: list[tuple[str, Path, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refs: dict[str, Refs] = field(default_factory=dict)
    redirects: dict[str, dict[str, str]] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # per-run caches shared by rules

    def __post_init__(self) -> None:
        stems = {kind: set() for kind in LOAD_ORDER}
        for kind, path, _display in self.files:
            stems[kind].add(Path(path).stem)
        self.refs = {kind: Refs(self.entries[kind], stems[kind]) for kind in LOAD_ORDER}

    def report(
        self,
        entry: Entry,
        loc: tuple,
        code: str,
        message: str,
        *,
        key: bool = False,
        severity: str = "error",
        about: tuple[str, ...] = (),
    ) -> None:
        """Record a problem at ``loc`` (a field path) in ``entry``'s file. ``about`` names
        other fields the problem concerns: on a partial entry, a problem about a value the
        schema left out is not reported again."""
        if entry.left_out and entry.about_left_out((format_field(loc), *about)):
            return
        line, col = entry.position(loc, key=key)
        self.problems.append(
            Problem(entry.path, line, col, code, format_field(loc), message, severity)
        )

    def resolve(self, entry: Entry, loc: tuple, kind: str, value: str | None) -> bool:
        """True when ``value`` names an entry of ``kind``; else report ``unknown-ref``."""
        if value is None or value in self.refs[kind].ids:
            return value is not None
        hint = self.refs[kind].suggest(value)
        message = f"no {singular(kind)} '{value}'"
        if hint:
            message += f" (did you mean '{hint}'?)"
        else:
            message += (
                f' in data/{kind}/: add it with `atlas new {singular(kind)} "<name>"`, or leave '
                f"this out if it is outside the atlas ({GAPS_GUIDE})"
            )
        self.report(entry, loc, "unknown-ref", message)
        return False

    def obj(self, kind: str, eid: str):
        """The schema object of an entry, or None."""
        found = self.entries[kind].get(eid)
        return found.obj if found else None


def run_rules(ctx: Context, *, style: bool = True) -> list[Problem]:
    """Run every registered rule over ``ctx``; return the problems they found."""
    _import_families()
    for r in RULES:
        if r.family == "style" and not style:
            continue
        if r.scope == CATALOG:
            r.check(ctx)
        elif r.scope == RESULT:
            for located in ctx.located:
                if not located.entry.unfilled:
                    r.check(ctx, located)
        else:
            for entry in ctx.entries[r.scope].values():
                if not entry.unfilled:
                    r.check(ctx, entry)
    return ctx.problems


FAMILIES = (
    "identity",
    "references",
    "dates",
    "claims",
    "results",
    "sources",
    "lineage",
    "survey",
    "redirects",
    "plausibility",
    "style",
)


def _import_families() -> None:
    """Import every family module once, which registers its rules."""
    import importlib

    for name in FAMILIES:
        importlib.import_module(f"macros.rules.{name}")
