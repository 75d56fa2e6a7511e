"""Benchmark: the checks on one package whose policy text is very long.

Run on demand:  .venv/bin/python benches/bench_long_policy.py [--sizes 0.5 2 10 50] [--runs 3]
Targets on a 2-core machine: 2 MB ≤ 2 s, 50 MB ≤ 60 s; the time per MB should stay flat
(the checks grow linearly with the text). The text is a real-looking policy: articles with
amounts, percentages, time limits, dates, document numbers and citations, each different.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio.domain import edits  # noqa: E402
from studio.domain.rules import check_package  # noqa: E402
from studio.domain.settings import RuleSettings  # noqa: E402
from tests import factories as f  # noqa: E402

ARTICLE = ("第{n}条 对符合条件的企业给予一次性补贴{a}万元，补贴比例不超过{p}%，"
           "申请人应当自{y}年{m}月{d}日起{k}个工作日内提交材料。依据《明湖市人才发展条例》和明政办发〔{y}〕{n}号执行，"
           "联系电话0599-8726{n4}。\n\n")


def long_policy(megabytes: float) -> str:
    target = int(megabytes * 1024 * 1024)
    parts, size, n = [f.POLICY_BODY], 0, 1
    while size < target:
        article = ARTICLE.format(n=n, a=n % 97 + 1, p=n % 60 + 1, y=2020 + n % 7, m=n % 12 + 1, d=n % 28 + 1,
                                 k=n % 30 + 5, n4=f"{n % 10000:04d}")
        parts.append(article)
        size += len(article.encode("utf-8"))
        n += 1
    return "".join(parts)


def time_checks(megabytes: float, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run (CPU time is steadier on a shared machine)."""
    package = edits.set_policy_body(f.draft(), long_policy(megabytes)).package
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        check_package(package, f.TODAY, RuleSettings())
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 2, 10, 50])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        runs = args.runs if size <= 10 else 1
        wall, cpu = time_checks(size, runs)
        median, median_cpu = statistics.median(wall), statistics.median(cpu)
        print(f"{size:>5} MB policy: checks median {median:.2f} s wall, {median_cpu:.2f} s CPU over {runs} run(s) "
              f"({median_cpu / size:.2f} s CPU/MB)", flush=True)


if __name__ == "__main__":
    main()
