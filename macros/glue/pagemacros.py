"""Macros for the hand-written pages in docs/ (through mkdocs-macros).

Pages opt in with ``render_macros: true``. Every macro returns HTML built by the same
renderer as the generated pages, from the catalog of the build in progress, so counts
and tables on hand-written pages never go stale. Contributor text reaches these pages
only as escaped values.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.catalog.boards import progress
from macros.catalog.disagreements import disagreements
from macros.catalog.links import Linker
from macros.glue.build import current
from macros.render import tables
from macros.render.charts import jobs as chartjobs
from macros.render.charts.jobs import NO_CHART
from macros.render.deferred import asset_path, cut_tables
from macros.render.env import fmt_value
from macros.render.html import el, esc
from macros.render.leaderboard import chart_view, leader_view
from macros.schema import vocab


def embed(table: str) -> Markup:
    """A table embedded in a hand-written page, kept out of search."""
    return el("article", Markup(table), class_="atlas-embed", data_search_exclude=True)


class PageMacros:
    """The macros of hand-written pages, bound to one mkdocs-macros environment."""

    NAMES = (
        "leaders",
        "landmarks",
        "count",
        "score_count",
        "data_version",
        "offline_copy",
        "online_url",
        "disagreement_count",
        "label",
        "vocabulary",
        "entry_link",
        "page_url",
        "asset_url",
        "model_table",
        "benchmark_table",
        "technique_list",
        "application_list",
        "chart",
        "survey_type_counts",
    )

    def __init__(self, env):
        self.env = env

    def state(self):
        return current()

    def page_src(self) -> str:
        return self.env.page.file.src_uri

    def linker(self) -> Linker:
        return Linker(self.page_src(), self.state().renderer.directory_urls)

    def count(self, entry_kind: str, /, **where) -> int:
        """Number of entries of a kind matching field=value filters, e.g. count('models', kind='medical')."""
        entries = self.state().catalog.kind(entry_kind).values()
        return sum(1 for e in entries if all(getattr(e, k) == v for k, v in where.items()))

    def score_count(self) -> int:
        """Number of sourced results."""
        return len(self.state().catalog.scores)

    def offline_copy(self) -> bool:
        """True while building the offline copy (OFFLINE=true)."""
        import os

        return os.environ.get("OFFLINE") == "true"

    def online_url(self, path: str = "") -> str:
        """The published site's URL for ``path`` (the repository when the URL is unknown)."""
        state = self.state()
        if state.site_url:
            return state.site_url.rstrip("/") + "/" + path
        return (
            state.edit_base.split("/edit/", 1)[0] or "https://github.com/medllm-atlas/medllm-atlas"
        )

    def data_version(self) -> str:
        """The data version of this build (CITATION.cff's; "unreleased" before the first)."""
        return esc(self.state().catalog.version)

    def disagreement_count(self) -> int:
        """Number of (model, benchmark, setting) cases where sources disagree."""
        return len(disagreements(self.state().catalog))

    def label(self, vocabulary: str, value: str) -> str:
        """The label of a vocabulary value."""
        return esc(vocab.label(vocabulary, value))

    def vocabulary(self, name: str) -> list:
        """The terms of a vocabulary (objects with id, label, description)."""
        return list(vocab.VOCABULARIES[name])

    def entry_link(self, kind: str, entry_id: str) -> str:
        """An HTML link to an entry, by id."""
        c = self.state().catalog
        entry = c.kind(kind).get(entry_id)
        if entry is None:
            raise KeyError(f"no {kind} entry '{entry_id}'")
        name = getattr(entry, "name", None) or entry.title
        return str(el("a", name, href=self.linker().entry(kind, entry_id)))

    def page_url(self, src: str) -> str:
        """The relative URL of any page by its source path, e.g. page_url('models/index.md')."""
        return self.linker().page(src)

    def asset_url(self, path: str) -> str:
        """The relative URL of a static file of the site, e.g. asset_url('api/v1/index.json')."""
        return self.linker().asset(path)

    def model_table(
        self,
        survey_type: str | None = None,
        kind: str | None = None,
        application: str | None = None,
        filters: bool = False,
    ) -> str:
        """A sortable table of models, filtered by survey type, kind or application."""
        c = self.state().catalog
        ids = [
            mid
            for mid, m in c.models.items()
            if (survey_type is None or m.survey_type == survey_type)
            and (kind is None or m.kind == kind)
            and (application is None or application in m.applications)
        ]
        table_id = (
            "models-" + "-".join(x for x in (survey_type, kind, application) if x)
            if any((survey_type, kind, application))
            else "models-table"
        )
        table = tables.model_table(
            self.state().renderer, self.page_src(), ids, filters=filters, table_id=table_id
        )
        return str(embed(self.deferred(table, table_id)))

    def deferred(self, table: str, key: str) -> str:
        """``table`` cut to its first rows when long; the rest goes to the page's data file."""
        (table,), rest = cut_tables((table,), self.page_src(), prefix=key + "-")
        if rest:
            self.state().macro_assets.setdefault(asset_path(self.page_src()), {}).update(rest)
        return table

    def benchmark_table(self, category: str | None = None, task: str | None = None) -> str:
        """A sortable table of benchmarks, filtered by evaluation category or task."""
        c = self.state().catalog
        ids = [
            bid
            for bid, b in c.benchmarks.items()
            if (category is None or b.category == category) and (task is None or b.task == task)
        ]
        table_id = "benchmarks-" + (category or task or "all")
        return str(
            embed(
                tables.benchmark_table(
                    self.state().renderer, self.page_src(), ids, table_id=table_id
                )
            )
        )

    def technique_list(self, stage: str) -> str:
        """A list of the techniques of one stage, each with its number of models."""
        c = self.state().catalog
        link = self.linker()
        items = []
        for tid, t in sorted(c.techniques.items(), key=lambda kv: kv[1].name.lower()):
            if t.stage != stage:
                continue
            n = len(c.technique_models.get(tid, []))
            count = el("span", f"({n} model{'s' if n != 1 else ''})", class_="atlas-count")
            items.append(el("li", el("a", t.name, href=link.entry("techniques", tid)), " ", count))
        return str(el("ul", items, class_="atlas-list")) if items else "<p>None recorded yet.</p>"

    def application_list(self) -> str:
        """Every application area with its counts of models and benchmarks."""
        c = self.state().catalog
        link = self.linker()
        items = []
        for aid, a in sorted(
            c.applications.items(), key=lambda kv: (not kv[1].survey_keyword, kv[1].name.lower())
        ):
            nm = len(c.application_models.get(aid, []))
            nb = len(c.application_benchmarks.get(aid, []))
            star = " (survey keyword)" if a.survey_keyword else ""
            counts = f"{nm} model{'s' if nm != 1 else ''}, {nb} benchmark{'s' if nb != 1 else ''}"
            anchor = el("a", a.name, href=link.entry("applications", aid))
            items.append(el("li", anchor, f"{star}: {counts}"))
        return str(el("ul", items, class_="atlas-list"))

    def chart(self, name: str, benchmark: str = "medqa") -> str:
        """An inline SVG chart: 'models-per-year', 'best-over-time' or 'size-vs-score'."""
        r = self.state().renderer
        job = chartjobs.macro_job(name, benchmark)
        if name == "models-per-year":
            caption = el(
                "figcaption", "Medical models in the atlas by release year and survey type."
            )
            return str(el("figure", r.chart(job), caption, class_="atlas-figure"))
        board = chartjobs.board_of(r.catalog, job)
        if board is None:
            return NO_CHART
        caption = (
            f"{r.catalog.benchmarks[benchmark].name}, {board.title}: each model at its best "
            "score, in any setting (hover a point for its setting and source)."
        )
        view = chart_view(r, job, board, caption)
        return r.render("chart_figure.html.j2", self.page_src(), chart=view)

    def leaders(self) -> str:
        """The current leader of each main benchmark's main board, as a table."""
        r = self.state().renderer
        link = self.linker()
        c = self.state().catalog
        rows = []
        for bid in sorted(c.benchmarks, key=lambda b: c.benchmarks[b].name.lower()):
            boards = r.boards(bid) if c.benchmarks[bid].main else []
            if not boards:
                continue
            lead = leader_view(r, boards[0])
            s = lead["scores"][0]
            rows.append(
                el(
                    "tr",
                    el("td", el("a", c.benchmarks[bid].name, href=link.entry("benchmarks", bid))),
                    el(
                        "td",
                        el(
                            "a", boards[0].title, href=link.entry("benchmarks", bid, boards[0].slug)
                        ),
                    ),
                    el(
                        "td",
                        el(
                            "a",
                            c.models[lead["model"]].name,
                            href=link.entry("models", lead["model"]),
                        ),
                    ),
                    el("td", lead["value"], data_value=boards[0].leader.best.value),
                    el("td", lead["setting"]),
                    el(
                        "td",
                        el("a", r.short_source(s.source), href=link.entry("papers", s.source)),
                        ", ",
                        s.locator,
                    ),
                )
            )
        head = el(
            "tr",
            [
                el("th", h, scope="col")
                for h in ("Benchmark", "Main variant", "Leader", "Score", "Setting", "Source")
            ],
        )
        table = el(
            "table", el("thead", head), el("tbody", rows), class_="atlas-table atlas-leaders"
        )
        return str(embed(str(el("div", table, class_="atlas-table-wrap"))))

    def landmarks(self, limit: int = 14) -> str:
        """A timeline of the state of the art: every frontier point of the main benchmarks'
        main boards, in the order the models appeared."""
        r = self.state().renderer
        c = self.state().catalog
        link = self.linker()
        points = []
        for bid, b in c.benchmarks.items():
            boards = r.boards(bid) if b.main else []
            if boards and len(boards[0].rows) >= 3:
                for when, row, ahead in progress(c, boards[0]):
                    if ahead:
                        points.append((when, b.name, boards[0], row))
        points.sort(key=lambda p: (p[0], p[1]))
        items = [
            el(
                "li",
                el("time", when),
                " ",
                el("a", c.models[row.model].name, href=link.entry("models", row.model)),
                f" leads {name} ({board.title}) at {fmt_value(row.best.value)}",
            )
            for when, name, board, row in points[-limit:]
        ]
        return (
            str(el("ol", items, class_="atlas-timeline")) if items else "<p>None recorded yet.</p>"
        )

    def survey_type_counts(self) -> list:
        """(id, label, description, number of models) for the three survey types."""
        c = self.state().catalog
        return [
            (
                t.id,
                t.label,
                t.description,
                sum(1 for m in c.models.values() if m.survey_type == t.id),
            )
            for t in vocab.SURVEY_TYPES
        ]


def install(env) -> None:
    """Register the page macros on a mkdocs-macros environment."""
    macros = PageMacros(env)
    for name in PageMacros.NAMES:
        env.macro(getattr(macros, name), name)
