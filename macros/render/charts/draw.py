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

from macros.catalog.boards import Board, progress
from macros.catalog.store import Catalog
from macros.schema import vocab

_CACHE: dict[str, str] = {}
# Colours are drawn with these values, then rewritten as CSS variables (atlas.css gives
# the light and the dark palette), so a chart follows the reader's colour scheme.
_FG, _GRID = "#222222", "#d0d0d0"
_BLUE, _ORANGE, _GREEN, _GREY = "#1b6ca8", "#c2571a", "#2e7d32", "#6d6d6d"
_CSS_VARS = {
    _FG: "--atlas-chart-fg",
    _GRID: "--atlas-chart-grid",
    _BLUE: "--atlas-chart-blue",
    _ORANGE: "--atlas-chart-orange",
    _GREEN: "--atlas-chart-green",
    _GREY: "--atlas-chart-grey",
}
_PALETTE = {"pretrained": _BLUE, "fine-tuned": _ORANGE, "prompted": _GREEN, None: _GREY}
_KIND_COLOR = {"medical": _ORANGE, "general": _BLUE}
_SHORT_TYPE = {"pretrained": "pre-trained", "fine-tuned": "adapted", "prompted": "prompted"}
FONT_SIZE = 13.0  # points, in a figure about 350 points wide: 11 px or more at 390 px


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.hashsalt": "medllm-atlas",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.size": FONT_SIZE,
            "legend.fontsize": FONT_SIZE,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": _FG,
            "axes.labelcolor": _FG,
            "xtick.color": _FG,
            "ytick.color": _FG,
            "text.color": _FG,
        }
    )
    return plt


def _finish(fig, plt, chart_id: str, title: str, desc: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight", transparent=True)
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    # Prefix ids so several charts can share one page.
    svg = re.sub(r'id="([^"]+)"', rf'id="{chart_id}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{chart_id}-\1)", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{chart_id}-\1"', svg)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    for colour, var in _CSS_VARS.items():
        svg = svg.replace(colour, f"var({var}, {colour})")
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


MARKERS = {
    "plain": ("o", "plain"),
    "cot": ("^", "CoT"),
    "ensemble": ("s", "ensemble"),
    "retrieval": ("D", "retrieval"),
    "agent": ("P", "agent"),
    "system": ("X", "system"),
    None: ("v", "not stated"),
}


def _point_title(catalog: Catalog, row) -> str:
    s = row.best.score
    from macros.render.leaderboard import setting_text

    source = catalog.papers[s.source].title if s.source in catalog.papers else s.source
    return (
        f"{catalog.models[s.model].name}: {s.value:g} · {setting_text(s)} · "
        f"source: {source}, {s.locator}"
    )


def progress_svg(catalog: Catalog, board: Board, chart_id: str) -> str | None:
    """Each model's best score on a board by the date the model appeared, with the frontier
    labelled; every point carries a tooltip (an SVG ``<title>``)."""
    dated = progress(catalog, board)
    if len(dated) < 3:
        return None
    points = []
    for when, row, ahead in dated:
        m = catalog.models[row.model]
        points.append(
            (
                _year(when),
                row.best.value,
                m.kind,
                row.best.score.setting.prompting,
                m.name,
                ahead,
                _point_title(catalog, row),
            )
        )
    unit = vocab.METRIC_BY_ID[board.metric]
    bench = catalog.benchmarks[board.benchmark].name
    title = f"{bench}, {board.title}: state of the art over time"
    frontier = [p for p in points if p[5]]
    top = (
        max(points, key=lambda p: p[1])
        if unit.higher_is_better
        else min(points, key=lambda p: p[1])
    )
    desc = (
        f"{len(points)} models, each at its best reported score on {board.title}, plotted by the "
        f"date the model appeared. The line joins the models that beat every earlier one: "
        + ", ".join(f"{p[4]} ({p[1]:g})" for p in frontier)
        + f". The top score is {top[1]:g} by {top[4]}. Marker shapes give the prompting class."
    )

    def render() -> str:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(4.3, 3.4))
        _draw_progress(fig, ax, points, frontier)
        _year_axis(ax, [p[0] for p in points])
        ax.set_ylabel(f"{unit.label} ({unit.unit})")
        ax.grid(axis="y", color=_GRID, linewidth=0.6)
        _progress_legend(plt, ax, points)
        svg = _finish(fig, plt, chart_id, title, desc)
        return _with_tooltips(svg, chart_id, [p[6] for p in points])

    return _memo(("progress", chart_id, tuple(points), title, desc), render)


