"""What a library sets for itself, as stored in library.json (format 2).

A library names the shipped profile it follows and may derive its own from it: a name
and the rules and parameters where it differs, each with its source. It also keeps its
holiday calendar (when it differs from the shipped one) and the site its bundles are
exported for. Format 1 (a flat dict of rule settings, before profiles) is migrated on
reading: its explicit values become the library's own choices on top of 国家.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from studio.domain.profiles import Choice, Profile, parameter_choice, severity_choice
from studio.domain.settings import PARAMETER_KEYS

FORMAT = 2
DEFAULT_PROFILE = "国家"
MIGRATED_SOURCE = "文件库原有设置（升级前由本库设定）"


@dataclass(frozen=True)
class LibraryConfig:
    profile: str = DEFAULT_PROFILE
    # The library's own profile, derived from `profile`: "" keeps the shipped one as it is.
    own_name: str = ""
    own_rules: dict[str, Choice] = field(default_factory=dict)
    own_parameters: dict[str, Choice] = field(default_factory=dict)
    # None: the shipped holiday calendar.
    holidays: tuple[str, ...] | None = None
    extra_workdays: tuple[str, ...] | None = None
    site_name: str = ""
    site_base_url: str = ""

    @property
    def derived(self) -> bool:
        return bool(self.own_name or self.own_rules or self.own_parameters)

    def resolve(self, base: Profile) -> Profile:
        """The profile the library's packages are checked under."""
        if not self.derived:
            return base
        name = self.own_name or f"{base.name}（本库调整）"
        return base.derive(name, self.own_rules, self.own_parameters)

    def with_name(self, name: str) -> LibraryConfig:
        return replace(self, own_name=name.strip())

    def with_site(self, site_name: str | None = None, site_base_url: str | None = None) -> LibraryConfig:
        return replace(self,
                       site_name=self.site_name if site_name is None else site_name.strip(),
                       site_base_url=self.site_base_url if site_base_url is None else site_base_url.strip().rstrip("/"))

    def with_calendar(self, holidays: tuple[str, ...] | None = None,
                      extra_workdays: tuple[str, ...] | None = None) -> LibraryConfig:
        return replace(self,
                       holidays=self.holidays if holidays is None else tuple(sorted(set(holidays))),
                       extra_workdays=self.extra_workdays if extra_workdays is None else tuple(sorted(set(extra_workdays))))

    def with_rule(self, code: str, severity: str, source: str) -> LibraryConfig:
        return replace(self, own_rules={**self.own_rules, code: severity_choice(code, severity, source)})

    def with_parameter(self, key: str, value: Any, source: str) -> LibraryConfig:
        return replace(self, own_parameters={**self.own_parameters, key: parameter_choice(key, value, source)})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT, "profile": self.profile}
        if self.derived:
            out["own_profile"] = {
                "name": self.own_name,
                "rules": {k: {"severity": c.value, "source": c.source} for k, c in sorted(self.own_rules.items())},
                "parameters": {k: {"value": c.value, "source": c.source} for k, c in sorted(self.own_parameters.items())},
            }
        if self.holidays is not None:
            out["holidays"] = list(self.holidays)
        if self.extra_workdays is not None:
            out["extra_workdays"] = list(self.extra_workdays)
        out["site"] = {"name": self.site_name, "base_url": self.site_base_url}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LibraryConfig:
        if data.get("format") != FORMAT:
            return migrate_v1(data)
        own = data.get("own_profile") or {}
        site = data.get("site") or {}
        return cls(
            profile=str(data.get("profile") or DEFAULT_PROFILE),
            own_name=str(own.get("name") or ""),
            own_rules={k: severity_choice(k, str(v.get("severity", "")), str(v.get("source", "")))
                       for k, v in (own.get("rules") or {}).items()},
            own_parameters={k: parameter_choice(k, v.get("value"), str(v.get("source", "")))
                            for k, v in (own.get("parameters") or {}).items()},
            holidays=_dates(data.get("holidays")),
            extra_workdays=_dates(data.get("extra_workdays")),
            site_name=str(site.get("name") or ""),
            site_base_url=str(site.get("base_url") or ""),
        )


def _dates(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(sorted(str(x) for x in value))


def migrate_v1(data: dict[str, Any]) -> LibraryConfig:
    """A library.json from before profiles: the values it set explicitly are kept as its own."""
    parameters = {k: parameter_choice(k, data[k], MIGRATED_SOURCE) for k in PARAMETER_KEYS if k in data}
    return LibraryConfig(
        own_name="本库规则" if parameters else "",
        own_parameters=parameters,
        holidays=_dates(data.get("holidays")),
        extra_workdays=_dates(data.get("extra_workdays")),
    )
