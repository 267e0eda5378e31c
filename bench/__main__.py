"""``python -m bench``: every benchmark module's measures, as one table."""

from __future__ import annotations

from bench import bench_core, bench_export
from bench.runner import run, table

MODULES = [bench_core, bench_export]


def main() -> None:
    print(table(run([bench for module in MODULES for bench in module.benchmarks()])))


if __name__ == "__main__":
    main()
