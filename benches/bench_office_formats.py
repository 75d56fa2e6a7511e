"""Benchmark: a 50-page old Word (.doc) file through LibreOffice, including its start, and a
50-page PDF through PDFium (pypdfium2); each read as an import reads it (text and lines).

Run on demand:  .venv/bin/python benches/bench_office_formats.py [--runs 5]
Targets on a 2-core machine: .doc median ≤ 5 s; PDF median ≤ 2 s.
The files are made once per run: a 50-page 公文 written with python-docx, then saved
as .doc and as PDF by LibreOffice itself.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx  # noqa: E402

from studio.ingest.office_convert import soffice_path  # noqa: E402
from studio.ingest.reader import read_document  # noqa: E402

_PARAGRAPH = ("为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，根据有关法律法规和政策规定，"
              "结合本市实际，现就有关事项通知如下。各地各部门要提高思想认识，加强组织领导，明确责任分工，"
              "确保各项措施落地见效。")


def make_word(path: Path, pages: int) -> Path:
    d = docx.Document()
    for line in ("明湖市人民政府文件", "明政发〔2026〕3号", "明湖市人民政府关于进一步优化营商环境的若干措施",
                 "各区县人民政府，市政府各部门："):
        d.add_paragraph(line)
    for n in range(pages * 11):  # about eleven such paragraphs fill an A4 page
        if n % 22 == 0:
            d.add_paragraph(f"第{n // 22 + 1}部分")
        d.add_paragraph(_PARAGRAPH)
    d.add_paragraph("明湖市人民政府")
    d.add_paragraph("2026年3月4日")
    d.save(path)
    return path


def convert(source: Path, target: str, work: Path) -> Path:
    profile = (work / "profile").as_uri()
    subprocess.run([soffice_path() or "soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", target, "--outdir", str(work), str(source)], check=True, capture_output=True)
    return work / f"{source.stem}.{target.split(':')[0]}"


def time_reads(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        document = read_document(path)
        times.append(time.perf_counter() - start)
        assert document.lines, "nothing read"
    return times


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    if soffice_path() is None:
        print("LibreOffice 未安装，无法运行此基准。")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = make_word(work / "policy.docx", args.pages)
        doc = convert(source, "doc:MS Word 97", work)
        pdf = convert(source, "pdf", work)
        print(f"PDF pages: {pdf_pages(pdf)}")
        for name, path, target in ((".doc via LibreOffice", doc, 5.0), ("PDF via PDFium", pdf, 2.0)):
            times = time_reads(path, args.runs)
            median = statistics.median(times)
            verdict = "OK" if median <= target else "SLOW"
            print(f"{name:22} median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}; "
                  f"target ≤ {target:.0f} s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
