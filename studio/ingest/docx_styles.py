"""Word paragraph and character styles, resolved through their basedOn chains: which
style makes a heading (by name or outline level), a list, or bold text."""

from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRUE = {None, "1", "true", "on"}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_MAX_DEPTH = 20


@dataclass(frozen=True)
class StyleInfo:
    heading: int = 0
    num_id: str = ""
    ilvl: int = 0
    bold: bool = False


def num_pr(num) -> tuple[str, int]:
    """(numId, ilvl) of a w:numPr element."""
    num_id = num.find(W + "numId")
    ilvl = num.find(W + "ilvl")
    return (num_id.get(W + "val", "") if num_id is not None else "",
            int(ilvl.get(W + "val", "0")) if ilvl is not None else 0)


def _own(style) -> tuple[str, dict]:
    """(basedOn, what the style itself sets)."""
    name_el = style.find(W + "name")
    based = style.find(W + "basedOn")
    info: dict = {"name": name_el.get(W + "val", "") if name_el is not None else ""}
    ppr = style.find(W + "pPr")
    if ppr is not None:
        outline = ppr.find(W + "outlineLvl")
        if outline is not None and outline.get(W + "val", "9").isdigit():
            level = int(outline.get(W + "val", "9")) + 1
            if level <= 6:
                info["heading"] = level
        num = ppr.find(W + "numPr")
        if num is not None:
            info["num"] = num_pr(num)
    rpr = style.find(W + "rPr")
    if rpr is not None and rpr.find(W + "b") is not None:
        info["bold"] = rpr.find(W + "b").get(W + "val") in TRUE
    return (based.get(W + "val", "") if based is not None else ""), info


def read_styles(styles_root) -> dict[str, StyleInfo]:
    """styleId -> what it means for the importer, inherited settings included."""
    raw = {s.get(W + "styleId", ""): _own(s) for s in styles_root.iter(W + "style")}
    resolved: dict[str, StyleInfo] = {}

    def resolve(sid: str, depth: int = 0) -> StyleInfo:
        if sid in resolved:
            return resolved[sid]
        based, info = raw.get(sid, ("", {}))
        # A damaged file may chain styles in a circle; the depth limit ends it.
        parent = resolve(based, depth + 1) if based and depth < _MAX_DEPTH and based != sid else StyleInfo()
        m = _HEADING_NAME.match(info.get("name", ""))
        heading = int(m.group(1)) if m else info.get("heading", 0)
        if info.get("name", "").lower() == "title":
            heading = 1
        num_id, ilvl = info.get("num", (parent.num_id, parent.ilvl))
        result = StyleInfo(heading or parent.heading, num_id, ilvl, info.get("bold", parent.bold))
        resolved[sid] = result
        return result

    for sid in raw:
        resolve(sid)
    return resolved
