"""Strict comparability: scores taken the same way, and nothing else, form a group.

A comparable group shares benchmark, variant, split, metric, shots, class of prompting
and whether the model was fine-tuned on the benchmark's training split (``Score.group``).
"Not stated" is a value of each of these: a score whose source does not state its shots
is never grouped with zero-shot scores. Boards (``boards``) show the whole picture; these
groups are what a board's strict filter narrows it to, and what disagreements compare.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros.catalog.store import Catalog, Score
from macros.schema import vocab


def shots_text(shots: int | None) -> str:
    """'zero-shot', '5-shot', or 'shots not stated'."""
    if shots is None:
        return "shots not stated"
    return "zero-shot" if shots == 0 else f"{shots}-shot"


def prompting_text(prompting: str | None) -> str:
    """The label of a prompting class, or 'prompting not stated'."""
    return vocab.label("prompting", prompting) if prompting else "prompting not stated"


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
    parts.append(shots_text(s.shots))
    parts.append(prompting_text(s.prompting))
    if s.finetuned_on_train is not None:
        parts.append(("" if s.finetuned_on_train else "not ") + "fine-tuned on the training split")
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
