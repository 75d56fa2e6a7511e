"""False alarms seen on really published text, each fixed where it arose."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.exempt_hints import exempt_hint
from studio.domain.findings import Severity
from studio.domain.package import Package
from studio.domain.pieces import FaqItem
from studio.domain.quantities import figures
from studio.domain.rules.interpretation import missing_elements
from studio.service.importing import prepare
from tests import factories as f
from tests.checks.helpers import codes, findings, with_interpretation, with_policy
from tests.corpus_location import CORPUS, requires_corpus

ELEMENTS = ("背景依据", "目标任务", "主要内容", "涉及范围", "注意事项")


def test_a_web_address_does_not_swallow_the_full_width_text_after_it():
    text = f.INTERPRETATION_BODY + "\n公众可登录市政府门户网站（网址：http://www.minghu.gov.cn/zwgk/），通过“我要留言”栏目反馈意见,我们将及时答复。"
    found = codes(with_interpretation(text))
    assert "PUNCTUATION_UNPAIRED" not in found  # the closing ） after the address is seen
    half = found["HALF_WIDTH_PUNCTUATION"]  # the rest of the sentence is still checked
    assert "“反馈意见,我们" in half.message or "意见,我们将" in half.message


def test_an_e_mail_address_does_not_swallow_the_chinese_around_it():
    text = f.INTERPRETATION_BODY + "\n意见请发送至邮箱zhujianju@minghu.gov.cn联系,谢谢。"
    assert "HALF_WIDTH_PUNCTUATION" in codes(with_interpretation(text))


def test_a_title_broken_over_two_lines_is_checked_as_one():
    body = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            "现将《政府网站集约化\n试点工作方案》印发给你们，请认真贯彻执行。\n")
    found = codes(with_policy(f.POLICY_BODY + body))
    assert "PUNCTUATION_UNPAIRED" not in found


def test_a_mark_really_left_open_is_still_reported():
    found = codes(with_policy(f.POLICY_BODY + "现将《政府网站集约化试点工作方案印发给你们。\n请认真贯彻执行。\n"))
    assert found["PUNCTUATION_UNPAIRED"].severity is Severity.WARNING


QA_FORM = """问：制定出台《明湖市青年人才租房补贴办法》有什么重要意义？
答：青年人才是城市发展的生力军，出台补贴办法有利于吸引和留住人才。
问：《办法》的总体目标是什么？
答：减轻青年人才租房负担，三年内吸引高校毕业生来明就业。
问：《办法》主要有哪些内容？
答：租房补贴每人每月500元，最长发放24个月。
问：哪些人可以申请补贴？
答：在本市就业、35周岁以下的高校毕业生。
问：申请补贴时需要注意什么？
答：补贴不得与其他住房补贴重复享受。
"""


def test_an_interpretation_written_as_questions_has_its_elements():
    assert missing_elements(QA_FORM, ELEMENTS) == []


def test_long_questions_are_read_whole():
    text = "一、国务院办公厅印发《关于加快发展体育竞赛表演产业的指导意见》，出台这一文件有什么重要意义？\n答：……"
    assert "背景依据" not in missing_elements(text, ("背景依据",))


TRADITIONAL = """國務院辦公廳近日印發《關於加快發展體育競賽表演產業的指導意見》。
一、出台背景
二、主要內容
"""


def test_an_interpretation_in_traditional_characters_names_its_policy():
    package = Package(id="t", created_by=f.DRAFTER, created_at=f.AT)
    package = edits.set_metadata(package, {"title": "国务院办公厅关于加快发展体育竞赛表演产业的指导意见",
                                           "doc_number": "国办发〔2018〕121号"}).package
    package = edits.set_policy_body(package, "各省、自治区、直辖市人民政府：\n体育竞赛表演产业是体育产业的重要组成部分。\n").package
    package = edits.set_text_piece(package, "interpretation", TRADITIONAL).package
    assert package.pieces.interpretation.policy_ref == "《关于加快发展体育竞赛表演产业的指导意见》"
    assert not [x for x in findings(package) if x.piece == "interpretation" and x.code.startswith("LINK_")]


@pytest.mark.parametrize("counter", ["浏览次数：856次", "阅读量：856", "【浏览856次】", "点击数:856次", "856次浏览"])
def test_a_page_view_counter_is_not_a_figure_of_the_policy(counter):
    assert figures(f"发布时间：2018-12-22 {counter}\n") == []


def test_counts_of_the_policy_stay_figures():
    assert [x.text for x in figures("每年开展检查2次，累计浏览政策文件的企业达856家。")] == ["2次", "856家"]


@pytest.mark.parametrize("title", ["明湖市人民政府关于表扬2025年度安全生产工作先进单位的通报",
                                   "明湖市人民政府办公室关于对防汛抗旱工作成绩突出单位给予通报表扬的通报"])
def test_praise_notices_are_suggested_for_exemption_like_commendations(title):
    hint = exempt_hint(title, "")
    assert hint is not None and hint.category == "表彰决定"


def test_praise_in_the_opening_words_is_suggested_too():
    hint = exempt_hint("明湖市应急管理局通报", "经研究，决定对在防汛抗旱工作中表现突出的10个单位予以通报表扬。")
    assert hint is not None and hint.category == "表彰决定"


PLACEHOLDER_FAQ = [FaqItem("补贴多少？", "每人每月500元。"), FaqItem("新问题？", "请填写回答。")]


def test_an_faq_row_left_as_the_editor_placeholder_blocks_release():
    package = edits.set_faq(f.draft(), PLACEHOLDER_FAQ).package
    found = codes(package)["PLACEHOLDER_LEFT"]
    assert found.severity is Severity.BLOCKING and "第2条" in found.message


@pytest.mark.parametrize("key, value", [("doc_number", "X办发〔X〕11X号"), ("interpreter_person", "XXX"),
                                        ("interpreter_contact", "请填写"), ("title", "关于××××的通知")])
def test_placeholders_in_metadata_block_release(key, value):
    package = f.draft().evolve(metadata=f.draft().metadata.with_values(**{key: value}))
    found = codes(package)["PLACEHOLDER_LEFT"]
    assert found.severity is Severity.BLOCKING and found.piece == "metadata" and found.field == key


def test_placeholders_in_the_explainer_block_release():
    data = {**f.EXPLAINER, "title": "一图读懂《……》"}
    package = edits.set_explainer(f.draft(), data).package
    found = codes(package)["PLACEHOLDER_LEFT"]
    assert found.piece == "explainer" and found.field == "title" and "政策图解标题“《……》”" in found.message


def test_a_real_instruction_to_fill_in_a_form_is_no_placeholder():
    text = f.POLICY_BODY + "第五条 申请人请填写《明湖市青年人才租房补贴申请表》，并附身份证明材料。\n"
    assert "PLACEHOLDER_LEFT" not in codes(with_policy(text))


REALDOCS = CORPUS / "realdocs"
TEMPLATES = ("r21_TEMPLATE_han_banjou_textbox.docx", "r22_TEMPLATE_tongzhi_banjou_textbox.docx")
REAL_WORD_FILES = ("r01_js_yinjianban_2005_235_tongzhi.docx", "r06_liaonongyu_2021_8_tongzhi_lawdb.docx",
                   "r10_ganjingzi_jingji_jiangli_banfa.docx", "r12_yichun_2016_zhiweibiao_table.docx",
                   "r19_chongqing_2025_zhengfu_gongzuo_baogao.docx")


def imported_word_file(name: str) -> Package:
    prepared = prepare(REALDOCS / name, "policy")
    package = Package(id=name, created_by=f.DRAFTER, created_at=f.AT)
    package = edits.set_metadata(package, prepared.extracted.values).package
    return edits.set_policy_body(package, prepared.document.markdown).package


@requires_corpus
@pytest.mark.parametrize("name", TEMPLATES)
def test_an_office_template_left_unfilled_is_blocked(name):
    found = codes(imported_word_file(name))["PLACEHOLDER_LEFT"]
    assert found.severity is Severity.BLOCKING and "政策文件第1段“XXXX”" in found.message


@requires_corpus
@pytest.mark.parametrize("name", REAL_WORD_FILES)
def test_real_office_documents_hold_no_placeholder(name):
    assert "PLACEHOLDER_LEFT" not in codes(imported_word_file(name))
