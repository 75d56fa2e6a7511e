"""Who is acting: the name and office that go into every audit event."""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.plain_text import without_bidi_controls


@dataclass(frozen=True)
class Actor:
    name: str
    office: str = ""

    def __post_init__(self) -> None:
        # Names go into every audit line: nothing in them may reorder what is shown.
        object.__setattr__(self, "name", without_bidi_controls(self.name))
        object.__setattr__(self, "office", without_bidi_controls(self.office))
