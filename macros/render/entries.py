"""Entry pages: one per model, benchmark, technique, source, application, organisation and
result table, each drawn by its template with a facts box and cross-links."""

from __future__ import annotations

from macros.catalog.links import src_path
from macros.export import bibtex
from macros.render.charts import jobs as chartjobs
from macros.render.env import bib_html, first_sentence, fmt_value, front_matter, size_text
from macros.render.leaderboard import board_view, chart_view, leader_view
from macros.render.plan import GeneratedPage, page
from macros.schema import vocab

LEADERS = 6  # boards whose leader opens the benchmark page

# An entry's own page ranks above the pages that merely mention it (Material's search boost).
RANKED = {"search": {"boost": 4}}


def _links(links) -> list[tuple[str, str]]:
    return [(name.capitalize(), url) for name, url in links.model_dump().items() if url]


def _names(store: dict, ids: list[str]) -> str:
    return ", ".join(store[i].name for i in ids if i in store)


def _label(vocabulary: str, value: str | None) -> str:
    return vocab.label(vocabulary, value) if value else ""


def model_facts(r, m, by_field: dict) -> list[tuple]:
    """The facts box of a model: (label, text, references backing it)."""
    c = r.catalog
    return [
        ("Kind", vocab.label("model_kind", m.kind), []),
        ("Survey type", _label("survey_type", m.survey_type), []),
        (
            "Organisations",
            _names(c.organisations, m.organisations),
            by_field.get("organisations", []),
        ),
        ("Released", m.released or "", by_field.get("released", [])),
        (
            "Parameters",
            ", ".join(f"{fmt_value(p)}B" for p in m.parameters),
            by_field.get("parameters", []),
        ),
        ("Architecture", _label("architecture", m.architecture), by_field.get("architecture", [])),
        ("Weights", _label("weights", m.weights), by_field.get("weights", [])),
        ("Licence", m.licence or "", by_field.get("licence", [])),
        ("Base models", _names(c.models, m.base_models), by_field.get("base_models", [])),
    ]


def related_models(r, mid: str) -> list[str]:
    """Siblings: models sharing a base model or a family, excluding lineage already shown."""
    c = r.catalog
    m = c.models[mid]
    shown = set(m.base_models) | set(c.derivatives.get(mid, [])) | {mid}
    related: set[str] = set()
    for base in m.base_models:
        related.update(c.derivatives.get(base, []))
    if m.family:
        related.update(o.id for o in r.families().get(m.family, []))
    return sorted(related - shown)[:12]


def family_members(r, m) -> list[str]:
    """The other models of a family, when ``m`` is the family's own entry (its name is the
    family's name)."""
    if not m.family or m.family != m.name:
        return []
    return sorted(x.id for x in r.families().get(m.family, []) if x.id != m.id)


def member_facts(r, members: list[str]) -> list[tuple[str, str]]:
    """Facts of a family rolled up from its members: sizes, first release, organisations."""
    c = r.catalog
    ms = [c.models[i] for i in members]
    sizes = sorted({p for x in ms for p in x.parameters})
    released = sorted(x.released for x in ms if x.released)
    orgs = sorted({o for x in ms for o in x.organisations if o in c.organisations})
    weights = sorted({vocab.label("weights", x.weights) for x in ms if x.weights})
    rows = [
        ("Members", ", ".join(x.name for x in ms)),
        ("Sizes", ", ".join(f"{fmt_value(p)}B" for p in sizes)),
        ("First released", released[0] if released else ""),
        ("Organisations", ", ".join(c.organisations[o].name for o in orgs)),
        ("Weights", ", ".join(weights)),
    ]
    return [(label, value) for label, value in rows if value]


def _lineage_graph(r, src: str, mid: str):
    """A compact graph of the model's ancestors and descendants, when it has any."""
    from macros.render.charts.lineage_graph import graph_svg, relatives

    family = relatives(r.catalog, mid)
    if len(family) < 2:
        return None
    label = f"Lineage of {r.catalog.models[mid].name}: its bases and the models built on it"
    return graph_svg(r.catalog, family, r.linker(src), label, here=mid)


def model_page(r, mid: str) -> GeneratedPage:
    """A model: facts with their sources, lineage, techniques, results, citation."""
    c = r.catalog
    m = c.models[mid]
    src = src_path("models", mid)
    refs, by_field = r.provenance(m.sources)
    scores = sorted(
        c.model_scores.get(mid, []),
        key=lambda s: (c.benchmarks[s.benchmark].name.lower(), s.variant or "", -s.value),
    )
    body = r.render(
        "model.md.j2",
        src,
        m=m,
        facts=model_facts(r, m, by_field),
        provenance=refs,
        derivatives=c.derivatives.get(mid, []),
        lineage_graph=_lineage_graph(r, src, mid),
        in_tree=bool(m.base_models or c.derivatives.get(mid) or m.kind == "medical"),
        scores=scores,
        benchmarks=sorted({s.benchmark for s in scores}),
        related=related_models(r, mid),
        members=family_members(r, m),
        member_facts=member_facts(r, family_members(r, m)),
        member_scores=sorted(
            (s for x in family_members(r, m) for s in c.model_scores.get(x, [])),
            key=lambda s: (c.benchmarks[s.benchmark].name.lower(), s.variant or "", -s.value),
        ),
        links=_links(m.links),
        bibtex=r.bib(m.papers),
    )
    # No tags: the survey-type pages list models by type, with filters, and the tags page
    # would grow with every model (5,000 links at 5,000 models).
    head = front_matter(m.name, first_sentence(m.summary), hide=["navigation"], **RANKED)
    return page(src, head, body, c.files[("models", mid)])


