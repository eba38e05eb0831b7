"""Family trees as graphs: SVG drawn at build time, one link per model.

The layout is grandalf's Sugiyama layering (layers from base to derivative, and the order
within each layer that reduces edge crossings); this module only places the layers as
columns and draws. Colours come from the theme's CSS variables, so a graph follows the
reader's light or dark scheme.
"""

from __future__ import annotations

from grandalf.graphs import Edge, Graph, Vertex, graph_core
from grandalf.layouts import SugiyamaLayout
from markupsafe import Markup

from macros.catalog.store import Catalog
from macros.render.html import el

COLUMN, ROW, NODE_W, NODE_H, PAD = 230, 26, 200, 20, 6
MAX_CHARS = 30  # longer names are cut in the drawing; the link and the list carry them whole


class _View:
    w, h = NODE_W, NODE_H


def _graph(nodes: list[str], edges: list[tuple[str, str]], graph_class):
    vertices = {n: Vertex(n) for n in nodes}
    for v in vertices.values():
        v.view = _View()
    kept = [Edge(vertices[a], vertices[b]) for a, b in edges if a in vertices and b in vertices]
    return graph_class(list(vertices.values()), kept)


def _component_layers(nodes: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    layout = SugiyamaLayout(_graph(nodes, edges, graph_core))
    layout.init_all()
    layout.draw()
    real = set(nodes)  # the layers also hold the dummy vertices of long edges
    return [[v.data for v in layer if getattr(v, "data", None) in real] for layer in layout.layers]


def layers(nodes: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """The nodes in layers, base models first, ordered within each layer by grandalf's
    crossing reduction (several components are laid out one after the other).

    grandalf's ``Graph`` finds the components, but keeps each one's edges in a set, whose
    order changes from one process to the next, and so would the layout; so each
    component is laid out again from its nodes in their order and its edges in ``edges``'
    order."""
    out: list[list[str]] = []
    for component in _graph(nodes, edges, Graph).C:
        for i, layer in enumerate(_component_layers([v.data for v in component.sV], edges)):
            while len(out) <= i:
                out.append([])
            out[i].extend(layer)
    return [layer for layer in out if layer]


def lineage_edges(catalog: Catalog, nodes: set[str]) -> list[tuple[str, str]]:
    """Base -> derivative edges among ``nodes``."""
    return sorted(
        (base, mid)
        for mid in nodes
        for base in catalog.models[mid].base_models
        if base in nodes and base != mid
    )


def graph_svg(catalog: Catalog, nodes: set[str], link, label: str, here: str | None = None):
    """An SVG of the lineage among ``nodes``: each model a link to its page, an arrow from
    each base to its derivative; ``here`` is drawn as the current model."""
    edges = lineage_edges(catalog, nodes)
    columns = layers(sorted(nodes), edges)
    where = {n: (c, r) for c, col in enumerate(columns) for r, n in enumerate(col)}
    width = COLUMN * len(columns) + PAD * 2
    height = ROW * max(len(col) for col in columns) + PAD * 2

    def xy(n):
        c, r = where[n]
        return PAD + c * COLUMN, PAD + r * ROW

    lines = []
    for a, b in edges:
        (x1, y1), (x2, y2) = xy(a), xy(b)
        d = f"M{x1 + NODE_W},{y1 + NODE_H / 2} L{x2 - 4},{y2 + NODE_H / 2}"
        lines.append(el("path", d=d, class_="atlas-edge", marker_end="url(#atlas-arrow)"))
    boxes = []
    for n in sorted(where):
        x, y = xy(n)
        m = catalog.models[n]
        name = m.name if len(m.name) <= MAX_CHARS else m.name[: MAX_CHARS - 1] + "…"
        kind = "here" if n == here else (m.survey_type or "general")
        box = el(
            "rect",
            x=x,
            y=y,
            width=NODE_W,
            height=NODE_H,
            rx=4,
            class_=f"atlas-node atlas-node--{kind}",
        )
        text = el("text", name, x=x + 6, y=y + 14)
        boxes.append(el("a", el("title", m.name), box, text, href=link.entry("models", n)))
    arrow = Markup(
        '<defs><marker id="atlas-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" class="atlas-arrowhead"/>'
        "</marker></defs>"
    )
    return el(
        "svg",
        el("title", label),
        arrow,
        el("g", lines),
        el("g", boxes),
        class_="atlas-lineage-graph",
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="group",
        aria_label=label,
        xmlns="http://www.w3.org/2000/svg",
    )


def relatives(catalog: Catalog, mid: str, limit: int = 40) -> set[str]:
    """A model with its ancestors and descendants (at most ``limit`` models in all)."""
    seen = {mid}
    for step in (lambda x: catalog.models[x].base_models, lambda x: catalog.derivatives.get(x, [])):
        frontier = [mid]
        while frontier and len(seen) < limit:
            nxt = []
            for cur in frontier:
                for other in step(cur):
                    if other in catalog.models and other not in seen and len(seen) < limit:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
    return seen
