"""Discovery: which files under data/ are read, and what is reported about the rest."""

from __future__ import annotations

from macros.catalog.build import load_catalog


def test_stray_files_are_reported(project):
    (project / "data" / "models" / "notes.yml").write_text("id: notes\n")
    (project / "data" / "models" / "sub").mkdir()
    _, problems = load_catalog(project)
    assert sorted(p.code for p in problems) == ["file-extension", "unexpected-file"]


def test_a_symlinked_data_folder_is_refused_not_followed(project, tmp_path):
    import shutil

    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(project / "data" / "techniques"), str(elsewhere))
    (project / "data" / "techniques").symlink_to(elsewhere, target_is_directory=True)
    _, problems = load_catalog(project)
    assert [(p.path, p.code) for p in problems if p.code == "symlink"] == [
        ("data/techniques", "symlink")
    ]


def test_a_symlinked_folder_inside_a_kind_is_refused(project, tmp_path):
    (tmp_path / "x").mkdir()
    (project / "data" / "models" / "linked").symlink_to(tmp_path / "x", target_is_directory=True)
    _, problems = load_catalog(project)
    assert ("data/models/linked", "symlink") in [(p.path, p.code) for p in problems]


def test_a_file_name_that_is_not_utf8_gets_a_diagnostic(project):
    import os

    folder = os.fsencode(project / "data" / "models")
    with open(os.path.join(folder, b"bad\xff.yaml"), "w") as f:
        f.write("id: bad\n")
    _, problems = load_catalog(project)
    bad = [p for p in problems if p.code == "file-name"]
    assert len(bad) == 1 and bad[0].path == "data/models/bad\\xff.yaml"
    assert bad[0].text()  # printable
