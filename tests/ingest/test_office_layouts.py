"""Layouts real offices' files have, as reported from real files: each value found, and a
value the layout does not settle offered for checking rather than filled in."""

from __future__ import annotations

import docx

from studio.ingest.docx_file import read_docx
from studio.ingest.gongwen_metadata import extract_metadata
from studio.service import importing
from tests import factories as f
from tests.members import member


def test_state_council_order_gives_its_number_and_organ():
    found = extract_metadata([
        "中华人民共和国国务院令", "第706号",
        "《国务院关于修改和废止部分行政法规的决定》已经2018年9月5日国务院第21次常务会议通过，现予公布，自公布之日起施行。",
        "总理　李克强", "2018年9月18日", "国务院关于修改和废止部分行政法规的决定", "为全面深化改革，国务院决定："])
    assert found.values["doc_number"] == "国令第706号"
    assert found.values["organ"] == "国务院"
    assert found.values["title"] == "国务院关于修改和废止部分行政法规的决定"
    assert "title" in found.unsure and found.found_at["title"].startswith("令的正文")
    assert found.values.get("kind") != "规章"  # 国务院令 issue 行政法规


def test_law_database_field_lines_are_fields_not_title():
    found = extract_metadata([
        "法规类别:区域经济开发", "国务院关于横琴国际休闲旅游岛建设方案的批复", "发文字号 : 国发[2017]15号",
        "发布部门:国务院", "发文日期:2017年2月15日", "广东省人民政府：", "你省关于报请审批横琴国际休闲旅游岛建设方案的请示收悉。"])
    assert found.values["title"] == "国务院关于横琴国际休闲旅游岛建设方案的批复"
    assert found.values["organ"] == "国务院"
    assert found.values["doc_number"] == "国发[2017]15号"  # kept as written
    assert any("方括号" in n and "国发[2017]15号" in n for n in found.notes)
    assert found.values["date_written"] == "2017年2月15日"


def test_title_lines_ending_in_wen_jian_or_zhi_du_are_joined():
    found = extract_metadata(["明湖市人民政府办公厅关于全面推行行政规范性文件", "合法性审核机制的指导意见",
                              "明政办发〔2019〕3号", "各区县人民政府：", "现提出如下意见。"])
    assert found.values["title"] == "明湖市人民政府办公厅关于全面推行行政规范性文件合法性审核机制的指导意见"
    found = extract_metadata(["明湖市人民政府关于全面推行行政执法公示制度执法全过程记录制度",
                              "重大执法决定法制审核制度的指导意见", "各区县人民政府：", "现提出如下意见。"])
    assert found.values["title"].endswith("执法全过程记录制度重大执法决定法制审核制度的指导意见")


def test_a_stray_template_word_below_a_whole_title_is_not_joined():
    found = extract_metadata(["关于加强打击保险领域违法犯罪协调配合工作的通知", "批复", "浙保监发[2009]33号",
                              "各保险公司：", "现通知如下。", "二〇〇九年十月二十一日"])
    assert found.values["title"] == "关于加强打击保险领域违法犯罪协调配合工作的通知"
    assert found.values["date_written"] == "2009年10月21日"


def test_dates_with_stray_spaces_and_chinese_numerals():
    found = extract_metadata(["辽宁省农业农村厅关于印发渔船管理办法的通知", "各市农业农村局：", "现印发给你们。",
                              "辽宁省农业农村厅", "2021年1月1 9 日"])
    assert found.values["date_written"] == "2021年1月19日"
    found = extract_metadata(["关于提示异地贷款业务风险的通知", "苏银监办〔2005〕235号", "各银行：", "现通知如下。",
                              "二○○五年十一月十一日"])
    assert found.values["date_written"] == "2005年11月11日"


def test_a_standard_draft_is_titled_by_its_name_not_its_cover_head():
    found = extract_metadata(["中华人民共和国能源行业标准", "NB/T 20442.12—202X", "核电厂定期安全评价 第12部分：设计",
                              "（征求意见稿）", "国家能源局 发布", "本文件规定了核电厂定期安全评价的设计要求。"])
    assert found.values["title"] == "核电厂定期安全评价第12部分：设计（征求意见稿）"
    assert "title" in found.unsure


