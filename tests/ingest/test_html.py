"""Web pages saved from government sites: the main text only."""

from __future__ import annotations

import pytest

from studio.domain.errors import InvalidInput
from studio.ingest.gongwen_metadata import extract_metadata
from studio.ingest.reader import read_document
from tests.ingest import corpus, word_files

GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>{title}_中国政府网</title><meta name="ArticleTitle" content="{title}">
<script>var tracker = "统计代码，不应导入";</script><style>.x{{color:red}}</style></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li></ul></div>
<div class="BreadcrumbNav">当前位置：首页 &gt; 政策 &gt; 最新</div>
<div class="policyLibraryOverview_header"><table>
<tr><td><b>索 引 号：</b></td><td>000014349/2018-00207</td><td><b>主题分类：</b></td><td>商贸、海关、旅游\\对外经贸合作</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2018年11月07日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">{title}</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2018〕38号</td><td><b>发布日期：</b></td><td>2018年11月23日</td></tr>
</table></div>
<div class="pages_content" id="UCAP-CONTENT">{paragraphs}</div>
<div class="share">分享到：微信 微博</div><div class="related"><h3>相关解读</h3><a href="x.htm">一图读懂</a></div>
<div class="footer">版权所有：中国政府网　京ICP备05070218号</div></body></html>"""


def gov_page(policy: str, title: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p style=\"text-indent: 2em\">{line}</p>\n" for line in policy.splitlines()
                         if line.strip() and not line.startswith("#"))
    return GOV_PAGE.format(charset=charset, title=title, paragraphs=paragraphs)


@corpus.needs_corpus
@pytest.mark.parametrize("charset, encoding", [("utf-8", "utf-8"), ("gb2312", "gb18030")])
def test_gov_cn_page_gives_the_policy_text_and_its_fields(tmp_path, charset, encoding):
    case = "s01_zimaoqu_gaige_guofa2018_38"
    policy = corpus.text(case, "policy.md")
    title = corpus.value(case, "title")
    path = tmp_path / "content_5342665.htm"
    path.write_bytes(gov_page(policy, title, charset).encode(encoding))
    doc = read_document(path)
    for unwanted in ("首页", "当前位置", "分享到", "相关解读", "版权所有", "统计代码", "color:red", "索 引 号"):
        assert unwanted not in doc.markdown
    body_lines = [t for t in policy.splitlines() if t.strip() and not t.startswith("#")]
    assert doc.lines == tuple(t.strip() for t in body_lines)
    assert "索引号：000014349/2018-00207" in doc.page_fields
    extracted = extract_metadata(doc.lines, doc.page_fields)
    assert extracted.values["index_number"] == "000014349/2018-00207"
    assert extracted.values["topic"] == "商贸、海关、旅游\\对外经贸合作"
    assert extracted.values["doc_number"] == "国发〔2018〕38号"
    assert extracted.values["date_written"] == "2018年11月7日"  # the document's 落款, not the page's 07


def test_page_without_known_markers_uses_the_block_of_prose(tmp_path):
    prose = "".join(f"<p>第{i}条 为规范管理，根据有关规定，结合本市实际，制定本办法，请各单位认真执行。</p>" for i in range(1, 6))
    html = (f"<html><body><div id='menu'><a href='/'>首页</a><a href='/a'>机构</a><a href='/b'>信息公开</a></div>"
            f"<table><tr><td class='left'><a href='/x'>通知公告</a><br><a href='/y'>政策文件</a></td>"
            f"<td><div>{prose}<p>附件：<a href='/files/x.docx'>申请表.docx</a></p></div></td></tr></table>"
            f"<div id='bottom'>主办单位：明湖市人民政府办公室</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    doc = read_document(path)
    assert doc.lines[0].startswith("第1条 为规范管理") and len(doc.lines) == 6
    assert "首页" not in doc.markdown and "主办单位" not in doc.markdown
    assert doc.lines[-1] == "附件：申请表.docx"


def test_unbalanced_markup_and_data_tables(tmp_path):
    html = ("<html><body><div class='article-content'><h2>一、补贴标准</h2><p>补贴如下表所示。"
            "<table><tr><th>项目</th><th>标准</th></tr><tr><td>租房补贴</td><td>每月500元</td></tr></table>"
            "<p>第二段<b>加粗</b>文字<br>换行<p>第三段</div></body></html>")
    path = tmp_path / "page.htm"
    path.write_text(html, "utf-8")
    md = read_document(path).markdown
    assert "# 一、补贴标准" in md
    assert "| 项目 | 标准 |\n|---|---|\n| 租房补贴 | 每月500元 |" in md
    assert "第二段**加粗**文字\n换行" in md and "第三段" in md


def test_images_saved_with_the_page_are_imported(tmp_path):
    files = tmp_path / "page_files"
    files.mkdir()
    (files / "tu.png").write_bytes(word_files.png().getvalue())
    html = ("<html><body><div class='TRS_Editor'><p>申领流程如下图所示，请按步骤办理有关手续。</p>"
            "<p><img src='page_files/tu.png' alt='申领流程图'><img src='https://x.gov.cn/remote.jpg'></p></div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    doc = read_document(path)
    assert len(doc.media) == 1 and f"![申领流程图](media/{doc.media[0].name})" in doc.markdown
    assert any("不在本机" in n for n in doc.notes)


def test_a_page_with_no_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>x()</script><div class='nav'>首页</div></body></html>", "utf-8")
    with pytest.raises(InvalidInput, match="没有找到正文"):
        read_document(path)
