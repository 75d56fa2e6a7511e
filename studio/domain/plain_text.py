"""Text that cannot disguise itself: bidirectional overrides removed on entry, and
control characters shown escaped wherever a line of history is printed.

A right-to-left override (U+202E) makes "gpj.exe" read as "exe.jpg"; a line break in a
comment can print a fake line into `studio log`. Titles and names lose the first on
entry; every history line shows the second as visible escapes.
"""

from __future__ import annotations

import re

# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they reorder
# what is shown. The plain marks (LRM, RLM, ALM) only nudge and are kept.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Everything that breaks or rewrites a printed line: C0/C1 controls, DEL, line and
# paragraph separators, and the bidi controls above.
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def without_bidi_controls(text: str) -> str:
    return _BIDI.sub("", text) if text else text


def one_line(text: object) -> str:
    """`text` as a single printable line: controls shown as \\n, \\r, \\t or \\uXXXX."""
    s = "" if text is None else str(text)
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(0), f"\\u{ord(m.group(0)):04x}"), s)
