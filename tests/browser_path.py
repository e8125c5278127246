"""Which Chromium the browser tests drive, found or installed without anyone's help:

1. AIMLPAY_CHROMIUM, if set;
2. a Chromium or Chrome already on the machine (Linux packages, macOS applications);
3. Playwright's own Chromium, installed with Playwright's installer if it is not yet there
   (it downloads from Playwright's host, which is reachable on most machines).

Where all three fail, `make test` stops before the tests with one line that says what to
install (run as a script: prints the path, or that line and exits 1).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
          "/usr/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium",
          "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
MISSING = ("No Chromium or Chrome found, and Playwright could not install its own: install one "
           "(Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) "
           "or set AIMLPAY_CHROMIUM to its path.")


def on_machine() -> str | None:
    candidates = [os.environ.get("AIMLPAY_CHROMIUM")]
    candidates += [shutil.which(name) or name for name in SYSTEM]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def playwrights(install: bool) -> str | None:
    """Playwright's own Chromium, installed first if `install` and it is missing."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        path = p.chromium.executable_path
    if not Path(path).is_file() and install:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    return path if Path(path).is_file() else None


def find(install: bool = False) -> str | None:
    return on_machine() or playwrights(install)


def main() -> int:
    found = find(install=True)
    if found is None:
        print(MISSING, file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
