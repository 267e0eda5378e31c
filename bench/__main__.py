# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``python -m bench``: every benchmark module's measures, one row printed as each is
measured, and the whole table also written as JSON under ``bench/results/``."""

from __future__ import annotations

from bench import bench_compile, bench_core, bench_export, bench_import, bench_parsers, bench_ui
from bench.bench_spelling import spelling_report
from bench.runner import HEADER, line, measured, save

MODULES = [bench_core, bench_export, bench_import, bench_parsers, bench_ui, bench_compile]


def main() -> None:
    print(HEADER)
    print("-" * len(HEADER), flush=True)
    rows = []
    for module in MODULES:  # each module's fixtures made only when its turn comes
        for row in measured(module.benchmarks()):
            rows.append(row)
            print(line(row), flush=True)
    print(f"\ntable saved as {save(rows)}")
    print()
    print(bench_ui.memory_report())
    print(bench_ui.closing_report())
    print(spelling_report())


if __name__ == "__main__":
    main()
