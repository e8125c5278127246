"""Every path the pipeline reads or writes, in one place. Imports nothing from the package.

A `Paths` is rooted at a project folder, so tests can build a temp copy of the project.
"""
import posixpath
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def page_url(target: str) -> str:
    """A page's address below the site, from its Markdown path: report/premium.md ->
    report/premium/, report/index.md -> report/."""
    stem = target.removesuffix(".md")
    return stem.removesuffix("index") if posixpath.basename(stem) == "index" else stem + "/"


@dataclass(frozen=True)
class Paths:
    root: Path = REPO

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def site_src(self) -> Path:
        return self.root / "site_src"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def build(self) -> Path:
        """Scratch: generated markdown and assets (mkdocs' docs_dir lives here)."""
        return self.root / "build"

    @property
    def docs(self) -> Path:
        return self.build / "docs"

    @property
    def site(self) -> Path:
        """The published site; replaced only by a build that succeeded end to end."""
        return self.root / "site"

    @property
    def cache(self) -> Path:
        """Content-addressed cache of rendered SVG fallbacks."""
        return self.root / ".cache"
