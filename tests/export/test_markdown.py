"""Markdown to safe HTML: no raw markup, only safe links, stable heading ids, wrapped tables."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.render.markdown import clean_text, heading_id, render_markdown, safe_url


def test_raw_html_is_text_not_markup():
    html = render_markdown("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>").html
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_only_web_mail_phone_and_anchor_links_survive():
    html = render_markdown(
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](vbscript:x) "
        "[e](file:///etc/passwd) [f](https://gov.cn/) [g](mailto:a@b.cn) [h](tel:12345) [i](#h-x)").html
    assert 'href="https://gov.cn/"' in html and 'href="mailto:a@b.cn"' in html
    assert 'href="tel:12345"' in html and 'href="#h-x"' in html
    for bad in ("javascript", "JaVaScRiPt", "data:", "vbscript", "file:"):
        assert f'href="{bad}' not in html
    assert html.count("<a ") == 4


def test_safe_url_rejects_obfuscated_schemes():
    assert not safe_url(" java\tscript:alert(1)")
    assert not safe_url("https:")
    assert safe_url("https://www.gov.cn/zhengce/")
    assert not safe_url("#")


def test_images_become_links_not_remote_pictures():
    html = render_markdown('![示意图"x](https://example.gov.cn/a.png)').html
    assert "<img" not in html
    assert '<a href="https://example.gov.cn/a.png">［图片：示意图&quot;x］</a>' in html


def test_chinese_heading_ids_are_stable_and_unique():
    text = "# 标题\n\n## 一、出台背景和依据\n\n## 一、出台背景和依据\n\n### Key Terms（关键词）\n"
    first = render_markdown(text, drop_title="标题")
    again = render_markdown(text, drop_title="标题")
    ids = [h.id for h in first.headings]
    assert ids == [h.id for h in again.headings]
    assert ids == ["h-一-出台背景和依据", "h-一-出台背景和依据-2", "h-key-terms-关键词"]
    assert [h.level for h in first.headings] == [2, 2, 3]
    assert '<h2 id="h-一-出台背景和依据">' in first.html
    assert heading_id("！！！") == "h-section"


def test_heading_ids_avoid_the_page_frame_ids():
    rendered = render_markdown("## main", taken_ids=frozenset({"h-main"}))
    assert rendered.headings[0].id == "h-main-2"


def test_tables_scroll_in_a_keyboard_reachable_region():
    html = render_markdown("|学历|补贴|\n|---|---|\n|本科|500元|").html
    assert '<div class="table-wrap" role="region" tabindex="0"' in html
    assert "<th>学历</th>" in html and "<td>500元</td>" in html


def test_title_doc_number_and_signature_layout():
    text = "# 关于X的通知\n\n明政发〔2026〕1号\n\n正文。\n\n明湖市人民政府\n\n2026年3月5日\n"
    html = render_markdown(text, drop_title="关于X的通知", drop_lead=("明政发〔2026〕1号",),
                           right_aligned=("明湖市人民政府", "2026年3月5日")).html
    assert "关于X的通知" not in html and "明政发" not in html
    assert html.count('<p class="signature">') == 2


def test_control_characters_are_removed():
    assert clean_text("a\x00b\x07c\x1fd\x7fe\ufffff\r\ng") == "abcdef\ng"
    html = render_markdown("正文\x0b内容\x1b").html
    assert "\x0b" not in html and "\x1b" not in html


def test_a_bare_web_address_becomes_a_link_with_its_words_unchanged():
    html = render_markdown("详见https://www.gov.cn/zhengce/content/a.htm。登录www.example.gov.cn，办理。").html
    assert ('详见<a href="https://www.gov.cn/zhengce/content/a.htm">https://www.gov.cn/zhengce/content/a.htm</a>。'
            in html)
    assert '登录<a href="http://www.example.gov.cn">www.example.gov.cn</a>，办理。' in html


def test_local_paths_and_other_schemes_stay_plain_text():
    text = r"草稿在 file:///C:/Users/zhang/a.docx 和 C:\Users\zhang\b.docx，javascript:alert(1)，http://192.168.1.9/oa"
    html = render_markdown(text).html
    assert "<a " not in html
    assert "file:///C:/Users/zhang/a.docx" in html and "javascript:alert(1)" in html


def test_addresses_already_in_a_link_or_in_code_are_left_alone():
    html = render_markdown("[门户网站](https://www.gov.cn/) 与 `www.code.gov.cn` 与 <https://auto.gov.cn>").html
    assert html.count("<a ") == 2 and "<code>www.code.gov.cn</code>" in html
    assert '<a href="https://www.gov.cn/">门户网站</a>' in html


_TAGS = re.compile(r'<a href="[^"]*">|</a>')
_PARTS = st.sampled_from(list("ab.:/w?#()，。；）（、 政策1*_[]<>`\n") + ["https://", "http://", "www.", ".gov.cn",
                                                                    "file://", "C:\\", "javascript:", "# ", "一、"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARTS, max_size=40).map("".join) | st.text(max_size=60))
def test_linking_never_changes_the_visible_text(text):
    linked = render_markdown(text).html
    plain = render_markdown(text, bare_links=False).html
    assert _TAGS.sub("", linked) == _TAGS.sub("", plain)
    assert linked.count("<a ") >= plain.count("<a ")
    for href in re.findall(r'<a href="([^"]*)">', linked):
        assert safe_url(href.replace("&amp;", "&"))
