"""The only place that knows where data files live: data/<kind>/<id>.yaml."""

from __future__ import annotations

from pathlib import Path

from macros.kinds import LOAD_ORDER
from macros.load.problems import Problem

DATA = "data"


def display_path(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the project root, with forward slashes
    (bytes that are not UTF-8 shown as \\x escapes)."""
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = path.as_posix()
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def kind_of(relative: str) -> str | None:
    """The kind of a data file from its project-relative path, e.g. data/models/x.yaml."""
    parts = relative.split("/")
    if len(parts) == 3 and parts[0] == DATA and parts[1] in LOAD_ORDER:
        return parts[1] if parts[2].endswith(".yaml") else None
    return None


def discover(root: Path) -> tuple[list[tuple[str, Path, str]], list[Problem]]:
    """Every data file as (kind, path, display path), in load order; and stray files."""
    found: list[tuple[str, Path, str]] = []
    problems: list[Problem] = []
    for kind in LOAD_ORDER:
        folder = root / DATA / kind
        if folder.is_symlink():
            message = "symbolic links are not allowed in data/; commit a regular folder"
            problems.append(_stray(display_path(folder, root), message, "symlink"))
            continue
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            display = display_path(path, root)
            if not _utf8_name(path.name):
                message = "the file name is not valid UTF-8; rename it to <id>.yaml"
                problems.append(_stray(display, message, "file-name"))
                continue
            if path.name.startswith(".") or path.name == "README.md":
                continue
            if path.is_symlink() and path.is_dir():
                message = "symbolic links are not allowed in data/; commit a regular file"
                problems.append(_stray(display, message, "symlink"))
                continue
            if path.is_dir():
                problems.append(_stray(display, "sub-folders are not read; move the files up"))
                continue
            if path.suffix != ".yaml":
                message = f"data files end in .yaml; rename it to {path.stem}.yaml"
                problems.append(_stray(display, message, "file-extension"))
                continue
            found.append((kind, path, display))
    return found, problems


def _utf8_name(name: str) -> bool:
    """Whether a file name (as the OS gave it, with surrogate escapes) is valid UTF-8."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _stray(display: str, message: str, code: str = "unexpected-file") -> Problem:
    return Problem(display, 1, 1, code, "(file)", message)
