# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""``python -m bench``: every benchmark module's measures, as one table."""

from __future__ import annotations

from bench import bench_compile, bench_core, bench_export, bench_import, bench_parsers, bench_ui
from bench.runner import run, table

MODULES = [bench_core, bench_export, bench_import, bench_parsers, bench_ui, bench_compile]


def main() -> None:
    print(table(run([bench for module in MODULES for bench in module.benchmarks()])))
    print()
    print(bench_ui.memory_report())


if __name__ == "__main__":
    main()
