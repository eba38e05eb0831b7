"""Scalar types of the schema: ids, text, links, dates, numbers, and the strict base model.

Each type carries its own check, so a field declared ``Id`` or ``Url`` can never hold
anything else. Text types run the rules of ``textrules`` (no raw HTML, no invisible
characters, no template markers) before their length limit.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from macros.schema import vocab
from macros.schema.textrules import invisible_char, text_problem

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
_ID_RE = re.compile(ID_PATTERN)
RESERVED_IDS = frozenset(
    {"index", "con", "prn", "aux", "nul", "tags", "search", "assets", "api", "compare"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


def lit(name: str) -> Any:
    """A Literal of the ids of a vocabulary."""
    return Literal[vocab.ids(name)]  # type: ignore[valid-type]


# ---------------------------------------------------------------- scalar types


def _check_id(value: str) -> str:
    foreign = next((ch for ch in value if ord(ch) > 127), None)
    if foreign:
        raise PydanticCustomError(
            "id-format",
            "'{value}' contains the non-ASCII character U+{cp}; ids use only a-z, 0-9 and hyphens",
            {"value": value[:80], "cp": f"{ord(foreign):04X}"},
        )
    if not _ID_RE.match(value) or "--" in value:
        raise PydanticCustomError(
            "id-format",
            "'{value}' is not a valid id: use lower-case letters, digits and single "
            "hyphens (kebab-case), at most 64 characters",
            {"value": value[:80]},
        )
    if value in RESERVED_IDS:
        raise PydanticCustomError("id-reserved", "'{value}' is a reserved name", {"value": value})
    return value


def _text_rule(single_line: bool, max_length: int):
    def check(value: str) -> str:
        problem = text_problem(value, single_line=single_line, max_length=max_length)
        if problem:
            code, message, _ = problem
            raise PydanticCustomError(code, message)
        if not value.strip():
            raise PydanticCustomError("empty", "must not be empty")
        return value

    return check


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("type", "expected a number, got true/false")
    return value


_DECIMAL = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$")
_INTEGER = re.compile(r"^(?:0|[1-9][0-9]*)$")


_NOT_FINITE = re.compile(r"^[-+]?\.?(nan|inf|infinity)$", re.IGNORECASE)


def _number_text(value: Any) -> Any:
    value = _not_bool(value)
    if isinstance(value, str) and _NOT_FINITE.match(value.strip()):
        raise PydanticCustomError("not-finite", "must be a finite number (not .nan or .inf)")
    if isinstance(value, str) and not _DECIMAL.match(value.strip()):
        raise PydanticCustomError("type", "expected a number, got '{value}'", {"value": value})
    return value


def _integer_text(value: Any) -> Any:
    value = _not_bool(value)
    if isinstance(value, str) and not _INTEGER.match(value.strip()):
        raise PydanticCustomError(
            "type", "expected a whole number, got '{value}'", {"value": value}
        )
    return value


# Hosts allowed to be written in IDNA form (xn--...): none yet. A look-alike host with a
# non-ASCII letter is refused rather than published as a live link.
KNOWN_IDN_HOSTS: frozenset[str] = frozenset()
_PRIVATE_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home", ".corp", ".intranet")
_HOST_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)


def _url_problem(value: str) -> tuple[str, str] | None:
    """Why a link may not be published, as (code, message), or None. One rule for every URL
    field: https only, no user name, a public ASCII host name, no hidden characters."""
    hidden = invisible_char(value)
    if hidden or any(ch.isspace() for ch in value):
        return ("url-hidden", "a link cannot hold spaces or invisible characters")
    if not value.startswith("https://") or re.search(r"[<>\"'`{}|\\^]", value):
        return (
            "url-scheme",
            "links must start with https:// and hold no quotes, braces or angle brackets",
        )
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return ("url-host", "the link's host or port is malformed")
    if "@" in parts.netloc:
        return ("url-userinfo", "a link cannot carry a user name before its host (user@host)")
    if any(ord(ch) > 127 for ch in parts.netloc):
        return ("url-host", f"the host '{parts.netloc}' has non-ASCII letters; write the real host")
    if _is_ip(host):
        return ("url-host", "links name a host, not an IP address")
    if host == "localhost" or host.endswith(_PRIVATE_SUFFIXES) or "." not in host:
        return ("url-host", f"'{host}' is not a public host name")
    if "xn--" in host and host not in KNOWN_IDN_HOSTS:
        return (
            "url-host",
            f"'{host}' is an internationalised (xn--) host; only known ones are allowed",
        )
    if not _HOST_RE.match(host):
        return ("url-host", f"'{host}' is not a valid host name")
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _https(value: str) -> str:
    problem = _url_problem(value)
    if problem:
        raise PydanticCustomError(problem[0], problem[1])
    return value


_DAY_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _calendar(value: str) -> str:
    """Refuse a well-formed date that is not on the calendar, saying which part is wrong:
    month 13, day 32, 2026-02-31 or year 0000."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise PydanticCustomError(
            "date-invalid", "{v}: month {m} is not a month (01 to 12)", {"v": value, "m": parts[1]}
        )
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        raise PydanticCustomError(
            "date-invalid", "{v}: day {d} is not a day (01 to 31)", {"v": value, "d": parts[2]}
        )
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise PydanticCustomError(
            "date-invalid", "{v} is not a date on the calendar", {"v": value}
        ) from None
    return value


