"""feed.xml, sitemap.xml, metadata.json, JSON-LD and Open Graph: parsed by real parsers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser

from studio.render.export import layout
from tests.export import content as c
from tests.export.html_scan import scan_file


def _packages(site):
    return json.loads((site.root / layout.SITE_METADATA).read_text("utf-8"))["packages"]


def _tenant(site):
    return next(p for p in _packages(site) if p["metadata"]["doc_number"] == "明政办规〔2026〕2号")


def test_feed_parses_with_a_real_feed_parser(site):
    feed = feedparser.parse((site.root / layout.FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title == f"{c.SITE_NAME}：政策文件与解读"
    assert feed.feed.language == "zh-cn"
    titles = [e.title for e in feed.entries]
    assert len(titles) == 4
    first = feed.entries[0]  # newest release first
    assert first.title == c.TENANT_META["title"]
    assert first.link == f"{c.BASE_URL}/{layout.package_dir(_tenant(site)['slug'])}/"
    assert first.published_parsed[:5] == (2026, 3, 10, 8, 30)  # 16:30 +08:00 in UTC
    assert "文字解读" in first.summary and "明政办规〔2026〕2号" in first.summary
    repealed = next(e for e in feed.entries if "户外广告" in e.title)
    assert "有效性：已废止" in repealed.summary


def test_sitemap_lists_every_page_with_absolute_addresses(site):
    root = ET.fromstring((site.root / layout.SITEMAP).read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    pages = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))
    assert len(locs) == len(pages) == len(set(locs))
    assert all(loc.startswith(c.BASE_URL + "/") for loc in locs)
    assert all(u.findtext("s:lastmod", namespaces=ns) == "2026-03-10" for u in root.findall("s:url", ns))


def test_metadata_json_has_all_fields_linkage_release_time_and_hashes(site):
    tenant = _tenant(site)
    per_package = json.loads((site.root / layout.package_dir(tenant["slug"]) / "metadata.json").read_text("utf-8"))
    assert per_package == {**tenant, "labels": per_package["labels"]}
    meta = tenant["metadata"]
    for key, value in c.TENANT_META.items():
        assert meta[key] == value
    assert meta["date_published"] == "2026-03-10"
    assert tenant["released_at"] == "2026-03-10T16:30:00+08:00"
    assert tenant["version"] == 1 and tenant["preview"] is False
    assert set(tenant["content_hashes"]) == {"metadata", "policy", "interpretation", "explainer", "faq",
                                             "consultation", "others"}
    assert all(len(h) == 64 for h in tenant["content_hashes"].values())
    assert ("policy", "interpretation") in {(e["from"], e["to"]) for e in tenant["links"]}
    assert ("interpretation", "policy") in {(e["from"], e["to"]) for e in tenant["links"]}
    assert per_package["labels"]["index_number"] == "索引号"


def _jsonld(site, page):
    found = scan_file(site.root / page).jsonld()
    assert len(found) == 1
    return found[0]


def test_policy_page_carries_legislation_jsonld(site):
    tenant = _tenant(site)
    data = _jsonld(site, tenant["pages"]["policy"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "明政办规〔2026〕2号"
    assert data["legislationDate"] == "2026-03-05"
    assert data["legislationPassedBy"] == {"@type": "GovernmentOrganization", "name": "明湖市人民政府办公室"}
    assert data["inLanguage"] == "zh-CN"
    assert data["legislationLegalForce"] == "InForce"
    assert data["url"] == f"{c.BASE_URL}/{layout.package_dir(tenant['slug'])}/"


def test_interpretation_is_an_article_about_the_policy(site):
    tenant = _tenant(site)
    data = _jsonld(site, tenant["pages"]["interpretation"])
    assert data["@type"] == "Article"
    assert data["headline"] == "《明湖市青年人才租房补贴办法》政策解读"
    assert data["about"]["@type"] == "Legislation"
    assert data["about"]["legislationIdentifier"] == "明政办规〔2026〕2号"
    assert data["about"]["url"].endswith(f"{tenant['slug']}/")
    assert data["author"]["name"] == "明湖市住房和城乡建设局"


def test_faq_page_carries_faqpage_jsonld(site):
    data = _jsonld(site, _tenant(site)["pages"]["faq"])
    assert data["@type"] == "FAQPage"
    questions = [q["name"] for q in data["mainEntity"]]
    assert questions == [i.question for i in c.TENANT_FAQ]
    assert all(q["@type"] == "Question" and q["acceptedAnswer"]["@type"] == "Answer" for q in data["mainEntity"])
    assert "500元" in data["mainEntity"][0]["acceptedAnswer"]["text"]


def test_open_graph_tags_for_sharing(site):
    tenant = _tenant(site)
    meta = scan_file(site.root / tenant["pages"]["explainer"]).meta
    assert meta["og:title"] == c.TENANT_EXPLAINER["title"]
    assert meta["og:type"] == "article"
    assert meta["og:locale"] == "zh_CN" and meta["og:site_name"] == c.SITE_NAME
    assert meta["og:url"] == f"{c.BASE_URL}/{tenant['pages']['explainer']}"
    assert meta["og:image"].startswith(f"{c.BASE_URL}/{layout.package_dir(tenant['slug'])}/media/explainer-1.")
    assert meta["description"] == meta["og:description"] != ""


def test_repealed_and_amended_documents_are_marked_on_their_pages(site):
    by_validity = {p["metadata"]["validity"]: p for p in _packages(site)}
    repealed = (site.root / by_validity["已废止"]["pages"]["policy"]).read_text("utf-8")
    assert "本文件已废止，仅供查阅，不再作为执行依据。" in repealed
    amended = (site.root / by_validity["已修订"]["pages"]["interpretation"]).read_text("utf-8")
    assert "本材料所解读的文件已被修订" in amended
    current = (site.root / by_validity["现行有效"]["pages"]["policy"]).read_text("utf-8")
    assert 'class="notice"' not in current
    listing = (site.root / layout.SITE_INDEX).read_text("utf-8")
    assert '<span class="badge badge-warn">已废止</span>' in listing
