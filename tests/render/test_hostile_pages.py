"""Every page family, rendered from a catalogue whose every text field is hostile, stays inert.

The entries are rewritten after validation (which would refuse the payloads), so the test
exercises the last line of defence: autoescaped templates and the ``html.el`` helper.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from support.hostile import hostile_catalog

from macros.render.families import FAMILIES
from macros.render.html import el, esc, void
from macros.render.renderer import Renderer

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(2)' x='",
    "</textarea></title><svg onload=alert(3)>",
    "a & b < c > d \" e ' f",
]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict] = []
        self.handlers: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.handlers += [(tag, name) for name, _ in attrs if name.startswith("on")]


@pytest.mark.parametrize("text", PAYLOADS)
def test_every_page_family_renders_hostile_text_inert(catalog40, text):
    renderer = Renderer(hostile_catalog(catalog40, text))
    families, deferred = set(), 0
    for job in renderer.plan():
        page = renderer.render_job(job)
        families.add(job.family)
        parsed = _Tags()
        parsed.feed(page.markdown())
        assert parsed.handlers == [], (job.src, parsed.handlers)
        own = {rel for rel, _ in page.assets}
        for script in parsed.scripts:
            src = script.get("src") or ""
            assert script.get("type") == "application/json" or any(src.endswith(o) for o in own), (
                job.src
            )
        assert "<script>alert" not in page.markdown(), job.src
        for rel, data in page.assets:  # a page's data file is one JSON value, nothing else
            head, _, rest = data.partition(" = ")
            assert head in ("window.__atlasCompare", "window.__atlasRows", "window.__atlasDeferred")
            assert rest.endswith(";\n"), rel
            value = json.loads(rest[:-2])
            html = [row["h"] for row in value.get("rows", [])] if head.endswith("Rows") else []
            if head.endswith("Deferred"):
                html = list(value.values())
                deferred += 1
            for fragment in html:  # rows of HTML, drawn by the script: inert too
                inner = _Tags()
                inner.feed(fragment)
                assert inner.handlers == [] and inner.scripts == [], (rel, fragment[:80])
    assert families == set(FAMILIES), "every page family was rendered"
    assert deferred, "some long table was drawn in part, and its rest was checked too"


def test_the_html_helper_escapes_text_and_attributes_but_keeps_markup():
    link = el("a", '<b>"x"</b>', href='x" onclick="y', data_q="'q'")
    assert (
        link
        == '<a href="x&quot; onclick=&quot;y" data-q="&#x27;q&#x27;">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</a>'
    )
    assert el("p", el("em", "a & b")) == "<p><em>a &amp; b</em></p>"
    assert (
        void("input", type="search", required=True, hidden=False)
        == '<input type="search" required/>'
    )
    assert el("td", None, ["a", "<"], 3) == "<td>a&lt;3</td>"
    assert esc(el("i", "x")) == "<i>x</i>"


@pytest.mark.parametrize(
    "text",
    [
        *PAYLOADS,
        "{: onclick=alert(1) }",
        "[x](javascript:alert(1))",
        "# not a heading *bold* _x_ `c`",
    ],
)
def test_a_board_heading_carries_no_markdown_or_html_of_its_own(text):
    import markdown

    from macros.render.html import md_heading

    html = markdown.markdown(
        "### " + md_heading(text) + " { #board-x }", extensions=["attr_list", "tables", "toc"]
    )
    parsed = _Tags()
    parsed.feed(html)
    assert parsed.handlers == [] and parsed.scripts == []
    assert html.startswith('<h3 id="board-x">') and html.endswith("</h3>")
    assert "<a" not in html and "<em>" not in html and "<code>" not in html
