"""How sure a score is: a 95% interval, and which models are tied with a board's leader.

A source's own interval (``ci``) or standard error comes first. Otherwise, for a metric
that is a proportion of items (accuracy, exact match, success rate, error rate, the share
of answers rated favourably) and a known number of items ``n``, the interval is Wilson's
score interval for a binomial proportion at 95%. It reflects only the finite number of questions: it does
not account for run-to-run variance, prompt sensitivity or grader noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from macros.catalog.store import Score

Z95 = 1.959963984540054
PROPORTIONS = frozenset({"accuracy", "exact-match", "success-rate", "rated-share", "error-rate"})


@dataclass(frozen=True)
class Interval:
    """A 95% interval in the metric's unit, and how it was obtained."""

    low: float
    high: float
    method: str  # "reported", "from the reported standard error" or "Wilson"

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def half_width(self) -> float:
        return (self.high - self.low) / 2


def wilson(percent: float, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval for a proportion given in percent, in percent."""
    p = percent / 100
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half) * 100, min(1.0, centre + half) * 100)


def interval(score: Score) -> Interval | None:
    """The score's 95% interval: the source's own, from its standard error, or Wilson's."""
    if score.ci is not None:
        return Interval(score.ci[0], score.ci[1], "reported")
    if score.stderr is not None:
        half = Z95 * score.stderr
        return Interval(score.value - half, score.value + half, "from the reported standard error")
    if score.metric in PROPORTIONS and score.n:
        low, high = wilson(score.value, score.n)
        return Interval(low, high, "Wilson")
    return None


def standard_error(score: Score) -> float | None:
    """The standard error of a proportion score in percentage points, when n is known."""
    if score.metric not in PROPORTIONS or not score.n:
        return None
    p = score.value / 100
    return math.sqrt(p * (1 - p) / score.n) * 100


def decimals(value: float) -> int:
    """How many decimals a value is written with (72.0 and 72 both count as none)."""
    text = repr(float(value))
    if "e" in text:
        return 0
    digits = text.split(".")[1].rstrip("0")
    return len(digits)


def could_be_a_count(percent: float, n: int) -> bool:
    """Whether a percentage, rounded as it is written, could be k of ``n`` items for a whole k.

    66.9 cannot be a share of 500 items (they come in steps of 0.2); a mean over several
    runs, or a score on a subset, can produce such a value.
    """
    half = 0.5 * 10 ** -decimals(percent) + 1e-9
    nearest = round(percent * n / 100)
    return any(abs(100 * k / n - percent) <= half for k in (nearest - 1, nearest, nearest + 1))


def tied_with_leader(leader: Score, other: Score) -> bool:
    """Whether ``other``'s interval overlaps the leader's (both must be known)."""
    a, b = interval(leader), interval(other)
    return a is not None and b is not None and a.overlaps(b)
