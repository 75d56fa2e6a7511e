"""Shared fixtures: every test gets its own user settings, data and cache folders, never the real ones."""

from __future__ import annotations

import os
import sys

import pytest

_EXIT_STATUS = pytest.StashKey[int]()


@pytest.fixture(autouse=True)
def _isolated_user_settings(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("STUDIO_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


def pytest_sessionfinish(session, exitstatus):
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without tearing down Qt once the verdict is reported.

    After many windows in one process, PySide6 can abort while the interpreter frees its
    objects at exit (a reference-count error inside the binding), turning a passed run into a
    crash. Everything has been reported by now, so the process ends with the run's own status.
    """
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
