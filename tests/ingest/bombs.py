"""Hostile archives built quickly: a real .docx whose document.xml inflates to any size.

The deflate stream of a repeated block is made once (a full flush makes every copy of it
byte-identical) and repeated, so a gigabyte bomb is built in a fraction of a second.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx

MB = 1 << 20
_BLOCK = b"<w:p><w:r><w:t>" + b"a" * (MB - 64) + b"</w:t></w:r></w:p>"
_BLOCK = _BLOCK + b" " * (MB - len(_BLOCK))


def _deflated_repeat(head: bytes, block: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + block*times + tail, with its CRC-32 and inflated size."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    one = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.compress(tail) + c.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return first + one * times + end, crc & 0xFFFFFFFF, len(head) + len(block) * times + len(tail)


def _zip(members: list[tuple[str, bytes, int, int]], lie_about_size: bool = False) -> bytes:
    """A zip from raw-deflated members (name, data, crc, size), written by hand."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        declared = min(size, 1000) if lie_about_size else size
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), declared, len(encoded), 0))
        out.write(encoded + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), declared,
                                  len(encoded), 0, 0, 0, 0, 0, offset))
        central.write(encoded)
    start, cd = out.tell(), central.getvalue()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), start, 0))
    return out.getvalue()


def docx_bomb(inflated_mb: int = 1200, lie_about_size: bool = False) -> bytes:
    """A Word file like any other, except that its document.xml inflates to `inflated_mb` MB."""
    d = docx.Document()
    d.add_paragraph("正文")
    buf = io.BytesIO()
    d.save(buf)
    members = []
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "word/document.xml":
                head = raw[: raw.index(b"<w:body>") + len(b"<w:body>")]
                data, crc, size = _deflated_repeat(head, _BLOCK, inflated_mb, b"</w:body></w:document>")
            else:
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                data, crc, size = c.compress(raw) + c.flush(), zlib.crc32(raw) & 0xFFFFFFFF, len(raw)
            members.append((info.filename, data, crc, size))
    return _zip(members, lie_about_size)


def nested_zip(depth: int) -> bytes:
    """A zip holding a zip holding a zip… `depth` levels down, each small."""
    data = b"<x/>"
    name = "document.xml"
    for level in range(depth):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(name, data)
            z.writestr("[Content_Types].xml", "<Types/>")
        data, name = buf.getvalue(), f"level{level}.zip"
    return data
