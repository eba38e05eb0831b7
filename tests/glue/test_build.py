"""Real MkDocs builds: the real data builds strictly, cross-links go both ways, and bad
data or a bad page stops the build without leaving a half-built site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_ENV, ROOT, mkdocs_build, project_copy
from support.deferred import full_page
from support.sitescan import scan_exports, scan_site

from macros.catalog.links import dest_url, relative_url, src_path
from macros.kinds import FOLDERS as KIND_ORDER

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("site")]
KINDS = KIND_ORDER


def page_of(site: Path, kind: str, eid: str) -> Path:
    return site / dest_url(src_path(kind, eid), True) / "index.html"


def href(from_kind: str, from_id: str, to_kind: str, to_id: str) -> str:
    """The relative link an entry page uses for another entry."""
    return 'href="' + relative_url(src_path(from_kind, from_id), src_path(to_kind, to_id), True)


def test_every_entry_has_its_page(real_site, real_catalog):
    missing = [
        f"{kind}/{eid}"
        for kind in KINDS
        for eid in real_catalog.kind(kind)
        if not page_of(real_site, kind, eid).is_file()
    ]
    assert missing == []
    for kind in KINDS:
        assert (real_site / kind / "index.html").is_file()
    for special in ("compare", "lineage", "disagreements", "wanted"):
        assert (real_site / special / "index.html").is_file()


def test_links_go_both_ways_between_models_and_benchmarks(real_site, real_catalog):
    checked = 0
    for score in real_catalog.scores[:: max(1, len(real_catalog.scores) // 60)]:
        model_html = page_of(real_site, "models", score.model).read_text(encoding="utf-8")
        bench_page = page_of(real_site, "benchmarks", score.benchmark)
        bench_html = full_page(real_site, bench_page.relative_to(real_site).as_posix())
        assert href("models", score.model, "benchmarks", score.benchmark) in model_html
        assert href("benchmarks", score.benchmark, "models", score.model) + '"' in bench_html
        checked += 1
    assert checked >= 10


def test_derived_backlinks_are_on_the_pages(real_site, real_catalog):
    base, children = max(real_catalog.derivatives.items(), key=lambda kv: len(kv[1]))
    html = full_page(
        real_site, page_of(real_site, "models", base).relative_to(real_site).as_posix()
    )
    for child in children:
        assert href("models", base, "models", child) + '"' in html
    tech, models = max(real_catalog.technique_models.items(), key=lambda kv: len(kv[1]))
    html = full_page(
        real_site, page_of(real_site, "techniques", tech).relative_to(real_site).as_posix()
    )
    for mid in models:
        assert href("techniques", tech, "models", mid) + '"' in html
    paper, citing = max(real_catalog.citations.items(), key=lambda kv: len(kv[1]))
    html = full_page(
        real_site, page_of(real_site, "papers", paper).relative_to(real_site).as_posix()
    )
    for kind, eid in citing:
        assert href("papers", paper, kind, eid) + '"' in html


def test_no_template_syntax_survives_into_the_html(real_site):
    leftovers = [
        p.relative_to(real_site).as_posix()
        for p in real_site.rglob("*.html")
        if "{{" in (text := p.read_text(encoding="utf-8")) or "{%" in text
    ]
    assert leftovers == []


def test_entry_pages_edit_their_yaml_file(real_site, real_catalog):
    mid = sorted(real_catalog.models)[0]
    html = page_of(real_site, "models", mid).read_text(encoding="utf-8")
    assert f"/edit/main/data/models/{mid}.yaml" in html


def test_the_built_site_passes_the_security_and_link_scan(real_site):
    findings = scan_site(real_site, publish_time=("downloads/medllm-atlas-offline.zip",))
    assert [str(f) for f in findings] == []


def test_the_exports_pass_the_post_build_scan(real_site):
    assert [str(f) for f in scan_exports(real_site)] == []


def test_the_post_build_scan_catches_a_replaced_index_and_a_formula_cell(tmp_path, real_site):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    (copy / "models" / "index.html").write_text("<p>moved</p>")
    with open(copy / "api" / "v1" / "models.csv", "a", encoding="utf-8") as f:
        f.write('"=HYPERLINK(1)"\n')
    codes = {f.code for f in scan_exports(copy)}
    assert {"index-replaced", "csv-formula"} <= codes


def test_entry_pages_stay_out_of_the_navigation(real_site, real_catalog):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    some = sorted(real_catalog.models)[:20]
    assert not any(f'href="models/{mid}/"' in home for mid in some)


def test_a_broken_reference_fails_validate_and_build_with_its_position(tmp_path, base_data):
    proj = project_copy(tmp_path, base_data)
    path = proj / "data" / "models" / "syn-model-00001.yaml"
    data = yaml.safe_load(path.read_text())
    data["base_models"] = ["syn-modl-00000"]
    data["sources"][0]["supports"] = sorted({*data["sources"][0]["supports"], "base_models"})
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    text = path.read_text().splitlines()
    line = (
        next(i for i, t in enumerate(text, 1) if t.startswith("- syn-modl-00000"))
        if any(t.startswith("- syn-modl-00000") for t in text)
        else None
    )
    validate = subprocess.run(
        [sys.executable, "-m", "macros.tools.cli", "--root", str(proj), "validate"],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
    )
    assert validate.returncode == 1
    expected = "data/models/syn-model-00001.yaml:"
    message = next(ln for ln in validate.stdout.splitlines() if "unknown-ref" in ln)
    assert message.startswith(expected)
    assert (
        "error[unknown-ref] base_models[0]: no model 'syn-modl-00000' (did you mean 'syn-model-00000'?)"
        in message
    )
    if line:
        assert message.startswith(f"{expected}{line}:")
    site = tmp_path / "site"
    build = mkdocs_build(proj, site, check=False)
    assert build.returncode != 0
    assert message in build.stdout + build.stderr
    assert not site.exists() or not any(site.iterdir())


def test_a_macro_error_in_a_page_fails_the_build_and_leaves_no_site(tmp_path, base_data):
    proj = project_copy(tmp_path, base_data)
    page = proj / "docs" / "survey" / "future.md"
    page.write_text(page.read_text() + "\n{% endif %}\n")
    site = tmp_path / "site"
    build = mkdocs_build(proj, site, check=False)
    assert build.returncode != 0
    assert not site.exists() or not any(site.iterdir()), (
        "a failed build must not leave pages behind"
    )


def test_an_undefined_macro_variable_fails_the_build(tmp_path, base_data):
    proj = project_copy(tmp_path, base_data)
    page = proj / "docs" / "survey" / "future.md"
    page.write_text(page.read_text() + "\n{{ no_such_variable }}\n")
    build = mkdocs_build(proj, tmp_path / "site", check=False)
    assert build.returncode != 0


def test_the_macros_plugin_is_configured_to_fail_loudly():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["on_error_fail"] is True
    assert macros["on_undefined"] == "strict"
    assert macros["render_by_default"] is False
    assert "macros/glue/hooks.py" in config["hooks"]


def test_generated_pages_opt_out_of_macros(real_catalog):
    from macros.render.renderer import Renderer

    renderer = Renderer(real_catalog)
    for page in renderer.all_pages():
        front = page.content.split("---\n")[1]
        assert yaml.safe_load(front)["render_macros"] is False, page.src


def test_a_hand_written_page_that_collides_with_a_generated_one_fails_the_build(
    tmp_path, base_data
):
    proj = project_copy(tmp_path, base_data)
    (proj / "docs" / "models").mkdir()
    (proj / "docs" / "models" / "syn-model-00001.md").write_text("# A page in the way\n")
    build = mkdocs_build(proj, tmp_path / "site", check=False)
    assert build.returncode != 0
    assert (
        "generated page models/syn-model-00001.md collides with docs/models/syn-model-00001.md"
        in (build.stdout + build.stderr)
    )


def test_no_page_shows_a_literal_markdown_heading(real_site):
    from selectolax.lexbor import LexborHTMLParser

    for path in sorted(real_site.rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        content = tree.css_first(".md-content")
        if content is None:
            continue
        for code in content.css("pre, code"):
            code.decompose()
        literal = [
            ln
            for ln in content.text(separator="\n").splitlines()
            if re.match(r"^#{1,6} ", ln.strip())
        ]
        assert literal == [], (path.relative_to(real_site).as_posix(), literal[:3])


def test_the_compare_page_keeps_its_data_in_its_own_file(real_site):
    html = (real_site / "compare" / "index.html").read_text(encoding="utf-8")
    data = (real_site / "assets" / "compare-data.js").read_text(encoding="utf-8")
    assert len(html.encode()) < 150 * 1024, "the HTML stays under the page budget"
    assert '<script src="../assets/compare-data.js"></script>' in html
    assert data.startswith("window.__atlasCompare = {") and len(data) > 100_000
