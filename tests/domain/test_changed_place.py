"""Undo and redo take the user to the place one step changed."""

from __future__ import annotations

from studio.domain import edits
from studio.domain.changed_place import ChangedPlace, change_end, changed_place
from studio.domain.pieces import FaqItem
from tests import factories as f


def test_typing_undone_at_the_end_of_a_body_lands_where_the_words_were():
    before = f.draft()
    body = before.pieces.interpretation.body
    after = edits.set_text_piece(before, "interpretation", body + "新增一句。").package
    assert changed_place(before, after) == ChangedPlace("interpretation", "body", len(body) + len("新增一句。"))
    assert changed_place(after, before) == ChangedPlace("interpretation", "body", len(body))  # undo


def test_a_change_in_the_middle_ends_just_after_the_new_words():
    assert change_end("推进工作建设", "推进工程建设") == 4
    assert change_end("甲乙丙", "甲乙乙丙") == 3
    assert change_end("abc", "abc") == 3


def test_titles_faq_items_and_metadata_are_named():
    before = f.draft()
    titled = edits.set_text_piece(before, "consultation", before.pieces.consultation.body, "新的标题").package
    assert changed_place(before, titled) == ChangedPlace("consultation", "title")
    items = list(before.pieces.faq.items)
    items[-1] = FaqItem(items[-1].question, items[-1].answer + "补充。")
    assert changed_place(before, edits.set_faq(before, items).package) == ChangedPlace("faq", f"items[{len(items) - 1}]")
    dated = edits.set_metadata(before, {"doc_number": "明政发〔2026〕9号"}).package
    assert changed_place(before, dated) == ChangedPlace("metadata", "doc_number")
    assert changed_place(before, before) is None
