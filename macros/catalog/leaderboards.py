"""Fair leaderboards: scores are ranked only against scores taken the same way.

A comparable group shares benchmark, variant, split, metric, shots, class of prompting
and whether the model was fine-tuned on the benchmark's training split
(``Score.group``). Each group is ranked on its own and titled by its setting.
Disagreements are (model, group) pairs for which sources report different numbers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros.catalog.store import Catalog, Score
from macros.schema import vocab


@dataclass(frozen=True)
class Group:
    """One comparable group of scores on a benchmark, best first."""

    key: tuple
    title: str
    scores: tuple[Score, ...]

    @property
    def slug(self) -> str:
        """A stable anchor for the group."""
        parts = [str(p).lower() if p is not None else "na" for p in self.key[1:]]
        return "g-" + "-".join(p.replace(" ", "") for p in parts)


def setting_title(score: Score, catalog: Catalog) -> str:
    """Human description of a comparable group, e.g. 'USMLE 4-option · test · accuracy · 5-shot · CoT'."""
    bench = catalog.benchmarks.get(score.benchmark)
    parts: list[str] = []
    if score.variant and bench:
        names = {v.id: v.name for v in bench.variants}
        parts.append(names.get(score.variant, score.variant))
    if score.split:
        parts.append(f"{score.split} split")
    parts.append(vocab.METRIC_BY_ID[score.metric].label)
    s = score.setting
    parts.append(
        "shots not stated"
        if s.shots is None
        else ("zero-shot" if s.shots == 0 else f"{s.shots}-shot")
    )
    parts.append(vocab.label("prompting", s.prompting))
    if s.finetuned_on_train:
        parts.append("fine-tuned on the training split")
    return " · ".join(parts)


def _sort_key(score: Score) -> tuple:
    metric = vocab.METRIC_BY_ID[score.metric]
    value = -score.value if metric.higher_is_better else score.value
    return (value, score.model, score.source, score.locator)


def groups_for(catalog: Catalog, benchmark_id: str) -> list[Group]:
    """The comparable groups of a benchmark, largest first; each ranked best first."""
    by_key: dict[tuple, list[Score]] = defaultdict(list)
    for score in catalog.benchmark_scores.get(benchmark_id, []):
        by_key[score.group].append(score)
    groups = [
        Group(key, setting_title(scores[0], catalog), tuple(sorted(scores, key=_sort_key)))
        for key, scores in by_key.items()
    ]
    groups.sort(key=lambda g: (-len(g.scores), g.title))
    return groups


def variant_name(catalog: Catalog, score: Score) -> str:
    """The display name of a score's variant (or '')."""
    bench = catalog.benchmarks.get(score.benchmark)
    if not score.variant or bench is None:
        return ""
    return {v.id: v.name for v in bench.variants}.get(score.variant, score.variant)


@dataclass(frozen=True)
class Disagreement:
    """Different values reported for the same model in the same comparable group."""

    model: str
    benchmark: str
    title: str
    scores: tuple[Score, ...]

    @property
    def spread(self) -> float:
        """Largest minus smallest reported value."""
        values = [s.value for s in self.scores]
        return max(values) - min(values)


def disagreements(catalog: Catalog) -> list[Disagreement]:
    """Every (model, group) with more than one distinct value, largest spread first."""
    by_key: dict[tuple, list[Score]] = defaultdict(list)
    for score in catalog.scores:
        by_key[(score.model, score.group)].append(score)
    out = []
    for (model, key), scores in by_key.items():
        if len({round(s.value, 6) for s in scores}) > 1:
            ordered = tuple(sorted(scores, key=lambda s: (s.value, s.source, s.locator)))
            out.append(Disagreement(model, key[0], setting_title(scores[0], catalog), ordered))
    out.sort(key=lambda d: (-d.spread, d.benchmark, d.model))
    return out


def reported_on(catalog: Catalog, score: Score) -> str:
    """When a score was reported: its source's year and month, as YYYY-MM (month 06 if unknown)."""
    paper = catalog.papers[score.source]
    return f"{paper.year:04d}-{paper.month or 6:02d}"


def best_over_time(catalog: Catalog, group: Group) -> list[tuple[str, Score]]:
    """The running best of a group by date reported: (YYYY-MM, score) pairs, in order."""
    dated = [(reported_on(catalog, score), score) for score in group.scores]
    dated.sort(key=lambda pair: (pair[0], -pair[1].value))
    best: list[tuple[str, Score]] = []
    top = None
    for released, score in dated:
        if top is None or score.value > top:
            top = score.value
            best.append((released, score))
    return best
