# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Time each measure and its floor in the same run; print medians and their ratio.

A measure is what the app does; its floor is the least any program would have to do for
the same result (a bare ``json.dump`` for saving a draft, say). The ratio says how much
the app adds, and stays comparable between machines where absolute times do not.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Benchmark:
    name: str
    measure: Callable[[], object]
    floor_name: str
    floor: Callable[[], object]
    repeats: int = 15


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``action`` over ``repeats`` runs, after one warm-up run."""
    action()
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def run(benchmarks: list[Benchmark]) -> list[tuple[str, float, str, float, float]]:
    """Rows of (name, median, floor name, floor median, ratio); measure and floor alternate."""
    rows = []
    for bench in benchmarks:
        measured = median_seconds(bench.measure, bench.repeats)
        floor = median_seconds(bench.floor, bench.repeats)
        rows.append((bench.name, measured, bench.floor_name, floor, measured / floor))
    return rows


def table(rows: list[tuple[str, float, str, float, float]]) -> str:
    header = f"{'measure':<38} {'median':>10}   {'floor':<34} {'median':>10} {'ratio':>7}"
    lines = [header, "-" * len(header)]
    for name, measured, floor_name, floor, ratio in rows:
        lines.append(f"{name:<38} {measured * 1000:>8.2f}ms   {floor_name:<34} {floor * 1000:>8.2f}ms {ratio:>6.1f}×")
    return "\n".join(lines)
