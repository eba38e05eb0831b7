"""Page weight and load performance against the budgets of issue #15, side by side.

Builds the real site and a 5,000-model synthetic one, serves each with gzip as a static
host would, and measures, in the same run:

- the HTML of every page, raw and gzipped (largest, and how many pages exceed the budget);
- the search index per entry;
- for the home page, the models index, MedQA, a model page and the plain Download page:
  Lighthouse's mobile performance score (npm ``lighthouse@12.2.3`` driving Debian's
  Chromium) and the bytes transferred before first contentful paint.

Usage: ``python bench/weight.py [--write bench/README.md] [--sizes 5000]``. Lighthouse is
installed with npm into ``bench/out/lighthouse`` on first use.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "tests"))

from report import write_section  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
BUDGET = {
    "html_kb": 150,
    "html_gz_kb": 30,
    "before_paint_kb": 350,
    "lighthouse": 90,
    "index_kb": 0.6,
    "filter_ms": 50,
}


class _Gzip(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (as a static host serves them)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def serve(site: Path):
    """A gzip server for ``site`` on a free loopback port: (server, base URL)."""
    handler = functools.partial(_Gzip, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def html_sizes(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text()[:400]]
    sizes = [(p.stat().st_size, len(gzip.compress(p.read_bytes(), 6)), p) for p in pages]
    raw = max(sizes)
    gz = max(sizes, key=lambda s: s[1])
    # The budget reads "at most 150 KB, or 30 KB gzipped": a page meets it either way.
    over = sum(
        1 for s in sizes if s[0] > BUDGET["html_kb"] * 1024 and s[1] > BUDGET["html_gz_kb"] * 1024
    )
    return {
        "pages": len(pages),
        "largest": (raw[0] / 1024, raw[2].relative_to(site).as_posix()),
        "largest_gz": (gz[1] / 1024, gz[2].relative_to(site).as_posix()),
        "over": over,
    }


def index_per_entry(site: Path, entries: int) -> float:
    return (site / "search" / "search_index.json").stat().st_size / 1024 / entries


def lighthouse(url: str, tool: Path) -> dict:
    """Lighthouse mobile performance of ``url``: score and bytes before first paint."""
    out = subprocess.run(
        [
            str(tool),
            url,
            "--quiet",
            "--only-categories=performance",
            "--form-factor=mobile",
            "--output=json",
            "--chrome-path=" + os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(out.stdout)
    fcp = report["audits"]["first-contentful-paint"]["numericValue"]
    requests = report["audits"]["network-requests"]["details"]["items"]
    before = sum(
        r.get("transferSize", 0) for r in requests if r.get("networkEndTime", 1e12) <= fcp + 1
    )
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "before_kb": before / 1024,
    }


LIGHTHOUSE_RUNS = 3


def lighthouse_median(url: str, tool: Path) -> dict:
    """The run with the median score of ``LIGHTHOUSE_RUNS`` runs (one run varies by a few
    points)."""
    runs = sorted((lighthouse(url, tool) for _ in range(LIGHTHOUSE_RUNS)), key=lambda r: r["score"])
    return runs[len(runs) // 2]


def lighthouse_tool() -> Path:
    prefix = HERE / "out" / "lighthouse"
    tool = prefix / "node_modules" / ".bin" / "lighthouse"
    if not tool.exists():
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(prefix), LIGHTHOUSE], check=True
        )
    return tool


def build(project: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    subprocess.run(cmd, cwd=project, env=env, check=True)


# Each query is typed into the models index's text filter once its data has loaded; the
# time is from the input event to the end of the layout of the redrawn rows.
FILTER_QUERIES = ("med", "medpalm", "llama", "b", "clinical", "zzz-no-match", "gpt")
FILTER_JS = """async (queries) => {
  const input = document.querySelector('[data-filter=q]');
  input.value = 'a'; input.dispatchEvent(new Event('input'));
  while (window.__atlasRows === undefined) await new Promise(r => setTimeout(r, 20));
  const times = [];
  for (const q of queries) {
    const t0 = performance.now();
    input.value = q; input.dispatchEvent(new Event('input'));
    document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  return times;
}"""


def filter_ms(url: str) -> float:
    """Median time to filter the models index, in a headless Chromium (Playwright)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from support.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "models/")
        times = page.evaluate(FILTER_JS, list(FILTER_QUERIES))
        browser.close()
    return statistics.median(times)


