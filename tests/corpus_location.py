"""Where the shared corpus of real published policies is: beside the project, or $STUDIO_CORPUS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(os.environ.get("STUDIO_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
requires_corpus = pytest.mark.skipif(not (CORPUS / "README.md").is_file(),
                                     reason="the shared corpus is not beside the project")
