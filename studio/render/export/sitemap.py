"""sitemap.xml (sitemaps.org 0.9): every page, with its release date as lastmod."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from studio.render.export import layout
from studio.render.export.listing import ListingEntry, sorted_entries
from studio.render.export.page_context import Site

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITE_PAGES = (layout.SITE_INDEX, layout.INTERPRETATIONS, layout.SEARCH)


def sitemap_xml(site: Site, entries: list[ListingEntry]) -> bytes:
    ET.register_namespace("", NS)
    urlset = ET.Element(f"{{{NS}}}urlset")
    ordered = sorted_entries(entries)
    newest = max((e.date_published for e in ordered if e.date_published), default="")

    def add(path: str, lastmod: str) -> None:
        url = ET.SubElement(urlset, f"{{{NS}}}url")
        ET.SubElement(url, f"{{{NS}}}loc").text = layout.absolute(site.base_url, path) or path
        if lastmod:
            ET.SubElement(url, f"{{{NS}}}lastmod").text = lastmod

    for path in SITE_PAGES:
        add(path, newest)
    for e in ordered:
        for path in e.pages or [e.policy_path]:
            add(path, e.date_published)
    body = ET.tostring(urlset, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
