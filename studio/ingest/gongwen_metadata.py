"""The metadata a 公文 states in its own layout (GB/T 9704-2012).

Title (also when broken over several lines), 发文字号, 发文机关 (from the title, the
signature or the 发文机关标志), 成文日期 (Arabic or Chinese numerals), 主送机关, the
attachments listed after 附件：, and the 公开属性 note such as （此件公开发布）. What the
document's layout states comes first; a web page's labelled fields only fill gaps,
because reposting sites often label them wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from studio.ingest.gongwen_fields import FIELD, labelled_fields, valid_field
from studio.ingest.gongwen_layout import (
    ORGAN_SUFFIX,
    compact,
    could_be_title_line,
    doc_number_of,
    ends_like_title,
    gbt_form,
    is_addressee_line,
    is_body_start,
    is_date_line,
    is_doc_number,
    is_organ,
    joined_dates,
    normalise_line,
    publisher_of,
    version_head_organ,
)
from studio.ingest.gongwen_marks import Marks, head_marks, tail_marks
from studio.ingest.gongwen_special import (
    announcement_head,
    delivered_date,
    order_number,
    order_title,
    report_organ,
    square_bracket_note,
)

HEAD_LINES = 30
NO_TITLE_NOTE = "没有找到标题（应为“发文机关＋关于＋事由＋文种”的一行或几行）。请手工填写标题。"
_MAX_TITLE_LINES = 4
_DISCLOSURE_NOTE = re.compile(r"[（(]\s*此件\s*([^）)]{2,12})\s*[）)]")
_DISCLOSURES = (("依申请公开", "依申请公开"), ("不予公开", "不予公开"), ("不公开", "不予公开"),
                ("删减后公开", "主动公开"), ("公开发布", "主动公开"), ("主动公开", "主动公开"), ("公开", "主动公开"))
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]\s*(.*)$")
_ATTACHMENT_ITEM = re.compile(r"^(\d+)\s*[．.、]\s*(.+)$")
_ATTACHMENT_RUN = re.compile(r"\s+(?=\d+\s*[．.、]\s*\S)")
_COMPLETE_TITLE = re.compile(r"的[\u4e00-\u9fff]{1,4}(?:[（(][^（）()]{1,12}[）)])?$")
_ORGAN_SPLIT = re.compile(r"关于|转发|印发|批转")
_TITLE_ORGAN_END = re.compile(r"(?:人民政府|政府|办公厅|办公室|委员会|总局|部|局|厅)$")
_ISSUED = re.compile(r"(?:现将|制定了?|修订了?|起草了?|研究制定了?)《([^《》]{4,80})》.{0,150}?"
                     r"(印发|转发)给你们")
@dataclass(frozen=True)
class ExtractedMetadata:
    # metadata key -> value as the document states it (成文日期 in GB/T 9704 form)
    values: dict[str, str] = field(default_factory=dict)
    # metadata key -> where it was found, in Chinese ("第3段", "第70段（落款）", "网页信息栏")
    found_at: dict[str, str] = field(default_factory=dict)
    addressees: str = ""
    attachments: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # Keys whose value the layout does not settle: offered for checking, never filled in.
    unsure: frozenset[str] = frozenset()
    # Lines of the 版头 (with 发文字号 and title) and of the 版记, as the reader gave them: they leave
    # the text on import because the pages show them from the metadata.
    head_lines: tuple[str, ...] = ()
    tail_lines: tuple[str, ...] = ()


@dataclass
class _Found:
    values: dict[str, str] = field(default_factory=dict)
    found_at: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unsure: set[str] = field(default_factory=set)

    def put(self, key: str, value: str, where: str, sure: bool = True) -> None:
        value = value.strip()
        if value and key in self.unsure and sure:
            del self.values[key]  # what the layout settles beats a guess
            self.unsure.discard(key)
        if value and key not in self.values:
            self.values[key] = value
            self.found_at[key] = where
            if not sure:
                self.unsure.add(key)


def _head(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The 版头 and title area: lines before the first paragraph of running text."""
    head: list[tuple[int, str]] = []
    for n, line in enumerate(lines[:HEAD_LINES]):
        if is_body_start(line):
            break
        head.append((n, line))
    return head


