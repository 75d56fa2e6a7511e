"""Writing the image: PNG, JPEG or WebP with no metadata, optionally in slices.

No EXIF, no ICC profile, no PNG text or time chunks, no DPI: a published file carries
nothing but pixels, and the same pixels always give the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image

from studio.domain.errors import InvalidInput

FORMATS = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}
JPEG_QUALITY = 90
WEBP_QUALITY = 85
MIN_SLICE_HEIGHT = 400


def normalise_formats(formats: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for f in formats:
        key = f.strip().lower().lstrip(".")
        key = "jpg" if key == "jpeg" else key
        if key not in FORMATS:
            raise InvalidInput(f"不支持的图片格式“{f}”。可选：png、jpg、webp。")
        if key not in out:
            out.append(key)
    if not out:
        raise InvalidInput("至少要选择一种图片格式（png、jpg 或 webp）。")
    return tuple(out)


def encode(image: Image.Image, fmt: str) -> bytes:
    """The image as file bytes of format `fmt` (png, jpg, webp), without metadata."""
    # A fresh image: nothing from `image.info` can reach the encoder.
    clean = Image.frombytes("RGB", image.size, image.convert("RGB").tobytes())
    buf = io.BytesIO()
    if fmt == "png":
        clean.save(buf, "PNG", optimize=False, compress_level=6)
    elif fmt == "jpg":
        # 4:4:4 keeps thin red and blue strokes of Chinese characters crisp.
        clean.save(buf, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True)
    elif fmt == "webp":
        clean.save(buf, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", icc_profile=None, xmp=b"")
    else:
        raise InvalidInput(f"不支持的图片格式“{fmt}”。可选：png、jpg、webp。")
    return buf.getvalue()


def slice_bounds(height: int, max_height: int, breaks: list[int],
                 preferred: list[int] | None = None) -> list[tuple[int, int]]:
    """Cut [0, height) into parts no taller than `max_height`, at clean break points when possible.

    A `preferred` break (between sections) is taken if it keeps the part at least 60% of
    `max_height` tall, else any break that keeps a third; failing both (one section taller
    than a slice), the cut falls at `max_height`.
    """
    if max_height < MIN_SLICE_HEIGHT:
        raise InvalidInput(f"切片高度 {max_height} 像素太小，请设为不小于 {MIN_SLICE_HEIGHT} 像素。")
    parts: list[tuple[int, int]] = []
    start = 0
    while height - start > max_height:
        limit = start + max_height
        good = [b for b in preferred or () if start + max_height * 0.6 <= b <= limit]
        usable = [b for b in breaks if start + max_height / 3 <= b <= limit]
        cut = max(good) if good else max(usable) if usable else limit
        parts.append((start, cut))
        start = cut
    parts.append((start, height))
    return parts
