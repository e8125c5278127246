"""Command line: a thin layer over the library that turns errors into messages."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .paths import Paths
from .problems import InvalidData


def _paths(root: str | None) -> Paths:
    return Paths(Path(root).resolve()) if root else Paths()


def _fail_on_invalid(err: InvalidData) -> None:
    for problem in err.problems:
        click.echo(str(problem), err=True)
    n = len(err.problems)
    click.echo(f"\n{n} problem{'s' if n != 1 else ''} in {err.what}; nothing was written. "
               "Fix them and run again.", err=True)
    sys.exit(1)


@click.group()
@click.option("--root", type=click.Path(file_okay=False, exists=True),
              help="Project folder (default: this checkout).")
@click.pass_context
def main(ctx: click.Context, root: str | None) -> None:
    """Build the AI & ML compensation report site from data/."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s - %(message)s")
    ctx.obj = _paths(root)


@main.command()
@click.pass_obj
def validate(paths: Paths) -> None:
    """Check data/ and seeds/; print every problem as file:line:column."""
    from .validate import validate as run
    try:
        dataset = run(paths)
    except InvalidData as err:
        _fail_on_invalid(err)
    for warning in dataset.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"data/ is valid: {len(dataset.figures)} figures from {len(dataset.sources)} "
               f"sources, {len(dataset.roles)} roles.")


@main.command()
@click.pass_obj
def build(paths: Paths) -> None:
    """Validate, generate pages and charts, and build site/ with mkdocs (atomically)."""
    from .build import BuildFailed, build as run
    try:
        result = run(paths)
    except InvalidData as err:
        _fail_on_invalid(err)
    except BuildFailed as err:
        click.echo(f"build stopped: {err}", err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"Built {paths.site} ({len(result.pages)} pages, {len(result.charts)} charts) in "
               + ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items()))


@main.command()
@click.pass_obj
def docs(paths: Paths) -> None:
    """Rewrite the column tables of data/README.md from the models in schemas.py."""
    from .column_docs import readme_text
    readme = paths.data / "README.md"
    current = readme.read_text(encoding="utf-8")
    updated = readme_text(current)
    readme.write_text(updated, encoding="utf-8")
    click.echo(f"{'updated' if updated != current else 'unchanged'} data/README.md")


@main.command("import-bls")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.pass_obj
def import_bls(paths: Paths, directory: Path) -> None:
    """Import a BLS OEWS release from its flat files (oe.data.0.Current, oe.area, ...)."""
    from .bls import ImportFailed, run
    try:
        changed = run(directory, paths)
    except ImportFailed as err:
        for problem in err.problems:
            click.echo(f"{directory}/{problem}", err=True)
        click.echo("\nThe release was not imported; data/ and seeds/ are unchanged.", err=True)
        sys.exit(1)
    for name, did in changed.items():
        click.echo(f"{'updated  ' if did else 'unchanged'} {name}")
    click.echo("Next: make validate && make site")


@main.command()
@click.option("--port", default=8000, show_default=True)
@click.pass_obj
def serve(paths: Paths, port: int) -> None:
    """Build, then serve site/ on http://127.0.0.1:PORT/ (rebuild by running again)."""
    import functools
    import http.server
    from .build import BuildFailed, build as run
    try:
        run(paths)
    except InvalidData as err:
        _fail_on_invalid(err)
    except BuildFailed as err:
        click.echo(f"build stopped: {err}", err=True)
        sys.exit(1)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(paths.site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        click.echo(f"Serving {paths.site} at http://127.0.0.1:{port}/ (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
