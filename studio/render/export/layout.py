"""Where each file sits in a bundle. Every link between pages is relative, so the bundle
works from disk, from any folder of a website, and inside a zip unpacked anywhere."""

from __future__ import annotations

import hashlib
import re

from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, POLICY

SITE_INDEX = "index.html"
INTERPRETATIONS = "interpretations.html"
SEARCH = "search.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
SITE_METADATA = "metadata.json"
MANIFEST = "manifest.json"
ROBOTS = "robots.txt"
ASSETS_DIR = "assets"
SEARCH_DIR = "search"
PACKAGES_DIR = "policies"
MEDIA_DIR = "media"
PACKAGE_METADATA = "metadata.json"

PAGE_FILES: dict[str, str] = {
    POLICY: "index.html",
    INTERPRETATION: "interpretation.html",
    EXPLAINER: "explainer.html",
    FAQ: "faq.html",
    CONSULTATION: "consultation.html",
}
# Pieces with a page of their own, in the order the policy page lists them.
PAGE_PIECES: tuple[str, ...] = (INTERPRETATION, EXPLAINER, FAQ, CONSULTATION)

_HEX = re.compile(r"[^0-9a-f]")
SLUG_LENGTH = 12


def slug_for(package_id: str, length: int = SLUG_LENGTH) -> str:
    """A short, stable folder name from the package id (never the local folder name)."""
    hexed = _HEX.sub("", package_id.lower())
    if len(hexed) < 8:
        # Ids are UUIDs; anything else is hashed so the name stays short and URL-safe.
        hexed = hashlib.sha256(package_id.encode("utf-8")).hexdigest()
    return hexed[:length]


def package_dir(slug: str) -> str:
    return f"{PACKAGES_DIR}/{slug}"


def page_path(slug: str, piece: str) -> str:
    return f"{package_dir(slug)}/{PAGE_FILES[piece]}"


def root_prefix(path: str) -> str:
    """The relative way from a file at `path` back to the bundle root: '' or '../../'."""
    return "../" * path.count("/")


def relative(from_path: str, to_path: str) -> str:
    """A relative link from one bundle file to another: 'faq.html', 'media/x.png', '../../index.html'."""
    here = from_path.split("/")[:-1]
    there = to_path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def absolute(base_url: str, path: str) -> str:
    """The public address of a bundle file, or '' when the site's address is not known."""
    if not base_url:
        return ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path
