"""Special pages: compare models, the family tree, and disagreements between sources."""

from __future__ import annotations

from markupsafe import Markup

from macros.catalog.boards import board_slug
from macros.catalog.disagreements import disagreements
from macros.render.deferred import LIST_END
from macros.render.env import detail_text, fmt_value, front_matter
from macros.render.html import el, join, script_json
from macros.render.plan import GeneratedPage, page
from macros.schema import vocab

# Special pages sit in the Explore menu: they keep the sidebar so the menu stays in reach.
OUT_OF_SEARCH = {"hide": ["toc"], "search": {"exclude": True}}


def _compare_facts(c, m) -> dict[str, str]:
    return {
        "Type": vocab.label("survey_type", m.survey_type) if m.survey_type else "General model",
        "Released": m.released or "",
        "Parameters (B)": ", ".join(fmt_value(p) for p in m.parameters),
        "Weights": vocab.label("weights", m.weights) if m.weights else "",
        "Modalities": ", ".join(vocab.label("modality", x) for x in m.modalities),
        "Languages": ", ".join(m.languages),
        "Base models": ", ".join(c.models[b].name for b in m.base_models if b in c.models),
        "Organisations": ", ".join(
            c.organisations[o].name for o in m.organisations if o in c.organisations
        ),
    }


def compare_data(r, link) -> str:
    """The compare page's data as JSON that is safe inside a <script> element."""
    c = r.catalog
    models = {
        mid: {
            "name": m.name,
            "url": link.entry("models", mid),
            "facts": _compare_facts(c, m),
            "scores": [
                [
                    s.benchmark,
                    r.group_slug(s),
                    s.value,
                    s.reported_by,
                    r.short_source(s.source) + ", " + s.locator,
                ]
                for s in c.model_scores.get(mid, [])
            ],
        }
        for mid, m in c.models.items()
    }
    groups = {
        g.slug + "@" + bid: {
            "benchmark": c.benchmarks[bid].name,
            "title": g.title,
            "url": link.entry("benchmarks", bid, board_slug(g.scores[0])),
        }
        for bid in c.benchmarks
        for g in r.groups(bid)
    }
    return script_json({"models": models, "groups": groups}, sort_keys=True, ensure_ascii=True)


COMPARE_DATA = "assets/compare-data.js"


def compare_page(r, _arg=None) -> GeneratedPage:
    """Pick two to four models and see facts and shared results side by side."""
    src = "compare.md"
    link = r.linker(src)
    # The script fills each list from the page's data file, so the HTML does not carry
    # every model's name four times (20,000 options at 5,000 models).
    none = el("option", "(none)", value="")
    selects = [
        el("label", f"Model {n} ", el("select", none, data_compare_slot=n)) for n in range(1, 5)
    ]
    body = (
        '<article class="atlas-compare" data-search-exclude>\n'
        "<h1>Compare models</h1>\n"
        "<p>Choose two to four models. Their facts appear side by side, then every benchmark "
        "setting on which at least two of them have a result. Values are compared only within "
        "the same comparable group. The choice is kept in the address, so it can be shared.</p>\n"
        f"{el('form', selects, class_='atlas-compare-form')}\n"
        '<div id="compare-output" aria-live="polite"></div>\n'
        f"{el('script', src=link.asset(COMPARE_DATA))}\n"
        "</article>\n"
    )
    data = f"window.__atlasCompare = {compare_data(r, link)};\n"
    head = front_matter(
        "Compare models",
        "Two to four models side by side: facts and shared results.",
        **OUT_OF_SEARCH,
    )
    # Every model's facts and scores (1.3 MB on the real data) load from their own file,
    # so the page's HTML stays small; the links in it are relative to this page.
    return page(src, head, body, assets=((COMPARE_DATA, data),))


def descendant_ids(catalog, mid: str) -> set[str]:
    """Every model that descends from ``mid``, at any depth."""
    seen: set[str] = set()
    stack = list(catalog.derivatives.get(mid, []))
    while stack:
        cur = stack.pop()
        if cur not in seen:
            seen.add(cur)
            stack.extend(catalog.derivatives.get(cur, []))
    return seen


def descendants(catalog, mid: str) -> int:
    """How many models descend from ``mid``, at any depth."""
    return len(descendant_ids(catalog, mid))


class _Tree:
    """Draws the family tree as nested lists; the first mention of a model gets its anchor."""

    def __init__(self, r, link):
        self.c = r.catalog
        self.link = link
        self.anchored: set[str] = set()
        self.expanded: set[str] = set()  # each model's branch is drawn once: linear size

    def anchor(self, mid: str) -> str | None:
        if mid in self.anchored:
            return None
        self.anchored.add(mid)
        return mid

    def model_link(self, mid: str) -> Markup:
        return el(
            "a", self.c.models[mid].name, id=self.anchor(mid), href=self.link.entry("models", mid)
        )

    def badge(self, m) -> Markup:
        if not m.survey_type:
            return Markup(" ") + el("span", "general", class_="atlas-badge")
        label = vocab.label("survey_type", m.survey_type)
        return Markup(" ") + el(
            "span", label, class_=f"atlas-badge atlas-badge--type-{m.survey_type}"
        )

    def node(self, mid: str, seen: frozenset) -> Markup:
        m = self.c.models[mid]
        kids = [k for k in self.c.derivatives.get(mid, []) if k not in seen]
        label = self.model_link(mid) + self.badge(m)
        if kids and mid in self.expanded:
            see = el("a", "its branch is shown above", href=f"#{mid}")
            return el("li", label, " (", see, ")")
        self.expanded.add(mid)
        if not kids:
            return el("li", label)
        inner = [self.node(k, seen | {mid}) for k in kids]
        count = el("span", f"({len(kids)})", class_="atlas-count")
        return el("li", label, Markup(" "), count, el("ul", inner))


