"""The real office files in the shared corpus (realdocs/index.json) imported the way a user
does (`studio new --from`), and each field scored against the truth the index gives.

A field counts as found when the value the studio offers (filled, or proposed for
checking) equals the truth after normalisation: spaces dropped; organs compared as a
list; dates compared as days. A value filled in without a request to check it must be
right: that is the "never wrongly filled" rule.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from studio.domain.dates import parse_date
from studio.service import importing
from studio.service.session import Actor
from tests.corpus_location import CORPUS

REALDOCS = CORPUS / "realdocs"
FIELDS = {"title": "标题", "doc_number": "发文字号", "organ": "发文机关", "date_written": "成文日期"}
_ORGAN_SPLIT = re.compile(r"[；;、，,\s]+")


def entries(index: Path = REALDOCS / "index.json") -> list[dict]:
    """The files an index lists (realdocs by default; any folder laid out the same way)."""
    if not index.is_file():
        return []
    return json.loads(index.read_text("utf-8"))["files"]


def file_format(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


def same(key: str, offered: str, truth: str) -> bool:
    if key == "date_written":
        a, b = parse_date(re.sub(r"\s+", "", offered)), parse_date(re.sub(r"\s+", "", truth))
        return a is not None and a == b
    if key == "organ":
        return [p for p in _ORGAN_SPLIT.split(offered) if p] == [p for p in _ORGAN_SPLIT.split(truth) if p]
    return re.sub(r"\s+", "", offered) == re.sub(r"\s+", "", truth)


@dataclass
class Outcome:
    """What importing one file gave: values filled without doubt, values offered for checking."""

    file: str
    filled: dict[str, str] = field(default_factory=dict)
    to_check: dict[str, str] = field(default_factory=dict)
    error: str = ""

    def offered(self, key: str) -> str:
        return self.to_check.get(key) or self.filled.get(key, "")


def import_one(entry: dict, library: Path, actor: Actor, folder: Path = REALDOCS) -> Outcome:
    from studio.domain.errors import StudioError

    outcome = Outcome(entry["file"])
    try:
        _, results = importing.create_from_file(library, actor, folder / entry["file"], {})
    except StudioError as e:
        outcome.error = e.message
        return outcome
    first = results[0]
    for key in FIELDS:
        if key in first.to_check:
            outcome.to_check[key] = first.to_check[key]
        elif first.accepted.get(key):
            outcome.filled[key] = first.accepted[key]
        else:
            proposal = next((p for p in first.proposals if p.key == key), None)
            if proposal is not None:
                outcome.to_check[key] = proposal.value
    return outcome


@dataclass
class Score:
    hits: int = 0
    present: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self) -> float:
        return self.hits / self.present if self.present else 1.0


def score(pairs: list[tuple[dict, Outcome]]) -> dict[tuple[str, str], Score]:
    """(format, field) -> score over the real (not template) files where the field is present."""
    table: dict[tuple[str, str], Score] = defaultdict(Score)
    for entry, outcome in pairs:
        if entry.get("template"):
            continue
        for key in FIELDS:
            truth = entry.get(key)
            if not truth:
                continue
            for fmt in (file_format(entry["file"]), "all"):
                s = table[(fmt, key)]
                s.present += 1
                if same(key, outcome.offered(key), truth):
                    s.hits += 1
                elif fmt == "all":
                    s.misses.append(f"{entry['file']}: {FIELDS[key]} 应为“{truth}”，得到“{outcome.offered(key)}”")
    return table


def wrongly_filled(entry: dict, outcome: Outcome) -> list[str]:
    """Values filled in without a request to check them that are not the document's own."""
    wrong = []
    for key, value in outcome.filled.items():
        truth = entry.get(key)
        if not truth or not same(key, value, truth):
            wrong.append(f"{entry['file']}: {FIELDS[key]}“{value}”（应为“{truth or '无'}”）")
    return wrong
