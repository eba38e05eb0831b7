"""Load and validate data/ in layers, then build the catalog.

Layers, each with its own error codes:

1. files and YAML (``yamlload``): encoding, size, syntax, duplicate keys, tags, anchors;
2. schema (``schema``): types, required fields, unknown keys, vocabularies, text rules;
3. identity: id equals the file stem, kebab-case, no collisions after case-folding;
4. cross-references: every id resolves, with a "did you mean" when it does not;
5. rules: dates, lineage, result settings and ranges, duplicates, sourced claims;
6. style (warnings, fixed by ``atlas fmt``): key order and sorted lists.

All problems are collected; the catalog is returned only when there is no error.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.catalog.store import Catalog, Score
from macros.load.problems import Problem, format_field
from macros.load.yamlload import Loaded, load_yaml
from macros.rules import redirects
from macros.rules.style import style_issues
from macros.schema import vocab
from macros.schema.entries import (
    BENCHMARK_CLAIMS,
    ID_PATTERN,
    KINDS,
    MODEL_CLAIMS,
    SINGULAR,
    Setting,
)

_ID_RE = re.compile(ID_PATTERN)

_PYDANTIC_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "literal_error": "vocab",
    "finite_number": "not-finite",
    "string_too_long": "too-long",
    "too_long": "too-long",
    "too_short": "too-short",
    "greater_than": "out-of-range",
    "greater_than_equal": "out-of-range",
    "less_than": "out-of-range",
    "less_than_equal": "out-of-range",
}


@dataclass
class Entry:
    """A file that passed the schema: its kind, model instance, raw data and positions."""

    kind: str
    id: str
    path: str
    loaded: Loaded
    obj: Any


class Collector:
    """Gathers problems with positions looked up in each file's position table."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self,
        entry: Entry | None,
        path: str,
        loc: tuple,
        code: str,
        message: str,
        *,
        key: bool = False,
        severity: str = "error",
        loaded: Loaded | None = None,
    ) -> None:
        table = entry.loaded if entry else loaded
        line, col = table.position(loc, key=key) if table else (1, 1)
        self.problems.append(Problem(path, line, col, code, format_field(loc), message, severity))


def _today() -> date:
    return datetime.now(UTC).date()


def discover(data_dir: Path, root: Path, collector: Collector) -> list[tuple[str, Path, str]]:
    """List data files as (kind, path, display path); report stray files."""
    found: list[tuple[str, Path, str]] = []
    for kind in KINDS:
        folder = data_dir / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            display = _display(path, root)
            if path.name.startswith(".") or path.name == "README.md":
                continue
            if path.is_dir() and not path.is_symlink():
                collector.problems.append(
                    Problem(
                        display,
                        1,
                        1,
                        "unexpected-file",
                        "(file)",
                        "sub-folders are not read; move the files up",
                    )
                )
                continue
            if path.suffix != ".yaml":
                collector.problems.append(
                    Problem(
                        display,
                        1,
                        1,
                        "file-extension",
                        "(file)",
                        f"data files end in .yaml; rename it to {path.stem}.yaml",
                    )
                )
                continue
            found.append((kind, path, display))
    return found


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _schema_problems(
    exc: ValidationError, model: type[BaseModel], loaded: Loaded, path: str
) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in str(p))
        etype = err["type"]
        code = _PYDANTIC_CODES.get(etype)
        if code is None:
            code = etype if "-" in etype else "type"
        message = err["msg"]
        key = False
        if etype == "extra_forbidden":
            key = True
            known = _fields_at(model, loc[:-1])
            hint = difflib.get_close_matches(str(loc[-1]), known, n=1)
            message = f"unknown field '{loc[-1]}'"
            message += f" (did you mean '{hint[0]}'?)" if hint else f"; allowed: {', '.join(known)}"
        elif etype == "missing":
            message = f"required field '{loc[-1]}' is missing"
            line, col = loaded.position(loc[:-1])
            out.append(Problem(path, line, col, code, format_field(loc), message))
            continue
        elif etype == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            options = re.findall(r"'([^']*)'", expected)
            hint = difflib.get_close_matches(str(err.get("input")), options, n=1)
            message = f"'{_short(err.get('input'))}' is not allowed; expected one of: {', '.join(options)}"
            if hint:
                message += f" (did you mean '{hint[0]}'?)"
        elif code == "type":
            message = _type_message(err)
        elif code == "not-finite":
            message = "must be a finite number (not .nan or .inf)"
        line, col = loaded.position(loc, key=key)
        out.append(Problem(path, line, col, code, format_field(loc), message))
    return out


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_message(err: dict) -> str:
    etype = err["type"]
    got = err.get("input")
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping (key: value), got {_kind_of(got)}"
    if etype == "list_type":
        return f"expected a list, got {_kind_of(got)}"
    if etype in ("string_type",):
        return f"expected text, got {_kind_of(got)}"
    if etype in ("bool_type", "bool_parsing"):
        return f"expected true or false, got '{_short(got)}'"
    if etype in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        return f"expected a number, got '{_short(got)}'"
    return err["msg"]


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{_short(value)}'"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    from macros.rules.style import _submodel

    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        sub = _submodel(info.annotation)
        if sub is None:
            return []
        current = sub
    return list(current.model_fields)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class _Refs:
    """Resolves references of one kind, with suggestions for typos and names."""

    def __init__(self, entries: dict[str, Entry]):
        self.ids = set(entries)
        self.by_name: dict[str, str] = {}
        for eid, e in entries.items():
            for name in [getattr(e.obj, "name", None), *getattr(e.obj, "aliases", [])]:
                if name:
                    self.by_name.setdefault(_slug(name), eid)

    def suggest(self, ref: str) -> str | None:
        if _slug(ref) in self.by_name:
            return self.by_name[_slug(ref)]
        close = difflib.get_close_matches(ref, sorted(self.ids), n=1, cutoff=0.75)
        return close[0] if close else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _norm(text)).strip("-")


