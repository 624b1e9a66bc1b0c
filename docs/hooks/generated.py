"""MkDocs hook: pages and files made at build time, never committed by hand.

* `reference/cli.md`: the `<!-- hpc-cli-reference -->` marker becomes Typer's own Markdown
  rendering of the `hpc` app (what `typer hpc_cli.main utils docs` prints), so the reference
  cannot drift from the code.
* `rest/hpc-api.html` (the Redocly page `make docs` builds first) and `rest/hpc.yaml` (the spec)
  are added to the site, so pages link to them and `--strict` checks those links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import typer.main
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from typer.cli import get_docs_for_click

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- hpc-cli-reference -->"
EXTRA = {
    "rest/hpc-api.html": ROOT / "build" / "hpc-api.html",
    "rest/hpc.yaml": ROOT / "openapi" / "hpc.yaml",
}


def cli_reference() -> str:
    from hpc_cli.main import app

    command = typer.main.get_command(app)
    with click.Context(command, info_name="hpc", **command.context_settings) as ctx:
        return get_docs_for_click(obj=command, ctx=ctx, name="hpc", indent=1)


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    for uri, path in EXTRA.items():
        if not path.is_file():
            raise PluginError(f"{path} is missing: `make docs` builds it (redocly) first")
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    if page.file.src_uri == "reference/cli.md":
        if MARKER not in markdown:
            raise PluginError(f"reference/cli.md lost its {MARKER} marker")
        return markdown.replace(MARKER, cli_reference())
    return markdown
