"""Old Word (.doc), WPS (.wps), RTF and OpenDocument (.odt) files, converted to .docx by
LibreOffice in headless mode and then read like any Word file.

LibreOffice runs with a profile of the studio's own (never the user's LibreOffice profile),
kept in the user cache folder because making a new profile costs a second or more. Only one
conversion uses it at a time: while it is taken (another import running), a conversion
makes a throwaway profile in its temporary folder, so concurrent runs never share one.
A conversion that fails with the kept profile is tried once more with a fresh one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from studio.domain.errors import InvalidInput

CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
_TIMEOUT_SECONDS = 120
_STALE_LOCK_SECONDS = 2 * _TIMEOUT_SECONDS
_INSTALL_HINT = ("读取该文件需要 LibreOffice。请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install "
                 "libreoffice-writer-nogui；Windows/macOS：从 libreoffice.org 下载安装），"
                 "或在 Word / WPS 中将“{name}”另存为 .docx 后再导入。")


def soffice_path() -> str | None:
    """The LibreOffice program, from $STUDIO_SOFFICE, the PATH or its usual install folders."""
    configured = os.environ.get("STUDIO_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if Path(candidate).is_file():
            return candidate
    return None


def converted_to_docx(path: Path, work: Path) -> Path:
    """`path` converted into a .docx inside the folder `work`; raises InvalidInput saying why not."""
    path = Path(path)
    program = soffice_path()
    if program is None:
        raise InvalidInput(f"无法导入“{path.name}”：没有找到 LibreOffice。" + _INSTALL_HINT.format(name=path.name))
    # A plain ASCII copy: LibreOffice's command line mishandles some names on some systems.
    source = work / f"source{path.suffix.lower()}"
    shutil.copyfile(path, source)
    target = work / "source.docx"
    with _kept_profile() as kept:
        if kept is not None and _run(program, kept, source, work, path.name) and target.is_file():
            return target
    fresh = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=work))
    if not _run(program, fresh, source, work, path.name) or not target.is_file():
        raise InvalidInput(f"LibreOffice 无法转换“{path.name}”：文件可能已损坏或有密码保护。"
                           "请在 Word / WPS 中打开，另存为 .docx 后再导入。")
    return target


def _run(program: str, profile: Path, source: Path, work: Path, shown: str) -> bool:
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work), str(source)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_SECONDS, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise InvalidInput(f"LibreOffice 转换“{shown}”超过 {_TIMEOUT_SECONDS} 秒仍未完成。"
                           "请在 Word / WPS 中将其另存为 .docx 后再导入。") from None
    except OSError as e:
        raise InvalidInput(f"无法启动 LibreOffice（{e.strerror or e}）。" + _INSTALL_HINT.format(name=shown)) from None
    return done.returncode == 0


@contextmanager
def _kept_profile() -> Iterator[Path | None]:
    """The studio's LibreOffice profile, or None while another conversion holds it."""
    from studio.paths import user_cache_dir

    try:
        folder = user_cache_dir() / "libreoffice-profile"
        folder.parent.mkdir(parents=True, exist_ok=True)
        lock = folder.parent / "libreoffice-profile.lock"
        if lock.exists() and time.time() - lock.stat().st_mtime > _STALE_LOCK_SECONDS:
            lock.unlink(missing_ok=True)  # left by a conversion that was killed
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except OSError:
        yield None
        return
    try:
        os.write(fd, str(os.getpid()).encode())
        yield folder
    finally:
        os.close(fd)
        lock.unlink(missing_ok=True)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def _kind(head: bytes) -> str:
    """What the file's first bytes say it is, whatever its name says."""
    if head.startswith(_OLE2):
        return "ole2"
    if head.startswith(_ZIP):
        return "zip"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    lowered = head.lower()
    if b"<html" in lowered or b"mime-version" in lowered or b"<?xml" in lowered:
        return "markup"  # "Word" files saved as web pages or Word 2003 XML
    return ""


def read_converted(path: Path):
    """An office file LibreOffice can open, read as the .docx it converts to."""
    from studio.ingest.docx_file import read_docx

    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"找不到文件“{path}”。请检查路径。")
    with path.open("rb") as f:
        head = f.read(2048)
    kind = _kind(head)
    if kind == "zip" and path.suffix.lower() != ".odt":
        return read_docx(path)  # a .docx under an old name
    if not kind or (kind == "ole2" and len(head) < 512):
        raise InvalidInput(f"无法打开“{path.name}”：文件已损坏，或不是 Word / WPS 文档。"
                           "请在 Word 或 WPS 中打开后另存为 .docx 再导入。")
    with tempfile.TemporaryDirectory(prefix="studio-convert-") as work:
        return read_docx(converted_to_docx(path, Path(work)), shown_name=path.name)
