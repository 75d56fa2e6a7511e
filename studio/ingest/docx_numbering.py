"""Word's automatic numbering: the numbers a reader sees are not in the text, so the
importer counts them itself from the numbering definitions (一、 （一） 1. ① …)."""

from __future__ import annotations

from dataclasses import dataclass, field

_CN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
BULLET = "bullet"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (as Word writes 一、二、…)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN_DIGITS[rest] if rest < 10 else
                                     (_CN_DIGITS[rest // 10] + "十" + (_CN_DIGITS[rest % 10] if rest % 10 else "")))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("ideographTraditional",):
        return _HEAVENLY_STEMS[(n - 1) % 10]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Numbering definitions of one document and the running counters."""

    # numId -> ilvl -> Level
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    # numId -> abstractNumId: lists sharing an abstract definition continue one count
    abstract_of: dict[str, str] = field(default_factory=dict)
    _counters: dict[str, list[int]] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        return self.levels.get(num_id, {}).get(ilvl)

    def is_bullet(self, num_id: str, ilvl: int) -> bool:
        lvl = self.level(num_id, ilvl)
        return lvl is not None and lvl.fmt == BULLET

    def next_label(self, num_id: str, ilvl: int) -> str:
        """The label the next paragraph of this list shows, e.g. "（二）"; "" for none."""
        definition = self.levels.get(num_id)
        if not definition or ilvl not in definition:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counts = self._counters.setdefault(key, [0] * 9)
        ilvl = max(0, min(ilvl, 8))
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if counts[ilvl] == 0:
            counts[ilvl] = definition[ilvl].start
        else:
            counts[ilvl] += 1
        label = definition[ilvl].text
        for n in range(9):
            placeholder = f"%{n + 1}"
            if placeholder in label:
                lvl = definition.get(n, Level())
                value = counts[n] or lvl.start
                label = label.replace(placeholder, format_number(value, lvl.fmt))
        return label


def read_numbering(root) -> Numbering:
    """Numbering from the numbering part's XML root (None when the document has none)."""
    numbering = Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, Level]] = {}
    for a in root.iter(W + "abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in a.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            start = lvl.find(W + "start")
            fmt = lvl.find(W + "numFmt")
            text = lvl.find(W + "lvlText")
            levels[ilvl] = Level(
                start=int(start.get(W + "val", "1")) if start is not None else 1,
                fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                text=text.get(W + "val", "") if text is not None else "",
            )
        abstract[a.get(W + "abstractNumId", "")] = levels
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        ref = num.find(W + "abstractNumId")
        abstract_id = ref.get(W + "val", "") if ref is not None else ""
        levels = dict(abstract.get(abstract_id, {}))
        for override in num.iter(W + "lvlOverride"):
            ilvl = int(override.get(W + "ilvl", "0"))
            start = override.find(W + "startOverride")
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = Level(int(start.get(W + "val", "1")), old.fmt, old.text)
        numbering.levels[num_id] = levels
        # A restart override makes a fresh list; otherwise the count runs on with its siblings.
        restarts = any(o.find(W + "startOverride") is not None for o in num.iter(W + "lvlOverride"))
        numbering.abstract_of[num_id] = num_id if restarts else f"a{abstract_id}"
    return numbering
