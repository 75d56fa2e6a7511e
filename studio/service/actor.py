"""Who is acting: the name and office that go into every audit event."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    office: str = ""
