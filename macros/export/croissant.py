"""A Croissant description (MLCommons, version 1.0) of the CSV exports: croissant.json.

Each CSV file is a FileObject with its SHA-256; each gets a RecordSet whose fields are the
file's columns, typed from the export schema, so ML tooling can load the atlas's results
without reading the site.
"""

from __future__ import annotations

import hashlib
import json

from macros.catalog.store import Catalog
from macros.export.api import API
from macros.export.csvfiles import MODEL_CSV_COLUMNS
from macros.export.metadata import DESCRIPTION, LICENCE_URL, SURVEY, absolute
from macros.export.records import RESULT_FIELDS, build_date

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
CITATION = (
    "@misc{medllm-atlas, title = {{MedLLM Atlas}}, author = {{MedLLM Atlas contributors}}, "
    "note = {Organised around Kan, Gan, Qi and Yu, Advances in Large Language Models for "
    "Medicine, arXiv:2509.18690}}"
)
_TYPES = {"number": "sc:Float", "integer": "sc:Integer", "boolean": "sc:Boolean"}


def _data_type(schema: dict) -> str:
    kinds = schema.get("type", "string")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    main = next((k for k in kinds if k != "null"), "string")
    return _TYPES.get(main, "sc:Text")


def _file_object(name: str, path: str, text: str, site_url: str) -> dict:
    return {
        "@type": "cr:FileObject",
        "@id": name,
        "name": name,
        "contentUrl": absolute(site_url, path),
        "encodingFormat": "text/csv",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def _record_set(name: str, file_id: str, columns, descriptions: dict) -> dict:
    fields = []
    for column in columns:
        schema = descriptions.get(column, {})
        fields.append(
            {
                "@type": "cr:Field",
                "@id": f"{name}/{column}",
                "name": column,
                "description": schema.get("description", column),
                "dataType": _data_type(schema),
                "source": {"fileObject": {"@id": file_id}, "extract": {"column": column}},
            }
        )
    return {"@type": "cr:RecordSet", "@id": name, "name": name, "field": fields}


def croissant(files: dict[str, str], catalog: Catalog, *, site_url: str) -> str:
    """croissant.json for the CSV files among ``files`` (relative path -> text)."""
    version = catalog.version
    results, models = f"{API}/results.csv", f"{API}/models.csv"
    doc = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "MedLLM-Atlas",
        "description": DESCRIPTION,
        "license": LICENCE_URL,
        "url": site_url or "https://github.com/medllm-atlas/medllm-atlas",
        "version": version if version[:1].isdigit() else "0.0.0",
        "datePublished": build_date(catalog)[:10],
        "citeAs": CITATION,
        "isBasedOn": SURVEY,
        "creator": {"@type": "Organization", "name": "MedLLM Atlas contributors"},
        "distribution": [
            _file_object("results-csv", results, files[results], site_url),
            _file_object("models-csv", models, files[models], site_url),
        ],
        "recordSet": [
            _record_set(
                "results", "results-csv", [n for n, _ in RESULT_FIELDS], dict(RESULT_FIELDS)
            ),
            _record_set("models", "models-csv", MODEL_CSV_COLUMNS, {}),
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
