"""Errors the core raises, each with a Chinese message that says what to do."""

from __future__ import annotations


class StudioError(Exception):
    """A request the studio refuses; `message` is shown to the user as it is."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(StudioError):
    """The user's input is malformed (bad key, value, file, path)."""

    exit_code = 2


class ActionRefused(StudioError):
    """The input is well formed but the rules or the workflow forbid the action now."""

    exit_code = 1
