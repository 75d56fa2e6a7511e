"""Rule profiles: which rules a place applies, how strictly, and on what authority.

A profile is data (assets/profiles/*.json): per rule code a severity and the document it
rests on; per parameter a value and its source. A profile may be based on another and
then states only where it differs. A library picks a shipped profile and may derive its
own from it (studio.domain.library_config).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from studio.domain.errors import InvalidInput
from studio.domain.findings import SEVERITY_LABELS
from studio.domain.metadata import KINDS
from studio.domain.rule_catalogue import ADJUSTABLE, rule_name
from studio.domain.settings import INTERPRETATION_ELEMENTS, PARAMETER_KEYS, SETTING_LABELS, RuleSettings

# What the list parameters may hold.
LIST_CHOICES: dict[str, tuple[str, ...]] = {
    "explainer_required_kinds": KINDS,
    "consultation_required_kinds": KINDS,
    "interpretation_required_elements": INTERPRETATION_ELEMENTS,
}
# The parameter that sets the measure of a rule's findings.
GOVERNING_PARAMETER: dict[str, str] = {
    "RELEASE_OVERDUE": "release_limit_workdays",
    "RELEASE_LATE": "release_limit_workdays",
    "EXPLAINER_MISSING": "explainer_required_kinds",
    "INTERPRETATION_ELEMENTS_MISSING": "interpretation_required_elements",
    "INTERPRETATION_COPIED": "copy_overlap_percent",
}
# The words a profile file and a user use for a severity, and the finding severities.
SEVERITY_BY_LABEL = {label: value for value, label in SEVERITY_LABELS.items()}


@dataclass(frozen=True)
class Choice:
    """One choice of a profile: a severity label or a parameter value, with its source."""

    value: Any
    source: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    based_on: str = ""
    rules: dict[str, Choice] = field(default_factory=dict)
    parameters: dict[str, Choice] = field(default_factory=dict)

    def severity(self, code: str) -> str:
        """The severity label this profile sets for a rule ("" when it keeps the built-in one)."""
        choice = self.rules.get(code)
        return str(choice.value) if choice else ""

    def parameter(self, key: str) -> Any:
        choice = self.parameters.get(key)
        return choice.value if choice else getattr(RuleSettings(), key)

    def derive(self, name: str, rules: dict[str, Choice] | None = None,
               parameters: dict[str, Choice] | None = None) -> Profile:
        """A profile that keeps every choice of this one except those given."""
        return Profile(name=name, description=f"以《{self.name}》为基础", based_on=self.name,
                       rules={**self.rules, **(rules or {})},
                       parameters={**self.parameters, **(parameters or {})})

    def rule_settings(self, holidays: tuple[str, ...], extra_workdays: tuple[str, ...]) -> RuleSettings:
        values = RuleSettings().to_dict()
        for key, choice in self.parameters.items():
            values[key] = choice.value
        values.update(
            holidays=list(holidays), extra_workdays=list(extra_workdays), profile=self.name,
            severities={code: SEVERITY_BY_LABEL[c.value] for code, c in self.rules.items()},
            bases=self._bases(),
        )
        return RuleSettings.from_dict(values)

    def _bases(self) -> dict[str, str]:
        """Per rule code, what its findings rest on: the parameter that sets their measure
        (a time limit, a minimum) where there is one, else the rule's own severity choice."""
        out = {code: self._basis(c) for code, c in self.rules.items()}
        for code, key in GOVERNING_PARAMETER.items():
            if key in self.parameters:
                out[code] = self._basis(self.parameters[key])
        return out

    def _basis(self, choice: Choice) -> str:
        return f"按《{self.name}》规则：{choice.source}" if choice.source else f"按《{self.name}》规则"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "based_on": self.based_on,
            "rules": {k: {"severity": c.value, "source": c.source} for k, c in sorted(self.rules.items())},
            "parameters": {k: {"value": c.value, "source": c.source} for k, c in self.parameters.items()},
        }


def severity_choice(code: str, label: str, source: str) -> Choice:
    if code not in ADJUSTABLE:
        raise InvalidInput(f"“{rule_name(code)}”（{code}）是保障公开安全和审签的规则，不能在规则方案中调整。")
    if label not in SEVERITY_BY_LABEL:
        raise InvalidInput(f"“{label}”不是有效的处理方式，可选：{'、'.join(SEVERITY_BY_LABEL)}。")
    return Choice(label, source)


def parameter_choice(key: str, value: Any, source: str) -> Choice:
    if key not in PARAMETER_KEYS:
        raise InvalidInput(f"没有名为“{key}”的规则参数。可用的参数：{'、'.join(PARAMETER_KEYS)}。")
    default = getattr(RuleSettings(), key)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise InvalidInput(f"“{SETTING_LABELS[key]}”只能设为“是”或“否”。")
    elif isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidInput(f"“{SETTING_LABELS[key]}”须为不小于0的整数（收到“{value}”）。")
    elif isinstance(default, tuple):
        if not isinstance(value, (list, tuple)) or not all(isinstance(x, str) for x in value):
            raise InvalidInput(f"“{SETTING_LABELS[key]}”须为一组文字。")
        allowed = LIST_CHOICES.get(key, ())
        bad = [x for x in value if allowed and x not in allowed]
        if bad:
            raise InvalidInput(f"“{'、'.join(bad)}”不是有效的{SETTING_LABELS[key]}，可选：{'、'.join(allowed)}。")
        value = list(value)
    return Choice(value, source)


def profile_from_dict(data: dict[str, Any], base: Profile | None = None) -> Profile:
    """A profile as written in a profile file or a library's settings; `base` fills what it omits."""
    name = str(data.get("name") or "").strip()
    if not name:
        raise InvalidInput("规则方案缺少名称（name）。")
    rules = {code: severity_choice(code, str(row.get("severity", "")), str(row.get("source", "")))
             for code, row in (data.get("rules") or {}).items()}
    parameters = {key: parameter_choice(key, row.get("value"), str(row.get("source", "")))
                  for key, row in (data.get("parameters") or {}).items()}
    if base is not None:
        return replace(base.derive(name, rules, parameters),
                       description=str(data.get("description") or f"以《{base.name}》为基础"))
    return Profile(name=name, description=str(data.get("description") or ""),
                   based_on=str(data.get("based_on") or ""), rules=rules, parameters=parameters)
