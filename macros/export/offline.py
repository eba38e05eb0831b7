"""Pack a built site into a deterministic zip for reading from disk."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path


def zip_site(site_dir: Path, zip_path: Path, *, prefix: str = "medllm-atlas") -> int:
    """Zip ``site_dir`` under a top folder ``prefix``; same input, same bytes. Returns file count."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot store dates before 1980
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(
                f"{prefix}/{path.relative_to(site_dir).as_posix()}", date_time=stamp
            )
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(zip_path)
    return len(files)
