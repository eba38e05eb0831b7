"""Family graphs: grandalf's layering puts every base before its derivative, and the SVG
has one link per model and one arrow per base-derivative pair."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from selectolax.lexbor import LexborHTMLParser

from macros.catalog.links import Linker
from macros.render.charts.lineage_graph import graph_svg, layers, lineage_edges, relatives


def test_layers_put_every_base_before_its_derivatives():
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("x", "y")]
    found = layers(["a", "b", "c", "d", "x", "y"], edges)
    depth = {n: i for i, layer in enumerate(found) for n in layer}
    assert sorted(depth) == ["a", "b", "c", "d", "x", "y"]
    assert all(depth[a] < depth[b] for a, b in edges)


def test_the_graph_links_each_model_once_and_draws_each_edge(catalog40):
    c = catalog40
    mid = next(m for m in sorted(c.derivatives) if c.derivatives[m])
    family = relatives(c, mid)
    svg = str(graph_svg(c, family, Linker("lineage.md", True), "A family", here=mid))
    tree = LexborHTMLParser(f"<html><body>{svg}</body></html>")
    links = [a.attributes["href"] for a in tree.css("svg a")]
    assert sorted(links) == sorted(f"../models/{m}/" for m in family)
    assert len(tree.css("path.atlas-edge")) == len(lineage_edges(c, family)) > 0
    assert len(tree.css("rect.atlas-node--here")) == 1
    assert tree.css_first("svg").attributes["aria-label"] == "A family"


LAYOUT = """
from macros.render.charts.lineage_graph import layers
edges = [("b", "b-dare"), ("b", "b-slerp"), ("b", "b-ties"), ("lm", "rag"), ("m", "hippo"),
         ("m", "internist"), ("m", "jsl"), ("m", "lm"), ("m", "mi"), ("mi", "b"), ("mi", "b-dare"),
         ("mi", "b-slerp"), ("mi", "b-ties"), ("mi", "reason")]
print(layers(sorted({n for e in edges for n in e}), edges))
"""


def test_a_layout_is_the_same_in_every_process():
    """Builds are reproducible: grandalf keeps a component's edges in a set, whose order
    changes between processes, so the order they reach the layout must not come from there."""
    runs = {
        subprocess.run(
            [sys.executable, "-c", LAYOUT],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(runs) == 1, runs
