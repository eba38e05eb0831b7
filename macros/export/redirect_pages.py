"""Forwarding pages at the old address of every renamed entry (data/redirects.yaml)."""

from __future__ import annotations

from pathlib import Path

from macros.catalog.links import dest_url, relative_url, src_path
from macros.catalog.store import Catalog


def redirect_html(target_url: str) -> str:
    """A page that forwards to ``target_url`` (relative), with a plain link as fallback."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={target_url}">'
        f'<link rel="canonical" href="{target_url}"><title>Moved</title></head>'
        f'<body><p>This entry has moved: <a href="{target_url}">{target_url}</a></p></body></html>\n'
    )


def write_redirects(catalog: Catalog, site: Path, use_directory_urls: bool) -> list[Path]:
    """A forwarding page at the address of every renamed entry (data/redirects.yaml)."""
    written = []
    for kind, table in sorted(catalog.redirects.items()):
        for old, new in sorted(table.items()):
            src = src_path(kind, old)
            url = dest_url(src, use_directory_urls)
            path = site / (url + "index.html" if url.endswith("/") else url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                redirect_html(relative_url(src, src_path(kind, new), use_directory_urls))
            )
            written.append(path)
    return written
