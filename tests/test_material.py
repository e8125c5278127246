"""What the site relies on in mkdocs-material's private markup and bundle, one test per
behaviour, each named for it. Run on the installed theme (no build, no browser): an upgrade
that changes one of these fails here with the behaviour's name and where our side of it is,
instead of breaking instant navigation or the palette on the live site.

Our side lives in templates/theme/ (main.html, material-loader.js, palette-script.html and
the copied partials under partials/); the README's "Material" notes say why each exists.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material

THEME = Path(material.__file__).parent / "templates"
BASE = (THEME / "base.html").read_text(encoding="utf-8")


def _bundle() -> str:
    m = re.search(r"<script src=\"\{\{ '(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)' \| url "
                  r"\}\}\"></script>", BASE)
    assert m, ("Material's base.html no longer loads its bundle as one <script src> in the "
               "scripts block: templates/theme/main.html cuts the bundle's address out of "
               "super() by splitting on src=\"")
    return (THEME / m.group(1)).read_text(encoding="utf-8")


def test_the_bundle_address_can_be_cut_out_of_the_scripts_block():
    block = BASE.split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert block.count('src="') == 1 and "bundle." in block, (
        "main.html takes the first src=\"...\" of Material's scripts block as the bundle")
    assert _bundle()


def test_instant_navigation_reads_the_sitemap_through_domparser():
    bundle = _bundle()
    assert 'new URL("sitemap.xml"' in bundle, (
        "instant navigation no longer reads sitemap.xml: main.html's sitemap rebasing "
        "(DOMParser patch) has nothing to rebase")
    assert re.search(r'parseFromString\(\w+,"text/xml"\)', bundle), (
        "Material no longer parses the sitemap with DOMParser.parseFromString(..., "
        "'text/xml'): main.html's patch of DOMParser would not see it")
    assert re.search(r'M\("url",e\)\).*?j\("loc",o\)', bundle) or (
        '"url"' in bundle and '"loc"' in bundle), (
        "Material no longer reads <url>/<loc> from the sitemap: main.html hands it only those")


def test_material_starts_on_domcontentloaded_which_the_loader_replays():
    assert 'h(document,"DOMContentLoaded",{once:!0})' in _bundle(), (
        "Material's document$ no longer starts from DOMContentLoaded: "
        "templates/theme/material-loader.js replays that event when it loads the bundle late")


def test_palette_storage_and_inputs_keep_their_names():
    early = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    assert "__md_get=" in early and "__md_set=" in early, (
        "Material's early script (partials/javascripts/base.html) no longer defines "
        "__md_get/__md_set: templates/theme/palette-script.html stores the palette with them")
    palette = (THEME / "partials" / "palette.html").read_text(encoding="utf-8")
    assert 'name="__palette"' in palette, (
        "Material's palette inputs are no longer named __palette: "
        "templates/theme/palette-script.html looks them up by that name")


# Material's files that ours copy or replace, as they were when we did (9.8.1): a changed one
# means its copy under templates/theme/ must be made again from the new original.
COPIED = {
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/palette.html": "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
    "partials/progress.html": "f7596002950a7d9f415e1d10d6da4e87af6039f854911875b680ea70522360f4",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/javascripts/palette.html":
        "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
}


def test_every_copied_partial_is_still_materials_original():
    ours = Path(__file__).parent.parent / "templates" / "theme"
    assert {p.relative_to(ours).as_posix() for p in (ours / "partials").rglob("*.html")} \
        == set(COPIED), "a partial copied from Material is missing from COPIED (or gone)"
    changed = [name for name, digest in COPIED.items()
               if hashlib.sha256((THEME / name).read_bytes()).hexdigest() != digest]
    assert changed == [], (f"Material changed {changed}: copy each again into "
                           "templates/theme/ and re-apply the fix its header describes")
