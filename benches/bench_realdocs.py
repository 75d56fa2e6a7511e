"""Measurement: the real office files in ../shared/corpus/realdocs imported as a user does,
each field scored per format against index.json.

Run on demand:  .venv/bin/python benches/bench_realdocs.py [--corpus DIR] [--folder DIR [--index FILE]]
--folder measures any other folder of real files laid out like realdocs (an index.json beside
them, or --index); the held-out measurement uses it. Prints, per format and field, found/present (exact after normalisation), files refused,
and values filled in wrongly without a request to check them. Targets: every file
imports; ≥ 95 % per field where present; nothing filled in wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", help="a folder holding realdocs/ (default: ../shared/corpus)")
    parser.add_argument("--folder", help="measure the files in this folder instead of realdocs/")
    parser.add_argument("--index", help="the truth for --folder (default: index.json in it)")
    args = parser.parse_args()
    if args.corpus:
        os.environ["STUDIO_CORPUS"] = args.corpus
    from tests import factories as f
    from tests.ingest import realdocs
    from tests.members import member

    folder = Path(args.folder) if args.folder else realdocs.REALDOCS
    index = Path(args.index) if args.index else folder / "index.json"
    entries = realdocs.entries(index)
    if not entries:
        print(f"没有找到 {index}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        # A signed library with an enrolled drafter, as the tests use.
        actor = member(Path(tmp), f.DRAFTER)
        pairs = [(e, realdocs.import_one(e, Path(tmp), actor, folder)) for e in entries]
    table = realdocs.score(pairs)
    formats = sorted({fmt for fmt, _ in table if fmt != "all"}) + ["all"]
    print(f"{'format':8}" + "".join(f"{label:>14}" for label in realdocs.FIELDS.values()))
    for fmt in formats:
        cells = []
        for key in realdocs.FIELDS:
            s = table.get((fmt, key))
            cells.append(f"{s.hits}/{s.present} {100 * s.rate():3.0f}%" if s else "-")
        print(f"{fmt:8}" + "".join(f"{c:>14}" for c in cells))
    refused = [o for _, o in pairs if o.error]
    print(f"\nimported {len(pairs) - len(refused)}/{len(pairs)}")
    for o in refused:
        print("  refused:", o.file, o.error)
    wrong = [w for e, o in pairs if not o.error for w in realdocs.wrongly_filled(e, o)]
    print(f"filled in wrongly: {len(wrong)}")
    for w in wrong:
        print("  ", w)
    print("offered where the document has none (to check):")
    for e, o in pairs:
        for key, value in o.to_check.items():
            if value and not e.get(key) and not e.get("template"):
                print(f"   {e['file']}: {realdocs.FIELDS[key]}“{value}”")
    print("misses (offered value differs):")
    for m in table[("all", "title")].misses + table[("all", "doc_number")].misses + \
            table[("all", "organ")].misses + table[("all", "date_written")].misses:
        print("  ", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
