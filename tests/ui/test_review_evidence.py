"""A reviewer sees what changed since the last submission or review; the 审签 dialog lists what is signed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.domain.text_count import word_count
from studio.service.review_changes import piece_texts
from studio.service.sign_summary import what_is_signed
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import activate, commit_text, into_interpretation, open_row, open_tab, type_into, when_dialog

ESTATES = "老旧小区"


def _submitted_interpretation(qtbot, open_window):
    """The drafter's window on a package kept as submitted, the cursor at the start of the interpretation."""
    window = open_window(DRAFTER)
    text = into_interpretation(qtbot, window, ESTATES)
    qtbot.keyClick(text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    return window, text


def test_changes_since_the_last_review_side_by_side_and_inline(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, ESTATES)
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    type_into(qtbot, text, "\n新增的一句说明。")
    seen = {}

    def look(dialog) -> None:
        seen["submit"] = dialog.text.toPlainText()
        activate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # 对比(&B)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # 上次审核通过时
        seen["pieces"] = [dialog.pieces.item(i).text() for i in range(dialog.pieces.count())]
        seen["side"] = dialog.text.toHtml()
        seen["side_text"] = dialog.text.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # 显示(&V)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # 行内标记
        seen["inline"] = dialog.text.toHtml()
        seen["since"] = dialog.since.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog(qtbot, look)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "since" in seen)
    assert "新增的一句说明。" in seen["submit"]  # the demo package was submitted: its texts then were kept
    assert any(p.startswith("政策解读：改动") for p in seen["pieces"])
    assert any(p == "政策文件：无改动" for p in seen["pieces"])
    # Side by side: the old side says the paragraph is new, the new side shows it underlined green.
    assert "上次审核通过时" in seen["side_text"] and "现在" in seen["side_text"]
    assert "（新增段落）" in seen["side_text"] and "新增的一句说明。" in seen["side_text"]
    assert "#1b6e3a" in seen["side"] and "<table" in seen["side"]
    assert "第1–" in seen["side_text"] and "未改动" in seen["side_text"]  # the unchanged start folds into one line
    # Inline: the same words, marked in the running text, no table.
    assert "新增的一句说明。" in seen["inline"] and "#1b6e3a" in seen["inline"]
    assert "<table" not in seen["inline"] and "（新增段落）" not in seen["inline"]
    assert "林晓" in seen["since"] and "2026年11月24日" in seen["since"]


def test_an_edited_paragraph_pairs_with_its_old_words_side_by_side(qtbot, open_window):
    window, text = _submitted_interpretation(qtbot, open_window)
    qtbot.keyClick(text, Qt.Key.Key_End)  # the end of the first paragraph
    commit_text(text, "（修订）")
    first = text.toPlainText().split("\n")[0]
    seen = {}

    def look(dialog) -> None:
        seen["html"] = dialog.text.toHtml()
        seen["text"] = dialog.text.toPlainText()
        dialog.reject()

    when_dialog(qtbot, look)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "html" in seen)
    old_first = first.removesuffix("（修订）")
    assert seen["text"].count(old_first) == 2  # the old paragraph on the left, the new on the right
    assert "第1段" in seen["text"] and "（新增段落）" not in seen["text"]
    assert "（修订）" in seen["text"] and "#1b6e3a" in seen["html"]


def marked_words(browser) -> tuple[list[str], list[str]]:
    """The words shown struck through (removed) and underlined (added), as the reviewer sees them."""
    struck: list[str] = []
    underlined: list[str] = []
    block = browser.document().begin()
    while block.isValid():
        it, last = block.begin(), None
        while not it.atEnd():
            fragment = it.fragment()
            look = fragment.charFormat()
            kind = struck if look.fontStrikeOut() else underlined if look.fontUnderline() else None
            if kind is not None and kind is last:  # one marked word split by an anchor is still one word
                kind[-1] += fragment.text()
            elif kind is not None:
                kind.append(fragment.text())
            last = kind
            it += 1
        block = block.next()
    return struck, underlined


def test_a_character_changed_inside_a_word_shows_the_whole_word_changed(qtbot, open_window):
    window, text = _submitted_interpretation(qtbot, open_window)
    for _ in range(text.toPlainText().index("解读如下") + 1):
        qtbot.keyClick(text, Qt.Key.Key_Right)
    qtbot.keyClick(text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # selects 读
    commit_text(text, "释")  # 解读如下 now reads 解释如下
    assert "现就有关情况解释如下。" in text.toPlainText()
    seen = {}

    def look(dialog) -> None:
        seen["side"] = marked_words(dialog.text)
        activate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # 显示(&V)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # 行内标记
        seen["inline"] = marked_words(dialog.text)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog(qtbot, look)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "inline" in seen)
    # The word 解读 is struck through and 解释 underlined, not the one character 读 → 释.
    assert seen["side"] == (["解读"], ["解释"])
    assert seen["inline"] == (["解读"], ["解释"])


def test_the_sign_dialog_lists_each_piece_with_length_and_fingerprint(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, ESTATES)
    editor = window.controller.editor
    lines = what_is_signed(editor.folder, editor.saved)
    hashes = editor.saved.part_hashes()
    interpretation = next(line for line in lines if line.startswith("政策解读："))
    assert hashes["interpretation"][:12] in interpretation
    # The length is 字数 as Word counts it (the title line included), not Markdown marks and spaces.
    assert f"：{word_count(piece_texts(editor.saved)['interpretation']):,}字" in interpretation
    assert any(line.startswith("图片等媒体文件") for line in lines)
    from studio.ui.dialogs import CommentDialog

    dialog = CommentDialog("审签", "意见或说明（可不填）：", False, window, covers=lines)
    qtbot.addWidget(dialog)
    assert "本次审签以下内容" in dialog.covers.text() and hashes["policy"][:12] in dialog.covers.text()


