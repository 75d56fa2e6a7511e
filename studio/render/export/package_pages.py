"""One package's pages: the policy with its 相关解读, and a page for each companion.

Every companion page links back to the policy and the policy page links to every
companion (双关联), both through the package's own navigation and in the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from studio.domain.gongwen_headings import strip_heading_number
from studio.domain.metadata import LABELS, METADATA_KEYS, Metadata, published_values
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, OTHERS, POLICY
from studio.render.export import jsonld, layout
from studio.render.export.listing import PIECE_FORMS, CompanionEntry, ListingEntry, form_rank
from studio.render.export.media import ExplainerMedia, MediaFile, explainer_media, supplied_file
from studio.render.export.page_context import Crumb, Link, PageMeta, Site, page_meta, validity_notice
from studio.render.export.source import PublishedPackage
from studio.render.export.templates import render
from studio.render.export.text import display_date, iso_date, summary
from studio.render.markdown import render_markdown, safe_url

# The 政策文件库 table, in gov.cn's order.
POLICY_TABLE = ("index_number", "topic", "organ", "date_written", "title", "doc_number", "date_published",
                "validity")
DEFAULT_TITLES = {INTERPRETATION: "政策解读", EXPLAINER: "政策图解", FAQ: "政策问答", CONSULTATION: "征求意见公告"}
NAV_LABELS = {POLICY: "政策原文", INTERPRETATION: "文字解读", EXPLAINER: "图解", FAQ: "问答", CONSULTATION: "征求意见"}
_FIRST_HEADING = re.compile(r"\s*#\s+([^\n]+?)\s*#*\s*(?:\n|$)")
# Ids the page frame uses; heading anchors must not take them.
FRAME_IDS = frozenset({"main", "top", "site-header", "site-nav", "related", "search-box", "results"})


@dataclass(frozen=True)
class MetaRow:
    label: str
    value: str
    wide: bool = False
    href: str = ""


@dataclass
class RenderedPackage:
    slug: str
    files: dict[str, bytes]
    entry: ListingEntry
    metadata: dict[str, Any]
    search_text: str
    pages: list[str] = field(default_factory=list)
    # Problems the office should know about, though the pages were written (an explainer not drawn).
    warnings: list[str] = field(default_factory=list)


def book_title(title: str) -> str:
    """《title》, with book-title marks inside it turned into 〈〉 as nesting requires."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def companion_title(key: str, piece: Any, meta: Metadata) -> str:
    own = getattr(piece, "title", "").strip()
    if own:
        return own
    heading = _FIRST_HEADING.match(getattr(piece, "body", "") or "")
    if heading:
        return heading.group(1).strip()
    name = meta.title.strip()
    return f"{book_title(name)}{DEFAULT_TITLES[key]}" if name else DEFAULT_TITLES[key]


