"""croissant.json is valid Croissant 1.0 (checked by MLCommons' own mlcroissant), its
checksums are those of the files, and its record sets read back the exported results."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import mlcroissant as mlc

from macros.export.write import write_exports


def test_croissant_validates_and_loads_every_result(tmp_path, catalog40):
    write_exports(catalog40, tmp_path)
    dataset = mlc.Dataset(jsonld=tmp_path / "croissant.json")
    issues = dataset.metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
    records = list(dataset.records("results"))
    exported = json.loads((tmp_path / "api/v1/results.json").read_text(encoding="utf-8"))
    assert len(records) == len(exported) == len(catalog40.scores)
    by_id = {r["id"]: r for r in exported}
    for record in records:
        original = by_id[record["results/id"].decode()]
        assert record["results/value"] == original["value"]
        assert record["results/model"].decode() == original["model"]


def test_croissant_checksums_are_the_files_and_every_column_is_described(tmp_path, catalog40):
    write_exports(catalog40, tmp_path)
    doc = json.loads((tmp_path / "croissant.json").read_text(encoding="utf-8"))
    for file in doc["distribution"]:
        data = (tmp_path / file["contentUrl"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == file["sha256"]
    for record_set, path in (("results", "api/v1/results.csv"), ("models", "api/v1/models.csv")):
        text = (tmp_path / path).read_text(encoding="utf-8")
        header = next(csv.reader(io.StringIO(text)))
        fields = next(r for r in doc["recordSet"] if r["name"] == record_set)["field"]
        assert [f["name"] for f in fields] == header
