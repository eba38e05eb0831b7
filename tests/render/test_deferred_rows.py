"""Long tables drawn in part: the first rows in the page, the rest in its data file."""

from __future__ import annotations

import json

from macros.render.deferred import KEEP, LIST_END, asset_path, defer_rows


def table(rows: list[str], attrs: str = " data-defer") -> str:
    body = "\n".join(rows)
    return f'<table class="atlas-table"{attrs}>\n<thead><tr><th>x</th></tr></thead>\n<tbody>\n{body}\n</tbody></table>'


def shown(i: int) -> str:
    return f'<tr id="r-{i}"><td>{i} &lt;tr not a row</td></tr>'


def hidden(i: int) -> str:
    return f'<tr id="r-{i}h" class="atlas-alt" hidden><td>{i}</td></tr>'


def data_of(text: str) -> dict:
    head, _, rest = text.partition(" = ")
    assert head == "window.__atlasDeferred" and rest.endswith(";\n")
    return json.loads(rest[:-2])


def test_a_long_table_keeps_its_first_shown_rows_and_defers_every_other_row():
    rows = [x for i in range(KEEP + 5) for x in (shown(i), hidden(i))]
    (block,), text = defer_rows((table(rows),), "benchmarks/medqa.md")
    kept = [r for r in rows if r in block]
    assert kept == [shown(i) for i in range(KEEP)], "hidden rows are not drawn"
    assert f'data-deferred-src="{asset_path("benchmarks/medqa.md")}"' in block
    assert 'data-deferred-rows="5"' in block
    rest = data_of(text)["0"]
    assert rest.count("<tr") == len(rows) - KEEP
    assert rest.index(hidden(0)) < rest.index(shown(KEEP)), "the rest keeps its order"
    assert "<" not in text.partition(" = ")[2], "no tag can close the script"


def test_short_and_unmarked_tables_are_left_whole():
    short = table([shown(i) for i in range(KEEP)])
    unmarked = table([shown(i) for i in range(KEEP + 10)], attrs="")
    blocks, text = defer_rows((short, unmarked), "papers/index.md")
    assert blocks == (short, unmarked) and text is None


def test_each_long_table_of_a_page_has_its_own_key_in_one_data_file():
    long = table([shown(i) for i in range(KEEP + 1)])
    blocks, text = defer_rows((long + long, long), "benchmarks/pubmedqa.md")
    keys = [k for b in blocks for k in ("0", "1", "2") if f'data-deferred-key="{k}"' in b]
    assert sorted(keys) == ["0", "1", "2"]
    assert set(data_of(text)) == {"0", "1", "2"}


def test_a_long_list_is_cut_between_its_items_and_keeps_their_nested_lists_whole():
    items = [f'<li id="m{i}"><a>m{i}</a> <ul><li>child {i}</li></ul></li>' for i in range(KEEP + 3)]
    block = '<ul class="atlas-tree-root" data-defer>\n' + "\n".join(items) + f"\n{LIST_END}</ul>"
    (out,), text = defer_rows((block,), "lineage.md")
    assert [i for i in items if i in out] == items[:KEEP]
    assert out.endswith(f"{LIST_END}</ul>") and 'data-deferred-rows="3"' in out
    rest = data_of(text)["0"]
    assert rest.startswith(items[KEEP]) and rest.count("<li") == 6, "each item with its child"
