"""One package as the site's listings see it, and the listing pages' contents.

A ListingEntry is everything the 政策文件库 list, the 政策解读 column, the feed, the
sitemap and the search result list need about a package. It is kept in the export
state, so a re-export rebuilds those pages without reading unchanged packages again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

# Interpretation forms in the order the 政策解读 column shows them.
FORM_ORDER = ("文字解读", "图解", "政策问答", "专家解读", "媒体解读", "在线访谈", "答记者问", "新闻发布会",
              "音视频", "H5", "征求意见", "其他")
PIECE_FORMS = {"interpretation": "文字解读", "explainer": "图解", "faq": "政策问答", "consultation": "征求意见"}
# Forms that are interpretations; a consultation notice is linked from the policy but is no 解读.
INTERPRETATION_FORMS = tuple(f for f in FORM_ORDER if f != "征求意见")


@dataclass(frozen=True)
class CompanionEntry:
    piece: str
    form: str
    title: str
    # A bundle path for pages and files of the bundle; an address for material published elsewhere.
    target: str
    external: bool = False
    date: str = ""


@dataclass
class ListingEntry:
    slug: str
    id: str
    title: str
    doc_number: str
    organ: str
    topic: str
    validity: str
    kind: str
    date_written: str
    date_written_iso: str
    date_published: str
    released_at: str
    version: int
    summary: str
    policy_path: str
    companions: list[CompanionEntry] = field(default_factory=list)
    # Every page of the package, policy first.
    pages: list[str] = field(default_factory=list)

    @property
    def year(self) -> str:
        return (self.date_written_iso or self.date_published)[:4]

    @property
    def sort_key(self) -> tuple[str, str, str, str]:
        # Newest first: by release date and time, then 成文日期, then the slug for a stable order.
        return (self.date_published or self.date_written_iso, self.released_at, self.date_written_iso, self.slug)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ListingEntry:
        data = dict(d)
        data["companions"] = [CompanionEntry(**c) for c in d.get("companions", ())]
        return cls(**data)


def form_rank(form: str) -> int:
    return FORM_ORDER.index(form) if form in FORM_ORDER else len(FORM_ORDER)


def sorted_entries(entries: list[ListingEntry]) -> list[ListingEntry]:
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)


@dataclass(frozen=True)
class FilterOption:
    value: str
    count: int


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    options: list[FilterOption]


def _options(values: list[str], reverse: bool = False) -> list[FilterOption]:
    counts = Counter(v for v in values if v)
    return [FilterOption(v, counts[v]) for v in sorted(counts, reverse=reverse)]


def filters(entries: list[ListingEntry]) -> list[Filter]:
    """主题分类, 发文机关, year and 有效性, each with the values the site actually has."""
    validity_order = ("现行有效", "已修订", "已废止", "失效")
    validity_counts = Counter(e.validity for e in entries if e.validity)
    validity = [FilterOption(v, validity_counts[v]) for v in validity_order if v in validity_counts]
    validity += [FilterOption(v, n) for v, n in sorted(validity_counts.items()) if v not in validity_order]
    return [
        Filter("topic", "主题分类", _options([e.topic for e in entries])),
        Filter("organ", "发文机关", _options([e.organ for e in entries])),
        Filter("year", "成文年份", _options([e.year for e in entries], reverse=True)),
        Filter("validity", "有效性", validity),
    ]


@dataclass(frozen=True)
class ColumnItem:
    companion: CompanionEntry
    entry: ListingEntry


@dataclass(frozen=True)
class ColumnGroup:
    form: str
    anchor: str
    items: list[ColumnItem]


def interpretation_column(entries: list[ListingEntry]) -> list[ColumnGroup]:
    """The 政策解读 column: every interpretation grouped by form, each linked to its policy."""
    groups: dict[str, list[ColumnItem]] = {}
    for entry in sorted_entries(entries):
        for c in entry.companions:
            if c.form in INTERPRETATION_FORMS or c.form not in FORM_ORDER:
                groups.setdefault(c.form, []).append(ColumnItem(c, entry))
    ordered = sorted(groups, key=lambda f: (form_rank(f), f))
    return [ColumnGroup(form, f"form-{i + 1}", groups[form]) for i, form in enumerate(ordered)]
