"""Prose checks over the pages' sources (site_src/ and templates/), run by `aimlpay validate`
and the build with the other site checks: a sentence must not hedge a figure twice.
"""
from __future__ import annotations

import re

from .paths import Paths
from .problems import Problem
from .tables import Tables
from .vocabulary import figure


# Words that already hedge or bound the figure after them. A figure stated with a qualifier
# prints it ("~4,000", "nearly 20%", "more than $300,000", "100+"), so prose adding its own
# reads "about ~4,000", "exceed more than $300,000" or "at least 100+". A figure whose row
# has a hedge prints it beside the number ("often"), so prose must not say it again.
_BOUND_WORDS = ("about", "around", "roughly", "approximately", "nearly", "almost", "close to",
                "some", "up to", "more than", "over", "above", "beyond", "exceeds?",
                "exceeding", "pass(?:es)?", "at least", "at most", "as much as", "under",
                "below", "starts? at", "starting at", "a minimum of", "nears?", "reach(?:es)?")
_HEDGE_WORDS = ("often", "typically", "usually", "frequently", "can", "may", "perhaps",
                "commonly", "generally")


def _before_figure(words) -> re.Pattern:
    alternatives = "|".join(w.replace(" ", r"\s+") for w in words)
    return re.compile(rf"\b(?P<word>{alternatives})\s+(?:\w+\s+)?\{{\{{\s*(?:fig|num)\("
                      r"\s*[\"'](?P<id>[^\"']+)[\"']", re.I)


_BOUND = _before_figure(_BOUND_WORDS)
_HEDGED = _before_figure(_HEDGE_WORDS)
_QUALIFIED = ("approx", "nearly", "up_to", "more_than", "at_least")


def doubled_hedges(paths: Paths, tables: Tables) -> list[Problem]:
    """Every hedge word written before a figure that carries its own qualifier or hedge."""
    found = []
    for path in sorted([*paths.site_src.rglob("*.md"), *paths.templates.glob("*.j2")]):
        text = path.read_text(encoding="utf-8")
        for pattern, doubled in ((_BOUND, lambda f: f.statistic in _QUALIFIED or f.open_high),
                                 (_HEDGED, lambda f: f.hedge is not None)):
            for m in pattern.finditer(text):
                f = tables.by_id.get(m["id"])
                if f is not None and doubled(f):
                    found.append(Problem(
                        path.relative_to(paths.root).as_posix(),
                        text.count("\n", 0, m.start("id")) + 1, None,
                        f"{' '.join(m['word'].split())!r} before {f.id}, which already reads "
                        f"{figure(f)!r}{' (' + f.hedge + ')' if f.hedge else ''}: hedge it "
                        "once"))
    return found
