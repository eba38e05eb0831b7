"""The code stays in small units: no module over 400 lines, no function over 80.

Declarative tables (vocabularies, form definitions, kind specs) are data, not functions,
and are written at module level, so they count only towards their module's length.
"""

from __future__ import annotations

import ast

from conftest import ROOT

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
TREES = ("macros", "bench", "tests/support")


def python_files():
    for tree in TREES:
        yield from sorted((ROOT / tree).rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = {}
    for path in python_files():
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            long[str(path.relative_to(ROOT))] = lines
    assert long == {}


def test_no_function_is_over_80_lines():
    long = {}
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = lines
    assert long == {}
