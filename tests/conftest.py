"""Shared fixtures: synthetic projects, real builds (once per session) and a browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Tests live in folders by package; support/ and this folder are importable from all of them.
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "support"))

from synth import make_project, write_catalog  # noqa: E402

SITE_URL = "https://example.org/atlas/"  # the public URL the real site is built for
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


# The test being run, so that a build can check that its test is marked as one.
_RUNNING: dict[str, pytest.Item] = {}
# Fixtures that build a site. The real site is built once per run, whichever worker asks
# first (``built_once``), and the run fails if it was built twice (``pytest_sessionfinish``).
SITE_FIXTURES = {"real_site", "offline_copy", "real_server", "synthetic_site"}


def pytest_collection_modifyitems(config, items):
    """Refuse a test that builds a site without the `build` marker, so `-m "not build"`
    never builds one."""
    for item in items:
        uses = SITE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses and item.get_closest_marker("build") is None:
            raise pytest.UsageError(
                f"{item.nodeid} builds a site ({', '.join(sorted(uses))}): mark it build"
            )


@pytest.fixture(autouse=True)
def _running(request):
    _RUNNING["item"] = request.node
    yield
    _RUNNING.pop("item", None)


def mkdocs_build(project: Path, site: Path, *, offline: bool = False, check: bool = True, env=None):
    """Run a real `mkdocs build --strict` of ``project`` into ``site`` (from a `build` test)."""
    item = _RUNNING.get("item")
    if item is not None and item.get_closest_marker("build") is None:
        raise AssertionError(f"{item.nodeid} runs mkdocs build: mark it build")
    env = {**BUILD_ENV, **(env or {})}
    if offline:
        env["OFFLINE"] = "true"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


def project_copy(tmp_path: Path, base_data: Path, *, copy_docs: bool = True) -> Path:
    """A buildable project under ``tmp_path``: the real macros/ and mkdocs.yml, docs/ (copied,
    so a test may edit it, or linked), and a copy of the synthetic data."""
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    if copy_docs:
        shutil.copytree(ROOT / "docs", proj / "docs")
    else:
        (proj / "docs").symlink_to(ROOT / "docs", target_is_directory=True)
    shutil.copy2(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    shutil.copytree(base_data, proj / "data")
    return proj


@pytest.fixture(scope="session")
def base_data(tmp_path_factory) -> Path:
    """A small valid synthetic data/ folder (12 models) to copy into test projects."""
    root = tmp_path_factory.mktemp("base")
    write_catalog(root / "data", 12)
    return root / "data"


@pytest.fixture
def project(tmp_path, base_data) -> Path:
    """A fresh project root whose data/ is a copy of the base synthetic catalogue."""
    shutil.copytree(base_data, tmp_path / "data")
    return tmp_path


def _run_dir(tmp_path_factory) -> Path:
    """A folder shared by every worker of this run, and by this run only: the controller's
    temporary folder (a worker's is ``<controller's>/popen-gwN``)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory, name: str, build) -> Path:
    """``build(folder)`` done once per run, whichever worker asks first; the others wait for
    it and reuse the result. Each build is logged, so the run can check it built once."""
    import fcntl

    shared = _run_dir(tmp_path_factory)
    target = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / f"{name}.done").exists():
            if target.exists():
                shutil.rmtree(target)
            build(target)
            with open(shared / "builds.log", "a") as log:
                log.write(f"{name}\n")
            (shared / f"{name}.done").write_text("done")
    return target


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if the real site was built more than once (online, and the offline copy)."""
    if hasattr(session.config, "workerinput"):
        return
    log = session.config._tmp_path_factory.getbasetemp() / "builds.log"
    if log.exists():
        names = log.read_text().split()
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            session.config.pluginmanager.get_plugin("terminalreporter").write_line(
                f"error: built more than once in this run: {', '.join(twice)}", red=True
            )
            session.exitstatus = 1


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once per run with --strict (online layout), as a publishing
    build with a public URL."""
    env = {"ATLAS_PUBLISH": "1", "ATLAS_SITE_URL": SITE_URL}
    return built_once(tmp_path_factory, "real-site", lambda site: mkdocs_build(ROOT, site, env=env))


def _offline(work: Path) -> None:
    from macros.export.offline import zip_site

    site = work / "site"
    mkdocs_build(ROOT, site, offline=True)
    archive = work / "medllm-atlas-offline.zip"
    zip_site(site, archive)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(work / "unzipped")


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory) -> Path:
    """The real project's offline copy, built once per run: OFFLINE=true, zipped, unzipped."""
    return built_once(tmp_path_factory, "offline", _offline) / "unzipped" / "medllm-atlas"


@pytest.fixture(scope="session")
def catalog40(tmp_path_factory):
    """A validated synthetic catalogue big enough for boards and charts (40 models); tests
    that change it work on a copy."""
    from macros.catalog.build import load_catalog

    root = tmp_path_factory.mktemp("c40")
    write_catalog(root / "data", 40)
    catalog, problems = load_catalog(root, style=False)
    assert catalog is not None, problems[:3]
    return catalog


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> tuple[Path, Path]:
    """A synthetic project of 40 models and its strict build: (project, site)."""
    work = tmp_path_factory.mktemp("synthetic")
    proj = make_project(work / "project", 40)
    site = work / "site"
    mkdocs_build(proj, site)
    return proj, site


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright
    from support.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page; console errors are collected in page.errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def real_catalog():
    """The real data, validated."""
    from macros.catalog.build import load_catalog

    catalog, problems = load_catalog(ROOT)
    assert catalog is not None, "\n".join(p.text() for p in problems)
    return catalog


@pytest.fixture(scope="session")
def real_server(real_site):
    """The real online build, served on loopback."""
    from support.browser import serve

    with serve(real_site) as url:
        yield url
