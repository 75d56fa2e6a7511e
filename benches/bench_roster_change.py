"""Benchmark: what one roster change costs in a large library.

    .venv/bin/python benches/bench_roster_change.py [--packages 1000] [--runs 5]

Every roster or settings change records where each package's chain stands (see
studio/store/package_heads.py), so its cost grows with the library. Reports the median
wall-clock time of reading every package head (with nothing cached, and with the heads this
machine read last time for the package files unchanged since), and of a whole signed roster change
(an administrator updates a member's office), over a library of released packages with
real signed chains (benches/bench_export.generate).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benches.bench_export import _ACTORS, generate  # noqa: E402
from studio.paths import user_cache_dir  # noqa: E402
from studio.service import members  # noqa: E402
from studio.store.package_heads import read_heads  # noqa: E402


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", type=Path, help="reuse a library made by an earlier run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.library or generate(Path(tmp) / "lib", args.packages)
        count = len(read_heads(root).heads)
        print(f"{count} packages")
        cold = median_seconds(lambda: (shutil.rmtree(user_cache_dir() / "heads", ignore_errors=True),
                                       read_heads(root)), args.runs)
        print(f"read every package head, nothing cached (the first change on a machine): median {cold:.3f} s")
        heads = median_seconds(lambda: read_heads(root), args.runs)
        print(f"read every package head, unchanged files from this machine's cache: median {heads:.3f} s")
        if _ACTORS:
            admin = next(a for a in _ACTORS.values() if a.name == "管理员")
            offices = iter(f"第{n}处" for n in range(10_000))
            change = median_seconds(lambda: members.update_member(root, admin, "起草人", office=next(offices)),
                                    args.runs)
            print(f"one signed roster change: median {change:.3f} s")


if __name__ == "__main__":
    main()
