"""Fuzzing run: 10,000 hostile or broken inputs through the `studio` command line.

Run on demand:  .venv/bin/python benches/fuzz_hostile.py [--cases 10000]
Cases: package.json files of every shape (30%), random, truncated, hostile or oddly
encoded files imported as pieces (30%), random command-line arguments (40%). Each runs in
a sandbox with a library (released, non-public and draft packages), a user's own folder
and an earlier bundle. Reported: tracebacks (target 0), files outside the studio's own
deleted or changed (target 0), planted secrets found in a bundle (target 0).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzz import hostile  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--only", choices=["package.json", "import", "arguments"], help="run one kind of case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["STUDIO_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # error logs of unexpected failures land here
        from tests.export.conftest import build_library

        library = build_library(Path(tmp) / "template" / "library")
        box = hostile.Sandbox(library.root, Path(tmp) / "box")
        raw = json.loads((library.folders["tenant"] / "package.json").read_text("utf-8"))
        total = hostile.Verdict()
        counts = {"package.json": 0, "import": 0, "arguments": 0}
        shares = {"package.json": 0.3, "import": 0.3, "arguments": 0.4}
        run = settings(deadline=None, database=None, phases=[Phase.generate], derandomize=True,
                       suppress_health_check=list(HealthCheck))

        def tally(kind: str, verdict: hostile.Verdict) -> None:
            counts[kind] += 1
            for line in verdict.tracebacks + verdict.deleted_or_changed + verdict.leaked:
                print(f"  ! {kind}: {line}", flush=True)
            total.tracebacks += verdict.tracebacks
            total.deleted_or_changed += verdict.deleted_or_changed
            total.leaked += verdict.leaked
            done = sum(counts.values())
            if done % 500 == 0:
                print(f"  {done} cases, {len(total.tracebacks)} tracebacks, {len(total.deleted_or_changed)} files lost, "
                      f"{len(total.leaked)} secrets leaked ({time.perf_counter() - start:.0f} s)", flush=True)

        @given(data=st.data(), which=st.integers(0, 6), cmd=st.sampled_from(hostile.COMMANDS))
        def package_cases(data, which, cmd):
            box.reset()
            verdict = hostile.Verdict()
            hostile.package_case(box, data.draw(hostile.package_mutation(raw)), which, cmd, verdict)
            tally("package.json", verdict)

        @given(file=hostile.import_file(hostile.sample_docx()), piece=st.sampled_from(["policy", "interpretation", "faq",
                                                                         "consultation", "explainer"]),
               which=st.integers(0, 6))
        def import_cases(file, piece, which):
            box.reset()
            verdict = hostile.Verdict()
            hostile.import_case(box, file[0], file[1], piece, which, verdict)
            tally("import", verdict)

        @given(argv=hostile.cli_arguments())
        def argument_cases(argv):
            box.reset()
            verdict = hostile.Verdict()
            hostile.cli_case(box, argv, verdict)
            tally("arguments", verdict)

        start = time.perf_counter()
        for kind, test in (("package.json", package_cases), ("import", import_cases), ("arguments", argument_cases)):
            if args.only and kind != args.only:
                continue
            settings(run, max_examples=int(args.cases * shares[kind]))(test)()
        elapsed = time.perf_counter() - start
        print(f"{sum(counts.values())} cases in {elapsed:.0f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"tracebacks: {len(total.tracebacks)}")
        print(f"files outside the studio's own deleted or changed: {len(total.deleted_or_changed)}")
        print(f"planted secrets found in a bundle: {len(total.leaked)}")
        for line in (total.tracebacks + total.deleted_or_changed + total.leaked)[:20]:
            print("  ", line)


if __name__ == "__main__":
    main()
