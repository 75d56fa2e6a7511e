"""Editor placeholders and template blanks left in what is about to be published.

The FAQ editor starts a new row as 新问题？/请填写回答。; templates carry X办发〔X〕11X号,
×××, 《……》. None of these may reach the website. A real instruction (申请人请填写《申请表》)
is prose and is not taken for one: in running text only a whole paragraph that is an
editor's prompt counts, or a blank that no real sentence contains.
"""

from __future__ import annotations

import re

# What the FAQ editor puts in a new row (studio.ui.faq_editor).
NEW_FAQ_QUESTION = "新问题？"
NEW_FAQ_ANSWER = "请填写回答。"

# Paragraphs that are nothing but a prompt to the editor.
_PROMPT = re.compile(r"^(?:请(?:在此)?(?:填写|输入|补充)|在此(?:输入|填写)|此处(?:填写|输入)|待(?:填写|补充|定)|新问题)"
                     r"[^。！？]{0,20}[。？?！!…]*$")
# Blanks no published sentence holds: ×××, XX, 《……》, 〔X〕, X年X月X日, 【待定】, [此处输入文件标题].
_BLANK = re.compile(r"[×Ｘ]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|《\s*[…．.。·]+\s*》|〔\s*[XxＸ×]\s*〕"
                    r"|[XＸ×]年[XＸ×]{0,2}月|[（(【\[]\s*(?:待定|待填|待补充|此处填写)\s*[）)】\]]"
                    r"|[（(【\[]\s*(?:此处|在此|请)(?:输入|填写)[^）)】\]]{0,20}[）)】\]]")
# In a metadata value a single X beside a Han character or a bracket is a blank too: X办发.
_FIELD_BLANK = re.compile(r"(?<![A-Za-z])[XＸ×](?=[\u4e00-\u9fff〔〕\d])|(?<=[\u4e00-\u9fff〔〕\d])[XＸ×](?![A-Za-z])")


# Anything that could start a prompt or a blank: texts without it are passed over unread.
_SCREEN = re.compile(r"请(?:在此)?(?:填写|输入|补充)|在此|此处|待(?:填|补充|定)|新问题|[×ＸXx]|《\s*[…．.。·]")


def may_hold_placeholder(text: str) -> bool:
    return _SCREEN.search(text) is not None


def prompt_paragraph(text: str) -> bool:
    return bool(_PROMPT.match(text.strip()))


def blank_in(text: str) -> str:
    """The first template blank in running text ("" when none)."""
    m = _BLANK.search(text)
    return m.group(0) if m else ""


def field_placeholder(value: str) -> str:
    """The placeholder a metadata value holds ("" when none)."""
    value = value.strip()
    if not value:
        return ""
    if prompt_paragraph(value):
        return value
    m = _BLANK.search(value) or _FIELD_BLANK.search(value)
    return value if m else ""
