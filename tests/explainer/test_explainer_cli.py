"""studio render-explainer end to end on a package folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from studio.cli.main import main
from studio.store.user_settings import UserSettings
from tests import factories as f
from tests.explainer.content import SECTIONS
from tests.members import PASSPHRASE


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)
    UserSettings(name=f.DRAFTER).save()

    def run(*args) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def package(run, tmp_path) -> Path:
    meta = f.META
    code, out, _ = run("new", tmp_path / "lib", "--title", meta["title"], "--doc-number", meta["doc_number"],
                       "--organ", meta["organ"], "--kind", "规范性文件", "--user", f.DRAFTER)
    assert code == 0
    folder = Path(out.strip())
    policy = tmp_path / "policy.md"
    policy.write_text(f.POLICY_BODY, "utf-8")
    assert run("import", folder, "--piece", "policy", policy, "--user", f.DRAFTER)[0] == 0
    explainer = tmp_path / "explainer.json"
    content = {"title": "一图读懂租房补贴", "sections": [
        {"type": "figures", "heading": "补贴标准", "items": [
            {"value": "500", "unit": "元/月", "label": "租房补贴"},
            {"value": "650", "unit": "元/月", "label": "博士租房补贴"}]},
        SECTIONS["steps"],
    ]}
    explainer.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    assert run("import", folder, "--piece", "explainer", explainer, "--user", f.DRAFTER)[0] == 0
    return folder


def test_renders_into_the_package_media_folder_with_warnings(run, package):
    code, out, err = run("render-explainer", package)
    assert code == 0
    paths = [Path(line) for line in out.splitlines()]
    assert [p.suffix for p in paths] == [".png", ".jpg"]
    assert all(p.parent == package / "media" / "explainer" and p.is_file() for p in paths)
    assert Image.open(paths[0]).width == 1080
    assert "EXPLAINER_NUMBER_UNMATCHED" in err and "“650”" in err
    assert "已生成政策图解图片 2 个文件" in err


def test_width_theme_formats_slices_and_text(run, package, tmp_path):
    out_dir = tmp_path / "out"
    code, out, _ = run("render-explainer", package, "--width", "750", "--theme", "高对比度", "--out", out_dir,
                       "--formats", "webp", "--slice-height", "900", "--text")
    assert code == 0
    lines = out.splitlines()
    images = [Path(p) for p in lines if p.endswith(".webp")]
    assert len(images) >= 2 and all(p.name.startswith("explainer-750-high-contrast-") for p in images)
    assert all(Image.open(p).height <= 900 for p in images)
    transcript = (out_dir / "explainer-transcript.md").read_text("utf-8")
    assert transcript.startswith("# 一图读懂租房补贴") and "- **650元/月**：博士租房补贴" in transcript
    assert (out_dir / "explainer-alt.txt").read_text("utf-8").startswith("政策图解长图：一图读懂租房补贴。")


def test_a_second_run_reuses_the_images(run, package):
    _, first, _ = run("render-explainer", package)
    stamps = [Path(p).stat().st_mtime_ns for p in first.splitlines()]
    _, second, _ = run("render-explainer", package)
    assert second == first and [Path(p).stat().st_mtime_ns for p in second.splitlines()] == stamps


def test_bad_choices_give_chinese_errors(run, package):
    code, _, err = run("render-explainer", package, "--theme", "紫色")
    assert code == 2 and "没有名为“紫色”的图解主题" in err
    code, _, err = run("render-explainer", package, "--width", "800")
    assert code == 2 and "无效的选项" in err
    code, _, err = run("render-explainer", package, "--formats", "gif")
    assert code == 2 and "不支持的图片格式“gif”" in err


def test_a_package_without_an_explainer_is_refused(run, tmp_path):
    code, out, _ = run("new", tmp_path / "lib", "--title", "关于表彰的决定", "--user", f.DRAFTER)
    code, _, err = run("render-explainer", out.strip())
    assert code == 1 and "政策图解还没有内容" in err
