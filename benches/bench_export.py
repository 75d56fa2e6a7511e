"""Benchmark: exporting a library of 1,000 released packages as a web site.

    .venv/bin/python -m pip install mkdocs      # for the comparison only; not a dependency
    .venv/bin/python benches/bench_export.py [--packages 1000] [--runs 3]

1. Generates a library: one package is made and released through the studio's own
   operations; the others are copies of its file with fresh ids, their own titles,
   numbers, dates and generated Chinese texts (policy ~3,000 characters, interpretation
   ~3,000, 8 FAQ items, a consultation notice), so every page and the search index are
   different. Explainers are left out: their long images are drawn by the explainer
   renderer, which has its own benchmark, and MkDocs draws no images either.
2. Full export (fresh output folder, no previous state), `--runs` times: pages per second.
3. MkDocs builds the same Markdown bodies (one .md file per exported page), `--runs` times.
4. Re-export after one package changed (a new release of one package), 5 times.
Reports medians; targets are ≥ 2× MkDocs' pages per second and ≤ 1 s for the re-export.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benches.signed_library import enrol, released_on_release_day, signed_copy, write_package  # noqa: E402
from studio.domain import edits, workflow  # noqa: E402
from studio.domain.pieces import FaqItem  # noqa: E402
from studio.render.export.export_state import state_dir_for  # noqa: E402
from studio.render.export.exporter import ExportOptions, export_library  # noqa: E402
from studio.service import operations  # noqa: E402
from studio.store.package_file import FILE_NAME  # noqa: E402

TOPICS = ["劳动、人事、监察\\就业", "城乡建设、环境保护\\住房保障", "综合政务\\政务公开", "卫生、体育\\医药管理",
          "教育、科技\\教育", "财政、金融、审计\\财政", "工业、交通\\交通运输", "农业、林业、水利\\农业"]
ORGANS = ["明湖市人民政府", "明湖市人民政府办公室", "明湖市人力资源和社会保障局", "明湖市住房和城乡建设局"]
SUBJECTS = ["高校毕业生", "老旧小区", "夜间经济", "养老服务", "中小企业", "农村公路", "义务教育", "公共卫生",
            "数字政府", "科技创新", "生态环境", "营商环境"]
ACTIONS = ["给予一次性补贴", "按规定落实税费减免", "优化审批服务流程", "建立联席会议制度", "加强资金监督管理",
           "推行电子证照互认", "完善兜底保障措施", "开展专项督查评估", "实行清单化管理", "强化数据共享应用"]
AMOUNTS = ["500元", "1000元", "1500元", "3000元", "5000元", "1万元", "5万元", "30万元"]


def sentence(rng: random.Random, subject: str) -> str:
    a, b = rng.sample(ACTIONS, 2)
    return (f"对符合条件的{subject}相关主体，{a}，标准为每人{rng.choice(AMOUNTS)}，"
            f"同时{b}，所需资金由市、区县两级财政按{rng.randint(3, 7)}∶{rng.randint(3, 7)}比例分担，"
            f"政策执行期限为{rng.randint(2, 5)}年。")


def paragraphs(rng: random.Random, subject: str, count: int, prefix: str = "") -> str:
    out = []
    for n in range(1, count + 1):
        out.append(f"{prefix.format(n=n)}" + "".join(sentence(rng, subject) for _ in range(rng.randint(1, 3))))
    return "\n\n".join(out)


def texts(rng: random.Random, title: str, number: str, subject: str) -> dict:
    chinese = "一二三四五六七八九十"
    policy = (f"# {title}\n\n{number}\n\n各区县人民政府，市政府各部门：\n\n现将有关措施印发给你们，请认真贯彻执行。\n\n"
              + paragraphs(rng, subject, 26, "第{n}条 ") + "\n")
    sections = ["出台背景和依据", "目标任务", "主要内容", "涉及范围", "执行标准", "注意事项"]
    interpretation = f"# 《{subject}若干措施》政策解读\n\n近日，{number}印发。现解读如下。\n\n" + "\n\n".join(
        f"## {chinese[i]}、{name}\n\n{paragraphs(rng, subject, 3)}" for i, name in enumerate(sections)) + "\n"
    faq = [FaqItem(f"{subject}政策第{i}问：{rng.choice(ACTIONS)}如何申请？", sentence(rng, subject) * 2)
           for i in range(1, 9)]
    consultation = (f"# 关于公开征求《{subject}若干措施（征求意见稿）》意见的公告\n\n"
                    + paragraphs(rng, subject, 4) + "\n")
    return {"policy": policy, "interpretation": interpretation, "faq": faq, "consultation": consultation}


def template_package(root: Path, actors: dict) -> Path:
    """One released package made through the studio's own operations, by enrolled members."""
    rng = random.Random(0)
    drafter = actors["起草人"]
    title = "明湖市人民政府关于印发《高校毕业生若干措施》的通知"
    number = "明政发〔2026〕1号"
    folder = operations.create_package(root, drafter, {
        "title": title, "doc_number": number, "organ": "明湖市人民政府", "date_written": "2026年3月5日",
        "kind": "其他", "disclosure": "主动公开", "index_number": "11330599MB0000000A/2026-00001",
        "topic": TOPICS[0], "interpreter_org": "明湖市人力资源和社会保障局", "interpreter_person": "李明",
        "interpreter_contact": "0599-87000000", "consultation_start": "2026-01-05", "consultation_end": "2026-02-06",
        "consultation_feedback": "收到意见12条，采纳5条。"})
    t = texts(rng, title, number, "高校毕业生")
    operations.edit(folder, drafter, lambda p: edits.set_policy_body(p, t["policy"]))
    operations.edit(folder, drafter, lambda p: edits.set_text_piece(p, "interpretation", t["interpretation"]))
    operations.edit(folder, drafter, lambda p: edits.set_faq(p, t["faq"]))
    operations.edit(folder, drafter, lambda p: edits.set_text_piece(p, "consultation", t["consultation"]))
    for user, action in (("起草人", workflow.SUBMIT), ("初审人", workflow.REVIEW), ("复审人", workflow.REVIEW),
                         ("审签人", workflow.SIGN), ("发布人", workflow.RELEASE)):
        released_on_release_day(lambda u=user, a=action: operations.transition(folder, actors[u], a))
    return folder


