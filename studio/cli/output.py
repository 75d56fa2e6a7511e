"""Printing for the command line: findings, packages, events."""

from __future__ import annotations

import json
import sys
from typing import Any

from studio.domain.findings import Finding
from studio.domain.metadata import LABELS
from studio.domain.pieces import piece_label

_ICONS = {"blocking": "✖ 阻止发布", "warning": "▲ 警告", "info": "● 提示"}


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_json_list(items: list[Any]) -> None:
    """A JSON list with one item per line: readable, and fast for thousands of packages."""
    sys.stdout.write("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]\n")


def where(f: Finding) -> str:
    place = "元数据" if f.piece == "metadata" else ("文件包" if f.piece == "package" else piece_label(f.piece))
    if f.field and f.piece == "metadata":
        place += f"·{LABELS.get(f.field, f.field)}"
    return place


def finding_line(f: Finding) -> str:
    return f"  {_ICONS[f.severity.value]} [{f.code}] {where(f)}：{f.display_message()}"


def notice(text: str) -> None:
    print(text, file=sys.stderr)
