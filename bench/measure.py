"""`make bench`: the costs of the build, measured in one run on this machine, as ratios.

A time measured alone says little on a shared two-core machine; the ratios compare runs made one
after the other, so they hold on a busy day too. Results are printed and written to bench.json:

* `build_vs_bare`: the full build (no PDFs) over the same pages built with the project's hook
  removed (Material and mkdocs-static-i18n only, the short syntax left as text);
* `pdf_seconds`, `check_seconds`, `build_seconds`, `bare_seconds`: the times behind the ratios.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0"}


def _timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.monotonic()
    result = subprocess.run(args, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return time.monotonic() - start


def bare_project(tmp: Path) -> Path:
    """The project without its hook: the same Markdown, built by Material and i18n alone."""
    project = tmp / "bare"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def main(argv: list[str]) -> int:
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        check = _timed([sys.executable, str(ROOT / "hooks" / "cli.py"), "check"], ROOT)
        build = _timed([*mkdocs, "-d", str(tmp / "site")], ROOT)
        bare = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "bare-site")],
                      bare_project(tmp))
        pdf = _timed([sys.executable, str(ROOT / "hooks" / "cli.py"), "pdf", str(tmp / "site"),
                      str(ROOT / "docs"), "https://example.org/"], ROOT)
    results = {
        "build_seconds": round(build, 2), "bare_seconds": round(bare, 2),
        "build_vs_bare": round(build / bare, 2),
        "pdf_seconds": round(pdf, 2), "check_seconds": round(check, 2),
    }
    for key, value in results.items():
        print(f"{key:>16}: {value}")
    (ROOT / "bench.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