def _draw_progress(fig, ax, points: list, frontier: list) -> None:
    """Every model as its own marker (so each can carry a tooltip), the frontier as a step
    line, and the frontier's models named beside their points."""
    for i, (x, y, kind, prompting, _name, _ahead, _tip) in enumerate(points):
        marker = MARKERS.get(prompting, MARKERS[None])[0]
        ax.scatter(
            [x],
            [y],
            marker=marker,
            s=30,
            linewidths=1.1,
            gid=f"pt{i}",
            zorder=3,
            facecolors="none",
            edgecolors=_KIND_COLOR[kind],
        )
    xs = [p[0] for p in frontier] + [max(p[0] for p in points)]
    ys = [p[1] for p in frontier] + [frontier[-1][1]]
    ax.step(xs, ys, where="post", color=_FG, linewidth=1.2, zorder=1)
    middle = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
    labels = [
        ax.annotate(
            p[4],
            (p[0], p[1]),
            xytext=(5, 5) if p[0] < middle else (-5, 5),
            textcoords="offset points",
            ha="left" if p[0] < middle else "right",
            fontsize=FONT_SIZE,
            color=_FG,
        )
        for p in frontier
    ]
    _separate(fig, labels)


def _progress_legend(plt, ax, points: list) -> None:
    """Marker shapes for the prompting classes present, colours for medical and general."""
    shown = sorted({p[3] for p in points}, key=lambda k: list(MARKERS).index(k))
    handles = [
        plt.Line2D(
            [],
            [],
            linestyle="",
            marker=MARKERS[k][0],
            markerfacecolor="none",
            markeredgecolor=_FG,
            label=MARKERS[k][1],
        )
        for k in shown
    ]
    handles += [
        plt.Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markerfacecolor="none",
            markeredgecolor=_KIND_COLOR[k],
            label=k,
        )
        for k in ("medical", "general")
        if any(p[2] == k for p in points)
    ]
    ax.legend(handles=handles, frameon=False, loc="upper left", bbox_to_anchor=(0, -0.14), ncol=2)


def _separate(fig, labels) -> None:
    """Move frontier labels down, latest first, until none overlaps another."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    placed = []
    for label in reversed(labels):
        for _ in range(12):
            box = label.get_window_extent(renderer).expanded(1.02, 1.1)
            if not any(box.overlaps(other) for other in placed):
                break
            x, y = label.xyann
            label.xyann = (x, y - FONT_SIZE * 1.15)
        placed.append(label.get_window_extent(renderer))


def _with_tooltips(svg: str, chart_id: str, tips: list[str]) -> str:
    """Put a ``<title>`` in each point's group, so hovering a point names it."""
    for i, tip in enumerate(tips):
        marker = f'<g id="{chart_id}-pt{i}">'
        svg = svg.replace(marker, f"{marker}<title>{html.escape(tip)}</title>", 1)
    return svg


def _year_axis(ax, xs: list[float]) -> None:
    """Ticks on whole years (and mid-years when the span is short), labelled as dates."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    lo, hi = int(min(xs)), int(max(xs)) + 1
    span = hi - lo
    step = 0.5 if span <= 3 else (1.0 if span <= 5 else 2.0)
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
        fig, ax = plt.subplots(figsize=(4.3, 3.2))
        bottom = [0] * len(years)
        for t in types:
            values = [counts[(y, t)] for y in years]
            ax.bar(
                years, values, bottom=bottom, color=_PALETTE[t], label=vocab.label("survey_type", t)
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(years[:: 1 if len(years) <= 5 else 2])
        ax.set_ylabel("models")
        ax.legend(frameon=False, loc="upper left")
        ax.grid(axis="y", color=_GRID, linewidth=0.6)
        return _finish(fig, plt, chart_id, title, desc)

    return _memo(("per-year", chart_id, tuple(sorted(counts.items())), desc), render)


def size_vs_score_svg(catalog: Catalog, board: Board, chart_id: str) -> str | None:
    """Parameter count (log scale) against each single-size model's best score on a board."""
    points = []
    for row in board.rows:
        m = catalog.models.get(row.model)
        if m and len(m.parameters) == 1:
            t = m.survey_type if m.kind == "medical" else None
            points.append((m.parameters[0], row.best.value, t, m.name))
    if len(points) < 2:
        return None
    points.sort(key=lambda p: (p[0], p[1], p[3]))
    bench = catalog.benchmarks[board.benchmark].name
    title = f"Parameter count against {bench} score"
    desc = (
        f"{len(points)} models with a published parameter count, each at its best score on "
        f"{board.title}, in any setting. The x axis is the parameter count in billions on a "
        f"log scale; colour gives the survey type, grey marks general models."
    )

    def render() -> str:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(4.3, 3.4))
        for t in (*vocab.ids("survey_type"), None):
            pts = [p for p in points if p[2] == t]
            if pts:
                ax.scatter(
                    [p[0] for p in pts],
                    [p[1] for p in pts],
                    s=30,
                    color=_PALETTE[t],
                    label=_SHORT_TYPE.get(t, "general"),
                )
        ax.set_xscale("log")
        ax.set_xlabel("parameters (billions, log scale)")
        unit = vocab.METRIC_BY_ID[board.metric]
        ax.set_ylabel(f"{unit.label} ({unit.unit})")
        ax.grid(color=_GRID, linewidth=0.6)
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, -0.2), ncol=2)
        return _finish(fig, plt, chart_id, title, desc)

    return _memo(("size", chart_id, tuple(points), desc), render)
