"""Benchmark: the reviewer's changes of a long real policy, inline and side by side.

Run on demand:  .venv/bin/python benches/bench_review_diff.py [--case DIR] [--runs 7]
Takes a real policy from ../shared/corpus (default: the one with the most paragraphs, about 50+),
edits a copy as a drafter would (a word changed in every third paragraph, a figure in every
fourth, a sentence added to every fifth, every seventh paragraph removed, a new one after every
tenth), and times what the changes dialog computes: the inline runs of the whole piece and the
side-by-side rows. Prints CPU milliseconds of the first call (it loads the word dictionary) and
the median of the rest (CPU time is steadier on a shared machine).
Target: the median well under 0.2 s, so the dialog opens without a noticeable wait.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio.domain.paragraph_alignment import paragraphs, side_by_side  # noqa: E402
from studio.domain.text_diff import changed, diff_runs  # noqa: E402
from tests.corpus_location import CORPUS  # noqa: E402


def longest_policy() -> Path:
    policies = sorted(CORPUS.glob("*/policy.md"))
    return max(policies, key=lambda p: len(paragraphs(p.read_text(encoding="utf-8"))))


def edited(text: str) -> str:
    """The policy after a drafter's pass: deterministic, so every run diffs the same texts."""
    out: list[str] = []
    for n, para in enumerate(paragraphs(text), start=1):
        if n % 7 == 0:
            continue  # removed
        if n % 3 == 0 and len(para) > 8:
            middle = len(para) // 2
            para = para[:middle] + "进一步" + para[middle + 2:]
        if n % 4 == 0:
            para = para.replace("1", "3", 1) if "1" in para else para + "（每年3000元）"
        if n % 5 == 0:
            para += "具体办法由各地结合实际制定。"
        out.append(para)
        if n % 10 == 0:
            out.append("新增一段：本条所称补贴，按照每人每年6,000元的标准发放。")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", help="a corpus case folder holding policy.md (default: the longest)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = Path(args.case) / "policy.md" if args.case else longest_policy()
    old = "\n".join(paragraphs(path.read_text(encoding="utf-8")))
    new = edited(old)
    inline: list[float] = []
    paired: list[float] = []
    for _ in range(args.runs + 1):
        start = time.process_time()
        runs = diff_runs(old, new)
        middle = time.process_time()
        rows = side_by_side(old, new)
        inline.append(middle - start)
        paired.append(time.process_time() - middle)
    print(f"{path.parent.name}: {len(paragraphs(old))} paragraphs, {len(old)} characters; "
          f"{changed(runs)} characters marked inline, {sum(r.changed for r in rows)} rows changed")
    print(f"CPU ms  first inline {inline[0] * 1000:.1f} (side by side {paired[0] * 1000:.1f}); "
          f"median of {args.runs} more: inline {statistics.median(inline[1:]) * 1000:.1f}, "
          f"side by side {statistics.median(paired[1:]) * 1000:.1f}")


if __name__ == "__main__":
    main()
