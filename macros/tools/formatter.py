"""``atlas fmt``: rewrite data files in canonical layout (see ``style``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from macros.kinds import model_of
from macros.load.yamlload import load_yaml
from macros.rules.style import canonical


class _Dumper(yaml.SafeDumper):
    """Indents block sequences under their key, the way people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _float(dumper: yaml.SafeDumper, value: float):
    # A whole number is written as 79, not 79.0: the schema reads either as a number.
    if value.is_integer() and abs(value) < 1e15:
        return dumper.represent_scalar("tag:yaml.org,2002:int", str(int(value)))
    return dumper.represent_scalar("tag:yaml.org,2002:float", repr(value))


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return (
        yaml.SafeDumper.represent_str(dumper, value)
        if style is None
        else dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    )


class _Block(str):
    """Text the author wrote as a block scalar; ``style`` is '|' (literal) or '>' (folded)."""

    style = ">"


class _Literal(_Block):
    style = "|"


def _block(dumper: yaml.SafeDumper, value: _Block):
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=value.style)


_Dumper.add_representer(float, _float)
_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Block, _block)
_Dumper.add_representer(_Literal, _block)


def _keep_styles(data: Any, styles: dict[tuple, str], here: tuple = ()) -> Any:
    """``data`` with each block scalar the author wrote ('>' or '|') marked to stay one."""
    if isinstance(data, dict):
        return {k: _keep_styles(v, styles, (*here, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_keep_styles(v, styles, (*here, i)) for i, v in enumerate(data)]
    if isinstance(data, str) and here in styles:
        return (_Literal if styles[here] == "|" else _Block)(data)
    return data


SCHEMA_LINE = "# yaml-language-server:"


def dump(data: Any) -> str:
    """Serialise canonical data as block-style YAML, UTF-8, keys in the given order."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=96,
        default_flow_style=False,
    )


def format_file(path: Path, kind: str) -> str | None:
    """The canonical text of a valid data file, or None if it cannot be loaded or validated."""
    loaded = load_yaml(path, str(path))
    if loaded.data is None:
        return None
    model = model_of(kind)
    try:
        obj = model.model_validate(loaded.data)
    except ValidationError:
        return None
    data = obj.model_dump(mode="python", exclude_unset=True)
    text = dump(_keep_styles(canonical(data, model), loaded.styles))
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return f"{first}\n{text}" if first.startswith(SCHEMA_LINE) else text
