"""A problem found in the input, formatted the way a maintainer can act on it."""
from __future__ import annotations

from dataclasses import dataclass

NO_VALUE = object()  # a Problem about something absent has no "got"


@dataclass(frozen=True, order=True)
class Problem:
    file: str            # relative to the project root, e.g. "data/figures.csv"
    line: int            # 1-based line in that file (0 when the file itself is missing)
    column: str          # column (CSV) or key (YAML); "-" when the whole file/row is at fault
    message: str
    got: object = NO_VALUE

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        got = self.got
        if got is not NO_VALUE:
            if isinstance(got, float) and got.is_integer():
                got = int(got)          # 120000, as the maintainer wrote it, not 120000.0
            text += f" (got {got!r})" if isinstance(got, str) else f" (got {got})"
        return text


class InvalidData(Exception):
    """The dataset has problems; nothing was written. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
