"""Small timing helpers shared by the benchmarks: medians in milliseconds and a ratio to a floor."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median_ms(action: Callable[[], object], repeat: int, warmup: int = 5) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        action()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1e6


def report_line(name: str, value_ms: float, floor_ms: float, floor_name: str, budget_ms: float) -> bool:
    ok = value_ms <= budget_ms
    print(f"{name}: median {value_ms:.3f} ms  |  floor ({floor_name}) {floor_ms:.4f} ms  |  "
          f"ratio {value_ms / floor_ms:.1f}×  |  budget {budget_ms} ms  {'OK' if ok else 'OVER BUDGET'}")
    return ok
