"""Files a package publishes besides its pages (附件): allowed formats only, scanned, stripped.

An attachment is published only as PDF, Word (.docx), Excel (.xlsx), OFD or an image.
Before it goes out its text passes the same release-safety scan as the pages (密级
markings, ID and mobile numbers, local paths) and its metadata is removed: the
author and last-modified-by of Office files, the document information of PDF and OFD.
A file that fails any of this stops its package's export with the reason; it is never
published raw.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from xml.sax.saxutils import escape

from studio.domain.sensitive import id_numbers, local_links, markings, mask, mobile_numbers
from studio.ingest.archive_limits import check_archive_bytes
from studio.render.export.source import ExportRefused

OFFICE = (".docx", ".xlsx")
ALLOWED = "PDF、Word（.docx）、Excel（.xlsx）、OFD 或图片"
MAX_TEXT = 20_000_000  # characters of text scanned per attachment

_TAG = re.compile(rb"<[^>]*>")
# The parts of an Office file that hold text a reader sees.
_OFFICE_TEXT = re.compile(r"^(?:word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"
                          r"|xl/sharedStrings\.xml|xl/worksheets/sheet\d+\.xml)$")
_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>')
_APP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>')
_CUSTOM = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>')
_STRIPPED_PARTS = {"docProps/core.xml": _CORE, "docProps/app.xml": _APP, "docProps/custom.xml": _CUSTOM}
# OFD.xml's DocInfo: everything but the document's id goes (author, creator, dates, keywords…).
_OFD_DOCINFO = re.compile(rb"(<(?:ofd:)?DocInfo\b[^>]*>)(.*?)(</(?:ofd:)?DocInfo>)", re.S)
_OFD_DOCID = re.compile(rb"<(?:ofd:)?DocID\b[^>]*>.*?</(?:ofd:)?DocID>", re.S)
_OFD_TEXT = re.compile(r"^Doc_\d+/(?:Pages/Page_\d+/Content|Annots/.*)\.xml$")


def _refuse(name: str, why: str) -> ExportRefused:
    return ExportRefused(f"附件“{name}”{why}")


def _xml_text(data: bytes) -> str:
    text = _TAG.sub(b" ", data).decode("utf-8", "replace")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def scan(name: str, text: str) -> None:
    """The release-safety scan of an attachment's text; refuses with what was found."""
    text = text[:MAX_TEXT]
    found = []
    for line in text.splitlines():
        found += [f"密级或保密标注“{m}”" for m in markings(line)]
        found += [f"身份证号码“{mask(n)}”" for n in id_numbers(line)]
        found += [f"手机号码“{mask(n)}”" for n in mobile_numbers(line)]
        found += [f"本机文件路径“{p[:60]}”" for p in local_links(line)]
    if found:
        shown = "；".join(list(dict.fromkeys(found))[:3]) + (f"（共{len(found)}处）" if len(found) > 3 else "")
        raise _refuse(name, f"中有不能公开的内容：{shown}。请修改附件后重新放入文件包，或不再发布该附件。")


def _rewrite_archive(name: str, data: bytes, text_parts: re.Pattern[str],
                     clean_part: Callable[[str, bytes], bytes]) -> bytes:
    """The zip-based document rewritten part by part with fixed times, after the text of its
    `text_parts` passed the release-safety scan."""
    check_archive_bytes(data, name)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            text = []
            for info in src.infolist():
                part = src.read(info)
                if text_parts.match(info.filename):
                    text.append(_xml_text(part))
                clean = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                clean.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(clean, clean_part(info.filename, part))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, RuntimeError, NotImplementedError, zlib.error) as e:
        raise _refuse(name, f"已损坏，无法检查（{type(e).__name__}）。请在原程序中另存后重新放入。") from None
    scan(name, "\n".join(text))
    return out.getvalue()


def office_clean(name: str, data: bytes) -> bytes:
    """A .docx/.xlsx scanned, with its core, extended and custom properties emptied."""
    return _rewrite_archive(name, data, _OFFICE_TEXT, lambda filename, part: _STRIPPED_PARTS.get(filename, part))


def _ofd_without_docinfo(filename: str, part: bytes) -> bytes:
    if filename != "OFD.xml":
        return part
    return _OFD_DOCINFO.sub(lambda m: m.group(1) + b"".join(_OFD_DOCID.findall(m.group(2))) + m.group(3), part)


def ofd_clean(name: str, data: bytes) -> bytes:
    """An OFD scanned, with OFD.xml's document information cut down to the document id."""
    return _rewrite_archive(name, data, _OFD_TEXT, _ofd_without_docinfo)


def pdf_clean(name: str, data: bytes) -> bytes:
    """A PDF scanned, rewritten without its document information and XMP metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(name, "有密码保护，无法检查其内容。请取消密码后重新放入文件包。")
        text = []
        size = 0
        for page in reader.pages:
            words = page.extract_text() or ""
            size += len(words)
            text.append(words)
            if size > MAX_TEXT:
                break
        scan(name, "\n".join(text))
        writer = PdfWriter(clone_from=reader)
        writer._info = None  # the /Info dictionary: author, creator, producer, dates
        writer.metadata = None
        if NameObject("/Metadata") in writer.root_object:
            del writer.root_object[NameObject("/Metadata")]
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except ExportRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as e:
        raise _refuse(name, f"已损坏或无法解析（{type(e).__name__}），未予发布。请重新生成 PDF 后放入文件包。") from None


def not_allowed(name: str, suffix: str) -> ExportRefused:
    return _refuse(name, f"的格式“{escape(suffix) or '无扩展名'}”不能发布。附件只能是{ALLOWED}，"
                         "请转换格式后重新放入文件包，或删除该附件。")
