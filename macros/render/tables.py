"""Tables shared by several pages: models, benchmarks, and the simple index tables.

Model and benchmark tables come from templates. The simple index tables (techniques,
sources, organisations, applications, result tables) are built with ``html.el``, which
escapes every value.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.render.env import fmt_value
from macros.render.html import el, page_data, void
from macros.schema import vocab

SHORT_TYPE = {
    "pretrained": "Pre-trained",
    "fine-tuned": "Adapted",
    "prompted": "Prompted",
    "general": "General",
}
SIZE_BUCKETS = (
    ("lt1", "under 1B"),
    ("1-10", "1B to 10B"),
    ("10-100", "10B to 100B"),
    ("ge100", "100B and over"),
    ("unknown", "not published"),
)


def size_bucket(params: list[float]) -> str:
    """Filter bucket of a model's size (largest size in the entry)."""
    if not params:
        return "unknown"
    p = max(params)
    if p < 1:
        return "lt1"
    if p < 10:
        return "1-10"
    if p < 100:
        return "10-100"
    return "ge100"


def first_and_more(names: list[str]) -> str:
    """'A' or 'A +2': keeps table cells short; the entry page lists every name."""
    if not names:
        return ""
    return names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")


def model_rows(r, ids) -> list[dict]:
    """One row of the models table per id."""
    c = r.catalog
    rows = []
    for mid in ids:
        m = c.models[mid]
        type_ = m.survey_type if m.kind == "medical" else "general"
        orgs = [c.organisations[o].name for o in m.organisations if o in c.organisations]
        rows.append(
            {
                "m": m,
                "type": type_,
                "type_label": SHORT_TYPE[type_],
                "year": m.released[:4] if m.released else "",
                "size": size_bucket(m.parameters),
                "params": ", ".join(fmt_value(p) for p in m.parameters),
                "params_sort": max(m.parameters) if m.parameters else "",
                "orgs": first_and_more(orgs),
                "q": " ".join([m.name, *m.aliases, m.family or "", m.id]).lower(),
                "n": len(c.model_scores.get(mid, [])),
            }
        )
    return rows


def score_columns(r) -> list[tuple[str, object]]:
    """The main benchmarks' headline boards: (benchmark id, board), in name order."""
    c = r.catalog
    mains = sorted((b for b in c.benchmarks.values() if b.main), key=lambda b: b.name.lower())
    return [(b.id, r.boards(b.id)[0]) for b in mains if r.boards(b.id)]


def best_scores(columns) -> dict[str, list]:
    """Model id -> its best claim on each score column (None where it has none)."""
    out: dict[str, list] = {}
    for i, (_bid, board) in enumerate(columns):
        for row in board.rows:
            out.setdefault(row.model, [None] * len(columns))[i] = row.best
    return out


MODELS_DATA = "assets/models-index.js"
FIRST_ROWS = 100  # drawn in the HTML; the script draws the rest from the page's data file


def _model_table_rows(r, ids, filters: bool):
    ids = sorted(ids, key=lambda i: r.catalog.models[i].name.lower())
    rows = model_rows(r, ids)
    columns = score_columns(r) if filters else []
    best = best_scores(columns)
    for row in rows:
        row["best"] = best.get(row["m"].id, [None] * len(columns))
    return rows, columns


def model_table(
    r, page_src: str, ids, *, filters: bool = False, table_id: str = "", data: bool = False
) -> str:
    """An HTML table of models (sortable; filterable when ``filters``, which also brings the
    optional columns of best scores on the main benchmarks and the "has results" filter).
    With ``data`` only the first rows are in the HTML, and the script draws the others from
    the page's data file (``models_data``)."""
    rows, columns = _model_table_rows(r, ids, filters)
    return r.render(
        "models_table.html.j2",
        page_src,
        rows=rows,
        filters=filters,
        columns=columns,
        opts=model_filter_options(r, rows) if filters else {},
        table_id=table_id or "models-table",
        limit=FIRST_ROWS if data else 0,
        data_src=MODELS_DATA if data else "",
    )


def _filters(row: dict) -> dict:
    """The values the index's filters match, as the row's data- attributes carry them."""
    m = row["m"]
    return {
        "type": row["type"],
        "year": row["year"],
        "size": row["size"],
        "weights": m.weights or "",
        "modality": " ".join(m.modalities),
        "language": " ".join(m.languages),
        "org": " ".join(m.organisations),
        "results": "yes" if row["n"] else "no",
        "q": row["q"],
    }


