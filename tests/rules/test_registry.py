"""The rule registry: every rule names its code, and every rule has a golden fixture."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES

from macros.kinds import LOAD_ORDER
from macros.rules.registry import CATALOG, FAMILIES, RESULT, RULES, _import_families

_import_families()
GOLDEN = list((FIXTURES / "invalid").glob("*.expected"))
LINE = re.compile(r"^(\S+?):\d+:\d+: (?:error|warning)\[([a-z-]+)\]", re.M)


def exercised() -> set[tuple[str, str]]:
    """(code, path of the file it was reported in) for every golden line."""
    found = set()
    for path in GOLDEN:
        found |= {(code, file) for file, code in LINE.findall(path.read_text(encoding="utf-8"))}
    return found


def test_every_rule_names_its_code_in_its_docstring():
    assert [r.check.__qualname__ for r in RULES if not r.doc.startswith(r.code)] == []


def test_every_rule_has_a_golden_fixture_in_a_file_of_its_scope():
    """For each rule function, some golden line shows its code in a file it checks."""
    seen = exercised()
    missing = []
    for check in {r.check for r in RULES}:
        rules = [r for r in RULES if r.check is check]
        scopes = {r.scope for r in rules}
        if scopes & {CATALOG, RESULT}:
            ok = any(code == rules[0].code for code, _ in seen)
        else:
            ok = any(code == rules[0].code and Path(file).parts[1] in scopes for code, file in seen)
        if not ok:
            missing.append(f"{check.__module__}.{check.__qualname__} ({rules[0].code})")
    assert sorted(missing) == []


def test_rules_live_in_the_families_and_scopes_the_registry_knows():
    assert {r.family for r in RULES} == set(FAMILIES)
    assert {r.scope for r in RULES} <= {*LOAD_ORDER, RESULT, CATALOG}
