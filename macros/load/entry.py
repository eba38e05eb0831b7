"""A data file that was understood: its kind, id, display path, raw data and schema object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from macros.load.yamlload import Loaded


@dataclass
class Entry:
    """A file that passed the schema: its kind, model instance, raw data and positions."""

    kind: str
    id: str
    path: str
    loaded: Loaded
    obj: Any
    # Something was left out (a refused value, a placeholder): the file has errors, and
    # the rules check what is left.
    partial: bool = False
    unfilled: bool = False  # template placeholders left: the rules wait until they are filled
    left_out: frozenset[str] = frozenset()  # fields the schema refused (formatted paths)

    def about_left_out(self, fields: tuple[str, ...]) -> bool:
        """True when a problem about ``fields`` would only echo a value left out."""
        return any(
            f == g or g.startswith((f"{f}.", f"{f}[")) or f.startswith((f"{g}.", f"{g}["))
            for f in fields
            for g in self.left_out
        )

    def item_lines(self, key: str) -> list[int]:
        """The line of each item of the top-level list ``key`` (results, rows), without a
        full parse with positions: items of a top-level block list start with ``- ``."""
        if self.loaded.text is None:
            found = self.loaded.values.items()
            return [pos[0] for loc, pos in found if len(loc) == 2 and loc[0] == key]
        lines, inside = [], False
        for n, text in enumerate(self.loaded.text.splitlines(), start=1):
            if text.startswith(f"{key}:"):
                inside = True
            elif inside and text[:1] not in ("", " ", "-", "#"):
                break
            elif inside and text.lstrip().startswith("- ") and len(text) - len(text.lstrip()) <= 2:
                lines.append(n)
        return lines

    def position(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a field (or of its key) in the file."""
        return self.loaded.position(loc, key=key)
