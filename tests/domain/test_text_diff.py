"""Character-level differences a Chinese reader can follow."""

from __future__ import annotations

from studio.domain.text_diff import Op, Run, changed, diff_runs


def test_a_changed_figure_is_one_removed_and_one_added_character():
    runs = diff_runs("每人每月500元租房补贴", "每人每月600元租房补贴")
    assert Run(Op.REMOVED, "5") in runs and Run(Op.ADDED, "6") in runs
    assert changed(runs) == 2
    assert "".join(r.text for r in runs if r.op is not Op.REMOVED) == "每人每月600元租房补贴"


def test_no_change_is_one_same_run():
    assert diff_runs("一、出台背景", "一、出台背景") == [Run(Op.SAME, "一、出台背景")]
