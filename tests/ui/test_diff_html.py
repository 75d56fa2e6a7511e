"""The inline changes as rich text: the view opens at the paragraph holding the first change."""

from __future__ import annotations

from studio.domain.text_diff import diff_runs
from studio.ui.diff_html import FIRST_CHANGE, runs_html


def test_the_first_change_anchor_starts_its_paragraph_not_the_middle_of_it():
    html = runs_html(diff_runs("第一段不变。\n现就有关情况解读如下。", "第一段不变。\n现就有关情况解释如下。"))
    anchor = f'<a name="{FIRST_CHANGE}"></a>'
    assert "第一段不变。<br>" + anchor + "现就有关情况<span" in html


def test_a_change_in_the_first_paragraph_puts_the_anchor_at_the_start():
    html = runs_html(diff_runs("工作落实", "工程落实"))
    assert html.startswith(f"<p style='line-height:160%'><a name=\"{FIRST_CHANGE}\"></a>")
