"""Who is acting: a member of the library, signed in with their own key."""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.names import normalise_name
from studio.domain.signing import KeyPair


@dataclass(frozen=True)
class Actor:
    name: str
    office: str = ""
    # The member's private key, opened with their passphrase at sign-in; None cannot sign.
    key: KeyPair | None = None

    @property
    def id(self) -> str:
        return normalise_name(self.name)
