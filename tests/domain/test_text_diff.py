"""Word-level differences a Chinese reader can follow."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.text_diff import Op, Run, changed, diff_runs, new_side, old_side, tokens


def marked(runs: list[Run]) -> list[Run]:
    return [r for r in runs if r.op is not Op.SAME]


def test_a_changed_figure_is_the_whole_number_removed_and_added():
    runs = diff_runs("每人每月500元租房补贴", "每人每月600元租房补贴")
    assert runs == [Run(Op.SAME, "每人每月"), Run(Op.REMOVED, "500"), Run(Op.ADDED, "600"),
                    Run(Op.SAME, "元租房补贴")]
    assert changed(runs) == 6
    assert "".join(r.text for r in new_side(runs)) == "每人每月600元租房补贴"
    assert "".join(r.text for r in old_side(runs)) == "每人每月500元租房补贴"


def test_one_changed_digit_marks_the_whole_amount():
    runs = diff_runs("提高到每人每年6000元", "提高到每人每年5000元")
    assert marked(runs) == [Run(Op.REMOVED, "6000"), Run(Op.ADDED, "5000")]


def test_numbers_with_separators_and_percent_signs_stay_whole():
    runs = diff_runs("补助1,500元，比例为12.5%。", "补助1,800元，比例为15%。")
    assert Run(Op.REMOVED, "1,500") in runs and Run(Op.ADDED, "1,800") in runs
    assert Run(Op.REMOVED, "12.5%") in runs and Run(Op.ADDED, "15%") in runs
    assert "6,000.5%" in tokens("增幅达到6,000.5%以上")
    assert "ＧＤＰ" in tokens("全市ＧＤＰ增长") and "Excel" in tokens("用Excel填报")


def test_a_changed_character_inside_a_word_marks_the_whole_word_on_both_sides():
    runs = diff_runs("推进重点工作落实。", "推进重点工程落实。")
    assert marked(runs) == [Run(Op.REMOVED, "工作"), Run(Op.ADDED, "工程")]
    assert old_side(runs) == [Run(Op.SAME, "推进重点"), Run(Op.REMOVED, "工作"), Run(Op.SAME, "落实。")]
    assert new_side(runs) == [Run(Op.SAME, "推进重点"), Run(Op.ADDED, "工程"), Run(Op.SAME, "落实。")]


def test_a_replaced_word_is_marked_and_the_unchanged_words_around_it_are_not():
    runs = diff_runs("做好政策解读发布工作。", "做好政策说明发布工作。")
    assert runs == [Run(Op.SAME, "做好政策"), Run(Op.REMOVED, "解读"), Run(Op.ADDED, "说明"),
                    Run(Op.SAME, "发布工作。")]


def test_an_inserted_word_is_added_and_nothing_is_removed():
    runs = diff_runs("申请人提交材料。", "申请人按时提交材料。")
    assert runs == [Run(Op.SAME, "申请人"), Run(Op.ADDED, "按时"), Run(Op.SAME, "提交材料。")]


def test_edits_one_short_word_apart_read_as_one_rewritten_phrase():
    runs = diff_runs("每月补贴500元，按季度发放。", "每季度补贴1,500元，按季度发放。")
    assert marked(runs) == [Run(Op.REMOVED, "每月补贴500"), Run(Op.ADDED, "每季度补贴1,500")]


def test_a_longer_unchanged_word_between_edits_keeps_them_apart():
    runs = diff_runs("每月公积金500元", "每季度公积金600元")
    assert Run(Op.SAME, "公积金") in runs
    assert marked(runs) == [Run(Op.REMOVED, "每月"), Run(Op.ADDED, "每季度"), Run(Op.REMOVED, "500"),
                            Run(Op.ADDED, "600")]


def test_punctuation_between_two_edits_keeps_them_apart():
    runs = diff_runs("甲，乙", "丙，丁")
    assert Run(Op.SAME, "，") in runs


def test_no_change_is_one_same_run():
    assert diff_runs("一、出台背景", "一、出台背景") == [Run(Op.SAME, "一、出台背景")]


# Policy-like text: Han characters, full-width and ASCII punctuation, digits, Latin letters, line breaks.
_CHARS = st.sampled_from(list("政策解读工作程说明每人年月元补贴提高到进一步加强的了和，。；：、（）《》“”"
                              "0123456789.,%％ａＢabcXYZ \n\t"))
_TEXT = st.text(_CHARS, max_size=60) | st.text(max_size=40)


@given(_TEXT, _TEXT)
def test_each_side_rebuilds_its_text_exactly(old: str, new: str):
    runs = diff_runs(old, new)
    assert "".join(r.text for r in old_side(runs)) == old
    assert "".join(r.text for r in new_side(runs)) == new
    assert "".join(tokens(old)) == old


def test_a_word_changed_inside_a_compound_marks_that_word_not_the_compound():
    # jieba keeps 工程建设 whole; only 工作 → 工程 changed, 建设 did not.
    runs = diff_runs("推进工作建设落实。", "推进工程建设落实。")
    assert marked(runs) == [Run(Op.REMOVED, "工作"), Run(Op.ADDED, "工程")]
    assert new_side(runs) == [Run(Op.SAME, "推进"), Run(Op.ADDED, "工程"), Run(Op.SAME, "建设落实。")]
    assert diff_runs("加强工程建设管理", "加强工作建设管理")[1:3] == [Run(Op.REMOVED, "工程"), Run(Op.ADDED, "工作")]


def test_a_shared_part_of_a_compound_stays_unmarked_at_either_end():
    # 中华人民共和国 is one word; its parts meet at 中华|人民|共和国, never inside 华人.
    runs = diff_runs("中华人民共和国成立", "中华人民政府成立")
    assert marked(runs) == [Run(Op.REMOVED, "共和国"), Run(Op.ADDED, "政府")]
    assert old_side(runs)[0] == Run(Op.SAME, "中华人民")


def test_a_shared_character_that_is_no_word_boundary_keeps_the_word_whole():
    assert marked(diff_runs("现就有关情况解读如下", "现就有关情况解释如下")) == [
        Run(Op.REMOVED, "解读"), Run(Op.ADDED, "解释")]
    assert marked(diff_runs("补助1,500元", "补助2,500元")) == [Run(Op.REMOVED, "1,500"), Run(Op.ADDED, "2,500")]
