"""What the atlas publishes about itself: its version, its files and schema.org records.

The schema.org objects here go into page heads as JSON-LD (render/head.py) and the list of
files into the Download page's Dataset, the Croissant description and the release bundle.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.catalog.store import Catalog
from macros.export.api import API
from macros.export.records import build_date
from macros.kinds import FOLDERS, spec

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DESCRIPTION = (
    "An open, cross-linked atlas of large language models for medicine: models, training "
    "techniques, benchmarks, every score with its setting and source, and the field's "
    "applications, organised around the survey Advances in Large Language Models for "
    "Medicine (arXiv:2509.18690)."
)
SURVEY = {
    "@type": "ScholarlyArticle",
    "name": "Advances in Large Language Models for Medicine",
    "url": "https://arxiv.org/abs/2509.18690",
}
OFFLINE_ZIP = "downloads/medllm-atlas-offline.zip"


def data_version(root: Path) -> str:
    """The data version: ``version`` in CITATION.cff (set by ``atlas release``)."""
    cff = root / "CITATION.cff"
    text = cff.read_text(encoding="utf-8") if cff.is_file() else ""
    match = re.search(r'^version:\s*"?([^"\n]+)"?\s*$', text, flags=re.M)
    return match.group(1).strip() if match else "unreleased"


def distribution() -> list[tuple[str, str, str]]:
    """Every published file: (path under the site, media type, what it holds)."""
    kinds = [
        (f"{API}/{spec(k).export}.json", "application/json", f"every {k[:-1]} entry")
        for k in FOLDERS
    ]
    return [
        (f"{API}/index.json", "application/json", "counts, build date, files and vocabularies"),
        *kinds,
        (f"{API}/results.json", "application/json", "every result, flattened, with provenance"),
        (f"{API}/models.csv", "text/csv", "one row per model"),
        (f"{API}/results.csv", "text/csv", "one row per result"),
        (f"{API}/schema.json", "application/schema+json", "JSON Schema of the export records"),
        ("atlas.bib", "application/x-bibtex", "BibTeX for every source"),
        ("feed.xml", "application/atom+xml", "newest entries and data changes"),
        ("changes.json", "application/json", "data changes since the previous release"),
        ("croissant.json", "application/ld+json", "Croissant description of the exports"),
        (OFFLINE_ZIP, "application/zip", "the whole site for reading offline"),
    ]


def absolute(site_url: str, path: str) -> str:
    """``path`` under the site: absolute when the site URL is known, else as given."""
    return site_url.rstrip("/") + "/" + path if site_url else path


def dataset(catalog: Catalog, site_url: str, version: str) -> dict:
    """A schema.org Dataset for the whole atlas, listing every export."""
    date = build_date(catalog)[:10]
    files = [
        {
            "@type": "DataDownload",
            "name": path.rsplit("/", 1)[-1],
            "description": what,
            "encodingFormat": media,
            "contentUrl": absolute(site_url, path),
            "license": LICENCE_URL,
            "version": version,
            "dateModified": date,
        }
        for path, media, what in distribution()
    ]
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "MedLLM Atlas",
        "description": DESCRIPTION,
        "url": site_url or None,
        "license": LICENCE_URL,
        "version": version,
        "dateModified": date,
        "creator": {"@type": "Organization", "name": "MedLLM Atlas contributors"},
        "isBasedOn": SURVEY,
        "keywords": ["large language models", "medicine", "benchmarks", "leaderboards"],
        "isAccessibleForFree": True,
        "distribution": files,
    }


def scholarly_article(paper, url: str | None) -> dict:
    """A schema.org ScholarlyArticle for a source entry."""
    ids = [f"https://doi.org/{paper.doi}"] if paper.doi else []
    if paper.arxiv:
        ids.append(f"https://arxiv.org/abs/{paper.arxiv}")
    published = f"{paper.year}-{paper.month:02d}" if paper.month else str(paper.year)
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": paper.title,
        "headline": paper.title[:110],
        "author": [{"@type": "Person", "name": a} for a in paper.authors],
        "datePublished": published,
        "isPartOf": {"@type": "Periodical", "name": paper.venue} if paper.venue else None,
        "sameAs": ids + ([paper.url] if paper.url else []) or None,
        "url": url,
    }


def benchmark_dataset(benchmark, url: str | None) -> dict:
    """A schema.org Dataset for a benchmark entry."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": benchmark.name,
        "alternateName": list(benchmark.aliases) or None,
        "description": benchmark.summary,
        "url": url,
        "sameAs": [u for u in (benchmark.links.homepage, benchmark.links.data) if u] or None,
        "inLanguage": list(benchmark.languages) or None,
        "license": benchmark.licence,
        "isAccessibleForFree": benchmark.access == "public" if benchmark.access else None,
        "variableMeasured": list(benchmark.metrics),
        "datePublished": benchmark.released,
    }


def without_nulls(obj):
    """``obj`` with every None value (and empty result) left out, recursively."""
    if isinstance(obj, dict):
        return {k: without_nulls(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [without_nulls(v) for v in obj]
    return obj
