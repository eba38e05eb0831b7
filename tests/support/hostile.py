"""A catalogue rewritten past the validator so that every text field holds one payload.

Used by the tests of the last line of defence: escaping in every page family, and
neutralisation in every export.
"""

from __future__ import annotations

import dataclasses

from macros.kinds import FOLDERS

TEXT = (
    "name",
    "title",
    "summary",
    "note",
    "venue",
    "licence",
    "family",
    "answer_format",
    "caveats",
)
LISTS = ("aliases", "training_data")


def _entry(entry, text: str):
    fields = type(entry).model_fields
    update = {f: text for f in TEXT if f in fields and getattr(entry, f) is not None}
    update |= {f: [text] for f in LISTS if f in fields}
    if "authors" in fields:
        update["authors"] = [text, "EPFL LLM Team"]
    if "variants" in fields:
        update["variants"] = [
            v.model_copy(update={"name": text, "note": text}) for v in entry.variants
        ]
    if "locator" in fields:
        update["locator"] = text
    return entry.model_copy(update=update)


def hostile_catalog(catalog, text: str):
    """A copy of ``catalog`` whose every text field (and every result's locator, note and
    setting details) is ``text``; one extra score makes two sources disagree."""
    c = dataclasses.replace(catalog)
    for kind in FOLDERS:
        setattr(c, kind, {eid: _entry(e, text) for eid, e in catalog.kind(kind).items()})
    setting = {"method": text, "harness": text, "grader": text}
    c.scores = [
        dataclasses.replace(
            s, locator=text, note=text, setting=s.setting.model_copy(update=setting)
        )
        for s in catalog.scores
    ]
    first = c.scores[0]
    c.scores.append(dataclasses.replace(first, value=first.value / 2, source=c.scores[1].source))
    c.derive()
    return c
