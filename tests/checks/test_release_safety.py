"""Release safety: markings, personal numbers and local links block release."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.findings import Severity
from studio.domain.pieces import FaqItem
from studio.domain.sensitive import id_number_valid, markings, mask
from tests import factories as f
from tests.checks.helpers import codes, with_interpretation, with_policy

VALID_ID = "11010519491231002X"  # the check digit of the GB 11643 example


def test_the_complete_factory_package_is_clean():
    found = codes(f.draft())
    assert not {"CONFIDENTIAL_MARKING", "ID_NUMBER_EXPOSED", "MOBILE_NUMBER_EXPOSED", "LOCAL_FILE_LINK"} & set(found)


@pytest.mark.parametrize("text", ["机密★1年", "秘密", "绝密★长期", "内部资料 注意保密", "内部资料，请勿外传",
                                  "本材料为内部资料。", "请注意保密。"])
def test_markings_are_found(text):
    assert markings(text)


@pytest.mark.parametrize("text", ["涉及国家秘密、商业秘密和个人隐私的除外。", "《内部资料性出版物管理办法》",
                                  "加强保密审查，防止泄露国家秘密。", "★重点推荐"])
def test_ordinary_words_are_not_markings(text):
    assert not markings(text)


def test_marking_in_a_public_piece_blocks_and_names_the_place():
    package = with_policy("机密★1年\n\n" + f.POLICY_BODY)
    finding = codes(package)["CONFIDENTIAL_MARKING"]
    assert finding.severity is Severity.BLOCKING and finding.piece == "policy"
    assert "政策文件第1段“机密★1年”" in finding.message


def test_lone_star_in_the_head_of_the_policy_is_a_marking():
    package = with_policy("★\n\n" + f.POLICY_BODY)
    assert "CONFIDENTIAL_MARKING" in codes(package)


def test_a_package_not_for_the_website_is_not_blocked_for_markings_twice():
    package = with_policy("内部资料 注意保密\n\n" + f.POLICY_BODY)
    package = edits.set_metadata(package, {"disclosure": "不予公开", "disclosure_reason": "内部管理信息"}).package
    found = codes(package)
    assert "CONFIDENTIAL_MARKING" not in found and "NOT_FOR_WEBSITE" in found


def test_id_numbers_need_a_valid_check_digit():
    assert id_number_valid(VALID_ID)
    assert not id_number_valid("110105194912310021")  # wrong check digit
    assert not id_number_valid("110105194913310020")  # no 13th month
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n申请人李某（身份证号{VALID_ID}）已获补贴。")
    finding = codes(package)["ID_NUMBER_EXPOSED"]
    assert finding.severity is Severity.BLOCKING and VALID_ID not in finding.message
    assert mask(VALID_ID) in finding.message and "政策解读第11段" in finding.message
    assert "ID_NUMBER_EXPOSED" not in codes(with_interpretation(f.INTERPRETATION_BODY + "\n\n编号110105194912310021。"))


def test_mobile_numbers_outside_the_contact_field_block():
    package = edits.set_faq(f.draft(), [FaqItem("找谁咨询？", "请拨打138-1234-5678咨询。")]).package
    finding = codes(package)["MOBILE_NUMBER_EXPOSED"]
    assert finding.severity is Severity.BLOCKING and finding.piece == "faq" and "问答第1条的回答" in finding.message
    in_contact = edits.set_metadata(f.draft(), {"interpreter_contact": "13812345678"}).package
    assert "MOBILE_NUMBER_EXPOSED" not in codes(in_contact)
    landline = with_interpretation(f.INTERPRETATION_BODY + "\n\n咨询电话：0599-87261532。")
    assert "MOBILE_NUMBER_EXPOSED" not in codes(landline)


def test_mobile_number_in_other_metadata_blocks():
    package = edits.set_metadata(f.draft(), {"consultation_feedback": "张三（13912345678）提出的意见已采纳。"}).package
    finding = codes(package)["MOBILE_NUMBER_EXPOSED"]
    assert finding.piece == "metadata" and finding.field == "consultation_feedback"


@pytest.mark.parametrize("link", ["file:///C:/Users/zhang/Desktop/附件.docx", r"C:\Users\张三\文件\附件1.xlsx",
                                  "/home/zhang/政策/附件.pdf", r"\\fileserver\共享\附件.docx"])
def test_links_to_local_files_block(link):
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n详见[附件]({link})。")
    finding = codes(package)["LOCAL_FILE_LINK"]
    assert finding.severity is Severity.BLOCKING


def test_web_addresses_are_not_local_files():
    package = with_interpretation(f.INTERPRETATION_BODY + "\n\n详见 https://www.minghu.gov.cn/home/zcjd/1.html 。")
    assert "LOCAL_FILE_LINK" not in codes(package)


def test_local_file_in_another_form_blocks():
    package = edits.add_other_form(f.draft(), "专家解读", "专家谈补贴", url="file:///D:/专家解读.docx").package
    assert codes(package)["LOCAL_FILE_LINK"].piece == "others"
