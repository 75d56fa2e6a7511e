"""Which 发文机关 a real file settles, and which it only suggests.

Layouts met in real files beyond the development set (regulators' notices kept as Word files):
the title names an office but no 落款 or 发文机关标志 confirms it (only a date, where the seal
stood); the title names joint organs collectively while the 落款 lists them; a customs office
signs. A suggestion is offered for checking, never filled in.
"""

from __future__ import annotations

import docx

from studio.ingest.gongwen_metadata import extract_metadata
from studio.service import importing
from tests import factories as f
from tests.members import member


def _word_notice(path, paragraphs: list[str]):
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(path)
    return path


def test_an_organ_named_only_in_the_title_is_offered_not_filled(tmp_path):
    # The seal replaced the 落款: the file ends with the date alone.
    source = _word_notice(tmp_path / "notice.docx", [
        "江苏银监局办公室关于以中央政策性粮油办理", "抵质押贷款风险提示的通知", "苏银监办〔2013〕281号",
        "各银监分局，各政策性银行江苏省分行：", "现就有关风险提示如下。", "请各银监分局将本通知转发至辖内各银行业金融机构。",
        "二○一三年十一月二十二日"])
    _, results = importing.create_from_file(tmp_path / "lib", member(tmp_path / "lib", f.DRAFTER), source, {})
    assert "organ" not in results[0].accepted
    proposal = next(p for p in results[0].proposals if p.key == "organ")
    assert proposal.value == "江苏银监局办公室" and proposal.unsure
    assert "标题" in proposal.describe() and "请核对" in proposal.describe()
    # what the layout does settle is still filled in
    assert results[0].accepted["doc_number"] == "苏银监办〔2013〕281号"
    assert results[0].accepted["title"] == "江苏银监局办公室关于以中央政策性粮油办理抵质押贷款风险提示的通知"


def test_a_signature_that_repeats_the_title_organ_settles_it():
    found = extract_metadata(["江苏保监局关于在全省开展车险投保人实名缴费的通知", "苏保监发〔2018〕16号",
                              "各财产险公司省级分公司：", "现通知如下。", "江苏保监局", "2018年4月3日"])
    assert found.values["organ"] == "江苏保监局" and "organ" not in found.unsure


def test_a_version_head_that_repeats_the_title_organ_settles_it():
    found = extract_metadata(["江苏保监局文件", "苏保监发〔2018〕16号", "江苏保监局关于在全省开展车险投保人实名缴费的通知",
                              "各财产险公司省级分公司：", "现通知如下。", "2018年4月3日"])
    assert found.values["organ"] == "江苏保监局" and "organ" not in found.unsure


def test_joint_organs_the_title_names_together_are_offered_as_the_signature_lists_them():
    found = extract_metadata([
        "沪、苏、浙、皖、甬五地银保监局关于印发", "《长三角地区行内跨省（市）分支机构协同授信业务指引》的通知",
        "上海、江苏、浙江、安徽、宁波辖内各中外资法人银行：", "现将《指引》印发给你们，请遵照执行。",
        "上海银保监局 江苏银保监局", "浙江银保监局 安徽银保监局", "宁波银保监局", "2022年8月24日"])
    assert found.values["organ"] == "上海银保监局 江苏银保监局 浙江银保监局 安徽银保监局 宁波银保监局"
    assert "organ" in found.unsure
    assert "沪、苏、浙、皖、甬五地银保监局" in found.found_at["organ"]
    assert found.values["date_written"] == "2022年8月24日"


def test_a_customs_office_signature_is_an_organ():
    found = extract_metadata(["南昌海关", "2023年度拟录用公务员公示公告", "根据有关要求，现将拟录用人员名单予以公示。",
                              "公示时间：2023年5月22日至5月26日", "\u3000 南昌海关", "2023年5月19日"])
    assert found.values["organ"] == "南昌海关" and "organ" not in found.unsure
    assert found.values["date_written"] == "2023年5月19日"
