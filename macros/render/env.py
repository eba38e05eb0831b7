"""The Jinja environment for generated pages, and the small formatters they share.

Templates are trusted files in ``templates/``, reviewed like the Python beside them;
contributor text only ever reaches them as values, and the environment autoescapes every
value. No template source ever comes from data, so the environment is not sandboxed: a
sandbox guards against untrusted templates, of which there are none, and would double
the cost of rendering. Generated pages carry ``render_macros: false``, so mkdocs-macros
never treats their text as a template.
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros.kinds import spec
from macros.render.html import attrs, md_heading
from macros.schema import vocab

TEMPLATES = Path(__file__).parent / "templates"


def make_env() -> Environment:
    """The Jinja environment for generated pages: autoescaped, strict about undefined names."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["label_language"] = lambda v: vocab.label("language", v)
    env.filters["label_modality"] = lambda v: vocab.label("modality", v)
    env.globals["label"] = vocab.label
    env.globals["heading"] = md_heading
    env.globals["attrs"] = lambda names: Markup(attrs(**names))
    env.globals["fmt"] = fmt_value
    env.globals["metric_label"] = lambda m: vocab.METRIC_BY_ID[m].label
    env.globals["singular"] = lambda k: spec(k).singular
    return env


def fmt_value(value: float) -> str:
    """A score as written in sources: no trailing zeros, at most 4 decimals."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


# libyaml's emitter when present (same output, several times faster), else PyYAML's own.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(title: str, description: str = "", **extra) -> str:
    """YAML front matter for a generated page. Titles are escaped and can hold no tag."""
    safe_title = html.escape(title.replace("<", "‹").replace(">", "›"), quote=False)
    data = {"title": safe_title, "render_macros": False}
    if description:
        # Plain text with no angle brackets, so no template can ever meet markup here; the
        # page head (render/head.py) escapes the rest where it writes it.
        plain = " ".join(description.split()).replace("<", "‹").replace(">", "›")
        data["description"] = plain
    data.update(extra)
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=True)
    return "---\n" + text + "---\n\n"


def first_sentence(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    sentence = text[: cut + 1] if 0 < cut < limit else text[:limit]
    return sentence


def bib_html(text: str) -> Markup:
    """BibTeX escaped for HTML, braces as character references (no template markers in pages)."""
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def size_text(size) -> str:
    """'train 10,178 · dev 1,272 · test 1,273' for a Size, or ''."""
    if size is None:
        return ""
    parts = [
        f"{name} {getattr(size, name):,}"
        for name in ("train", "dev", "test", "total")
        if getattr(size, name) is not None
    ]
    return " · ".join(parts)


def detail_text(setting) -> str:
    """Setting details that do not define comparability: samples, method, reasoning effort,
    harness, grader."""
    parts = []
    if setting.samples:
        parts.append(f"{setting.samples} samples")
    if setting.method:
        parts.append(setting.method)
    if setting.reasoning_effort:
        parts.append(f"reasoning effort: {setting.reasoning_effort}")
    if setting.harness:
        parts.append(f"harness: {setting.harness}")
    if setting.grader:
        parts.append(f"grader: {setting.grader}")
    return " · ".join(parts)
