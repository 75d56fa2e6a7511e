"""Images and files a package's pages show: the explainer's long image(s), supplied files.

Every image goes out re-encoded without EXIF, text chunks or other metadata, because
a photo's EXIF can carry a camera owner's name, a place or a local path. Rendered
explainer images are cached by content, so exporting a library again does not redraw
an explainer that has not changed.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from studio import __version__
from studio.domain.hashing import content_hash
from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece
from studio.paths import app_root, assets_dir
from studio.render.export import attachments
from studio.render.export.source import ExportRefused

IMAGE_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "PNG", ".webp": "PNG",
                  ".bmp": "PNG", ".tif": "PNG", ".tiff": "PNG"}
# Pixels an image may have: a long explainer (1080×40000) fits; a pixel bomb does not.
MAX_PIXELS = 60_000_000
CLEANERS = {".docx": attachments.office_clean, ".xlsx": attachments.office_clean,
            ".pdf": attachments.pdf_clean, ".ofd": attachments.ofd_clean}


@dataclass(frozen=True)
class MediaFile:
    name: str
    data: bytes
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class ExplainerMedia:
    images: tuple[MediaFile, ...]
    alt: str
    transcript_markdown: str
    # Why no image is shown ('' when there are images).
    note: str


def clean_image(data: bytes, fmt: str, name: str = "") -> tuple[bytes, int, int]:
    """The picture alone: orientation applied, every metadata chunk dropped."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return _cleaned(img, fmt, name)
    except ExportRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError):
        raise ExportRefused(f"图片“{name}”的像素数超过上限（可能是被恶意构造的“像素炸弹”），未予打开。"
                            "请缩小图片后再放入文件包。") from None
    except (OSError, ValueError, SyntaxError) as e:
        raise ExportRefused(f"图片“{name}”已损坏或不是能识别的图片（{type(e).__name__}），未予发布。"
                            "请重新导出该图片后放入文件包。") from None


def _cleaned(img: Any, fmt: str, name: str) -> tuple[bytes, int, int]:
    from PIL import Image, ImageOps

    if img.width * img.height > MAX_PIXELS:
        raise ExportRefused(f"图片“{name}”有 {img.width}×{img.height} 像素，超过 {MAX_PIXELS // 1_000_000} 百万像素的上限"
                            "（可能是被恶意构造的“像素炸弹”），未予打开。请缩小图片后再放入文件包。")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img.load()
        upright = ImageOps.exif_transpose(img) or img
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        upright.info = {}
        out = io.BytesIO()
        if fmt == "JPEG":
            upright.save(out, "JPEG", quality=90, optimize=True)
        else:
            upright.save(out, "PNG", optimize=False)
        return out.getvalue(), upright.width, upright.height


def has_metadata(data: bytes) -> bool:
    """Whether an image file carries EXIF, XMP, comments or text chunks."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        if img.getexif():
            return True
        keys = set(img.info) - {"dpi", "gamma", "transparency", "jfif", "jfif_version", "jfif_unit",
                                "jfif_density", "progressive", "progression", "aspect", "srgb",
                                "interlace", "icc_profile", "adobe", "adobe_transform"}
        return bool(keys)


def _image_size(data: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        return img.width, img.height


def supplied_file(path: Path, name_stem: str) -> MediaFile | None:
    """A file from the package's media folder under a neutral name: images cleaned, other
    attachments only in the allowed formats, scanned and stripped (see attachments)."""
    if path.is_symlink() or not path.is_file():
        return None  # a link is never followed (the package is refused for it beforehand)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES and suffix not in CLEANERS:
        raise attachments.not_allowed(path.name, suffix)
    data = path.read_bytes()
    if suffix in IMAGE_SUFFIXES:
        fmt = IMAGE_SUFFIXES[suffix]
        cleaned, w, h = clean_image(data, fmt, path.name)
        return MediaFile(f"{name_stem}{'.jpg' if fmt == 'JPEG' else '.png'}", cleaned, w, h)
    return MediaFile(f"{name_stem}{suffix}", CLEANERS[suffix](path.name, data))


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """Changes whenever the explainer's drawing code or themes change (cache key part)."""
    digest = hashlib.sha256(__version__.encode())
    roots = [app_root() / "studio" / "render" / "explainer", app_root() / "studio" / "domain" / "explainer",
             assets_dir() / "explainer"]
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".toml", ".yaml", ".yml"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _fallback_transcript(piece: ExplainerPiece) -> str:
    lines = [line for line in piece.plain_text().splitlines() if line.strip()]
    return "\n\n".join(lines)


