"""Real user flows through the widgets: draft, refuse, submit, review, sign, release."""

from __future__ import annotations

from studio.domain.states import State
from studio.store.checkpoints import Checkpoints
from tests.ui.conftest import DRAFTER, PUBLISHER, REVIEWER1, REVIEWER2, SIGNER
from tests.ui.helpers import (
    click_action,
    codes,
    double_click,
    leave_field,
    open_row,
    open_tab,
    press_ok,
    type_into,
    when_dialog,
)

TITLE = "明湖市人民政府办公室关于开展政务公开测试工作的通知"
POLICY = "各区县人民政府，市政府各部门：\n\n为做好测试工作，现将有关事项通知如下。\n\n一、每人补贴500元。\n"
INTERPRETATION = ("## 一、出台背景和依据\n\n为落实有关要求，制定《明湖市人民政府办公室关于开展政务公开测试工作的通知》。\n\n"
                  "## 二、目标任务\n\n做好测试。\n\n## 三、主要内容\n\n每人补贴500元。\n\n## 四、适用范围\n\n全市。\n\n"
                  "## 五、注意事项\n\n按时申报。\n")


def create_package(qtbot, window) -> None:
    def fill(dialog):
        type_into(qtbot, dialog.title, TITLE)
        type_into(qtbot, dialog.organ, "明湖市人民政府办公室")
        type_into(qtbot, dialog.doc_number, "明政办发〔2026〕21号")
        dialog.kind.setCurrentText("其他")
        press_ok(qtbot, dialog)

    when_dialog(qtbot, fill)
    click_action(qtbot, window, "new")
    qtbot.waitUntil(lambda: window.controller is not None)


def fill_metadata(qtbot, window) -> None:
    open_tab(qtbot, window, 5)
    form = window.package_page.metadata
    for key, value in (("date_written", "2026年1月5日"), ("index_number", "11330599MB0000000A/2026-00099"),
                       ("topic", "综合政务"), ("interpreter_org", "明湖市人民政府办公室"),
                       ("interpreter_person", "赵明"), ("interpreter_contact", "0599-87000001")):
        type_into(qtbot, form.fields[key], value)
        leave_field(qtbot, form.fields[key])


def reopen_as(qtbot, open_window, library, user, words=TITLE):
    window = open_window(user, library)
    open_row(qtbot, window, words)
    return window


def test_draft_submit_review_sign_release(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    create_package(qtbot, window)
    qtbot.waitUntil(lambda: "POLICY_MISSING" in codes(window))

    # Typing the policy makes its finding disappear.
    open_tab(qtbot, window, 0)
    type_into(qtbot, window.package_page.policy.text, POLICY)
    qtbot.waitUntil(lambda: "POLICY_MISSING" not in codes(window), timeout=3000)
    fill_metadata(qtbot, window)
    click_action(qtbot, window, "save")
    assert not window.controller.editor.dirty

    # Submitting without an interpretation is refused, and the window says why.
    submit = window.actions["submit"]
    assert not submit.isEnabled()
    assert "缺少政策解读" in submit.toolTip()

    open_tab(qtbot, window, 1)
    type_into(qtbot, window.package_page.interpretation.title_edit, "《测试工作通知》政策解读")
    type_into(qtbot, window.package_page.interpretation.text, INTERPRETATION)
    click_action(qtbot, window, "save")
    qtbot.waitUntil(lambda: "INTERPRETATION_MISSING" not in codes(window), timeout=3000)
    assert submit.isEnabled()
    when_dialog(qtbot, lambda d: press_ok(qtbot, d))
    click_action(qtbot, window, "submit")
    qtbot.waitUntil(lambda: window.controller.package.state is State.SUBMITTED)
    # What the reviewers will compare against is kept at submission.
    assert "一、出台背景和依据" in Checkpoints(window.controller.editor.folder).latest("submit").texts["interpretation"]
    # The drafter may not review their own package.
    assert "起草人" in window.actions["review"].toolTip()
    window.close()

    for user, action, state in ((REVIEWER1, "review", State.REVIEW1), (REVIEWER2, "review", State.REVIEW2),
                                (SIGNER, "sign", State.SIGNED)):
        window = reopen_as(qtbot, open_window, library, user)
        qtbot.waitUntil(lambda window=window: window.controller is not None)
        when_dialog(qtbot, lambda d: press_ok(qtbot, d))
        click_action(qtbot, window, action)
        qtbot.waitUntil(lambda window=window, state=state: window.controller.package.state is state)
        window.close()

    window = reopen_as(qtbot, open_window, library, PUBLISHER)
    qtbot.waitUntil(lambda: window.controller is not None)
    click_action(qtbot, window, "release")  # the confirmation is answered yes
    qtbot.waitUntil(lambda: window.controller.package.state is State.RELEASED)
    assert window.controller.editor.saved.released_at
    assert "已发布" in window.package_page.banner.text()
    assert window.package_page.policy.text.isReadOnly()
    history = window.history
    actions = [history.tree.topLevelItem(i).text(3) for i in range(history.tree.topLevelItemCount())]
    assert actions[-5:] == ["提交审核", "初审通过", "复审通过", "审签", "发布"]
    assert "审计记录完整" in history.status.text()


def test_return_with_comment_shows_it_to_the_drafter(qtbot, open_window, library, messages):
    window = open_window(REVIEWER2)
    open_row(qtbot, window, "老旧小区")

    def refuse_empty_then_comment(dialog):
        press_ok(qtbot, dialog)  # an empty comment is not accepted
        assert "请填写意见" in dialog.error.text()
        type_into(qtbot, dialog.text, "解读仍引用征求意见稿标题，请按正式文件修改。")
        press_ok(qtbot, dialog)

    when_dialog(qtbot, refuse_empty_then_comment)
    click_action(qtbot, window, "return")
    qtbot.waitUntil(lambda: window.controller.package.state is State.RETURNED)
    assert "征求意见稿" in window.package_page.banner.text()


def test_edit_during_review_voids_it(qtbot, open_window, library, messages):
    window = open_window(("何静", "市住房城乡建设局城市更新处"))  # its drafter: editing needs the 起草 role
    open_row(qtbot, window, "老旧小区")
    assert "修改任何内容都会使" in window.package_page.banner.text()
    open_tab(qtbot, window, 0)
    type_into(qtbot, window.package_page.policy.text, "补充。")
    click_action(qtbot, window, "save")
    assert window.controller.package.state is State.DRAFT
    assert any("作废" in text for _, text in messages)


def test_finding_double_click_goes_to_the_field(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "夜间经济")
    qtbot.waitUntil(lambda: bool(window.checklist.items()))
    target = next(i for i in window.checklist.items() if "成文日期" in i.text())
    double_click(qtbot, window.checklist.list, window.checklist.list.visualItemRect(target))
    assert window.package_page.tabs.currentIndex() == 5
    assert window.package_page.metadata.fields["date_written"].hasFocus()

    interpretation = next(i for i in window.checklist.items() if "缺少政策解读" in i.text())
    double_click(qtbot, window.checklist.list, window.checklist.list.visualItemRect(interpretation))
    assert window.package_page.tabs.currentIndex() == 1
