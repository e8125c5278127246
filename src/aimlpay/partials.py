"""HTML and SVG written from templates/partials/ by autoescaping Jinja environments: every
value from data lands as text, escaped by markupsafe (or, inside Markdown pages, by
escape.md), never by hand."""
from __future__ import annotations

import functools

import jinja2
from markupsafe import Markup

from . import escape
from .paths import Paths


@functools.lru_cache(maxsize=None)
def environment(paths: Paths) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates / "partials")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
        auto_reload=False)   # partials do not change during a build: no stat per use


def _markdown_safe(value) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape.md(value))


@functools.lru_cache(maxsize=None)
def _inline_environment(paths: Paths) -> jinja2.Environment:
    """For HTML inside Markdown pages: Python-Markdown reads the text and attributes of inline
    HTML too, so values are escaped for Markdown as well as HTML (escape.md)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.templates / "partials")),
        autoescape=True, finalize=_markdown_safe, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, auto_reload=False)


@functools.lru_cache(maxsize=None)
def inline(paths: Paths):
    """The macros of templates/partials/inline.html, to call like functions:
    inline(paths).fig(fid, text) -> Markup."""
    return _inline_environment(paths).get_template("inline.html").module


def compile_all(paths: Paths) -> None:
    """Compile every partial now, so that forked workers share them instead of each
    compiling its own."""
    env = environment(paths)
    for name in env.list_templates():
        if name != "inline.html":
            env.get_template(name)
    inline(paths)


def render(paths: Paths, name: str, **context) -> Markup:
    return Markup(environment(paths).get_template(name).render(**context))
