"""The 版头 marks above the title (份号, 密级, 紧急程度, 签发人) and the 版记 below the text
(抄送机关, 印发机关 and 印发日期), GB/T 9704-2012 §7.2 and §7.4.

Each found mark gives a metadata value and the line it stands on, so that the line can
leave the text: the page shows the value once, from the metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from studio.ingest.gongwen_layout import compact, date_in, gbt_form, is_organ

_COPY_NUMBER = re.compile(r"^(?:份号[：:]?)?(\d{6})$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(?:★\s*(\S{1,12}))?")
_URGENCY = re.compile(r"(?:^|\s)(特急|加急|特提|平急)$")
_SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*(.+)$")
_COPIED = re.compile(r"^抄\s*送\s*[：:]\s*(.+)$")
_PRINTED = re.compile(r"^(.*?)\s*((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{1,8}?日)\s*印\s*发$")


@dataclass
class Marks:
    values: dict[str, str] = field(default_factory=dict)
    found_at: dict[str, str] = field(default_factory=dict)
    # The lines the marks stand on: head lines (top of the text) and tail lines (the 版记).
    head_lines: list[str] = field(default_factory=list)
    tail_lines: list[str] = field(default_factory=list)

    def put(self, key: str, value: str, n: int, where: str = "") -> None:
        value = value.strip().rstrip("。")
        if value and key not in self.values:
            self.values[key] = value
            self.found_at[key] = f"第{n + 1}段{where}"


def head_marks(head: Sequence[tuple[int, str]], marks: Marks) -> None:
    for n, line in head:
        s = line.strip()
        c = compact(s)
        m = _COPY_NUMBER.match(c)
        if m:
            marks.put("copy_number", m.group(1), n)
            marks.head_lines.append(s)
            continue
        taken = False
        secrecy = _SECRECY.match(c)
        if secrecy and len(c) <= 20:
            marks.put("secrecy", secrecy.group(1) + (f"★{secrecy.group(2)}" if secrecy.group(2) else ""), n)
            taken = True
        urgency = _URGENCY.search(s) if len(c) <= 20 else None
        if urgency:
            marks.put("urgency", urgency.group(1), n)
            taken = True
        signer = _SIGNER.search(s)
        if signer and len(c) <= 60:
            marks.put("signer", " ".join(signer.group(1).split()), n)
            taken = True
        if taken:
            marks.head_lines.append(s)


def tail_marks(lines: Sequence[str], start: int, marks: Marks) -> None:
    """抄送 and 印发 in the last lines after `start` (the end of the body)."""
    first = max(start, len(lines) - 10)
    for n in range(first, len(lines)):
        s = lines[n].strip()
        copied = _COPIED.match(compact(s))
        if copied:
            text = copied.group(1)
            marks.tail_lines.append(s)
            k = n + 1
            # a long 抄送 runs on until the 印发 line
            while k < len(lines) and not _PRINTED.match(lines[k].strip()) and not text.endswith("。") \
                    and not date_in(lines[k]) and len(marks.tail_lines) < 6:
                text += lines[k].strip()
                marks.tail_lines.append(lines[k].strip())
                k += 1
            marks.put("copied_to", text, n, "（版记）")
            continue
        printed = _PRINTED.match(s)
        if printed:
            organ, day = printed.group(1).strip(), printed.group(2)
            if not organ and n > start and is_organ(lines[n - 1]):
                organ = lines[n - 1].strip()  # organ and date laid out as two lines
                marks.tail_lines.append(organ)
            marks.put("printed_on", gbt_form(day), n, "（版记）")
            if organ:
                marks.put("printed_by", " ".join(organ.split()), n, "（版记）")
            marks.tail_lines.append(s)
