"""Bare web addresses in a text are found exactly: what a reader sees is never changed, only linked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.web_links import split_links, web_links


def linked(text: str) -> list[tuple[str, str]]:
    return [(words, href) for words, href in split_links(text) if href]


def test_an_address_ends_at_chinese_punctuation():
    text = "详见https://www.gov.cn/zhengce/content/202611/content_1.htm。另见www.example.gov.cn，或（https://a.gov.cn/x）；完"
    assert linked(text) == [
        ("https://www.gov.cn/zhengce/content/202611/content_1.htm", "https://www.gov.cn/zhengce/content/202611/content_1.htm"),
        ("www.example.gov.cn", "http://www.example.gov.cn"),
        ("https://a.gov.cn/x", "https://a.gov.cn/x"),
    ]


def test_sentence_punctuation_and_an_unopened_bracket_are_not_part_of_the_address():
    assert linked("see https://a.gov.cn/list?id=3&p=2.") == [("https://a.gov.cn/list?id=3&p=2", "https://a.gov.cn/list?id=3&p=2")]
    assert linked("(www.gov.cn)") == [("www.gov.cn", "http://www.gov.cn")]
    assert linked("https://a.gov.cn/x_(y)") == [("https://a.gov.cn/x_(y)", "https://a.gov.cn/x_(y)")]


def test_only_web_addresses_with_a_named_host_are_linked():
    for text in ("file:///C:/Users/zhang/Desktop/草稿.docx", r"C:\Users\zhang\草稿.docx", "javascript:alert(1)",
                 r"\\fileserver\共享\a.doc", "/home/zhang/a.doc", "ftp://ftp.gov.cn/a", "http://192.168.1.20/oa",
                 "http://localhost:8080/", "https://", "www.", "zhang@www.gov.cn", "abc.www.gov.cn", "data:text/html,x"):
        assert web_links(text) == [], text


PARTS = st.sampled_from(list("ab.:/w?#()，。；）（、 政策1") + ["https://", "http://", "www.", ".gov.cn",
                                                           "file://", "C:\\", "javascript:"])
TEXTS = st.lists(PARTS, max_size=30).map("".join) | st.text(max_size=80)


@given(TEXTS)
def test_linking_never_changes_the_text(text):
    pieces = split_links(text)
    assert "".join(words for words, _ in pieces) == text
    for words, href in pieces:
        if href:
            assert href.lower().startswith(("http://", "https://"))
            assert words.isascii() and words[-1] not in ".,;:!?"
            assert href.endswith(words)
