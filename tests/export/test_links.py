"""Every internal link of an exported site resolves; every companion links back (双关联)."""

from __future__ import annotations

import json

from studio.render.export import layout
from tests.export.conftest import html_pages
from tests.export.html_scan import is_external, resolve, scan_file


def test_every_internal_link_and_anchor_resolves(site):
    problems = []
    cache = {}
    for page in html_pages(site.root):
        found = scan_file(page)
        for href in found.links + found.sources:
            if is_external(href):
                continue
            target, fragment = resolve(page, href)
            rel = page.relative_to(site.root)
            if not target.is_file():
                problems.append(f"{rel}: {href} → 不存在")
                continue
            if not str(target).startswith(str(site.root.resolve())):
                problems.append(f"{rel}: {href} → 指向发布包之外")
            if fragment and target.suffix == ".html":
                ids = cache.setdefault(target, scan_file(target).ids)
                if fragment not in ids:
                    problems.append(f"{rel}: {href} → 锚点不存在")
    assert problems == []


def test_policy_and_companions_link_both_ways(site):
    """双关联: the policy page links to each companion page, and each of them back to the policy."""
    checked = 0
    for folder in sorted((site.root / layout.PACKAGES_DIR).iterdir()):
        policy = folder / "index.html"
        companions = [folder / name for key, name in layout.PAGE_FILES.items()
                      if name != "index.html" and (folder / name).is_file()]
        forward = {resolve(policy, h)[0] for h in scan_file(policy).links if not is_external(h)}
        for page in companions:
            assert page.resolve() in forward, f"{policy} 没有链接到 {page.name}"
            back = {resolve(page, h)[0] for h in scan_file(page).links if not is_external(h)}
            assert policy.resolve() in back, f"{page} 没有链接回政策原文"
            checked += 1
        meta = json.loads((folder / "metadata.json").read_text("utf-8"))
        edges = {(e["from"], e["to"]) for e in meta["links"]}
        for page in companions:
            key = next(k for k, n in layout.PAGE_FILES.items() if n == page.name)
            assert ("policy", key) in edges and (key, "policy") in edges
    assert checked >= 6


def test_related_block_names_every_companion_by_form(site):
    entries = json.loads((site.root / "metadata.json").read_text("utf-8"))["packages"]
    tenant = next(p for p in entries if p["metadata"]["doc_number"] == "明政办规〔2026〕2号")
    forms = [c["form"] for c in tenant["companions"]]
    assert forms == ["文字解读", "图解", "政策问答", "专家解读", "征求意见"]
    html = (site.root / tenant["pages"]["policy"]).read_text("utf-8")
    related = html[html.index('id="related"'):]
    for form in forms:
        assert f"<h3>{form}</h3>" in related


def test_interpretation_column_groups_by_form_and_links_each_policy(site):
    page = site.root / layout.INTERPRETATIONS
    html = page.read_text("utf-8")
    for form in ("文字解读", "图解", "政策问答", "专家解读", "新闻发布会"):
        assert f">{form}</h2>" in html
    assert "征求意见</h2>" not in html  # a consultation notice is no interpretation
    policies = {resolve(page, h)[0].name for h in scan_file(page).links if "index.html" in h}
    assert "index.html" in policies
    assert html.index(">文字解读</h2>") < html.index(">图解</h2>") < html.index(">政策问答</h2>")
