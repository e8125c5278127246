"""HTML and SVG written from templates/partials/ by an autoescaping Jinja environment: every
value from data lands as text, escaped by markupsafe, never by hand."""
from __future__ import annotations

import functools

import jinja2
from markupsafe import Markup

from .paths import Paths


@functools.lru_cache(maxsize=None)
def environment(paths: Paths) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates / "partials")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
        auto_reload=False)   # partials do not change during a build: no stat per use


def compile_all(paths: Paths) -> None:
    """Compile every partial now, so that forked workers share them instead of each
    compiling its own."""
    env = environment(paths)
    for name in env.list_templates():
        env.get_template(name)


def render(paths: Paths, name: str, **context) -> Markup:
    return Markup(environment(paths).get_template(name).render(**context))
