"""Disagreements: two sources reporting different numbers for one model in one setting.

The setting is the strict comparable group (variant, split, metric, shots, prompting,
fine-tuning on the training split), so a difference of variant or format is never a
disagreement. Where the benchmark records how many items were scored, the spread is
also given in standard errors of the mean accuracy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros.catalog.comparable import setting_title
from macros.catalog.store import Catalog, Score


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


def same_setting(score: Score) -> tuple:
    """The full setting: the comparable group plus every stated detail of how it was run."""
    s = score.setting
    return (score.group, s.samples, s.method, s.harness, s.grader, s.reasoning_effort)


def disagreements(catalog: Catalog) -> list[Disagreement]:
    """Every model and full setting for which two sources report different values,
    largest spread first."""
    by_key: dict[tuple, list[Score]] = defaultdict(list)
    for score in catalog.scores:
        by_key[(score.model, same_setting(score))].append(score)
    out = []
    for (model, _key), scores in by_key.items():
        by_value = defaultdict(set)
        for s in scores:
            by_value[round(s.value, 6)].add(s.source)
        sources = set().union(*by_value.values())
        if len(by_value) > 1 and len(sources) > 1:
            ordered = tuple(sorted(scores, key=lambda s: (s.value, s.source, s.locator)))
            bench = scores[0].benchmark
            out.append(Disagreement(model, bench, setting_title(scores[0], catalog), ordered))
    out.sort(key=lambda d: (-d.spread, d.benchmark, d.model))
    return out