def _sort_keys(row: dict) -> list:
    """One key per column, as the script compares cells (None: an empty cell)."""
    m = row["m"]
    text = [
        m.name,
        row["type_label"],
        m.released or "",
        None,
        vocab.label("weights", m.weights) if m.weights else "",
        ", ".join(vocab.label("modality", x) for x in m.modalities),
        ", ".join(m.languages),
        row["orgs"],
    ]
    keys = [t.lower() or None if isinstance(t, str) else t for t in text]
    keys[3] = row["params_sort"] if row["params_sort"] != "" else None
    return [*keys, row["n"], *[c.value if c else None for c in row["best"]]]


def models_data(r, page_src: str, ids) -> str:
    """The data file of the models index: each row's HTML (escaped by the same template as
    the page), filter values and sort keys, in name order, as one JSON value."""
    rows, columns = _model_table_rows(r, ids, True)
    out = [
        {
            "h": r.render("model_row.html.j2", page_src, r=row, columns=columns).strip(),
            "f": _filters(row),
            "k": _sort_keys(row),
        }
        for row in rows
    ]
    return page_data("__atlasRows", {"rows": out})


def _present(vocabulary: str, present: set) -> list[tuple[str, str]]:
    return [(x, vocab.label(vocabulary, x)) for x in vocab.ids(vocabulary) if x in present]


def model_filter_options(r, rows: list[dict]) -> dict:
    """The choices of each filter of the models table: only values that occur."""
    c = r.catalog
    types = [(t, vocab.label("survey_type", t)) for t in vocab.ids("survey_type")]
    types.append(("general", "General model"))
    present_types = {row["type"] for row in rows}
    sizes = {row["size"] for row in rows}
    languages = {x for row in rows for x in row["m"].languages}
    orgs = {x for row in rows for x in row["m"].organisations}
    return {
        "types": [t for t in types if t[0] in present_types],
        "years": sorted({row["year"] for row in rows if row["year"]}),
        "sizes": [s for s in SIZE_BUCKETS if s[0] in sizes],
        "weights": _present("weights", {row["m"].weights for row in rows if row["m"].weights}),
        "modalities": _present("modality", {x for row in rows for x in row["m"].modalities}),
        "languages": sorted(
            ((x, vocab.label("language", x)) for x in languages), key=lambda p: p[1]
        ),
        "orgs": sorted(
            ((o, c.organisations[o].name) for o in orgs if o in c.organisations),
            key=lambda p: (p[1].lower(), p[0]),  # by name; the id settles equal names
        ),
    }


def _use_of(sources: int) -> str:
    """How widely a benchmark is scored: by several sources, by one (often its authors' own
    evaluation set), or not yet."""
    return "several" if sources >= 2 else ("single" if sources == 1 else "none")


def benchmark_table(r, page_src: str, ids, *, filters: bool = False, table_id: str = "") -> str:
    """An HTML table of benchmarks."""
    c = r.catalog
    ids = sorted(ids, key=lambda i: c.benchmarks[i].name.lower())
    rows = []
    for b in ids:
        scores = c.benchmark_scores.get(b, [])
        sources = len({s.source for s in scores})
        rows.append(
            {
                "b": c.benchmarks[b],
                "n": len(scores),
                "sources": sources,
                "use": _use_of(sources),
                "groups": len(r.groups(b)),
                "q": " ".join([c.benchmarks[b].name, *c.benchmarks[b].aliases, b]).lower(),
            }
        )
    opts = {}
    if filters:
        opts = {
            "categories": [(x.id, x.label) for x in vocab.EVALUATION_CATEGORIES],
            "tasks": [
                (t.id, t.label) for t in vocab.TASKS if any(row["b"].task == t.id for row in rows)
            ],
            "languages": sorted(
                {(x, vocab.label("language", x)) for row in rows for x in row["b"].languages},
                key=lambda p: p[1],
            ),
        }
    return r.render(
        "benchmarks_table.html.j2",
        page_src,
        rows=rows,
        filters=filters,
        opts=opts,
        table_id=table_id or "benchmarks-table",
    )


# ---------------------------------------------------------------- simple index tables


def _count(n: int) -> Markup:
    return el("td", n, data_value=n)


def _named_row(link, kind: str, eid: str, name: str, *cells) -> Markup:
    first = el("td", el("a", name, href=link.entry(kind, eid)))
    return el("tr", first, *cells, data_q=name.lower())


