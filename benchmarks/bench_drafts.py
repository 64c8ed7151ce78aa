"""Draft save and load, against the floor of writing/reading the same bytes with plain file calls.

    .venv/bin/python benchmarks/bench_drafts.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import ROOT, median_ms, report_line

from models.storage.drafts import draft_bytes, load_draft, save_draft

BUDGET_MS = 20.0


def main() -> int:
    report = load_draft(ROOT / "tests" / "fixtures" / "huaian-city-gov-2024.nianbao")
    sample = load_draft(ROOT / "resources" / "samples" / "tongguan-zhaoshang-2023.nianbao")
    report.texts.update(sample.texts)  # a full narrative
    data = draft_bytes(report)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.nianbao"
        plain = Path(folder) / "plain.bin"
        backups = Path(folder) / "backups"
        write_floor = median_ms(lambda: plain.write_bytes(data), repeat=200)
        read_floor = median_ms(plain.read_bytes, repeat=200)
        save = median_ms(lambda: save_draft(report, target, backup_dir=backups, keep_backups=3), repeat=100)
        load = median_ms(lambda: load_draft(target), repeat=200)
    print(f"draft size: {len(data) / 1024:.1f} KiB")
    ok = report_line("save_draft (atomic, fsync, backup)", save, write_floor, "plain write", BUDGET_MS)
    ok &= report_line("load_draft", load, read_floor, "plain read", BUDGET_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
