"""The catalog: validated entries plus every cross-link, derived once.

Built by ``validate.load_catalog`` after all checks pass. Derived fields are computed
in one pass over the entries into dictionaries keyed by id, so a page never scans all
entries. Nothing here is written by hand in data/: derivatives, technique -> models,
benchmark -> results, paper -> citing entries, application -> models and benchmarks,
organisation -> models and benchmarks.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from macros.kinds import FOLDERS
from macros.schema.entries import (
    Application,
    Benchmark,
    Model,
    Organisation,
    Paper,
    ResultTable,
    Setting,
    Technique,
)


@dataclass(frozen=True)
class Score:
    """One result, flattened from a model file or a result table, with its provenance."""

    model: str
    benchmark: str
    variant: str | None
    split: str | None
    metric: str
    value: float
    setting: Setting
    source: str
    locator: str
    note: str | None
    reported_by: str  # "authors", "benchmark-owner" or "third-party" (derived, see scores)
    origin: tuple[str, str]  # (kind, id) of the file the row is written in
    # Provenance as the source states it (None: not stated).
    n: int | None = None  # items scored
    n_derived: bool = False  # n taken from the benchmark's recorded split size
    ci: tuple[float, float] | None = None  # 95% interval as reported
    stderr: float | None = None
    model_version: str | None = None
    evaluated: str | None = None  # YYYY-MM of the run
    contamination: tuple[str, str, str] | None = None  # (status, source, locator)
    cites: tuple[str, str] | None = None  # (source, locator) of the original
    evaluation_set: tuple[str, str] | None = None  # (source, locator) defining variant/split/n
    line: int = 0  # where the row starts in its file (0: unknown)

    @property
    def group(self) -> tuple:
        """The comparability key: only scores with equal keys are ranked together."""
        s = self.setting
        return (
            self.benchmark,
            self.variant,
            self.split,
            self.metric,
            s.shots,
            s.prompting,
            s.finetuned_on_train,
        )

    @property
    def identity(self) -> tuple:
        """What a result is, apart from its value: two rows with the same identity are the same
        result written twice. The result id is derived from it, so it survives reordering and
        a corrected value."""
        s = self.setting
        return (
            self.model,
            self.group,
            s.samples,
            s.method,
            s.harness,
            s.grader,
            s.reasoning_effort,
            self.model_version,
            self.source,
            self.locator,
        )

    @property
    def id(self) -> str:
        """A stable, citable id: ``r-`` and 12 hex digits of a hash of the identity."""
        text = json.dumps(self.identity, separators=(",", ":"), ensure_ascii=True)
        return "r-" + hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass
class Catalog:
    """Typed entries of every kind, and the links between them."""

    papers: dict[str, Paper] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    techniques: dict[str, Technique] = field(default_factory=dict)
    applications: dict[str, Application] = field(default_factory=dict)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    results: dict[str, ResultTable] = field(default_factory=dict)
    # (kind, id) -> path of the YAML file, relative to the project root.
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    # kind -> {old id: new id}, from data/redirects.yaml.
    redirects: dict[str, dict[str, str]] = field(default_factory=dict)
    # The data changes since the previous release (catalog.changes.as_json), if one exists.
    changes: dict | None = None
    # The data version (CITATION.cff's, set by `atlas release`), or "unreleased".
    version: str = "unreleased"

    scores: list[Score] = field(default_factory=list)
    # Derived links.
    derivatives: dict[str, list[str]] = field(default_factory=dict)
    technique_models: dict[str, list[str]] = field(default_factory=dict)
    technique_children: dict[str, list[str]] = field(default_factory=dict)
    model_scores: dict[str, list[Score]] = field(default_factory=dict)
    benchmark_scores: dict[str, list[Score]] = field(default_factory=dict)
    source_scores: dict[str, list[Score]] = field(default_factory=dict)
    table_scores: dict[str, list[Score]] = field(default_factory=dict)
    citations: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    application_models: dict[str, list[str]] = field(default_factory=dict)
    application_benchmarks: dict[str, list[str]] = field(default_factory=dict)
    application_techniques: dict[str, list[str]] = field(default_factory=dict)
    organisation_models: dict[str, list[str]] = field(default_factory=dict)
    organisation_benchmarks: dict[str, list[str]] = field(default_factory=dict)

    def kind(self, kind: str) -> dict:
        """The entries of a kind, by the data folder name (``models``, ``benchmarks``, ...)."""
        return getattr(self, kind)

    def counts(self) -> dict[str, int]:
        """Number of entries per kind, plus scores and medical models."""
        out = {kind: len(self.kind(kind)) for kind in FOLDERS}
        out["scores"] = len(self.scores)
        out["medical_models"] = sum(1 for m in self.models.values() if m.kind == "medical")
        return out

    def derive(self) -> None:
        """Compute every derived link in one pass. Lists are sorted for stable output."""
        derivatives: dict[str, set[str]] = defaultdict(set)
        technique_models: dict[str, set[str]] = defaultdict(set)
        technique_children: dict[str, set[str]] = defaultdict(set)
        citations: dict[str, set[tuple[str, str]]] = defaultdict(set)
        app_models: dict[str, set[str]] = defaultdict(set)
        app_benchmarks: dict[str, set[str]] = defaultdict(set)
        app_techniques: dict[str, set[str]] = defaultdict(set)
        org_models: dict[str, set[str]] = defaultdict(set)
        org_benchmarks: dict[str, set[str]] = defaultdict(set)
        model_scores: dict[str, list[Score]] = defaultdict(list)
        benchmark_scores: dict[str, list[Score]] = defaultdict(list)
        source_scores: dict[str, list[Score]] = defaultdict(list)
        table_scores: dict[str, list[Score]] = defaultdict(list)

        for mid, m in self.models.items():
            for base in m.base_models:
                derivatives[base].add(mid)
            for t in m.techniques:
                technique_models[t].add(mid)
            for a in m.applications:
                app_models[a].add(mid)
            for o in m.organisations:
                org_models[o].add(mid)
            for p in m.papers:
                citations[p].add(("models", mid))
            for s in m.sources:
                citations[s.source].add(("models", mid))
        for bid, b in self.benchmarks.items():
            for a in b.applications:
                app_benchmarks[a].add(bid)
            for o in b.organisations:
                org_benchmarks[o].add(bid)
            for p in b.papers:
                citations[p].add(("benchmarks", bid))
            for s in b.sources:
                citations[s.source].add(("benchmarks", bid))
        for tid, t in self.techniques.items():
            if t.parent:
                technique_children[t.parent].add(tid)
            for p in t.papers:
                citations[p].add(("techniques", tid))
        for aid, a in self.applications.items():
            for t in a.techniques:
                app_techniques[aid].add(t)
        for rid, r in self.results.items():
            citations[r.source].add(("results", rid))
        for score in self.scores:
            model_scores[score.model].append(score)
            benchmark_scores[score.benchmark].append(score)
            source_scores[score.source].append(score)
            if score.origin[0] == "results":
                table_scores[score.origin[1]].append(score)
            if score.origin[0] == "models":
                citations[score.source].add(("models", score.model))

        def freeze(d: dict[str, set]) -> dict[str, list]:
            return {k: sorted(v) for k, v in sorted(d.items())}

        self.derivatives = freeze(derivatives)
        self.technique_models = freeze(technique_models)
        self.technique_children = freeze(technique_children)
        self.citations = freeze(citations)
        self.application_models = freeze(app_models)
        self.application_benchmarks = freeze(app_benchmarks)
        self.application_techniques = freeze(app_techniques)
        self.organisation_models = freeze(org_models)
        self.organisation_benchmarks = freeze(org_benchmarks)
        self.model_scores = dict(model_scores)
        self.benchmark_scores = dict(benchmark_scores)
        self.source_scores = dict(source_scores)
        self.table_scores = dict(table_scores)
