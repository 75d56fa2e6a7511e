"""From explainer content to image files.

Rendered images are derived files: their names carry a hash of everything that decides
their pixels (content, metadata shown, width, theme, font, renderer version), so an
unchanged explainer is not drawn again and a changed one never reuses a stale image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PIL import Image, ImageDraw

from studio.domain.errors import ActionRefused, InvalidInput
from studio.domain.explainer import WIDTHS, transcript_markdown, validate
from studio.domain.explainer.model import Section, parse_sections
from studio.domain.findings import Severity
from studio.domain.hashing import content_hash
from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece
from studio.render.explainer.encode import encode, normalise_formats, slice_bounds
from studio.render.explainer.fonts import CjkFont, check_coverage, find_cjk_font
from studio.render.explainer.layout import Ctx
from studio.render.explainer.page import Page, card, compose
from studio.render.explainer.themes import Theme, load_theme
from studio.render.explainer.typeset import Typesetter
from studio.store.atomic_file import atomic_write_bytes

# Raise when a change to the drawing code changes the pixels.
RENDERER_VERSION = "1"
# The metadata the image shows (header and footer).
SHOWN_METADATA = ("title", "doc_number", "organ", "date_written", "interpreter_org")
_OUTPUT_NAME = re.compile(r"^explainer-(\d+)-([a-z0-9-]+)-([0-9a-f]{12})(?:-\d+of\d+)?\.(png|jpg|webp)$")


@dataclass(frozen=True)
class Prepared:
    piece: ExplainerPiece
    meta: Metadata
    sections: list[Section]
    width: int
    theme: Theme
    font: CjkFont


def _library_versions() -> list[str]:
    out = []
    for dist in ("pillow", "matplotlib"):
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return out


def prepare(piece: ExplainerPiece, meta: Metadata, width: int | None = None, theme: str | None = None) -> Prepared:
    """Check that the explainer can be drawn; the reasons in Chinese if not."""
    if not piece.sections:
        raise ActionRefused("政策图解还没有内容，无法生成图片。请先填写图解的标题和各部分内容。")
    chosen = int(width or piece.width or 1080)
    if chosen not in WIDTHS:
        raise InvalidInput(f"图解宽度 {chosen} 像素不受支持。请选用 1080（通用长图）或 750（手机端）。")
    problems = [f for f in validate(piece) if f.severity is Severity.BLOCKING and f.field != "width"]
    if problems:
        listed = "\n".join(f"  · {f.message}" for f in problems)
        raise ActionRefused(f"图解内容有以下问题，无法生成图片：\n{listed}")
    the_theme = load_theme(theme or piece.theme)
    font = find_cjk_font()
    # The transcript holds every word and number the image shows: check the font draws them all.
    check_coverage(font, transcript_markdown(piece, meta))
    return Prepared(piece, meta, parse_sections(piece.sections), chosen, the_theme, font)


def render_page(prepared: Prepared) -> Page:
    """The long image in memory, with the places it may be cut (for previews and files)."""
    ctx = Ctx(prepared.width, prepared.theme, Typesetter(prepared.font))
    return compose(ctx, prepared.piece, prepared.meta, prepared.sections)


def render_section(prepared: Prepared, index: int) -> Image.Image:
    """One section's card alone on the page background, as wide as the page (for a
    preview of the section being edited)."""
    ctx = Ctx(prepared.width, prepared.theme, Typesetter(prepared.font))
    block = card(ctx, index, prepared.sections[index])
    margin = ctx.margin
    img = Image.new("RGB", (ctx.width, block.height + 2 * margin), ctx.theme.rgb("page_bg"))
    block.paint(img, ImageDraw.Draw(img), margin, margin)
    return img


def output_stem(prepared: Prepared, slice_height: int | None) -> str:
    p = prepared.piece
    key = {
        "content": {"title": p.title, "subtitle": p.subtitle, "sections": [dict(s) for s in p.sections]},
        "meta": {k: getattr(prepared.meta, k) for k in SHOWN_METADATA},
        "width": prepared.width,
        "theme": prepared.theme.source,
        "font": prepared.font.identity(),
        "renderer": [RENDERER_VERSION, *_library_versions()],
        "slice": slice_height or 0,
    }
    return f"explainer-{prepared.width}-{prepared.theme.id}-{content_hash(key)[:12]}"


def _names(stem: str, fmt: str, parts: int) -> list[str]:
    if parts == 1:
        return [f"{stem}.{fmt}"]
    return [f"{stem}-{i}of{parts}.{fmt}" for i in range(1, parts + 1)]


def _existing(out_dir: Path, stem: str, formats: tuple[str, ...]) -> list[Path] | None:
    """The files of an earlier identical render, if all are there."""
    found: list[Path] = []
    for fmt in formats:
        whole = out_dir / f"{stem}.{fmt}"
        if whole.is_file():
            found.append(whole)
            continue
        sliced = sorted(out_dir.glob(f"{stem}-*of*.{fmt}"))
        if not sliced:
            return None
        parts = int(sliced[0].stem.rsplit("of", 1)[1])
        names = _names(stem, fmt, parts)
        if not all((out_dir / n).is_file() for n in names):
            return None
        found += [out_dir / n for n in names]
    return found


def _prune(out_dir: Path, width: int, theme_id: str, stem: str) -> None:
    """Remove earlier renders of the same width and theme: only the current one is kept."""
    digest = stem.rsplit("-", 1)[1]
    for path in out_dir.iterdir():
        m = _OUTPUT_NAME.match(path.name)
        if m and int(m.group(1)) == width and m.group(2) == theme_id and m.group(3) != digest:
            path.unlink(missing_ok=True)


def render(piece: ExplainerPiece, meta: Metadata, out_dir: Path, width: int | None = None,
           theme: str | None = None, formats: tuple[str, ...] = ("png", "jpg"),
           slice_height: int | None = None, reuse: bool = True, prune: bool = False) -> list[Path]:
    """Draw the explainer and write it as `formats` into `out_dir`; the written files, in order.

    With `slice_height`, the image is written in parts no taller than that (cut between
    sections or items where possible), named …-1of3.png and so on. `reuse` returns the
    files of an identical earlier render instead of drawing again. `prune` removes earlier
    renders of the same width and theme from `out_dir`: only for a folder that holds one
    explainer's images, such as the package's own media folder.
    """
    formats = normalise_formats(formats)
    prepared = prepare(piece, meta, width, theme)
    stem = output_stem(prepared, slice_height)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InvalidInput(f"无法创建输出文件夹“{out_dir}”：{e.strerror}。请检查路径和写入权限。") from None
    if reuse:
        existing = _existing(out_dir, stem, formats)
        if existing:
            return existing
    page = render_page(prepared)
    image = page.image
    bounds = slice_bounds(image.height, slice_height, page.breaks, page.section_breaks) if slice_height \
        else [(0, image.height)]
    written: list[Path] = []
    for fmt in formats:
        for name, (top, bottom) in zip(_names(stem, fmt, len(bounds)), bounds):
            part = image if (top, bottom) == (0, image.height) else image.crop((0, top, image.width, bottom))
            path = out_dir / name
            atomic_write_bytes(path, encode(part, fmt))  # a reader never sees half an image
            written.append(path)
    if prune:
        _prune(out_dir, prepared.width, prepared.theme.id, stem)
    return written
