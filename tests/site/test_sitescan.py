"""The post-build scan (tests/support/sitescan.py) finds each kind of problem it claims to,
and nothing on a clean page."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sitescan import scan_site

CLEAN = """<!doctype html><html><head>
<link rel="canonical" href="https://example.org/atlas/a/">
<script type="application/ld+json">{"name": "\\u003c/script\\u003e"}</script>
<script src="../assets/atlas.js"></script></head>
<body><h2 id="top">T</h2><a href="../b/">b</a> <a href="../b/#there">b</a> <a href="#top">t</a>
<a href="https://example.org/">out</a></body></html>"""


def _site(tmp_path: Path, a_body: str) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(a_body, encoding="utf-8")
    (site / "b" / "index.html").write_text('<p id="there">x</p>', encoding="utf-8")
    return site


def _codes(site: Path, **kw) -> list[str]:
    return sorted({f.code for f in scan_site(site, **kw)})


def test_a_clean_page_has_no_finding(tmp_path):
    assert _codes(_site(tmp_path, CLEAN)) == []


@pytest.mark.parametrize(
    ("snippet", "code"),
    [
        ('<img src="x.png" onerror="alert(1)">', "event-handler"),
        ('<svg><a href="x" onclick="f()">x</a></svg>', "event-handler"),
        ('<a href="javascript:alert(1)">x</a>', "url-scheme"),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', "url-scheme"),
        ('<iframe src="data:text/html,hi"></iframe>', "url-scheme"),
        ("<script>alert(1)</script>", "foreign-script"),
        ('<script src="https://cdn.example.com/x.js"></script>', "foreign-script"),
        ('<script type="application/json">{"a": "</script><b>"}</script>', "foreign-script"),
        ('<script type="application/ld+json">{"a": "<!--"}</script>', "foreign-script"),
        ('<a href="../c/">gone</a>', "broken-link"),
        ('<a href="../../../etc/passwd">out</a>', "broken-link"),
        ('<a href="/b/">root</a>', "absolute-link"),
        ('<a href="../b/#nowhere">x</a>', "broken-anchor"),
        ('<a href="#nowhere">x</a>', "broken-anchor"),
    ],
)
def test_each_problem_is_found(tmp_path, snippet, code):
    site = _site(tmp_path, CLEAN.replace("</body>", snippet + "</body>"))
    assert code in _codes(site)


@pytest.mark.parametrize(
    "snippet",
    [
        '<img src="https://example.org/x.png">',
        '<link rel="stylesheet" href="//fonts.example.com/a.css">',
        '<p style="background: url(https://example.org/x.png)">x</p>',
    ],
)
def test_network_fetches_are_findings_only_in_the_offline_copy(tmp_path, snippet):
    site = _site(tmp_path, CLEAN.replace("</body>", snippet + "</body>"))
    assert "external-fetch" not in _codes(site)
    assert _codes(site, offline=True) == ["external-fetch"]


def test_a_file_added_after_the_build_may_be_linked_before_it_exists(tmp_path):
    site = _site(tmp_path, CLEAN.replace("</body>", '<a href="../dl/x.zip">zip</a></body>'))
    assert _codes(site) == ["broken-link"]
    assert _codes(site, publish_time=("dl/x.zip",)) == []