def _titles(head: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Candidate titles: runs of consecutive title-like lines whose joined text ends with a 文种.

    A run is extended as far as it still ends like a title, so a title broken after a word
    that is itself a 文种 ("…记录制度" / "…的指导意见") is read whole."""
    found: list[tuple[int, str]] = []
    for i, (n, line) in enumerate(head):
        if not could_be_title_line(line):
            continue
        joined = ""
        best = ""
        for k in range(i, min(i + _MAX_TITLE_LINES, len(head))):
            if k > i and (not could_be_title_line(head[k][1]) or head[k][0] != head[k - 1][0] + 1):
                break
            if best and re.search(_COMPLETE_TITLE, best):
                break  # "…的通知" is whole: a stray 文种 line below it is template residue
            joined += compact(head[k][1])
            if ends_like_title(joined) and len(joined) >= 6:
                best = joined
        end = i + len(_title_lines([line for _, line in head], i, best)) if best else i
        if best and not (end < len(head) and _PART.match(compact(head[end][1]))):
            found.append((n, best))  # "…指南" / "第6部分：…" is a standard's name, read below
    return found


_DRAFT_STAGE = re.compile(r"^[（(](?:征求意见稿|送审稿|报批稿|草案|试行|讨论稿|修订稿)[）)]$")
_PART = re.compile(r"^第[\d一二三四五六七八九十]+部分")


def _first_title_like(head: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The first prominent line of the head when no line ends with a 文种 (offered for checking),
    with what belongs to it below: a standard's part ("第6部分：…", its draft stage a few lines
    further, past the English title), the rest of a "关于…" title, the draft stage: 《…》（征求意见稿）."""
    for i, (n, line) in enumerate(head):
        s = compact(line)
        if could_be_title_line(line) and len(s) >= 6 and not s[-1].isdigit() and not version_head_organ(s):
            rest = [compact(following) for _, following in head[i + 1:i + 7]]
            part = bool(rest) and bool(_PART.match(rest[0]))
            if part or (s.startswith("关于") and rest and could_be_title_line(rest[0]) and len(s + rest[0]) <= 60):
                s, rest = s + rest[0], rest[1:]
            stage = next((r for r in rest[:5 if part else 1] if _DRAFT_STAGE.match(r)), "")
            return n, s + stage
    return None


def _organ_of_title(title: str) -> tuple[str, bool]:
    """(organ named at the head of the title, whether the title's grammar settles it)."""
    m = _ORGAN_SPLIT.search(title)
    if m and m.start() >= 2:
        prefix = title[:m.start()]
        if ORGAN_SUFFIX.search(prefix) or " " in prefix:
            return prefix, True
    # Rules and measures titled without 关于: 镇巴县人民政府工作规则 -> 镇巴县人民政府
    for end in range(min(len(title) - 2, 30), 1, -1):
        prefix = title[:end]
        if _TITLE_ORGAN_END.search(prefix) and not _ORGAN_SPLIT.search(prefix):
            # only a name, and one the signature or 版头 may still confirm
            named = is_organ(prefix) and len(prefix) >= 4 and not re.search(r"\d", prefix)
            return (prefix, False) if named else ("", False)
    return "", False


def _same_organs(a: str, b: str) -> bool:
    return compact(a) == compact(b)


def _signature(lines: Sequence[str], start: int) -> tuple[int, str, str] | None:
    """(line, organ, date) of the first 落款: organ line(s) directly above a date line."""
    for n in range(max(start, 1), len(lines)):
        if not is_date_line(lines[n]):
            continue
        organs: list[str] = []
        k = n - 1
        while k >= start and is_organ(lines[k]) and len(organs) < 6:
            organs.insert(0, compact(lines[k]) if " " not in lines[k].strip() else " ".join(lines[k].split()))
            k -= 1
        if organs:
            return n, " ".join(organs), compact(lines[n])
    return None


def _lone_date(lines: Sequence[str], start: int) -> tuple[int, str] | None:
    """A date line standing alone after the body, where an organ's seal replaces its name."""
    for n in range(start, len(lines)):
        if is_date_line(lines[n]) and n > start:
            return n, compact(lines[n])
    return None


def _disclosure(lines: Sequence[str], found: _Found) -> None:
    for n, line in enumerate(lines):
        m = _DISCLOSURE_NOTE.search(line)
        if not m:
            continue
        note = compact(m.group(1))
        for word, value in _DISCLOSURES:
            if word in note:
                found.put("disclosure", value, f"第{n + 1}段“{m.group(0)}”")
                if word == "删减后公开":
                    found.notes.append("文件注明“此件删减后公开”：请确认导入的是删减后的文本。")
                return


def _attachments(lines: Sequence[str]) -> tuple[str, ...]:
    for n, line in enumerate(lines):
        m = _ATTACHMENT.match(line.strip())
        if not m:
            continue
        items: list[str] = []
        # Items laid out side by side on the 附件 line itself: "1.工作方案 2.指导目录 3.…"
        for part in _ATTACHMENT_RUN.split(m.group(1).strip()):
            im = _ATTACHMENT_ITEM.match(part)
            if im and int(im.group(1)) == len(items) + 1:
                items.append(im.group(2).strip())
            elif part and not items:
                items.append(part)
            elif part:
                items[-1] += " " + part
        for following in lines[n + 1:n + 30]:
            im = _ATTACHMENT_ITEM.match(following.strip())
            if not im or (items and int(im.group(1)) != len(items) + 1):
                break
            items.append(im.group(2).strip())
        return tuple(i.rstrip("。") for i in items if i)
    return ()


def _issued_title(lines: Sequence[str], start: int, organ: str) -> str:
    """The title of a 印发/转发 notice that states none: 发文机关 + 关于印发《X》的通知."""
    if not organ:
        return ""
    text = "".join(lines[start:start + 6])
    m = _ISSUED.search(text)
    return f"{organ}关于{m.group(2)}《{m.group(1)}》的通知" if m else ""


def _prominent_organ(prominent: Sequence[str]) -> str:
    """The organ a large-type 版头 names, with or without 文件 after it (the 信函 form has none)."""
    for line in prominent:
        text = normalise_line(line)
        organ = version_head_organ(text) or (compact(text) if is_organ(text) else "")
        if organ:
            return organ
    return ""


def extract_metadata(lines: Sequence[str], page_fields: Sequence[str] = (),
                     prominent: Sequence[str] = ()) -> ExtractedMetadata:
    """What the layout states; `prominent` are lines a fixed layout sets in far larger type at the top."""
    lines = [normalise_line(line) for line in lines if line.strip()]
    lines = joined_dates([line for line in lines if line])
    found = _Found()
    head = _head(lines)
    body_start = head[-1][0] + 1 if head else 0

    order = order_number(head)
    if order:
        n, number, order_organ = order
        found.put("doc_number", number, f"第{n + 1}段（令号）")
        found.put("organ", order_organ, f"第{n + 1}段（令号）")
        head = [(k, line) for k, line in head if k not in (n, n + 1)]
        promulgated = order_title(lines[n + 1:])
        if promulgated:
            found.put("title", promulgated, "令的正文（“《…》已经…”）", sure=False)
    titles = _titles(head)
    if titles:
        n, title = max(titles, key=lambda t: len(t[1]))
        if announcement_head(title, [line for k, line in head if k > n]):
            found.put("title", title, f"第{n + 1}段（公告版头；其下另有一行可能是标题）", sure=False)
        else:
            found.put("title", title, f"第{n + 1}段")
    marks = Marks()
    for i, (n, line) in enumerate(head):
        if is_doc_number(line):
            number = doc_number_of(line)
            before = compact(head[i - 1][1]) if i else ""
            # "2023年第1号" says nothing alone: 国家税务总局公告2023年第1号, as the head above names it
            prefixed = number[0].isdigit() and before.endswith("公告") and is_organ(before[:-2])
            number = before + number if prefixed else number
            found.put("doc_number", number, f"第{n + 1}段")
            if found.values["doc_number"] == number:
                marks.head_lines.extend([head[i - 1][1], line] if prefixed else [line])
    addressees = next((line.rstrip("：:").strip() for _, line in head if is_addressee_line(line)
                       and not FIELD.match(compact(line))), "")

    signature = _signature(lines, body_start)
    head_organ = next(((n, o) for n, o in ((n, version_head_organ(line)) for n, line in head) if o), None)
    big = _prominent_organ(prominent)
    if head_organ is None and big:
        at = next((n for n, line in head if compact(line) == compact(normalise_line(prominent[0]))), 0)
        head_organ = (at, big)
    title_organ, title_sure = _organ_of_title(found.values.get("title", "")) if "title" in found.values else ("", False)
    if title_organ and signature and _same_organs(title_organ, signature[1]):
        title_organ = signature[1]  # the 落款 keeps joint organs apart where the title runs them together
    # The title names the 发文机关, but only a 落款 or 发文机关标志 that says the same settles it: a
    # title copied into a file without either may be another office's (or a forwarded) document.
    confirmed = bool(title_organ) and any(_same_organs(title_organ, other) for other in
                                          ([signature[1]] if signature else []) + ([head_organ[1]] if head_organ else []))
    if title_organ:
        where = "标题" if confirmed else "标题（文中没有落款或发文机关标志印证）"
        found.put("organ", title_organ, where, sure=title_sure and confirmed)
    report = report_organ(found.values.get("title", ""))
    if report:
        found.put("organ", report, "标题（政府工作报告）", sure=False)
    differ = False
    if signature:
        n, organ, written = signature
        differ = bool(head_organ and "organ" not in found.values and not _same_organs(head_organ[1], organ))
        if head_organ and differ:
            # 发文机关标志 and 落款 differ (a 办公室 signing for its organ): the 版头 names the 发文机关
            found.put("organ", head_organ[1], f"第{head_organ[0] + 1}段（发文机关标志；落款为“{organ}”）", sure=False)
        elif title_sure and not _same_organs(title_organ, organ):
            # The title names them otherwise ("五地银保监局") than the 落款 lists them: the 落款 is
            # offered, with what the title says.
            found.values.pop("organ", None)
            found.unsure.discard("organ")
            found.put("organ", organ, f"第{n}段（落款；标题写作“{title_organ}”）", sure=False)
        elif "organ" not in found.unsure or title_sure:
            found.put("organ", organ, f"第{n}段（落款）")
        found.put("date_written", gbt_form(written), f"第{n + 1}段（落款）")
        if gbt_form(written) != written:
            found.notes.append(f"成文日期原文为“{written}”，已按 GB/T 9704 写作“{gbt_form(written)}”。")
    if head_organ:
        marks.head_lines.append(lines[head_organ[0]])
    if head_organ and not differ:
        # A 版头 naming other organs than the title does not settle which is right
        agrees = not title_sure or _same_organs(title_organ, head_organ[1])
        found.put("organ", head_organ[1], f"第{head_organ[0] + 1}段（发文机关标志）", sure=agrees)
    # The dateline of a report may end with "作政府工作报告。" and so open the running text
    publisher = next(((n, o) for n, o in ((n, publisher_of(line)) for n, line in head) if o), None)
    if publisher:  # a standard's cover names who publishes it, not who drafted this text
        found.put("organ", publisher[1], f"第{publisher[0] + 1}段（封面“{publisher[1]} 发布”）", sure=False)
    delivered = delivered_date(head + [(body_start, lines[body_start])] if body_start < len(lines) else head)
    if delivered:
        found.put("date_written", gbt_form(delivered[1]), f"第{delivered[0] + 1}段（报告日期）")
    if "date_written" not in found.values:
        lone = _lone_date(lines, body_start)
        if lone:  # no organ above it to make it a 落款: it may be any date set on its own line
            found.put("date_written", gbt_form(lone[1]), f"第{lone[0] + 1}段（单独一行的日期）", sure=False)

    labelled = labelled_fields([line for _, line in head] + lines[-12:], "文中“{n}”处") if lines else []
    labelled += labelled_fields([normalise_line(f) for f in page_fields], "网页信息栏")
    for key, value, where in labelled:
        clean = valid_field(key, value)
        if key == "title" and clean and where.startswith("文中") and found.values.get("title", "").endswith(clean):
            del found.values["title"]  # a form's labelled title, where the layout ran label cells into it
        if clean:
            sure = not where.endswith("?") and (key != "doc_number" or is_doc_number(clean))
            found.put(key, clean, where.rstrip("?") if not where.startswith("文中") else "文中标注", sure=sure)

    if "title" not in found.values:
        inferred = _issued_title(lines, body_start, found.values.get("organ", ""))
        if inferred:
            found.put("title", inferred, "据正文推断", sure=False)
            found.notes.append(f"文件中没有单独的标题行，标题据正文推断为“{inferred}”，请核对。")
    if "title" not in found.values:
        first = _first_title_like(head)
        if first:
            found.put("title", first[1], f"第{first[0] + 1}段（版式未能确认）", sure=False)
    if "title" not in found.values:
        found.notes.append(NO_TITLE_NOTE)

    head_marks(head, marks)
    tail_marks(lines, signature[0] if signature else body_start, marks)
    for key, value in marks.values.items():
        found.put(key, value, marks.found_at[key])
    found.put("addressees", addressees, "主送机关")
    attachments = _attachments(lines)
    found.put("attachments", "\n".join(attachments), "附件说明")
    if "title" in found.values and "title" not in found.unsure and found.found_at["title"].endswith("段"):
        marks.head_lines.extend(_title_lines(lines, int(found.found_at["title"][1:-1]) - 1, found.values["title"]))
    number = found.values.get("doc_number", "")
    bracket_note = square_bracket_note(number)
    if bracket_note:
        found.notes.append(bracket_note)
    if "规〔" in number:
        found.put("kind", "规范性文件", "发文字号含“规”字")
    elif re.search(r"令第\d+号$", number) and not number.startswith("国令"):  # 国令 are 行政法规
        found.put("kind", "规章", "发文字号为令号")
    _disclosure(lines, found)
    return ExtractedMetadata(found.values, found.found_at, addressees, attachments, tuple(found.notes),
                             frozenset(found.unsure), tuple(marks.head_lines), tuple(marks.tail_lines))


def _title_lines(lines: Sequence[str], start: int, title: str) -> list[str]:
    """The lines from `start` that together spell `title`."""
    out: list[str] = []
    joined = ""
    for line in lines[start:start + _MAX_TITLE_LINES]:
        joined += compact(line)
        out.append(line)
        if joined == title:
            return out
        if not title.startswith(joined):
            break
    return []
