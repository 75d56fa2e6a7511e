"""Never in a bundle: review comments, reviewer names, the audit trail, local paths, image
metadata, anything of a 不予公开 or 依申请公开 package, unreleased drafts."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from studio.render.export.exporter import ExportOptions, export_package
from studio.render.export.source import ExportRefused
from studio.store.package_file import PackageFile
from tests.export import content as c
from tests.export.conftest import AMENDED_DRAFT, bundle_files


@pytest.fixture(scope="module", params=["site", "preview_site"])
def bundle(request):
    exported = request.getfixturevalue(request.param)
    return {path: data.decode("utf-8", errors="replace") for path, data in bundle_files(exported.root).items()}


def _containing(bundle, needle):
    return [path for path, text in bundle.items() if needle in text]


@pytest.mark.parametrize("secret", [c.DRAFTER, c.REVIEWER1, c.REVIEWER2, c.SIGNER, c.PUBLISHER, c.OFFICE])
def test_no_names_of_drafters_reviewers_or_signers(bundle, secret):
    assert _containing(bundle, secret) == []


@pytest.mark.parametrize("secret", [c.RETURN_COMMENT, c.REVIEW_COMMENT, c.REVIEW2_COMMENT, c.SIGN_COMMENT])
def test_no_review_comments(bundle, secret):
    assert _containing(bundle, secret) == []


def test_no_audit_trail(bundle, library):
    events = PackageFile(library.folders["tenant"]).load().events
    assert len(events) > 10
    for event in events:
        assert _containing(bundle, event["hash"]) == []
        assert _containing(bundle, event["at"]) == [] or event["action"] == "release"
    for word in ('"events"', '"audit"', '"reviews"', '"signoff"', '"return_comment"', '"created_by"'):
        assert _containing(bundle, word) == []


def test_no_local_paths(bundle, library):
    for path in (str(library.root), library.root.name, *(f.name for f in library.folders.values()),
                 c.EXIF_PATH, "/home/", "/tmp/", "file://"):
        assert _containing(bundle, path) == [], path


def test_nothing_of_withheld_or_on_request_packages(bundle):
    for secret in (c.WITHHELD_SECRET, c.WITHHELD_REASON, "内部管理事项", "明政发〔2026〕8号",
                   "依申请公开事项", "明政发〔2026〕9号", "涉及特定申请人"):
        assert _containing(bundle, secret) == [], secret


def test_released_site_has_no_draft_text(site):
    files = {p: d.decode("utf-8", "replace") for p, d in bundle_files(site.root).items()}
    for secret in (AMENDED_DRAFT, "夜间经济", "明政办发〔2026〕10号"):
        assert [p for p, t in files.items() if secret in t] == [], secret


def test_images_carry_no_exif_or_text_metadata(site):
    images = {p: d for p, d in bundle_files(site.root).items() if p.endswith((".png", ".jpg"))}
    assert any("explainer" in p for p in images) and any("others" in p for p in images)
    for path, data in images.items():
        with Image.open(io.BytesIO(data)) as img:
            assert not img.getexif(), path
            assert not ({"exif", "xmp", "comment", "Author", "Source", "Description"} & set(img.info)), path
        assert c.EXIF_ARTIST.encode("utf-8") not in data and c.EXIF_PATH.encode("utf-8") not in data
        assert b"Exif\x00\x00" not in data


@pytest.mark.parametrize("name", ["withheld", "on_request"])
def test_non_public_packages_are_refused_even_as_preview(library, tmp_path, name):
    for preview in (False, True):
        with pytest.raises(ExportRefused, match="只有“主动公开”的文件包可以导出到网站"):
            export_package(library.folders[name], tmp_path / "out", ExportOptions(preview=preview))
    assert not (tmp_path / "out").exists()


def test_unreleased_package_is_refused_with_the_reason(library, tmp_path):
    with pytest.raises(ExportRefused, match="尚未发布.*预览稿"):
        export_package(library.folders["draft"], tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_site_metadata_names_only_published_packages(site):
    data = json.loads((site.root / "metadata.json").read_text("utf-8"))
    assert sorted(p["metadata"]["doc_number"] for p in data["packages"]) == [
        "明政办规〔2026〕2号", "明政发〔2026〕5号", "明政发〔2026〕6号", "明政发〔2026〕7号"]
