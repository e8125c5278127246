"""What the site relies on in mkdocs-material's private markup and bundle, one test per
behaviour, each named for it. Run on the installed theme (no build, no browser): an upgrade
that changes one of these fails here with the behaviour's name and where our side of it is,
instead of breaking instant navigation or the palette on the live site.

Our side lives in templates/theme/: material.js (every behaviour our JavaScript relies on,
listed at its top and numbered as the tests below name them), main.html (where it is inlined
and called) and the copied partials under partials/.
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
        "(material.js, 3: the DOMParser patch) has nothing to rebase")
    assert re.search(r'parseFromString\(\w+,"text/xml"\)', bundle), (
        "Material no longer parses the sitemap with DOMParser.parseFromString(..., "
        "'text/xml'): material.js's patch of DOMParser (3) would not see it")
    assert re.search(r'M\("url",e\)\).*?j\("loc",o\)', bundle) or (
        '"url"' in bundle and '"loc"' in bundle), (
        "Material no longer reads <url>/<loc> from the sitemap: material.js (3) hands it only those")


def test_material_starts_on_domcontentloaded_which_the_loader_replays():
    assert 'h(document,"DOMContentLoaded",{once:!0})' in _bundle(), (
        "Material's document$ no longer starts from DOMContentLoaded: "
        "templates/theme/material.js (5, load) replays that event when it loads the bundle late")


def test_palette_storage_and_inputs_keep_their_names():
    early = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    assert "__md_get=" in early and "__md_set=" in early, (
        "Material's early script (partials/javascripts/base.html) no longer defines "
        "__md_get/__md_set: templates/theme/material.js (4, palette) stores the palette with them")
    palette = (THEME / "partials" / "palette.html").read_text(encoding="utf-8")
    assert 'name="__palette"' in palette, (
        "Material's palette inputs are no longer named __palette: "
        "templates/theme/material.js (4, palette) looks them up by that name")


def test_root_classes_set_early_are_the_ones_the_bundle_sets():
    bundle = _bundle()
    assert ('classList.remove("no-js")' in bundle and 'classList.add("js")' in bundle
            and 'classList.add("js-focus-visible")' in bundle
            and '"data-js-focus-visible"' in bundle), (
        "Material's bundle no longer sets js / js-focus-visible / data-js-focus-visible on "
        "the root: material.js (1, root classes) sets classes the bundle does not")


def test_instant_navigation_rewrites_addresses_which_style_sheets_get_early():
    assert 'M("[href],' in _bundle() or '("[href],' in _bundle(), (
        "instant navigation no longer rewrites every [href] as an absolute address: "
        "material.js (2, style sheets) may be dropped")


def test_the_palette_in_use_is_bodys_data_md_color_scheme():
    palette = (THEME / "partials" / "palette.html").read_text(encoding="utf-8")
    assert re.search(r'data-md-color-scheme="\{\{ *scheme', palette), (
        "Material's palette inputs no longer carry data-md-color-scheme: material.js "
        "(4, palette) copies it to <body> and (6, scheme) reads the palette in use there")


def test_the_sites_root_is_in_materials_config():
    assert re.search(r'<script id="__config" type="application/json">\s*\{\{-? \{\s*"base": base_url',
                     BASE), ("Material's #__config no longer starts with base: material.js "
                             "(7, root) finds the site's root there")


def test_wide_tables_are_wrapped_in_materials_scroll_box():
    assert '"md-typeset__scrollwrap"' in _bundle(), (
        "Material no longer wraps tables in .md-typeset__scrollwrap: material.js "
        "(8, scrollBox) names the box that scrolls a wide table")


# Names that belong to Material's internals: only material.js, main.html and the copied
# partials may use them (the site's other scripts go through window.aimlpay.material).
PRIVATE = ("__md_get", "__md_set", "__palette", "document$", "DOMParser", "__config",
           "md-typeset__", "data-md-color", "data-md-component", "bundle.")


def test_only_material_js_and_main_html_touch_materials_internals():
    root = Path(__file__).parent.parent
    ours = [*root.glob("site_src/assets/javascripts/*.js"), *root.glob("templates/theme/*.js"),
            *root.glob("templates/theme/*.html"), *root.glob("templates/partials/*.html")]
    allowed = {root / "templates/theme/material.js", root / "templates/theme/main.html"}
    found = {f"{path.relative_to(root)}: {name}" for path in ours if path not in allowed
             for name in PRIVATE if name in path.read_text(encoding="utf-8")}
    assert found == set(), ("Material's private names outside templates/theme/material.js: "
                            f"{sorted(found)}; add a behaviour to material.js instead")
    listed = (root / "templates/theme/material.js").read_text(encoding="utf-8").split("-#}", 1)[0]
    assert [int(n) for n in re.findall(r"^\s+(\d+)\. ", listed, re.M)] == list(range(1, 9)), (
        "material.js no longer lists its behaviours, numbered, at its top")


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
