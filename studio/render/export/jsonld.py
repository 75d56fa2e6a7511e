"""JSON-LD (schema.org) for each page: Legislation, Article about the policy, FAQPage.

The JSON goes inside a <script type="application/ld+json"> element, so '<', '>' and
'&' are written as \\u escapes: no value, however hostile, can close the element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from studio.domain.metadata import Metadata

CONTEXT = "https://schema.org"
# 有效性 → schema.org LegalForceStatus; 已修订 says nothing certain about the force of this text.
LEGAL_FORCE = {"现行有效": "InForce", "已废止": "NotInForce", "失效": "NotInForce"}


def script_json(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(text)  # noqa: S704 - escaped above for a script element


def _organisation(name: str) -> dict[str, str] | None:
    return {"@type": "GovernmentOrganization", "name": name} if name else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def legislation(meta: Metadata, url: str, date_written_iso: str, interpretations: list[str]) -> dict[str, Any]:
    return _compact({
        "@context": CONTEXT,
        "@type": "Legislation",
        "name": meta.title,
        "legislationIdentifier": meta.doc_number,
        "legislationDate": date_written_iso,
        "legislationPassedBy": _organisation(meta.organ),
        "legislationLegalForce": LEGAL_FORCE.get(meta.validity, ""),
        "datePublished": meta.date_published,
        "inLanguage": "zh-CN",
        "keywords": meta.subject_words,
        "genre": meta.kind,
        "about": meta.topic,
        "identifier": meta.index_number,
        "url": url,
        "subjectOf": [{"@type": "Article", "url": u} for u in interpretations],
    })


def about_policy(meta: Metadata, policy_url: str) -> dict[str, Any]:
    return _compact({
        "@type": "Legislation",
        "name": meta.title,
        "legislationIdentifier": meta.doc_number,
        "url": policy_url,
    })


def article(headline: str, meta: Metadata, url: str, policy_url: str, description: str,
            images: list[str] | None = None, genre: str = "") -> dict[str, Any]:
    return _compact({
        "@context": CONTEXT,
        "@type": "Article",
        "headline": headline,
        "genre": genre,
        "description": description,
        "about": about_policy(meta, policy_url),
        "author": _organisation(meta.interpreter_org or meta.organ),
        "datePublished": meta.date_published,
        "inLanguage": "zh-CN",
        "image": images or [],
        "url": url,
    })


def faq_page(title: str, meta: Metadata, url: str, policy_url: str,
             items: list[tuple[str, str]]) -> dict[str, Any]:
    return _compact({
        "@context": CONTEXT,
        "@type": "FAQPage",
        "name": title,
        "about": about_policy(meta, policy_url),
        "datePublished": meta.date_published,
        "inLanguage": "zh-CN",
        "url": url,
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in items
        ],
    })


def website(name: str, url: str, search_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "WebSite", "name": name, "inLanguage": "zh-CN"}
    if url:
        data["url"] = url
        data["potentialAction"] = {"@type": "SearchAction", "target": search_url + "?q={search_term_string}",
                                   "query-input": "required name=search_term_string"}
    return data


def collection_page(name: str, url: str, items: list[str]) -> dict[str, Any]:
    return _compact({
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": name,
        "inLanguage": "zh-CN",
        "url": url,
        "hasPart": [{"@type": "WebPage", "url": u} for u in items[:100]],
    })
