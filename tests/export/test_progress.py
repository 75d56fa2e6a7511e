"""Export reports its progress, and a cancelled export leaves the previous bundle as it was."""

from __future__ import annotations

import pytest

from studio.render.export.exporter import ExportCancelled, export_library
from studio.store.library import Library as StoreLibrary
from tests.export.conftest import SITE_OPTIONS, bundle_files


def test_progress_counts_every_package_and_the_site(library, tmp_path):
    calls: list[tuple[int, int, str]] = []
    export_library(library.root, tmp_path / "site", SITE_OPTIONS, progress=lambda d, t, w: calls.append((d, t, w)))
    total = len(StoreLibrary(library.root).package_folders()) + 2
    assert [d for d, _, _ in calls] == list(range(1, total + 1))
    assert all(t == total for _, t, _ in calls)
    assert calls[-1][2] == "站内检索索引"


def test_cancel_leaves_the_previous_bundle_untouched(library, tmp_path):
    out = tmp_path / "site"
    export_library(library.root, out, SITE_OPTIONS)
    before = bundle_files(out)

    def cancel_after_first(done: int, total: int, what: str) -> None:
        if done == 1:
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        export_library(library.root, out, SITE_OPTIONS, progress=cancel_after_first)
    assert bundle_files(out) == before
