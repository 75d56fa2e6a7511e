"""Rule settings of a library. Where local rules differ, the default is the stricter one."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from studio.domain.calendar import WorkCalendar

INTERPRETATION_ELEMENTS = (
    "背景依据", "目标任务", "主要内容", "涉及范围", "执行标准",
    "注意事项", "关键词诠释", "惠民利民举措", "新旧政策差异",
)


@dataclass(frozen=True)
class RuleSettings:
    # 政策图解 required for these kinds (贵阳: 规范性文件政策图解制度).
    explainer_required_kinds: tuple[str, ...] = ("规范性文件",)
    # 征求意见 required for these kinds unless the package records why none was held.
    consultation_required_kinds: tuple[str, ...] = ("规章", "规范性文件", "重大行政决策")
    # 行政法规, 规章 and 重大行政决策: not less than 30 days (重大行政决策程序暂行条例).
    consultation_min_days_major: int = 30
    # 行政规范性文件: not less than 7 working days …
    consultation_min_workdays_normative: int = 7
    # … and not less than 30 days when closely related to businesses' operations.
    consultation_min_days_business: int = 30
    # Release within N working days of 成文: 20 by law (条例第二十六条), 3 in several provinces.
    release_limit_workdays: int = 3
    # The drafter (creator or submitter) may not review or sign the package.
    forbid_drafter_review: bool = True
    # 二级审核: first and second review by different people.
    distinct_reviewers: bool = True
    interpretation_required_elements: tuple[str, ...] = (
        "背景依据", "目标任务", "主要内容", "涉及范围", "注意事项",
    )
    # An interpretation with more of its words copied from the policy than this share (%)
    # reads as 文件要点摘抄 rather than an interpretation (国办发〔2016〕80号).
    copy_overlap_percent: int = 50
    holidays: tuple[str, ...] = ()
    extra_workdays: tuple[str, ...] = ()
    # The rule profile these settings come from (studio.domain.profiles): its name, each
    # rule code's severity there ("blocking"/"warning"/"info"/"off") and the source it names.
    profile: str = ""
    severities: tuple[tuple[str, str], ...] = ()
    bases: tuple[tuple[str, str], ...] = ()

    def calendar(self) -> WorkCalendar:
        return _calendar(self.holidays, self.extra_workdays)

    def severity_of(self, code: str) -> str:
        return dict(self.severities).get(code, "")

    def basis_of(self, code: str) -> str:
        return dict(self.bases).get(code, "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in _PAIR_FIELDS:
                out[f.name] = dict(v)
            else:
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RuleSettings:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in d:
                continue
            default = getattr(cls(), f.name)
            v = d[f.name]
            if f.name in _PAIR_FIELDS:
                kwargs[f.name] = tuple(sorted((str(k), str(x)) for k, x in dict(v).items()))
            elif isinstance(default, str):
                kwargs[f.name] = str(v)
            elif isinstance(default, tuple):
                kwargs[f.name] = tuple(v)
            elif isinstance(default, bool):
                kwargs[f.name] = bool(v)
            else:
                kwargs[f.name] = int(v)
        return cls(**kwargs)


_PAIR_FIELDS = ("severities", "bases")
# Parameters a profile sets; the calendar and the profile's own bookkeeping are not among them.
PARAMETER_KEYS = tuple(f.name for f in fields(RuleSettings)
                       if f.name not in ("holidays", "extra_workdays", "profile") + _PAIR_FIELDS)


@lru_cache(maxsize=8)
def _calendar(holidays: tuple[str, ...], workdays: tuple[str, ...]) -> WorkCalendar:
    return WorkCalendar.from_iso(list(holidays), list(workdays))


SETTING_LABELS: dict[str, str] = {
    "explainer_required_kinds": "须配政策图解的文件类型",
    "consultation_required_kinds": "须公开征求意见的文件类型",
    "consultation_min_days_major": "行政法规、规章、重大行政决策征求意见最短天数",
    "consultation_min_workdays_normative": "规范性文件征求意见最短工作日",
    "consultation_min_days_business": "涉企规范性文件征求意见最短天数",
    "release_limit_workdays": "成文后发布时限（工作日）",
    "forbid_drafter_review": "起草人不得审核、审签",
    "distinct_reviewers": "初审、复审须由不同人员完成",
    "interpretation_required_elements": "解读必备要素",
    "copy_overlap_percent": "解读与原文逐字重合比例上限（%）",
    "holidays": "法定节假日",
    "extra_workdays": "调休上班日",
    "profile": "规则方案",
    "severities": "各项规则的处理方式",
    "bases": "各项规则的依据",
}
