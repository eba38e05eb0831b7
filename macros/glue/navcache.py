"""Draw the theme's navigation once per folder for pages that are not in the nav.

Material draws the whole site navigation (sidebar and tabs) into every page. For a page
that is not itself in the nav nothing in it is active, so the drawing depends only on
the relative URLs from the page to the nav's pages. Those are the same for every page
whose folder sits in the same parent folder, unless a nav page lives inside the page's
own folder. ``NavCache.key`` names that class of pages; the theme partials in
``docs/overrides/partials/`` draw the navigation for the first page of each class and
reuse it for the rest. Entry pages are thousands of siblings, so the navigation is drawn
a handful of times instead of once per page. This module imports no MkDocs code.
"""

from __future__ import annotations

from collections.abc import Iterable


def page_folder(url: str) -> str:
    """The folder a browser resolves a page's relative links against ('' for the root)."""
    if url.endswith("/") or url == "":
        return url
    return url.rsplit("/", 1)[0] + "/" if "/" in url else ""


class NavCache:
    """Drawn navigation partials, keyed by partial name and class of page."""

    def __init__(self, nav_urls: Iterable[str]):
        self.nav_urls = frozenset(nav_urls)
        self._drawn: dict[tuple[str, str], str] = {}

    def key(self, url: str) -> str | None:
        """The class of pages that share the navigation of the page at ``url``.

        ``None`` means "draw it for this page alone": the page is in the nav (so an item
        is active) or is the site root.
        """
        if url in self.nav_urls:
            return None
        folder = page_folder(url)
        if not folder:
            return None
        if any(target.startswith(folder) for target in self.nav_urls):
            return folder  # a nav page inside the folder: share only with the same folder
        parent = page_folder(folder[:-1])
        return parent + "*/"

    def get(self, partial: str, key: str) -> str | None:
        """The drawn partial for this class of pages, if already drawn."""
        return self._drawn.get((partial, key))

    def put(self, partial: str, key: str, drawn: str) -> str:
        """Remember a drawn partial; returns it, so a template can print the result."""
        self._drawn[(partial, key)] = drawn
        return drawn
