"""Page-speed benchmark: Lighthouse scores per page type; prints figures, asserts nothing.

Serves the built site/ on 127.0.0.1 gzipped like GitHub Pages, runs the pinned Lighthouse
(benchmarks/package.json) in its default mobile mode on one page of each type, and prints
scores, JavaScript bytes, the search index's size and the accessibility audits that fail.

    make bench-pages      # or: .venv/bin/python benchmarks/page_speed.py [--site site] [--runs 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import re
import subprocess
import sys
import tempfile
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")   # Debian's chromium by default
# Chromium here needs these (no sandbox in the container, no GPU, nothing phoning home).
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

PAGES = {   # page type -> path; each must exist in site/ (the 404 page must not)
    "home": "/",
    "report section": "/report/premium/",
    "role page": "/roles/ml-engineer/",
    # A job posting's link: place, posted range and level chosen (place data loads at once).
    "posting link": "/roles/mlops-engineer/?where=austin-round-rock-san-marcos-tx"
                    "&posted=150000-190000&pay=base#senior",
    "roles index": "/roles/",
    "locations index": "/locations/",     # 575 places in one table: the largest DOM
    "benchmarks": "/benchmarks/",
    "state page": "/locations/california/",
    "metro page": "/locations/san-jose-sunnyvale-santa-clara-ca/",
    "downloads": "/downloads/",
    "sources": "/sources/",
    "embed card": "/embed/ml-engineer/",
    "404": "/no-such-page/",
}

# What counts as "chart JavaScript": the Vega runtime, the chart scripts, and the chart specs
# they fetch (JSON, but loaded only to draw charts), matched on the request's file name.
CHART_REQUEST = re.compile(r"^(vega|chart)|\.v[gl]\.json$")

# GitHub Pages compresses these when the client accepts gzip.
GZIP_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map"}
TYPES = {".js": "application/javascript", ".json": "application/json", ".svg": "image/svg+xml",
         ".csv": "text/csv", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
         ".woff2": "font/woff2", ".png": "image/png", ".ico": "image/x-icon"}


# --- a static server that behaves like GitHub Pages ---------------------------------------

@lru_cache(maxsize=None)
def gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def handler_for(root: Path):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"   # keep-alive, as a real host does

        def do_GET(self, head: bool = False):
            rel = unquote(urlsplit(self.path).path).lstrip("/")
            target = (root / rel).resolve()
            if not target.is_relative_to(root):
                return self.send_file(root / "404.html", HTTPStatus.NOT_FOUND, head)
            if target.is_dir():
                if not self.path.split("?")[0].endswith("/"):   # Pages redirects dir -> dir/
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", self.path.split("?")[0] + "/")
                    self.send_header("Content-Length", "0")
                    return self.end_headers()
                target = target / "index.html"
            if not target.is_file():
                return self.send_file(root / "404.html", HTTPStatus.NOT_FOUND, head)
            self.send_file(target, HTTPStatus.OK, head)

        def do_HEAD(self):
            self.do_GET(head=True)

        def send_file(self, path: Path, status: HTTPStatus, head: bool):
            suffix = path.suffix.lower()
            kind = (TYPES.get(suffix) or mimetypes.guess_type(path.name)[0]
                    or "application/octet-stream")
            if kind.startswith("text/") or kind in ("application/javascript", "application/json",
                                                    "image/svg+xml", "application/xml"):
                kind += "; charset=utf-8"
            compress = suffix in GZIP_SUFFIXES and "gzip" in self.headers.get("Accept-Encoding", "")
            body = gzipped(path) if compress else path.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")   # what GitHub Pages sends
            self.send_header("Vary", "Accept-Encoding")
            if compress:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def log_message(self, *args):   # quiet: the tables are the output
            pass

    return Handler


def serve(site: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site.resolve()))   # 0: free port
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- Lighthouse --------------------------------------------------------------------------

def lighthouse(url: str, expect_404: bool = False) -> dict:
    """One Lighthouse run in a fresh Chromium profile; returns the report (LHR)."""
    with tempfile.TemporaryDirectory(prefix="aimlpay-lh-") as tmp:
        out = Path(tmp) / "report.json"
        flags = CHROME_FLAGS + [f"--user-data-dir={tmp}/profile"]
        subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(flags)}"]
            # Lighthouse refuses a page answered with an error status unless told to expect it.
            + (["--ignore-status-code"] if expect_404 else []),
            env={**os.environ, "CHROME_PATH": CHROME}, check=True, timeout=300)
        return json.loads(out.read_text(encoding="utf-8"))


def figures(lhr: dict) -> dict:
    audits = lhr["audits"]
    scores = {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES}
    js = {"chart": [0, 0], "other": [0, 0]}   # [transfer, uncompressed]
    for req in audits["network-requests"]["details"]["items"]:
        name = urlsplit(req["url"]).path.rsplit("/", 1)[-1]
        chart = bool(CHART_REQUEST.search(name))
        if req.get("resourceType") == "Script" or chart:
            bucket = js["chart" if chart else "other"]
            bucket[0] += req.get("transferSize") or 0
            bucket[1] += req.get("resourceSize") or 0
    failing = [ref["id"] for ref in lhr["categories"]["accessibility"]["auditRefs"]
               if audits.get(ref["id"], {}).get("score") == 0]
    return {**scores,
            "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
            "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
            "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
            "js": js, "a11y_failing": failing, "warnings": lhr.get("runWarnings", [])}


# --- the search index ----------------------------------------------------------------------

def search_index(site: Path) -> dict:
    raw = (site / "search" / "search_index.json").read_bytes()
    kinds = {"locations/": 0, "roles/": 0, "report/": 0, "other": 0}
    for doc in json.loads(raw)["docs"]:
        kind = next((k for k in kinds if doc["location"].startswith(k)), "other")
        kinds[kind] += 1
    return {"raw_bytes": len(raw), "gzip_bytes": len(gzip.compress(raw, mtime=0)),
            "entries": kinds}


# --- the place control's budgets ------------------------------------------------------------

# Loaded on role pages (anchors.js); place-compare.js only when a comparison is asked for.
PLACE_SCRIPTS = ("place-page.js",)              # posting-check.js + place.js (build.py)


def place_budgets(site: Path) -> dict:
    """Gzipped bytes of the Where control and posting check's scripts (budget 8 KB), and of
    what the control loads on first use for each occupation: the area names and that
    occupation's chain (budget 25 KB)."""
    js = site / "assets" / "javascripts"
    places = site / "assets" / "places"
    names = len(gzip.compress((places / "areas.json").read_bytes(), mtime=0))
    return {"scripts_gzip": sum(len(gzip.compress((js / n).read_bytes(), mtime=0))
                                for n in PLACE_SCRIPTS),
            "names_gzip": names,
            "occupations_gzip": {f.stem: names + len(gzip.compress(f.read_bytes(), mtime=0))
                                 for f in sorted(places.glob("[0-9]*.json"))}}


