"""Generated pages as MkDocs receives them, and the plan of every page to render.

A page's Markdown keeps only front matter and section headings (so the table of contents
and search sections come from Markdown); its HTML travels as pre-rendered blocks that the
hook puts back after Markdown has run, so Markdown never re-parses large tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.render.deferred import asset_path, defer_rows


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site.

    ``content`` is the Markdown MkDocs reads: front matter, the section headings (so the
    table of contents and search sections come from Markdown) and one placeholder comment
    per block of HTML. ``blocks`` holds that HTML, already rendered and escaped; the hook
    puts it back after Markdown has run, so Markdown never re-parses large tables.
    ``search_blocks`` are the same blocks as the search indexer should see them, with the
    search-excluded parts left out (worked out once, while rendering).
    ``assets`` are files of the page's own data, (path under the site, text), written
    beside the site after the build, so a big data block does not weigh on the HTML.
    """

    src: str
    content: str
    data_file: str | None = None
    blocks: tuple[str, ...] = ()
    search_blocks: tuple[str, ...] = ()
    assets: tuple[tuple[str, str], ...] = ()

    def markdown(self) -> str:
        """The page as one Markdown document (blocks inline), e.g. for a plain MkDocs build."""
        return fill_blocks(self.content, self.blocks)


@dataclass(frozen=True)
class PageJob:
    """A generated page to render: its source path, its page family and the family's argument."""

    src: str
    family: str
    arg: str | None = None


def placeholder(i: int) -> str:
    """The comment that stands for block ``i`` in a page's Markdown."""
    return f"<!--atlas-block:{i}-->"


def fill_blocks(text: str, blocks: tuple[str, ...]) -> str:
    """Put rendered blocks back in place of their placeholders."""
    for i, block in enumerate(blocks):
        text = text.replace(placeholder(i), block, 1)
    return text


_ARTICLE_TAG = re.compile(r"<(/?)article\b([^>]*)>")


def without_search_excluded(html_text: str) -> str:
    """``html_text`` minus every ``<article data-search-exclude>`` element.

    The search plugin skips these elements anyway, but only after parsing them with
    Python's HTML parser; handing it the page without them indexes the same text for a
    fraction of the parsing. Nested articles are matched by depth.
    """
    if "data-search-exclude" not in html_text:
        return html_text
    out: list[str] = []
    pos = 0
    depth = 0  # >0 while inside an excluded article
    for tag in _ARTICLE_TAG.finditer(html_text):
        closing = tag.group(1) == "/"
        if depth:
            depth += -1 if closing else 1
            if depth == 0:
                pos = tag.end()
        elif not closing and "data-search-exclude" in tag.group(2):
            out.append(html_text[pos : tag.start()])
            depth = 1
    if depth:
        raise ValueError("unbalanced <article> in a generated block")
    out.append(html_text[pos:])
    return "".join(out)


# Templates start each section heading line with this marker. Contributor text can never
# produce it (autoescaping turns "<" into "&lt;"), so a line of a summary that happens to
# start with "#" stays text inside its block instead of being taken for a heading.
HEADING = "<!--atlas-heading-->"
_TAG = re.compile(r"<[^>]*>")


def exclude_from_search(heading: str) -> str:
    """A Markdown heading line marked ``data-search-exclude`` (inside its own attribute list
    when it has one, since attr_list reads only the last)."""
    if heading.endswith(" }") and " { " in heading:
        return heading[:-2] + " data-search-exclude }"
    return heading + " { data-search-exclude }"


def split_blocks(body: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Separate Markdown headings from HTML blocks.

    Returns the skeleton (headings and placeholders), the blocks, and the blocks as the
    search indexer should see them (``without_search_excluded``).

    A heading whose section holds no searchable text (only tables and lists kept out of
    search) is marked ``{ data-search-exclude }``, so search does not list a bare
    "Results" or "Cite" section for every entry.
    """
    skeleton: list[str] = []
    blocks: list[str] = []
    search_blocks: list[str] = []
    chunk: list[str] = []
    heading: list[int] = []  # index in skeleton of the current section's heading

    def flush() -> None:
        text = "\n".join(chunk).strip("\n")
        chunk.clear()
        searchable = without_search_excluded(text)
        if heading and not _TAG.sub("", searchable).strip():
            skeleton[heading[-1]] = exclude_from_search(skeleton[heading[-1]])
        if text.strip():
            skeleton.extend(["", placeholder(len(blocks)), ""])
            blocks.append(text)
            search_blocks.append(searchable)

    for line in body.split("\n"):
        if line.startswith(HEADING):
            flush()
            skeleton.extend(["", line[len(HEADING) :], ""])
            heading.append(len(skeleton) - 2)
        else:
            chunk.append(line)
    flush()
    return "\n".join(skeleton).strip("\n") + "\n", tuple(blocks), tuple(search_blocks)


def page(
    src: str, head: str, body: str, data_file: str | None = None, assets: tuple = ()
) -> GeneratedPage:
    """A generated page from its front matter and rendered body (and its data files; the
    rows of its long tables beyond the first are one more, see ``deferred``)."""
    skeleton, blocks, search_blocks = split_blocks(body)
    blocks, rows = defer_rows(blocks, src)
    if rows is not None:
        assets = (*assets, (asset_path(src), rows))
    return GeneratedPage(src, head + skeleton, data_file, blocks, search_blocks, assets)
