"""feed.xml: RSS 2.0 of releases, newest first.

Written with xml.etree rather than a feed library: RSS 2.0 is a handful of elements,
and a library (feedgen) would bring lxml and dateutil into the app for them. Dates
come from the releases, never from the clock, so the feed is reproducible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import format_datetime

from studio.render.export import layout
from studio.render.export.listing import ListingEntry, sorted_entries
from studio.render.export.page_context import Site

ATOM = "http://www.w3.org/2005/Atom"
FEED_ITEMS = 50


def _rfc822(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return format_datetime(moment)


def _sub(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    el.text = text
    return el


def _url(site: Site, path: str) -> str:
    return layout.absolute(site.base_url, path) or path


def feed_xml(site: Site, entries: list[ListingEntry]) -> bytes:
    ET.register_namespace("atom", ATOM)
    released = [e for e in sorted_entries(entries) if e.released_at]
    released.sort(key=lambda e: (e.released_at, e.slug), reverse=True)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _sub(channel, "title", f"{site.name}：政策文件与解读")
    _sub(channel, "link", _url(site, layout.SITE_INDEX))
    _sub(channel, "description", f"{site.name}新发布的政策文件及其政策解读、图解、问答。")
    _sub(channel, "language", "zh-cn")
    if site.base_url:
        ET.SubElement(channel, f"{{{ATOM}}}link",
                      {"href": _url(site, layout.FEED), "rel": "self", "type": "application/rss+xml"})
    if released:
        _sub(channel, "lastBuildDate", _rfc822(released[0].released_at))
    for e in released[:FEED_ITEMS]:
        item = ET.SubElement(channel, "item")
        _sub(item, "title", e.title)
        _sub(item, "link", _url(site, e.policy_path))
        _sub(item, "guid", f"urn:uuid:{e.id}#v{e.version}" if len(e.id) == 36 else f"{e.id}#v{e.version}",
             isPermaLink="false")
        _sub(item, "pubDate", _rfc822(e.released_at))
        lines = [" ".join(x for x in (e.doc_number, e.organ, e.date_written) if x)]
        if e.validity and e.validity != "现行有效":
            lines.append(f"有效性：{e.validity}")
        if e.summary:
            lines.append(e.summary)
        if e.companions:
            lines.append("相关解读：" + "、".join(f"{c.form}《{c.title}》" if not c.title.startswith("《")
                                               else f"{c.form}{c.title}" for c in e.companions))
        _sub(item, "description", "\n".join(lines))
        if e.topic:
            _sub(item, "category", e.topic)
        if e.organ:
            _sub(item, "category", e.organ, domain="发文机关")
    body = ET.tostring(rss, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
