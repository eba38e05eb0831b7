"""Build benchmark: the atlas against bare MkDocs on the same pages, side by side.

For each catalogue size N it generates a synthetic project (``tests/support/synth.py``) that passes the
real validator, then times, in the same run and as medians of ``--repeat`` runs:

  (a) the atlas's full ``mkdocs build`` (load, validate, render, charts, exports);
  (b) a baseline: the same pages pre-rendered as plain Markdown, built by bare MkDocs
      with the same theme and the search plugin (no hook, no macros).

It also reports validation alone, peak RSS, site and search-index size, the median
entry-page HTML size, the real site's build, and a ``mkdocs serve`` rebuild after one
YAML edit. Usage: ``python bench/run.py --sizes 300 1000 5000 [--repeat 3] [--write FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT))

from synth import make_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
NAV_CACHE_PARTIALS = {"nav.html", "tabs.html", "atlas-navcache.html"}
from report import table  # noqa: E402

# Runs one command and prints its wall time and the peak memory of its process tree: the
# resident sizes of the command and every process under it (the atlas's workers
# included), summed, sampled every 0.2 s from /proc; where there is no /proc, the peak of
# the largest single process.
_MEASURE = """
import json, os, resource, subprocess, sys, threading, time
PAGE = os.sysconf("SC_PAGE_SIZE")

def tree_rss(root):
    kids, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{name}/statm") as f:
                rss[int(name)] = int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(kids.get(pid, []))
    return total

start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = [0]
def sample():
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_rss(proc.pid))
        time.sleep(0.2)
sampler = None
if os.path.isdir("/proc"):
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
proc.communicate()
wall = time.perf_counter() - start
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": proc.returncode, "wall": wall, "rss_bytes": max(peak[0], largest)}))
"""


def measure(cwd: Path, *cmd: str) -> dict:
    """Wall time and peak memory (process tree) of one command, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(cwd), *cmd],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}")
    return result


def mkdocs_cmd(site: Path, config: str = "mkdocs.yml") -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]


def dump_markdown(project: Path, out: Path) -> None:
    """Write every page of the atlas, pre-rendered, as plain Markdown under ``out``."""
    code = f"""
import sys, shutil
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from macros.catalog.build import load_catalog
from macros.render.renderer import Renderer
catalog, problems = load_catalog(Path({str(project)!r}), style=False)
assert catalog is not None, problems[:5]
out = Path({str(out)!r})
for page in Renderer(catalog).all_pages():
    target = out / page.src
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.markdown(), encoding="utf-8")
"""
    subprocess.run([sys.executable, "-c", code], env=ENV, check=True)


def make_baseline(project: Path, dest: Path) -> Path:
    """A bare MkDocs project with the atlas's pages as plain Markdown."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    dump_markdown(project, docs)
    # Hand-written pages, with their macros already expanded by an atlas build.
    for src, text in prerendered_docs(project).items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    # The theme overrides, minus the navigation cache (it needs the atlas hook); bare
    # MkDocs draws the same navigation without it.
    shutil.copytree(
        ROOT / "docs" / "overrides",
        docs / "overrides",
        ignore=lambda folder, names: [n for n in names if n in NAV_CACHE_PARTIALS],
    )
    config = (ROOT / "mkdocs.yml").read_text()
    config = re.sub(r"\nplugins:\n(?:  .*\n)+", "\nplugins:\n  - search\n", config)
    config = re.sub(r"\nhooks:\n(?:  .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  .*\n)+", "\n", config)
    (dest / "mkdocs.yml").write_text(config)
    return dest


def prerendered_docs(project: Path) -> dict[str, str]:
    """The hand-written pages of docs/ with macros expanded (from an atlas build)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**ENV, "ATLAS_DUMP_MARKDOWN": tmp}
        subprocess.run(
            mkdocs_cmd(Path(tmp) / "site"),
            cwd=project,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        dumped = Path(tmp) / "dump"
        return {p.relative_to(dumped).as_posix(): p.read_text() for p in dumped.rglob("*.md")}


def validation_time(project: Path, repeat: int) -> float:
    code = f"""
import sys, time
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
t = time.perf_counter()
from macros.catalog.build import load_catalog
catalog, problems = load_catalog(Path({str(project)!r}))
assert catalog is not None
print(time.perf_counter() - t)
"""
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], env=ENV, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def site_stats(site: Path) -> dict:
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    entries = sorted((site / "models").glob("*/index.html"))
    sizes = sorted(p.stat().st_size for p in entries)
    return {
        "site_mb": size / 1e6,
        "index_kb": index.stat().st_size / 1e3,
        "entry_kb": statistics.median(sizes) / 1e3 if sizes else 0.0,
        "entry_max_kb": sizes[-1] / 1e3 if sizes else 0.0,
        "pages": len(list(site.rglob("*.html"))),
    }


