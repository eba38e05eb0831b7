"""GitHub issue forms whose dropdowns come from the vocabularies (generated, never hand-edited)."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.schema import vocab

FORM_DIR = ".github/ISSUE_TEMPLATE"


def _dropdown(id_: str, label: str, terms, *, required: bool, description: str = "") -> dict:
    return {
        "type": "dropdown",
        "id": id_,
        "attributes": {
            "label": label,
            "description": description,
            "options": [f"{t.label} ({t.id})" for t in terms],
        },
        "validations": {"required": required},
    }


def _input(
    id_: str, label: str, description: str, *, required: bool, placeholder: str = ""
) -> dict:
    attrs = {"label": label, "description": description}
    if placeholder:
        attrs["placeholder"] = placeholder
    return {"type": "input", "id": id_, "attributes": attrs, "validations": {"required": required}}


def _textarea(id_: str, label: str, description: str, *, required: bool) -> dict:
    return {
        "type": "textarea",
        "id": id_,
        "attributes": {"label": label, "description": description},
        "validations": {"required": required},
    }


def suggest_model_form() -> dict:
    """The "Suggest a model" form: a model and the sources to read."""
    return {
        "name": "Suggest a model",
        "description": "Propose a medical LLM for the atlas, with the sources to read.",
        "title": "[model] ",
        "labels": ["data:models", "suggestion"],
        "body": [
            {
                "type": "markdown",
                "attributes": {
                    "value": (
                        "Thanks! Every fact in the atlas comes from a source someone read: please give the "
                        'paper, model card or repository, and where in it each number is ("Table 3").'
                    )
                },
            },
            _input(
                "name",
                "Model name",
                "As its authors write it.",
                required=True,
                placeholder="Meditron-70B",
            ),
            _dropdown("kind", "Kind", vocab.MODEL_KINDS, required=True),
            _dropdown(
                "survey_type",
                "Survey type (medical models)",
                vocab.SURVEY_TYPES,
                required=False,
                description="How it was trained; see the methodology page.",
            ),
            _dropdown("weights", "Weights", vocab.WEIGHTS, required=False),
            _input(
                "source",
                "Main source",
                "arXiv id, DOI, or https link to the model card or repository.",
                required=True,
                placeholder="arXiv:2311.16079",
            ),
            _textarea(
                "facts",
                "Facts and where you read them",
                "Release date, parameter count, base model, licence: each with its locator.",
                required=False,
            ),
            _textarea(
                "results",
                "Scores and their settings",
                "Benchmark, variant (MedQA 4 or 5 options), split, shots, prompting, value, locator.",
                required=False,
            ),
            {
                "type": "checkboxes",
                "id": "checks",
                "attributes": {
                    "label": "Checks",
                    "options": [
                        {
                            "label": "I searched the atlas and this model is not in it.",
                            "required": True,
                        },
                        {
                            "label": "Every value above comes from the source I name, not from memory.",
                            "required": True,
                        },
                    ],
                },
            },
        ],
    }


def report_incorrect_form() -> dict:
    """The "Report incorrect data" form: what is wrong, and the evidence."""
    return {
        "name": "Report incorrect data",
        "description": "A number, date, link or setting in the atlas is wrong or unsourced.",
        "title": "[correction] ",
        "labels": ["data:correction"],
        "body": [
            _input(
                "entry",
                "Entry",
                "The entry's kind and id (filled in when you come from its page).",
                required=True,
                placeholder="models/meditron-70b",
            ),
            _input(
                "page",
                "Page",
                "The link to the page where you saw it.",
                required=False,
                placeholder="https://…/models/meditron-70b/",
            ),
            _dropdown(
                "entry_kind",
                "Kind of entry",
                [
                    vocab.Term("models", "Model"),
                    vocab.Term("benchmarks", "Benchmark"),
                    vocab.Term("techniques", "Technique"),
                    vocab.Term("papers", "Source"),
                    vocab.Term("results", "Result table"),
                    vocab.Term("organisations", "Organisation"),
                ],
                required=True,
            ),
            _dropdown(
                "problem",
                "What is wrong",
                [
                    vocab.Term("value", "A number or date is wrong"),
                    vocab.Term(
                        "setting", "A result's setting is wrong (variant, shots, prompting)"
                    ),
                    vocab.Term(
                        "source", "A source or locator is wrong or does not support the claim"
                    ),
                    vocab.Term("link", "A link is broken or points elsewhere"),
                    vocab.Term("classification", "Survey type or evaluation category is wrong"),
                    vocab.Term("duplicate", "The entry duplicates another"),
                ],
                required=True,
            ),
            _dropdown(
                "evaluation_category",
                "Evaluation category, if that is the problem",
                vocab.EVALUATION_CATEGORIES,
                required=False,
            ),
            _textarea(
                "evidence",
                "Evidence",
                "The correct value and the source and locator where you read it.",
                required=True,
            ),
        ],
    }


def forms() -> dict[str, dict]:
    """File name -> issue form."""
    return {
        "suggest-model.yml": suggest_model_form(),
        "report-incorrect-data.yml": report_incorrect_form(),
    }


def render_all() -> dict[str, str]:
    """File name -> YAML text, deterministic."""
    header = "# Generated from macros/schema/vocab.py by `atlas schema`; do not edit by hand.\n"
    return {
        name: header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)
        for name, form in forms().items()
    }


def write_all(root: Path) -> list[Path]:
    """Write the forms under ``root/.github/ISSUE_TEMPLATE``."""
    out = root / FORM_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in render_all().items():
        (out / name).write_text(text, encoding="utf-8")
        paths.append(out / name)
    return paths
