"""``atlas release X.Y.Z``: a frozen, citable data bundle and the version in the metadata.

The bundle ``dist/medllm-atlas-data-X.Y.Z.zip`` holds data/, every export, the schemas and
``manifest.json`` (the SHA-256 and size of every other file). Its bytes depend only on the
data and SOURCE_DATE_EPOCH. CITATION.cff and .zenodo.json get the version and date first,
so the exports inside the bundle carry the version they belong to.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from macros.export.metadata import DESCRIPTION
from macros.export.offline import zip_site

VERSION = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$")


def release_date() -> str:
    """Today in UTC, or the date of SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


def set_citation_version(path: Path, version: str, date: str) -> None:
    """Set ``version`` and ``date-released`` in CITATION.cff, keeping every other line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [ln for ln in lines if not ln.startswith(("version:", "date-released:"))]
    at = next((i + 1 for i, ln in enumerate(lines) if ln.startswith("type:")), len(lines))
    lines[at:at] = [f'version: "{version}"', f'date-released: "{date}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def zenodo_metadata(version: str, date: str) -> dict:
    """The deposit metadata Zenodo reads from .zenodo.json when a GitHub release is made."""
    return {
        "title": f"MedLLM Atlas data {version}",
        "upload_type": "dataset",
        "version": version,
        "publication_date": date,
        "description": DESCRIPTION,
        "creators": [{"name": "MedLLM Atlas contributors"}],
        "license": "cc-by-4.0",
        "keywords": ["large language models", "medicine", "benchmarks"],
        "related_identifiers": [
            {"identifier": "arXiv:2509.18690", "relation": "isDocumentedBy", "scheme": "arxiv"}
        ],
    }


def _manifest(folder: Path, version: str, date: str) -> dict:
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files.append(
            {
                "path": path.relative_to(folder).as_posix(),
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
            }
        )
    return {"name": "medllm-atlas-data", "version": version, "date": date, "files": files}


def make_release(root: Path, version: str) -> tuple[Path, str]:
    """Write the bundle for ``version``; return (bundle path, tag name)."""
    from macros.catalog.build import load_catalog
    from macros.export.write import render_exports
    from macros.tools.jsonschemas import render_all

    if not VERSION.match(version):
        raise ValueError(f"version {version!r} is not x.y.z (or x.y.z-suffix)")
    catalog, problems = load_catalog(root, style=False)
    if catalog is None:
        raise ValueError(f"the data has {len(problems)} problem(s): run `atlas validate` first")
    date = release_date()
    set_citation_version(root / "CITATION.cff", version, date)
    catalog.version = version
    zenodo = json.dumps(zenodo_metadata(version, date), indent=2, ensure_ascii=False) + "\n"
    (root / ".zenodo.json").write_text(zenodo, encoding="utf-8")
    name = f"medllm-atlas-data-{version}"
    bundle = root / "dist" / f"{name}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        shutil.copytree(root / "data", folder / "data")
        for rel, text in render_exports(catalog).items():
            _write(folder / "exports" / rel, text)
        for rel, text in render_all().items():
            _write(folder / "schemas" / rel, text)
        shutil.copy2(root / "CITATION.cff", folder / "CITATION.cff")
        manifest = _manifest(folder, version, date)
        _write(folder / "manifest.json", json.dumps(manifest, indent=1) + "\n")
        zip_site(folder, bundle, prefix=name)
    return bundle, f"v{version}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
