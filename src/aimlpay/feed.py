"""The Atom feed of data releases (feed.xml at the site's root), one entry per release, made
with feedgen. Deterministic: every date comes from the releases, never the clock.

Ids are URNs derived from the release version, not addresses, so they never change when the
site moves (Atom asks that an entry's id stays the same forever). Links are absolute when the
build knows the site's address (SITE_URL) and otherwise relative to the feed, which readers
resolve against the feed's own address, wherever the site is served.
"""
from __future__ import annotations

import datetime as dt
import uuid

from feedgen.feed import FeedGenerator

from typing import Callable

from . import addresses
from .addresses import FEED
from .releases import Notes

# A fixed namespace for this dataset's ids (uuid5 of the dataset's package name).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "ai-ml-compensation")


def urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _time(day: dt.date, order: int = 0) -> dt.datetime:
    """Midnight UTC of the day, plus one minute per release cut before it on any day: two
    releases of one day get their own times, in order (feed readers and the W3C validator
    take entries with one `updated` time as one update)."""
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc) + dt.timedelta(minutes=order)


def atom(history: list[Notes], site_name: str, site_url: str | None,
         content: Callable[[Notes, Callable[[str], str]], str]) -> bytes:
    """content(notes, link) -> the entry's HTML, where link(page address) is the href of a
    page of the site from the feed."""
    base = site_url or ""
    fg = FeedGenerator()
    fg.id(urn("releases"))
    fg.title(f"{site_name}: data releases")
    fg.subtitle("Each release of the report's data, with the figures it added, changed and "
                "removed.")
    fg.author({"name": site_name})
    fg.link(href=f"{base}{addresses.WHATS_CHANGED}", rel="alternate", type="text/html")
    fg.link(href=f"{base}{FEED}", rel="self", type="application/atom+xml")
    fg.language("en")
    fg.updated(_time(history[0].entry.date, len(history) - 1))
    for order, notes in enumerate(reversed(history)):     # feedgen puts the last added first
        e = notes.entry
        fe = fg.add_entry()
        fe.id(urn(f"release/{e.version}"))
        fe.title(f"Release {e.version}")
        fe.link(href=base + addresses.release_entry(e.anchor), rel="alternate", type="text/html")
        fe.published(_time(e.date, order))
        fe.updated(_time(e.date, order))
        fe.summary(e.summary)
        fe.content(str(content(notes, lambda page: base + page)), type="html")
    return fg.atom_str(pretty=True)
