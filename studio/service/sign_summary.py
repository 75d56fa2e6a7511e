"""What a signature covers, in words the signer can check: each piece's length and hash, and the media."""

from __future__ import annotations

from pathlib import Path

from studio.domain.package import Package
from studio.domain.pieces import piece_label
from studio.domain.text_count import word_count
from studio.service.review_changes import piece_texts
from studio.store.media_files import media_folder

HASH_SHOWN = 12


def what_is_signed(folder: Path, package: Package) -> list[str]:
    hashes = package.part_hashes()
    lines = [f"元数据：指纹 {hashes.get('metadata', '')[:HASH_SHOWN]}"]
    for key, text in piece_texts(package).items():
        if not text.strip():
            continue
        # 字数 as Word and the status bar count it (here with the title line), not the stored characters.
        lines.append(f"{piece_label(key)}：{word_count(text):,}字，指纹 {hashes.get(key, '')[:HASH_SHOWN]}")
    media = media_folder(folder)
    names = sorted(p.name for p in media.iterdir() if p.is_file()) if media.is_dir() else []
    lines.append(f"图片等媒体文件{len(names)}个" + (f"：{'、'.join(names[:8])}" + ("等" if len(names) > 8 else "")
                                                    if names else ""))
    return lines