def benchmark_facts(r, b, by_field: dict) -> list[tuple]:
    """The facts box of a benchmark: (label, text, references backing it)."""
    return [
        ("Category", vocab.label("evaluation_category", b.category), []),
        ("Task", vocab.label("task", b.task), by_field.get("task", [])),
        (
            "Organisations",
            _names(r.catalog.organisations, b.organisations),
            by_field.get("organisations", []),
        ),
        ("Released", b.released or "", by_field.get("released", [])),
        ("Answer format", b.answer_format or "", by_field.get("answer_format", [])),
        ("Metrics", ", ".join(vocab.METRIC_BY_ID[x].label for x in b.metrics), []),
        ("Size", size_text(b.size), by_field.get("size", [])),
        ("Access", _label("access", b.access), by_field.get("access", [])),
        ("Licence", b.licence or "", by_field.get("licence", [])),
    ]


def benchmark_charts(r, bid: str, boards) -> list[dict]:
    """The progress chart of a main benchmark's main board, with its data."""
    if not r.catalog.benchmarks[bid].main or not boards:
        return []
    caption = (
        f"{boards[0].title}: each model's best score by the date the model appeared; the line "
        "and the labelled points are the state of the art so far."
    )
    return [
        chart_view(r, job, boards[0], caption)
        for job in chartjobs.benchmark_jobs(r.catalog, bid, boards)
    ]


def benchmark_page(r, bid: str) -> GeneratedPage:
    """A benchmark: the leader of each variant and the trend first, then every board."""
    c = r.catalog
    b = c.benchmarks[bid]
    src = src_path("benchmarks", bid)
    refs, by_field = r.provenance(b.sources)
    boards = r.boards(bid)
    leaders = [leader_view(r, board) for board in boards[:LEADERS]]
    for lead in leaders:
        lead["claim_value"] = lead["board"].leader.best.value
    body = r.render(
        "benchmark.md.j2",
        src,
        b=b,
        facts=benchmark_facts(r, b, by_field),
        provenance=refs,
        boards=[board_view(r, board) for board in boards],
        leaders=leaders,
        n_models=len({s.model for s in c.benchmark_scores.get(bid, [])}),
        n_scores=len(c.benchmark_scores.get(bid, [])),
        charts=benchmark_charts(r, bid, boards),
        links=_links(b.links),
        bibtex=r.bib(b.papers),
    )
    tags = [vocab.label("evaluation_category", b.category)]
    head = front_matter(b.name, first_sentence(b.summary), tags=tags, hide=["navigation"], **RANKED)
    return page(src, head, body, c.files[("benchmarks", bid)])


def technique_page(r, tid: str) -> GeneratedPage:
    """A technique: what it refines, its children, the models and applications using it."""
    c = r.catalog
    t = c.techniques[tid]
    src = src_path("techniques", tid)
    apps = sorted(a for a, ts in c.application_techniques.items() if tid in ts)
    body = r.render(
        "technique.md.j2",
        src,
        t=t,
        children=c.technique_children.get(tid, []),
        models=c.technique_models.get(tid, []),
        applications=apps,
    )
    head = front_matter(t.name, first_sentence(t.summary), **RANKED)
    return page(src, head, body, c.files[("techniques", tid)])


def paper_page(r, pid: str) -> GeneratedPage:
    """A source: what cites it and every score read from it."""
    c = r.catalog
    x = c.papers[pid]
    src = src_path("papers", pid)
    body = r.render(
        "paper.md.j2",
        src,
        x=x,
        cited=c.citations.get(pid, []),
        scores=c.source_scores.get(pid, []),
        bibtex=bib_html(bibtex.entry(x)),
    )
    head = front_matter(x.title, x.summary or "", **RANKED)
    return page(src, head, body, c.files[("papers", pid)])


def application_page(r, aid: str) -> GeneratedPage:
    """An application area: its techniques, models and benchmarks."""
    c = r.catalog
    a = c.applications[aid]
    src = src_path("applications", aid)
    body = r.render(
        "application.md.j2",
        src,
        a=a,
        techniques=c.application_techniques.get(aid, []),
        models=c.application_models.get(aid, []),
        benchmarks=c.application_benchmarks.get(aid, []),
    )
    head = front_matter(a.name, first_sentence(a.summary), **RANKED)
    return page(src, head, body, c.files[("applications", aid)])


def organisation_page(r, oid: str) -> GeneratedPage:
    """An organisation: its models and benchmarks."""
    c = r.catalog
    o = c.organisations[oid]
    src = src_path("organisations", oid)
    body = r.render(
        "organisation.md.j2",
        src,
        o=o,
        models=c.organisation_models.get(oid, []),
        benchmarks=c.organisation_benchmarks.get(oid, []),
    )
    return page(src, front_matter(o.name, **RANKED), body, c.files[("organisations", oid)])


def results_page(r, rid: str) -> GeneratedPage:
    """A result table: its source, setting and rows."""
    c = r.catalog
    t = c.results[rid]
    src = src_path("results", rid)
    body = r.render("results.md.j2", src, r=t, scores=c.table_scores.get(rid, []))
    return page(src, front_matter(t.name, **RANKED), body, c.files[("results", rid)])
