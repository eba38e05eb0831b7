"""The schema of every data entry: the single source of truth.

One pydantic model per entry kind. Unknown keys are rejected, numbers must be finite
and never booleans, every string passes the rules in ``textrules``. Field order here is
the canonical key order that ``atlas fmt`` writes and ``atlas validate`` checks.
The JSON Schema for editors (``schemas/*.schema.json``) is generated from these models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool

from macros.schema.types import (
    Arxiv,
    Author,
    Count,
    Country,
    Day,
    Doi,
    Id,
    Language,
    Line,
    Locator,
    MetricId,
    Month,
    Name,
    Number,
    PartialDate,
    Prose,
    Split,
    Strict,
    Url,
)
from macros.schema.types import (
    lit as _lit,
)

# ---------------------------------------------------------------- shared parts


class Links(Strict):
    """Official links of an entry. Every link is https."""

    paper: Url | None = None
    code: Url | None = None
    weights: Url | None = None
    data: Url | None = None
    homepage: Url | None = None
    demo: Url | None = None
    leaderboard: Url | None = None


MODEL_CLAIMS = (
    "organisations",
    "released",
    "parameters",
    "architecture",
    "modalities",
    "languages",
    "weights",
    "licence",
    "base_models",
    "techniques",
    "training_data",
)
BENCHMARK_CLAIMS = (
    "organisations",
    "released",
    "task",
    "languages",
    "modalities",
    "answer_format",
    "size",
    "variants",
    "access",
    "licence",
)


class FactSource(Strict):
    """Where the facts of an entry were read: a source entry, a locator, the fields it backs."""

    source: Id = Field(description="id of the paper/model card entry in data/papers")
    locator: Locator = Field(description='where in the source, e.g. "Table 2" or "Section 3.1"')
    supports: list[str] = Field(min_length=1, description="the fields this source backs")


class Citation(Strict):
    """A source and a place in it."""

    source: Id = Field(description="id of the source entry in data/papers")
    locator: Locator = Field(description='where in the source, e.g. "Table 2"')


class Contamination(Strict):
    """What a source says about the model having seen this benchmark's test items."""

    status: _lit("contamination") = Field(description="none-found, suspected or confirmed")
    source: Id = Field(description="id of the source that says so, in data/papers")
    locator: Locator


class LeakageNote(Strict):
    """A source documenting that a benchmark's items leaked into common training corpora."""

    source: Id = Field(description="id of the source that documents it, in data/papers")
    locator: Locator
    note: Line = Field(description="what the source found, in your own words")


class Setting(Strict):
    """How a score was obtained, as its source states it.

    Every field defaults to ``None``: "not stated". Nothing is ever filled in for a source
    that does not say it, and "not stated" is shown as such.
    """

    shots: Count | None = Field(None, description="in-context examples; 0 = zero-shot")
    prompting: _lit("prompting") | None = Field(
        None, description="plain, cot, ensemble, retrieval, agent or system; absent = not stated"
    )
    samples: Count | None = Field(None, description="samples aggregated (ensemble prompting)")
    method: Line | None = Field(None, description='named method, e.g. "Medprompt"')
    finetuned_on_train: StrictBool | None = Field(
        None,
        description="the model was (true) or was not (false) fine-tuned on this benchmark's "
        "training split; absent = not stated",
    )
    harness: Line | None = Field(None, description="evaluation harness and version")
    grader: Line | None = Field(None, description="grader model or rater pool, rubric version")
    reasoning_effort: Line | None = Field(
        None, description='reasoning effort or thinking budget, e.g. "high" or "8k tokens"'
    )


class Result(Strict):
    """One score of one model on one benchmark, with its setting and its source."""

    benchmark: Id
    variant: Id | None = Field(None, description="the benchmark's variant id, e.g. us-4-option")
    split: Split | None = None
    metric: MetricId
    value: Number
    setting: Setting = Setting()
    n: Count | None = Field(None, description="number of items scored, as the source states it")
    ci: Annotated[list[Number], Field(min_length=2, max_length=2)] | None = Field(
        None, description="95% confidence interval [low, high] as the source reports it"
    )
    stderr: Annotated[Number, Field(ge=0)] | None = Field(
        None, description="standard error as the source reports it"
    )
    model_version: Line | None = Field(
        None, description='the exact snapshot or checkpoint scored, e.g. "gpt-4-0613"'
    )
    evaluated: Month | None = Field(
        None, description="month of the run (YYYY-MM) when it differs from the source's date"
    )
    contamination: Contamination | None = None
    cites: Citation | None = Field(
        None, description="the original source, when this source reproduces another's number"
    )
    evaluation_set: Citation | None = Field(
        None,
        description="the source that defines the evaluation set (variant, split, n) when this "
        "row's own source does not, e.g. the same authors' paper for a repository's numbers",
    )
    source: Id = Field(description="id of the source entry in data/papers")
    locator: Locator
    note: Line | None = None
    value_checked: StrictBool = Field(
        False,
        description="true once the value was re-read in the source (silences plausibility warnings)",
    )


class ResultRow(Strict):
    """A row of a result table: the table gives the source, locator and default setting."""

    model: Id
    benchmark: Id
    variant: Id | None = None
    split: Split | None = None
    metric: MetricId
    value: Number
    setting: Setting | None = None
    n: Count | None = Field(None, description="number of items scored, as the source states it")
    ci: Annotated[list[Number], Field(min_length=2, max_length=2)] | None = Field(
        None, description="95% confidence interval [low, high] as the source reports it"
    )
    stderr: Annotated[Number, Field(ge=0)] | None = Field(
        None, description="standard error as the source reports it"
    )
    model_version: Line | None = Field(
        None, description='the exact snapshot or checkpoint scored, e.g. "gpt-4-0613"'
    )
    evaluated: Month | None = Field(
        None, description="month of the run (YYYY-MM) when it differs from the source's date"
    )
    contamination: Contamination | None = None
    cites: Citation | None = Field(
        None, description="the original source, when this source reproduces another's number"
    )
    evaluation_set: Citation | None = Field(
        None,
        description="the source that defines the evaluation set (variant, split, n) when this "
        "row's own source does not, e.g. the same authors' paper for a repository's numbers",
    )
    locator: Locator | None = None
    note: Line | None = None
    value_checked: StrictBool = Field(
        False,
        description="true once the value was re-read in the source (silences plausibility warnings)",
    )


