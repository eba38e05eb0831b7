"""Charts rendered at build time to inline SVG with matplotlib.

They need no JavaScript and work offline. Each SVG carries ``<title>`` and ``<desc>``
and ``role="img"``; element ids are prefixed per chart so several charts can share a
page. Output is deterministic (fixed hash salt, no date). Renders are memoised on their
inputs, so a ``serve`` rebuild redraws only what changed.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections import Counter

from macros.catalog.leaderboards import Group, best_over_time, reported_on
from macros.catalog.store import Catalog
from macros.schema import vocab

_CACHE: dict[str, str] = {}
_PALETTE = {
    "pretrained": "#1b6ca8",
    "fine-tuned": "#c2571a",
    "prompted": "#2e7d32",
    None: "#6d6d6d",
}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.hashsalt": "medllm-atlas",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": "#444444",
            "axes.labelcolor": "#222222",
            "xtick.color": "#333333",
            "ytick.color": "#333333",
            "text.color": "#222222",
        }
    )
    return plt


def _finish(fig, plt, chart_id: str, title: str, desc: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    # Prefix ids so several charts can share one page.
    svg = re.sub(r'id="([^"]+)"', rf'id="{chart_id}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{chart_id}-\1)", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{chart_id}-\1"', svg)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'(<svg[^>]*?) width="[^"]+" height="[^"]+"', r"\1", svg, count=1)
    head = (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="atlas-chart"'
        f' preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{html.escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{html.escape(desc)}</desc>'
    )
    svg = re.sub(r">", head, svg, count=1)
    return svg.strip()


def _memo(key_parts: tuple, render) -> str:
    key = hashlib.sha256(repr(key_parts).encode()).hexdigest()
    if key not in _CACHE:
        _CACHE[key] = render()
    return _CACHE[key]


def _year(released: str) -> float:
    parts = released.split("-")
    month = int(parts[1]) if len(parts) > 1 else 6
    return int(parts[0]) + (month - 0.5) / 12


def best_over_time_svg(
    catalog: Catalog, group: Group, chart_id: str, benchmark_name: str
) -> str | None:
    """Scores of one comparable group by the date they were reported, with the running best."""
    points = []
    for score in group.scores:
        model = catalog.models[score.model]
        when = _year(reported_on(catalog, score))
        points.append((when, score.value, model.kind, model.weights, model.name))
    if len(points) < 3:
        return None
    best = [(_year(r), s.value) for r, s in best_over_time(catalog, group)]
    unit = vocab.METRIC_BY_ID[group.scores[0].metric]
    title = f"{benchmark_name}: best score over time"
    leader = max(points, key=lambda p: p[1])
    desc = (
        f"{len(points)} scores in the setting {group.title}, plotted by the date of the source "
        f"that reported them. "
        f"Medical models are circles, general models squares; filled markers have open "
        f"weights, hollow ones gated or closed. The line is the running best; the top score "
        f"is {leader[1]:g} by {leader[4]}."
    )

    def render() -> str:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(7.2, 3.8))
        for kind, marker in (("medical", "o"), ("general", "s")):
            for openness in ("open", "other"):
                pts = [
                    p for p in points if p[2] == kind and ((p[3] == "open") == (openness == "open"))
                ]
                if not pts:
                    continue
                color = "#c2571a" if kind == "medical" else "#1b6ca8"
                ax.scatter(
                    [p[0] for p in pts],
                    [p[1] for p in pts],
                    marker=marker,
                    s=34,
                    facecolors=color if openness == "open" else "none",
                    edgecolors=color,
                    linewidths=1.4,
                    label=f"{kind}, {'open weights' if openness == 'open' else 'gated/closed'}",
                )
        xs = [b[0] for b in best] + [max(p[0] for p in points)]
        ys = [b[1] for b in best] + [best[-1][1]]
        ax.step(xs, ys, where="post", color="#333333", linewidth=1.2, label="running best")
        ax.set_xlabel("date reported (source's publication)")
        _year_axis(ax, [p[0] for p in points])
        ax.set_ylabel(f"{unit.label} ({unit.unit})")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.legend(fontsize=8, frameon=False, loc="lower right")
        return _finish(fig, plt, chart_id, title, desc)

    return _memo(("best", chart_id, tuple(points), tuple(best), title, desc), render)


def _year_axis(ax, xs: list[float]) -> None:
    """Ticks on whole years (and mid-years when the span is short), labelled as dates."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    lo, hi = int(min(xs)), int(max(xs)) + 1
    step = 0.5 if hi - lo <= 3 else 1.0
    ticks = [lo + i * step for i in range(int((hi - lo) / step) + 1)]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: f"{int(x)}" if abs(x - round(x)) < 0.01 else f"{int(x)}-07")
    )
    ax.set_xlim(lo - 0.05, hi + 0.05)


