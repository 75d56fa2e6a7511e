"""Text files in the encodings offices save them in, and a clear refusal otherwise."""

from __future__ import annotations

import codecs

import pytest

from studio.domain.errors import InvalidInput
from studio.ingest.reader import read_document
from studio.ingest.text_file import decode

TEXT = "明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知\n\n租房补贴标准为每人每月500元。\n"
SHORT = "补贴"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("gb2312", b""),
    ("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_office_encodings_are_detected(encoding, bom):
    assert decode(bom + TEXT.encode(encoding), "x.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16-le", "utf-16-be"])
def test_short_texts_are_detected_too(encoding):
    assert decode(SHORT.encode(encoding), "x.txt") == SHORT


def test_characters_only_gb18030_has_survive():
    text = "㐀䶵 政策文件的生僻字𠀀"  # CJK extension A and B, outside GBK
    assert decode(text.encode("gb18030"), "x.txt") == text


def test_undecidable_bytes_are_refused_with_what_to_do():
    with pytest.raises(InvalidInput, match="另存为“UTF-8”"):
        decode(bytes(range(128, 256)) * 4, "x.txt")


def test_txt_lines_become_paragraphs_and_comments_are_dropped(tmp_path):
    path = tmp_path / "policy.txt"
    path.write_bytes("第一段\r\n第二段\r\n<!-- 起草说明：内部意见 -->\r\n".encode("gbk"))
    doc = read_document(path)
    assert doc.markdown == "第一段\n\n第二段\n"
    assert doc.lines == ("第一段", "第二段")


def test_markdown_lines_lose_their_marks_for_the_layout(tmp_path):
    path = tmp_path / "policy.md"
    path.write_text("# 标题一行\n\n**国发〔2018〕38号**\n\n> 引文\n", "utf-8")
    assert read_document(path).lines == ("标题一行", "国发〔2018〕38号", "引文")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(InvalidInput, match="是空的"):
        read_document(empty)
    with pytest.raises(InvalidInput, match="找不到文件"):
        read_document(tmp_path / "nowhere.txt")
    with pytest.raises(InvalidInput, match="暂不支持"):
        read_document(tmp_path / "data.xlsx")
