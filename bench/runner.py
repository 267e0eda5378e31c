# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Time each measure and its floor in the same run, taking turns; print medians and their ratio.

A measure is what the app does; its floor is the least any program would have to do for
the same result (a bare ``json.dump`` for saving a draft, say). The ratio says how much
the app adds, and stays comparable between machines where absolute times do not.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

Row = tuple[str, float, str, float, float]
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Benchmark:
    name: str
    measure: Callable[[], object]
    floor_name: str
    floor: Callable[[], object]
    repeats: int = 15


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired_medians(measure: Callable[[], object], floor: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall times of ``measure`` and ``floor`` over ``repeats`` runs each, after one
    warm-up run each; the two take turns, so a machine busier for a while slows both alike."""
    measure()
    floor()
    pairs = [(_seconds(measure), _seconds(floor)) for _ in range(repeats)]
    return statistics.median(pair[0] for pair in pairs), statistics.median(pair[1] for pair in pairs)


def measured(benchmarks: Iterable[Benchmark]) -> Iterator[Row]:
    """Each row of (name, median, floor name, floor median, ratio) as soon as it is measured."""
    for bench in benchmarks:
        measure, floor = paired_medians(bench.measure, bench.floor, bench.repeats)
        yield bench.name, measure, bench.floor_name, floor, measure / floor


HEADER = f"{'measure':<38} {'median':>10}   {'floor':<34} {'median':>10} {'ratio':>7}"


def line(row: Row) -> str:
    name, measure, floor_name, floor, ratio = row
    return f"{name:<38} {measure * 1000:>8.2f}ms   {floor_name:<34} {floor * 1000:>8.2f}ms {ratio:>6.1f}×"


def save(rows: list[Row], folder: Path = RESULTS) -> Path:
    """The rows as JSON under ``bench/results/``, named by time and commit, to compare two commits."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stamp}-{commit or 'utan-git'}.json"
    entries = [
        {"measure": name, "seconds": measure, "floor": floor_name, "floor_seconds": floor, "ratio": ratio}
        for name, measure, floor_name, floor, ratio in rows
    ]
    path.write_text(json.dumps({"commit": commit, "measured": stamp, "rows": entries}, indent=2), encoding="utf-8")
    return path
