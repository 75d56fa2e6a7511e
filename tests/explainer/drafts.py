"""Drafts the explainer tests import: a Word file of plain paragraphs, as an office types one."""

from __future__ import annotations

from pathlib import Path

import docx


def word_draft(text: str, path: Path) -> Path:
    """`text` as a .docx with one paragraph per non-empty line."""
    document = docx.Document()
    for line in text.strip().split("\n"):
        if line:
            document.add_paragraph(line)
    document.save(str(path))
    return path
