"""PDF layouts met in real regulators' notices printed from Word: digits set apart from the
characters around them, a 落款 or date wrapped inside a narrow right-aligned block.

The pieces are placed as PDFium reports them for those pages (points, y downwards)."""

from __future__ import annotations

from studio.ingest.gongwen_metadata import extract_metadata
from studio.ingest.page_layout import TextPiece, page_lines


def _texts(pieces: list[TextPiece]) -> list[str]:
    return [line.text for line in page_lines(pieces)]


def test_a_doc_number_whose_digits_are_set_apart_is_one_line():
    # Digits' boxes are shorter than the brackets': the gap after 〕 is under a character of the line.
    pieces = [TextPiece("上海银监局关于印发上海银行业投诉处理工作考核实施细则的通知", 110.0, 88.0, 485.1, 100.1, 12.1),
              TextPiece("沪银监通〔", 215.8, 118.2, 289.6, 132.6, 14.3),
              TextPiece("2015", 291.3, 120.0, 327.0, 131.3, 11.3),
              TextPiece("〕", 328.9, 118.2, 332.6, 132.6, 14.3),
              TextPiece("38", 344.4, 120.0, 361.3, 131.3, 11.3),
              TextPiece("号", 366.3, 119.1, 379.4, 132.3, 13.2)]
    assert _texts(pieces)[1] == "沪银监通〔2015〕38号"


def test_a_signature_that_wrapped_its_last_character_is_joined():
    pieces = [TextPiece("展格局“四保障六提升”行动工作报告。", 103.1, 523.5, 380.2, 538.5, 15.0),
              TextPiece("中国银保监会江苏监管", 334.5, 586.8, 492.0, 601.6, 14.8),
              TextPiece("局", 477.4, 618.9, 491.6, 632.8, 13.9),
              TextPiece("2021", 369.0, 650.8, 407.0, 662.9, 12.1),
              TextPiece("年6月7日", 412.6, 649.2, 490.3, 664.0, 14.8)]
    assert _texts(pieces)[1:] == ["中国银保监会江苏监管局", "2021年6月7日"]


def test_right_aligned_figures_in_a_table_column_stay_apart():
    pieces = [TextPiece("合计", 100.0, 100.0, 130.0, 114.0, 14.0), TextPiece("3456", 400.0, 100.0, 440.0, 114.0, 14.0),
              TextPiece("其中", 100.0, 130.0, 130.0, 144.0, 14.0), TextPiece("12", 420.0, 130.0, 440.0, 144.0, 14.0)]
    assert _texts(pieces) == ["合计", "3456", "其中", "12"]


def test_a_date_broken_over_two_lines_is_the_date_written():
    found = extract_metadata(["上海银监局关于印发上海银行业投诉处理工作考核实施细则的通知", "沪银监通〔2015〕38号",
                              "在沪各银行业金融机构：", "现印发给你们，请认真学习。", "2015年12", "月3日", "上海银行业投诉处理工作考核实施细则"])
    assert found.values["date_written"] == "2015年12月3日"
    found = extract_metadata(["关于印发《江苏省大型商业保险及投标业务经营管理规范》的通知", "苏保监发〔2011〕161号",
                              "各财产保险公司省级分公司：", "现提出如下贯彻落实要求。", "二〇", "一一年九月六日"])
    assert found.values["date_written"] == "2011年9月6日"


def test_digits_placed_one_by_one_read_as_a_number_and_words_keep_their_space():
    pieces = [TextPiece("宜春市", 59.6, 83.5, 111.5, 100.3, 16.6), TextPiece("2", 113.4, 85.5, 121.9, 98.9, 13.4),
              TextPiece("0", 123.9, 85.5, 132.5, 99.1, 13.6), TextPiece("2", 134.5, 85.5, 142.9, 98.9, 13.4),
              TextPiece("2", 145.0, 85.5, 153.4, 98.9, 13.4), TextPiece("年度名单（", 155.3, 83.6, 477.3, 100.6, 16.7),
              TextPiece("7", 479.7, 85.7, 487.9, 98.9, 13.2), TextPiece("1", 491.0, 85.7, 496.0, 98.9, 13.2),
              TextPiece("人）", 500.7, 84.0, 523.8, 100.6, 16.7)]
    assert _texts(pieces) == ["宜春市2022年度名单（71人）"]
    words = [TextPiece("GB/T", 100.0, 100.0, 132.0, 112.0, 12.0), TextPiece("9704", 135.5, 100.0, 165.0, 112.0, 12.0)]
    assert _texts(words) == ["GB/T 9704"]
