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


_ARXIV = re.compile(r"(?:arxiv\.org/(?:abs|pdf|html)/|arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_DOI = re.compile(r"(?:https://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)", re.I)


def source_id(text: str) -> str | None:
    """The documented source id for an arXiv id, a DOI or a URL (data-guide, "Source ids"):
    arxiv-2305-09617, doi-10-1038-..., gh-<owner>-<repo>, hf-<org>-<model>, web-<site>-<slug>;
    None when ``text`` is none of them (a title, say)."""
    text = text.strip()
    if m := _ARXIV.fullmatch(text) or _ARXIV.fullmatch(text.removeprefix("https://")):
        return "arxiv-" + m.group(1).replace(".", "-")
    if m := _DOI.fullmatch(text):
        return ("doi-" + slugify(m.group(1)))[:64].rstrip("-")
    m = re.fullmatch(r"https://(?:www\.)?([^/\s]+)/?([^?#\s]*)", text)
    if not m:
        return None
    host, path = m.group(1).lower(), [p for p in m.group(2).split("/") if p]
    if host == "github.com" and len(path) >= 2:
        return slugify(f"gh-{path[0]}-{path[1].removesuffix('.git')}")
    if host == "huggingface.co" and len(path) >= 2:
        return slugify(f"hf-{path[0]}-{path[1]}")
    site = host.rsplit(".", 1)[0] if "." in host else host
    return slugify("web-" + "-".join([site, *path[:3]]))


def near_duplicate(root: Path, folder: str, entry_id: str) -> str | None:
    """An existing entry of ``folder`` whose id, name or alias looks like ``entry_id``."""
    import yaml

    from macros.rules.plausibility import _slug, near_duplicates

    names: dict[str, str] = {}
    for path in sorted((root / "data" / folder).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        texts = [path.stem, data.get("name"), *(data.get("aliases") or [])]
        for text in texts:
            if isinstance(text, str) and text:
                names.setdefault(_slug(text), path.stem)
    return near_duplicates(entry_id, names)


def new_entry(
    root: Path, kind: str, name: str, *, today: str | None = None, force: bool = False
) -> Path:
    """Write data/<kind>/<id>.yaml from the template, with id, name and dates filled in.

    A source given as an arXiv id, DOI or URL gets its documented id. A name that looks
    like an existing entry is refused unless ``force``.
    """
    if kind not in TEMPLATE_OF:
        raise ValueError(f"unknown kind '{kind}'; use one of: {', '.join(sorted(TEMPLATE_OF))}")
    template, folder = TEMPLATE_OF[kind]
    entry_id = (source_id(name) if folder == "papers" else None) or slugify(name)
    if not re.match(ID_PATTERN, entry_id) or entry_id in RESERVED_IDS:
        raise ValueError(f"cannot make an id from '{name}'")
    if any(ch in name for ch in "<>{}\n"):
        raise ValueError("a name cannot contain <, >, { or } or a line break")
    path = root / "data" / folder / f"{entry_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{path.relative_to(root)} already exists")
    twin = None if force else near_duplicate(root, folder, entry_id)
    if twin:
        raise FileExistsError(
            f"'{name}' looks like the existing data/{folder}/{twin}.yaml: add to that file, or "
            "run again with --force if it is a different entry"
        )
    today = today or datetime.now(UTC).date().isoformat()
    text = (root / "data" / "_templates" / template).read_text(encoding="utf-8")
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = text.replace("<ID>", entry_id).replace("<NAME>", quoted).replace("<TODAY>", today)
    if folder == "papers" and (m := _ARXIV.fullmatch(name.strip().removeprefix("https://"))):
        text = text.replace("<ARXIV>", m.group(1))
    elif folder == "papers" and name.strip().startswith("https://"):
        text = text.replace("<URL>", name.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