GRAPHED_FAMILIES = 12  # the lists below the graphs carry every family


def _family_figure(r, src: str, root: str) -> Markup:
    from macros.render.charts.lineage_graph import graph_svg

    c = r.catalog
    family = {root} | descendant_ids(c, root)
    name = c.models[root].name
    label = f"The {name} family: {len(family)} models"
    svg = graph_svg(c, family, r.linker(src), label)
    caption = el("figcaption", label)
    return el(
        "figure", el("div", svg, class_="atlas-graph-wrap"), caption, class_="atlas-graph-figure"
    )


def lineage_page(r, _arg=None) -> GeneratedPage:
    """The whole family tree, from general models to medical ones, as nested lists."""
    src = "lineage.md"
    c = r.catalog
    tree = _Tree(r, r.linker(src))
    roots = sorted(
        (mid for mid, m in c.models.items() if not m.base_models and c.derivatives.get(mid)),
        key=lambda i: (-descendants(c, i), c.models[i].name.lower()),
    )
    trees = Markup("\n").join(tree.node(root, frozenset()) for root in roots)  # one a line
    graphs = Markup("\n").join(_family_figure(r, src, root) for root in roots[:GRAPHED_FAMILIES])
    alone = sorted(
        (
            mid
            for mid, m in c.models.items()
            if m.kind == "medical" and not m.base_models and not c.derivatives.get(mid)
        ),
        key=lambda i: c.models[i].name.lower(),
    )
    alone_html = Markup(", ").join(tree.model_link(mid) for mid in alone)
    body = (
        '<article class="atlas-tree" data-search-exclude>\n'
        "<p>Each family starts at a model with no recorded base and reaches the models built "
        "on it, from general foundations to their medical adaptations: first as graphs of the "
        f"{GRAPHED_FAMILIES} largest families (an arrow from each base to its derivative; "
        "every box links to the model), then as lists of every family. A model with several "
        "bases appears under each of them.</p>\n"
        f'<h2 id="graphs">The largest families</h2>\n{graphs}\n'
        '<h2 id="lists">Every family</h2>\n'
        f'<ul class="atlas-tree-root" data-defer>\n{trees}\n{LIST_END}</ul>\n'
        '<h2 id="standalone">Medical models with no recorded base or derivative</h2>\n'
        f"<p>{alone_html or 'None.'}</p>\n"
        "</article>\n"
    )
    return page(src, front_matter("Family tree", **OUT_OF_SEARCH), body)


def _disagreement(r, link, d) -> Markup:
    c = r.catalog
    rows = [
        el(
            "tr",
            el("td", fmt_value(s.value), data_value=s.value),
            el("td", "authors" if s.reported_by == "authors" else "third party"),
            el(
                "td",
                el("a", r.short_source(s.source), href=link.entry("papers", s.source)),
                ", ",
                s.locator,
            ),
            el("td", detail_text(s.setting)),
        )
        for s in d.scores
    ]
    slug = board_slug(d.scores[0])
    title = el(
        "h3",
        el("a", c.models[d.model].name, href=link.entry("models", d.model)),
        " on ",
        el("a", c.benchmarks[d.benchmark].name, href=link.entry("benchmarks", d.benchmark, slug)),
    )
    head = el(
        "tr", [el("th", h, scope="col") for h in ("Score", "Reported by", "Source", "Details")]
    )
    table = el("table", el("thead", head), el("tbody", rows), class_="atlas-table")
    return el(
        "section",
        title,
        el("p", f"{d.title} · spread {fmt_value(d.spread)} points"),
        el("div", table, class_="atlas-table-wrap"),
        class_="atlas-disagreement",
    )


def disagreements_page(r, _arg=None) -> GeneratedPage:
    """Every (model, benchmark, setting) where sources report different numbers."""
    src = "disagreements.md"
    link = r.linker(src)
    items = disagreements(r.catalog)
    blocks = join((_disagreement(r, link, d) for d in items), "\n")
    body = (
        '<article class="atlas-disagreements" data-search-exclude>\n'
        f"<p>{len(items)} cases where two or more sources report different numbers for the same "
        "model, benchmark and comparable setting. The atlas keeps every number with its source "
        "rather than picking one. Differences often come from paper versions, prompts, answer "
        "parsing or harness changes; details not captured by the setting (such as the number of "
        f"ensemble samples) are listed per row.</p>\n{blocks}\n</article>\n"
    )
    return page(src, front_matter("Disagreements between sources", **OUT_OF_SEARCH), body)
