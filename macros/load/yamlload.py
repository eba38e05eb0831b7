"""Strict YAML loading with positions.

Contributed YAML is untrusted. This loader reads a file into plain Python values
(dict, list, str, bool, None) and records the line and column of every key and
value. It refuses what a data file never needs: tags, anchors and aliases, duplicate
and non-string keys, merge keys, several documents, deep nesting, tabs in
indentation, encodings other than UTF-8, byte-order marks, symlinks and big files.

YAML 1.1 surprises cannot happen: a plain scalar is only ever null (``null``, ``~``,
empty), a boolean (``true``, ``false``) or a string. ``NO``, ``010`` and ``1.10`` stay
the strings they were written as; numeric fields are converted by the schema, which
knows which fields are numbers.

The parser is libyaml's (C) where available: it only tokenises, and every value is
built here from its events, so no YAML constructor ever runs.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.load.problems import Problem, format_field

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

# Only the event stream is used; no constructor runs.
_Parser = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader
_NULLS = {"", "~", "null"}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_BOOLS = {"true": True, "false": False}


@dataclass
class Loaded:
    """A loaded file: its data and the (line, col) of every key and value path.

    Positions are only needed to report a problem, so a fast load leaves them out and the
    text is parsed again, once, the first time a position is asked for.
    """

    data: dict | None
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None  # set when positions are still to be computed

    def position(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        """Best position for a location: the key or value itself, else its nearest parent."""
        if self.text is not None:
            full = parse_yaml(self.text, "", positions=True)
            self.values, self.keys, self.text = full.values, full.keys, None
        table = self.keys if key else self.values
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Abort(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _line_col_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a data file as UTF-8 text, refusing symlinks, big files and other encodings."""

    def fail(code: str, message: str, line: int = 1, col: int = 1):
        return None, [Problem(display, line, col, code, "(file)", message)]

    try:
        info = os.lstat(path)
    except OSError as exc:
        return fail("unreadable", f"cannot read the file ({exc.strerror})")
    if stat.S_ISLNK(info.st_mode):
        return fail("symlink", "symbolic links are not allowed in data/; commit a regular file")
    if not stat.S_ISREG(info.st_mode):
        return fail("not-a-file", "not a regular file")
    if info.st_size > MAX_BYTES:
        return fail(
            "too-large", f"file is {info.st_size} bytes; the limit is {MAX_BYTES} bytes (256 KiB)"
        )
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        return fail("encoding", "the file is not UTF-8 (it looks like UTF-16/32); save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail("bom", "the file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_byte(raw, exc.start)
        return fail(
            "encoding",
            f"not valid UTF-8 at byte {exc.start} (0x{raw[exc.start]:02X}); save the file as UTF-8",
            line,
            col,
        )
    tab = _TAB_INDENT.search(text)
    if tab is not None:
        number = text.count("\n", 0, tab.start()) + 1
        return fail(
            "tab-indent",
            "tab character used for indentation; indent with spaces",
            number,
            tab.end() - tab.start(),
        )
    return text, []


def load_yaml(path: Path, display: str, *, positions: bool = True) -> Loaded:
    """Load one data file strictly. Problems are returned, never raised."""
    text, problems = read_text(path, display)
    if text is None:
        return Loaded(None, problems=problems)
    return parse_yaml(text, display, positions=positions)


def parse_yaml(text: str, display: str, *, positions: bool = True) -> Loaded:
    """Parse YAML text strictly into plain values (with positions unless ``positions=False``)."""
    loaded = Loaded(None)
    if not positions:
        loaded.text = text
    try:
        loaded.data = _build(text, display, loaded)
    except _Abort as abort:
        loaded.data = None
        loaded.problems.append(abort.problem)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = exc.problem or str(exc)
        code = "syntax"
        if "'\\t'" in detail:
            code = "tab-indent"
        elif "nesting depth" in detail:
            code = "too-deep"
        loaded.data = None
        loaded.problems.append(
            Problem(display, line, col, code, "(file)", f"YAML syntax: {detail}")
        )
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError) as exc:
        loaded.data = None
        loaded.problems.append(
            Problem(display, 1, 1, "syntax", "(file)", f"YAML syntax: {type(exc).__name__}")
        )
    return loaded


