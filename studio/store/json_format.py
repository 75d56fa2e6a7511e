"""The on-disk JSON form: pretty-printed, sorted keys, Chinese unescaped, so files diff well."""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