def _nth_paragraph_block(text, n: int) -> int:
    """The block number of the n-th non-empty line, as the margin counts paragraphs."""
    lines = text.toPlainText().split("\n")
    return [i for i, line in enumerate(lines) if line.strip()][n - 1]


def test_the_diff_names_an_edited_paragraph_as_the_margin_numbers_it(qtbot, open_window):
    window, text = _submitted_interpretation(qtbot, open_window)
    target = _nth_paragraph_block(text, 3)
    for _ in range(200):  # down by lines as the user does; long paragraphs wrap over several
        if text.textCursor().blockNumber() == target:
            break
        qtbot.keyClick(text, Qt.Key.Key_Down)
    qtbot.keyClick(text, Qt.Key.Key_End)
    commit_text(text, "（修订）")
    assert text.paragraph_number(text.textCursor().blockNumber()) == 3  # the margin shows 3 at this line
    assert window.controller.package.pieces.interpretation.title.strip()  # the piece has a title
    seen = {}

    def look(dialog) -> None:
        seen["html"] = dialog.text.toHtml()
        seen["rows"] = _table_rows(dialog.text)
        dialog.reject()

    when_dialog(qtbot, look)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "html" in seen)
    edited = next(row for row in seen["rows"] if "（修订）" in row[3])
    assert edited[0] == "第3段" and edited[2] == "第3段"
    # Under the heading row: the folded title and 第1段, 第2段 for context, then the edited paragraph.
    assert [r[0] for r in seen["rows"][2:5]] == ["第2段", "第3段", "第4段"]
    assert "……标题、第1段未改动……" in seen["rows"][1][0]  # the title is named apart, not counted as 第1段


def _table_rows(browser) -> list[list[str]]:
    """The side-by-side table as the reviewer reads it: each row's cells, in order."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(browser.document())
    table = None
    while table is None and not cursor.atEnd():
        table = cursor.currentTable()
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    assert table is not None
    rows = []
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            first, last = cell.firstCursorPosition(), cell.lastCursorPosition()
            first.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
            cells.append(first.selectedText())
        rows.append(cells)
    return rows


def _dialog_seen(qtbot, window, act) -> dict:
    seen: dict = {}

    def look(dialog) -> None:
        seen["bases"] = [dialog.baseline.itemText(i) for i in range(dialog.baseline.count())]
        seen["chosen"] = dialog.baseline.currentText()
        seen["missing"] = dialog.missing.text() if dialog.missing.isVisible() else ""
        activate(qtbot, dialog)
        act(dialog, seen)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["done"] = True

    when_dialog(qtbot, look)
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "done" in seen)
    return seen


def test_a_reviewer_chooses_since_the_last_release_by_keyboard(qtbot, open_window, library):
    from studio.service import members, operations
    from studio.service.demo_roster import DEMO_PASSPHRASE
    from tests.ui.conftest import REVIEWER1
    from tests.ui.helpers import package_with

    # The released graduates package, amended by its drafter: 毕业 → 结业 in the interpretation.
    folder = package_with(library, "高校毕业生就业创业若干措施")
    drafter = members.sign_in(library, DRAFTER[0], DEMO_PASSPHRASE)
    operations.transition(folder, drafter, "amend")
    from studio.domain import edits

    operations.edit(folder, drafter, lambda p: edits.set_text_piece(
        p, "interpretation", p.pieces.interpretation.body.replace("高校毕业生", "高校应届毕业生", 1)))
    window = open_window(REVIEWER1)
    open_row(qtbot, window, "高校毕业生")

    def choose_release(dialog, seen) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # 对比(&B)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_End)  # the last: 自上次发布以来
        seen["since"] = dialog.since.text()
        seen["pieces"] = [dialog.pieces.item(i).text() for i in range(dialog.pieces.count())]
        seen["text"] = dialog.text.toPlainText()

    seen = _dialog_seen(qtbot, window, choose_release)
    assert seen["bases"] == ["自我上次审核以来", "自上次提交审核以来", "自上次审核通过以来", "自上次发布以来"]
    assert seen["chosen"] == "自我上次审核以来" and seen["missing"] == ""  # the first that shows a change
    assert seen["since"].startswith("上次发布时（第1版，") and seen["since"].endswith("刘洋")
    assert "政策解读：改动2字" in seen["pieces"] and "政策文件：无改动" in seen["pieces"]
    assert "上次发布时（第1版，" in seen["text"] and "应届" in seen["text"]


def test_bases_that_do_not_exist_are_named_not_offered(qtbot, open_window):
    from tests.ui.conftest import REVIEWER2

    window = open_window(REVIEWER2)  # 复审 opens the package 初审 passed unchanged
    open_row(qtbot, window, ESTATES)

    def choose_review(dialog, seen) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
        seen["since"] = dialog.since.text()
        seen["text"] = dialog.text.toPlainText()

    seen = _dialog_seen(qtbot, window, choose_review)
    assert seen["bases"] == ["自上次提交审核以来（无改动）", "自上次审核通过以来（无改动）"]
    assert seen["missing"] == "未列出的对比：您尚未审核过本文件包；本文件包尚未发布过。"
    assert seen["since"].startswith("上次审核通过时（") and seen["since"].endswith("林晓")
    assert seen["text"] == "这部分没有改动。"
