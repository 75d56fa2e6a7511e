"""Benchmark: importing a 50-page Word policy, and all checks on a 20,000-character package.

Run on demand:  .venv/bin/python benches/bench_import.py [--runs 7]
Targets: import (read, extract metadata, save into a package) median ≤ 2 s;
check_package on a 20,000-character package median ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx  # noqa: E402
from docx.shared import Inches  # noqa: E402
from PIL import Image  # noqa: E402

from studio.domain import edits  # noqa: E402
from studio.domain.pieces import FaqItem  # noqa: E402
from studio.domain.rules import check_package  # noqa: E402
from studio.domain.settings import RuleSettings  # noqa: E402
from studio.service import importing, operations  # noqa: E402
from studio.service.session import Actor  # noqa: E402

# About 700 characters of body text make one printed 公文 page (22 lines of 28 characters).
PAGE_CHARS = 700
MEASURES = ("对吸纳高校毕业生就业的企业，按每人{n}000元给予一次性吸纳就业补贴，所需资金从就业补助资金中列支。",
            "租房补贴标准为每人每月{n}00元，最长发放24个月，由各区县人力资源社会保障部门在受理之日起20个工作日内完成审核。",
            "鼓励高校毕业生到基层工作，在村（社区）工作满3年的，给予{n}万元一次性基层就业奖励。",
            "各地区、各有关部门要加强组织领导，明确责任分工，完善工作机制，确保各项措施落地见效。")
CN = "一二三四五六七八九十"


def picture(color: str) -> io.BytesIO:
    buf = io.BytesIO()
    Image.new("RGB", (400, 240), color).save(buf, "PNG")
    buf.seek(0)
    return buf


def build_docx(path: Path, pages: int) -> int:
    """A 公文 of about `pages` pages: 版头, title, headings, bold, tables, images, signature."""
    d = docx.Document()
    for line in ("明湖市人民政府文件", "明政发〔2026〕8号", "明湖市人民政府关于支持高校毕业生", "就业创业的若干措施",
                 "各区县人民政府，市政府各部门："):
        d.add_paragraph(line)
    chars, section = 0, 0
    while chars < pages * PAGE_CHARS:
        section += 1
        d.add_heading(f"{CN[(section - 1) % 10]}、第{section}部分措施", 2)
        for n in range(1, 9):
            p = d.add_paragraph(f"（{CN[n - 1]}）")
            p.add_run("重点任务。").bold = True
            text = MEASURES[(section + n) % len(MEASURES)].format(n=n)
            p.add_run(text)
            chars += len(text) + 8
        if section % 5 == 0:
            table = d.add_table(rows=4, cols=3)
            for r in range(4):
                for c in range(3):
                    table.cell(r, c).text = f"第{r}行第{c}列补贴标准{r * c}元"
            chars += 120
        if section % 10 == 0:
            d.add_picture(picture(("red", "green", "blue")[section // 10 % 3]), width=Inches(4))
    for line in ("明湖市人民政府", "2026年3月4日", "（此件公开发布）"):
        d.add_paragraph(line)
    d.save(path)
    return chars


def big_package(policy_chars: int = 12_000, interpretation_chars: int = 6_000):
    """A draft whose pieces hold about 20,000 characters."""
    from tests import factories

    package = factories.draft()
    policy = []
    while sum(map(len, policy)) < policy_chars:
        n = len(policy) + 1
        policy.append(f"第{n}条 " + MEASURES[n % len(MEASURES)].format(n=n % 9 + 1))
    interpretation = ["## 一、出台背景", "为落实就业优先战略，制定《明湖市青年人才租房补贴办法》。", "## 二、主要内容"]
    while sum(map(len, interpretation)) < interpretation_chars:
        n = len(interpretation)
        interpretation.append(f"第{n}项：简单说，符合条件的毕业生每人每月可领{n % 9 + 1}00元，办理时限为20个工作日，"
                              "申请人可通过“明湖就业”平台在线提交材料，无需跑腿。")
    package = edits.set_policy_body(package, "\n\n".join(policy)).package
    package = edits.set_text_piece(package, "interpretation", "\n\n".join(interpretation)).package
    faq = [FaqItem(f"问题{n}：租房补贴每月多少？", f"每人每月{n % 9 + 1}00元，最长24个月。") for n in range(60)]
    package = edits.set_faq(package, faq).package
    size = sum(len(package.pieces.get(k).plain_text()) for k in ("policy", "interpretation", "faq", "explainer"))
    return package, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    actor = Actor("基准导入人")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "policy.docx"
        chars = build_docx(source, args.pages)
        times = []
        for n in range(args.runs):
            folder = operations.create_package(Path(tmp) / "lib", actor, {"title": f"基准{n}"})
            start = time.perf_counter()
            importing.import_file(folder, actor, source, "policy")
            times.append(time.perf_counter() - start)
        print(f"import of a {args.pages}-page .docx ({chars} characters, {source.stat().st_size // 1024} KB): "
              f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)}; target ≤ 2 s)")

    package, size = big_package()
    settings = RuleSettings()
    check_package(package, package and __import__("datetime").date(2026, 3, 10), settings)  # warm caches
    times = []
    for _ in range(args.runs * 3):
        start = time.perf_counter()
        check_package(package, __import__("datetime").date(2026, 3, 10), settings)
        times.append(time.perf_counter() - start)
    print(f"all checks on a {size}-character package: median {statistics.median(times) * 1000:.1f} ms "
          f"(target ≤ 100 ms)")


if __name__ == "__main__":
    main()
