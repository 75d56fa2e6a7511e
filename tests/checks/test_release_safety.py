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


# -- written the way people really type them (normalised before the rule looks) --------------

@pytest.mark.parametrize("written", [
    "110105 19491231 002X", "110105-19491231-002X", "1101 0519 4912 3100 2X", "１１０１０５１９４９１２３１００２Ｘ",
    "ID11010519491231002X", "身份证号:ID 110105.19491231.002x",
])
def test_id_numbers_are_found_however_written(written):
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n申请人李某（{written}）已获补贴。")
    finding = codes(package)["ID_NUMBER_EXPOSED"]
    assert finding.severity is Severity.BLOCKING and mask(VALID_ID) in finding.message


@pytest.mark.parametrize("written", ["１３８１２３４５６７８", "138.1234.5678", "138 1234 5678", "+86 138-1234-5678",
                                     "Tel13812345678", "１３８－１２３４－５６７８"])
def test_mobile_numbers_are_found_however_written(written):
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n请拨打{written}咨询。")
    assert "MOBILE_NUMBER_EXPOSED" in codes(package)


@pytest.mark.parametrize("text", ["机 密★", "机　密★1年", "内部 资料", "内 部 资 料，请勿外传", "仅供内部参考",
                                  "绝 密", "（仅供内部参考）"])
def test_markings_with_spaces_inside_are_found(text):
    assert markings(text)
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n{text}")
    assert "CONFIDENTIAL_MARKING" in codes(package)


@pytest.mark.parametrize("link", ["FILE:///home/zhang/附件.pdf", "File://C:/a.docx", "smb://fileserver/共享/附件.docx",
                                  "SMB://10.0.0.5/share/a.xlsx", "~/Desktop/附件.docx", r"~\Desktop\a.docx",
                                  r"c:\users\zhang\a.docx", "见/home/zhang/a.pdf", "/HOME/zhang/a.pdf",
                                  "ｆｉｌｅ：／／／ｈｏｍｅ／ａ．ｐｄｆ", r"\\SERVER\共享\a.docx"])
def test_local_paths_in_any_case_and_scheme_block(link):
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n详见 {link} 。")
    assert codes(package)["LOCAL_FILE_LINK"].severity is Severity.BLOCKING


@pytest.mark.parametrize("text", ["第1.5条", "2026-03-10 至 2026-04-10", "每人每月500元，最长24个月。",
                                  "详见 https://www.minghu.gov.cn/home/zcjd/1.html 。", "统一社会信用代码11330599MB0000000A",
                                  "咨询电话：0599-87261532。", "约13.8亿元", "https://example.gov.cn/users/a"])
def test_ordinary_text_stays_clean_after_normalising(text):
    package = with_interpretation(f.INTERPRETATION_BODY + f"\n\n{text}")
    assert not {"ID_NUMBER_EXPOSED", "MOBILE_NUMBER_EXPOSED", "LOCAL_FILE_LINK", "CONFIDENTIAL_MARKING"} & set(codes(package))


@pytest.mark.parametrize("contact, code", [
    (f"李明 {VALID_ID}", "ID_NUMBER_EXPOSED"), ("机密★ 0599-87000000", "CONFIDENTIAL_MARKING"),
    ("file:///home/zhang/通讯录.xlsx", "LOCAL_FILE_LINK"), ("内部资料 0599-87000000", "CONFIDENTIAL_MARKING"),
])
def test_the_contact_field_is_scanned_for_everything_but_phone_numbers(contact, code):
    package = edits.set_metadata(f.draft(), {"interpreter_contact": contact}).package
    finding = codes(package)[code]
    assert finding.field == "interpreter_contact"


def test_the_contact_field_may_hold_phones_email_and_an_address():
    contact = "电话：0599-87000000，手机：138 1234 5678，邮箱：zcjd@minghu.gov.cn，地址：明湖市人民路1号"
    package = edits.set_metadata(f.draft(), {"interpreter_contact": contact}).package
    assert not {"ID_NUMBER_EXPOSED", "MOBILE_NUMBER_EXPOSED", "LOCAL_FILE_LINK", "CONFIDENTIAL_MARKING"} & set(codes(package))
