"""Every generated page is linear in the entries it shows: the family tree expands each
model once, however many bases models have."""

from __future__ import annotations

from macros.catalog.store import Catalog
from macros.render.renderer import Renderer
from macros.render.special import lineage_page
from macros.schema.entries import Model


def two_base_family(levels: int) -> Catalog:
    """A family 25 levels deep in which every model has the two models above it as bases."""
    c = Catalog()
    for i in range(levels):
        bases = [f"m{j}" for j in (i - 1, i - 2) if j >= 0]
        c.models[f"m{i}"] = Model.model_construct(
            id=f"m{i}",
            name=f"Model {i}",
            kind="medical",
            survey_type="fine-tuned",
            base_models=bases,
            family=None,
        )
    c.derive()
    return c


def test_the_family_tree_of_a_25_level_two_base_family_stays_small():
    sizes = {}
    for levels in (13, 25):
        page = lineage_page(Renderer(two_base_family(levels)))
        sizes[levels] = len(page.markdown())
    # Every path through the graph would be about 2**25 nodes; each model once is linear.
    assert sizes[25] < 40_000
    assert sizes[25] < 2.5 * sizes[13]


def test_every_model_of_the_family_is_in_the_tree_once_with_its_anchor():
    html = lineage_page(Renderer(two_base_family(25))).markdown()
    for i in range(25):
        assert html.count(f'id="m{i}"') == 1
