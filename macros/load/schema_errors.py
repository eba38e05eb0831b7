"""Read one data file: strict YAML, then the schema, with every problem positioned."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.kinds import model_of
from macros.load.entry import Entry
from macros.load.partial import placeholder_paths, salvage, without
from macros.load.problems import Problem, format_field
from macros.load.yamlload import Loaded, load_yaml
from macros.schema.fields import submodel

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


# What a required field holds, for the "is missing" message.
MISSING_HINTS = {
    "source": "the id of the source you read it in, an entry in data/papers/ "
    "(add one with `atlas new paper <arXiv id, DOI or URL>`)",
    "locator": "where in the source you read it, e.g. 'Table 3' or 'README, Evaluation'",
    "benchmark": "an id in data/benchmarks/, e.g. medqa",
    "metric": "one of the benchmark's metrics, e.g. accuracy",
    "value": "the number as the source prints it, in the metric's unit",
    "summary": "two to four sentences in your own words",
    "added": "today's date, YYYY-MM-DD",
    "reviewed": "the date you last checked the entry against its sources, YYYY-MM-DD",
    "kind": "medical, or general for base models and baselines",
    "supports": "the claim fields this source backs, e.g. [parameters, released]",
}
PLACEHOLDER_MESSAGE = "fill in or remove (a template value in angle brackets)"


def read_entry(kind: str, path: Path, display: str) -> tuple[Entry | None, Loaded, list[Problem]]:
    """Parse and validate one file, reporting every problem of both layers.

    The entry is None when nothing usable is left (a syntax error, or a required top-level
    field that is wrong); otherwise it holds what the schema accepts, marked ``partial``
    when something had to be left out, so the rules can still check the rest.
    """
    loaded = load_yaml(path, display, positions=False)
    problems = list(loaded.problems)
    if loaded.data is None:
        return None, loaded, problems
    unfilled = placeholder_paths(loaded.data)
    for loc in unfilled:
        line, col = loaded.position(loc)
        problems.append(
            Problem(display, line, col, "placeholder", format_field(loc), PLACEHOLDER_MESSAGE)
        )
    data = without(loaded.data, unfilled) if unfilled else loaded.data
    model = model_of(kind)
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        already = {p.field for p in problems}  # the YAML layer or a placeholder said it
        covered = {format_field(loc) for loc in unfilled}
        for problem in schema_problems(exc, model, loaded, display, data):
            if problem.field not in already and not _covers(problem.field, covered):
                problems.append(problem)
        obj, dropped = salvage(model, data, exc.errors(), data_loc)
        if obj is None:
            return None, loaded, problems
        left_out = frozenset(format_field(loc) for loc in [*dropped, *unfilled])
        entry = Entry(kind, obj.id, display, loaded, obj, True, bool(unfilled), left_out)
        return entry, loaded, problems
    partial = bool(unfilled or loaded.problems)
    left_out = frozenset(format_field(loc) for loc in unfilled)
    entry = Entry(kind, obj.id, display, loaded, obj, partial, bool(unfilled), left_out)
    return entry, loaded, problems


def _covers(field: str, placeholders: set[str]) -> bool:
    """True when ``field`` is a placeholder or holds one (an emptied list, say)."""
    return any(p == field or p.startswith((f"{field}.", f"{field}[")) for p in placeholders)


def data_loc(data: Any, loc: tuple) -> tuple:
    """A pydantic error location as a path in the data: the parts pydantic adds for its own
    schema (such as ``function-after[...]``) are dropped, data keys are kept as they are."""
    out: list = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and not isinstance(part, int) and "[" not in str(part):
            out.append(part)  # a missing key: the location is where it should be
            node = None
    return tuple(out)


def schema_problems(
    exc: ValidationError, model: type[BaseModel], loaded: Loaded, path: str, data=None
) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = data_loc(loaded.data if data is None else data, err["loc"])
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
            if loc[-1] in MISSING_HINTS:
                message += f": {MISSING_HINTS[loc[-1]]}"
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
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        sub = submodel(info.annotation)
        if sub is None:
            return []
        current = sub
    return list(current.model_fields)
