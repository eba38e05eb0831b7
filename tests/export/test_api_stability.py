"""api/v1 stays readable: the export schema may gain fields, never lose or retype one."""

from __future__ import annotations

import copy

from conftest import ROOT

from macros.export.api import export_schema
from macros.export.compat import breaking_changes, committed_schema
from macros.tools.jsonschemas import write_export_contract


def test_the_export_schema_keeps_every_field_of_the_committed_v1_contract():
    assert breaking_changes(committed_schema(ROOT), export_schema()) == []


def test_added_fields_and_definitions_are_not_breaking():
    old = export_schema()
    new = copy.deepcopy(old)
    new["$defs"]["result"]["properties"]["new_field"] = {"type": "string"}
    new["$defs"]["brand_new"] = {"type": "object"}
    assert breaking_changes(old, new) == []


def test_a_removed_renamed_or_retyped_field_is_breaking():
    old = export_schema()
    new = copy.deepcopy(old)
    props = new["$defs"]["result"]["properties"]
    props["n_items"] = props.pop("n")
    props["value"] = {"type": "string"}
    del new["$defs"]["Setting"]
    found = breaking_changes(old, new)
    assert "result.n: field removed or renamed" in found
    assert any(f.startswith("result.value: type changed") for f in found)
    assert "Setting: definition removed" in found


def test_refreshing_the_contract_refuses_a_breaking_change(tmp_path, monkeypatch):
    (tmp_path / "schemas").mkdir()
    old = export_schema()
    old["$defs"]["result"]["properties"]["gone"] = {"type": "string"}
    (tmp_path / "schemas" / "export-v1.schema.json").write_text(__import__("json").dumps(old))
    try:
        write_export_contract(tmp_path)
    except ValueError as exc:
        assert "result.gone" in str(exc)
    else:
        raise AssertionError("a breaking change was written")
