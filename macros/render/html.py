"""The one helper that builds HTML outside templates, escaping everything it is given.

``el("a", name, href=url)`` gives ``<a href="...">name</a>``: text children and attribute
values are escaped (``html.escape``, quotes included); only ``Markup`` passes through, so
contributed text can never become markup. Keyword names map to attributes: a trailing
underscore is dropped (``class_``) and other underscores become hyphens (``data_q``).
``True`` writes a bare attribute; ``None`` and ``False`` leave it out.
"""

from __future__ import annotations

import html as _html
import json
from collections.abc import Iterable

from markupsafe import Markup


def esc(value: object) -> str:
    """``value`` as HTML text: Markup unchanged, anything else escaped."""
    if isinstance(value, Markup):
        return str(value)
    return _html.escape(str(value), quote=True)


def attrs(**names: object) -> str:
    """Attributes in the order given, each value escaped, with a leading space."""
    out = []
    for key, value in names.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return Markup("".join(out))


def _children(parts: Iterable[object]) -> str:
    out = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, (list, tuple)):
            out.append(_children(part))
        else:
            out.append(esc(part))
    return Markup("".join(out))


def el(tag: str, *children: object, **names: object) -> Markup:
    """An element: ``<tag attrs>children</tag>``, everything escaped but Markup."""
    return Markup(f"<{tag}{attrs(**names)}>{_children(children)}</{tag}>")


def void(tag: str, **names: object) -> Markup:
    """A void element written as ``<tag attrs/>``."""
    return Markup(f"<{tag}{attrs(**names)}/>")


def join(parts: Iterable[object], sep: str = "") -> Markup:
    """Escape and join ``parts`` with a plain-text separator."""
    return Markup(esc(sep).join(esc(p) for p in parts))


# Characters Markdown (with attr_list and tables) would read as syntax in a heading line.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|")


def md_heading(text: object) -> Markup:
    """Text for a Markdown heading line: one line, every Markdown and HTML special
    character backslash-escaped or entity-escaped, so it can carry no syntax of its own."""
    line = " ".join(str(text).split())
    out = []
    for ch in line:
        if ch in "<>&\"'":
            out.append(_html.escape(ch, quote=True))
        elif ch in _MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return Markup("".join(out))


def script_json(value: object, **dumps: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element or a script file: ``<``,
    ``>`` and ``&`` are written as escapes, so no text can close the element or open a
    comment. ``dumps`` are passed to ``json.dumps``."""
    text = json.dumps(value, **dumps)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_data(name: str, value: object) -> str:
    """A page's data file: one JSON value assigned to ``window.<name>``, nothing else."""
    return f"window.{name} = {script_json(value, ensure_ascii=True, separators=(',', ':'))};\n"
