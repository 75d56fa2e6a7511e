"""The demo library's sources in assets/demo, as the tests read them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "assets" / "demo"
LIBRARY = ROOT / "projects"

# The demo packages that have an explainer.
WITH_EXPLAINER = ("graduates", "old-estates")


def plan() -> dict[str, Any]:
    return json.loads((SOURCES / "demo.json").read_text("utf-8"))


@dataclass(frozen=True)
class DemoPackage:
    name: str
    spec: dict[str, Any]

    def file(self, piece: str) -> Path:
        name = next(i["file"] for i in self.spec["imports"] if i["piece"] == piece)
        return SOURCES / self.name / name

    def text(self, piece: str) -> str:
        return self.file(piece).read_text("utf-8")

    def metadata(self) -> Metadata:
        return Metadata.from_dict({**self.spec["create"], **self.spec.get("set", {})})

    def explainer(self) -> ExplainerPiece:
        return ExplainerPiece.from_dict(json.loads(self.text("explainer")))


def demo_package(name: str) -> DemoPackage:
    return DemoPackage(name, next(p for p in plan()["packages"] if p["folder"] == name))