def models_per_year_svg(catalog: Catalog, chart_id: str) -> str | None:
    """Medical models per release year, stacked by survey type."""
    counts: Counter[tuple[int, str]] = Counter()
    for m in catalog.models.values():
        if m.kind == "medical" and m.released and m.survey_type:
            counts[(int(m.released[:4]), m.survey_type)] += 1
    if not counts:
        return None
    years = list(range(min(y for y, _ in counts), max(y for y, _ in counts) + 1))
    types = vocab.ids("survey_type")
    total = sum(counts.values())
    desc = f"{total} medical models with a release date, by year: " + "; ".join(
        f"{y}: " + ", ".join(f"{counts[(y, t)]} {t}" for t in types if counts[(y, t)])
        for y in years
        if any(counts[(y, t)] for t in types)
    )
    title = "Medical models per year, by survey type"

    def render() -> str:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(7.2, 3.4))
        bottom = [0] * len(years)
        for t in types:
            values = [counts[(y, t)] for y in years]
            ax.bar(
                years, values, bottom=bottom, color=_PALETTE[t], label=vocab.label("survey_type", t)
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(years)
        ax.set_ylabel("models")
        ax.legend(fontsize=8, frameon=False, loc="upper left")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        return _finish(fig, plt, chart_id, title, desc)

    return _memo(("per-year", chart_id, tuple(sorted(counts.items())), desc), render)


def size_vs_score_svg(catalog: Catalog, group: Group, chart_id: str) -> str | None:
    """Parameter count (log scale) against score, one point per single-size model."""
    points = []
    for score in group.scores:
        m = catalog.models.get(score.model)
        if m and len(m.parameters) == 1:
            points.append(
                (
                    m.parameters[0],
                    score.value,
                    m.survey_type if m.kind == "medical" else None,
                    m.name,
                )
            )
    if len(points) < 2:
        return None
    # One point per model: its best score in the group.
    best: dict[str, tuple] = {}
    for p in points:
        if p[3] not in best or p[1] > best[p[3]][1]:
            best[p[3]] = p
    points = sorted(best.values(), key=lambda p: (p[0], p[1], p[3]))
    title = "Parameter count against MedQA score"
    desc = (
        f"{len(points)} models with a published parameter count, setting {group.title}. "
        f"The x axis is the parameter count in billions on a log scale; colour gives the survey "
        f"type, grey marks general models."
    )

    def render() -> str:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(7.2, 3.8))
        for t in (*vocab.ids("survey_type"), None):
            pts = [p for p in points if p[2] == t]
            if pts:
                ax.scatter(
                    [p[0] for p in pts],
                    [p[1] for p in pts],
                    s=34,
                    color=_PALETTE[t],
                    label=vocab.label("survey_type", t) if t else "general model",
                )
        ax.set_xscale("log")
        ax.set_xlabel("parameters (billions, log scale)")
        ax.set_ylabel("accuracy (%)")
        ax.grid(color="#dddddd", linewidth=0.6)
        ax.legend(fontsize=8, frameon=False, loc="lower right")
        return _finish(fig, plt, chart_id, title, desc)

    return _memo(("size", chart_id, tuple(points), desc), render)
