"""Who is acting: a member of the library, signed in with their own key."""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.names import normalise_name
from studio.domain.plain_text import without_bidi_controls
from studio.domain.signing import KeyPair


@dataclass(frozen=True)
class Actor:
    name: str
    office: str = ""
    # The member's private key, opened with their passphrase at sign-in; None cannot sign.
    key: KeyPair | None = None

    def __post_init__(self) -> None:
        # Names go into every audit line: nothing in them may reorder what is shown.
        object.__setattr__(self, "name", without_bidi_controls(self.name))
        object.__setattr__(self, "office", without_bidi_controls(self.office))

    @property
    def id(self) -> str:
        return normalise_name(self.name)