def _words(piece: ExplainerPiece, meta: Metadata) -> tuple[str, str]:
    """Alt text and transcript, from the explainer's own wording module when present."""
    try:
        from studio.domain.explainer import alt_text, transcript_markdown
    except ImportError:
        title = piece.title or f"《{meta.title}》政策图解"
        return f"{title}（图解全部文字见下方“图解文字版”）", _fallback_transcript(piece)
    return alt_text(piece, meta), transcript_markdown(piece, meta)


def _render(piece: ExplainerPiece, meta: Metadata) -> tuple[list[MediaFile], str]:
    """Draw the long image(s); on failure, no images and the reason in Chinese."""
    try:
        from studio.render.explainer import render
    except ImportError:
        return [], "本版本的政策解读工作室未包含图解绘制功能，因此没有生成图解图片。"
    from studio.domain.errors import StudioError

    with tempfile.TemporaryDirectory(prefix="studio-explainer-") as tmp:
        try:
            paths = render(piece, meta, Path(tmp), formats=("png",))
        except StudioError as e:
            return [], f"图解图片未能生成：{e.message}"
        except Exception as e:  # noqa: BLE001 - one explainer must not stop a whole site's export
            return [], (f"图解图片绘制出错（{type(e).__name__}），因此本页只提供图解文字版。"
                        "请在工作室中打开该图解预览检查，或将此问题报告给技术支持。")
        files = []
        for i, path in enumerate(paths, start=1):  # the renderer returns the parts in order
            data = path.read_bytes()
            if has_metadata(data):
                data, w, h = clean_image(data, "PNG")
            else:
                w, h = _image_size(data)
            files.append(MediaFile(f"explainer-{i}{path.suffix.lower()}", data, w, h))
        return files, ""


def _cache_key(piece: ExplainerPiece, meta: Metadata) -> str:
    return content_hash({"piece": piece.to_dict(), "meta": meta.to_dict(), "renderer": renderer_fingerprint()})


def _load_cached(folder: Path) -> list[MediaFile] | None:
    if not folder.is_dir():
        return None
    files = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        data = path.read_bytes()
        w, h = _image_size(data)
        files.append(MediaFile(path.name, data, w, h))
    return files


def _store_cached(folder: Path, files: list[MediaFile]) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
        for f in files:
            (tmp / f.name).write_bytes(f.data)
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # a cache that cannot be written only costs time


def explainer_media(piece: ExplainerPiece, meta: Metadata, media_dir: Path,
                    cache_dir: Path | None = None) -> ExplainerMedia:
    alt, transcript = _words(piece, meta)
    supplied = [supplied_file(media_dir / name, f"explainer-{i}") for i, name in enumerate(piece.images, start=1)
                if Path(name).name == name]
    images = [f for f in supplied if f is not None and f.width]
    if images:
        return ExplainerMedia(tuple(images), alt, transcript, "")
    if not piece.sections:
        return ExplainerMedia((), alt, transcript, "图解图片文件缺失，因此本页只提供图解文字版。")
    cached_at = cache_dir / _cache_key(piece, meta) if cache_dir else None
    files = _load_cached(cached_at) if cached_at else None
    note = ""
    if files is None:
        files, note = _render(piece, meta)
        if files and cached_at:
            _store_cached(cached_at, files)
    return ExplainerMedia(tuple(files), alt, transcript, note)