def test_government_work_report_names_the_peoples_government():
    found = extract_metadata(["2025年重庆市政府工作报告", "——2025年1月19日在重庆市第六届人民代表大会第三次会议上",
                              "重庆市人民政府市长 胡衡华", "各位代表：", "现在，我代表市人民政府向大会报告工作。"])
    assert found.values["organ"] == "重庆市人民政府"
    assert found.values["date_written"] == "2025年1月19日"


def test_government_work_reports_as_newspapers_print_them():
    # The dateline without a dash and ending the sentence, with four hyphens and the speaker
    # before 在, and an autonomous region by its short name.
    found = extract_metadata(["2025年北京市政府工作报告", "来源：北京日报",
                              "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。",
                              "各位代表：", "现在，我代表北京市人民政府，向大会报告政府工作，请予审议。"])
    assert found.values["date_written"] == "2025年1月14日"
    assert found.values["organ"] == "北京市人民政府"
    found = extract_metadata(["2025年上海市政府工作报告",
                              "----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告",
                              "来源：解放日报", "各位代表：", "现在，我代表上海市人民政府，向大会报告工作。"])
    assert found.values["title"] == "2025年上海市政府工作报告"
    assert found.values["date_written"] == "2025年1月15日"
    found = extract_metadata(["2025年宁夏政府工作报告", "——2025年1月19日在宁夏回族自治区第十三届人民代表大会第三次会议上",
                              "各位代表：", "现在，我代表自治区人民政府，向大会报告工作。"])
    assert found.values["organ"] == "宁夏回族自治区人民政府" and "organ" in found.unsure


def test_version_head_and_signature_that_differ_are_offered_for_checking():
    found = extract_metadata(["路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张某同志辞职的批复", "区中医院：",
                              "经研究，同意张某同志辞职。", "路桥区卫生局办公室", "2011年3月10日"])
    assert found.values["organ"] == "路桥区卫生局" and "organ" in found.unsure
    assert "落款为“路桥区卫生局办公室”" in found.found_at["organ"]


def test_version_head_in_the_page_header_is_read(tmp_path):
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "明湖市人民政府办公室文件"
    section.header.add_paragraph("明政办发〔2024〕8号")
    d.add_paragraph("关于做好防汛工作的通知")
    d.add_paragraph("各区县人民政府：")
    d.add_paragraph("现就有关事项通知如下。")
    path = tmp_path / "h.docx"
    d.save(path)
    document = read_docx(path)
    assert "明湖市人民政府办公室文件" not in document.markdown  # the header is not body text
    found = extract_metadata(document.lines)
    assert found.values["doc_number"] == "明政办发〔2024〕8号"
    assert found.values["organ"] == "明湖市人民政府办公室"


def test_a_title_in_a_table_is_offered(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=1)
    table.cell(0, 0).text = "附件1："
    table.cell(1, 0).text = "2016年宜春市市直机关遴选公务员职位表"
    table.cell(2, 0).text = "序号"
    path = tmp_path / "t.docx"
    d.save(path)
    assert extract_metadata(read_docx(path).lines).values["title"] == "2016年宜春市市直机关遴选公务员职位表"


def test_unsure_values_are_proposed_never_filled(tmp_path):
    source = tmp_path / "5.发布.txt"
    source.write_text("路桥区卫生局文件\n路卫发〔2011〕76号\n关于同意张某同志辞职的批复\n区中医院：\n"
                      "经研究，同意张某同志辞职。\n路桥区卫生局办公室\n2011年3月10日\n", "utf-8")
    _, results = importing.create_from_file(tmp_path / "lib", member(tmp_path / "lib", f.DRAFTER), source, {})
    assert "organ" not in results[0].accepted
    proposal = next(p for p in results[0].proposals if p.key == "organ")
    assert proposal.value == "路桥区卫生局" and proposal.unsure and "请核对" in proposal.describe()
    assert "发文机关标志" in proposal.describe()
    assert results[0].accepted["doc_number"] == "路卫发〔2011〕76号"


