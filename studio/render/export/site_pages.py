"""The site's own files: the 政策文件库 listing, the 政策解读 column, search, feed,
sitemap, the site's metadata.json and the static assets."""

from __future__ import annotations

import json
from typing import Any

from studio.domain.metadata import PUBLISHED_LABELS
from studio.paths import assets_dir
from studio.render.export import jsonld, layout
from studio.render.export.feed import feed_xml
from studio.render.export.listing import ListingEntry, filters, interpretation_column, sorted_entries
from studio.render.export.manifest import GENERATOR
from studio.render.export.page_context import Crumb, Site, page_meta
from studio.render.export.search_index import docs_script
from studio.render.export.sitemap import sitemap_xml
from studio.render.export.templates import render

SITE_ASSETS = ("style.css", "prefs.js", "filter.js", "search.js")


def asset_files() -> dict[str, bytes]:
    folder = assets_dir() / "site"
    return {f"{layout.ASSETS_DIR}/{name}": (folder / name).read_bytes() for name in SITE_ASSETS}


def _index(site: Site, entries: list[ListingEntry]) -> bytes:
    page = page_meta(site, layout.SITE_INDEX, site.name, nav="library",
                     description=f"{site.name}：政策文件及其政策解读、图解、问答和征求意见公告。")
    page.jsonld = jsonld.script_json(jsonld.website(site.name, page.canonical, page.url(layout.SEARCH)))
    return render("index.html.j2", page=page, heading="政策文件库", entries=entries, filters=filters(entries))


def _interpretations(site: Site, entries: list[ListingEntry]) -> bytes:
    page = page_meta(site, layout.INTERPRETATIONS, "政策解读", nav="interpretations",
                     description="按解读形式分类的政策解读：文字解读、图解、问答及其他形式，均关联所解读的政策文件。")
    groups = interpretation_column(entries)
    urls = [page.url(i.companion.target) for g in groups for i in g.items if not i.companion.external]
    page.jsonld = jsonld.script_json(jsonld.collection_page("政策解读", page.url(page.path), urls))
    page.crumbs = [Crumb("首页", layout.SITE_INDEX), Crumb("政策解读")]
    return render("interpretations.html.j2", page=page, heading="政策解读", groups=groups)


def _search(site: Site) -> bytes:
    page = page_meta(site, layout.SEARCH, "站内检索", nav="search",
                     description="检索政策文件的标题、发文字号和正文，以及解读、问答、图解文字。")
    page.crumbs = [Crumb("首页", layout.SITE_INDEX), Crumb("站内检索")]
    return render("search.html.j2", page=page, heading="站内检索")


def compact_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def site_metadata(site: Site, packages: list[str], updated: str) -> bytes:
    """The site's metadata.json; `packages` are the packages' own parts as JSON text, in list order."""
    parts = [
        f'"generator":{compact_json(GENERATOR)}',
        f'"labels":{compact_json(PUBLISHED_LABELS)}',
        f'"packages":[{",".join(packages)}]',
        f'"site":{compact_json({"name": site.name, "base_url": site.base_url, "preview": site.preview})}',
        f'"updated":{compact_json(updated)}',
    ]  # keys in sorted order, as everywhere else
    return ("{" + ",".join(parts) + "}\n").encode("utf-8")


def site_files(site: Site, entries: list[ListingEntry], metadata: dict[str, str],
               groups: list[str]) -> dict[str, bytes]:
    """Everything of the site outside the packages' folders, the search groups excepted."""
    ordered = sorted_entries(entries)
    files = {
        layout.SITE_INDEX: _index(site, ordered),
        layout.INTERPRETATIONS: _interpretations(site, ordered),
        layout.SEARCH: _search(site),
        layout.FEED: feed_xml(site, ordered),
        layout.SITEMAP: sitemap_xml(site, ordered),
        layout.SITE_METADATA: site_metadata(site, [metadata[e.slug] for e in ordered],
                                            max((e.released_at for e in ordered), default="")),
        f"{layout.SEARCH_DIR}/docs.js": docs_script(ordered, groups),
    }
    if site.preview:
        files[layout.ROBOTS] = b"User-agent: *\nDisallow: /\n"
    files.update(asset_files())
    return files
