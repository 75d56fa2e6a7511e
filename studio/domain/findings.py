"""Findings: what the rules say about a package, in plain Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):  # noqa: UP042 (str() of a member is relied on as its name)
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"blocking": "阻止发布", "warning": "警告", "info": "提示"}[self.value]

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

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "piece": self.piece,
            "field": self.field,
            "message": self.message,
        }


def blocking(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.BLOCKING, piece, field, message)


def warning(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.WARNING, piece, field, message)


def info(code: str, piece: str, field: str, message: str) -> Finding:
    return Finding(code, Severity.INFO, piece, field, message)


def is_releasable(findings: list[Finding]) -> bool:
    return not any(f.severity is Severity.BLOCKING for f in findings)