def _vary(snapshot: dict, n: int, rng: random.Random, version_note: str = "") -> dict:
    subject = SUBJECTS[n % len(SUBJECTS)]
    number = f"明政发〔{2020 + n % 7}〕{n + 1}号"
    title = f"明湖市人民政府关于印发《{subject}若干措施（第{n + 1}号）》的通知"
    t = texts(rng, title, number, subject)
    pkg = json.loads(json.dumps(snapshot))
    meta = pkg["metadata"]
    meta.update(title=title, doc_number=number, organ=ORGANS[n % len(ORGANS)], topic=TOPICS[n % len(TOPICS)],
                index_number=f"11330599MB0000000A/{2020 + n % 7}-{n + 1:05d}",
                date_written=f"{2020 + n % 7}年{n % 12 + 1}月{n % 28 + 1}日",
                date_published=f"{2020 + n % 7}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                validity=["现行有效", "现行有效", "现行有效", "已修订", "已废止"][n % 5])
    pieces = pkg["pieces"]
    pieces["policy"]["body"] = t["policy"] + version_note
    pieces["interpretation"]["body"] = t["interpretation"]
    pieces["interpretation"]["policy_ref"] = number
    pieces["faq"]["items"] = [i.to_dict() for i in t["faq"]]
    pieces["consultation"]["body"] = t["consultation"]
    pkg["released_at"] = f"{meta['date_published']}T10:00:00+08:00"
    return pkg


_ACTORS: dict = {}
_TEMPLATE: dict = {}


def generate(root: Path, count: int) -> Path:
    """`count` released packages, each with its own signed audit chain, in a library with a roster."""
    root.mkdir(parents=True, exist_ok=True)
    _ACTORS.update(enrol(root))
    template = template_package(root, _ACTORS)
    raw = json.loads((template / FILE_NAME).read_text("utf-8"))
    shutil.rmtree(template)
    _TEMPLATE.update(raw)
    rng = random.Random(42)
    release_key = next(iter(raw["releases"]))
    for n in range(count):
        pkg = _vary(raw["releases"][release_key]["package"], n, rng)
        pkg["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        write_package(root / f"p{n:05d}", signed_copy(raw, pkg, _ACTORS))
    return root


def change_one(root: Path, n: int) -> None:
    """A new release of package n: its policy text gains a sentence (signed again by its members)."""
    path = root / f"p{n:05d}" / FILE_NAME
    data = json.loads(path.read_text("utf-8"))
    pkg = data["releases"]["1"]["package"]
    pkg["pieces"]["policy"]["body"] += f"\n\n第{time.monotonic_ns()}次修订：本条自发布之日起施行。\n"
    write_package(path.parent, signed_copy(_TEMPLATE, pkg, _ACTORS))


def full_export(library: Path, out: Path) -> tuple[float, int]:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(state_dir_for(out), ignore_errors=True)
    start = time.perf_counter()
    export_library(library, out, ExportOptions(site_name="明湖市人民政府", base_url="https://www.example.gov.cn"))
    elapsed = time.perf_counter() - start
    return elapsed, sum(1 for _ in out.rglob("*.html"))


def mkdocs_project(library: Path, work: Path) -> tuple[Path, int]:
    """The same Markdown bodies as the exported pages, one file per page."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    count = 0
    for folder in sorted(p for p in library.iterdir() if p.is_dir()):
        data = json.loads((folder / FILE_NAME).read_text("utf-8"))
        pieces = data["releases"]["1"]["package"]["pieces"]
        bodies = {"policy": pieces["policy"]["body"], "interpretation": pieces["interpretation"]["body"],
                  "consultation": pieces["consultation"]["body"],
                  "faq": "\n\n".join(f"## {i['question']}\n\n{i['answer']}" for i in pieces["faq"]["items"])}
        for key, body in bodies.items():
            (docs / f"{folder.name}-{key}.md").write_text(body, "utf-8")
            count += 1
    (docs / "index.md").write_text("# 政策文件库\n", "utf-8")
    # A one-entry nav: listing every page in every page's nav would make MkDocs quadratic, not fair.
    (work / "mkdocs.yml").write_text("site_name: 政策文件库\nnav:\n  - index.md\n", "utf-8")
    return work, count + 1


def mkdocs_build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                    "-d", str(project / "site")], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        print("需要 MkDocs 作对比：.venv/bin/python -m pip install mkdocs", file=sys.stderr)
        return 2
    os.environ.setdefault("STUDIO_CONFIG_DIR", tempfile.mkdtemp(prefix="bench-config-"))
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        library = generate(work / "library", args.packages)
        print(f"generated {args.packages} released packages in {time.perf_counter() - start:.1f} s")

        runs = [full_export(library, work / "site") for _ in range(args.runs)]
        pages = runs[0][1]
        ours = statistics.median(t for t, _ in runs)
        print(f"full export: {pages} pages, median {ours:.2f} s = {pages / ours:.0f} pages/s "
              f"(runs: {', '.join(f'{t:.2f}' for t, _ in runs)})")

        project, md_pages = mkdocs_project(library, work / "mkdocs")
        theirs = statistics.median(mkdocs_build(project) for _ in range(args.runs))
        print(f"MkDocs: {md_pages} pages, median {theirs:.2f} s = {md_pages / theirs:.0f} pages/s")
        ratio = (pages / ours) / (md_pages / theirs)
        print(f"ratio: {ratio:.1f}× MkDocs pages per second (target ≥ 2×)")

        again = []
        for n in range(5):
            change_one(library, n * 97 % args.packages)
            start = time.perf_counter()
            report = export_library(library, work / "site",
                                    ExportOptions(site_name="明湖市人民政府", base_url="https://www.example.gov.cn"))
            again.append(time.perf_counter() - start)
            assert len(report.rendered) == 1, report.rendered
        print(f"re-export after one change: median {statistics.median(again):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in again)}; target ≤ 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
