"""Every action of the window in one place, with its shortcut; menus and toolbars are built from it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studio.domain import workflow_actions as workflow

REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")  # both habits: WPS/Office use Ctrl+Y, most editors Ctrl+Shift+Z


@dataclass(frozen=True)
class Spec:
    key: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    tip: str


SPECS = (
    Spec("new", "新建文件包…", QKeySequence.StandardKey.New, "在当前文件库中新建文件包"),
    Spec("new_from_file", "从文件新建…", "Ctrl+Shift+O",
         "从政策文件（Word、WPS、PDF、OFD 等）新建文件包，并识别标题、文号等元数据；也可把文件拖到文件库列表上"),
    Spec("open_library", "打开文件库…", QKeySequence.StandardKey.Open, "打开另一个文件库文件夹"),
    Spec("library", "返回文件库", "Ctrl+L", "回到文件库列表"),
    Spec("save", "保存", QKeySequence.StandardKey.Save, "保存对文件包的修改（记入审计记录）"),
    Spec("undo", "撤销", QKeySequence.StandardKey.Undo, "撤销上一步修改"),
    Spec("redo", "重做", QKeySequence.StandardKey.Redo, "重做撤销的修改"),
    Spec("find", "查找…", QKeySequence.StandardKey.Find, "在当前材料或全部材料中查找"),
    Spec("replace", "替换…", "Ctrl+H", "在当前材料或全部材料中查找并替换"),
    Spec("import", "导入材料…", "Ctrl+I", "从 .md 或 .txt 文件导入当前材料"),
    Spec("export", "导出网站发布包…", "Ctrl+E", "将已发布的文件包或整个文件库导出为可直接发布的网站文件夹"),
    Spec("recheck", "重新检查", "F5", "按当前内容重新运行发布前检查"),
    Spec("comment", "段落意见…", "Ctrl+Shift+M", "对光标所在段落提出审核意见，起草人在“发布前检查”中看到，处理后标记"),
    Spec("changes", "修改对比…", "Ctrl+Shift+D", "查看各材料自上次提交或上次审核以来的修改"),
    Spec(workflow.SUBMIT, "提交审核", "Ctrl+Shift+U", "将文件包提交审核"),
    Spec(workflow.REVIEW, "审核通过", "Ctrl+Shift+R", "初审（保密性、规范性）或复审（导向性、准确性）通过"),
    Spec(workflow.SIGN, "审签", "Ctrl+Shift+G", "审签文件包内全部材料的当前版本"),
    Spec(workflow.RELEASE, "发布", "Ctrl+Shift+P", "复核全部规则后同步发布全部材料"),
    Spec(workflow.RETURN, "退回修改…", "Ctrl+Shift+B", "退回起草处室修改（须填写意见）"),
    Spec(workflow.AMEND, "修订（新版本）", "Ctrl+Shift+N", "对已发布的文件包建立新版本"),
    Spec("settings", "文件库设置…", "Ctrl+,", "规则方案、各项规则的处理方式和参数、节假日日历、导出网站信息"),
    # Not Ctrl+Shift+L: that is Word's (and the format bar's) bullet list, and the clash left both dead in the text.
    Spec("user", "切换成员…", "Ctrl+Shift+K", "以另一位成员的身份登录（姓名和口令），不必重新打开文件包"),
    Spec("roster", "成员名单…", None, "查看成员和角色；管理员可添加、移除成员和登记新公钥"),
    Spec("quit", "退出", QKeySequence.StandardKey.Quit, "退出政策解读工作室"),
)
WORKFLOW_KEYS = (workflow.SUBMIT, workflow.REVIEW, workflow.SIGN, workflow.RELEASE, workflow.RETURN, workflow.AMEND)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        # PortableText: through Qt's Chinese catalogue NativeText turns F5 into "" (its "F%1" entry is empty).
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        action.setToolTip(f"{spec.tip}（{shortcut}）" if shortcut else spec.tip)
        action.setStatusTip(spec.tip)
        actions[spec.key] = action
    redo = actions["redo"]
    keys = [redo.shortcut()] + [QKeySequence(k) for k in REDO_KEYS]
    redo.setShortcuts(list(dict.fromkeys(k for k in keys if not k.isEmpty())))
    return actions
