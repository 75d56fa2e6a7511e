"""Benchmark: what proving packages costs.

    .venv/bin/python benches/bench_proof.py [--packages 1000] [--runs 3]

1. A library of released packages, each with its own signed audit chain (see
   signed_library.py), exported in full with and without the proof export makes before
   publishing (chain, SM2 signatures, release snapshot, media, release-safety rules).
   "Cold" clears the proof cache before each run; "warm" keeps it (a re-export).
   Target: with proof at most 10% slower than without.
2. `verify` of one package with 20 signed events, made through the studio's operations.
   Target: ≤ 0.5 s.
Reports medians, of wall-clock time and of CPU time (this process and its worker
processes): on a machine shared with other work the CPU time says what the proof itself
costs, the wall-clock time what a user waits.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benches.bench_export import generate  # noqa: E402
from benches.library_generator import template_package  # noqa: E402
from benches.signed_library import enrol, released_on_release_day  # noqa: E402
from studio.domain import edits  # noqa: E402
from studio.paths import user_cache_dir  # noqa: E402
from studio.render.export.export_state import state_dir_for  # noqa: E402
from studio.render.export.exporter import ExportOptions, export_library  # noqa: E402
from studio.service import operations  # noqa: E402
from studio.service.proof import verify_package  # noqa: E402
from tests import factories as f  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def export_once(library: Path, out: Path, prove: bool, cold: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one full export."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(state_dir_for(out), ignore_errors=True)
    if cold:
        shutil.rmtree(user_cache_dir() / "proofs", ignore_errors=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    report = export_library(library, out, ExportOptions(site_name="明湖市人民政府", prove=prove))
    elapsed = time.perf_counter() - start
    assert not report.refused, report.refused[:1]
    return elapsed, cpu_seconds() - cpu


def twenty_events(root: Path) -> Path:
    actors = enrol(root)
    drafter = actors["起草人"]
    folder = operations.create_package(root, drafter, {"title": f.META["title"]})
    d = f.draft()
    operations.edit(folder, drafter, lambda p: edits.finish_edit(
        p, d.evolve(id=p.id, created_by=p.created_by, created_at=p.created_at)))  # one event per part
    for n in range(8):
        operations.edit(folder, drafter, lambda p, n=n: edits.set_metadata(p, {"subject_words": f"补贴 第{n}稿"}))
    for who, action in (("起草人", "submit"), ("初审人", "review"), ("复审人", "review"), ("审签人", "sign"),
                        ("发布人", "release")):
        released_on_release_day(lambda w=who, a=action: operations.transition(folder, actors[w], a))
    return folder


def open_edit_save(root: Path, runs: int) -> list[float]:
    actors = enrol(root)
    folder = template_package(root, actors)
    times = []
    for n in range(runs):
        start = time.perf_counter()
        operations.edit(folder, actors["起草人"], lambda p, n=n: edits.set_metadata(p, {"subject_words": f"就业 补贴 {n}"}))
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("STUDIO_CONFIG_DIR", tempfile.mkdtemp(prefix="bench-config-"))
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-cache-")
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-data-")
    with tempfile.TemporaryDirectory(prefix="bench-proof-") as tmp:
        work = Path(tmp)
        folder = twenty_events(work / "one")
        events = len(operations.history(folder))
        assert verify_package(folder).problems == []
        times = []
        for _ in range(21):
            start = time.perf_counter()
            verify_package(folder)
            times.append(time.perf_counter() - start)
        print(f"verify of one package with {events} signed events: median {statistics.median(times) * 1000:.1f} ms "
              f"(target ≤ 500 ms)")
        saves = open_edit_save(work / "single", 30)
        print(f"open-edit-save of one signed package: median {statistics.median(saves) * 1000:.1f} ms "
              f"(min {min(saves) * 1000:.1f}, max {max(saves) * 1000:.1f})")

        start = time.perf_counter()
        library = generate(work / "library", args.packages)
        print(f"generated {args.packages} released, signed packages in {time.perf_counter() - start:.1f} s")
        without, cold, warm = [], [], []
        for _ in range(args.runs):  # interleaved, so machine load falls on all three alike
            without.append(export_once(library, work / "site", prove=False, cold=False))
            cold.append(export_once(library, work / "site", prove=True, cold=True))
            warm.append(export_once(library, work / "site", prove=True, cold=False))
        base = statistics.median(t for t, _ in without)
        base_cpu = statistics.median(c for _, c in without)
        for name, runs in (("without proof", without), ("with proof, cold cache", cold),
                           ("with proof, warm cache", warm)):
            m = statistics.median(t for t, _ in runs)
            c = statistics.median(c for _, c in runs)
            print(f"full export {name}: median {m:.2f} s ({(m / base - 1) * 100:+.1f}%; "
                  f"runs {', '.join(f'{t:.2f}' for t, _ in runs)}); "
                  f"CPU median {c:.2f} s ({(c / base_cpu - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
