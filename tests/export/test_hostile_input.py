"""Hostile Markdown and metadata never produce script, event handlers or a broken document."""

from __future__ import annotations

import json
import string
import uuid
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.domain.package import Package
from studio.domain.pieces import FaqItem, FaqPiece, OtherForm, OthersPiece, Pieces, PolicyPiece, TextPiece
from studio.render.export.package_pages import render_package
from studio.render.export.page_context import Site
from studio.render.export.source import PublishedPackage
from studio.render.export.text import clean_data
from tests.export.html_scan import scan

ATTACKS = [
    "<script>alert(1)</script>", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1))", "[点我](JAVASCRIPT:alert(1))", "[x](  javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>", "![x](javascript:alert(1))", '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)", "<!--", "-->", "<![CDATA[", "]]>", "&lt;script&gt;", "\x00", "\x07",
    "\x1b[31m", "\ufffe", "\u2028", "<style>body{display:none}</style>", "<iframe src=//x>", "{{ 7*7 }}",
    "{% raw %}", "<svg onload=alert(1)>", "[x](data:text/html;base64,PHNjcmlwdD4=)", "`<script>`",
    "| a | b |\n|---|---|\n| <script> | x |", "# <script>标题</script>", "\n\n---\n\n", "《》〈〉“”",
]
text = st.lists(st.one_of(st.sampled_from(ATTACKS), st.text(alphabet=string.printable + "政策解读《》〔〕“”\x00\x0b\x1f",
                                                               max_size=30)), max_size=8).map("".join)


class _Strict(HTMLParser):
    """Tracks open elements; a document must close everything it opens, in order."""

    VOID = {"meta", "link", "img", "br", "hr", "input", "source", "wbr", "area", "base", "col", "embed", "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _package(title, body, answer, url, meta_value) -> PublishedPackage:
    data = {
        "id": str(uuid.uuid4()), "created_by": "", "created_at": "",
        "metadata": {"title": title, "doc_number": meta_value, "organ": meta_value, "topic": meta_value,
                     "date_written": meta_value, "interpreter_person": meta_value, "validity": "已废止",
                     "consultation_start": "2026-01-01", "consultation_end": "2026-02-01",
                     "consultation_feedback": meta_value, "date_published": "2026-03-01"},
        "state": "released", "version": 1, "released_at": "2026-03-01T10:00:00+08:00",
    }
    package = Package.from_dict(clean_data(data)).evolve(pieces=Pieces(
        policy=PolicyPiece(body, ("interpretation", "faq", "consultation", "others")),
        interpretation=TextPiece(title, body, meta_value),
        faq=FaqPiece(title, (FaqItem(title, answer), FaqItem(meta_value, body)), meta_value),
        consultation=TextPiece("", body, meta_value),
        others=OthersPiece((OtherForm("专家解读", title, url=url, policy_ref=meta_value),)),
    ))
    package = Package.from_dict(clean_data(package.to_dict()))
    return PublishedPackage(package, False, Path("/nonexistent"), package.part_hashes())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text, body=text, answer=text, url=st.sampled_from(ATTACKS + ["https://ok.gov.cn/a?b=1&c=\"2\""]),
       meta_value=text, site_name=text)
def test_hostile_content_never_becomes_script_or_broken_markup(title, body, answer, url, meta_value, site_name):
    rendered = render_package(_package(title, body, answer, url, meta_value), "0123456789ab",
                              Site(site_name or "站", "https://www.gov.cn"))
    for path, data in rendered.files.items():
        if not path.endswith(".html"):
            json.loads(data)
            continue
        html = data.decode("utf-8")
        found = scan(html)
        # Only the page's own scripts: the preferences script and JSON-LD data.
        for attrs in found.scripts:
            assert attrs == {"src": "../../assets/prefs.js"} or attrs == {"type": "application/ld+json"}, attrs
        for data_text in found.script_texts:
            if data_text.strip():
                json.loads(data_text)
                assert "</" not in data_text and "<!--" not in data_text
        assert found.event_handlers == []
        assert not {"iframe", "embed", "object", "svg", "style", "img", "form"} & set(found.tags), path
        for href in found.links + found.sources:
            assert not href.strip().lower().startswith(("javascript", "data:", "vbscript")), href
        assert not any(ch in html for ch in "\x00\x07\x0b\x1b\ufffe"), path
        checker = _Strict()
        checker.feed(html)
        checker.close()
        assert checker.errors == [] and checker.stack == [], (path, checker.errors, checker.stack)
