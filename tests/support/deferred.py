"""The rows a page draws from its data file (see macros/render/deferred.py): part of the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

_SRC = re.compile(r'data-deferred-src="([^"]+)"')


def deferred_fragments(site: Path, html: str) -> list[str]:
    """The rows each of the page's long tables (or lists) adds from its data file, one HTML
    fragment per table, wrapped in the element its rows belong in."""
    out: list[str] = []
    for src in sorted(set(_SRC.findall(html))):
        text = (site / src).read_text(encoding="utf-8")
        head, _, rest = text.partition(" = ")
        assert head == "window.__atlasDeferred", src
        for rows in json.loads(rest.rstrip().removesuffix(";")).values():
            wrap = (
                ("<ul>", "</ul>")
                if rows.startswith("<li")
                else ("<table><tbody>", "</tbody></table>")
            )
            out.append(wrap[0] + rows + wrap[1])
    return out


def full_page(site: Path, rel: str) -> str:
    """A page's HTML followed by the rows it draws on demand."""
    html = (site / rel).read_text(encoding="utf-8")
    return html + "".join(deferred_fragments(site, html))
