"""What the last audit event recorded of a package, against what is on disk now.

Every event records the hash of every part (metadata and each piece), of the whole
package (state, reviews, sign-off included) and of every media file, so a change made
outside the studio is named precisely: the piece, the field group or the file.
"""

from __future__ import annotations

from typing import Any

from studio.domain.package import METADATA_PART, Package
from studio.domain.pieces import piece_label
from studio.store.side_files import CHECKPOINTS_FILE, COMMENTS_FILE, SIDE_FILES


def part_label(part: str) -> str:
    return "元数据" if part == METADATA_PART else piece_label(part)


SIDE_LABELS = {COMMENTS_FILE: "审核意见", CHECKPOINTS_FILE: "提交、审核时留存的文本"}


def differences(last: dict[str, Any] | None, package: Package, media: dict[str, str],
                side: dict[str, str] | None = None) -> list[str]:
    """One Chinese sentence per difference between the package now and its last event ([] when none).

    `side`: the hashes of the review records beside package.json (None: not looked at).
    """
    if last is None:
        return ["没有任何审计记录，无法证明文件包的来历。"]
    out: list[str] = []
    recorded_parts = last.get("parts")
    if isinstance(recorded_parts, dict):
        for part, h in package.part_hashes().items():
            if recorded_parts.get(part) != h:
                out.append(f"{part_label(part)}的内容与最后一条审计记录不一致。")
    if last.get("package_hash") != package.package_hash() and not out:
        out.append("文件包的状态、审核或审签信息与最后一条审计记录不一致。")
    recorded_media = last.get("media")
    if isinstance(recorded_media, dict):
        for name in sorted(set(recorded_media) | set(media)):
            if name not in media:
                out.append(f"图片文件 media/{name} 已被删除。")
            elif name not in recorded_media:
                out.append(f"图片文件 media/{name} 不在审计记录中（在工作室之外加入）。")
            elif recorded_media[name] != media[name]:
                out.append(f"图片文件 media/{name} 的内容已被替换。")
    recorded_side = last.get("side")
    if side is not None and isinstance(recorded_side, dict):
        for name in SIDE_FILES:
            if recorded_side.get(name) != side.get(name):
                what = ("已被删除" if name not in side else "在工作室之外加入" if name not in recorded_side
                        else "在工作室之外被改动过")
                out.append(f"{SIDE_LABELS[name]}（{name}）{what}，与最后一条审计记录不一致。")
    return out


def outside_change_message(folder_name: str, found: list[str]) -> str:
    return (f"文件包“{folder_name}”在工作室之外被改动过，与最后一条审计记录不一致：\n"
            + "\n".join(f"  - {x}" for x in found)
            + "\n为避免把来历不明的改动混入文件包，本次操作已取消。请核实改动；如确认要保留，"
              "请登记为你本人的修改并说明理由（命令行：studio adopt 文件包 --reason 理由；窗口：文件包菜单“登记外部改动…”），"
              "登记会使已有的审核、审签作废；如不保留，请从备份恢复。")