# The slowest interaction since the call (entries before it are left out: the observer
# replays the page's earlier ones).
INP_SCRIPT = """() => { const since = performance.now(); window.__inp = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (e.interactionId && e.startTime >= since)
      window.__inp = Math.max(window.__inp, e.duration);
  }).observe({type: 'event', buffered: true, durationThreshold: 16}); }"""


def interaction_to_next_paint(base: str) -> dict:
    """The slowest interaction (Event Timing, as INP counts it) at 4x CPU slowdown on a
    390 px phone: typing a place, choosing it, and checking a posted range."""
    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=CHROME_FLAGS[1:])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(base + "/roles/mlops-engineer/")
        page.wait_for_function("() => !!window.aimlpayCheck")
        page.evaluate(INP_SCRIPT)
        page.click("#where-input")
        page.wait_for_timeout(1500)                  # the place data, loaded on first use
        page.keyboard.type("austin", delay=120)
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        out["type and choose a place"] = page.evaluate("window.__inp")
        page.evaluate(INP_SCRIPT)
        page.click("#check summary")
        page.wait_for_timeout(500)
        out["open the check"] = page.evaluate("window.__inp")
        page.fill("#posted", "150000-190000")
        page.evaluate(INP_SCRIPT)
        page.click(".check__go")
        page.wait_for_timeout(800)
        out["check a posted range"] = page.evaluate("window.__inp")
        browser.close()
    return out


