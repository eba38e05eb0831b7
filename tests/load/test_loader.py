"""The strict YAML loader: what it accepts, what it refuses, and that it never crashes."""

from __future__ import annotations

import os
import resource
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.catalog.build import load_catalog
from macros.load.yamlload import MAX_BYTES, load_yaml, parse_yaml


def codes(loaded) -> list[str]:
    return [p.code for p in loaded.problems]


def test_yaml_1_1_surprises_stay_the_strings_they_were_written_as():
    loaded = parse_yaml(
        "a: NO\nb: 1.10\nc: 010\nd: yes\ne: 2023-05-01\nf: 1_000\ng: 1:30\n", "x.yaml"
    )
    assert loaded.data == {
        "a": "NO",
        "b": "1.10",
        "c": "010",
        "d": "yes",
        "e": "2023-05-01",
        "f": "1_000",
        "g": "1:30",
    }


def test_only_lowercase_true_false_and_null_are_not_strings():
    loaded = parse_yaml("a: true\nb: false\nc: null\nd: ~\ne:\nf: True\n", "x.yaml")
    assert loaded.data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": "True"}


def test_positions_of_keys_and_values_are_recorded():
    loaded = parse_yaml("id: a\nlist:\n  - x\n  - {k: v}\n", "x.yaml")
    assert loaded.keys[("list",)] == (2, 1)
    assert loaded.values[("list", 1, "k")] == (4, 9)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"\xff\xfei\x00d\x00:\x00 \x00a\x00\n\x00", "encoding"),
        (b"\xef\xbb\xbfid: a\n", "bom"),
        (b"id: caf\xe9\n", "encoding"),
        (b"id: a\x00\n", "encoding"),
    ],
    ids=["utf-16", "utf-8-bom", "latin-1", "nul-byte"],
)
def test_files_that_are_not_plain_utf8_are_refused(tmp_path, raw, code):
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    loaded = load_yaml(path, "x.yaml")
    assert loaded.data is None
    assert codes(loaded) == [code]


def test_latin1_error_points_at_the_byte(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: a\nname: caf\xe9\n")
    problem = load_yaml(path, "x.yaml").problems[0]
    assert (problem.line, problem.col) == (2, 10)
    assert "byte 15 (0xE9)" in problem.message


def test_a_symlink_is_refused_without_reading_its_target(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET=hunter2\n")
    link = tmp_path / "x.yaml"
    os.symlink(secret, link)
    loaded = load_yaml(link, "x.yaml")
    assert codes(loaded) == ["symlink"]
    assert "hunter2" not in loaded.problems[0].text()


def test_an_oversized_file_is_refused_without_echoing_it(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"summary: " + b"hunter2 " * (MAX_BYTES // 8 + 10))
    loaded = load_yaml(path, "x.yaml")
    assert codes(loaded) == ["too-large"]
    assert "hunter2" not in loaded.problems[0].text()


def test_billion_laughs_is_refused_fast_and_small():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghi":
        bomb += f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]\n"
        prev = name
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    loaded = parse_yaml(bomb, "bomb.yaml")
    elapsed = time.perf_counter() - start
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert set(codes(loaded)) == {"anchor", "alias"}  # every one refused, none expanded
    assert len(loaded.problems) <= 12  # five of each code, then a summary line
    assert elapsed < 1.0
    assert grown_kib < 100 * 1024


def test_5000_levels_of_nesting_give_an_error_not_a_traceback():
    loaded = parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")
    assert codes(loaded) == ["too-deep"]


def test_the_real_ssti_payload_never_runs(project):
    marker = project / "pwned"
    (project / "data" / "models" / "evil.yaml").write_text(
        "id: evil\nname: Evil\nkind: general\n"
        f"summary: \"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\"\n"
        "added: 2026-01-15\nreviewed: 2026-01-15\n"
    )
    catalog, problems = load_catalog(project)
    assert catalog is None
    assert [p.code for p in problems if p.severity == "error"] == ["template-syntax"]
    assert not marker.exists()


# ---------------------------------------------------------------- properties

FAST = settings(max_examples=150, deadline=1000, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_data_or_problems_never_an_exception(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(raw)
    start = time.perf_counter()
    loaded = load_yaml(path, "x.yaml")
    assert time.perf_counter() - start < 1.0
    assert (loaded.data is None) == bool(loaded.problems)
    assert loaded.data is None or isinstance(loaded.data, dict)


@FAST
@given(st.text(max_size=800))
def test_arbitrary_text_gives_data_or_problems_never_an_exception(text):
    loaded = parse_yaml(text, "x.yaml")
    assert (loaded.data is None) == bool(loaded.problems)