class _PackageRenderer:
    def __init__(self, pub: PublishedPackage, slug: str, site: Site, cache_dir: Path | None):
        self.pub, self.slug, self.site, self.cache_dir = pub, slug, site, cache_dir
        self.package = pub.package
        self.meta = pub.package.metadata
        self.pieces = pub.package.pieces
        self.policy_path = layout.page_path(slug, POLICY)
        self.files: dict[str, bytes] = {}
        self.pages: list[str] = []
        self.search_parts: list[str] = [self.meta.title, self.meta.doc_number]
        self.companion_pages = [k for k in layout.PAGE_PIECES if self.pieces.present(k)]
        self.explainer: ExplainerMedia | None = None
        self.others: list[CompanionEntry] = []

    # -- shared parts ------------------------------------------------------
    def media_path(self, name: str) -> str:
        return f"{layout.package_dir(self.slug)}/{layout.MEDIA_DIR}/{name}"

    def add_media(self, f: MediaFile) -> str:
        path = self.media_path(f.name)
        self.files[path] = f.data
        return path

    def nav(self, current: str) -> list[Link]:
        items = [Link(NAV_LABELS[POLICY], layout.PAGE_FILES[POLICY], current=current == POLICY)]
        # All pages of a package share one folder, so the links are bare file names.
        items += [Link(NAV_LABELS[k], layout.PAGE_FILES[k], current=current == k) for k in self.companion_pages]
        return items

    def notices(self, companion: bool) -> list[str]:
        text = validity_notice(self.meta.validity, companion)
        return [text] if text else []

    def frame(self, key: str, title: str, description: str, crumb_section: Crumb, **kwargs: Any) -> PageMeta:
        path = layout.page_path(self.slug, key)
        meta = page_meta(self.site, path, title, description=description, og_type="article",
                         published=self.meta.date_published, **kwargs)
        meta.crumbs = [Crumb("首页", meta.link(layout.SITE_INDEX)), crumb_section, Crumb(title)]
        meta.notices.extend(self.notices(key != POLICY))
        return meta

    def section_crumb(self, key: str) -> Crumb:
        path = layout.page_path(self.slug, key)
        if key == POLICY:
            return Crumb("政策文件库", layout.relative(path, layout.SITE_INDEX))
        return Crumb("政策解读", layout.relative(path, layout.INTERPRETATIONS))

    def origin(self, key: str) -> Link:
        """The link back to the policy (原文) every companion page shows."""
        note = self.meta.doc_number
        return Link(book_title(self.meta.title) if self.meta.title else "政策原文",
                    layout.relative(layout.page_path(self.slug, key), self.policy_path), note=note)

    def write(self, key: str, template: str, **context: Any) -> None:
        path = layout.page_path(self.slug, key)
        self.files[path] = render(template, **context)
        self.pages.append(path)

    # -- companions --------------------------------------------------------
    def companion_entries(self) -> list[CompanionEntry]:
        linked = set(self.pieces.policy.related)
        out = []
        for key in self.companion_pages:
            if key in linked:
                piece = self.pieces.get(key)
                out.append(CompanionEntry(key, PIECE_FORMS[key], companion_title(key, piece, self.meta),
                                          layout.page_path(self.slug, key), date=self.meta.date_published))
        if OTHERS in linked:
            out.extend(self.others)
        return sorted(out, key=lambda c: form_rank(c.form))

    def collect_others(self) -> None:
        media = self.pub.media_dir
        for n, item in enumerate(self.pieces.others.items, start=1):
            if item.url and safe_url(item.url) and not item.url.startswith("#"):
                target, external = item.url.strip(), True
            elif item.file and Path(item.file).name == item.file:
                f = supplied_file(media / item.file, f"others-{n}")
                if f is None:
                    continue
                target, external = self.add_media(f), False
            else:
                continue
            self.others.append(CompanionEntry(OTHERS, item.form or "其他", item.title or item.form, target,
                                              external, iso_date(item.date)))

    # -- pages ---------------------------------------------------------------
    def policy_table(self) -> list[MetaRow]:
        keys = POLICY_TABLE + (("subject_words",) if self.meta.subject_words else ())
        rows = []
        for key in keys:
            value = getattr(self.meta, key)
            if key == "date_published":
                value = display_date(value) if value else ("未发布（预览稿）" if self.pub.preview else "")
            rows.append(MetaRow(LABELS[key], value or "—", wide=key == "title"))
        # Two pairs a line as on gov.cn; a pair left alone on the last line takes the whole line.
        if sum(1 for r in rows if not r.wide) % 2:
            rows[-1] = MetaRow(rows[-1].label, rows[-1].value, wide=True)
        return rows

    def policy_page(self, companions: list[CompanionEntry]) -> None:
        body = render_markdown(self.pieces.policy.body, drop_title=self.meta.title, drop_lead=(self.meta.doc_number,),
                               right_aligned=(self.meta.organ, self.meta.date_written), taken_ids=FRAME_IDS)
        self.search_parts.append(body.plain)
        description = summary(body.plain)
        page = self.frame(POLICY, self.meta.title or "政策文件", description, self.section_crumb(POLICY))
        groups: dict[str, list[Link]] = {}
        for c in companions:
            href = c.target if c.external else page.link(c.target)
            groups.setdefault(c.form, []).append(Link(c.title, href, note=display_date(c.date), external=c.external))
        interpretations = [page.url(c.target) for c in companions if not c.external and c.piece != CONSULTATION]
        page.jsonld = jsonld.script_json(jsonld.legislation(self.meta, page.url(self.policy_path),
                                                            iso_date(self.meta.date_written), interpretations))
        if self.explainer and self.explainer.images:
            page.og_image = layout.absolute(self.site.base_url, self.media_path(self.explainer.images[0].name))
        self.write(POLICY, "policy.html.j2", page=page, nav=self.nav(POLICY), table=self.policy_table(),
                   related=list(groups.items()), body=Markup(body.html), meta=self.meta,  # noqa: S704
                   exempt=self.meta.is_exempt and not companions)

    def info_rows(self, key: str, form: str) -> list[MetaRow]:
        rows = [MetaRow("解读形式", form)]
        if key != CONSULTATION:
            for k in ("interpreter_org", "interpreter_person", "interpreter_contact"):
                if getattr(self.meta, k):
                    rows.append(MetaRow(LABELS[k], getattr(self.meta, k)))
        if self.meta.date_published:
            rows.append(MetaRow("发布日期", display_date(self.meta.date_published)))
        return rows

    def text_page(self, key: str) -> None:
        piece = self.pieces.text_piece(key)
        title = companion_title(key, piece, self.meta)
        body = render_markdown(piece.body, drop_title=title, taken_ids=FRAME_IDS)
        self.search_parts.append(body.plain)
        page = self.frame(key, title, summary(body.plain), self.section_crumb(key))
        page.jsonld = jsonld.script_json(jsonld.article(
            title, self.meta, page.url(page.path), page.url(self.policy_path), page.description,
            genre=PIECE_FORMS[key]))
        rows = self.info_rows(key, PIECE_FORMS[key]) if key == INTERPRETATION else []
        consultation = self.consultation_rows() if key == CONSULTATION else []
        toc = [h for h in body.headings if h.level == 2] if len(body.headings) >= 4 else []
        # Headings written with their 公文 numbers (一、二、…) are listed without the list's own 1. 2. …
        own_numbers = bool(toc) and all(strip_heading_number(h.text) != h.text.strip() for h in toc)
        self.write(key, f"{key}.html.j2", page=page, nav=self.nav(key), rows=rows, consultation=consultation,
                   body=Markup(body.html), origin=self.origin(key), toc=toc,  # noqa: S704
                   toc_own_numbers=own_numbers)

    def consultation_rows(self) -> list[MetaRow]:
        m = self.meta
        rows = []
        start, end = iso_date(m.consultation_start), iso_date(m.consultation_end)
        if start and end:
            days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
            rows.append(MetaRow("征求意见时间", f"{display_date(start)}至{display_date(end)}（共{days}天）"))
        if m.short_period_reason:
            rows.append(MetaRow(LABELS["short_period_reason"], m.short_period_reason))
        rows.append(MetaRow(LABELS["consultation_feedback"], m.consultation_feedback or "暂未公布"))
        return rows

    def faq_page(self) -> None:
        piece = self.pieces.faq
        title = companion_title(FAQ, piece, self.meta)
        items = []
        for n, item in enumerate(piece.items, start=1):
            if not (item.question.strip() or item.answer.strip()):
                continue
            answer = render_markdown(item.answer, top_level=4, id_prefix=f"q{n}-", taken_ids=FRAME_IDS)
            items.append((f"q{n}", item.question.strip(), Markup(answer.html), answer.plain))  # noqa: S704
            self.search_parts.extend((item.question, answer.plain))
        page = self.frame(FAQ, title, summary(" ".join(q for _, q, _, _ in items)), self.section_crumb(FAQ))
        page.jsonld = jsonld.script_json(jsonld.faq_page(
            title, self.meta, page.url(page.path), page.url(self.policy_path), [(q, a) for _, q, _, a in items]))
        self.write(FAQ, "faq.html.j2", page=page, nav=self.nav(FAQ), items=items, origin=self.origin(FAQ))

    def explainer_page(self) -> None:
        piece = self.pieces.explainer
        media = self.explainer
        assert media is not None
        title = companion_title(EXPLAINER, piece, self.meta)
        transcript = render_markdown(media.transcript_markdown, top_level=3, drop_title=title,
                                     drop_lead=(piece.subtitle,), id_prefix="t-", taken_ids=FRAME_IDS)
        self.search_parts.append(transcript.plain)
        page = self.frame(EXPLAINER, title, summary(piece.subtitle or transcript.plain), self.section_crumb(EXPLAINER))
        images = []
        count = len(media.images)
        for i, f in enumerate(media.images, start=1):
            path = self.add_media(f)
            alt = media.alt if i == 1 else f"{title}（第{i}部分，共{count}部分）"
            images.append({"src": page.link(path), "alt": alt, "width": f.width, "height": f.height})
        if media.images:
            page.og_image = layout.absolute(self.site.base_url, self.media_path(media.images[0].name))
        page.jsonld = jsonld.script_json(jsonld.article(
            title, self.meta, page.url(page.path), page.url(self.policy_path), page.description,
            images=[page.url(self.media_path(f.name)) for f in media.images], genre="图解"))
        self.write(EXPLAINER, "explainer.html.j2", page=page, nav=self.nav(EXPLAINER), subtitle=piece.subtitle,
                   images=images, note=media.note, transcript=Markup(transcript.html),  # noqa: S704
                   origin=self.origin(EXPLAINER))

    # -- the package ---------------------------------------------------------
    def metadata_json(self, companions: list[CompanionEntry]) -> dict[str, Any]:
        pages = {POLICY: self.policy_path}
        pages.update({k: layout.page_path(self.slug, k) for k in self.companion_pages})
        links = [{"from": POLICY, "to": c.piece, "target": c.target} for c in companions]
        links += [{"from": k, "to": POLICY, "target": self.policy_path} for k in self.companion_pages]
        return {
            "id": self.package.id,
            "slug": self.slug,
            "version": self.package.version,
            "released_at": self.package.released_at,
            "preview": self.pub.preview,
            "metadata": published_values(self.meta),
            "pages": pages,
            "companions": [{"piece": c.piece, "form": c.form, "title": c.title, "target": c.target,
                            "external": c.external, "date": c.date} for c in companions],
            "links": links,
            "content_hashes": dict(sorted(self.pub.hashes.items())),
        }

    def run(self) -> RenderedPackage:
        self.collect_others()
        if EXPLAINER in self.companion_pages:
            self.explainer = explainer_media(self.pieces.explainer, self.meta, self.pub.media_dir, self.cache_dir)
        companions = self.companion_entries()
        self.policy_page(companions)
        for key in self.companion_pages:
            if key in (INTERPRETATION, CONSULTATION):
                self.text_page(key)
            elif key == FAQ:
                self.faq_page()
            elif key == EXPLAINER:
                self.explainer_page()
        metadata = self.metadata_json(companions)
        # The package's own file names its fields in Chinese too; the site's file does so once for all.
        own = {**metadata, "labels": {k: LABELS[k] for k in METADATA_KEYS if k in metadata["metadata"]}}
        self.files[f"{layout.package_dir(self.slug)}/{layout.PACKAGE_METADATA}"] = (
            json.dumps(own, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
        policy_text = self.search_parts[2] if len(self.search_parts) > 2 else ""
        entry = ListingEntry(
            slug=self.slug, id=self.package.id, title=self.meta.title, doc_number=self.meta.doc_number,
            organ=self.meta.organ, topic=self.meta.topic, validity=self.meta.validity, kind=self.meta.kind,
            date_written=self.meta.date_written, date_written_iso=iso_date(self.meta.date_written),
            date_published=self.meta.date_published, released_at=self.package.released_at,
            version=self.package.version, summary=summary(policy_text), policy_path=self.policy_path,
            companions=companions, pages=list(self.pages))
        warnings = [f"《{self.meta.title}》：{self.explainer.note}"] if self.explainer and self.explainer.note else []
        return RenderedPackage(self.slug, self.files, entry, metadata, "\n".join(self.search_parts), self.pages,
                               warnings)


def render_package(pub: PublishedPackage, slug: str, site: Site, cache_dir: Path | None = None) -> RenderedPackage:
    return _PackageRenderer(pub, slug, site, cache_dir).run()
