"""发文字号 in GB/T 9704-2012 form: 机关代字〔年份〕序号号, e.g. 国办发〔2017〕47号.

规章 are numbered as orders (…政府令第12号), where 第 belongs to the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VALID = re.compile(r"^[\u4e00-\u9fff]+〔(\d{4})〕([1-9]\d*)号$")
VALID_ORDER = re.compile(r"^[\u4e00-\u9fff]+令第([1-9]\d*)号$")
_WRONG_BRACKETS = "[]【】()（）［］„‟〈〉<>{}｛｝“”\"'"
_PLACEHOLDER = re.compile(r"[XxＸｘ×＊*]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class DocNumberProblem:
    problems: tuple[str, ...]
    suggestion: str = ""


def _suggest(text: str) -> str:
    """Best-effort corrected form, or "" when the parts cannot be told apart."""
    t = text.translate(_FULLWIDTH_DIGITS).replace("號", "号").replace(" ", "")
    m = re.match(r"^([\u4e00-\u9fff]+?)[^\u4e00-\u9fff\d]?((?:19|20)\d{2})[^\u4e00-\u9fff\d]{0,2}第?0*([1-9]\d*)\s*号?$", t)
    if not m:
        return ""
    prefix, year, seq = m.groups()
    if prefix.endswith("令"):
        return ""
    return f"{prefix}〔{year}〕{seq}号"


def lint_doc_number(text: str, max_year: int | None = None) -> DocNumberProblem | None:
    """None when the 发文字号 is well formed, else what is wrong with it."""
    s = text.strip()
    if not s:
        return None
    if VALID_ORDER.match(s):
        return None
    m = VALID.match(s)
    if m:
        year = int(m.group(1))
        if year < 1949 or (max_year is not None and year > max_year):
            return DocNumberProblem((f"年份“{year}”不合理",))
        return None

    problems: list[str] = []
    if _PLACEHOLDER.search(s):
        problems.append("含有模板占位符“X”，请填写实际的年份和序号")
    elif re.search(r"〔\s*〕", s):
        problems.append("六角括号内缺少年份")
    wrong = sorted({c for c in s if c in _WRONG_BRACKETS})
    if wrong:
        problems.append(f"年份应使用六角括号〔〕，不能使用“{''.join(wrong)}”")
    if s.count("〔") != s.count("〕"):
        problems.append("六角括号〔〕不成对")
    if "〔" not in s and not wrong and re.search(r"(?:19|20)\d{2}", s):
        problems.append("年份缺少六角括号〔〕")
    if re.search(r"[０-９]", s):
        problems.append("数字应使用半角阿拉伯数字")
    if "號" in s:
        problems.append("应使用规范汉字“号”而不是“號”")
    elif not s.endswith("号"):
        problems.append("发文字号应以“号”结尾")
    if re.search(r"第\s*\d", s):
        problems.append("序号前不加“第”（规章令号除外）")
    if re.search(r"(?:〕|\]|】|\)|）)0\d*", s):
        problems.append("序号不编虚位（不加“0”）")
    if re.search(r"\s", s):
        problems.append("发文字号中不应有空格")
    ym = re.search(r"〔(\d+)", s)
    if ym and len(ym.group(1)) != 4 and "六角括号〔〕不成对" not in problems:
        problems.append("年份应写全称（四位数字）")
    if not problems:
        problems.append("不符合“机关代字〔年份〕序号号”的格式")
    return DocNumberProblem(tuple(problems), _suggest(s))
