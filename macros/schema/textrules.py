"""Rules every contributed string must pass, whatever field it sits in.

Contributed text is rendered as escaped plain text, so none of these constructs could
run; the rules exist so that a pull request carrying them fails loudly with its own
error code instead of being published as odd-looking text (defence in depth).
Each check returns ``(code, message, offset)`` for the first problem, or ``None``.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that hide, fake or reorder text. Every character in one of these Unicode
# categories is refused: Cc (controls, but tab and newline), Cf (format: zero-width,
# bidirectional controls, tag characters U+E0000-E007F), Zl and Zp (line and paragraph
# separators U+2028/U+2029), Co (private use) and Cn (unassigned and noncharacters such as
# U+FFFE, which XML 1.0 forbids). Also refused, though their category is visible: blank
# look-alikes and joiners that render as nothing.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
_BLANK_LOOKALIKES = frozenset(
    {
        0x034F,
        0x115F,
        0x1160,
        0x2800,
        0x3164,
        0xFFA0,
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    }
)
# The exceptions: ZWNJ and ZWJ shape words in scripts such as Persian, Arabic and the Indic
# scripts, so they are allowed between two letters of a script other than Latin.
_JOINERS = frozenset({0x200C, 0x200D})
_ALLOWED_CONTROLS = frozenset("\n\t")


def _joins_letters(text: str, i: int) -> bool:
    if i == 0 or i + 1 >= len(text):
        return False
    before, after = text[i - 1], text[i + 1]
    return all(unicodedata.category(ch)[0] in "LM" and ord(ch) > 0x024F for ch in (before, after))


def invisible_char(text: str) -> tuple[str, str, int] | None:
    """Find a control, invisible, private-use, unassigned or bidirectional character.

    One pass over the text, so the cost is linear in its length.
    """
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp < 0x80 and (ch in _ALLOWED_CONTROLS or 0x20 <= cp < 0x7F):
            continue
        category = unicodedata.category(ch)
        refused = category in _REFUSED_CATEGORIES or cp in _BLANK_LOOKALIKES
        if ch == "\r":
            refused = False  # a carriage return is a line break: single_line catches it
        if refused and cp in _JOINERS and _joins_letters(text, i):
            refused = False
        if refused:
            fallback = "control character" if category == "Cc" else "unassigned character"
            name = unicodedata.name(ch, fallback)
            return ("invisible-char", f"U+{cp:04X} ({name}) is not allowed", i)
    return None


def attribute_list(text: str) -> int | None:
    """Offset of a Markdown attribute list ({: .class }, { #id }, { key=value }), or None.

    A brace group counts when it starts (after spaces) with ':', '.' or '#', or holds '='
    before its closing brace. One pass, so linear in the text's length (a regular
    expression for this backtracks in cubic time on runs of '{=').
    """
    start = None  # the first '{' since the last '}'
    marked = False  # some '{' in the group is followed by spaces and then :, . or #
    has_eq = False
    pending = False  # just after a '{', still skipping spaces
    for i, ch in enumerate(text):
        if ch == "{":
            start = i if start is None else start
            pending = True
            continue
        if ch == "}":
            if start is not None and (marked or has_eq):
                return start
            start, marked, has_eq, pending = None, False, False, False
            continue
        if start is None:
            continue
        if pending and not ch.isspace():
            marked = marked or ch in ":.#"
            pending = False
        if ch == "=":
            has_eq = True
    return None


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
        re.compile(r"\bon[a-z]{3,20}\s*+=", re.IGNORECASE),
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
            r"\b(?:java\s*+script|vb\s*+script|livescript)\s*+:|\bdata\s*+:\s*+[a-z]+/|\bfile:/",
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
        "link-definition",
        re.compile(r"^[ \t]{0,3}\[[^\]\n]++\]:[ \t]*+\S", re.MULTILINE),
        "link reference definitions ([ref]: url) are not allowed",
    ),
)


ATTR_LIST_MESSAGE = "attribute lists ({: .class }, { key=value }) are not allowed"


def text_problem(
    text: str, *, single_line: bool, max_length: int | None = None
) -> tuple[str, str, int] | None:
    """The first rule ``text`` breaks, as (code, message, character offset), or None.

    The length limit is checked first, so no pattern ever runs on an over-long text; every
    check after it is linear in the text's length.
    """
    if max_length is not None and len(text) > max_length:
        return ("too-long", f"at most {max_length} characters, not {len(text)}", max_length)
    found = invisible_char(text)
    if found:
        return found
    if single_line and ("\n" in text or "\r" in text):
        return ("single-line", "must be on one line", text.find("\n"))
    for code, pattern, message in _CHECKS:
        m = pattern.search(text)
        if m:
            return (code, message, m.start())
    offset = attribute_list(text)
    if offset is not None:
        return ("attr-list", ATTR_LIST_MESSAGE, offset)
    return None


def escape_invisible(text: str) -> str:
    """Show invisible characters as \\uXXXX so an error message never hides them."""
    out = []
    for ch in text:
        cp = ord(ch)
        hidden = cp < 0x20 or cp == 0x7F
        if not hidden and cp >= 0x80:
            hidden = unicodedata.category(ch) in _REFUSED_CATEGORIES or cp in _BLANK_LOOKALIKES
        out.append(f"\\u{cp:04x}" if hidden and ch not in "\n\t" else ch)
    return "".join(out)
