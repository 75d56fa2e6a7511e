"""Is a package.json's content shaped like a package? Checked once, when the file is read.

Valid JSON can still be the wrong shape (a body that is a number, sections as a string,
the audit table as a list). Every such file is refused here, with the place named, so
nothing further on meets a value of the wrong type.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache
from typing import Any

from studio.domain.package import Package

# Too deep to be a package: refused before anything walks it.
MAX_DEPTH = 64


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _problem(value: Any, hint: Any, where: str, depth: int = 0) -> str:
    """Where `value` does not match the type `hint` ("" when it does)."""
    if depth > MAX_DEPTH:
        return f"{where}嵌套过深"
    origin = typing.get_origin(hint)
    if hint is Any:
        return _json_problem(value, where, depth)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if any(not _problem(value, o, where, depth) for o in options):
            return ""
        return f"{where}的类型不对"
    if hint is type(None):
        return "" if value is None else f"{where}应为空"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):
            return f"{where}的类型不对"
        for f in dataclasses.fields(hint):
            found = _problem(getattr(value, f.name), _hints(hint)[f.name], f"{where}.{f.name}", depth + 1)
            if found:
                return found
        return ""
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "" if isinstance(value, hint) else f"{where}的取值不对"
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            return f"{where}应为列表"
        item = args[0] if args else Any
        return next((p for i, v in enumerate(value) if (p := _problem(v, item, f"{where}[{i}]", depth + 1))), "")
    if origin is dict or hint is dict:
        args = typing.get_args(hint) or (str, Any)
        if not isinstance(value, dict):
            return f"{where}应为对象"
        for k, v in value.items():
            found = _problem(k, args[0], f"{where}的键", depth + 1) or _problem(v, args[1], f"{where}.{k}", depth + 1)
            if found:
                return found
        return ""
    if hint is int:
        return "" if isinstance(value, int) and not isinstance(value, bool) else f"{where}应为整数"
    if hint is str:
        return "" if isinstance(value, str) else f"{where}应为文字"
    return "" if isinstance(value, hint) else f"{where}的类型不对"


def _json_problem(value: Any, where: str, depth: int) -> str:
    """Free-form JSON (explainer sections): only its depth is limited."""
    if depth > MAX_DEPTH:
        return f"{where}嵌套过深"
    if isinstance(value, dict):
        return next((p for k, v in value.items() if (p := _json_problem(v, f"{where}.{k}", depth + 1))), "")
    if isinstance(value, (list, tuple)):
        return next((p for i, v in enumerate(value) if (p := _json_problem(v, f"{where}[{i}]", depth + 1))), "")
    return ""


def package_problem(data: Any) -> str:
    """What is wrong with a stored package record, in words ("" when it is a package)."""
    if not isinstance(data, dict):
        return "文件包记录不是一个对象"
    if not isinstance(data.get("id"), str) or not data["id"]:
        return "缺少文件包编号（id）"
    try:
        package = Package.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as e:
        return f"字段内容格式不对（{type(e).__name__}）"
    return _problem(package, Package, "文件包")


def table_problem(raw: dict[str, Any], table: str) -> str:
    docs = raw.get(table, {})
    if not isinstance(docs, dict):
        return f"“{table}”表应为对象"
    for key, row in docs.items():
        if not key.isdigit():
            return f"“{table}”表中有无效的记录号“{key[:20]}”"
        if not isinstance(row, dict):
            return f"“{table}”表第{key}条记录不是对象"
    return ""


def release_problem(row: dict[str, Any], n: int) -> str:
    if "package" not in row:
        return f"第{n}个已发布版本缺少文件包内容"
    found = package_problem(row["package"])
    if found:
        return f"第{n}个已发布版本：{found}"
    hashes = row.get("hashes")
    if hashes is not None and not (isinstance(hashes, dict) and all(isinstance(v, str) for v in hashes.values())):
        return f"第{n}个已发布版本的内容指纹格式不对"
    return ""


_EVENT_TEXT = ("user", "office", "action", "at", "comment", "piece", "hash", "prev", "package_hash")


def event_problem(event: dict[str, Any], n: int) -> str:
    for key in _EVENT_TEXT:
        if key in event and not isinstance(event[key], str):
            return f"第{n}条审计记录的“{key}”应为文字"
    if "seq" in event and (not isinstance(event["seq"], int) or isinstance(event["seq"], bool)):
        return f"第{n}条审计记录的序号“seq”应为整数"
    fields = event.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        return f"第{n}条审计记录的“fields”应为文字列表"
    return ""


def append_problem(last: dict[str, Any], n: int) -> str:
    """Why a new audit event cannot be chained after `last` ("" when it can)."""
    if not isinstance(last.get("seq"), int) or isinstance(last.get("seq"), bool):
        return f"第{n}条记录没有有效的序号"
    if not isinstance(last.get("hash"), str) or not last["hash"]:
        return f"第{n}条记录没有哈希值"
    return ""
