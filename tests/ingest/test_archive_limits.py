"""A decompression bomb is refused before any reader opens it, with a Chinese message."""

from __future__ import annotations

import pytest

from studio.cli.main import main
from studio.ingest.archive_limits import ArchiveRefused, check_archive, check_archive_bytes
from tests import factories as f
from tests.cli.test_cli import new_package
from tests.ingest.bombs import docx_bomb, nested_zip
from tests.members import PASSPHRASE


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)  # the drafter signs in from the command line

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return run


def test_a_docx_bomb_is_refused_on_import_and_the_package_is_untouched(run, tmp_path):
    folder = new_package(run, tmp_path / "library")
    bomb = tmp_path / "通知.docx"
    bomb.write_bytes(docx_bomb(300))
    before = (folder / "package.json").read_bytes()
    code, _, err = run("import", folder, "--piece", "policy", bomb, "--user", f.DRAFTER)
    assert code == 2 and "压缩炸弹" in err and "通知.docx" in err
    assert (folder / "package.json").read_bytes() == before
    assert not (folder / ".studio.lock").exists()


def test_a_bomb_whose_directory_lies_about_its_size_is_refused(run, tmp_path):
    """The zip reader stops at the size the directory states and finds the checksum wrong."""
    folder = new_package(run, tmp_path / "library")
    path = tmp_path / "a.docx"
    path.write_bytes(docx_bomb(300, lie_about_size=True))
    check_archive(path)  # not oversized as declared: left to the reader, which refuses it as damaged
    code, _, err = run("import", folder, "--piece", "policy", path, "--user", f.DRAFTER)
    assert code == 2 and "a.docx" in err


def test_archives_nested_too_deep_are_refused_and_shallow_ones_pass():
    check_archive_bytes(nested_zip(2), "ok.zip")
    with pytest.raises(ArchiveRefused, match="层"):
        check_archive_bytes(nested_zip(6), "deep.zip")


def test_an_ordinary_word_file_passes(tmp_path):
    check_archive_bytes(docx_bomb(1), "一页.docx")  # 1 MB of text in a small file: within the floor


@pytest.mark.parametrize("cut", [10, 200, 2000])
def test_a_truncated_word_file_is_told_in_chinese(run, tmp_path, cut):
    folder = new_package(run, tmp_path / "library")
    path = tmp_path / "半截.docx"
    path.write_bytes(docx_bomb(1)[:cut])
    code, _, err = run("import", folder, "--piece", "policy", path, "--user", f.DRAFTER)
    assert code == 2 and "半截.docx" in err
