"""The inline changes as rich text: the view opens at the paragraph holding the first change."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.text_diff import diff_runs
from studio.ui.diff_html import FIRST_CHANGE, REMOVED_STYLE, runs_html


def test_the_first_change_anchor_starts_its_paragraph_not_the_middle_of_it():
    html = runs_html(diff_runs("第一段不变。\n现就有关情况解读如下。", "第一段不变。\n现就有关情况解释如下。"))
    anchor = f'<a name="{FIRST_CHANGE}"></a>'
    assert "第一段不变。<br>" + anchor + "现就有关情况<span" in html


def test_a_change_in_the_first_paragraph_puts_the_anchor_at_the_start():
    html = runs_html(diff_runs("工作落实", "工程落实"))
    assert html.startswith(f"<p style='line-height:160%'><a name=\"{FIRST_CHANGE}\"></a>")


def test_each_changed_paragraph_is_named_as_the_margin_names_it():
    old = "关于做好就业工作的解读\n第一段不变。\n第二段解读如下。\n第三段不变。\n第四段将删去。"
    new = "关于做好就业工作的解释\n第一段不变。\n第二段解释如下。\n第三段不变。"
    places = ["标题", "第1段", "第2段", "第3段"]
    html = runs_html(diff_runs(old, new), lambda n: places[n - 1])
    assert "〔标题〕" in html and "〔第2段〕" in html
    assert "〔第1段〕" not in html and "〔第3段〕" not in html  # unchanged paragraphs carry no name
    # The paragraph taken away stays, struck through, on a line of its own where it was.
    assert "第三段不变。<br>" in html and "〔删去的段落〕" in html and html.count("〔") == 3


def _new_text_shown(html: str) -> str:
    """What the inline view shows of the new text: without struck words and paragraph names."""
    html = re.sub(f'<span style="{re.escape(REMOVED_STYLE)}">.*?</span>', "", html)
    html = re.sub(r"<span[^>]*>〔[^〕]*〕</span>", "", html)
    return unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")))


TEXTS = st.lists(st.text(alphabet="解读释政策一二。<&", max_size=8), max_size=5).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_the_inline_view_shows_the_whole_new_text_in_its_lines(old: str, new: str):
    shown = _new_text_shown(runs_html(diff_runs(old, new), lambda n: f"第{n}段"))
    # Lines that held only a paragraph taken away are extra; every line of the new text is there in order.
    assert [line for line in shown.split("\n") if line] == [line for line in new.split("\n") if line]
