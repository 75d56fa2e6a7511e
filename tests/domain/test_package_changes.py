"""What a user is told differs between two states of a package (e.g. in the crash-recovery question)."""

from __future__ import annotations

from dataclasses import replace

from studio.domain.package import Package
from studio.domain.package_changes import changed_parts


def test_changed_parts_name_pieces_and_metadata_fields_but_not_the_policys_own_links():
    before = Package(id="p", created_by="周敏", created_at="2026-11-26T10:00:00+08:00")
    after = replace(
        before,
        pieces=before.pieces.with_piece("interpretation", replace(before.pieces.interpretation, body="新写的解读。"))
        .with_piece("policy", replace(before.pieces.policy, related=("interpretation",))),
        metadata=replace(before.metadata, short_period_reason="毕业季临近。"))
    assert changed_parts(before, after) == ["政策解读", "元数据（征求意见期限缩短的理由）"]
    assert changed_parts(before, before) == []
