"""The shared corpus of real published policies, read at test time."""

from __future__ import annotations

import json
import re

import pytest

from tests.corpus_location import CORPUS  # noqa: E402

CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "meta.json").exists()) if CORPUS.exists() else []
POLICY_CASES = [c for c in CASES if (CORPUS / c / "policy.md").exists()]
needs_corpus = pytest.mark.skipif(not CASES, reason="shared corpus not present beside the project")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# The corpus marks its own remarks in values: （页面“发文机构”字段为…）, （落款）, （标题据正文；…）.
_EDITOR_NOTE = re.compile(r"[（(][^（）()]*(?:页面|据正文|落款|编者|字段)[^（）()]*[）)]\s*$")


def meta(case: str) -> dict:
    return json.loads((CORPUS / case / "meta.json").read_text("utf-8"))


def text(case: str, name: str) -> str:
    return _COMMENT.sub("", (CORPUS / case / name).read_text("utf-8")).strip()


def value(case: str, key: str) -> str:
    """A meta.json value without the corpus editors' remarks."""
    raw = meta(case).get(key) or ""
    while _EDITOR_NOTE.search(raw):
        raw = _EDITOR_NOTE.sub("", raw).strip()
    return raw
