"""The rows a page draws from its data file (see macros/render/deferred.py): part of the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

_SRC = re.compile(r'data-deferred-src="([^"]+)"')


def deferred_rows(site: Path, html: str) -> str:
    """Every row the page's long tables add from its data file, as one HTML string."""
    out: list[str] = []
    for src in sorted(set(_SRC.findall(html))):
        text = (site / src).read_text(encoding="utf-8")
        head, _, rest = text.partition(" = ")
        assert head == "window.__atlasDeferred", src
        out += json.loads(rest.rstrip().removesuffix(";")).values()
    return "".join(out)


def full_page(site: Path, rel: str) -> str:
    """A page's HTML followed by the rows it draws on demand."""
    html = (site / rel).read_text(encoding="utf-8")
    return html + deferred_rows(site, html)
