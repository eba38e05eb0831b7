"""Mutated valid entries: validation returns a catalog or a list of problems, within a second."""

from __future__ import annotations

import time
from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.catalog.build import load_catalog

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
)
KEYS = st.sampled_from(
    [
        "id",
        "name",
        "kind",
        "survey_type",
        "released",
        "parameters",
        "weights",
        "base_models",
        "results",
        "summary",
        "added",
        "links",
        "sources",
        "modalities",
        "bogus",
        "value",
    ]
)


@settings(
    max_examples=60,
    deadline=3000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    key=KEYS,
    value=st.one_of(
        SCALARS,
        st.lists(SCALARS, max_size=3),
        st.dictionaries(st.text(max_size=8), SCALARS, max_size=3),
    ),
)
def test_a_mutated_model_never_crashes_validation(project, key, value):
    path = project / "data" / "models" / "syn-model-00001.yaml"
    data = yaml.safe_load(path.read_text())
    data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    start = time.perf_counter()
    catalog, problems = load_catalog(project, today=date(2026, 6, 1))
    assert time.perf_counter() - start < 3.0
    assert (catalog is None) == any(p.severity == "error" for p in problems)
    for p in problems:
        assert p.line >= 1 and p.col >= 1
        assert p.text().startswith(p.path + ":")
