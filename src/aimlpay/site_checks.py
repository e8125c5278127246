"""What `aimlpay validate` checks beyond data/ and seeds/: the project's own definitions that
the build would otherwise trip over later, after tens of seconds (in mkdocs' strict mode, or
while drawing charts). Each is reported like a data problem, as file:line:column.

- every chart definition's figures exist and it selects at least one (chart_catalogue);
- every page in site_src/report/ is in mkdocs.yml's nav;
- every source has a chart colour of its own (chart_theme.PALETTE does not repeat);
- no sentence hedges a figure that carries its own hedge or bound (prose_checks).
"""
from __future__ import annotations

from . import chart_catalogue, prose_checks
from .chart_theme import PALETTE
from .paths import Paths
from .problems import Problem
from .tables import Tables
from .validate import Dataset


def check(paths: Paths, dataset: Dataset, t: Tables) -> list[Problem]:
    """Every such problem; `t` is the dataset's tables (tables.make), which the build
    computes anyway."""
    return [*_charts(t), *_nav(paths), *_colours(dataset),
            *prose_checks.doubled_hedges(paths, t)]


def _charts(t: Tables) -> list[Problem]:
    problems: list[Problem] = []
    for d in chart_catalogue.CATALOGUE:
        found = len(problems)
        sel = chart_catalogue.select(t, d, problems)
        if len(problems) == found and sel.empty:
            problems.append(Problem("src/aimlpay/chart_catalogue.py", 0, d.id,
                                    f"chart {d.id!r} selects no figure in data/figures.csv"))
        elif not sel.empty:
            problems += chart_catalogue.pay_type_problems(t, d, sel)
    return problems


def _nav_pages(node) -> set[str]:
    """Every page a nav (as mkdocs.yml writes it: lists of strings and one-key mappings)
    names."""
    if isinstance(node, str):
        return {node}
    if isinstance(node, list):
        return set().union(*map(_nav_pages, node)) if node else set()
    if isinstance(node, dict):
        return set().union(*map(_nav_pages, node.values())) if node else set()
    return set()


def _nav(paths: Paths) -> list[Problem]:
    from .build import mkdocs_config        # mkdocs' own YAML reading (!ENV and the like)
    nav = mkdocs_config(paths).get("nav") or []
    listed = _nav_pages(nav)
    text = paths.mkdocs_yml.read_text(encoding="utf-8").splitlines()
    line = next((i for i, s in enumerate(text, 1) if s.startswith("nav:")), 0)
    return [Problem("mkdocs.yml", line, "nav", f"site_src/report/{page.name} is not in the "
                    "navigation: add it under Report (mkdocs' strict mode would stop the "
                    "build)", page.name)
            for page in sorted((paths.site_src / "report").glob("*.md"))
            if f"report/{page.name}" not in listed]


def _colours(dataset: Dataset) -> list[Problem]:
    """Charts colour by source over every registered source: past the palette's length a
    colour would repeat, and two sources would look like one."""
    problems = []
    for scheme, colours in PALETTE.items():
        if len(dataset.sources) > len(colours):
            extra = sorted(dataset.sources)[len(colours):]
            problems.append(Problem(f"seeds/{extra[0]}.yml", 1, "id",
                                    f"{len(dataset.sources)} sources, but the {scheme} chart "
                                    f"palette has {len(colours)} colours: add one to PALETTE "
                                    "in src/aimlpay/chart_theme.py so that no two sources "
                                    "share a colour"))
    return problems
