"""What a benchmark page shows of its boards: rows with their filter data, leaders, charts.

Every claim of a board becomes one table row carrying, as ``data-`` attributes, what the
page's filters test (shots, prompting, fine-tuning, who reported it, weights, the strict
setting). The server renders each model's best claim and hides its other claims; the
page's script re-ranks the same rows when a filter is set, so the board without
JavaScript is the board with no filter.
"""

from __future__ import annotations

from macros.catalog.boards import Board, BoardRow, Claim, progress
from macros.catalog.comparable import prompting_text, shots_text
from macros.catalog.store import Score
from macros.catalog.uncertainty import interval, tied_with_leader
from macros.render.charts.jobs import chart_csv_path
from macros.render.env import detail_text, fmt_value
from macros.schema.entries import Setting


def _fine_tuned(value: bool | None) -> list[str]:
    if value is None:
        return []
    return [("" if value else "not ") + "fine-tuned on train split"]


def setting_text(score: Score) -> str:
    """The setting of a score as its source states it, naming what it does not state."""
    s = score.setting
    split = f"{score.split} split" if score.split else "split not stated"
    parts = [
        shots_text(s.shots),
        prompting_text(s.prompting),
        split,
        *_fine_tuned(s.finetuned_on_train),
    ]
    return " · ".join(parts)


def setting_words(s: Setting) -> str:
    """A setting on its own (a result table's shared setting, a model page's row), with its
    details; what the source does not state is said to be not stated."""
    parts = [shots_text(s.shots), prompting_text(s.prompting), *_fine_tuned(s.finetuned_on_train)]
    details = detail_text(s)
    return " · ".join([*parts, details] if details else parts)


def details_text(score: Score) -> str:
    """Setting details that do not define comparability: samples, method, harness, grader."""
    return detail_text(score.setting)


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def interval_text(score: Score) -> str:
    """'95% interval 94.5-96.8 (Wilson, n = 1,273 derived from the test split size)'."""
    iv = interval(score)
    if iv is None:
        return ""
    how = iv.method
    if how == "Wilson":
        n = f"n = {score.n:,}" + (" derived from the split's size" if score.n_derived else "")
        how = f"Wilson, {n}"
    return f"95% interval {fmt_value(round(iv.low, 2))}–{fmt_value(round(iv.high, 2))} ({how})"


def contamination_of(claim: Claim) -> tuple[str, str, str] | None:
    """The gravest contamination statement among a claim's sources."""
    order = {"confirmed": 0, "suspected": 1, "none-found": 2}
    found = [s.contamination for s in claim.scores if s.contamination]
    return min(found, key=lambda c: order[c[0]]) if found else None


def claim_row(r, row: BoardRow, claim: Claim, *, best: bool, leader: Claim) -> dict:
    """One table row of a board: the claim, its sources and its filter attributes."""
    s = claim.score
    model = r.catalog.models[s.model]
    reporters = sorted({x.reported_by for x in claim.scores})
    iv = interval(s)
    contamination = contamination_of(claim)
    return {
        "claim": claim,
        "score": s,
        "best": best,
        "more": len(row.others) if best else 0,
        "value": fmt_value(s.value),
        "setting": setting_text(s),
        "details": details_text(s),
        "interval": interval_text(s),
        "plus_minus": fmt_value(round(iv.half_width, 1)) if iv else "",
        "tied": best and claim is not leader and tied_with_leader(leader.score, s),
        "contamination": contamination,
        "attrs": {
            "id": s.id,
            "data_model": s.model,
            "data_value": s.value,
            "data_shots": "" if s.setting.shots is None else s.setting.shots,
            "data_prompting": s.setting.prompting or "",
            "data_ft": _flag(s.setting.finetuned_on_train),
            "data_by": " ".join(reporters),
            "data_weights": model.weights or "",
            "data_group": "|".join(str(part) for part in s.group),
            "data_lo": round(iv.low, 4) if iv else None,
            "data_hi": round(iv.high, 4) if iv else None,
            "data_contamination": contamination[0] if contamination else None,
        },
    }


def board_view(r, board: Board) -> dict:
    """A board as the template draws it."""
    rows = []
    leader = board.leader.best
    for row in board.rows:
        rows.append(claim_row(r, row, row.best, best=True, leader=leader))
        rows.extend(claim_row(r, row, c, best=False, leader=leader) for c in row.others)
    return {"board": board, "rows": rows, "higher": r.higher_is_better(board.metric)}


def leader_view(r, board: Board) -> dict:
    """The leader of a board, for the opening of a benchmark page and the home page."""
    claim = board.leader.best
    return {
        "board": board,
        "model": board.leader.model,
        "value": fmt_value(claim.value),
        "setting": setting_text(claim.score),
        "scores": claim.scores,
    }


def chart_view(r, job, board: Board, caption: str) -> dict:
    """A board's progress chart as the figure template draws it: the SVG (or its
    placeholder), a caption, the CSV of its data and the frontier as a table."""
    frontier = [(when, row) for when, row, ahead in progress(r.catalog, board) if ahead]
    return {
        "svg": r.chart(job),
        "caption": caption,
        "csv": chart_csv_path(job),
        "frontier": frontier,
    }
