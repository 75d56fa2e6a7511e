"""Every rule a profile may set, by finding code, with its Chinese name.

The severity written in a rule module is its built-in one; a profile may set another.
Rules that guard what must never reach the public, or the sign-off itself, are fixed:
no profile may weaken them (解读材料未经审签的一律不得对外发布).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleEntry:
    code: str
    name: str
    group: str
    adjustable: bool = True


def _entries(group: str, rows: tuple[tuple[str, str], ...], adjustable: bool = True) -> tuple[RuleEntry, ...]:
    return tuple(RuleEntry(code, name, group, adjustable) for code, name in rows)


RULES: tuple[RuleEntry, ...] = (
    *_entries("审签与发布", (
        ("NOT_SIGNED", "未经审核、审签"),
        ("SIGNOFF_STALE", "审签后内容被修改"),
        ("NOT_FOR_WEBSITE", "非主动公开的文件包不能发布"),
        ("CONFIDENTIAL_MARKING", "公开材料中有密级或内部标注"),
        ("ID_NUMBER_EXPOSED", "公开材料中有身份证号码"),
        ("MOBILE_NUMBER_EXPOSED", "公开材料中有手机号码"),
        ("LOCAL_FILE_LINK", "公开材料中有本机文件链接"),
        ("PLACEHOLDER_LEFT", "编辑器占位文字未替换"),
    ), adjustable=False),
    *_entries("材料齐全（三同步）", (
        ("POLICY_MISSING", "政策文件正文为空"),
        ("INTERPRETATION_MISSING", "缺少政策解读"),
        ("EXPLAINER_MISSING", "缺少政策图解"),
        ("FAQ_MISSING", "没有政策问答"),
        ("FAQ_ITEM_INCOMPLETE", "问答缺少问题或回答"),
        ("OTHER_FORM_INCOMPLETE", "其他解读形式缺少标题"),
        ("OTHER_FORM_TARGET_MISSING", "其他解读形式没有链接或文件"),
        ("EXEMPT_SUGGESTED", "建议免于解读"),
        ("EXEMPT_WITH_INTERPRETATION", "免于解读但附有解读"),
        ("EXEMPT_CATEGORY_MISSING", "免于解读未填类别"),
        ("EXEMPT_REASON_MISSING", "免于解读未填理由"),
    )),
    *_entries("解读人员", (
        ("INTERPRETER_ORG_MISSING", "未填写解读机构"),
        ("INTERPRETER_PERSON_MISSING", "未填写解读人"),
        ("INTERPRETER_PERSON_ROLE_ONLY", "解读人只写职务称谓"),
        ("INTERPRETER_CONTACT_MISSING", "未填写联系方式"),
        ("INTERPRETER_CONTACT_INVALID", "联系方式中没有电话或邮箱"),
    )),
    *_entries("征求意见", (
        ("CONSULTATION_MISSING", "须征求意见而没有公告"),
        ("CONSULTATION_PERIOD_MISSING", "征求意见未注明起止日期"),
        ("CONSULTATION_PERIOD_INVALID", "征求意见起止日期颠倒"),
        ("CONSULTATION_PERIOD_SHORT", "征求意见期限不足"),
        ("CONSULTATION_AFTER_WRITTEN", "征求意见截止不早于成文"),
        ("CONSULTATION_FEEDBACK_MISSING", "须征求意见的文件未公开意见采纳情况"),
        ("CONSULTATION_FEEDBACK_SUGGESTED", "附有征求意见公告，建议公开意见采纳情况"),
        ("AFFECTS_BUSINESS_UNSET", "未注明是否涉企"),
    )),
    *_entries("双关联", (
        ("LINK_FORWARD_MISSING", "政策文件未链接到配套材料"),
        ("LINK_BACK_MISSING", "配套材料未关联政策文件"),
        ("LINK_BACK_MISMATCH", "配套材料关联了别的文件"),
        ("LINK_TARGET_MISSING", "链接指向不存在的材料"),
        ("LINK_BACK_UNCONFIRMED", "外部解读未注明关联文件"),
        ("LINK_NOT_NAMED", "解读正文未提到所解读的文件"),
    )),
    *_entries("元数据与格式", (
        ("TITLE_MISSING", "未填写标题"),
        ("ORGAN_MISSING", "未填写发文机关"),
        ("KIND_MISSING", "未填写文件类型"),
        ("DATE_WRITTEN_MISSING", "未填写成文日期"),
        ("DOC_NUMBER_MISSING", "未填写发文字号"),
        ("INDEX_NUMBER_MISSING", "未填写索引号"),
        ("TOPIC_MISSING", "未填写主题分类"),
        ("DISCLOSURE_MISSING", "未确定公开属性"),
        ("DISCLOSURE_REASON_MISSING", "不公开未说明理由"),
        ("DOC_NUMBER_FORMAT", "发文字号格式不规范"),
        ("DATE_WRITTEN_FORMAT", "成文日期格式不规范"),
        ("DATE_WRITTEN_FUTURE", "成文日期晚于今天"),
        ("DATE_INVALID", "日期无效"),
        ("DATE_ORDER", "发布日期早于成文日期"),
    )),
    *_entries("时限", (
        ("RELEASE_OVERDUE", "超过公开时限尚未发布"),
        ("RELEASE_LATE", "发布晚于公开时限"),
    )),
    *_entries("解读内容", (
        ("INTERPRETATION_ELEMENTS_MISSING", "解读缺少必备要素"),
        ("INTERPRETATION_COPIED", "解读照搬原文"),
        ("NUMBER_MISMATCH", "数字与政策文件不一致"),
        ("NUMBER_NOT_IN_POLICY", "数字在政策文件中没有出现"),
        ("POLICY_TITLE_MISCITED", "文件名称引用有误"),
        ("DOC_NUMBER_CITED_FORMAT", "引用的发文字号格式不规范"),
        ("PUNCTUATION_UNPAIRED", "成对标点不配对"),
        ("NESTED_TITLE_MARKS", "书名号内套书名号"),
        ("HALF_WIDTH_PUNCTUATION", "中文句子中用了半角标点"),
    )),
)

BY_CODE: dict[str, RuleEntry] = {r.code: r for r in RULES}
ADJUSTABLE: frozenset[str] = frozenset(r.code for r in RULES if r.adjustable)


def rule_name(code: str) -> str:
    entry = BY_CODE.get(code)
    return entry.name if entry else code
