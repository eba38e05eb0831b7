"""Long tables drawn in part: their first rows in the page, the rest in the page's data file.

A table marked ``data-defer`` in a template keeps its first ``KEEP`` shown rows in the
HTML. The other rows, hidden ones included (a board's other claims of a model), move to
one data file per page, which the page's script loads
only when a reader asks for them: "Show all", a filter, a sort, or a link to a row that
is not drawn yet. The page stays light however many rows a board has.

Rows are found by the ``<tr`` that starts each of their lines: templates write one row per
line, and contributed text can never produce that string (autoescaping turns ``<`` into
``&lt;``). A list marked ``data-defer`` is cut the same way, by the ``<li`` that starts each
of its lines (its items' nested lists stay on their item's line), up to ``LIST_END``.
"""

from __future__ import annotations

import re

from macros.render.html import page_data

KEEP = 20  # shown rows of a long table drawn in the HTML
_TABLE = re.compile(r"<table\b([^>]*\bdata-defer\b[^>]*)>(.*?)<tbody>\n?(.*?)</tbody>", re.S)
# A list to cut ends with this marker: its items hold nested lists, so "</ul>" cannot end it.
LIST_END = "<!--atlas-defer-end-->"
_LIST = re.compile(r"<ul\b([^>]*\bdata-defer\b[^>]*)>()\n?(.*?)" + re.escape(LIST_END), re.S)
_ROW_START = re.compile(r"^(?=<(?:tr|li)\b)", re.M)


def asset_path(src: str) -> str:
    """The data file of the page whose Markdown source is ``src``."""
    return "assets/rows/" + src.removesuffix(".md") + ".js"


def split_rows(body: str) -> list[str]:
    """The rows of a table body, each with its own text up to the next row."""
    return [part for part in _ROW_START.split(body) if part.strip()]


def _is_shown(row: str) -> bool:
    head = row[: row.index(">") + 1]
    return not re.search(r"\shidden(?=[\s>=])", head)


def kept_and_rest(rows: list[str], keep: int = KEEP) -> tuple[list[str], list[str]]:
    """The first ``keep`` shown rows, and every other row in its order (hidden rows too: a
    board's other claims of a model are drawn only once its rows are re-ranked)."""
    kept: list[str] = []
    rest: list[str] = []
    for row in rows:
        (kept if _is_shown(row) and len(kept) < keep else rest).append(row)
    return kept, rest


def defer_rows(
    blocks: tuple[str, ...], src: str, prefix: str = ""
) -> tuple[tuple[str, ...], str | None]:
    """The page's blocks with every long ``data-defer`` table cut to its first rows, and the
    text of the page's data file holding the rest (``None`` when nothing was cut). Keys are
    ``prefix`` and a number, so tables cut separately can share one data file."""
    blocks, rest = cut_tables(blocks, src, prefix)
    return (blocks, data_file(rest)) if rest else (blocks, None)


def data_file(rest: dict[str, str]) -> str:
    """The text of a page's data file: each cut table's other rows, by key."""
    return page_data("__atlasDeferred", rest)


def cut_tables(
    blocks: tuple[str, ...], src: str, prefix: str = ""
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The blocks with their long ``data-defer`` tables cut, and the rows cut, by key."""
    rest: dict[str, str] = {}
    path = asset_path(src)

    def cut(match: re.Match) -> str:
        rows = split_rows(match.group(3))
        kept, later = kept_and_rest(rows)
        if not later:
            return match.group(0)
        key = f"{prefix}{len(rest)}"
        rest[key] = "".join(later)
        more = sum(1 for r in later if _is_shown(r))
        attrs = (
            f'{match.group(1)} data-deferred-src="{path}" data-deferred-key="{key}" '
            f'data-deferred-rows="{more}"'
        )
        if match.re is _LIST:
            return f"<ul{attrs}>\n{''.join(kept)}{LIST_END}"
        return f"<table{attrs}>{match.group(2)}<tbody>\n{''.join(kept)}</tbody>"

    out = tuple(_LIST.sub(cut, _TABLE.sub(cut, block)) for block in blocks)
    return out, rest
