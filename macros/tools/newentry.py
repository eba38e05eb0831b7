"""``atlas new``: start an entry from its annotated template in data/_templates/."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from macros.kinds import KINDS, NEW_ALIASES, spec
from macros.schema.types import ID_PATTERN, RESERVED_IDS

# `atlas new <name>`: each kind's singular ("result table" as result-table), and aliases.
TEMPLATE_OF = {
    **{k.singular.replace(" ", "-"): (k.template, k.folder) for k in KINDS},
    **{name: (spec(folder).template, folder) for name, folder in NEW_ALIASES.items()},
}


def slugify(name: str) -> str:
    """The id for a display name: `Med-PaLM 2` -> `med-palm-2`, `Llama 3.1 8B` -> `llama-3-1-8b`."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[()\[\]'\"]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:64].rstrip("-")


def new_entry(root: Path, kind: str, name: str, *, today: str | None = None) -> Path:
    """Write data/<kind>/<id>.yaml from the template, with id, name and dates filled in."""
    if kind not in TEMPLATE_OF:
        raise ValueError(f"unknown kind '{kind}'; use one of: {', '.join(sorted(TEMPLATE_OF))}")
    template, folder = TEMPLATE_OF[kind]
    entry_id = slugify(name)
    if not re.match(ID_PATTERN, entry_id) or entry_id in RESERVED_IDS:
        raise ValueError(f"cannot make an id from '{name}'")
    if any(ch in name for ch in "<>{}\n"):
        raise ValueError("a name cannot contain <, >, { or } or a line break")
    path = root / "data" / folder / f"{entry_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{path.relative_to(root)} already exists")
    today = today or datetime.now(UTC).date().isoformat()
    text = (root / "data" / "_templates" / template).read_text(encoding="utf-8")
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = text.replace("<ID>", entry_id).replace("<NAME>", quoted).replace("<TODAY>", today)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
