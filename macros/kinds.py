"""One spec per kind of entry: everything the pipeline needs to know about a kind.

``KINDS`` is in display order (site sections, exports, counts). ``LOAD_ORDER`` is the
order in which kinds are validated: sources first, so every later kind can refer to
earlier ones. No other module keeps a per-kind table.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.schema.entries import (
    Application,
    Benchmark,
    Model,
    Organisation,
    Paper,
    ResultTable,
    Strict,
    Technique,
)


@dataclass(frozen=True)
class KindSpec:
    """A kind of entry: its data folder (also its site section), names, schema and pages."""

    folder: str  # data/<folder>/<id>.yaml, and the site section <folder>/<id>.md
    singular: str  # in messages: "no benchmark 'x'"
    title: str  # the index page's title
    model: type[Strict]  # the pydantic model of one file
    template: str  # data/_templates/<template>
    export: str  # api/v1/<export>.json
    intro: str  # the index page's opening paragraph


KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        "models",
        "model",
        "Models",
        Model,
        "model.yaml",
        "models",
        "Every model in the atlas: medical models of the survey's three types, and the general "
        "models they build on or are compared with. Sort any column; filter by type, year, size, "
        "weights, modality, language, organisation or text. The filter is kept in the address, "
        "so a view can be shared.",
    ),
    KindSpec(
        "benchmarks",
        "benchmark",
        "Benchmarks",
        Benchmark,
        "benchmark.yaml",
        "benchmarks",
        "Benchmarks, datasets and evaluation studies, in the survey's two categories of "
        "evaluation: automatic and human. Each page ranks results only within comparable settings.",
    ),
    KindSpec(
        "techniques",
        "technique",
        "Techniques",
        Technique,
        "technique.yaml",
        "techniques",
        "Training, adaptation and inference techniques behind medical LLMs, by stage.",
    ),
    KindSpec(
        "papers",
        "paper",
        "Sources",
        Paper,
        "paper.yaml",
        "papers",
        "Every source the atlas cites: papers, preprints, reports, model cards and repositories.",
    ),
    KindSpec(
        "applications",
        "application",
        "Applications",
        Application,
        "application.yaml",
        "applications",
        "Application areas of medical LLMs.",
    ),
    KindSpec(
        "organisations",
        "organisation",
        "Organisations",
        Organisation,
        "organisation.yaml",
        "organisations",
        "Companies, universities, hospitals and institutes behind the models and benchmarks.",
    ),
    KindSpec(
        "results",
        "result table",
        "Result tables",
        ResultTable,
        "results.yaml",
        "result-tables",
        "Result tables transcribed from one table of one source, often a paper's comparison "
        "with baselines.",
    ),
)

SPEC: dict[str, KindSpec] = {k.folder: k for k in KINDS}
FOLDERS: tuple[str, ...] = tuple(k.folder for k in KINDS)
# Validation order: a kind only refers to kinds before it (results refer to models...).
LOAD_ORDER: tuple[str, ...] = (
    "papers",
    "organisations",
    "techniques",
    "applications",
    "benchmarks",
    "models",
    "results",
)
# Names accepted by `atlas new`, besides each kind's singular.
NEW_ALIASES = {"source": "papers", "results": "results", "result-table": "results"}


def spec(kind: str) -> KindSpec:
    """The spec of a kind, by its folder name (``models``, ``benchmarks``, ...)."""
    return SPEC[kind]


def model_of(kind: str) -> type[Strict]:
    """The pydantic model that validates one file of ``kind``."""
    return SPEC[kind].model


def singular(kind: str) -> str:
    """``benchmarks`` -> ``benchmark``."""
    return SPEC[kind].singular
