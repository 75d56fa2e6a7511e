"""Findings: what the rules say about a package, in plain Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# A profile may also switch a rule off ("off"): its findings are then not shown.
SEVERITY_LABELS = {"blocking": "阻止发布", "warning": "警告", "info": "提示", "off": "关闭"}


class Severity(str, Enum):  # noqa: UP042 (str() of a member is relied on as its name)
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self.value]

    @property
    def rank(self) -> int:
        return {"blocking": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    piece: str
    field: str
    message: str
    # Which profile and which rule of which document the severity comes from ("按《国家》…").
    basis: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {
            "code": self.code,
            "severity": self.severity.value,
            "piece": self.piece,
            "field": self.field,
            "message": self.message,
        }
        if self.basis:
            out["basis"] = self.basis
        return out

    def display_message(self) -> str:
        """The message as shown to a user: what is wrong, then by which rule."""
        return f"{self.message}（{self.basis}）" if self.basis else self.message


def blocking(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.BLOCKING, piece, field, message)


def warning(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.WARNING, piece, field, message)


def info(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.INFO, piece, field, message)


def is_releasable(findings: list[Finding]) -> bool:
    return not any(f.severity is Severity.BLOCKING for f in findings)
