"""The data exports parse with standard tools and agree with the YAML."""

from __future__ import annotations

import csv
import json

import bibtexparser
import feedparser
import pytest
import yaml
from conftest import ROOT

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("site")]
KINDS = ("models", "benchmarks", "techniques", "papers", "applications", "organisations", "results")
NAME = {kind: ("result-tables" if kind == "results" else kind) for kind in KINDS}


def load(site, rel):
    return json.loads((site / "api" / "v1" / rel).read_text(encoding="utf-8"))


def test_the_index_counts_match_the_data_folder(real_site):
    index = load(real_site, "index.json")
    for kind in KINDS:
        on_disk = len(list((ROOT / "data" / kind).glob("*.yaml")))
        assert index["counts"][kind] == on_disk, kind
        assert len(load(real_site, f"{NAME[kind]}.json")) == on_disk
    assert index["build_date"] == "2026-01-01T00:00:00Z"  # SOURCE_DATE_EPOCH of the test build
    assert index["counts"]["scores"] == len(load(real_site, "results.json"))


def test_a_sample_of_models_agrees_with_their_yaml_field_by_field(real_site):
    records = {r["id"]: r for r in load(real_site, "models.json")}
    files = sorted((ROOT / "data" / "models").glob("*.yaml"))
    for path in files[:: max(1, len(files) // 15)]:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        record = records[raw["id"]]
        for key in (
            "name",
            "kind",
            "survey_type",
            "base_models",
            "organisations",
            "papers",
            "weights",
        ):
            if key in raw:
                assert record[key] == raw[key], (path.name, key)
        if "released" in raw:
            assert record["released"] == str(raw["released"])
        if "parameters" in raw:
            assert record["parameters"] == [float(p) for p in raw["parameters"]]
        assert record["derived"]["data_file"] == f"data/models/{path.name}"
        single = json.loads((real_site / "api" / "v1" / "models" / f"{raw['id']}.json").read_text())
        assert single == record


def test_every_result_in_the_yaml_is_exported_with_its_setting(real_site, real_catalog):
    scores = load(real_site, "results.json")
    assert len(scores) == len(real_catalog.scores)
    exported = {
        (s["model"], s["benchmark"], s["variant"], s["value"], s["source"], s["locator"])
        for s in scores
    }
    for path in sorted((ROOT / "data" / "models").glob("*.yaml"))[:40]:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for r in raw.get("results", []):
            key = (
                raw["id"],
                r["benchmark"],
                r.get("variant"),
                float(r["value"]),
                r["source"],
                r["locator"],
            )
            assert key in exported, (path.name, r)


def test_the_csv_files_read_with_the_csv_module(real_site, real_catalog):
    with open(real_site / "api" / "v1" / "models.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(real_catalog.models)
    by_id = {r["id"]: r for r in rows}
    some = sorted(real_catalog.models)[0]
    assert by_id[some]["name"] == real_catalog.models[some].name
    with open(real_site / "api" / "v1" / "results.csv", newline="", encoding="utf-8") as f:
        scores = list(csv.DictReader(f))
    assert len(scores) == len(real_catalog.scores)
    assert all(float(r["value"]) >= 0 for r in scores)
    assert {r["reported_by"] for r in scores} <= {"authors", "benchmark-owner", "third-party"}
    assert len({r["id"] for r in scores}) == len(scores)


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_cell_can_run_as_a_spreadsheet_formula(real_site):
    for path in sorted((real_site / "api" / "v1").rglob("*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                assert not [c for c in row if c.startswith(FORMULA)], path


def test_the_bibtex_parses_with_bibtexparser(real_site, real_catalog):
    library = bibtexparser.parse_string((real_site / "atlas.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    keys = {e.key for e in library.entries}
    assert keys == set(real_catalog.papers)
    sample = next(p for p in real_catalog.papers.values() if p.arxiv)
    entry = next(e for e in library.entries if e.key == sample.id)
    assert entry.fields_dict["eprint"].value == sample.arxiv
    assert entry.fields_dict["year"].value == str(sample.year)


def test_bibtex_names_months_and_dois_read_as_bibtex_tools_read_them(real_site, real_catalog):
    from bibtexparser import middlewares as mw

    from macros.export.bibtex import _CORPORATE

    text = (real_site / "atlas.bib").read_text(encoding="utf-8")
    # Without the default middleware a field keeps its braces: a bare macro has none.
    raw = {e.key: e for e in bibtexparser.parse_string(text, parse_stack=[]).entries}
    named = bibtexparser.parse_string(
        text, append_middleware=[mw.SeparateCoAuthors(), mw.SplitNameParts()]
    )
    corporate_seen = 0
    for entry in named.entries:
        paper = real_catalog.papers[entry.key]
        month = raw[entry.key].fields_dict.get("month")
        if paper.month:
            assert month.value == "janfebmaraprmayjunjulaugsepoctnovdec"[3 * paper.month - 3 :][:3]
        doi = raw[entry.key].fields_dict.get("doi")
        if paper.doi:
            assert doi.value == "{" + paper.doi + "}", "a DOI is written verbatim"
        if not paper.authors:
            continue
        names = entry.fields_dict["author"].value
        assert len(names) == len(paper.authors) + (1 if paper.et_al else 0), entry.key
        for written, parts in zip(paper.authors, names, strict=False):
            if _CORPORATE.search(written):
                corporate_seen += 1
                assert parts.first == [] and parts.last == ["{" + written + "}"], parts
            else:
                assert parts.last, (entry.key, written)
    assert corporate_seen >= 2, "the data has corporate authors such as 'LASA Team'"


def test_the_feed_is_valid_atom(real_site):
    feed = feedparser.parse((real_site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.id and feed.feed.updated
    assert len(feed.entries) > 10
    for entry in feed.entries:
        assert entry.id.startswith("tag:medllm-atlas,2026:")
        assert entry.title and entry.updated and entry.link
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_the_export_schema_describes_the_records(real_site):
    import jsonschema

    schema = load(real_site, "schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    for kind in KINDS:
        record_schema = {"$ref": f"#/$defs/{NAME[kind]}_record", "$defs": schema["$defs"]}
        for record in load(real_site, f"{NAME[kind]}.json")[:40]:
            jsonschema.validate(record, record_schema)
    result_schema = {"$ref": "#/$defs/result", "$defs": schema["$defs"]}
    for record in load(real_site, "results.json")[:40]:
        jsonschema.validate(record, result_schema)


def test_exports_are_sorted_and_stable(real_site):
    records = load(real_site, "models.json")
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    text = (real_site / "api" / "v1" / "models.json").read_text(encoding="utf-8")
    assert text == json.dumps(records, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
