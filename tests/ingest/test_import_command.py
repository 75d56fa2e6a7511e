"""`studio new --from` and `studio import`: files become packages; failed imports change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.cli.main import main
from studio.domain.errors import InvalidInput
from studio.service import importing, operations
from studio.service.session import Actor
from studio.store.user_settings import UserSettings
from tests import factories as f
from tests.ingest import corpus, word_files
from tests.members import PASSPHRASE, member


def user(root) -> Actor:
    return member(root, f.DRAFTER)


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


def show(run, folder: Path) -> dict:
    return json.loads(run("show", folder, "--json")[1])


def stored(folder: Path) -> dict:
    return json.loads((folder / "package.json").read_text("utf-8"))["package"]["1"]


def interpretation_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("《明湖市人民政府关于支持高校毕业生就业创业的若干措施》政策解读", 1)
    for text in ("一、出台背景", "为落实就业优先战略，制定《若干措施》。", "二、主要内容",
                 "租房补贴每人每月500元，最长24个月。", "解读机构：明湖市人力资源和社会保障局", "解读人：李明",
                 "咨询电话：0599-87261530"):
        d.add_paragraph(text)
    word_files.add_picture(d, "green", alt="补贴标准示意图")
    d.save(path)
    return path


def test_new_from_a_word_policy_takes_its_metadata(run, tmp_path):
    source = word_files.gongwen(tmp_path / "policy.docx")
    code, out, err = run("new", tmp_path / "lib", "--from", source, "--user", f.DRAFTER)
    assert code == 0, err
    folder = Path(out.strip())
    meta = show(run, folder)["metadata"]
    assert meta["title"] == "明湖市人民政府关于支持高校毕业生就业创业的若干措施"
    assert meta["doc_number"] == "明政发〔2024〕3号"
    assert meta["organ"] == "明湖市人民政府"
    assert meta["date_written"] == "2024年3月4日"
    assert meta["disclosure"] == "主动公开"
    assert "主送机关：各区县人民政府，市政府各部门" in err and "附件：1. 补贴申请表；2. 申领流程图" in err
    assert "检查结果：" in err
    assert "租房补贴标准为每人每月500元" in stored(folder)["pieces"]["policy"]["body"]


def test_policy_and_interpretation_in_word_become_a_checked_package_with_one_command(run, tmp_path):
    policy = word_files.gongwen(tmp_path / "policy.docx")
    interp = interpretation_docx(tmp_path / "interp.docx")
    code, out, err = run("new", tmp_path / "lib", "--from", policy, "--interpretation", interp,
                         "--kind", "其他", "--user", f.DRAFTER)
    assert code == 0, err
    folder = Path(out.strip())
    pieces = stored(folder)["pieces"]
    assert pieces["interpretation"]["title"].endswith("政策解读")
    assert pieces["interpretation"]["policy_ref"] == "《明湖市人民政府关于支持高校毕业生就业创业的若干措施》"
    assert "interpretation" in pieces["policy"]["related"]
    images = list((folder / "media").iterdir())
    assert len(images) == 1 and f"media/{images[0].name}" in pieces["interpretation"]["body"]
    meta = show(run, folder)["metadata"]
    assert meta["interpreter_person"] == "李明" and meta["kind"] == "其他"
    codes = {x["code"] for x in json.loads(run("check", folder, "--json")[1])["findings"]}
    assert not codes & {"INTERPRETATION_MISSING", "LINK_BACK_MISMATCH", "INTERPRETER_CONTACT_MISSING", "TITLE_MISSING"}


def test_options_win_over_extracted_values(run, tmp_path):
    source = word_files.gongwen(tmp_path / "policy.docx")
    code, out, _ = run("new", tmp_path / "lib", "--from", source, "--title", "手工标题", "--organ", "明湖市人民政府办公室")
    meta = show(run, Path(out.strip()))["metadata"]
    assert meta["title"] == "手工标题" and meta["organ"] == "明湖市人民政府办公室"
    assert meta["doc_number"] == "明政发〔2024〕3号"


def test_new_from_a_file_without_a_title_line_takes_the_file_name_for_checking(run, tmp_path):
    source = tmp_path / "22.关于继续执行支持生态科技创新城开发建设有关政策的通知.txt"
    source.write_text("这是一段说明文字，没有标题，也没有落款。\n", "utf-8")
    code, out, err = run("new", tmp_path / "lib", "--from", source, "--user", f.DRAFTER)
    assert code == 0, err
    assert show(run, Path(out.strip()))["metadata"]["title"] == "关于继续执行支持生态科技创新城开发建设有关政策的通知"
    assert "取自文件名" in err and "请核对" in err
    assert "已从文件中识别并填写：标题" not in err and "请手工填写标题" not in err


def test_a_failed_companion_import_makes_no_package(run, tmp_path):
    library = tmp_path / "lib"
    bad_interp = tmp_path / "broken.docx"
    bad_interp.write_bytes(b"not a zip")
    code, _, err = run("new", library, "--from", word_files.gongwen(tmp_path / "p.docx"), "--interpretation", bad_interp)
    assert code == 2 and "无法打开 Word 文件" in err
    assert not library.exists() or not any(library.iterdir())


def test_import_into_a_package_proposes_and_never_overwrites(run, tmp_path):
    code, out, _ = run("new", tmp_path / "lib", "--title", "用户填写的标题", "--date-written", "2024年3月5日")
    folder = Path(out.strip())
    source = word_files.gongwen(tmp_path / "policy.docx")
    code, _, err = run("import", folder, "--piece", "policy", source)
    assert code == 0
    meta = show(run, folder)["metadata"]
    assert meta["title"] == "用户填写的标题" and meta["doc_number"] == "" and meta["date_written"] == "2024年3月5日"
    assert "建议：doc_number=明政发〔2024〕3号（发文字号，见第2段；当前为空，可用 studio set 采纳）" in err
    assert "建议：title=明湖市人民政府关于支持高校毕业生就业创业的若干措施" in err and "当前为“用户填写的标题”，未修改" in err

    code, _, err = run("import", folder, "--piece", "policy", source, "--accept-metadata")
    meta = show(run, folder)["metadata"]
    assert meta["doc_number"] == "明政发〔2024〕3号" and meta["organ"] == "明湖市人民政府"
    assert meta["title"] == "用户填写的标题" and meta["date_written"] == "2024年3月5日"
    assert "已采纳" in err and "建议：title=" in err


def test_faq_title_typed_by_the_user_is_kept(tmp_path):
    folder = operations.create_package(tmp_path / "lib", user(tmp_path / "lib"), {"title": "某通知"})
    operations.edit(folder, user(folder.parent), lambda p: __import__("studio.domain.edits", fromlist=["x"]).set_faq(
        p, [], "用户的问答标题"))
    faq = tmp_path / "faq.md"
    faq.write_text("# 文件里的标题\n\n问：多少？\n答：500元。\n", "utf-8")
    importing.import_file(folder, user(folder.parent), faq, "faq")
    assert stored(folder)["pieces"]["faq"]["title"] == "用户的问答标题"


def test_failed_import_changes_nothing_not_even_media(tmp_path):
    folder = operations.create_package(tmp_path / "lib", user(tmp_path / "lib"), {"title": "某通知"})
    before = (folder / "package.json").read_bytes()
    d = docx.Document()
    d.add_paragraph("问：补贴多少？")
    word_files.add_picture(d)
    d.add_paragraph("问：没有回答？")
    path = tmp_path / "faq.docx"
    d.save(path)
    with pytest.raises(InvalidInput, match="没有回答"):
        importing.import_file(folder, user(folder.parent), path, "faq")
    assert (folder / "package.json").read_bytes() == before
    assert not any((folder / "media").iterdir())


def test_media_written_for_a_save_that_fails_are_removed(tmp_path, monkeypatch):
    folder = operations.create_package(tmp_path / "lib", user(tmp_path / "lib"), {"title": "某通知"})
    before = (folder / "package.json").read_bytes()
    d = docx.Document()
    d.add_paragraph("正文。")
    word_files.add_picture(d)
    path = tmp_path / "p.docx"
    d.save(path)

    def failing_save(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("studio.service.session.PackageSession.apply_edit", failing_save)
    with pytest.raises(OSError):
        importing.import_file(folder, user(folder.parent), path, "policy")
    assert (folder / "package.json").read_bytes() == before
    assert not any((folder / "media").iterdir())


@corpus.needs_corpus
@pytest.mark.parametrize("case", corpus.CASES)
def test_every_corpus_case_imports(case, tmp_path):
    folder = tmp_path / "lib"
    files = {name: corpus.CORPUS / case / f"{name}.md" for name in ("policy", "interpretation", "consultation")}
    if files["policy"].exists():
        companions = {"interpretation": files["interpretation"]} if files["interpretation"].exists() else {}
        package, results = importing.create_from_file(folder, user(folder), files["policy"], {}, companions)
        data = stored(package)
        assert data["pieces"]["policy"]["body"].strip()
        assert data["metadata"]["title"]
        if companions:
            assert data["pieces"]["interpretation"]["body"].strip()
    else:
        package = operations.create_package(folder, user(folder), {"title": corpus.value(case, "title")})
        importing.import_file(package, user(package.parent), files["consultation"], "consultation")
        assert stored(package)["pieces"]["consultation"]["body"].strip()


def _valid_docx(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("docx") / "seed.docx"
    word_files.gongwen(path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> bytes:
    return _valid_docx(tmp_path_factory)


@pytest.fixture(scope="module")
def package_folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lib")
    return operations.create_package(root, user(root), {"title": "某通知"})


def _import_never_crashes(folder: Path, path: Path, piece: str) -> None:
    before = (folder / "package.json").read_bytes()
    media_before = sorted((folder / "media").iterdir())
    try:
        importing.import_file(folder, user(folder.parent), path, piece)
    except InvalidInput as e:
        assert e.message  # a Chinese message, and nothing changed
        assert (folder / "package.json").read_bytes() == before
        assert sorted((folder / "media").iterdir()) == media_before


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".docx"]),
       piece=st.sampled_from(["policy", "interpretation", "faq", "consultation"]))
def test_arbitrary_bytes_never_crash_an_import(tmp_path, package_folder, data, suffix, piece):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _import_never_crashes(package_folder, path, piece)


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                      min_size=1, max_size=8))
def test_damaged_word_files_never_crash_an_import(tmp_path, package_folder, seed_docx, flips):
    data = bytearray(seed_docx)
    for at, value in flips:
        data[at % len(data)] = value
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    _import_never_crashes(package_folder, path, "policy")


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(part=st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml",
                             "word/_rels/document.xml.rels"]),
       cut=st.integers(min_value=0), junk=st.text(max_size=40))
def test_word_files_with_damaged_xml_never_crash_an_import(tmp_path, package_folder, seed_docx, part, cut, junk):
    path = tmp_path / "damaged.docx"
    path.write_bytes(seed_docx)

    def damage(xml: str) -> str:
        at = cut % (len(xml) + 1)
        return xml[:at] + junk + xml[at + len(junk):]

    word_files.rewrite_part(path, part, damage)
    _import_never_crashes(package_folder, path, "policy")
