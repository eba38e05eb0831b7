"""``atlas``: the command line for contributors and CI.

atlas validate [paths] [--format text|github] [--fail-on-warnings]
atlas fmt [paths] [--check]
atlas new <kind> "<name>"
atlas show <id>
atlas export [--out DIR]
atlas changes REV1 [REV2] [--json]
atlas release VERSION
atlas schema
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.load.problems import summary_line


def _root(args) -> Path:
    return Path(args.root).resolve()


def cmd_validate(args) -> int:
    from macros.catalog.build import load_catalog

    root = _root(args)
    _, problems = load_catalog(root, base=args.base)
    if args.paths:
        wanted = {Path(p).resolve() for p in args.paths}
        problems = [p for p in problems if (root / p.path).resolve() in wanted]
    for p in problems:
        print(p.github() if args.format == "github" else p.text())
    print(summary_line(problems), file=sys.stderr if args.format == "github" else sys.stdout)
    if args.base:
        _print_changed_numbers(root, args.base)
    errors = any(p.severity == "error" for p in problems)
    return 1 if errors or (args.fail_on_warnings and problems) else 0


def _print_changed_numbers(root: Path, base: str) -> None:
    """Every result whose number changed since ``base``: what a reviewer must re-check."""
    from macros.catalog.changes import Changes, as_text, diff, snapshot, snapshot_at

    try:
        found = diff(snapshot_at(root, base), snapshot(root))
    except ValueError as exc:
        print(f"note: changed numbers not listed: {exc}", file=sys.stderr)
        return
    lines = as_text(Changes(results_changed=found.results_changed))
    print(f"Changed numbers since {base}: {len(lines)}")
    for line in lines:
        print(f"  {line}")


def cmd_changes(args) -> int:
    import json

    from macros.catalog.changes import as_json, as_text, diff, snapshot, snapshot_at

    root = _root(args)
    try:
        old = snapshot_at(root, args.rev1)
        new = snapshot_at(root, args.rev2) if args.rev2 else snapshot(root)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    found = diff(old, new)
    if args.json:
        print(json.dumps(as_json(found, args.rev1, args.rev2 or "working tree"), indent=1))
    else:
        for line in as_text(found) or ["no changes"]:
            print(line)
    return 0


def cmd_release(args) -> int:
    from macros.tools.release import make_release

    try:
        bundle, tag = make_release(_root(args), args.version)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {bundle}")
    print(f"set version {args.version} in CITATION.cff and .zenodo.json; commit them, then:")
    print(f"  git tag -a {tag} -m 'MedLLM Atlas data {args.version}' && git push origin {tag}")
    return 0


def _data_files(root: Path, paths: list[str]) -> list[tuple[str, Path]]:
    from macros.kinds import LOAD_ORDER

    out = []
    for kind in LOAD_ORDER:
        for path in sorted((root / "data" / kind).glob("*.yaml")):
            if paths and path.resolve() not in {Path(p).resolve() for p in paths}:
                continue
            out.append((kind, path))
    return out


def cmd_fmt(args) -> int:
    from macros.tools.formatter import format_file

    root = _root(args)
    changed, skipped = [], []
    for kind, path in _data_files(root, args.paths):
        text = format_file(path, kind)
        if text is None:
            skipped.append(path)
            continue
        if path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "would reformat" if args.check else "reformatted"
    for path in changed:
        print(f"{verb} {path.relative_to(root)}")
    for path in skipped:
        print(f"skipped {path.relative_to(root)} (fix its errors first: atlas validate)")
    print(f"{len(changed)} file(s) {verb}, {len(skipped)} skipped")
    return 1 if (args.check and changed) else 0


def cmd_new(args) -> int:
    from macros.tools.newentry import new_entry

    root = _root(args)
    try:
        path = new_entry(root, args.kind, args.name, force=args.force)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"wrote {path.relative_to(root)}: fill in the <...> placeholders, then run `atlas validate`"
    )
    return 0


def _valid_catalog(args):
    """The catalog of the data under --root, or None once its errors are printed."""
    from macros.catalog.build import load_catalog

    catalog, problems = load_catalog(_root(args), style=False)
    if catalog is None:
        for p in problems:
            print(p.text(), file=sys.stderr)
        print("the data has errors; fix them first", file=sys.stderr)
    return catalog


def cmd_show(args) -> int:
    from macros.catalog.links import describe

    catalog = _valid_catalog(args)
    if catalog is None:
        return 1
    text = describe(catalog, args.id)
    if text is None:
        print(f"no entry with id '{args.id}'", file=sys.stderr)
        return 1
    print(text)
    return 0


def cmd_export(args) -> int:
    from macros.export.write import write_exports

    catalog = _valid_catalog(args)
    if catalog is None:
        return 1
    out = Path(args.out)
    written = write_exports(catalog, out)
    print(f"wrote {len(written)} files under {out}")
    return 0


def cmd_completeness(args) -> int:
    from macros.catalog.completeness import as_text, completeness, missing

    catalog = _valid_catalog(args)
    if catalog is None:
        return 1
    print(as_text(completeness(catalog)))
    if args.missing:
        for field, ids in missing(catalog).items():
            print(f"\n{field} ({len(ids)} missing):")
            print("\n".join(f"  {i}" for i in ids) or "  none")
    return 0


def cmd_zip(args) -> int:
    from macros.export.offline import zip_site

    n = zip_site(Path(args.site), Path(args.zip))
    print(f"zipped {n} files into {args.zip}")
    return 0


def cmd_schema(args) -> int:
    from macros.tools import issueforms, jsonschemas

    try:
        written = [*jsonschemas.write_all(_root(args)), *issueforms.write_all(_root(args))]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(_root(args))}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="atlas",
        description="MedLLM Atlas data tools: validate, format, create and inspect entries.",
    )
    parser.add_argument("--root", default=".", help="project root holding data/ (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check data files; print file:line:col problems")
    p.add_argument("paths", nargs="*", help="only report problems in these files")
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github prints workflow annotations for pull requests",
    )
    p.add_argument("--fail-on-warnings", action="store_true", help="exit 1 on warnings too")
    p.add_argument(
        "--base",
        metavar="REV",
        help="git revision to compare with: removed ids need a redirect, and every changed "
        "number is listed with its source (e.g. origin/main)",
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("fmt", help="rewrite files in canonical key and list order")
    p.add_argument("paths", nargs="*", help="only these files (default: all of data/)")
    p.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("new", help="write a commented template for a new entry")
    p.add_argument(
        "kind", help="model, benchmark, technique, paper, application, organisation or result table"
    )
    p.add_argument(
        "name",
        help='the display name, e.g. "Meditron-70B"; for a paper, its arXiv id, DOI or URL',
    )
    p.add_argument(
        "--force", action="store_true", help="create it even if it looks like an existing entry"
    )
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("show", help="what an entry links to, and what links to it")
    p.add_argument("id")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", help="write JSON, CSV, BibTeX and Atom exports")
    p.add_argument("--out", default="site", help="output folder (default: site)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "changes", help="entries and results added, changed, removed between revisions"
    )
    p.add_argument("rev1", help="the older git revision, e.g. v0.1.0")
    p.add_argument("rev2", nargs="?", help="the newer revision (default: the working tree)")
    p.add_argument("--json", action="store_true", help="print the changes as JSON")
    p.set_defaults(func=cmd_changes)

    p = sub.add_parser("release", help="write the frozen data bundle dist/medllm-atlas-data-X.zip")
    p.add_argument("version", help="the version, x.y.z")
    p.set_defaults(func=cmd_release)

    p = sub.add_parser("completeness", help="per field, the share of entries that know it")
    p.add_argument("--missing", action="store_true", help="also list the ids that lack each field")
    p.set_defaults(func=cmd_completeness)

    p = sub.add_parser("zip", help="pack a built offline site into a deterministic zip")
    p.add_argument("site", help="the built site folder")
    p.add_argument("zip", help="the zip file to write")
    p.set_defaults(func=cmd_zip)

    p = sub.add_parser(
        "schema", help="regenerate schemas/*.schema.json and the issue forms from the Python models"
    )
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``atlas`` console script."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