# --- main ------------------------------------------------------------------------------------

def check_paths(site: Path) -> None:
    for kind, path in PAGES.items():
        exists = (site / path.lstrip("/").split("?")[0] / "index.html").is_file()
        if exists == (kind == "404"):
            sys.exit(f"{path} ({kind}) {'exists' if exists else 'is missing'} in {site}: "
                     "build the site first (make site) or update PAGES")


def kb(n: int) -> str:
    return f"{n / 1024:,.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=2, help="runs per page; the best is kept")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--only", nargs="+", choices=list(PAGES), metavar="TYPE",
                        help="measure only these page types (quoted names, e.g. 'role page')")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run npm ci --prefix benchmarks")
    check_paths(args.site)

    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results = {}
    try:
        for kind, path in PAGES.items():
            if args.only and kind not in args.only:
                continue
            runs = [figures(lighthouse(base + path, expect_404=kind == "404"))
                    for _ in range(args.runs)]
            # Keep the run with the best performance score: its metrics belong together.
            results[kind] = max(runs, key=lambda r: (r["performance"], -r["tbt_ms"]))
            results[kind]["performance_runs"] = [r["performance"] for r in runs]
            if kind == "404":   # Lighthouse warns about the status we asked for: not news
                results[kind]["warnings"] = [w for w in results[kind]["warnings"]
                                             if "Status code: 404" not in w]
            print(f"  {kind}: performance {results[kind]['performance_runs']}", file=sys.stderr)
        inp = interaction_to_next_paint(base)
    finally:
        server.shutdown()
    index = search_index(args.site)
    budgets = place_budgets(args.site)

    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    print(f"\nLighthouse {version.stdout.strip()} (mobile), best of {args.runs} run(s) per page, "
          f"site served gzipped on {base}")
    print(f"{'page type':16} {'perf':>5} {'a11y':>5} {'best pr':>8} {'SEO':>5} "
          f"{'TBT ms':>7} {'LCP ms':>7} {'CLS':>6}")
    for kind, r in results.items():
        print(f"{kind:16} {r['performance']:5d} {r['accessibility']:5d} "
              f"{r['best-practices']:8d} {r['seo']:5d} {r['tbt_ms']:7d} {r['lcp_ms']:7d} "
              f"{r['cls']:6.3f}")

    print(f"\nJavaScript per page, KiB (chart = file name matches {CHART_REQUEST.pattern!r})")
    print(f"{'page type':16} {'chart transfer':>15} {'chart raw':>10} "
          f"{'other transfer':>15} {'other raw':>10}")
    for kind, r in results.items():
        (ct, cr), (ot, orw) = r["js"]["chart"], r["js"]["other"]
        print(f"{kind:16} {kb(ct):>15} {kb(cr):>10} {kb(ot):>15} {kb(orw):>10}")

    print(f"\nsearch/search_index.json: {kb(index['raw_bytes'])} KiB raw, "
          f"{kb(index['gzip_bytes'])} KiB gzipped; entries: "
          + ", ".join(f"{k} {v}" for k, v in index["entries"].items()))

    print(f"\nWhere control and posting check: scripts {kb(budgets['scripts_gzip'])} KiB "
          "gzipped (budget 8); loaded on first use, area names + one occupation's chain, "
          "KiB gzipped (budget 25): " + ", ".join(
              f"{soc} {kb(n)}" for soc, n in budgets["occupations_gzip"].items()))
    print("Interaction to next paint at 4x CPU slowdown, ms (budget 100): " + ", ".join(
        f"{k} {v:.0f}" for k, v in inp.items()))
    print("search index budget: 600 KiB raw")

    print("\nAccessibility audits failing (score 0)")
    for kind, r in results.items():
        print(f"{kind:16} {', '.join(r['a11y_failing']) or '-'}")

    warnings = sorted({w for r in results.values() for w in r["warnings"]})
    if warnings:   # e.g. "slower CPU than Lighthouse expects": a reason scores vary here
        print("\nLighthouse warnings:\n" + "\n".join(f"  {w}" for w in warnings))

    if args.json:
        args.json.write_text(json.dumps({"base_url": base, "runs": args.runs, "pages": results,
                                         "search_index": index, "place": budgets,
                                         "inp_ms": inp}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
