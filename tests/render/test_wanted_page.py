"""The help-wanted page lists, per field, the entries that have not settled it, linked."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from macros.catalog.build import load_catalog
from macros.catalog.completeness import TARGETS, completeness, missing
from macros.render.plan import PageJob
from macros.render.renderer import Renderer

TODAY = date(2026, 6, 1)


def _medical_model(project):
    return next(
        p
        for p in sorted((project / "data" / "models").glob("*.yaml"))
        if yaml.safe_load(p.read_text())["kind"] == "medical"
    )


def _catalog(project):
    catalog, problems = load_catalog(project, today=TODAY, style=False)
    assert catalog is not None, problems[:3]
    return catalog


@pytest.fixture
def without_organisation(project):
    """The project with one medical model's organisations removed; returns (path, data)."""
    path = _medical_model(project)
    data = yaml.safe_load(path.read_text())
    data["organisations"] = []
    data.pop("not_stated", None)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path, data


def test_a_model_without_a_fact_is_missing_it_until_listed_as_not_stated(
    project, without_organisation
):
    path, data = without_organisation
    assert data["id"] in missing(_catalog(project))["organisations"]
    data["not_stated"] = ["organisations"]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert data["id"] not in missing(_catalog(project))["organisations"]


def test_missing_and_completeness_count_the_same_entries(project, without_organisation):
    catalog = _catalog(project)
    gaps = missing(catalog)
    assert list(gaps) == list(TARGETS)
    for row in completeness(catalog):
        assert row.known == row.total - len(gaps[row.field])


def test_the_page_links_every_entry_missing_a_field_under_its_heading(
    project, without_organisation
):
    _, data = without_organisation
    catalog = _catalog(project)
    page = Renderer(catalog).render_job(PageJob("wanted.md", "wanted"))
    text = page.markdown()
    section = text.split("## Organisation: medical models", 1)[1].split("\n## ", 1)[0]
    assert f'href="../models/{data["id"]}/"' in section
    assert data["name"] in section
    assert f"{len(missing(catalog)['organisations'])} of " in section
    for field in TARGETS:
        assert f'href="#{field.replace("_", "-").replace(" ", "-")}"' in text
