"""Members' private keys in the operating system's keyring, where one is usable.

Windows Credential Manager, the macOS Keychain or a Secret Service on Linux keep the key
under the user's own login, so no passphrase is asked. Where no usable keyring exists
(a machine without a desktop session, like a build server) every call says so and the
key goes to the passphrase-protected file of `key_store` instead.
"""

from __future__ import annotations

import keyring
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError

from studio.domain.names import normalise_name
from studio.domain.signing import KeyPair, public_of

SERVICE = "政策解读工作室"


def _entry(library_id: str, member: str) -> str:
    return f"{library_id}/{normalise_name(member)}"


def usable() -> bool:
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration means no keyring, never a failed command
        return False
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def store_key(library_id: str, member: str, key: KeyPair) -> bool:
    """Keep the key in the OS keyring; False when there is none usable (the caller seals a file)."""
    if not usable():
        return False
    try:
        keyring.set_password(SERVICE, _entry(library_id, member), f"{key.algorithm}:{key.private_hex}")
    except (KeyringError, OSError):
        return False
    return True


def load_key(library_id: str, member: str) -> KeyPair | None:
    """The member's key from the OS keyring (None: no keyring, or no key kept there)."""
    if not usable():
        return None
    try:
        value = keyring.get_password(SERVICE, _entry(library_id, member))
    except (KeyringError, OSError):
        return None
    if not value or ":" not in value:
        return None
    algorithm, private_hex = value.split(":", 1)
    try:
        return KeyPair(private_hex, public_of(private_hex), algorithm)
    except ValueError:
        return None  # not a key this studio wrote: treated as none


def forget_key(library_id: str, member: str) -> None:
    if not usable():
        return
    try:
        keyring.delete_password(SERVICE, _entry(library_id, member))
    except (KeyringError, OSError):
        pass