def bench_size(n: int, repeat: int, work: Path) -> dict:
    project = make_project(work / f"atlas-{n}", n)
    baseline = make_baseline(project, work / f"baseline-{n}")
    atlas_runs, base_runs = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine state
        atlas_runs.append(measure(project, *mkdocs_cmd(work / f"site-{n}")))
        base_runs.append(measure(baseline, *mkdocs_cmd(work / f"base-site-{n}")))
    stats = site_stats(work / f"site-{n}")
    entries = sum(1 for _ in (project / "data").rglob("*.yaml"))
    return {
        "n": n,
        "atlas": statistics.median(r["wall"] for r in atlas_runs),
        "baseline": statistics.median(r["wall"] for r in base_runs),
        "rss_mb": max(r["rss_bytes"] for r in atlas_runs) / 2**20,
        "base_rss_mb": max(r["rss_bytes"] for r in base_runs) / 2**20,
        "validate": validation_time(project, repeat),
        "entries": entries,
        **stats,
    }


def real_build(repeat: int, work: Path) -> dict:
    runs = [measure(ROOT, *mkdocs_cmd(work / "real-site")) for _ in range(repeat)]
    stats = site_stats(work / "real-site")
    entries = sum(1 for _ in (ROOT / "data").rglob("*.yaml")) - len(
        list((ROOT / "data" / "_templates").glob("*"))
    )
    return {"wall": statistics.median(r["wall"] for r in runs), "entries": entries, **stats}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuild(work: Path, timeout: float = 120.0) -> float:
    """Seconds from editing one YAML file to the end of `mkdocs serve`'s rebuild (real data)."""
    project = work / "serve-project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir()
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, project / name)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = _free_port()
    proc = subprocess.Popen(
        # The same command as `make serve`.
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        for line in proc.stdout:
            if "Serving on" in line:
                break
            if time.monotonic() > deadline:
                raise TimeoutError("serve did not start")
        target = sorted((project / "data" / "models").glob("*.yaml"))[0]
        text = target.read_text()
        time.sleep(1.0)
        start = time.perf_counter()
        target.write_text(text.replace("summary: ", "summary: Edited. ", 1))
        for line in proc.stdout:
            if "Documentation built in" in line:
                return time.perf_counter() - start
            if time.monotonic() > deadline:
                break
        raise TimeoutError("no rebuild seen")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--write", type=Path, help="replace the results section of this Markdown file"
    )
    parser.add_argument(
        "--no-real", action="store_true", help="skip the real-site build and serve rebuild"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        work = Path(tmp)
        rows = []
        for n in args.sizes:
            rows.append(bench_size(n, args.repeat, work))
            print(
                f"N={n}: atlas {rows[-1]['atlas']:.2f}s, bare {rows[-1]['baseline']:.2f}s",
                file=sys.stderr,
            )
        real = None if args.no_real else real_build(args.repeat, work)
        serve = None if args.no_real else serve_rebuild(work)
    result = table(rows, real, serve)
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d', time.gmtime())}"
    report = f"Measured on {machine}; medians of {args.repeat} runs, atlas and bare MkDocs interleaved.\n\n{result}"
    print(report)
    if args.write:
        text = args.write.read_text() if args.write.exists() else "# Build benchmark\n"
        marker = "<!-- results -->"
        head = text.split(marker)[0].rstrip() + "\n\n" if marker in text else text.rstrip() + "\n\n"
        args.write.write_text(head + marker + "\n\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
