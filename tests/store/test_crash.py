"""A save killed at any moment leaves a package that loads and equals a save that returned."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import time

import pytest

from studio.domain.package import Package
from studio.store.package_file import PackageFile
from tests import factories as f

KILLS = 200


def version(n: int) -> Package:
    """The n-th saved state: different text and a growing body, so torn writes would show."""
    base = f.draft()
    return base.evolve(id="crash-test", metadata=base.metadata.with_values(title=f"第{n}次保存的标题"),
                       pieces=base.pieces.with_piece(
                           "policy", base.pieces.policy.__class__(f"正文{n}。\n" + "条款内容。" * (n % 50),
                                                                  base.pieces.policy.related)))


def saver(folder: str, start: int, conn) -> None:
    pf = PackageFile(folder)
    n = start
    while True:
        n += 1
        pf.save(version(n).to_dict(), [{"seq": n}])
        conn.send(n)  # only after save() returned


@pytest.mark.slow
def test_sigkill_during_saves_never_loses_a_returned_save(tmp_path):
    folder = tmp_path / "pkg"
    pf = PackageFile(folder)
    pf.save(version(0).to_dict(), [{"seq": 0}])
    ctx = mp.get_context("fork")
    rng = random.Random(20261123)
    acked = 0
    kills = 0
    for _ in range(KILLS):
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=saver, args=(str(folder), acked, child))
        proc.start()
        child.close()
        # Kill only once the child has saved: however slow the machine, every kill lands
        # among saves, and the count of saves never depends on the clock.
        assert parent.poll(120), "the saver never acknowledged a save"
        time.sleep(rng.uniform(0, 0.01))
        os.kill(proc.pid, signal.SIGKILL)
        kills += 1
        proc.join()
        while parent.poll():
            try:
                acked = parent.recv()
            except EOFError:
                break
        parent.close()
        stored = pf.load()
        loaded = Package.from_dict(stored.data)
        # The last acknowledged save, or the one in flight whose rename finished before the kill.
        n = int(loaded.metadata.title.removeprefix("第").removesuffix("次保存的标题"))
        assert n in (acked, acked + 1), (n, acked)
        assert loaded == version(n)
        acked = n
    assert kills == KILLS
    assert acked >= KILLS  # every child saved at least once before it was killed
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= KILLS  # temp files of killed saves never replace the package
