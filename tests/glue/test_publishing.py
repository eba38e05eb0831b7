"""A publishing build: it needs the public URL, and then every page has a canonical link,
a sitemap entry, a well-formed description, Open Graph tags and the right JSON-LD."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from conftest import ROOT, SITE_URL, mkdocs_build
from selectolax.lexbor import LexborHTMLParser

pytestmark = pytest.mark.build
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _pages(site):
    """Every page of the built site: its path and parsed HTML (not 404 or redirect stubs)."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel == "404.html" or 'http-equiv="refresh"' in text:
            continue
        yield rel, LexborHTMLParser(text)


def _url(rel: str) -> str:
    return SITE_URL + rel.removesuffix("index.html")


def test_a_publishing_build_without_the_url_fails_at_once(tmp_path):
    done = mkdocs_build(
        ROOT, tmp_path / "site", check=False, env={"ATLAS_PUBLISH": "1", "ATLAS_SITE_URL": ""}
    )
    assert done.returncode != 0
    assert "ATLAS_SITE_URL must be the site's public https URL" in done.stdout + done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_sitemap_lists_every_page_and_each_page_links_its_canonical_url(real_site):
    root = ET.fromstring((real_site / "sitemap.xml").read_bytes())
    listed = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    pages = dict(_pages(real_site))
    assert len(pages) > 500
    assert {_url(rel) for rel in pages} == listed
    for rel, tree in pages.items():
        canonical = [n.attributes["href"] for n in tree.css('head link[rel="canonical"]')]
        assert canonical == [_url(rel)], rel


def test_every_page_head_has_one_description_open_graph_and_the_right_json_ld(real_site):
    expected_type = {"index.html": "Dataset", "download/index.html": "Dataset"}
    for rel, tree in _pages(real_site):
        descriptions = tree.css('meta[name="description"]')
        assert len(descriptions) == 1, rel
        assert set(descriptions[0].attributes) == {"name", "content"}, rel
        assert len(descriptions[0].attributes["content"]) > 20, rel
        assert tree.css_first('meta[property="og:title"]').attributes["content"], rel
        assert tree.css_first('link[rel="license"]') is not None, rel
        assert tree.css_first('link[type="application/atom+xml"]') is not None, rel
        scripts = [json.loads(n.text()) for n in tree.css('script[type="application/ld+json"]')]
        folder = rel.split("/")[0]
        want = expected_type.get(rel) or (
            "ScholarlyArticle"
            if folder == "papers" and rel != "papers/index.html"
            else "Dataset"
            if folder == "benchmarks" and rel != "benchmarks/index.html"
            else None
        )
        assert [s["@type"] for s in scripts] == ([want] if want else []), rel
    home = LexborHTMLParser((real_site / "index.html").read_text(encoding="utf-8"))
    dataset = json.loads(home.css_first('script[type="application/ld+json"]').text())
    formats = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    assert formats[SITE_URL + "api/v1/results.csv"] == "text/csv"
    assert all(url.startswith(SITE_URL) for url in formats)


def test_the_feed_links_are_absolute(real_site):
    feed = feedparser.parse((real_site / "feed.xml").read_bytes())
    assert all(e.link.startswith(SITE_URL) for e in feed.entries)
