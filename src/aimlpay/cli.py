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
    from . import site_checks, tables
    from .validate import validate as run
    try:
        dataset = run(paths)
        problems = site_checks.check(paths, dataset, tables.make(dataset))
        if problems:
            raise InvalidData(problems)
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


@main.command()
@click.argument("version")
@click.option("--summary", help="What the release brings, in a sentence or two (plain text).")
@click.option("--summary-file", type=click.File(encoding="utf-8"),
              help="Read the summary from a file instead.")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]),
              help="The release date (default: today). It is written down: every build of "
                   "the release uses it.")
@click.pass_obj
def release(paths: Paths, version: str, summary: str | None, summary_file, date) -> None:
    """Cut release VERSION of data/ as it is now: keep a snapshot of its tables in
    data/releases/VERSION/, record it first in data/releases.yml, and print what changed."""
    from .releases import ReleaseFailed, cut
    text = (summary_file.read() if summary_file else summary or "").strip()
    if not text:
        click.echo("release stopped: give a summary (--summary or --summary-file)", err=True)
        sys.exit(2)
    try:
        changes = cut(paths, version, " ".join(text.split()), date.date() if date else None)
    except InvalidData as err:
        _fail_on_invalid(err)
    except ReleaseFailed as err:
        click.echo(f"release stopped: {err}; nothing was written", err=True)
        sys.exit(1)
    counts = ", ".join(f"{len(changes.of(k))} {k}" for k in ("changed", "added", "removed"))
    click.echo(f"Release {version} recorded in data/releases.yml, its tables kept in "
               f"data/releases/{version}/. Figures: {counts}; official estimates changed in "
               f"{len(changes.official)} occupation and area pairs.\n"
               f"Next: make site && make test, then commit data/.")


@main.command()
@click.option("--markdown", "as_markdown", is_flag=True, default=True,
              help="Print Markdown (for a pull request's job summary); the only format.")
@click.pass_obj
def changes(paths: Paths, as_markdown: bool) -> None:
    """Print what data/ changes against the newest release: figures added, changed and
    removed (before and after, with source), pages affected, official estimates changed."""
    from . import changelog, locations, release_pages, releases, roles, tables as tables_mod
    from .releases import pending
    from .validate import validate as run
    try:
        dataset = run(paths)
    except InvalidData as err:
        click.echo("## Data changes\n\ndata/ is not valid, so its changes cannot be listed:\n")
        click.echo("```\n" + "\n".join(str(p) for p in err.problems) + "\n```")
        sys.exit(1)
    found = pending(paths, dataset)
    # The pages a change touches, by the rule the site's own What-changed uses.
    t = tables_mod.make(dataset)
    site = release_pages.SiteReleases(paths, releases.history(paths, dataset), t,
                                      roles.views(t), locations.views(t), dataset.topics,
                                      None, "")
    pages = {c.id: site.figure_pages(c) for c in found.figures}
    click.echo(changelog.markdown(found, dataset.history[0].version, pages))


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
