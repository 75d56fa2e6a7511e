"""A photographed or scanned page saved as an image, read with Tesseract (studio.ingest.ocr)."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.ingest.document import ImportedDocument


def read_image(path: Path) -> ImportedDocument:
    from PIL import Image, UnidentifiedImageError

    from studio.ingest import ocr
    from studio.ingest.pdf_file import recognised_document

    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    if not ocr.available():
        raise InvalidInput(f"无法读取图片“{path.name}”中的文字。" + ocr.INSTALL_HINT)
    try:
        with Image.open(path) as image:
            pages = []
            for frame in range(min(getattr(image, "n_frames", 1), ocr.MAX_PAGES)):  # multi-page TIFF
                image.seek(frame)
                pages.append(ocr.recognise(image.copy()))
    except (UnidentifiedImageError, OSError):
        raise InvalidInput(f"无法打开图片“{path.name}”：文件已损坏或不是图片。") from None
    return recognised_document(path.name, pages)
