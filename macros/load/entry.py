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

    def position(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a field (or of its key) in the file."""
        return self.loaded.position(loc, key=key)
