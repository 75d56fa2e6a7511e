"""A title taken from a file's name, for documents whose text states none (web text pasted
into Word, attachments saved under their title): the name cleaned of its suffix, of
the numbering offices put in front ("22.", "附件1-", "（2）") and of download copy marks."""

from __future__ import annotations

import re
from pathlib import Path

_LEADING_NUMBER = re.compile(r"^(?:附件\s*\d*\s*[-—_：:.、]?\s*|\d{1,3}\s*[.．、_\-]\s*|[（(]\d{1,3}[）)]\s*)")
_COPY_MARK = re.compile(r"\s*(?:[（(]\d{1,2}[）)]|-\s*副本|\s副本|_\d{1,2}|\s*-\s*copy)$", re.I)
_SEPARATORS = re.compile(r"[_]+")


def title_from_file_name(name: str) -> str:
    stem = Path(name).name
    while Path(stem).suffix.lower() in (".docx", ".doc", ".wps", ".pdf", ".ofd", ".rtf", ".odt", ".txt", ".md",
                                       ".html", ".htm", ".docm"):
        stem = Path(stem).stem
    previous = None
    while previous != stem:
        previous = stem
        stem = _COPY_MARK.sub("", _LEADING_NUMBER.sub("", stem.strip()))
    return " ".join(_SEPARATORS.sub(" ", stem).split())
