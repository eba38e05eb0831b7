"""Problems found in data files, and how they are printed.

Every problem has a position and a stable code, printed like a compiler's diagnostics::

    data/models/x.yaml:12:5: error[unknown-ref] base_models[0]: no model 'lama-2' (did you mean 'llama-2'?)
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.schema.textrules import escape_invisible


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    code: str
    field: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def text(self) -> str:
        """The one-line form ``path:line:col: severity[code] field: message``."""
        message = escape_invisible(self.message)
        return (
            f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}] "
            f"{self.field}: {message}"
        )

    def github(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request's diff."""
        message = escape_invisible(f"{self.field}: {self.message}")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = _escape_property(self.path)
        title = _escape_property(f"{self.code}")
        return (
            f"::{self.severity} file={path},line={self.line},col={self.col},"
            f"title={title}::{message}"
        )


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def summary_line(problems: list[Problem]) -> str:
    """The closing line: counts of errors and warnings and of files they are in."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "no problems"
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{' and '.join(parts)} in {files} file{'s' if files != 1 else ''}"


def format_field(loc: tuple) -> str:
    """Render a location tuple such as ('results', 1, 'value') as results[1].value."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"
