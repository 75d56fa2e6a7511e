"""The texts kept at each step: a new row leaves the rows before it byte for byte, so each step's
recorded hash can be checked against the file as it stood right after that step."""

from __future__ import annotations

import hashlib

from studio.store.checkpoints import FILE_NAME, Checkpoint, Checkpoints
from studio.store.json_format import dumps

# A row as an earlier version kept it, before the places of lines were recorded.
LEGACY = {"action": "submit", "at": "2026-11-24T09:38:00+08:00", "user": "何静",
          "texts": {"interpretation": "标题\n第一段"}}


def test_a_new_row_leaves_an_older_row_as_it_was_written(tmp_path):
    written = dumps([LEGACY])
    (tmp_path / FILE_NAME).write_text(written, "utf-8")
    kept = Checkpoints(tmp_path)
    kept.add(Checkpoint("review", "2026-11-24T09:40:00+08:00", "林晓", {"interpretation": "标题\n第一段"},
                        {"interpretation": ["标题", "第1段"]}))
    first, digest = kept.as_written(1)
    assert digest == hashlib.sha256(written.encode("utf-8")).hexdigest()
    assert first == Checkpoint("submit", LEGACY["at"], "何静", LEGACY["texts"], {})
    second, whole = kept.as_written(2)
    assert second.places == {"interpretation": ["标题", "第1段"]}
    assert whole == hashlib.sha256((tmp_path / FILE_NAME).read_bytes()).hexdigest()
    assert kept.as_written(3) is None and kept.as_written(0) is None


def test_a_damaged_file_holds_no_rows(tmp_path):
    (tmp_path / FILE_NAME).write_text('{"not": "a list"}', "utf-8")
    assert Checkpoints(tmp_path).all() == [] and Checkpoints(tmp_path).as_written(1) is None
    (tmp_path / FILE_NAME).write_text("[1, {\"action\": \"submit\"}]", "utf-8")
    first, _ = Checkpoints(tmp_path).as_written(1)
    assert first is None and Checkpoints(tmp_path).all() == []
