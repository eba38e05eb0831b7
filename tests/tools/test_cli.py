"""The `atlas` command line: new, fmt, validate (text and GitHub formats), show, schema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from macros.load.problems import Problem
from macros.tools.cli import main
from macros.tools.jsonschemas import render_all
from macros.tools.newentry import slugify

# Values that fill every placeholder of the templates with something valid in the
# synthetic base catalogue.
FILL = {
    "ALIAS": "Case",
    "FAMILY": "Case family",
    "SURVEY_TYPE": "fine-tuned",
    "ORGANISATION": "syn-org-0000",
    "RELEASED": "2024-05",
    "PARAMETERS": "7",
    "ARCHITECTURE": "decoder",
    "WEIGHTS": "open",
    "LICENCE": "Apache-2.0",
    "BASE_MODEL": "syn-model-00000",
    "TECHNIQUE": "lora",
    "TRAINING_DATA": "PubMed abstracts",
    "APPLICATION": "medical-education",
    "PAPER": "syn-paper-00001",
    "PAPER_URL": "https://example.org/paper",
    "LOCATOR": "Section 2",
    "CLAIM_FIELDS": "architecture, base_models, languages, licence, modalities, organisations, parameters, released, techniques, training_data, weights",
    "SUMMARY": "A model written from the template.",
    "BENCHMARK": "medqa",
    "VARIANT": "a",
    "VALUE": "61.5",
    "SHOTS": "5",
    "SPLIT": "test",
    "PROMPTING": "cot",
    "RESULT_LOCATOR": "Table 2",
    "CATEGORY": "automatic",
    "TASK": "multiple-choice-qa",
    "ANSWER_FORMAT": "one of four options",
    "TEST_SIZE": "100",
    "TYPE": "preprint",
    "TITLE": "A title",
    "AUTHOR": "Ada Example",
    "YEAR": "2024",
    "MONTH": "5",
    "VENUE": "arXiv",
    "ARXIV": "2401.12345",
    "URL": "https://example.org/x",
    "STAGE": "fine-tuning",
    "PARENT": "supervised-fine-tuning",
    "RELATED": "lora",
    "COUNTRY": "CH",
    "SECTOR": "academia",
    "MODEL": "syn-model-00002",
}
BENCH_CLAIMS = "access, answer_format, languages, modalities, organisations, released, size, task"


def fill(text: str, kind: str) -> str:
    values = dict(FILL)
    if kind == "benchmark":
        values["CLAIM_FIELDS"] = BENCH_CLAIMS
    out = re.sub(r"<([A-Z_]+)>", lambda m: values[m.group(1)], text)
    assert "<" not in out.split("#")[0]
    return out


def test_slugify_follows_the_id_rules():
    assert slugify("Med-PaLM 2") == "med-palm-2"
    assert slugify("Llama 3.1 8B") == "llama-3-1-8b"
    assert slugify("GPT-3.5 Turbo") == "gpt-3-5-turbo"
    assert slugify("Aloe (Qwen2.5)") == "aloe-qwen2-5"


@pytest.mark.parametrize(
    "kind", ["model", "benchmark", "technique", "paper", "organisation", "application", "results"]
)
def test_new_writes_a_template_that_validates_once_filled_in(project, kind, capsys):
    shutil.copytree(ROOT / "data" / "_templates", project / "data" / "_templates")
    assert main(["--root", str(project), "new", kind, "Case Entry 1"]) == 0
    folder = {
        "model": "models",
        "benchmark": "benchmarks",
        "technique": "techniques",
        "paper": "papers",
        "organisation": "organisations",
        "application": "applications",
        "results": "results",
    }[kind]
    path = project / "data" / folder / "case-entry-1.yaml"
    text = path.read_text()
    assert "# yaml-language-server: $schema=../../schemas/" in text
    assert 'name: "Case Entry 1"' in text or "title:" in text
    # Unfilled, it does not validate.
    assert main(["--root", str(project), "validate", str(path)]) == 1
    path.write_text(fill(text, kind))
    capsys.readouterr()
    code = main(["--root", str(project), "validate", str(path)])
    out = capsys.readouterr().out
    assert [ln for ln in out.splitlines() if "error[" in ln] == []
    assert code == 0


def test_new_refuses_an_existing_entry(project, capsys):
    shutil.copytree(ROOT / "data" / "_templates", project / "data" / "_templates")
    assert main(["--root", str(project), "new", "model", "Case New"]) == 0
    assert main(["--root", str(project), "new", "model", "Case New"]) == 2
    assert main(["--root", str(project), "new", "model", "Syn Model 00001"]) == 2


def test_fmt_then_validate_reports_nothing_fixable(project, capsys):
    path = project / "data" / "models" / "syn-model-00003.yaml"
    lines = path.read_text().splitlines()
    # Scramble key order: move `id` to the end and unsort a sorted list.
    text = "\n".join([*lines[1:], lines[0]]) + "\n"
    path.write_text(text)
    main(["--root", str(project), "validate"])
    before = capsys.readouterr().out
    assert "warning[key-order]" in before
    assert main(["--root", str(project), "fmt", "--check"]) == 1
    assert main(["--root", str(project), "fmt"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "validate", "--fail-on-warnings"]) == 0
    out = capsys.readouterr().out
    assert "warning" not in out and "error" not in out
    assert main(["--root", str(project), "fmt", "--check"]) == 0


def test_fmt_keeps_the_schema_line_and_block_scalars_and_is_a_fixed_point(project):
    path = project / "data" / "models" / "syn-model-00004.yaml"
    text = path.read_text()
    summary = re.search(r"^summary: .*?(?=^\w)", text, re.M | re.S).group(0)
    folded = (
        "summary: >-\n  A summary written as a folded block, long enough to wrap over more than "
        "one line when\n  it is written back, with 'quotes' that must not be doubled.\n"
    )
    text = "# yaml-language-server: $schema=../../schemas/models.schema.json\n" + text
    path.write_text(text.replace(summary, folded))
    main(["--root", str(project), "fmt"])
    once = path.read_text()
    assert once.startswith("# yaml-language-server: $schema=../../schemas/models.schema.json\n")
    assert "summary: >-\n" in once and "''" not in once
    main(["--root", str(project), "fmt"])
    assert path.read_bytes() == once.encode(), "fmt is a fixed point"


def test_fmt_changes_no_byte_of_the_real_data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    assert main(["--root", str(tmp_path), "fmt", "--check"]) == 0


def test_new_paper_derives_the_documented_id_and_refuses_a_near_duplicate(project, capsys):
    shutil.copytree(ROOT / "data" / "_templates", project / "data" / "_templates")
    for given, expected in (
        ("2305.09617", "arxiv-2305-09617"),
        ("https://arxiv.org/abs/2305.09617v2", "arxiv-2305-09617"),
        ("https://github.com/epfLLM/meditron", "gh-epfllm-meditron"),
        ("https://huggingface.co/epfl-llm/meditron-70b", "hf-epfl-llm-meditron-70b"),
        ("https://doi.org/10.1038/s41586-023-06291-2", "doi-10-1038-s41586-023-06291-2"),
    ):
        assert main(["--root", str(project), "new", "paper", given]) == 0
        assert (project / "data" / "papers" / f"{expected}.yaml").exists(), given
        (project / "data" / "papers" / f"{expected}.yaml").unlink()
    capsys.readouterr()
    assert main(["--root", str(project), "new", "model", "Syn Model00001"]) == 2
    assert "looks like the existing data/models/syn-model-00001.yaml" in capsys.readouterr().err
    assert main(["--root", str(project), "new", "model", "SynModel00001"]) == 2
    assert main(["--root", str(project), "new", "model", "SynModel00001", "--force"]) == 0


def test_fmt_keeps_values_and_writes_plain_numbers(project):
    path = project / "data" / "models" / "syn-model-00005.yaml"
    path.write_text(path.read_text().replace("parameters:\n- 6.0", "parameters:\n- 6"))
    main(["--root", str(project), "fmt"])
    text = path.read_text()
    assert "!!" not in text
    assert re.search(r"parameters:\n  - 6\n", text)


GITHUB = re.compile(
    r"^::(error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),title=(?P<title>[^:]+)::(?P<msg>.+)$"
)


def test_the_github_format_is_workflow_command_syntax(project, capsys):
    (project / "data" / "models" / "syn-model-00001.yaml").write_text(
        "id: syn-model-00001\nname: X\nkind: medical\nsummary: 'a, b: 100%'\nadded: 2026-01-15\nreviewed: 2026-01-15\n"
    )
    assert main(["--root", str(project), "validate", "--format", "github"]) == 1
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln]
    assert lines
    for line in lines:
        m = GITHUB.match(line)
        assert m, line
        assert m.group("file") == "data/models/syn-model-00001.yaml"
    # Property values escape ',' and ':', and the message escapes '%' and newlines.
    p = Problem("a,b:c.yaml", 1, 2, "x", "f", "100% done\nnext")
    assert p.github() == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=x::f: 100%25 done%0Anext"


def test_show_lists_links_both_ways(project, capsys):
    assert main(["--root", str(project), "show", "syn-model-00004"]) == 0
    out = capsys.readouterr().out
    assert "model syn-model-00004: Synthetic Model 4" in out
    assert "links to:" in out
    assert "derivatives: syn-model-00010, syn-model-00011" in out
    assert main(["--root", str(project), "show", "no-such-thing"]) == 1


def test_validate_exits_1_and_prints_the_summary(project, capsys):
    (project / "data" / "models" / "bad.yaml").write_text("id: bad\n")
    assert main(["--root", str(project), "validate"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("in 1 file")


def test_the_console_script_has_help():
    out = subprocess.run(
        [sys.executable, "-m", "macros.tools.cli", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0
    for command in ("validate", "fmt", "new", "show", "export"):
        assert command in out.stdout


def test_the_committed_json_schemas_are_up_to_date():
    for name, text in render_all().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"run `make schema` to create schemas/{name}"
        assert committed.read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run `make schema`"
        )
        json.loads(text)


def test_export_writes_the_api(project, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--root", str(project), "export", "--out", str(out)]) == 0
    index = json.loads((out / "api" / "v1" / "index.json").read_text())
    assert index["counts"]["models"] == 12


def test_show_gives_the_file_and_line_of_every_row_of_a_model(project, capsys):
    assert main(["--root", str(project), "show", "syn-model-00001"]) == 0
    out = capsys.readouterr().out
    rows = [line.strip() for line in out.splitlines() if " = " in line and ".yaml:" in line]
    assert rows, out
    for row in rows:
        where = row.rsplit(": ", 1)[1]
        path, line = where.rsplit(":", 1)
        text = (project / path).read_text().splitlines()[int(line) - 1]
        assert text.lstrip().startswith("- "), (row, text)
    assert any("data/results/" in row for row in rows) and any("data/models/" in r for r in rows)


def test_completeness_prints_every_field_against_its_target(project, capsys):
    from macros.catalog.completeness import TARGETS

    assert main(["--root", str(project), "completeness"]) == 0
    out = capsys.readouterr().out
    assert all(field in out for field in TARGETS) and "target" in out.splitlines()[0]


def test_completeness_missing_lists_the_ids_that_lack_each_field(project, capsys):
    model = project / "data" / "models" / "syn-model-00002.yaml"
    data = yaml.safe_load(model.read_text())
    data["organisations"] = []
    data.pop("not_stated", None)
    model.write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["--root", str(project), "completeness", "--missing"]) == 0
    out = capsys.readouterr().out
    organisations = out.split("organisations (", 1)[1].split("\n\n", 1)[0]
    assert f"  {data['id']}" in organisations.splitlines()


def test_commands_that_need_the_catalog_refuse_invalid_data(project, capsys):
    (project / "data" / "models" / "syn-model-00001.yaml").write_text("id: [unclosed\n")
    for command in (["completeness"], ["show", "syn-model-00002"], ["export", "--out", "x"]):
        assert main(["--root", str(project), *command]) == 1
        assert "the data has errors; fix them first" in capsys.readouterr().err