def _future(value: str, today: date) -> bool:
    parts = [int(x) for x in value.split("-")]
    start = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return start > today


def load_catalog(
    root: Path, *, today: date | None = None, style: bool = True, base: str | None = None
) -> tuple[Catalog | None, list[Problem]]:
    """Validate everything under ``root/data``; return (catalog or None, problems).

    With ``base`` (a git revision), ids that existed there and are gone now must have a
    redirect in data/redirects.yaml.
    """
    today = today or _today()
    data_dir = root / "data"
    collector = Collector()
    files = discover(data_dir, root, collector)

    # Layers 1-2: YAML and schema, file by file.
    entries: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
    stems: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for kind, path, display in files:
        loaded = load_yaml(path, display, positions=False)
        collector.problems.extend(loaded.problems)
        if loaded.data is None:
            continue
        model = KINDS[kind]
        try:
            obj = model.model_validate(loaded.data)
        except ValidationError as exc:
            collector.problems.extend(_schema_problems(exc, model, loaded, display))
            continue
        entry = Entry(kind, obj.id, display, loaded, obj)
        # Layer 3: identity.
        stem = path.stem
        if stem != obj.id:
            collector.add(
                entry,
                display,
                ("id",),
                "filename-mismatch",
                f"the file name must be the id: rename the file to {obj.id}.yaml",
            )
            continue
        folded = _norm(stem)
        if folded in stems[kind]:
            collector.add(
                entry,
                display,
                ("id",),
                "id-collision",
                f"'{stem}' collides with '{stems[kind][folded]}' after case-folding",
            )
            continue
        stems[kind][folded] = display
        if not _ID_RE.match(stem):
            collector.add(entry, display, ("id",), "id-format", f"'{stem}' is not a kebab-case id")
            continue
        entries[kind][obj.id] = entry
        if style:
            for loc, code, message in style_issues(loaded.data, model):
                collector.add(entry, display, loc, code, message, key=True, severity="warning")

    # Layers 4-5: references and rules.
    refs = {kind: _Refs(entries[kind]) for kind in KINDS}
    scores: list[Score] = []
    _check_all(entries, refs, collector, today, scores)

    now = {
        kind: set(entries[kind]) | {Path(f[1]).stem for f in files if f[0] == kind}
        for kind in KINDS
    }
    moved, redirect_problems = redirects.load(root, now)
    collector.problems.extend(redirect_problems)
    if base:
        try:
            before = redirects.ids_at(root, base)
        except ValueError as exc:
            collector.problems.append(Problem(redirects.PATH, 1, 1, "base", "(file)", str(exc)))
        else:
            collector.problems.extend(redirects.removed_without_redirect(before, now, moved, base))

    problems = sorted(
        set(collector.problems), key=lambda p: (p.path, p.line, p.col, p.code, p.field)
    )
    if any(p.severity == "error" for p in problems):
        return None, problems
    catalog = Catalog()
    for kind, by_id in entries.items():
        store = catalog.kind(kind)
        for eid in sorted(by_id):
            store[eid] = by_id[eid].obj
            catalog.files[(kind, eid)] = by_id[eid].path
    catalog.scores = sorted(
        scores, key=lambda s: (s.benchmark, s.variant or "", s.model, s.source, s.locator, s.value)
    )
    catalog.redirects = moved
    catalog.derive()
    return catalog, problems


