"""The user's own profile (name, office, recent libraries) for the front ends."""

from __future__ import annotations

from studio.store.user_settings import UserSettings

__all__ = ["UserSettings", "load_profile"]


def load_profile() -> UserSettings:
    return UserSettings.load()
