"""Chinese line breaking: no closing mark at a line start, no opening mark at a line end."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.render.explainer.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    clusters,
    wrap,
    wrap_balanced,
)


def em(text: str) -> float:
    """A width model of a CJK font: full-width 1 em, the rest half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F") else 0.5 for c in text)


def assert_legal(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        if i > 0:
            assert line[0] not in NO_LINE_START, f"line {i} starts with {line[0]!r}: {lines}"
        if i < len(lines) - 1:
            assert line[-1] not in NO_LINE_END, f"line {i} ends with {line[-1]!r}: {lines}"


TRICKY = [
    # A comma falls exactly at the line end: it stays with the character before it.
    ("毕业学年内，低保家庭、零就业家庭、脱贫家庭", 5),
    # Closing marks in a row: ）。 and 》， never start a line.
    ("申请一次性求职创业补贴（每人）。资金拨付至《若干措施》，同时废止。", 6),
    # Opening marks in a row: （《 never end a line.
    ("按照规定（《明湖市办法》第三条）执行", 4),
    ("登录“明湖就业”服务平台，在线提交申请材料", 5),
    ("如有疑问？请致电！咨询：0599-87261530；谢谢……", 6),
    ("「一次性」『补贴』【重要】〔2023〕", 3),
]


@pytest.mark.parametrize("text, width", TRICKY)
def test_tricky_strings_obey_the_rules(text, width):
    lines = wrap(text, width, em)
    assert_legal(lines)
    assert "".join(lines) == text
    assert all(em(line) <= width + 1 for line in lines)  # a mark glued to a full line may hang by one


def test_a_line_never_starts_with_a_comma_even_when_the_line_is_exactly_full():
    lines = wrap("一二三四五，六七八九十。", 5, em)
    assert lines == ["一二三四", "五，六七八", "九十。"]


def test_numbers_phone_numbers_and_words_stay_whole():
    lines = wrap("咨询电话0599-87261530，补贴2.6万户，版本v1.2", 7, em)
    joined = "|".join(lines)
    for word in ("0599-87261530", "2.6万户", "v1.2"):
        assert any(word in line for line in lines), joined


def test_a_number_keeps_its_unit():
    lines = wrap("惠及居民约2.6万户", 5.5, em)
    assert lines == ["惠及居民约", "2.6万户"]


def test_overlong_latin_runs_are_cut_rather_than_overflowing():
    lines = wrap("见https://www.example.gov.cn/zhengce/jiedu/2026/index.html", 10, em)
    assert all(em(line) <= 10 for line in lines)
    assert "".join(lines) == "见https://www.example.gov.cn/zhengce/jiedu/2026/index.html"


def test_spaces_separate_latin_words_and_vanish_at_line_ends():
    assert wrap("Policy Interpretation Studio", 7, em) == ["Policy", "Interpretation", "Studio"]
    assert wrap("明政办规〔2026〕3号　十八条措施", 10, em) == ["明政办规〔2026〕3号", "十八条措施"]


def test_a_single_character_is_not_left_alone_on_the_last_line():
    lines = wrap("一二三四五六七八九十一", 10, em)
    assert lines == ["一二三四五六七八九", "十一"]


def test_explicit_line_breaks_are_kept():
    assert wrap("第一行\n第二行", 20, em) == ["第一行", "第二行"]


def test_balanced_lines_are_even():
    assert wrap_balanced("个人创业担保贷款最高额度", 9, em) == ["个人创业担保", "贷款最高额度"]


def test_balanced_lines_prefer_a_comma_or_an_opening_mark():
    assert wrap_balanced("本科毕业生租房补贴，最长24个月", 12, em) == ["本科毕业生租房补贴，", "最长24个月"]
    lines = wrap_balanced("文件名称：明湖市人民政府办公室关于印发《明湖市支持高校毕业生就业创业若干措施》的通知", 36, em)
    assert lines[1].startswith("《明湖市")


def test_clusters_glue_marks_to_their_neighbours():
    assert [c.text for c in clusters("（每人）。")] == ["（每", "人）。"]


CJK_TEXT = st.text(
    alphabet=st.sampled_from(list("政策解读补贴申请毕业生一二三") + list("，。、；：？！）》」”") + list("（《「“")
                             + list("0123456789abc -")),
    min_size=0, max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(CJK_TEXT, st.integers(min_value=2, max_value=20))
def test_property_lines_are_legal_complete_and_fit(text, width):
    lines = wrap(text, width, em)
    assert_legal([line for line in lines if line])
    # Nothing is lost: only spaces at the breaks go.
    assert "".join(lines).replace(" ", "") == text.strip(" ").replace(" ", "")
    for line in lines:
        # Wider than the line only when a cluster alone cannot fit (a run of marks glued together).
        if em(line) > width:
            assert len(clusters(line)) == 1, lines


@settings(max_examples=200, deadline=None)
@given(CJK_TEXT, st.integers(min_value=3, max_value=20))
def test_property_balanced_never_adds_lines(text, width):
    assert len(wrap_balanced(text, width, em)) <= max(1, len(wrap(text, width, em)))
