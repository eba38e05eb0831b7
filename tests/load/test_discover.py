"""Discovery: which files under data/ are read, and what is reported about the rest."""

from __future__ import annotations

from macros.catalog.build import load_catalog


def test_stray_files_are_reported(project):
    (project / "data" / "models" / "notes.yml").write_text("id: notes\n")
    (project / "data" / "models" / "sub").mkdir()
    _, problems = load_catalog(project)
    assert sorted(p.code for p in problems) == ["file-extension", "unexpected-file"]
