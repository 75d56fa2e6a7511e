"""The audit trail: append-only, each event carrying the hash of the one before it.

`verify` recomputes the chain, so a changed, deleted, inserted or reordered event shows,
and so does content changed outside the studio after the last recorded event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.domain.hashing import content_hash

GENESIS = "0" * 64

ACTION_LABELS = {
    "create": "创建文件包",
    "edit": "修改",
    "import": "导入",
    "link": "关联",
    "unlink": "取消关联",
    "submit": "提交审核",
    "review": "审核通过",
    "review1": "初审通过",
    "review2": "复审通过",
    "sign": "审签",
    "release": "发布",
    "return": "退回修改",
    "amend": "修订（新版本）",
    "void": "审核、审签作废",
    "migrate": "升级文件格式",
    "adopt": "登记文件包外的改动",
    "settings": "修改文件库设置",
    "comment": "提出段落意见",
    "resolve_comment": "段落意见已处理",
}

# Not part of an event's hash: the signature is made over the hash.
UNHASHED = ("hash", "sig")


def event_hash(event: dict[str, Any]) -> str:
    return content_hash({k: v for k, v in event.items() if k not in UNHASHED})


def action_key(event: dict[str, Any]) -> str:
    """The action as roles and labels know it: a review is 初审 or 复审 by its level."""
    action = str(event.get("action", ""))
    if action == "review" and event.get("level") in (1, 2):
        return f"review{event['level']}"
    return action


def make_event(previous: dict[str, Any] | None, **fields: Any) -> dict[str, Any]:
    event = {
        "seq": (previous["seq"] + 1) if previous else 1,
        "prev": previous["hash"] if previous else GENESIS,
        **fields,
    }
    event["hash"] = event_hash(event)
    return event


def describe(event: dict[str, Any]) -> str:
    who = event.get("user", "?")
    if event.get("office"):
        who += f"（{event['office']}）"
    action = ACTION_LABELS.get(action_key(event), event.get("action", "?"))
    return f"第{event.get('seq', '?')}条（{event.get('at', '?')} {who} {action}）"


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(events: list[dict[str, Any]], current_package_hash: str) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    previous_hash = GENESIS
    for expected_seq, event in enumerate(events, 1):
        seq = event.get("seq")
        if seq != expected_seq:
            problems.append(ChainProblem(expected_seq, f"记录序号不连续：应为第{expected_seq}条，实为第{seq}条（记录被删除、插入或调换）。"))
        if event.get("prev") != previous_hash:
            problems.append(ChainProblem(expected_seq, f"{describe(event)}与前一条记录的链接断开（前面的记录被删除、插入或改动）。"))
        if event.get("hash") != event_hash(event):
            problems.append(ChainProblem(expected_seq, f"{describe(event)}的内容被改动过。"))
        previous_hash = event.get("hash", "")
    if not events:
        problems.append(ChainProblem(0, "没有任何审计记录，无法证明文件包的来历。"))
    elif events[-1].get("package_hash") != current_package_hash:
        problems.append(ChainProblem(len(events),
                                     f"文件包当前内容与最后一条记录{describe(events[-1])}不一致：内容在审计记录之外被改动过。"))
    return problems
