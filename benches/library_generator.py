"""Generate large libraries for benchmarks from a real package made by the studio itself."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

from benches.signed_library import enrol, signed_copy, write_package
from studio.domain import edits, workflow
from studio.domain.pieces import FaqItem
from studio.service import operations
from studio.service.actor import Actor
from studio.store.package_file import FILE_NAME

POLICY = ("各区县人民政府，市政府各部门：\n\n" + "".join(
    f"第{n}条 为促进就业，对符合条件的高校毕业生给予每人每月500元租房补贴，最长发放24个月。\n\n" for n in range(1, 40)))
INTERPRETATION = ("## 一、出台背景和依据\n\n为落实就业优先战略，制定《基准测试办法》。\n\n## 二、目标任务\n\n稳就业。\n\n"
                  "## 三、主要内容\n\n租房补贴每人每月500元。\n\n## 四、适用范围\n\n高校毕业生。\n\n## 五、注意事项\n\n不得重复享受。\n")


def template_package(root: Path, actors: dict[str, Actor]) -> Path:
    """One complete, signed-off package built through the studio's own operations by enrolled members."""
    drafter = actors["起草人"]
    folder = operations.create_package(root, drafter, {
        "title": "明湖市人民政府办公室关于印发《基准测试办法》的通知", "doc_number": "明政办规〔2026〕1号",
        "organ": "明湖市人民政府办公室", "date_written": "2026年3月5日", "kind": "其他", "disclosure": "主动公开"})
    operations.edit(folder, drafter, lambda p: edits.set_metadata(p, {
        "index_number": "11330599MB0000000A/2026-00001", "topic": "综合政务", "interpreter_org": "明湖市人社局",
        "interpreter_person": "李明", "interpreter_contact": "0599-87000000"}))
    operations.edit(folder, drafter, lambda p: edits.set_policy_body(p, POLICY))
    operations.edit(folder, drafter, lambda p: edits.set_text_piece(p, "interpretation", INTERPRETATION))
    operations.edit(folder, drafter, lambda p: edits.set_faq(p, [FaqItem("补贴多少？", "每人每月500元。")]))
    operations.transition(folder, drafter, workflow.SUBMIT)
    operations.transition(folder, actors["初审人"], workflow.REVIEW)
    operations.transition(folder, actors["复审人"], workflow.REVIEW)
    operations.transition(folder, actors["审签人"], workflow.SIGN)
    return folder


def generate(root: Path, count: int) -> Path:
    """A library of `count` packages: copies of the template with their own ids and titles."""
    root.mkdir(parents=True, exist_ok=True)
    actors = enrol(root)
    GENERATED_BY[str(root)] = actors
    template = template_package(root, actors)
    raw = json.loads((template / FILE_NAME).read_text("utf-8"))
    shutil.rmtree(template)
    for n in range(count):
        data = json.loads(json.dumps(raw))
        pkg = data["package"]["1"]
        pkg["id"] = str(uuid.UUID(int=n))
        pkg["metadata"]["title"] = f"明湖市人民政府办公室关于印发《基准测试办法第{n}号》的通知"
        # Every package its own texts and figures, as in a real library: nothing is checked twice.
        pieces = pkg["pieces"]
        pieces["policy"]["body"] = pieces["policy"]["body"].replace("500元", f"{500 + n}元").replace(
            "为促进就业", f"为促进第{n}批就业")
        pieces["interpretation"]["body"] = pieces["interpretation"]["body"].replace("500元", f"{500 + n}元")
        for item in pieces["faq"]["items"]:
            item["answer"] = item["answer"].replace("500元", f"{500 + n}元")
        # Signed off as it now reads, its events relinked and signed by the same members.
        write_package(root / f"p{n:05d}", signed_copy(raw, pkg, actors))
    return root


# The members who made each generated library, by its root (for benchmarks that edit it).
GENERATED_BY: dict[str, dict[str, Actor]] = {}