def measure_site(label: str, site: Path, entries: int, pages: dict, tool: Path) -> dict:
    server, base = serve(site)
    try:
        runs = {name: lighthouse_median(base + path, tool) for name, path in pages.items()}
        filtering = filter_ms(base)
    finally:
        server.shutdown()
    return {
        "label": label,
        "html": html_sizes(site),
        "index": index_per_entry(site, entries),
        "runs": runs,
        "filter_ms": filtering,
    }


def site_result(label: str, project: Path, out: Path, tool: Path) -> dict:
    """Build ``project`` into ``out`` and measure it."""
    from macros.catalog.build import load_catalog
    from macros.kinds import FOLDERS

    build(project, out)
    catalog, _ = load_catalog(project, style=False)
    entries = sum(len(catalog.kind(k)) for k in FOLDERS)
    return measure_site(label, out, entries, pages_of(out), tool)


def pages_of(site: Path) -> dict:
    model = next(p.parent.name for p in sorted((site / "models").glob("*/index.html")))
    return {
        "home": "",
        "models index": "models/",
        "MedQA": "benchmarks/medqa/",
        "a model page": f"models/{model}/",
        "Download (reference)": "download/",
    }


def report(results: list[dict]) -> str:
    out = [
        "`python bench/weight.py`: every site served with gzip on loopback; Lighthouse 12.2.3, mobile, "
        "Debian's Chromium, the median of 3 runs per page (one run varies by a few points).",
        "",
        "| site | pages | largest HTML (KB) | largest gzipped (KB) | pages over both 150 KB and 30 KB gz | search index per entry (KB) |",
        "|---|---:|---|---|---:|---:|",
    ]
    for r in results:
        h = r["html"]
        out.append(
            f"| {r['label']} | {h['pages']:,} | {h['largest'][0]:.0f} ({h['largest'][1]}) | "
            f"{h['largest_gz'][0]:.0f} ({h['largest_gz'][1]}) | {h['over']} | {r['index']:.2f} |"
        )
    out += [
        "",
        "| site | page | Lighthouse performance | KB before first paint |",
        "|---|---|---:|---:|",
    ]
    for r in results:
        for name, run in r["runs"].items():
            out.append(f"| {r['label']} | {name} | {run['score']} | {run['before_kb']:.0f} |")
    out += ["", "| budget | limit | met on every site |", "|---|---:|:---:|"]
    met = lambda ok: "yes" if ok else "no"  # noqa: E731
    pages_ok = all(r["html"]["over"] == 0 for r in results)
    out.append(f"| HTML of any page | 150 KB or 30 KB gzipped | {met(pages_ok)} |")
    paint_ok = all(
        run["before_kb"] <= BUDGET["before_paint_kb"] for r in results for run in r["runs"].values()
    )
    out.append(f"| bytes before first paint, without search | 350 KB | {met(paint_ok)} |")
    lh_ok = all(
        run["score"] >= BUDGET["lighthouse"]
        and run["score"] >= r["runs"]["Download (reference)"]["score"] - 5
        for r in results
        for run in r["runs"].values()
    )
    out.append(f"| Lighthouse mobile performance | ≥ 90 and ≥ Download − 5 | {met(lh_ok)} |")
    index_ok = all(r["index"] <= BUDGET["index_kb"] for r in results)
    out.append(f"| search index per entry | 0.6 KB | {met(index_ok)} |")
    filter_ok = all(r["filter_ms"] <= BUDGET["filter_ms"] for r in results)
    out.append(f"| models index: one text filter, median | 50 ms | {met(filter_ok)} |")
    out += [
        "",
        "| site | models index: filter and redraw, median of 7 queries (ms) |",
        "|---|---:|",
    ]
    out += [f"| {r['label']} | {r['filter_ms']:.1f} |" for r in results]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000])
    args = parser.parse_args(argv)
    from synth import make_project

    tool = lighthouse_tool()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = [site_result("real", ROOT, work / "real", tool)]
        for n in args.sizes:
            project = make_project(work / f"p{n}", n)
            results.append(site_result(f"synthetic {n:,}", project, work / f"s{n}", tool))
    text = report(results)
    print(text)
    if args.write:
        write_section(args.write, "Page weight and load performance", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