def _pos(event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _build(text: str, display: str, loaded: Loaded):
    parser = _Parser(text)
    try:
        return _walk(parser, display, loaded)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


def _walk(parser, display: str, loaded: Loaded):
    E = yaml.events
    Scalar, MapStart, SeqStart = E.ScalarEvent, E.MappingStartEvent, E.SequenceStartEvent
    MapEnd, SeqEnd, Alias = E.MappingEndEvent, E.SequenceEndEvent, E.AliasEvent
    StreamEnd, DocStart = E.StreamEndEvent, E.DocumentStartEvent
    skip = (E.StreamStartEvent, E.DocumentEndEvent)
    values, keys = loaded.values, loaded.keys
    record = loaded.text is None  # record positions now, or leave them for later
    get_event = parser.get_event
    documents = 0
    root = None
    # Stack of frames: [container, loc, pending_key, is_mapping]
    stack: list[list] = []

    def abort(event, code: str, loc: tuple, message: str):
        line, col = _pos(event)
        raise _Abort(Problem(display, line, col, code, format_field(loc), message))

    while True:
        event = get_event()
        cls = event.__class__
        if cls is StreamEnd:
            break
        if cls in skip:
            continue
        if cls is DocStart:
            documents += 1
            if documents > 1:
                abort(event, "multiple-documents", (), "one YAML document per file (remove '---')")
            continue
        if cls is Alias:
            abort(event, "alias", _here(stack), "aliases (*name) are not allowed")
        if cls is not MapEnd and cls is not SeqEnd:
            if event.anchor is not None:
                abort(event, "anchor", _here(stack), f"anchors (&{event.anchor}) are not allowed")
            tag = event.tag
            if tag is not None and not (cls is Scalar and tag == "!"):
                abort(event, "tag", _here(stack), f"tags ({tag}) are not allowed")
        frame = stack[-1] if stack else None
        mark = event.start_mark
        pos = (mark.line + 1, mark.column + 1)

        # A scalar in key position of a mapping is a key.
        if frame is not None and frame[3] and frame[2] is None:
            if cls is not Scalar:
                if cls is MapEnd:
                    stack.pop()
                    continue
                abort(event, "key-type", frame[1], "mapping keys must be plain strings")
            key = event.value
            if key == "<<" and not event.style:
                abort(event, "merge-key", frame[1], "merge keys (<<) are not allowed")
            if key in frame[0]:
                full = keys if record else parse_positions_of(loaded.text, display)
                first = full[(*frame[1], key)][0]
                abort(
                    event,
                    "duplicate-key",
                    (*frame[1], key),
                    f"'{key}' is defined twice (first at line {first})",
                )
            frame[2] = key
            if record:
                keys[(*frame[1], key)] = pos
            continue

        if cls is MapEnd or cls is SeqEnd:
            stack.pop()
            continue
        if cls is Scalar:
            value: object = event.value
            if not event.style and event.implicit[0]:
                if value in _NULLS:
                    value = None
                elif value in _BOOLS:
                    value = _BOOLS[value]
        elif cls is MapStart or cls is SeqStart:
            if len(stack) >= MAX_DEPTH:
                abort(event, "too-deep", _here(stack), f"nesting deeper than {MAX_DEPTH} levels")
            value = {} if cls is MapStart else []
        else:  # pragma: no cover - no other event types exist
            continue
        # Attach the value to its parent.
        if frame is None:
            root = value
            child: tuple = ()
        elif frame[3]:
            child = (*frame[1], frame[2])
            frame[0][frame[2]] = value
            frame[2] = None
        else:
            child = (*frame[1], len(frame[0]))
            frame[0].append(value)
        if record or frame is None:
            values[child] = pos
        if cls is not Scalar:
            stack.append([value, child, None, cls is MapStart])

    if documents == 0 or root is None:
        raise _Abort(Problem(display, 1, 1, "empty-file", "(file)", "the file has no data"))
    if not isinstance(root, dict):
        line, col = values.get((), (1, 1))
        raise _Abort(
            Problem(display, line, col, "top-level", "(file)", "the top level must be a mapping")
        )
    return root


def parse_positions_of(text: str, display: str) -> dict[tuple, tuple[int, int]]:
    """Key positions of a text, up to the first problem (for the duplicate-key message)."""
    partial = Loaded(None)
    with contextlib.suppress(_Abort, yaml.YAMLError):
        _build(text, display, partial)
    return partial.keys


def _here(stack: list[list]) -> tuple:
    if not stack:
        return ()
    frame = stack[-1]
    if frame[3] and frame[2] is not None:
        return (*frame[1], frame[2])
    if not frame[3]:
        return (*frame[1], len(frame[0]))
    return frame[1]
