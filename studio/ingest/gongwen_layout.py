"""What a line of a 公文 is, by its form (GB/T 9704-2012): 发文字号, 成文日期, 发文机关,
a line of the title, the 主送机关 line, a labelled field of a web page."""

from __future__ import annotations

import re
import unicodedata

from studio.domain.dates import gbt_date, parse_date

# 文种 and the kinds of documents they issue, as titles end.
DOC_TYPES = ("通知", "通报", "意见", "决定", "命令", "令", "公告", "通告", "议案", "请示", "批复", "报告", "函",
             "纪要", "决议", "公报", "办法", "规定", "细则", "规则", "方案", "规划", "计划", "纲要", "措施",
             "条例", "准则", "指引", "指南", "要点", "答复", "复函", "章程", "标准", "清单", "制度", "守则",
             "解读", "问答", "说明", "大纲", "名单", "目录", "职位表", "一览表", "汇总表", "通知书", "决定书",
             "意见书", "建议书", "任务书", "告知书", "公示", "倡议书", "白皮书", "协议", "备忘录", "导则", "规范", "规程")
_TITLE_END = re.compile(r"(?:" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")"
                        r"(?:[（(][^（）()]{1,12}[）)])?$")
ORGAN_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|管委会|党委|党组|领导小组|指挥部|总局|总署|部|局|厅|委|院|署|会|"
    r"中心|海关|分行|支行|办|处|司|所|监督站|管理站|工作站|服务站|监测站|检测站|队|馆|社|银行|集团|公司)$")
DOC_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fffXx×]{1,20}\s*[〔\[【(（［„{｛]?\s*[0-9Xx×]*\s*[〕\]】)）］‟}｝]?\s*第?\s*[0-9Xx×]+\s*[号號]$")
# A 公告's own number under its head: "2023年第1号", "〔2020〕第3号".
ANNOUNCEMENT_NUMBER = re.compile(r"^(?:\d{4}年|[〔\[［]\s*[\dXx]{4}\s*[〕\]］])\s*第\s*[\dXx]+\s*号$")
ORDER_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,30}令\s*第\s*[0-9一二三四五六七八九十百〇零]+\s*号$")
_DATE = (r"(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
         r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_DATE_LINE = re.compile(rf"^\s*{_DATE}\s*$")
_DATE_IN_TEXT = re.compile(rf"{_DATE}|\d{{4}}-\d{{1,2}}-\d{{1,2}}")
_SECTION_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、)）]|"
                            r"第[一二三四五六七八九十百\d]+[章节条部分]|附件)")
_SIGNER = re.compile(r"签\s*发\s*人")
# "label：value" lines of web pages, forms and law-database exports ("法规类别:", "发文字号 :").
LABELLED_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[：:]\s*\S")
_SECRECY_OR_URGENCY = re.compile(r"^(?:绝密|机密|秘密|特急|加急|平急|特提)|★|^\d{6}$")
# "——2025年1月15日在…会议上", "----…": a dateline or subtitle under a title, never part of it.
_DATELINE = re.compile(r"^[—\-－─]{2,}")
_LEAD_IN = re.compile(r"^(?:为了?|根据|按照|依据|经)|如下$|现将|现就|通知$")
_BULLET = re.compile(r"^[•·●◆■▪\-*]\s*")
_SPACE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """Full-width digits and letters to half-width; bullets and runs of spaces dropped."""
    line = "".join(unicodedata.normalize("NFKC", c) if c in "０１２３４５６７８９ＡＢＣＸｘ" else c for c in line)
    return _BULLET.sub("", line.strip()).strip()


def compact(line: str) -> str:
    return _SPACE.sub("", line)


def is_doc_number(line: str) -> bool:
    """A line that is a 发文字号 (well formed or not: the lint says what is wrong)."""
    s = compact(_SIGNER.split(line)[0])
    if not s:
        return False
    if ORDER_NUMBER_LINE.match(s) or ANNOUNCEMENT_NUMBER.match(s):
        return True
    if not DOC_NUMBER_LINE.match(s):
        return False
    return bool(re.search(r"[〔\[【(（［„{｛〕\]】)）］‟}｝]|\d{4}|[Xx×]", s))


def doc_number_of(line: str) -> str:
    return compact(_SIGNER.split(line)[0])


def is_date_line(line: str) -> bool:
    # Spaces inside a number ("2021年1月1 9 日") are typing slips, not separators.
    return bool(_DATE_LINE.match(compact(line)))


