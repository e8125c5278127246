"""The built pages are valid HTML by the W3C's own checker (the Nu HTML Checker, vnu.jar,
current enough to know `popover`): one page of every type, with no error from this project's
templates and content. Material's theme markup has three known kinds, listed in MATERIAL
with the element they come from; anything else fails with the checker's message."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One page of each type: home, report index and section, roles index and a role, the
# locations index, a state and a metro area, benchmarks, sources, downloads, what changed,
# a role's card and a level's card, and the 404 page.
PAGES = ("index.html", "report/index.html", "report/premium/index.html", "roles/index.html",
         "roles/ml-engineer/index.html", "locations/index.html",
         "locations/california/index.html", "locations/austin-round-rock-san-marcos-tx/index.html",
         "benchmarks/index.html", "sources/index.html", "downloads/index.html",
         "whats-changed/index.html", "embed/ml-engineer/index.html",
         "embed/ml-engineer/senior/index.html", "404.html")
# (message pattern, the element it is reported on): Material's navigation toggles.
MATERIAL = ((r"^Attribute “autocomplete” is only allowed when the input type is",
             r'<input class="md-toggle'),
            (r"^Bad value “” for attribute “tabindex” on element “label”",
             r'<label class="md-nav__link'),
            (r"^The value of the “for” attribute of the “label” element must be the ID of a "
             r"non-hidden form control", r'<label class="md-nav__title" for="__toc"'))


def _material(message: dict) -> bool:
    return any(re.search(text, message["message"]) and re.search(element,
                                                                  message.get("extract", ""))
               for text, element in MATERIAL)


def test_every_page_type_is_valid_html_apart_from_materials_known_markup(built):
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        if os.environ.get("CI"):
            pytest.fail("the HTML checker needs Java and tests/tools (make test installs it)")
        pytest.skip("Java or tests/tools/node_modules (npm ci --prefix tests/tools) missing")
    files = [built.site / p for p in PAGES]
    assert all(f.is_file() for f in files), [p for p, f in zip(PAGES, files) if not f.is_file()]
    out = subprocess.run([java, "-jar", str(VNU), "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(out.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    ours = [(m["url"].rsplit("/site/", 1)[-1], m.get("lastLine"), m["message"])
            for m in errors if not _material(m)]
    assert ours == []
