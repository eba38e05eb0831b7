"""MedLLM Atlas: data/ -> load and validate -> catalog -> render -> site and exports.

Importing this package imports no MkDocs code. ``define_env`` is the entry point
mkdocs-macros calls for hand-written pages (see ``pagemacros``).
"""

import os
from pathlib import Path


def define_env(env):
    """mkdocs-macros entry point: expose the catalog and page macros to docs/ pages."""
    from macros.glue.pagemacros import install

    install(env)


def on_post_page_macros(env):
    """With ATLAS_DUMP_MARKDOWN set, save hand-written pages after macro expansion (bench)."""
    out = os.environ.get("ATLAS_DUMP_MARKDOWN")
    if out and not env.page.file.generated_by:
        target = Path(out) / "dump" / env.page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.markdown, encoding="utf-8")
