"""The 版头 (with 发文字号 and title) and the 版记 taken out of an imported text: they are kept
as metadata, and pages show them from there, once.

Only blocks at the very top and the very bottom are taken, and only when every line of
the block is one the metadata reader placed in the 版头 or 版记; pictures between them
(the red separator line) stay, and nothing in the middle of the text is touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studio.ingest.gongwen_layout import compact

_MARKUP = re.compile(r"\\(.)|\*\*|^#{1,6}\s+", re.M)
_IMAGE_ONLY = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$")


def _plain_lines(block: str) -> list[str]:
    return [compact(_MARKUP.sub(lambda m: m.group(1) or "", line)) for line in block.split("\n") if line.strip()]


def _takes(block: str, wanted: set[str], joined: set[str]) -> bool:
    if block.lstrip().startswith("|"):
        return False  # a table is content
    lines = _plain_lines(block)
    return bool(lines) and (all(line in wanted for line in lines) or "".join(lines) in joined)


def without_layout(markdown: str, head: Iterable[str], tail: Iterable[str]) -> tuple[str, int]:
    """`markdown` without its 版头 and 版记 blocks, and how many blocks were taken."""
    head_set = {compact(h) for h in head if h.strip()}
    tail_set = {compact(t) for t in tail if t.strip()}
    head_joined = {"".join(compact(h) for h in head)} if head_set else set()
    blocks = markdown.strip("\n").split("\n\n")
    keep = [True] * len(blocks)
    for i, block in enumerate(blocks):
        if _IMAGE_ONLY.match(block.strip()):
            continue
        if not head_set or not _takes(block, head_set, head_joined):
            break
        keep[i] = False
    for i in range(len(blocks) - 1, -1, -1):
        if not keep[i] or _IMAGE_ONLY.match(blocks[i].strip()):
            continue
        if not tail_set or not _takes(blocks[i], tail_set, set()):
            break
        keep[i] = False
    taken = keep.count(False)
    if taken == len(blocks):
        return markdown, 0  # never leave an empty text
    return "\n\n".join(b for b, k in zip(blocks, keep, strict=True) if k) + "\n", taken
