"""What every page template is given: the site, the page's place in it, its head tags."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from studio.render.export import layout
from studio.render.markdown import clean_text

DEFAULT_SITE_NAME = "政策文件库"

VALIDITY_NOTICES = {
    "已修订": "本文件已被修订，本页内容可能不是现行规定，请以修订后的文件为准。",
    "已废止": "本文件已废止，仅供查阅，不再作为执行依据。",
    "失效": "本文件已失效，仅供查阅，不再作为执行依据。",
}
PREVIEW_NOTICE = "预览稿：本页为尚未发布的预览版本，内容可能变化，请勿对外发布或引用。"


@dataclass(frozen=True)
class Site:
    name: str = DEFAULT_SITE_NAME
    base_url: str = ""
    preview: bool = False

    def __post_init__(self) -> None:
        # Typed by a person at the command line: keep it to text a page may hold.
        object.__setattr__(self, "name", " ".join(clean_text(self.name).split()) or DEFAULT_SITE_NAME)
        object.__setattr__(self, "base_url", clean_text(self.base_url).strip())


@dataclass(frozen=True)
class Crumb:
    label: str
    href: str = ""


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    note: str = ""
    external: bool = False
    current: bool = False


@dataclass
class PageMeta:
    """Head and frame of one page; `path` is the file's place in the bundle."""

    site: Site
    path: str
    title: str
    description: str = ""
    nav: str = ""
    crumbs: list[Crumb] = field(default_factory=list)
    og_type: str = "website"
    og_image: str = ""
    published: str = ""
    jsonld: Markup = Markup("")
    notices: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return layout.root_prefix(self.path)

    @property
    def html_title(self) -> str:
        prefix = "【预览稿】" if self.site.preview else ""
        if self.title == self.site.name:
            return prefix + self.title
        return f"{prefix}{self.title}｜{self.site.name}"

    @property
    def canonical(self) -> str:
        return layout.absolute(self.site.base_url, self.path)

    @property
    def noindex(self) -> bool:
        return self.site.preview

    def link(self, path: str) -> str:
        return layout.relative(self.path, path)

    def url(self, path: str) -> str:
        """The address other documents (JSON-LD, feeds) should use: absolute when known."""
        return layout.absolute(self.site.base_url, path) or self.link(path)


def validity_notice(validity: str, companion: bool = False) -> str:
    text = VALIDITY_NOTICES.get(validity, "")
    if text and companion:
        return "本材料所解读的" + text.removeprefix("本")
    return text


def page_meta(site: Site, path: str, title: str, **kwargs) -> PageMeta:
    meta = PageMeta(site=site, path=path, title=title, **kwargs)
    if site.preview:
        meta.notices.insert(0, PREVIEW_NOTICE)
    return meta
