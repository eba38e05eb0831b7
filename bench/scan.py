"""The post-build scan against the parser it replaced, on the real site.

Builds the real site once, then times, interleaved and in the same run: (a) the scan
(``tests/support/sitescan.scan_site``: lexbor parsing, every security, offline and link
rule) and (b) the standard library's ``html.parser`` merely walking the same pages with a
handler that only collects attributes, which is what the old scan did before its first
rule ran. (b) is a lower bound of the old scan, so (b) ÷ (a) understates the speed-up.
Usage: ``python bench/scan.py [--write bench/README.md] [--site DIR]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

from report import write_section  # noqa: E402
from support.sitescan import scan_site  # noqa: E402

TARGET = 3.0  # the scan must be at least this many times faster than html.parser alone


class _AttributeWalker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen = 0

    def handle_starttag(self, tag, attrs):
        self.seen += len(dict(attrs))


def stdlib_walk(site: Path) -> int:
    """Parse every page with html.parser, collecting attributes and nothing else."""
    seen = 0
    for page in sorted(site.rglob("*.html")):
        walker = _AttributeWalker()
        walker.feed(page.read_text(encoding="utf-8", errors="replace"))
        walker.close()
        seen += walker.seen
    return seen


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def build_real_site(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def measure(site: Path, repeat: int) -> dict:
    scans, walks = [], []
    for _ in range(repeat):
        scans.append(timed(scan_site, site))
        walks.append(timed(stdlib_walk, site))
    return {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "scan": statistics.median(scans),
        "walk": statistics.median(walks),
    }


def report(m: dict) -> str:
    ratio = m["walk"] / m["scan"]
    return "\n".join(
        [
            f"`python bench/scan.py` on the real site ({m['pages']:,} pages); medians of 3 runs, "
            "interleaved.",
            "",
            "| what | seconds |",
            "|---|---:|",
            f"| the scan: lexbor parsing and every rule | {m['scan']:.2f} |",
            f"| html.parser only walking the pages (lower bound of the old scan) | {m['walk']:.2f} |",
            "",
            "| target | measured | limit | met |",
            "|---|---:|---:|:---:|",
            f"| old ÷ new scan time | {ratio:.2f} × | ≥ {TARGET:.0f} × | "
            f"{'yes' if ratio >= TARGET else 'no'} |",
        ]
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--site", type=Path, help="a built site (default: build the real one)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_real_site(site)
        text = report(measure(site, args.repeat))
    print(text)
    if args.write:
        write_section(args.write, "Post-build scan", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
