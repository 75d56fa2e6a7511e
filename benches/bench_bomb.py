"""Benchmark: refusing a decompression bomb and a pixel bomb on import and export.

Run on demand:  .venv/bin/python benches/bench_bomb.py
Target: each refused with a Chinese message in under 2 s and under 200 MB of memory.
The Word bomb is a 1.3 MB .docx whose document.xml inflates to 1.2 GB (the case that once
ran 60 s, took 3.5 GB and ended in a MemoryError).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ingest.bombs import docx_bomb  # noqa: E402


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak memory (MB) of the child, exit code, last line of stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "studio", *argv], capture_output=True, env=env, timeout=600)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return elapsed, max(peak, before) / 1024, proc.returncode, err[-1] if err else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_CONFIG_DIR": str(tmp_path / "config")}
        bomb = tmp_path / "通知.docx"
        bomb.write_bytes(docx_bomb(1200))
        print(f"docx bomb: {bomb.stat().st_size / 1e6:.1f} MB file, 1200 MB inflated")
        new = subprocess.run([sys.executable, "-m", "studio", "new", str(tmp_path / "library"), "--title", "基准",
                              "--user", "基准"], capture_output=True, env=env, check=True)
        folder = new.stdout.decode().strip()
        elapsed, peak, code, message = run(["import", folder, "--piece", "policy", str(bomb), "--user", "基准"], env)
        print(f"`studio import` refused it in {elapsed:.2f} s (program start included), peak {peak:.0f} MB, "
              f"exit {code}: {message[:60]}")
        from studio.domain.errors import StudioError
        from studio.service.importing import prepare

        start = time.perf_counter()
        try:
            prepare(bomb, "policy")
        except StudioError:
            pass
        print(f"the check itself (in process): {time.perf_counter() - start:.3f} s")
        elapsed, _, _, _ = run(["--version"], env)
        print(f"for comparison, `studio --version`: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