def technique_rows(r, link) -> tuple[list[str], list[Markup]]:
    """Techniques by name: stage, the technique it refines, models using it."""
    c = r.catalog
    rows = []
    for tid, t in sorted(c.techniques.items(), key=lambda kv: kv[1].name.lower()):
        parent = c.techniques.get(t.parent) if t.parent else None
        cells = (
            el("td", vocab.label("technique_stage", t.stage)),
            el("td", parent.name if parent else ""),
            _count(len(c.technique_models.get(tid, []))),
        )
        rows.append(_named_row(link, "techniques", tid, t.name, *cells))
    return ["Technique", "Stage", "Refines", "Models"], rows


def paper_rows(r, link) -> tuple[list[str], list[Markup]]:
    """Sources, newest first: first author, year, type, how many entries cite it."""
    c = r.catalog
    rows = []
    for pid, p in sorted(c.papers.items(), key=lambda kv: (-kv[1].year, kv[1].title.lower())):
        cells = (
            el("td", p.authors[0] if p.authors else ""),
            el("td", p.year),
            el("td", vocab.label("source_type", p.type)),
            _count(len(c.citations.get(pid, []))),
        )
        rows.append(_named_row(link, "papers", pid, p.title, *cells))
    return ["Source", "First author", "Year", "Type", "Cited by"], rows


def organisation_rows(r, link) -> tuple[list[str], list[Markup]]:
    """Organisations by name: sector, country, models and benchmarks."""
    c = r.catalog
    rows = []
    for oid, o in sorted(c.organisations.items(), key=lambda kv: kv[1].name.lower()):
        cells = (
            el("td", vocab.label("sector", o.sector)),
            el("td", o.country or ""),
            _count(len(c.organisation_models.get(oid, []))),
            _count(len(c.organisation_benchmarks.get(oid, []))),
        )
        rows.append(_named_row(link, "organisations", oid, o.name, *cells))
    return ["Organisation", "Sector", "Country", "Models", "Benchmarks"], rows


def application_rows(r, link) -> tuple[list[str], list[Markup]]:
    """Application areas by name: survey keyword, models and benchmarks."""
    c = r.catalog
    rows = []
    for aid, a in sorted(c.applications.items(), key=lambda kv: kv[1].name.lower()):
        cells = (
            el("td", "yes" if a.survey_keyword else ""),
            _count(len(c.application_models.get(aid, []))),
            _count(len(c.application_benchmarks.get(aid, []))),
        )
        rows.append(_named_row(link, "applications", aid, a.name, *cells))
    return ["Application", "Survey keyword", "Models", "Benchmarks"], rows


def result_table_rows(r, link) -> tuple[list[str], list[Markup]]:
    """Result tables by name: source, locator, number of rows."""
    c = r.catalog
    rows = []
    for rid, t in sorted(c.results.items(), key=lambda kv: kv[1].name.lower()):
        cells = (
            el("td", el("a", r.short_source(t.source), href=link.entry("papers", t.source))),
            el("td", t.locator),
            _count(len(t.rows)),
        )
        rows.append(_named_row(link, "results", rid, t.name, *cells))
    return ["Result table", "Source", "Locator", "Rows"], rows


SIMPLE_TABLES = {
    "techniques": technique_rows,
    "papers": paper_rows,
    "organisations": organisation_rows,
    "applications": application_rows,
    "results": result_table_rows,
}
NUMERIC = {"Models", "Benchmarks", "Rows", "Cited by", "Year"}


def simple_table(r, page_src: str, kind: str) -> str:
    """Index table for techniques, sources, organisations, applications and result tables."""
    head, rows = SIMPLE_TABLES[kind](r, r.linker(page_src))
    ths = [el("th", h, scope="col", data_type="number" if h in NUMERIC else None) for h in head]
    filters = el(
        "div",
        el("label", "Filter ", void("input", type="search", data_filter="q", placeholder="text")),
        el("output", class_="atlas-count", aria_live="polite"),
        class_="atlas-filters atlas-filters--simple",
        data_filter_for=f"{kind}-table",
    )
    body = Markup("\n").join(rows)
    table = el(
        "table",
        el("thead", el("tr", ths)),
        el("tbody", Markup("\n"), body, Markup("\n")),
        class_="atlas-table",
        id=f"{kind}-table",
        data_sortable=True,
        data_defer=True,
    )
    return str(filters + el("div", table, class_="atlas-table-wrap"))
