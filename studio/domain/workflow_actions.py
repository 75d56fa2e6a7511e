"""The names of the workflow actions, light enough for menus and start-up."""

from __future__ import annotations

SUBMIT, REVIEW, SIGN, RELEASE, RETURN, AMEND = "submit", "review", "sign", "release", "return", "amend"
ACTION_LABELS = {
    SUBMIT: "提交审核",
    REVIEW: "审核通过",
    SIGN: "审签",
    RELEASE: "发布",
    RETURN: "退回修改",
    AMEND: "修订（建立新版本）",
}
