"""Every text rule is linear: adversarial strings up to the length limit are checked fast,
and mutated dates and keys get diagnostics, never a traceback."""

from __future__ import annotations

import time

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.catalog.build import load_catalog
from macros.schema.textrules import text_problem

LIMIT = 1500
PIECES = [
    "{=",
    "{",
    "}",
    "=",
    "{:",
    " ",
    "\n",
    "[",
    "]",
    "](",
    "<",
    "on",
    "java",
    "script",
    "\\u200d",
    "&#",
    "--8<",
    "{{",
    "%}",
    "a",
]


def adversarial(piece: str, length: int = LIMIT) -> str:
    return (piece * (length // max(1, len(piece)) + 1))[:length]


def test_long_runs_of_every_delimiter_are_checked_fast():
    for piece in PIECES:
        for text in (
            adversarial(piece),
            "x" + adversarial(piece)[:-2] + "}",
            "[" * 700 + "]" * 700,
        ):
            started = time.perf_counter()
            text_problem(text, single_line=False, max_length=LIMIT)
            assert time.perf_counter() - started < 0.2, piece


def test_the_length_limit_is_checked_before_any_pattern():
    started = time.perf_counter()
    found = text_problem(adversarial("{=", 200_000), single_line=False, max_length=LIMIT)
    assert found[0] == "too-long"
    assert time.perf_counter() - started < 0.05


@settings(max_examples=60, deadline=1000)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=400))
def test_any_mix_of_delimiters_up_to_the_limit_is_checked_in_well_under_a_second(parts):
    text = "".join(parts)[:LIMIT]
    started = time.perf_counter()
    text_problem(text, single_line=False, max_length=LIMIT)
    assert time.perf_counter() - started < 0.2


DATES = st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
KEYS = st.text(alphabet=st.sampled_from("ab[]{}.:-_ 0"), min_size=1, max_size=12)


@settings(max_examples=40, deadline=3000)
@given(released=DATES, key=KEYS)
def test_mutated_dates_and_keys_get_diagnostics_not_tracebacks(
    tmp_path_factory, base_data, released, key
):
    import shutil

    root = tmp_path_factory.mktemp("mutated")
    shutil.copytree(base_data, root / "data")
    path = root / "data" / "models" / "syn-model-00001.yaml"
    data = yaml.safe_load(path.read_text())
    data["released"] = released
    data[key] = "x"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    _catalog, problems = load_catalog(root)
    assert all(p.code and p.line >= 1 for p in problems)
