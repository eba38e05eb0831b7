"""Where a correction starts: each result row links to the file and line it is written in,
and every entry page links to a pre-filled "report incorrect data" issue."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from macros.render.renderer import Renderer

REPO = "https://github.com/medllm-atlas/medllm-atlas"


def _renderer(catalog):
    return Renderer(catalog, edit_base=f"{REPO}/edit/main", site_url="https://example.org/atlas/")


def test_each_row_links_to_the_line_it_is_written_on(project):
    from macros.catalog.build import load_catalog

    catalog, _ = load_catalog(project, style=False)
    r = _renderer(catalog)
    assert {s.origin[0] for s in catalog.scores} == {"models", "results"}
    for s in catalog.scores:
        url = r.row_url(s)
        path, _, line = url.removeprefix(f"{REPO}/blob/main/").partition("#L")
        text = (project / path).read_text().splitlines()[int(line) - 1]
        first = "model" if s.origin[0] == "results" else "benchmark"
        assert text.lstrip().startswith(f"- {first}: "), (url, text)
        assert f"{first}: {s.model if first == 'model' else s.benchmark}" in text


def test_every_entry_page_links_a_prefilled_report(catalog40):
    r = _renderer(catalog40)
    mid = sorted(catalog40.models)[0]
    html = r.entry_page("models", mid).content + str(r.entry_page("models", mid).blocks)
    assert "Report incorrect data" in html
    url = r.report_url("models", mid, f"models/{mid}.md")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{REPO}/issues/new?")
    assert query["entry"] == [f"models/{mid}"]
    assert query["page"] == [f"https://example.org/atlas/models/{mid}/"]
