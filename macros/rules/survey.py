"""The survey's taxonomy: each medical model has exactly one of the three survey types."""

from __future__ import annotations

from macros.load.entry import Entry
from macros.rules.registry import Context, rule
from macros.schema import vocab


@rule("survey-type", scope="models")
def one_survey_type(ctx: Context, entry: Entry) -> None:
    """survey-type: a medical model has a survey_type; a general model has none."""
    m = entry.obj
    if m.kind == "medical" and m.survey_type is None:
        ctx.report(
            entry,
            ("kind",),
            "survey-type",
            "a medical model needs exactly one survey_type: " + ", ".join(vocab.ids("survey_type")),
            about=("survey_type",),
        )
    if m.kind == "general" and m.survey_type is not None:
        ctx.report(entry, ("survey_type",), "survey-type", "survey_type is only for medical models")
