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
REPEATS = 5  # problems of one code listed per file before they are summed up

# Only the event stream is used; no constructor runs.
_Parser = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader
_NULLS = {"", "~", "null"}
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_BOOLS = {"true": True, "false": False}
_DISCARD = object()  # the pending key of a value that is read but not kept


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
    styles: dict[tuple, str] = field(
        default_factory=dict
    )  # block scalars ('|' or '>'), with positions

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
        return _Walker(parser, display, loaded).run()
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


_E = yaml.events
_SCALAR, _MAP, _SEQ = _E.ScalarEvent, _E.MappingStartEvent, _E.SequenceStartEvent
_ENDS = (_E.MappingEndEvent, _E.SequenceEndEvent)
_SKIP = (_E.StreamStartEvent, _E.DocumentEndEvent)


class _Walker:
    """Builds plain data from the event stream, refusing every YAML feature the atlas bans.

    Frames on the stack are ``[container, loc, pending_key, is_mapping]``.
    """

    def __init__(self, parser, display: str, loaded: Loaded):
        self.parser, self.display, self.loaded = parser, display, loaded
        self.record = loaded.text is None  # record positions now, or leave them for later
        self.stack: list[list] = []
        self.documents = 0
        self.root = None
        self.repeats: dict[str, int] = {}

    def abort(self, event, code: str, loc: tuple, message: str):
        line, col = _pos(event)
        raise _Abort(Problem(self.display, line, col, code, format_field(loc), message))

    def run(self):
        get_event = self.parser.get_event
        while True:
            event = get_event()
            cls = event.__class__
            if cls is _E.StreamEndEvent:
                break
            if cls in _SKIP:
                continue
            if cls is _E.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.abort(
                        event, "multiple-documents", (), "one YAML document per file (remove '---')"
                    )
                continue
            self.refuse_features(event, cls)
            frame = self.stack[-1] if self.stack else None
            if frame is not None and frame[3] and frame[2] is None:
                self.key(event, cls, frame)
            elif cls in _ENDS:
                self.stack.pop()
            else:
                self.value(event, cls, frame)
        return self.finish()

    def problem(self, event, code: str, loc: tuple, message: str) -> None:
        """Record a problem the walk can continue past (the file still fails). A code met
        more than ``REPEATS`` times in one file is listed that often, then summed up."""
        seen = self.repeats[code] = self.repeats.get(code, 0) + 1
        if seen > REPEATS + 1:
            return
        if seen == REPEATS + 1:
            message = f"more {code} problems in this file are not listed; each one must go"
        line, col = _pos(event)
        self.loaded.problems.append(
            Problem(self.display, line, col, code, format_field(loc), message)
        )

    def refuse_features(self, event, cls) -> None:
        """Aliases, anchors and tags are refused wherever they appear; the walk goes on
        (an alias reads as null, a tagged value as the plain value) so that one run
        reports every problem of the file."""
        if cls is _E.AliasEvent:
            self.problem(event, "alias", _here(self.stack), "aliases (*name) are not allowed")
            return
        if cls not in _ENDS:
            if event.anchor is not None:
                self.problem(
                    event, "anchor", _here(self.stack), f"anchors (&{event.anchor}) are not allowed"
                )
            tag = event.tag
            if tag is not None and not (cls is _SCALAR and tag == "!"):
                self.problem(event, "tag", _here(self.stack), f"tags ({tag}) are not allowed")

    def key(self, event, cls, frame: list) -> None:
        """A mapping key: a plain string, not a merge key, not seen before in this mapping."""
        if cls is not _SCALAR:
            if cls is _E.MappingEndEvent:
                self.stack.pop()
                return
            self.abort(event, "key-type", frame[1], "mapping keys must be plain strings")
        key = event.value
        if key == "<<" and not event.style:
            self.problem(event, "merge-key", frame[1], "merge keys (<<) are not allowed")
            frame[2] = _DISCARD
            return
        if key in frame[0]:
            full = (
                self.loaded.keys
                if self.record
                else parse_positions_of(self.loaded.text, self.display)
            )
            first = full[(*frame[1], key)][0]
            message = f"'{key}' is defined twice (first at line {first}); the first is kept"
            self.problem(event, "duplicate-key", (*frame[1], key), message)
            frame[2] = _DISCARD
            return
        frame[2] = key
        if self.record:
            self.loaded.keys[(*frame[1], key)] = _pos(event)

    def value(self, event, cls, frame: list | None) -> None:
        """A scalar, or the start of a mapping or list, attached to its parent."""
        if cls is _E.AliasEvent:  # refused above; it reads as null
            value: object = None
        elif cls is _SCALAR:
            value = event.value
            if not event.style and event.implicit[0]:
                if value in _NULLS:
                    value = None
                elif value in _BOOLS:
                    value = _BOOLS[value]
        else:
            if len(self.stack) >= MAX_DEPTH:
                self.abort(
                    event, "too-deep", _here(self.stack), f"nesting deeper than {MAX_DEPTH} levels"
                )
            value = {} if cls is _MAP else []
        if frame is None:
            self.root = value
            child: tuple = ()
        elif frame[3] and frame[2] is _DISCARD:  # a duplicate or merge key's value
            frame[2] = None
            if cls in (_MAP, _SEQ):
                self.stack.append([value, (*frame[1], "<discarded>"), None, cls is _MAP])
            return
        elif frame[3]:
            child = (*frame[1], frame[2])
            frame[0][frame[2]] = value
            frame[2] = None
        else:
            child = (*frame[1], len(frame[0]))
            frame[0].append(value)
        if self.record or frame is None:
            self.loaded.values[child] = _pos(event)
            if cls is _SCALAR and event.style in ("|", ">"):
                self.loaded.styles[child] = event.style
        if cls in (_MAP, _SEQ):
            self.stack.append([value, child, None, cls is _MAP])

    def finish(self):
        """The root mapping, once the stream has ended."""
        if self.documents == 0 or self.root is None:
            raise _Abort(
                Problem(self.display, 1, 1, "empty-file", "(file)", "the file has no data")
            )
        if not isinstance(self.root, dict):
            line, col = self.loaded.values.get((), (1, 1))
            message = "the top level must be a mapping"
            raise _Abort(Problem(self.display, line, col, "top-level", "(file)", message))
        return self.root


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
