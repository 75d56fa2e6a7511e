"""What a file read for import becomes: Markdown for the package, plain lines for the
metadata extractor, and the images it carried."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MediaItem:
    """An image taken out of the file, named by its content so a re-import reuses it."""

    name: str
    data: bytes

    @classmethod
    def from_bytes(cls, data: bytes, suffix: str) -> MediaItem:
        digest = hashlib.sha256(data).hexdigest()[:16]
        return cls(f"{digest}{suffix.lower()}", data)


@dataclass(frozen=True)
class ImportedDocument:
    source: str
    markdown: str
    # One paragraph per line, Markdown decoration removed: the 公文 layout as written.
    lines: tuple[str, ...]
    media: tuple[MediaItem, ...] = ()
    # "label：value" lines from around the text (a web page's metadata table), used only
    # to fill what the document's own layout does not state.
    page_fields: tuple[str, ...] = ()
    # What the reader had to leave out or change, in Chinese, for the user to check.
    notes: tuple[str, ...] = field(default_factory=tuple)
    # The text was recognised from page images (OCR): every value taken from it needs checking.
    recognised: bool = False
    # Lines a fixed layout (PDF, OFD) sets far larger than the text at the top of the first page.
    prominent_head: tuple[str, ...] = ()