def _day(value: str) -> str:
    if not _DAY_SHAPE.match(value):
        raise PydanticCustomError(
            "date-format", "expected a date YYYY-MM-DD, got '{v}'", {"v": value}
        )
    return _calendar(value)


def _partial_date(value: str) -> str:
    if not _PARTIAL_SHAPE.match(value):
        raise PydanticCustomError(
            "date-format", "expected YYYY, YYYY-MM or YYYY-MM-DD, got '{v}'", {"v": value}
        )
    return _calendar(value)


def _doi(value: str) -> str:
    if not re.match(r"^10\.\d{4,9}/[^\s\"<>{}\\%]+$", value):
        raise PydanticCustomError(
            "doi-format",
            "'{v}' is not a DOI (10.NNNN/suffix, without https://doi.org/)",
            {"v": value},
        )
    return value


def _arxiv(value: str) -> str:
    if not re.match(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$", value):
        raise PydanticCustomError(
            "arxiv-format", "'{v}' is not an arXiv id (e.g. 2305.09617, no version)", {"v": value}
        )
    return value


def _country(value: str) -> str:
    if not re.match(r"^[A-Z]{2}$", value):
        raise PydanticCustomError("country-format", "use an ISO 3166 two-letter code such as US")
    return value


def _language(value: str) -> str:
    if value not in vocab.LABELS["language"]:
        raise PydanticCustomError(
            "vocab",
            "'{v}' is not a known language code; add it to macros/schema/vocab.py LANGUAGES",
            {"v": value},
        )
    return value


Id = Annotated[
    str, AfterValidator(_check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})
]
Line = Annotated[str, Field(max_length=300), AfterValidator(_text_rule(True, 300))]
Name = Annotated[str, Field(max_length=120), AfterValidator(_text_rule(True, 120))]
Locator = Annotated[str, Field(max_length=160), AfterValidator(_text_rule(True, 160))]
Prose = Annotated[str, Field(max_length=1500), AfterValidator(_text_rule(False, 1500))]
Url = Annotated[
    str, AfterValidator(_https), WithJsonSchema({"type": "string", "pattern": "^https://"})
]
Day = Annotated[
    str,
    AfterValidator(_day),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
PartialDate = Annotated[
    str,
    AfterValidator(_partial_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]


def _one_author(value: str) -> str:
    if re.search(r"\sand\s", value, re.IGNORECASE):
        raise PydanticCustomError(
            "author-and",
            "one author per list item: BibTeX would read ' and ' as two authors",
        )
    return value


Author = Annotated[Name, AfterValidator(_one_author)]
Number = Annotated[float, BeforeValidator(_number_text)]
Count = Annotated[int, BeforeValidator(_integer_text), Field(ge=0)]
Doi = Annotated[str, AfterValidator(_doi), WithJsonSchema({"type": "string", "pattern": r"^10\."})]
Arxiv = Annotated[
    str, AfterValidator(_arxiv), WithJsonSchema({"type": "string", "pattern": r"^\d{4}\.\d{4,5}$"})
]
Country = Annotated[
    str, AfterValidator(_country), WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"})
]
Language = Annotated[
    str,
    AfterValidator(_language),
    WithJsonSchema({"type": "string", "enum": list(vocab.ids("language"))}),
]
MetricId = Literal[tuple(m.id for m in vocab.METRICS)]  # type: ignore[valid-type]
Split = Literal["test", "dev", "train", "full"]


class Strict(BaseModel):
    """Base for every data model: unknown keys rejected, numbers finite."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


Month = Annotated[
    str,
    AfterValidator(_partial_date),
    Field(pattern=r"^\d{4}-\d{2}$"),
]
