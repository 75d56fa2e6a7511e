"""A .docx whose relationships point at parts the archive does not hold (an image with
Target="../NULL", left by some editors) opened anyway: the dangling internal
relationships are dropped from a copy made in memory, which Word itself also tolerates."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _part_folder(rels_name: str) -> str:
    # word/_rels/document.xml.rels describes word/document.xml: targets are relative to word/
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return folder


def without_dangling_relationships(path: Path) -> io.BytesIO | None:
    """A repaired copy of the package, or None when nothing dangles (so repair cannot help)."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        repaired: dict[str, bytes] = {}
        for name in names:
            if not name.endswith(".rels"):
                continue
            root = etree.fromstring(archive.read(name))
            dropped = False
            for rel in list(root.iter(_RELS_NS + "Relationship")):
                target = rel.get("Target", "")
                if rel.get("TargetMode") == "External" or not target:
                    continue
                full = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(_part_folder(name), target))
                if full not in names:
                    root.remove(rel)
                    dropped = True
            if dropped:
                repaired[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not repaired:
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                copy.writestr(info, repaired.get(info.filename) or archive.read(info.filename))
    out.seek(0)
    return out
