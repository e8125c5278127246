"""A problem found in the input, formatted the way a maintainer can act on it."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .vocabulary import plain

class _NoValue:
    """A Problem about something absent has no "got". One sentinel, even across processes
    (pages are rendered on every core): it pickles as a reference to NO_VALUE."""
    def __reduce__(self):
        return "NO_VALUE"


NO_VALUE = _NoValue()


@dataclass(frozen=True, order=True)
class Problem:
    file: str            # relative to the project root, e.g. "data/figures.csv"
    line: int            # 1-based line in that file (0 when the file itself is missing)
    column: str | None   # column (CSV) or key (YAML); "-" for the whole row; None for pages
    message: str
    got: object = NO_VALUE

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column is not None else "")
        text = f"{where}: {self.message}"
        got = self.got
        if got is not NO_VALUE:
            got = plain(got)            # 120000, as the maintainer wrote it, not 120000.0
            if isinstance(got, str) and len(got) > 80:      # enough to find it, not all of it
                got = f"{got[:60]}… ({len(got):,} characters)"
            if isinstance(got, str):
                text += f" (got {got!r})"
            else:       # 1e308 as written, not as 309 digits
                text += f" (got {got:g})" if abs(got) >= 1e15 else f" (got {got})"
        return text


class InvalidData(Exception):
    """The dataset has problems; nothing was written. Carries every problem found."""
    what = "the data"

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column or "", p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class InvalidPages(InvalidData):
    """Pages (site_src/, templates/) ask for figures or values the data does not have."""
    what = "the pages"


@dataclass
class TemplateProblems:
    """Problems found while rendering pages, each at the template line that caused it (an
    unknown figure id, a missing value), collected so that one run reports them all."""
    root: Path
    found: list[Problem] = field(default_factory=list)

    def here(self, message: str, frames=None) -> None:
        """Record `message` at the innermost template line on the stack (or in `frames`)."""
        for frame in frames or _outward(sys._getframe(1)):
            template = frame.f_globals.get("__jinja_template__")
            if template is not None and template.filename:
                path = Path(template.filename).resolve()
                name = (path.relative_to(self.root).as_posix()
                        if path.is_relative_to(self.root) else template.name)
                line = template.get_corresponding_lineno(frame.f_lineno)
                self.found.append(Problem(name, line, None, message))
                return
        self.found.append(Problem("templates", 0, None, message))


def _outward(frame):
    while frame is not None:
        yield frame
        frame = frame.f_back


def traceback_frames(tb):
    """A traceback's frames, innermost first."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return reversed(frames)
