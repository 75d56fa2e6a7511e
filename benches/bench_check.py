"""Benchmark: `studio check` over a library of 10,000 packages, and one package's open-edit-save.

Run on demand:  .venv/bin/python benches/bench_check.py [--packages 10000] [--runs 5]
Targets on a 2-core machine: check median ≤ 3 s; open-edit-save median ≤ 50 ms.
The first check reads every text (cold); later checks reuse what the content rules found
for unchanged content (warm). Both are reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from library_generator import GENERATED_BY, generate, template_package  # noqa: E402

from benches.signed_library import enrol  # noqa: E402
from studio.domain import edits  # noqa: E402
from studio.service import operations  # noqa: E402


def time_check(library: Path, runs: int, cache: Path) -> list[float]:
    times = []
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "studio", "check", str(library), "--json",
                                 "--today", "2026-03-10"], capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        assert result.returncode in (0, 1), result.stderr.decode()
    return times


_SINGLE: dict = {}


def _single_actor(folder: Path):
    return _SINGLE[str(folder.parent)]


def time_open_edit_save(folder: Path, runs: int) -> list[float]:
    times = []
    actor = GENERATED_BY.get(str(folder.parent), {}).get("起草人") or _single_actor(folder)
    for n in range(runs):
        start = time.perf_counter()
        operations.edit(folder, actor, lambda p, n=n: edits.set_metadata(p, {"subject_words": f"就业 补贴 {n}"}))
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        library = generate(Path(tmp) / "library", args.packages)
        print(f"generated {args.packages} packages in {time.perf_counter() - start:.1f} s")
        cache = Path(tmp) / "cache"
        cold = [time_check(library, 1, cache / str(n))[0] for n in range(min(args.runs, 3))]
        print(f"studio check, {args.packages} packages, cold (every text read): median {statistics.median(cold):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in cold)})")
        warm = time_check(library, args.runs, cache / "0")
        print(f"studio check, {args.packages} packages, warm (unchanged content): median {statistics.median(warm):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in warm)}; target ≤ 3 s)")
        single = Path(tmp) / "single"
        actors = enrol(single)
        _SINGLE[str(single)] = actors["起草人"]
        folder = template_package(single, actors)
        saves = time_open_edit_save(folder, max(args.runs, 30))
        print(f"open-edit-save one package: median {statistics.median(saves) * 1000:.1f} ms "
              f"(min {min(saves) * 1000:.1f}, max {max(saves) * 1000:.1f}; target ≤ 50 ms)")


if __name__ == "__main__":
    main()
