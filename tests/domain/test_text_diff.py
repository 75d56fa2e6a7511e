"""Word-level differences a Chinese reader can follow."""

from __future__ import annotations

from studio.domain.text_diff import Op, Run, changed, diff_runs, new_side, old_side


def test_a_changed_figure_is_the_whole_number_removed_and_added():
    runs = diff_runs("每人每月500元租房补贴", "每人每月600元租房补贴")
    assert runs == [Run(Op.SAME, "每人每月"), Run(Op.REMOVED, "500"), Run(Op.ADDED, "600"),
                    Run(Op.SAME, "元租房补贴")]
    assert changed(runs) == 6
    assert "".join(r.text for r in new_side(runs)) == "每人每月600元租房补贴"
    assert "".join(r.text for r in old_side(runs)) == "每人每月500元租房补贴"


def test_numbers_with_separators_and_percent_signs_stay_whole():
    runs = diff_runs("补助1,500元，比例为12.5%。", "补助1,800元，比例为15%。")
    assert Run(Op.REMOVED, "1,500") in runs and Run(Op.ADDED, "1,800") in runs
    assert Run(Op.REMOVED, "12.5%") in runs and Run(Op.ADDED, "15%") in runs


def test_edits_a_character_or_two_apart_read_as_one_rewritten_phrase():
    runs = diff_runs("每月补贴500元，按季度发放。", "每季度补贴1,500元，按季度发放。")
    assert [r for r in runs if r.op is not Op.SAME] == [Run(Op.REMOVED, "月补贴500"),
                                                        Run(Op.ADDED, "季度补贴1,500")]


def test_punctuation_between_two_edits_keeps_them_apart():
    runs = diff_runs("甲，乙", "丙，丁")
    assert Run(Op.SAME, "，") in runs


def test_no_change_is_one_same_run():
    assert diff_runs("一、出台背景", "一、出台背景") == [Run(Op.SAME, "一、出台背景")]
