"""Headline boards: one per benchmark variant and metric, each model once at its best.

A reader first wants the whole picture: who leads each variant, in whatever setting. A
board therefore lists every model once, at its best reported score in that variant, with
the setting shown beside it; the model's other scores stay one click away. Strict
comparability is what the page's filters produce (zero-shot only, authors' own numbers
only, the leader's exact setting...), never a separate table per setting, and a setting
that the source does not state is a value of its own, not a reason to split a board.

A *claim* is one number as reported: the same model, variant, comparable setting and
value from several sources is one claim with every source listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros.catalog.store import Catalog, Score
from macros.schema import vocab


@dataclass(frozen=True)
class Claim:
    """One reported number, with every score (source) that reports it in the same setting."""

    scores: tuple[Score, ...]  # ordered by source, then locator

    @property
    def score(self) -> Score:
        """The score that stands for the claim (its first source)."""
        return self.scores[0]

    @property
    def value(self) -> float:
        return self.score.value


@dataclass(frozen=True)
class BoardRow:
    """A model on a board: its best claim, then its other claims, best first."""

    model: str
    best: Claim
    others: tuple[Claim, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return (self.best, *self.others)


@dataclass(frozen=True)
class Board:
    """Every model's best score on one variant of a benchmark, in one metric, best first."""

    benchmark: str
    variant: str | None
    metric: str
    title: str
    rows: tuple[BoardRow, ...]

    @property
    def slug(self) -> str:
        """A stable anchor: ``board-<variant>-<metric>``."""
        return f"board-{self.variant or 'all'}-{self.metric}"

    @property
    def leader(self) -> BoardRow:
        return self.rows[0]

    @property
    def n_results(self) -> int:
        """Every score on the board, counting each source of a claim."""
        return sum(len(c.scores) for row in self.rows for c in row.claims)

    @property
    def sources(self) -> set[str]:
        return {s.source for row in self.rows for c in row.claims for s in c.scores}


def claim_key(score: Score) -> tuple:
    """Scores with equal keys are one claim: same model, comparable setting and value."""
    return (score.model, score.group, round(score.value, 4))


def claims_of(scores: list[Score]) -> list[Claim]:
    """Group scores into claims, in first-seen order."""
    by_key: dict[tuple, list[Score]] = defaultdict(list)
    for s in scores:
        by_key[claim_key(s)].append(s)
    return [
        Claim(tuple(sorted(group, key=lambda s: (s.source, s.locator))))
        for group in by_key.values()
    ]


def _better_first(metric: str):
    higher = vocab.METRIC_BY_ID[metric].higher_is_better

    def key(claim: Claim) -> tuple:
        s = claim.score
        return (-s.value if higher else s.value, s.source, s.locator)

    return key


def variant_title(catalog: Catalog, benchmark_id: str, variant: str | None, metric: str) -> str:
    """'USMLE (US), 4 options · Accuracy', or the benchmark's name for no variant."""
    bench = catalog.benchmarks[benchmark_id]
    names = {v.id: v.name for v in bench.variants}
    head = names.get(variant, variant) if variant else bench.name
    if len(bench.metrics) > 1:
        return f"{head} · {vocab.METRIC_BY_ID[metric].label}"
    return head


def _board(catalog: Catalog, bid: str, variant, metric, scores: list[Score]) -> Board:
    order = _better_first(metric)
    per_model: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims_of(scores):
        per_model[claim.score.model].append(claim)
    rows = []
    for model, claims in per_model.items():
        claims.sort(key=order)
        rows.append(BoardRow(model, claims[0], tuple(claims[1:])))
    name = {m: catalog.models[m].name.lower() for m in per_model}
    rows.sort(key=lambda r: (*order(r.best)[:1], name[r.model], r.model))
    return Board(bid, variant, metric, variant_title(catalog, bid, variant, metric), tuple(rows))


def is_unstated_variant(variant: str | None) -> bool:
    """Whether a variant holds results whose source leaves the evaluation set open (its id
    ends in ``-not-stated``, e.g. MedQA ``us-options-not-stated``)."""
    return bool(variant) and variant.endswith("-not-stated")


def _main_first(board: Board) -> tuple:
    unstated = is_unstated_variant(board.variant)
    return (unstated, -len(board.sources), -len(board.rows), board.title, board.slug)


def boards_for(catalog: Catalog, benchmark_id: str) -> list[Board]:
    """The boards of a benchmark: the main one first (of the variants whose set is stated,
    the one most sources report), then by number of models. A variant whose set is not
    stated never heads the page, however many sources it has."""
    by_key: dict[tuple, list[Score]] = defaultdict(list)
    for s in catalog.benchmark_scores.get(benchmark_id, []):
        by_key[(s.variant, s.metric)].append(s)
    boards = [_board(catalog, benchmark_id, v, m, ss) for (v, m), ss in by_key.items()]
    boards.sort(key=_main_first)
    return boards


def board_slug(score: Score) -> str:
    """The anchor of the board a score is on."""
    return f"board-{score.variant or 'all'}-{score.metric}"


# ---------------------------------------------------------------- progress over time


def reported_on(catalog: Catalog, score: Score) -> str:
    """When a score was reported: its source's year and month, as YYYY-MM (month 06 if unknown)."""
    paper = catalog.papers[score.source]
    return f"{paper.year:04d}-{paper.month or 6:02d}"


def model_date(catalog: Catalog, model_id: str) -> str:
    """When a model appeared: its release month, else the first report of any of its scores."""
    m = catalog.models[model_id]
    if m.released:
        return m.released if len(m.released) > 4 else f"{m.released}-06"
    reports = [reported_on(catalog, s) for s in catalog.model_scores.get(model_id, [])]
    return min(reports) if reports else "1970-01"


def progress(catalog: Catalog, board: Board) -> list[tuple[str, BoardRow, bool]]:
    """Each model's best claim by the model's date: (YYYY-MM, row, on the frontier).

    A point is on the frontier when it beats every model that appeared before it.
    """
    higher = vocab.METRIC_BY_ID[board.metric].higher_is_better
    dated = sorted(
        ((model_date(catalog, r.model)[:7], r) for r in board.rows),
        key=lambda p: (p[0], -p[1].best.value if higher else p[1].best.value, p[1].model),
    )
    out, top = [], None
    for when, row in dated:
        value = row.best.value
        ahead = top is None or (value > top if higher else value < top)
        if ahead:
            top = value
        out.append((when, row, ahead))
    return out
