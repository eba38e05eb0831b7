"""BibTeX for sources: one entry per paper, escaped for LaTeX, deterministic."""

from __future__ import annotations

import re

from macros.schema.entries import Paper

_SPECIAL = {
    "\\": r"\textbackslash{}",
    # BibTeX counts \{ and \} as braces too, so a brace is written as a text command.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(k) for k in _SPECIAL))
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def escape(text: str) -> str:
    """Escape LaTeX's special characters; other Unicode is kept (UTF-8 BibTeX)."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)


_CORPORATE = re.compile(
    r"\b(team|group|consortium|collaboration|lab|laboratory|labs|inc|ltd|llc|institute|"
    r"university|foundation|project|organization|organisation|authors|contributors)\b",
    re.IGNORECASE,
)


def author(name: str) -> str:
    """An author for BibTeX: a corporate name is braced, so it stays one name."""
    text = escape(name)
    # " and " inside a name would split it in two.
    whole = _CORPORATE.search(name) or " and " in f" {name.lower()} "
    return "{" + text + "}" if whole else text


def cite_key(paper_id: str) -> str:
    """The citation key of a source: its atlas id (already [a-z0-9-])."""
    return paper_id


def entry(paper: Paper) -> str:
    """One BibTeX entry for a source."""
    kind = "article" if paper.type == "article" else "misc"
    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if paper.authors:
        names = [author(a) for a in paper.authors]
        if paper.et_al:
            names.append("others")
        fields.append(("author", " and ".join(names)))
    fields.append(("year", str(paper.year)))
    month = _MONTHS[paper.month - 1] if paper.month else None
    if paper.venue:
        fields.append(("journal" if kind == "article" else "howpublished", escape(paper.venue)))
    if paper.arxiv:
        fields += [("eprint", paper.arxiv), ("archiveprefix", "arXiv")]
    if paper.doi:
        fields.append(("doi", paper.doi))  # verbatim: the schema refuses braces and backslashes
    if paper.url:
        fields.append(("url", paper.url))
    lines = [f"  {name} = {{{value}}}" for name, value in fields]
    if month:
        lines.insert(3 if paper.authors else 2, f"  month = {month}")  # the bare month macro
    body = ",\n".join(lines)
    return f"@{kind}{{{cite_key(paper.id)},\n{body}\n}}\n"


def entries(papers: list[Paper]) -> str:
    """Several entries, in the order given, separated by blank lines."""
    return "\n".join(entry(p) for p in papers)