# ---------------------------------------------------------------- entry kinds


class Model(Strict):
    """A medical model, or a general model listed as a base or a baseline."""

    id: Id
    name: Name
    aliases: list[Name] = []
    family: Name | None = None
    kind: _lit("model_kind")
    survey_type: _lit("survey_type") | None = None
    organisations: list[Id] = []
    released: PartialDate | None = None
    parameters: list[Annotated[Number, Field(gt=0, le=100000)]] = Field(
        [], description="parameter counts in billions, one per released size"
    )
    architecture: _lit("architecture") | None = None
    modalities: list[_lit("modality")] = []
    languages: list[Language] = []
    weights: _lit("weights") | None = None
    licence: Line | None = None
    base_models: list[Id] = []
    techniques: list[Id] = []
    training_data: list[Line] = []
    applications: list[Id] = []
    papers: list[Id] = Field([], description="the model's own papers, cards and repositories")
    links: Links = Links()
    sources: list[FactSource] = []
    not_stated: list[Literal[MODEL_CLAIMS]] = Field(  # type: ignore[valid-type]
        [], description="claim fields that no source states (known to be unknown)"
    )
    summary: Prose
    results: list[Result] = []
    added: Day
    reviewed: Day


class Size(Strict):
    """Number of items per split."""

    train: Count | None = None
    dev: Count | None = None
    test: Count | None = None
    total: Count | None = None


class Variant(Strict):
    """A variant of a benchmark that is scored separately (e.g. MedQA US 4-option)."""

    id: Id
    name: Name
    options: Count | None = Field(None, description="answer options per question")
    languages: list[Language] = []
    size: Size | None = None
    note: Line | None = None


class HostedLeaderboard(Strict):
    """An external leaderboard that hosts the benchmark."""

    name: Name
    url: Url


class Benchmark(Strict):
    """A benchmark, dataset or evaluation study that models are scored on."""

    id: Id
    name: Name
    aliases: list[Name] = []
    category: _lit("evaluation_category")
    task: _lit("task")
    organisations: list[Id] = []
    released: PartialDate | None = None
    languages: list[Language] = []
    modalities: list[_lit("modality")] = []
    answer_format: Line | None = None
    metrics: list[MetricId] = Field(min_length=1)
    size: Size | None = None
    variants: list[Variant] = []
    access: _lit("access") | None = None
    licence: Line | None = None
    main: StrictBool = Field(False, description="charted on the home and benchmark pages")
    applications: list[Id] = []
    papers: list[Id] = []
    links: Links = Links()
    leaderboards: list[HostedLeaderboard] = []
    caveats: Prose | None = Field(None, description="saturation, contamination, known issues")
    leakage: list[LeakageNote] = Field(
        [], description="sources documenting leakage of the benchmark into training corpora"
    )
    sources: list[FactSource] = []
    not_stated: list[Literal[BENCHMARK_CLAIMS]] = Field(  # type: ignore[valid-type]
        [], description="claim fields that no source states (known to be unknown)"
    )
    summary: Prose
    added: Day
    reviewed: Day


class Technique(Strict):
    """A training, adaptation or inference technique."""

    id: Id
    name: Name
    aliases: list[Name] = []
    stage: _lit("technique_stage")
    parent: Id | None = Field(None, description="a broader technique this one refines")
    related: list[Id] = []
    papers: list[Id] = []
    summary: Prose
    added: Day
    reviewed: Day


class Paper(Strict):
    """A source: a paper, preprint, report, model card, repository or official page."""

    id: Id
    type: _lit("source_type")
    title: Line
    authors: list[Author] = Field([], max_length=30)
    et_al: StrictBool = Field(False, description="true when the author list is cut short")
    year: Annotated[Count, Field(ge=1990, le=2100)]
    month: Annotated[Count, Field(ge=1, le=12)] | None = None
    venue: Line | None = None
    arxiv: Arxiv | None = None
    doi: Doi | None = None
    url: Url | None = None
    summary: Prose | None = None
    added: Day
    reviewed: Day


class Application(Strict):
    """An application area of medical LLMs (the survey's keywords first)."""

    id: Id
    name: Name
    survey_keyword: StrictBool = Field(False, description="one of the survey's own keywords")
    techniques: list[Id] = []
    summary: Prose
    added: Day
    reviewed: Day


class Organisation(Strict):
    """A company, university, hospital or institute behind models or benchmarks."""

    id: Id
    name: Name
    aliases: list[Name] = []
    country: Country | None = None
    sector: _lit("sector")
    url: Url | None = None
    added: Day
    reviewed: Day


class ResultTable(Strict):
    """Scores read from one table of one source, e.g. a paper's baseline comparison."""

    id: Id
    name: Name = Field(description='a caption, e.g. "MMedLM, English multiple-choice results"')
    source: Id
    locator: Locator
    setting: Setting = Setting()
    evaluation_set: Citation | None = Field(
        None, description="the evaluation set's defining source, for every row that names none"
    )
    note: Prose | None = None
    rows: list[ResultRow] = Field(min_length=1)
    added: Day
    reviewed: Day