def test_a_bank_branch_is_addressed_and_a_lead_in_sentence_is_not():
    found = extract_metadata(["中国银监会江苏监管局办公室关于进一步完善股份制商业银行", "监管信息报送制度的通知",
                              "苏银监办〔2016〕313号", "各股份制商业银行南京分行:",
                              "为进一步加强辖内股份制商业银行非现场监管，根据工作需要，现将有关要求通知如下：",
                              "一、信息种类和内容", "2016年12月19日"])
    assert found.values["addressees"] == "各股份制商业银行南京分行"
    found = extract_metadata(["关于做好注册资本托管工作的通知", "沪保监发〔2016〕234号",
                              "为规范保险中介机构注册资本管理，现就有关事项通知如下：", "一、各机构应选择一家银行。"])
    assert "addressees" not in found.values


def test_attachments_listed_side_by_side_on_the_attachment_line():
    found = extract_metadata(["浙江省司法厅关于全面推进“无证明化”改革工作的通知", "浙银保监发〔2020〕172号", "各市司法局：",
                              "现将有关事项通知如下。",
                              "附件：1.“无证明化”改革工作方案 2.银行机构改革指导目录（2020 年） 3.保险公司改革指导目录（2020 年）",
                              "浙江省司法厅", "2020年8月17日"])
    assert found.attachments == ("“无证明化”改革工作方案", "银行机构改革指导目录（2020 年）", "保险公司改革指导目录（2020 年）")


def test_announcement_head_and_its_own_number():
    found = extract_metadata(["国家税务总局公告", "2023年第1号", "国家税务总局关于增值税发票管理等有关事项的公告",
                              "现将有关事项公告如下：", "一、有关事项。"])
    assert found.values["title"] == "国家税务总局关于增值税发票管理等有关事项的公告"
    assert found.values["doc_number"] == "国家税务总局公告2023年第1号"
    assert "国家税务总局公告" in found.head_lines and "2023年第1号" in found.head_lines
    # An announcement head with another title-like line below it is only a guess at the title
    found = extract_metadata(["明湖市人民政府公告", "〔2020〕第3号", "[此处输入文件标题]", "[此处输入正文内容]",
                              "明湖市人民政府", "2020年2月19日"])
    assert found.values["title"] == "明湖市人民政府公告" and "title" in found.unsure
    assert found.values["doc_number"] == "〔2020〕第3号"
    # ... and the title itself where nothing but the text follows it
    found = extract_metadata(["明湖市人民政府公告", "〔2020〕第1号", "根据《中华人民共和国土地管理法》规定，现将有关事项公告如下：",
                              "一、征收范围。"])
    assert found.values["title"] == "明湖市人民政府公告" and "title" not in found.unsure


def test_a_standard_cover_gives_name_part_draft_stage_and_publisher():
    found = extract_metadata(["ICS 27.120.99", "F65", "备案号：", "NB", "中华人民共和国能源行业标准", "20XX - XX - XX发布",
                              "20XX - XX - XX实施", "国家能源局 发布", "NB/T XXXXXX—XXXX", "核电厂定期安全评价指南",
                              "第6部分：构筑物、系统和设备的实际状态",
                              "Guideline of periodic safety review for nuclear power plants—",
                              "Part 6: Actual condition of structures, systems and components", "（征求意见稿）",
                              "本稿完成日期：2023年3月9日", "本文件规定了核电厂定期安全评价的要求。"])
    assert found.values["title"] == "核电厂定期安全评价指南第6部分：构筑物、系统和设备的实际状态（征求意见稿）"
    assert "title" in found.unsure
    assert found.values["organ"] == "国家能源局" and "organ" in found.unsure


def test_a_title_without_a_document_kind_is_read_over_its_two_lines():
    found = extract_metadata(["关于太原市发展和改革委员会2016年部门决算", "和“三公”经费决算的公开", "第一部分",
                              "太原市发展和改革委员会部门概况", "一、本部门职责", "继续抓好经济监测预测工作。"])
    assert found.values["title"] == "关于太原市发展和改革委员会2016年部门决算和“三公”经费决算的公开"
    assert "title" in found.unsure


def test_outline_items_numbered_with_a_bracket_are_not_a_title():
    found = extract_metadata(["附件2", "“十二五”节能减排规划编制要点", "一、“十一五”节能减排发展情况", "1. 企业基本概况",
                              "3）合同能源管理工作的开展", "4）节能减排政策和法律法规的宣传贯彻", "5）节能减排信息化管理规划"])
    assert found.values["title"] == "“十二五”节能减排规划编制要点"