def _check_all(entries, refs, collector: Collector, today: date, scores: list[Score]) -> None:
    def ref(entry: Entry, loc: tuple, kind: str, value: str | None) -> bool:
        if value is None or value in refs[kind].ids:
            return value is not None
        hint = refs[kind].suggest(value)
        message = f"no {SINGULAR[kind]} '{value}'"
        message += f" (did you mean '{hint}'?)" if hint else f" in data/{kind}/"
        collector.add(entry, entry.path, loc, "unknown-ref", message)
        return False

    def dates(entry: Entry, obj) -> None:
        for name in ("added", "reviewed", "released"):
            value = getattr(obj, name, None)
            if value and _future(value, today):
                collector.add(
                    entry, entry.path, (name,), "date-future", f"{value} is in the future"
                )
        if obj.reviewed < obj.added:
            collector.add(
                entry, entry.path, ("reviewed",), "date-order", "reviewed is before added"
            )

    def claims(entry: Entry, obj, allowed: tuple[str, ...]) -> None:
        covered: set[str] = set()
        for i, src in enumerate(obj.sources):
            ref(entry, ("sources", i, "source"), "papers", src.source)
            for j, name in enumerate(src.supports):
                if name not in allowed:
                    hint = difflib.get_close_matches(name, allowed, n=1)
                    collector.add(
                        entry,
                        entry.path,
                        ("sources", i, "supports", j),
                        "unknown-claim",
                        f"'{name}' is not a claim field"
                        + (f" (did you mean '{hint[0]}'?)" if hint else ""),
                    )
                covered.add(name)
        for i, name in enumerate(obj.not_stated):
            if getattr(obj, name) not in (None, [], ""):
                collector.add(
                    entry,
                    entry.path,
                    ("not_stated", i),
                    "not-stated-filled",
                    f"'{name}' has a value; remove it from not_stated or remove the value",
                )
        for name in allowed:
            value = getattr(obj, name)
            if value not in (None, [], "") and name not in covered:
                collector.add(
                    entry,
                    entry.path,
                    (name,),
                    "unsourced-claim",
                    f"no entry in sources: lists '{name}' in its supports; cite where you read it",
                )

    seen_scores: dict[tuple, tuple[Entry, tuple]] = {}

    def score(
        entry: Entry, loc: tuple, model_id: str, row, source: str, locator: str, setting: Setting
    ) -> None:
        ok = ref(entry, (*loc, "benchmark"), "benchmarks", row.benchmark)
        if ok:
            bench = entries["benchmarks"][row.benchmark].obj
            variant_ids = [v.id for v in bench.variants]
            if row.variant is None and variant_ids:
                collector.add(
                    entry,
                    entry.path,
                    (*loc, "benchmark"),
                    "missing-variant",
                    f"{bench.name} has variants; say which: {', '.join(variant_ids)}",
                )
            elif row.variant is not None and row.variant not in variant_ids:
                hint = difflib.get_close_matches(row.variant, variant_ids, n=1)
                collector.add(
                    entry,
                    entry.path,
                    (*loc, "variant"),
                    "unknown-variant",
                    f"{bench.name} has no variant '{row.variant}'"
                    + (
                        f" (did you mean '{hint[0]}'?)"
                        if hint
                        else f"; known: {', '.join(variant_ids) or 'none'}"
                    ),
                )
            if row.metric not in bench.metrics:
                collector.add(
                    entry,
                    entry.path,
                    (*loc, "metric"),
                    "metric-mismatch",
                    f"{bench.name} is scored with {', '.join(bench.metrics)}, not {row.metric}",
                )
        if row.cites is not None:
            ref(entry, (*loc, "cites", "source"), "papers", row.cites.source)
        if row.contamination is not None:
            ref(entry, (*loc, "contamination", "source"), "papers", row.contamination.source)
        metric = vocab.METRIC_BY_ID[row.metric]
        if not metric.low <= row.value <= metric.high:
            collector.add(
                entry,
                entry.path,
                (*loc, "value"),
                "value-range",
                f"{row.value:g} is outside {metric.label}'s range {metric.low:g}-{metric.high:g} ({metric.unit})",
            )
        if setting.prompting == "ensemble" and setting.samples is not None and setting.samples < 2:
            collector.add(
                entry,
                entry.path,
                (*loc, "setting", "samples"),
                "setting",
                "an ensemble aggregates 2 or more samples",
            )
        model = entries["models"].get(model_id)
        reported_by = "authors" if model and source in model.obj.papers else "third-party"
        s = Score(
            model=model_id,
            benchmark=row.benchmark,
            variant=row.variant,
            split=row.split,
            metric=row.metric,
            value=row.value,
            setting=setting,
            source=source,
            locator=locator,
            note=row.note,
            reported_by=reported_by,
            origin=(entry.kind, entry.id),
        )
        if s.identity in seen_scores:
            first, first_loc = seen_scores[s.identity]
            line = first.loaded.position(first_loc)[0]
            collector.add(
                entry,
                entry.path,
                loc,
                "duplicate-result",
                f"the same result is already recorded in {first.path}:{line}",
            )
            return
        seen_scores[s.identity] = (entry, loc)
        scores.append(s)

    # Papers: an identifier, and no two entries for the same work.
    identifiers: dict[tuple[str, str], Entry] = {}
    for entry in entries["papers"].values():
        p = entry.obj
        dates(entry, p)
        if not (p.arxiv or p.doi or p.url):
            collector.add(
                entry,
                entry.path,
                ("title",),
                "source-identifier",
                "give an arxiv id, a doi or an https url",
            )
        for name in ("arxiv", "doi"):
            value = getattr(p, name)
            if value:
                key = (name, value.lower())
                if key in identifiers:
                    collector.add(
                        entry,
                        entry.path,
                        (name,),
                        "duplicate-source",
                        f"{identifiers[key].path} already has {name} {value}",
                    )
                else:
                    identifiers[key] = entry

    for entry in entries["organisations"].values():
        dates(entry, entry.obj)

    for entry in entries["techniques"].values():
        t = entry.obj
        dates(entry, t)
        ref(entry, ("parent",), "techniques", t.parent)
        for i, r in enumerate(t.related):
            ref(entry, ("related", i), "techniques", r)
        for i, p in enumerate(t.papers):
            ref(entry, ("papers", i), "papers", p)
        # Parent chains must end.
        seen, cur = {t.id}, t.parent
        while cur and cur in entries["techniques"]:
            if cur in seen:
                collector.add(
                    entry, entry.path, ("parent",), "cycle", "parent techniques form a cycle"
                )
                break
            seen.add(cur)
            cur = entries["techniques"][cur].obj.parent

    for entry in entries["applications"].values():
        dates(entry, entry.obj)
        for i, t in enumerate(entry.obj.techniques):
            ref(entry, ("techniques", i), "techniques", t)

    for entry in entries["benchmarks"].values():
        b = entry.obj
        dates(entry, b)
        claims(entry, b, BENCHMARK_CLAIMS)
        for field in ("organisations", "applications", "papers"):
            target = {
                "organisations": "organisations",
                "applications": "applications",
                "papers": "papers",
            }[field]
            for i, value in enumerate(getattr(b, field)):
                ref(entry, (field, i), target, value)
        ids = [v.id for v in b.variants]
        for i, vid in enumerate(ids):
            if ids.index(vid) != i:
                collector.add(
                    entry,
                    entry.path,
                    ("variants", i, "id"),
                    "duplicate-variant",
                    f"variant '{vid}' is listed twice",
                )

    for entry in entries["models"].values():
        m = entry.obj
        dates(entry, m)
        claims(entry, m, MODEL_CLAIMS)
        if m.kind == "medical" and m.survey_type is None:
            collector.add(
                entry,
                entry.path,
                ("kind",),
                "survey-type",
                "a medical model needs exactly one survey_type: "
                + ", ".join(vocab.ids("survey_type")),
            )
        if m.kind == "general" and m.survey_type is not None:
            collector.add(
                entry,
                entry.path,
                ("survey_type",),
                "survey-type",
                "survey_type is only for medical models",
            )
        for field, target in (
            ("organisations", "organisations"),
            ("base_models", "models"),
            ("techniques", "techniques"),
            ("applications", "applications"),
            ("papers", "papers"),
        ):
            for i, value in enumerate(getattr(m, field)):
                ref(entry, (field, i), target, value)
        if m.id in m.base_models:
            collector.add(
                entry, entry.path, ("base_models",), "cycle", "a model cannot be its own base"
            )
        else:
            # Walk up the lineage; a revisit means a cycle.
            stack, seen = list(m.base_models), set()
            while stack:
                cur = stack.pop()
                if cur == m.id:
                    collector.add(
                        entry, entry.path, ("base_models",), "cycle", "base models form a cycle"
                    )
                    break
                if cur in seen or cur not in entries["models"]:
                    continue
                seen.add(cur)
                stack.extend(entries["models"][cur].obj.base_models)
        for i, r in enumerate(m.results):
            loc = ("results", i)
            ref(entry, (*loc, "source"), "papers", r.source)
            score(entry, loc, m.id, r, r.source, r.locator, r.setting)

    for entry in entries["results"].values():
        t = entry.obj
        dates(entry, t)
        ref(entry, ("source",), "papers", t.source)
        for i, row in enumerate(t.rows):
            loc = ("rows", i)
            if not ref(entry, (*loc, "model"), "models", row.model):
                continue
            setting = t.setting
            if row.setting is not None:
                setting = t.setting.model_copy(
                    update={k: getattr(row.setting, k) for k in row.setting.model_fields_set}
                )
            score(entry, loc, row.model, row, t.source, row.locator or t.locator, setting)
