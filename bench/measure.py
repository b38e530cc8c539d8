"""`make bench`: the costs of the build, measured in one run on this machine, as ratios.

A time measured alone says little on a shared two-core machine; the ratios compare runs made one
after the other, so they hold on a busy day too. Results are printed and written to bench.json:

* `build_vs_bare`: the full build (no PDFs) over the same pages built with the project's hook
  removed (Material and mkdocs-static-i18n only, the short syntax left as text);
* `build_vs_plain`: the full build over a site with the same words written as plain Markdown
  (excerpts, records, glossary, index and timeline typed out, no hook) and searchable with the
  theme's own search plugin, as the reader's site is with Pagefind: the goal is 1.3 at most;
  `build_vs_plain_unsearched` is the same over that site without any search index;
* `scaled_vs_build`: the build of ten times the content (50 papers, `bench/projects.py`) over the
  real build: the goal is 10 at most, a build that grows no faster than its content;
* `pdf_seconds`, `check_seconds` and the `*_seconds` times behind the ratios;
* `lighthouse`: Lighthouse's scores (mobile profile) of four pages, by page then category
  (`bench/lighthouse.py`; targets: accessibility and best practices 100, SEO 95, performance 90).

The projects compared are made by `bench/projects.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import lighthouse  # noqa: E402
from projects import bare_project, plain_project, scaled_project  # noqa: E402

SCALE = 10
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0"}


def _timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.monotonic()
    result = subprocess.run(args, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return time.monotonic() - start


def main(argv: list[str]) -> int:
    # strict as `make build` (not `-q`, which drops the warnings strict mode counts); the
    # projects without the hook are built quietly, with nothing to be strict about
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    quiet = [sys.executable, "-m", "mkdocs", "build", "-q"]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        check = _timed([sys.executable, str(ROOT / "hooks" / "cli.py"), "check"], ROOT)
        build = _timed([*mkdocs, "-d", str(tmp / "site")], ROOT)
        bare = _timed([*quiet, "-d", str(tmp / "bare-site")], bare_project(tmp))
        plain = _timed([*quiet, "-d", str(tmp / "plain-site")], plain_project(tmp))
        unsearched = _timed([*quiet, "-d", str(tmp / "plain-unsearched-site")],
                            plain_project(tmp, search=False))
        scaled = _timed([*mkdocs, "-d", str(tmp / "scaled-site")], scaled_project(tmp, SCALE))
        pdf = _timed([sys.executable, str(ROOT / "hooks" / "cli.py"), "pdf", str(tmp / "site"),
                      str(ROOT / "docs"), "https://example.org/"], ROOT)
    results = {
        "build_seconds": round(build, 2), "bare_seconds": round(bare, 2),
        "plain_seconds": round(plain, 2), "plain_unsearched_seconds": round(unsearched, 2),
        "scaled_seconds": round(scaled, 2),
        "build_vs_bare": round(build / bare, 2), "build_vs_plain": round(build / plain, 2),
        "build_vs_plain_unsearched": round(build / unsearched, 2),
        "scaled_vs_build": round(scaled / build, 2),
        "pdf_seconds": round(pdf, 2), "check_seconds": round(check, 2),
    }
    for key, value in results.items():
        print(f"{key:>16}: {value}")
    scores = lighthouse.scores()
    print(lighthouse.report(scores))
    (ROOT / "bench.json").write_text(json.dumps({**results, "lighthouse": scores}, indent=1) + "\n",
                                     encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
