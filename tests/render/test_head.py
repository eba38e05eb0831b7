"""Page-head metadata (render/head.py): one escaping path for every value, JSON-LD that
cannot end its script element, and the schema.org type each page family declares."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser
from support.hostile import hostile_catalog

from macros.export import metadata
from macros.export.write import render_exports
from macros.render.head import PageInfo, entry_of, head_tags, json_ld, plain_summary

PAYLOADS = [
    '"><script>alert(1)</script>',
    "' onmouseover='alert(2)' x='",
    "</script><!-- <script>alert(3)</script>",
    "a & b < c > d \" e ' f",
]
EXPECTED_TAGS = {
    ("meta", "name", "description"),
    ("meta", "name", "author"),
    ("link", "rel", "canonical"),
    ("meta", "property", "og:title"),
    ("meta", "property", "og:description"),
    ("meta", "property", "og:type"),
    ("meta", "property", "og:site_name"),
    ("meta", "property", "og:url"),
    ("meta", "name", "twitter:card"),
    ("meta", "name", "twitter:title"),
    ("meta", "name", "twitter:description"),
    ("link", "rel", "alternate"),
    ("link", "rel", "license"),
}


def _pages(catalog):
    yield "index.md", "Dataset"
    yield "download.md", "Dataset"
    yield "methodology.md", None
    yield f"models/{sorted(catalog.models)[0]}.md", None
    yield f"benchmarks/{sorted(catalog.benchmarks)[0]}.md", "Dataset"
    yield f"papers/{sorted(catalog.papers)[0]}.md", "ScholarlyArticle"


def _head(catalog, src: str, title: str = "A title"):
    info = PageInfo(src, title, f"https://example.org/atlas/{src[:-3]}/", "../feed.xml")
    html = head_tags(
        catalog,
        info,
        site_name="MedLLM Atlas",
        site_description='The "atlas" <b>',
        site_url="https://example.org/atlas/",
    )
    return LexborHTMLParser(f"<html><head>{html}</head><body></body></html>")


@pytest.mark.parametrize("text", PAYLOADS)
def test_hostile_text_cannot_break_out_of_any_tag_of_the_head(catalog40, text):
    catalog = hostile_catalog(catalog40, text)
    for src, ld_type in _pages(catalog):
        tree = _head(catalog, src, title=text)
        assert tree.body.child is None, f"{src}: head content spilled into the body"
        elements = [n for n in tree.head.iter()]
        seen = set()
        for node in elements:
            attrs = node.attributes
            assert not any(name.startswith("on") for name in attrs), (src, attrs)
            if node.tag == "script":
                assert attrs == {"type": "application/ld+json"}, (src, attrs)
                assert json.loads(node.text())["@type"] == ld_type
                continue
            key = "name" if "name" in attrs else "property" if "property" in attrs else "rel"
            assert set(attrs) <= {key, "content", "href", "type", "title"}, (src, attrs)
            seen.add((node.tag, key, attrs[key]))
        assert seen == EXPECTED_TAGS, src
        descriptions = tree.css('meta[name="description"]')
        assert len(descriptions) == 1
        scripts = tree.css("script")
        assert len(scripts) == (1 if ld_type else 0), src
        og_title = tree.css_first('meta[property="og:title"]').attributes["content"]
        assert og_title == ("MedLLM Atlas" if src == "index.md" else f"{text} - MedLLM Atlas")


def test_json_ld_escapes_what_would_end_the_script_and_round_trips():
    obj = {"name": "</script><!-- & -->", "n": [1, None]}
    text = str(json_ld(obj))
    body = text.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"name": "</script><!-- & -->", "n": [1, None]}


def test_the_description_is_plain_text_cut_at_a_word():
    text = "See [Med-PaLM](https://example.org) *here*. " + "word " * 60
    out = plain_summary(text)
    assert out.startswith("See Med-PaLM here. word")
    assert len(out) <= 200 and out.endswith("…") and not out.endswith(" …")


def test_only_entry_pages_name_an_entry():
    assert entry_of("models/meditron-70b.md") == ("models", "meditron-70b")
    assert entry_of("models/index.md") is None
    assert entry_of("survey/techniques.md") is None


def test_the_dataset_lists_every_export_the_build_writes(catalog40):
    written = set(render_exports(catalog40))
    listed = {path for path, _, _ in metadata.distribution()}
    after_the_build = {metadata.OFFLINE_ZIP}
    assert listed - after_the_build <= written
    assert {p for p in written if "/" not in p.removeprefix("api/v1/")} <= listed
