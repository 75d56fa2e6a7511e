"""`studio export` and `studio export --verify` from the command line."""

from __future__ import annotations

from studio.cli.main import main
from tests.export import content as c


def test_export_library_with_zip_then_verify(library, tmp_path, capsys):
    out = tmp_path / "site"
    code = main(["export", str(library.root), "--out", str(out), "--zip", "--base-url", c.BASE_URL,
                 "--site-name", c.SITE_NAME])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.splitlines() == [str(out.absolute()), str(out.absolute()) + ".zip"]
    assert "已导出发布包：4个文件包" in captured.err
    assert "未导出：" in captured.err and "尚未发布" in captured.err
    assert (out / "index.html").is_file() and (tmp_path / "site.zip").is_file()

    assert main(["export", "--verify", str(out)]) == 0
    assert "核验通过" in capsys.readouterr().err
    (out / "feed.xml").write_text("改过", "utf-8")
    assert main(["export", "--verify", str(out)]) == 1
    captured = capsys.readouterr()
    assert "feed.xml：文件内容与清单不符" in captured.out and "核验未通过" in captured.err


def test_export_refusals_say_why_in_chinese(library, tmp_path, capsys):
    assert main(["export", str(library.folders["draft"]), "--out", str(tmp_path / "a")]) == 1
    assert "尚未发布" in capsys.readouterr().err
    assert main(["export", str(library.folders["withheld"]), "--out", str(tmp_path / "b")]) == 1
    assert "只有“主动公开”的文件包可以导出到网站" in capsys.readouterr().err
    assert main(["export", str(library.root)]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export", str(library.root), "--out", str(tmp_path / "c"), "--base-url", "www.gov.cn"]) == 2
    assert "https://" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_preview_of_a_draft_package(library, tmp_path, capsys):
    out = tmp_path / "preview"
    assert main(["export", str(library.folders["draft"]), "--out", str(out), "--preview"]) == 0
    assert "已导出预览稿" in capsys.readouterr().err
    assert "预览稿" in next(out.glob("policies/*/index.html")).read_text("utf-8")


def test_export_takes_the_site_from_the_library_settings(library, tmp_path, capsys):
    import shutil

    from studio.domain.library_config import LibraryConfig
    from studio.service.library_settings import change_settings
    from tests.export import content as c
    from tests.members import member

    copy = tmp_path / "library"
    shutil.copytree(library.root, copy)
    change_settings(copy, LibraryConfig().with_site(site_name="明湖市人民政府门户网站",
                                                    site_base_url="https://www.minghu.gov.cn/zcwjk/"), member(copy, c.DRAFTER))
    out = tmp_path / "site"
    assert main(["export", str(copy), "--out", str(out)]) == 0
    assert "未指定 --base-url" not in capsys.readouterr().err
    assert "明湖市人民政府门户网站" in (out / "index.html").read_text("utf-8")
    assert "https://www.minghu.gov.cn/zcwjk/" in (out / "feed.xml").read_text("utf-8")
    # What the command line gives still wins.
    assert main(["export", str(copy), "--out", str(tmp_path / "other"), "--site-name", "另一个网站"]) == 0
    assert "另一个网站" in (tmp_path / "other" / "index.html").read_text("utf-8")