def joined_dates(lines: list[str]) -> list[str]:
    """A date a narrow 落款 block broke over two lines ("2015年12" / "月3日", "二〇" / "一一年九月六日")
    read as one line."""
    out: list[str] = []
    for line in lines:
        if out and len(compact(out[-1])) <= 10 and len(compact(line)) <= 10 and not is_date_line(out[-1]) \
                and not is_date_line(line) and is_date_line(out[-1] + line):
            out[-1] = compact(out[-1] + line)
        else:
            out.append(line)
    return out


def date_in(text: str) -> str:
    """The first date written in `text` ("2024年04月06日 16:40" -> "2024年04月06日")."""
    m = _DATE_IN_TEXT.search(compact(text))
    return m.group(0) if m else ""


def gbt_form(written: str) -> str:
    """A date as GB/T 9704 writes it (2024年3月4日); unchanged when it is not a real date."""
    d = parse_date(compact(written))
    return gbt_date(d) if d else compact(written)


def is_organ(line: str) -> bool:
    """A signature-like line: an organ name (or several, space-separated), nothing else."""
    s = line.strip()
    if not s or len(compact(s)) > 40 or re.search(r"[，。；：:,;！？?!《》“”\d]", s):
        return False
    return all(ORGAN_SUFFIX.search(part) for part in re.split(r"[\s、]+", s) if part)


def ends_like_title(text: str) -> bool:
    return bool(_TITLE_END.search(compact(text)))


def could_be_title_line(line: str) -> bool:
    s = compact(line)
    if not s or len(s) > 60 or s[-1] in "。；;：:，,、":
        return False
    if len(s) <= 6 and s[-1].isdigit():
        return False  # a label such as 附件1 or 大纲1
    if STANDARD_HEAD.match(s) or _DATELINE.match(s) or _COVER_DATE.match(s) or publisher_of(s):
        return False
    if _SECTION_START.match(s) or _SIGNER.search(s) or _SECRECY_OR_URGENCY.search(s):
        return False
    if is_doc_number(s) or is_date_line(s) or not re.search(r"[\u4e00-\u9fff]", s) or LABELLED_LINE.match(s):
        return False
    # "…文件" is the 发文机关标志 only when an organ's name precedes it ("…行政规范性文件" is a title line)
    return not version_head_organ(s)


def is_body_start(line: str) -> bool:
    """The first paragraph of running text ends the 版头 and title area."""
    s = line.strip()
    return s.endswith(("。", "；", ";")) or (len(s) > 80 and "，" in s)


# The cover head of a standard ("中华人民共和国能源行业标准"), its number ("NB/T 20442.12—2017") and
# the draft stage: none of them is the title.
STANDARD_HEAD = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{0,12}(?:国家|行业|地方|团体|企业)标准$|"
                           r"^(?:GB|DB|NB|JB|HG|DL|YY|JT|T/)[A-Z/]*\s*[\dXx.]+")


# A standard's cover: "20XX-XX-XX发布", "国家能源局 发布".
_COVER_DATE = re.compile(r"^[\dXx]{4}-[\dXx]{1,2}-[\dXx]{1,2}(?:发布|实施)$")
_PUBLISHER = re.compile(r"^(.{2,40}?)发布$")


def publisher_of(line: str) -> str:
    """The organ a cover line names as publisher ("国家能源局 发布" -> 国家能源局), else ""."""
    m = _PUBLISHER.match(line.strip())
    name = m.group(1).strip() if m else ""
    return " ".join(name.split()) if name and is_organ(name) else ""


def version_head_organ(line: str) -> str:
    """发文机关标志 such as "明湖市人民政府文件" -> "明湖市人民政府" ("" for other lines)."""
    s = compact(line)
    if s.endswith("文件") and len(s) <= 40:
        name = s[:-2]
        if ORGAN_SUFFIX.search(name):
            return name
    return ""


def is_addressee_line(line: str) -> bool:
    """主送机关: organ names ending with a colon, nothing after it."""
    s = line.strip()
    if not s.endswith(("：", ":")) or "。" in s or len(s) > 300 or s.startswith("附件"):
        return False
    head = compact(s.rstrip("：:"))
    if len(head) < 4 or re.search(r"[：:\d]", head):
        return False  # a web page's field label (来源:, 浏览量:1次) is not an addressee
    if _LEAD_IN.search(head):
        return False  # "为…，现将有关要求通知如下：" leads into the text; it addresses no one
    return bool(re.search(r"[、，,]", head) or ORGAN_SUFFIX.search(re.sub(r"[（(][^）)]*[）)]$", "", head)))
