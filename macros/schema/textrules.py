"""Rules every contributed string must pass, whatever field it sits in.

Contributed text is rendered as escaped plain text, so none of these constructs could
run; the rules exist so that a pull request carrying them fails loudly with its own
error code instead of being published as odd-looking text (defence in depth).
Each check returns ``(code, message, offset)`` for the first problem, or ``None``.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that hide or reorder text: zero-width, bidirectional controls, BOM, soft hyphen.
_INVISIBLE = {
    0x00AD,
    0x061C,
    0x180E,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x206A),
    0xFEFF,
}

_CHECKS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "template-syntax",
        re.compile(r"\{\{|\{%|\{#|%\}|\}\}"),
        "template markers ({{, {%, {#) are not allowed in data",
    ),
    (
        "snippet-directive",
        re.compile(r"-{1,2}8<-{1,2}"),
        "snippet directives (--8<--) are not allowed in data",
    ),
    (
        "event-handler",
        re.compile(r"\bon[a-z]{3,20}\s*=", re.IGNORECASE),
        "event-handler attributes (on...=) are not allowed in data",
    ),
    (
        "raw-html",
        re.compile(r"<[a-zA-Z!?/]"),
        "raw HTML is not allowed; write plain text",
    ),
    (
        "link-scheme",
        re.compile(
            r"\b(?:java\s*script|vb\s*script|livescript)\s*:|\bdata\s*:\s*[a-z]+/|\bfile:/",
            re.IGNORECASE,
        ),
        "only https:// links are allowed",
    ),
    (
        "link-scheme",
        re.compile(r"&#x?[0-9a-f]+;", re.IGNORECASE),
        "HTML character references are not allowed; type the character itself",
    ),
    (
        "attr-list",
        re.compile(r"\{\s*[:.#][^}]*\}|\{[^}]*=[^}]*\}"),
        "attribute lists ({: .class }, { key=value }) are not allowed",
    ),
    (
        "link-definition",
        re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S", re.MULTILINE),
        "link reference definitions ([ref]: url) are not allowed",
    ),
)


_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(re.escape(chr(cp)) for cp in sorted(_INVISIBLE)) + "]"
)


def invisible_char(text: str) -> tuple[str, str, int] | None:
    """Find a control, invisible or bidirectional character (newlines and tabs excepted)."""
    m = _INVISIBLE_RE.search(text)
    if m is None:
        return None
    ch = m.group(0)
    name = unicodedata.name(ch, "control character")
    return ("invisible-char", f"U+{ord(ch):04X} ({name}) is not allowed", m.start())


def text_problem(text: str, *, single_line: bool) -> tuple[str, str, int] | None:
    """The first rule ``text`` breaks, as (code, message, character offset), or None."""
    found = invisible_char(text)
    if found:
        return found
    if single_line and ("\n" in text or "\r" in text):
        return ("single-line", "must be on one line", text.find("\n"))
    for code, pattern, message in _CHECKS:
        m = pattern.search(text)
        if m:
            return (code, message, m.start())
    return None


def escape_invisible(text: str) -> str:
    """Show invisible characters as \\uXXXX so an error message never hides them."""
    out = []
    for ch in text:
        cp = ord(ch)
        if ch not in "\n\t" and (cp < 0x20 or cp == 0x7F or cp in _INVISIBLE):
            out.append(f"\\u{cp:04x}")
        else:
            out.append(ch)
    return "".join(out)
