"""Old and new paragraphs side by side: unchanged ones paired, edited ones paired with their
counterpart, added and removed ones standing alone."""

from __future__ import annotations

from studio.domain.paragraph_alignment import side_by_side
from studio.domain.text_diff import Op, Run

OLD = "一、出台背景\n为了保障住房，每人每月500元。\n旧的一段将被删除。\n三、附则"
NEW = "一、出台背景\n新插入的一段说明文字。\n为了保障住房，每人每月600元。\n三、附则\n四、施行日期"


def test_paragraphs_pair_across_an_insertion_and_a_removal():
    rows = side_by_side(OLD, NEW)
    assert [(r.old_no, r.new_no) for r in rows] == [(1, 1), (None, 2), (2, 3), (3, None), (4, 4), (None, 5)]
    assert [r.changed for r in rows] == [False, True, True, True, False, True]


def test_an_edited_paragraph_marks_its_changed_words_on_each_side():
    edited = side_by_side(OLD, NEW)[2]
    assert Run(Op.REMOVED, "500") in edited.old and Run(Op.ADDED, "600") in edited.new
    assert all(r.op is not Op.ADDED for r in edited.old) and all(r.op is not Op.REMOVED for r in edited.new)


def test_unlike_paragraphs_are_a_removal_and_an_addition_not_one_edit():
    rows = side_by_side("申请条件如下。", "咨询电话：12345。")
    assert [(r.old_no, r.new_no) for r in rows] == [(1, None), (None, 1)]


def test_paragraph_numbers_skip_blank_lines_as_the_editor_margin_does():
    rows = side_by_side("第一段\n\n第二段", "第一段\n\n第二段改")
    assert [(r.old_no, r.new_no) for r in rows] == [(1, 1), (2, 2)]


def test_a_piece_that_was_empty_shows_every_paragraph_as_added():
    rows = side_by_side("", "甲\n乙")
    assert [(r.old_no, r.new_no, r.new[0].op) for r in rows] == [(None, 1, Op.ADDED), (None, 2, Op.ADDED)]
