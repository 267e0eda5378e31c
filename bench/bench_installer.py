# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The installer: bundle size against a naive PyInstaller build, frozen start against source.

Run on its own (two full builds take minutes): ``.venv/bin/python -m bench.bench_installer``.
Start-up is measured as the self-test (start the app, open the wizard, validate, export
Word and PDF, read back), run frozen and from source.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import build_installer


def _median_seconds(command: list[str], repeats: int = 5) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="finsam-installer-"))
    app = build_installer.build(out)
    naive = build_installer.build(out, naive=True)
    mib = 1024 * 1024
    print(f"build time: {app['seconds']:.0f} s")
    size, naive_size = float(app["bytes"]), float(naive["bytes"])  # type: ignore[arg-type]
    print(f"bundle: {size / mib:.0f} MiB; naive PyInstaller build: {naive_size / mib:.0f} MiB ({size / naive_size:.2f}×)")
    if "archive_bytes" in app:
        print(f"compressed: {app['archive_bytes'] / mib:.0f} MiB")  # type: ignore[operator]
    frozen = _median_seconds([str(build_installer.executable(app["bundle"])), "--self-test"])  # type: ignore[arg-type]
    source = _median_seconds([sys.executable, "-m", "finsam_desktop", "--self-test"])
    print(f"self-test (cold start and work): frozen {frozen:.2f} s, from source {source:.2f} s ({frozen / source:.2f}×)")


if __name__ == "__main__":
    main()
