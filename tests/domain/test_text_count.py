"""字数 as a drafter reads it in Word or WPS: the length limits of an interpretation are set in it."""

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.text_count import word_count


def test_each_han_character_and_chinese_punctuation_counts_one() -> None:
    assert word_count("一、出台背景") == 6
    assert word_count("“三同步”：同步起草。") == 11


def test_a_latin_word_or_a_number_counts_one_whatever_its_length() -> None:
    assert word_count("每人每年6,000.5元") == 6
    assert word_count("SM2 签名") == 3
    assert word_count("2026年3月1日") == 6


def test_spaces_line_breaks_and_markdown_marks_count_nothing() -> None:
    assert word_count("## 一、背景\n\n**重点** | 说明 |\n") == word_count("一、背景重点说明")
    assert word_count("   \n\t") == 0


@given(st.text(alphabet="政策解读，。ab1 \n#*", max_size=60), st.text(alphabet="政策解读，。ab1 \n#*", max_size=60))
def test_joining_two_texts_at_a_space_adds_their_counts(left: str, right: str) -> None:
    assert word_count(left + " " + right) == word_count(left) + word_count(right)
