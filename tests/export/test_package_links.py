"""A link inside a package is never followed: named in the check, refused at release and export."""

from __future__ import annotations

import shutil

from studio.cli.main import main
from studio.domain import workflow
from studio.render.export.exporter import export_library
from studio.service import operations
from tests.export import content as c
from tests.export.conftest import SITE_OPTIONS, bundle_files
from tests.members import PASSPHRASE, keys_in_profile, member

SECRET = "工资表：张三 基本工资 12000 元（外部文件，不得公开）"


def _linked_library(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "工资表.txt").write_text(SECRET, "utf-8")
    (outside / "photo.jpg").write_bytes((library.folders["media"] / "media" / "photo.jpg").read_bytes())
    media = root / library.folders["media"].name / "media"
    (media / "photo.jpg").unlink()
    (media / "photo.jpg").symlink_to(outside / "photo.jpg")  # an image link, used by the page
    (media / "附件.txt").symlink_to(outside / "工资表.txt")
    return root, root / library.folders["media"].name


def test_a_link_in_media_is_a_finding_that_names_it(library, tmp_path, capsys):
    root, folder = _linked_library(library, tmp_path)
    result = operations.check_folder(folder, library_today())
    link = next(f for f in result.findings if f.code == operations.LINK_CODE)
    assert "media/photo.jpg" in link.message and "media/附件.txt" in link.message
    assert not result.releasable
    assert main(["check", str(folder)]) == 1
    assert "符号链接" in capsys.readouterr().out


def test_a_package_with_a_link_is_not_exported_and_nothing_behind_the_link_is_read(library, tmp_path):
    root, folder = _linked_library(library, tmp_path)
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    skipped = {s.folder.name: s.reason for s in report.skipped}
    assert "符号链接" in skipped[folder.name] and not any(s.broken for s in report.skipped)
    text = b"".join(bundle_files(tmp_path / "site").values())
    assert SECRET.encode() not in text and "停车收费".encode() not in text


def test_a_package_with_a_link_cannot_be_released(library, tmp_path, capsys, monkeypatch):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["draft"].name
    (folder / "media").mkdir(exist_ok=True)
    (folder / "media" / "a.png").symlink_to(tmp_path / "nowhere.png")
    for who, action in ((c.DRAFTER, workflow.SUBMIT), (c.REVIEWER1, workflow.REVIEW), (c.REVIEWER2, workflow.REVIEW),
                        (c.SIGNER, workflow.SIGN)):
        operations.transition(folder, member(root, who), action)
    keys_in_profile(root, c.PUBLISHER)  # the publisher signs in from the command line
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    code = main(["release", str(folder), "--user", c.PUBLISHER])
    assert code == 1 and "media/a.png" in capsys.readouterr().err
    assert operations.load(folder).state.value != "released"


def library_today():
    from tests.export import content as c

    return c.TODAY


def test_verify_names_the_link_first_and_the_proof_never_hashes_through_it(library, tmp_path, capsys):
    from studio.service.proof import verify_package
    from studio.store.media_files import media_hashes

    root, folder = _linked_library(library, tmp_path)
    assert set(media_hashes(folder)) == {"long.png"}  # the links are not files of the package
    problems = verify_package(folder).problems
    assert "符号链接" in problems[0].message and "media/附件.txt" in problems[0].message
    assert main(["verify", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "符号链接" in out and SECRET not in out
