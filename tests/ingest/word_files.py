"""Word files for tests, made with python-docx itself (no binary fixtures).

python-docx cannot write footnotes, Chinese auto-numbering or tracked changes, so those
are added to the saved file's XML the way Word writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.shared import Inches
from PIL import Image

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def png(color: str = "red", size: tuple[int, int] = (24, 12)) -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    buf.seek(0)
    return buf


def add_picture(document, color: str = "red", alt: str = "") -> None:
    document.add_picture(png(color), width=Inches(1))
    if alt:
        doc_pr = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
        doc_pr.set("descr", alt)


def gongwen(path: Path, *, title_lines=("明湖市人民政府关于支持高校毕业生", "就业创业的若干措施"),
            number="明政发〔2024〕3号", date="二〇二四年三月四日", organ="明湖市人民政府",
            body=("为做好高校毕业生就业创业工作，现提出以下措施。",
                  "一、对吸纳高校毕业生就业的企业，按每人1000元给予一次性补贴。",
                  "二、租房补贴标准为每人每月500元，最长发放24个月。"),
            attachments=("补贴申请表", "申领流程图"), note="（此件公开发布）") -> Path:
    """A 公文 laid out as GB/T 9704 prints it: 版头, 发文字号, title, 主送, body, 附件, 落款."""
    d = docx.Document()
    d.add_paragraph(f"{organ}文件")
    d.add_paragraph(number)
    for line in title_lines:
        d.add_paragraph(line)
    d.add_paragraph("各区县人民政府，市政府各部门：")
    for para in body:
        d.add_paragraph(para)
    if attachments:
        d.add_paragraph(f"附件：1．{attachments[0]}")
        for i, item in enumerate(attachments[1:], 2):
            d.add_paragraph(f"{i}．{item}")
    d.add_paragraph(organ)
    d.add_paragraph(date)
    if note:
        d.add_paragraph(note)
    d.save(path)
    return path


def rewrite_part(path: Path, name: str, change) -> None:
    """Apply `change(xml_text) -> xml_text` to one part of a saved .docx."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[name] = change(parts.get(name, b"").decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def add_footnote(path: Path, after_text: str, note: str) -> None:
    """A footnote reference after the run containing `after_text`, and the footnotes part."""
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 f'<w:footnotes xmlns:w="{W_NS}">'
                 f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote>'
                 f'</w:footnotes>')
    rewrite_part(path, "word/footnotes.xml", lambda _: footnotes)
    rewrite_part(path, "word/_rels/document.xml.rels", lambda x: x.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'footnotes" Target="footnotes.xml"/></Relationships>'))
    rewrite_part(path, "[Content_Types].xml", lambda x: x.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footnotes+xml"/></Types>'))
    rewrite_part(path, "word/document.xml", lambda x: re.sub(
        rf"(<w:t[^>]*>[^<]*{re.escape(after_text)}[^<]*</w:t></w:r>)",
        r'\1<w:r><w:footnoteReference w:id="1"/></w:r>', x, count=1))


def add_chinese_numbering(path: Path, texts: list[str], levels=(("chineseCounting", "%1、"),
                                                                 ("chineseCounting", "（%2）"))) -> None:
    """Number the paragraphs whose text starts with one of `texts` with Word's 一、（一） lists.

    Each text is given as "level:text" (level 0 or 1).
    """
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    definition = f'<w:abstractNum w:abstractNumId="90">{lvls}</w:abstractNum><w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

    def numbering(xml: str) -> str:
        return xml.replace("</w:numbering>", definition + "</w:numbering>")

    def document(xml: str) -> str:
        for item in texts:
            level, text = item.split(":", 1)
            xml = re.sub(rf"<w:p>(<w:r><w:t>{re.escape(text)})",
                         rf'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr></w:pPr>\1',
                         xml, count=1)
        return xml

    rewrite_part(path, "word/numbering.xml", numbering)
    rewrite_part(path, "word/document.xml", document)


def add_tracked_deletion(path: Path, after_text: str, deleted: str) -> None:
    rewrite_part(path, "word/document.xml", lambda x: re.sub(
        rf"(<w:t[^>]*>[^<]*{re.escape(after_text)}[^<]*</w:t></w:r>)",
        rf'\1<w:del w:id="7" w:author="张三" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>',
        x, count=1))
