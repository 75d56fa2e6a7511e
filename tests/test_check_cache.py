"""A library check reuses what the content rules found for unchanged content, and only that."""

from __future__ import annotations

import json
from datetime import date

from studio.domain import edits
from studio.domain.rules import check_package
from studio.service import check_cache, operations
from studio.store.library import Library
from tests.members import member

TODAY = date(2026, 3, 10)


def make_library(tmp_path, n=3):
    root = tmp_path / "lib"
    actor = member(tmp_path / "lib", "张三")
    folders = []
    for i in range(n):
        folder = operations.create_package(root, actor, {"title": f"测试办法{i}", "kind": "其他"})
        operations.edit(folder, actor, lambda p, i=i: edits.set_policy_body(p, f"机密★1年\\n\\n第一条 补贴{500 + i}元。\\n"))
        folders.append(folder)
    return root, folders


def codes(results):
    return {str(r.folder): sorted(f.code for f in r.findings) for r in results}


def test_cached_check_equals_a_fresh_check(tmp_path, monkeypatch):
    root, folders = make_library(tmp_path)
    first = operations.check_library(root, TODAY)
    assert all("CONFIDENTIAL_MARKING" in c for c in codes(first).values())
    calls = []
    real = check_cache.CheckCache.get
    monkeypatch.setattr(check_cache.CheckCache, "get", lambda self, key: calls.append(key) or real(self, key))
    second = operations.check_library(root, TODAY)
    assert [r.to_dict() for r in second] == [r.to_dict() for r in first]
    fresh = [check_package(operations.load(f), TODAY, Library(root).settings()) for f in folders]
    assert [sorted(x.code for x in f) for f in fresh] == [codes(second)[str(f)] for f in folders]
    assert len(calls) == len(folders)


def test_changed_content_is_read_again(tmp_path):
    root, folders = make_library(tmp_path)
    operations.check_library(root, TODAY)
    operations.edit(folders[0], member(tmp_path / "lib", "张三"), lambda p: edits.set_policy_body(p, "第一条 补贴500元。\\n"))
    results = {str(r.folder): r for r in operations.check_library(root, TODAY)}
    assert "CONFIDENTIAL_MARKING" not in {f.code for f in results[str(folders[0])].findings}
    assert "CONFIDENTIAL_MARKING" in {f.code for f in results[str(folders[1])].findings}


def test_damaged_cache_is_ignored(tmp_path):
    root, _ = make_library(tmp_path, 1)
    operations.check_library(root, TODAY)
    path = check_cache.CheckCache(root).path
    path.write_text("{ not json", "utf-8")
    assert "CONFIDENTIAL_MARKING" in next(iter(codes(operations.check_library(root, TODAY)).values()))
    assert json.loads(path.read_text("utf-8"))["entries"]
