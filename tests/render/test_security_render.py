"""Defence in depth: even data that skipped the validator renders inert.

These tests build pages from entries constructed directly (bypassing validation),
carrying the payloads of the reliability checklist, and check the output.
"""

from __future__ import annotations

import html
import re

import markupsafe
import pytest
from conftest import mkdocs_build, project_copy

from macros.catalog.store import Catalog
from macros.render.env import front_matter
from macros.render.renderer import Renderer
from macros.schema.entries import Model, Paper

PAYLOADS = [
    "{{ 7*7 }}",
    "{% endraw %}{{ 7*7 }}{% raw %}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "T</title><script>alert(2)</script>",
    'D"><script>alert(3)</script>',
    "has a pipe | injected cell",
    '--8<-- ".env"',
]


def catalog_with(text: str) -> Catalog:
    c = Catalog()
    c.papers["p"] = Paper.model_construct(
        id="p",
        type="preprint",
        title=text,
        authors=[text],
        et_al=False,
        year=2024,
        month=None,
        venue=text,
        arxiv=None,
        doi=None,
        url="https://example.org",
        summary=None,
        added="2026-01-01",
        reviewed="2026-01-01",
    )
    c.models["m"] = Model.model_construct(
        **{
            **{k: f.default for k, f in Model.model_fields.items() if not f.is_required()},
            "id": "m",
            "name": text,
            "kind": "general",
            "summary": text,
            "aliases": [text],
            "training_data": [text],
            "papers": ["p"],
            "added": "2026-01-01",
            "reviewed": "2026-01-01",
        }
    )
    c.files[("models", "m")] = "data/models/m.yaml"
    c.files[("papers", "p")] = "data/papers/p.yaml"
    c.derive()
    return c


@pytest.mark.parametrize("text", PAYLOADS)
def test_payloads_are_escaped_in_generated_pages(text):
    renderer = Renderer(catalog_with(text))
    content = renderer.entry_page("models", "m").markdown()
    body = content.split("---\n", 2)[2]
    assert "<script" not in body
    assert "onerror=" not in body or "onerror=alert(1)&gt;" in body
    assert "javascript:alert" not in body or "](javascript:alert(1))" in html.unescape(body)
    assert "49" not in body
    assert str(markupsafe.escape(text)) in body


@pytest.mark.parametrize("text", PAYLOADS)
def test_payloads_cannot_break_out_of_front_matter(text):
    head = front_matter(text, text)
    assert "<" not in head
    assert head.startswith("---\n") and head.count("\n---\n") == 1


def test_a_pipe_keeps_the_whole_cell():
    renderer = Renderer(catalog_with("has a pipe | injected cell"))
    body = renderer.entry_page("models", "m").markdown()
    assert "has a pipe | injected cell" in body


def test_a_line_of_contributed_text_starting_with_a_hash_is_not_a_heading():
    text = "First line.\n## Results\n# Injected heading"
    generated = Renderer(catalog_with(text)).entry_page("models", "m")
    skeleton = generated.content.split("---\n", 2)[2]
    # The page's own sections only, each once; the text stays inside its block.
    headings = [line for line in skeleton.splitlines() if line.startswith("#")]
    assert not any("Injected" in h for h in headings)
    assert sum(h.startswith("## Results") for h in headings) == 1
    assert any("# Injected heading" in block for block in generated.blocks)


@pytest.mark.build
@pytest.mark.xdist_group("site")
def test_a_payload_forced_past_the_validator_stays_inert_in_a_real_build(tmp_path, base_data):
    """Even if validation were skipped, a template payload in data is text, not code."""
    proj = project_copy(tmp_path, base_data, copy_docs=False)
    marker = tmp_path / "pwned"
    payload = (
        f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}} and {{{{ 7*7 }}}}"
    )
    # Switch off the text rules for this one build, as a compromised validator would.
    (proj / "sitecustomize.py").write_text(
        "import macros.schema.types as s\ns.text_problem = lambda text, **rules: None\n"
    )
    model = proj / "data" / "models" / "syn-model-00001.yaml"
    model.write_text(
        re.sub(r"summary: .*", 'summary: "' + payload.replace('"', '\\"') + '"', model.read_text())
    )
    site = tmp_path / "site"
    mkdocs_build(proj, site, env={"PYTHONPATH": str(proj)})
    page = (site / "models" / "syn-model-00001" / "index.html").read_text(encoding="utf-8")
    assert not marker.exists()
    assert "{{ 7*7 }}" in html.unescape(page)
    assert ">49<" not in page
