"""What is understood of a file that is not valid yet: placeholders and salvage."""

from __future__ import annotations

from macros.catalog.build import load_catalog
from macros.load.partial import placeholder_paths, salvage, without
from macros.load.schema_errors import data_loc
from macros.schema.entries import Paper
from macros.tools.newentry import new_entry

KINDS = ("model", "benchmark", "technique", "paper", "application", "organisation", "results")


def test_a_fresh_template_gives_one_placeholder_message_per_unfilled_field(project):
    import shutil

    from conftest import ROOT

    shutil.copytree(ROOT / "data" / "_templates", project / "data" / "_templates")
    for kind in KINDS:
        path = new_entry(project, kind, f"Brand New {kind.title()}")
        unfilled = len(placeholder_paths(__import__("yaml").safe_load(path.read_text())))
        _, problems = load_catalog(project, style=False)
        mine = [p for p in problems if p.path == path.relative_to(project).as_posix()]
        assert unfilled > 0
        assert [p.code for p in mine] == ["placeholder"] * unfilled, [p.text() for p in mine]
        assert all(p.message.startswith("fill in or remove") for p in mine)
        path.unlink()


def test_placeholders_are_found_anywhere_and_removed_as_list_items():
    data = {"a": "<VALUE>", "b": ["x", "<ALIAS>"], "c": {"d": [{"e": "<PAPER>"}]}, "f": "<b>"}
    paths = placeholder_paths(data)
    assert paths == [("a",), ("b", 1), ("c", "d", 0, "e")]
    assert without(data, paths) == {"b": ["x"], "c": {"d": [{}]}, "f": "<b>"}


def test_salvage_keeps_what_the_schema_accepts_and_says_what_it_left_out():
    data = {
        "id": "p",
        "type": "article",
        "title": "T",
        "year": "twenty",
        "authors": ["A", 5],
        "url": "https://example.org/",
        "added": "2026-01-01",
        "reviewed": "2026-01-01",
    }
    from pydantic import ValidationError

    try:
        Paper.model_validate(data)
    except ValidationError as exc:
        obj, dropped = salvage(Paper, data, exc.errors(), data_loc)
    assert obj is None, "year is required: nothing usable is left"
    data["year"] = 2024
    try:
        Paper.model_validate(data)
    except ValidationError as exc:
        obj, dropped = salvage(Paper, data, exc.errors(), data_loc)
    assert obj.authors == ["A"] and dropped == [("authors", 1)]
