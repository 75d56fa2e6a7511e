"""Benchmark: drawing a 6-section explainer with 2 charts at 1080 px, written as PNG and JPEG.

Run on demand:  .venv/bin/python benches/bench_explainer.py [--runs 7]
Targets on a 2-core machine: median ≤ 0.8 s warm (in one process), ≤ 2 s including
process start (`studio render-explainer` in a fresh process: imports, fonts, matplotlib).
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

from studio.domain import edits  # noqa: E402
from studio.domain.metadata import Metadata  # noqa: E402
from studio.domain.pieces import ExplainerPiece  # noqa: E402
from studio.service import operations  # noqa: E402
from studio.service.session import Actor  # noqa: E402

META = {
    "title": "明湖市人民政府办公室关于印发《明湖市支持高校毕业生就业创业若干措施》的通知",
    "doc_number": "明政办规〔2026〕3号",
    "organ": "明湖市人民政府办公室",
    "date_written": "2026年11月19日",
    "interpreter_org": "明湖市人力资源和社会保障局",
}

EXPLAINER = {
    "title": "一图读懂《明湖市支持高校毕业生就业创业若干措施》",
    "subtitle": "十八条措施助力高校毕业生来明湖、留明湖、建设明湖",
    "sections": [
        {"type": "points", "heading": "四个方面十八条措施", "items": [
            "拓宽市场化社会化就业渠道：企业吸纳、灵活就业、国企招聘、基层就业多措并举",
            "鼓励支持自主创业：创业补贴、担保贷款、场地支持、项目资助全链条扶持",
            "强化生活和安居保障：求职创业补贴、租房补贴、购房补贴、青年人才驿站",
            "优化就业服务和困难帮扶：精准服务、就业见习、技能培训、兜底帮扶"]},
        {"type": "figures", "heading": "核心数字", "items": [
            {"value": "1500", "unit": "元", "label": "一次性求职创业补贴（每人）"},
            {"value": "5000", "unit": "元", "label": "一次性创业补贴"},
            {"value": "30", "unit": "万元", "label": "个人创业担保贷款最高额度"},
            {"value": "36", "unit": "个月", "label": "灵活就业社会保险补贴最长期限"}]},
        {"type": "chart", "heading": "主要一次性补贴标准", "chart": "barh", "data": [
            ["一次性吸纳就业补贴（每招用1人）", 1000], ["一次性求职创业补贴（每人）", 1500],
            ["创业带动就业补贴（每吸纳1人）", 2000], ["一次性创业补贴", 5000]],
            "caption": "单位：元", "source": "《若干措施》第一、六、八、十一条"},
        {"type": "steps", "heading": "怎么申领", "items": [
            "登录“明湖就业”服务平台，在线提交申请材料", "区县人力社保部门受理之日起20个工作日内完成审核",
            "审核通过的名单公示5个工作日", "公示无异议后，资金拨付至申请单位或个人的银行账户"]},
        {"type": "chart", "heading": "补贴资金构成", "chart": "pie", "data": [
            ["求职创业补贴", 1200], ["租房补贴", 2600], ["吸纳就业补贴", 900], ["其他", 300]],
            "caption": "单位：万元", "source": "市人力社保局"},
        {"type": "timeline", "heading": "时间节点", "items": [
            {"date": "2026年11月19日", "text": "市政府办公室印发《若干措施》"},
            {"date": "2026年12月1日", "text": "《若干措施》正式施行"},
            {"date": "2028年11月30日", "text": "《若干措施》有效期届满"}]},
    ],
    "width": 1080,
}


def time_warm(runs: int) -> list[float]:
    from studio.render.explainer import render

    piece, meta = ExplainerPiece.from_dict(EXPLAINER), Metadata.from_dict(META)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        render(piece, meta, Path(tmp) / "warm-up", reuse=False)
        for n in range(runs):
            start = time.perf_counter()
            render(piece, meta, Path(tmp) / str(n), formats=("png", "jpg"), reuse=False)
            times.append(time.perf_counter() - start)
    return times


def make_package(root: Path) -> Path:
    actor = Actor("基准编辑人")
    folder = operations.create_package(root, actor, META)
    operations.edit(folder, actor, lambda p: edits.set_explainer(p, EXPLAINER))
    return folder


def time_with_start(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_package(Path(tmp) / "library")
        for n in range(runs):
            out = Path(tmp) / f"out-{n}"  # a fresh folder: nothing to reuse
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "studio", "render-explainer", str(folder),
                                     "--out", str(out)], capture_output=True)
            times.append(time.perf_counter() - start)
            assert result.returncode == 0, result.stderr.decode()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    warm = time_warm(args.runs)
    print(f"explainer 6 sections, 2 charts, 1080 px, PNG+JPEG, warm: median {statistics.median(warm):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in warm)}; target ≤ 0.8 s)")
    cold = time_with_start(args.runs)
    print(f"the same with process start (studio render-explainer): median {statistics.median(cold):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in cold)}; target ≤ 2 s)")


if __name__ == "__main__":
    main()
